"""``control-room audit verify --db URL``: check the audit trail's HMAC-SM3 chain and name
every edited, inserted or deleted record (exit 1 when there is any, 0 when it is intact).

The key comes from the config's ``[security] audit_key_file``, ``CONTROL_ROOM_AUDIT_KEY``, or
the secrets folder of the user who runs it — never from the database itself.
"""

from __future__ import annotations

import argparse
import json
import sys

from app.cli import UsageError, config_from_args


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("audit", help="check the audit trail")
    actions = parser.add_subparsers(dest="audit_command", metavar="ACTION", required=True,
                                    parser_class=type(parser))
    verify = actions.add_parser("verify", help="name every edited, inserted or deleted "
                                "record; exit 1 if any")
    verify.add_argument("--db", metavar="URL", help="database URL (SQLAlchemy form)")
    verify.add_argument("--config", metavar="FILE.toml", help="configuration file")
    verify.add_argument("--site", default=None, help="only this site (default: every site)")
    verify.add_argument("--key-file", default=None, metavar="FILE",
                        help="the HMAC key (default: the config's, or the secrets folder's)")
    verify.add_argument("--json", action="store_true", help="one JSON object on stdout")
    verify.set_defaults(func=_verify)


def _verify(args: argparse.Namespace) -> int:
    from pathlib import Path

    from app.security.audit import AuditError, default_head, load_key
    from app.security.audit_verify import verify_trail
    from app.storage import StorageError, open_database

    config = config_from_args(args)
    key_file = args.key_file or config.security.audit_key_file
    try:
        key = load_key(Path(key_file) if key_file else None, create=False)
    except AuditError as exc:
        raise UsageError(str(exc)) from None
    try:
        engine = open_database(config.database.url)
    except StorageError as exc:
        raise UsageError(str(exc)) from None
    try:
        report = verify_trail(engine, key, default_head(key_file), site=args.site)
    finally:
        engine.dispose()
    if args.json:
        json.dump({"records": report.records, "ok": report.ok,
                   "problems": [{"site": p.site, "seq": p.seq, "kind": p.kind, "text": p.text}
                                for p in report.problems]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        for problem in report.problems:
            print(f"{problem.site}: {problem.text}")
        print(f"{report.records} records checked: "
              + ("intact" if report.ok else f"{len(report.problems)} problems"))
    return 0 if report.ok else 1
