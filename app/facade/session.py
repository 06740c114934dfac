"""Who is at a console: the signed-in user, their grant, and the console's name.

Every command travels with a Session; the handler authorises and audits against it. The
embedded demo runs as ``DEMO_SESSION`` (no login, clearly marked in the title bar), which
may do what a supervisor may on the simulated compound, and nothing with users or audit.
"""

from __future__ import annotations

import socket

import msgspec

from app.security.roles import Grant, Permission, Role


class Session(msgspec.Struct, frozen=True):
    user: str  # the login name: who did it, in the audit trail and the alarm history
    display_name: str
    grant: Grant
    console: str  # which console (host and seat), for the audit trail
    demo: bool = False
    training: bool = False

    def may(self, permission: Permission) -> bool:
        return self.grant.may(permission)

    @property
    def role(self) -> Role:
        return self.grant.role


def console_name(seat: str = "") -> str:
    host = socket.gethostname() or "localhost"
    return f"{host}/{seat}" if seat else host


DEMO_USER = "demo"
DEMO_SESSION = Session(user=DEMO_USER, display_name="演示 DEMO",
                       grant=Grant(Role.SUPERVISOR), console=console_name("demo"), demo=True)
