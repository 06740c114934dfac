"""``control-room users add|passwd|lock|unlock|list``: user accounts, from the terminal of
the machine that holds the database (the first administrator is made this way, or with the
server's one-time setup token).

Passwords are asked at the terminal twice (never echoed, never an argument), or read as one
line from standard input with ``--password-stdin`` for scripts. Every change is written to
the audit trail as done by ``terminal:<login name>`` on this host.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import socket
import sys

from app.cli import UsageError, config_from_args
from app.config.site import site_of


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("users", help="user accounts: add, passwd, lock, unlock, list")
    actions = parser.add_subparsers(dest="users_command", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    add = actions.add_parser("add", help="create an account")
    add.add_argument("name", help="login name (letters of any script, digits, . _ -)")
    add.add_argument("--role", required=True, help="guard, engineer, dispatcher, supervisor, "
                     "auditor, instructor, trainee, administrator or wall")
    add.add_argument("--display-name", default="", help="the name shown at consoles")
    add.add_argument("--buildings", default=None, metavar="B1,B2",
                     help="limit the user to these buildings (default: all)")
    add.add_argument("--cameras", default=None, metavar="C1,C2",
                     help="limit the user to these cameras (default: all)")
    add.add_argument("--grant", action="append", default=[], metavar="PERMISSION",
                     help="an extra permission (e.g. video.unmasked); repeatable")
    passwd = actions.add_parser("passwd", help="set a new password")
    passwd.add_argument("name")
    lock = actions.add_parser("lock", help="lock an account until unlocked")
    lock.add_argument("name")
    unlock = actions.add_parser("unlock", help="unlock an account (also after 5 failures)")
    unlock.add_argument("name")
    listing = actions.add_parser("list", help="list the accounts")
    listing.add_argument("--json", action="store_true", help="one JSON object a line")
    for action in (add, passwd):
        action.add_argument("--password-stdin", action="store_true",
                            help="read the password as one line from standard input")
    for action in (add, passwd, lock, unlock, listing):
        action.add_argument("--db", metavar="URL", help="database URL (SQLAlchemy form)")
        action.add_argument("--config", metavar="FILE.toml", help="configuration file")
        action.set_defaults(func=_run)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        line = sys.stdin.readline()
        if not line:
            raise UsageError("--password-stdin: no password on standard input")
        return line.rstrip("\r\n")
    if not sys.stdin.isatty():
        raise UsageError("no terminal to ask the password at: use --password-stdin")
    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise UsageError("the two passwords differ")
    return first


def _ids(text: str | None) -> list[str] | None:
    if text is None:
        return None
    return [part.strip() for part in text.split(",") if part.strip()]


def _run(args: argparse.Namespace) -> int:
    from app.security.audit import AuditError, open_trail
    from app.security.passwords import PasswordPolicyError, check_policy
    from app.security.roles import parse_role
    from app.security.users import UserDirectory, UserError
    from app.storage import StorageError, open_database

    config = config_from_args(args)
    password = None
    if args.users_command in ("add", "passwd"):
        if args.users_command == "add":  # a wrong role or name is said before the prompt
            try:
                parse_role(args.role)
            except ValueError as exc:
                raise UsageError(str(exc)) from None
        password = _password(args)
        try:
            check_policy(password)  # before the database is touched
        except PasswordPolicyError as exc:
            raise UsageError(str(exc)) from None
    try:
        engine = open_database(config.database.url)
    except StorageError as exc:
        raise UsageError(str(exc)) from None
    users = UserDirectory(engine)
    action = args.users_command
    try:
        if action == "list":
            for user in users.list():
                row = {"name": user.name, "display_name": user.display_name,
                       "role": user.role.value, "locked": user.disabled,
                       "extra": sorted(p.value for p in user.extra),
                       "buildings": sorted(user.scope.buildings) if user.scope.buildings
                       is not None else None,
                       "cameras": sorted(user.scope.cameras) if user.scope.cameras
                       is not None else None}
                print(json.dumps(row, ensure_ascii=False) if args.json else
                      f"{user.name:<16} {user.role.value:<14} "
                      f"{'LOCKED ' if user.disabled else ''}{user.display_name}")
            return 0
        if action == "add":
            role = parse_role(args.role)
            users.add(args.name, password, role, display_name=args.display_name,
                      extra=args.grant, buildings=_ids(args.buildings),
                      cameras=_ids(args.cameras))
            detail = {"role": role.value}
        elif action == "passwd":
            if users.get(args.name) is None:
                raise UserError(f"no user {args.name!r}")
            users.set_password(args.name, password)
            detail = {}
        elif action == "lock":
            users.lock(args.name)
            detail = {}
        else:
            users.unlock(args.name)
            detail = {}
        try:
            open_trail(engine, site_of(config), config.security.audit_key_file).append(
                f"terminal:{_login()}"[:64], f"user.{action}", f"user:{args.name}",
                console=socket.gethostname(), detail=detail)
        except AuditError as exc:
            print(f"control-room: warning: not audited: {exc}", file=sys.stderr)
    except (UserError, PasswordPolicyError, ValueError) as exc:
        raise UsageError(str(exc)) from None
    finally:
        engine.dispose()
    print(f"{action}: {args.name}: done")
    return 0


def _login() -> str:
    try:
        return os.getlogin()
    except OSError:
        return getpass.getuser()
