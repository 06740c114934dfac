"""``control-room users``: accounts from the terminal, every mistake one line and exit 2,
every change in the audit trail."""

from __future__ import annotations

import json
import subprocess
import sys

CLI = [sys.executable, "-c", "import sys; from ui.cli import main; sys.exit(main())"]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([*CLI, *args], input=stdin, capture_output=True, text=True,
                          timeout=120)


def test_accounts_are_added_locked_unlocked_and_listed_and_audited(tmp_path):
    db = f"sqlite:///{tmp_path / 'cr.db'}"
    added = _cli("users", "add", "张伟", "--role", "guard", "--display-name", "张伟",
                 "--buildings", "B01,B02", "--password-stdin", "--db", db,
                 stdin="Zhang!wei1\n")
    assert added.returncode == 0, added.stderr
    assert _cli("users", "lock", "张伟", "--db", db).returncode == 0
    listed = _cli("users", "list", "--json", "--db", db)
    (row,) = [json.loads(line) for line in listed.stdout.splitlines()]
    assert row == {"name": "张伟", "display_name": "张伟", "role": "guard", "locked": True,
                   "extra": [], "buildings": ["B01", "B02"], "cameras": None}
    assert _cli("users", "unlock", "张伟", "--db", db).returncode == 0
    verified = _cli("audit", "verify", "--db", db, "--json")
    report = json.loads(verified.stdout)
    assert verified.returncode == 0 and report["records"] == 3 and report["ok"]


def test_mistakes_are_one_line_and_exit_2(tmp_path):
    db = f"sqlite:///{tmp_path / 'cr.db'}"
    cases = [
        (("users", "add", "x", "--role", "guard", "--password-stdin", "--db", db), "short\n",
         "8 characters"),
        (("users", "add", "x", "--role", "king", "--password-stdin", "--db", db),
         "Good!pass1\n", "unknown role"),
        (("users", "add", "<b>x", "--role", "guard", "--password-stdin", "--db", db),
         "Good!pass1\n", "not allowed"),
        (("users", "add", "x", "--role", "guard", "--db", db), "", "--password-stdin"),
        (("users", "lock", "nobody", "--db", db), None, "no user"),
        (("users", "add", "x", "--role", "guard", "--grant", "root", "--password-stdin",
          "--db", db), "Good!pass1\n", "unknown permission"),
    ]
    for args, stdin, words in cases:
        result = _cli(*args, stdin=stdin)
        assert result.returncode == 2, (args, result.stderr)
        assert words in result.stderr and "Traceback" not in result.stderr, result.stderr
        errors = [line for line in result.stderr.splitlines() if "error" in line]
        assert len(errors) == 1, result.stderr
