"""Roles and permissions: who may do what, declared once as data.

The engine checks every command against this table (``may``), whatever client sent it; the
UI reads the same table only to hide what a user may not do. Scopes narrow a user to some
buildings and cameras (None = all). ``video.unmasked`` belongs to no role: it is granted to
a named user explicitly, and every use of it is audited.
"""

from __future__ import annotations

import enum

import msgspec


class Permission(enum.StrEnum):
    ACKNOWLEDGE = "alarm.acknowledge"  # acknowledge, comment, silence at this console
    SHELVE = "alarm.shelve"  # shelve / unshelve
    CLOSE = "alarm.close"
    DISPATCH = "dispatch"  # create orders, assign the suggested technician, move states
    OVERRIDE = "dispatch.override"  # assign someone else than suggested, reassign, auto-assign
    EDIT_RULES = "rules.edit"  # learned bands, device registration, maintenance
    EDIT_MASKS = "camera.masks.edit"  # privacy masks, shield zones, facades, zones
    VIEW_UNMASKED = "video.unmasked"
    EXPORT_EVIDENCE = "evidence.export"
    REVIEW_CHANGES = "construction.review"  # accept / reject / dispatch a construction change
    MANAGE_USERS = "users.manage"
    VIEW_AUDIT = "audit.view"
    CONTROL_WALL = "wall.control"
    INSTRUCT = "training.instruct"  # pause, inject, annotate a training session


class Role(enum.StrEnum):
    GUARD = "guard"
    ENGINEER = "engineer"
    DISPATCHER = "dispatcher"
    SUPERVISOR = "supervisor"
    AUDITOR = "auditor"
    INSTRUCTOR = "instructor"
    TRAINEE = "trainee"
    ADMINISTRATOR = "administrator"
    WALL = "wall"  # a read-only video wall


P = Permission
_OPERATOR = {P.ACKNOWLEDGE}
ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.GUARD: frozenset(_OPERATOR | {P.DISPATCH}),
    Role.ENGINEER: frozenset(_OPERATOR | {P.SHELVE, P.CLOSE, P.DISPATCH, P.EDIT_RULES}),
    Role.DISPATCHER: frozenset(_OPERATOR | {P.CLOSE, P.DISPATCH, P.OVERRIDE}),
    Role.SUPERVISOR: frozenset(_OPERATOR | {P.SHELVE, P.CLOSE, P.DISPATCH, P.OVERRIDE,
                                            P.EDIT_RULES, P.EDIT_MASKS, P.EXPORT_EVIDENCE,
                                            P.REVIEW_CHANGES, P.CONTROL_WALL}),
    Role.AUDITOR: frozenset({P.VIEW_AUDIT}),
    Role.INSTRUCTOR: frozenset(_OPERATOR | {P.SHELVE, P.CLOSE, P.DISPATCH, P.OVERRIDE,
                                            P.INSTRUCT, P.CONTROL_WALL}),
    Role.TRAINEE: frozenset(_OPERATOR | {P.SHELVE, P.CLOSE, P.DISPATCH, P.OVERRIDE}),
    Role.ADMINISTRATOR: frozenset({P.MANAGE_USERS, P.VIEW_AUDIT, P.EDIT_RULES, P.EDIT_MASKS,
                                   P.CONTROL_WALL}),
    Role.WALL: frozenset(),
}

#: the roles a person takes at a desk; each has a default workspace (ui/workspaces.py)
DESK_ROLES = (Role.GUARD, Role.ENGINEER, Role.DISPATCHER, Role.SUPERVISOR, Role.AUDITOR,
              Role.INSTRUCTOR, Role.TRAINEE, Role.ADMINISTRATOR)


class Scope(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    """Where a user may act; None = everywhere."""

    buildings: frozenset[str] | None = None
    cameras: frozenset[str] | None = None

    def covers_building(self, building: str | None) -> bool:
        # a place outside every building (a road, a gate) is in scope only for an
        # unrestricted user
        return self.buildings is None or (building is not None and building in self.buildings)

    def covers_camera(self, camera_id: str) -> bool:
        return self.cameras is None or camera_id in self.cameras


EVERYWHERE = Scope()


class Grant(msgspec.Struct, frozen=True):
    """What one user may do: their role's permissions plus any granted to them by name."""

    role: Role
    extra: frozenset[Permission] = frozenset()
    scope: Scope = EVERYWHERE

    @property
    def permissions(self) -> frozenset[Permission]:
        return ROLE_PERMISSIONS[self.role] | self.extra

    def may(self, permission: Permission) -> bool:
        return permission in self.permissions


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise ValueError(f"unknown role {text!r}; roles: "
                         f"{', '.join(r.value for r in Role)}") from None


def parse_permission(text: str) -> Permission:
    try:
        return Permission(text.strip())
    except ValueError:
        raise ValueError(f"unknown permission {text!r}; permissions: "
                         f"{', '.join(p.value for p in Permission)}") from None
