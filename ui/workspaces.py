"""Workspaces: which panels a desk shows, where, and how big — as data, one per kind of
work, chosen by the signed-in user's role and switchable from the View menu.

At 1920×1080 one layout cannot serve everyone: a guard watches cameras, an engineer the
3D model, alarms and trends, a dispatcher the orders and the technicians. Each workspace
names panels by id (``MainWindow.docks``) with an area, a tab group and a share of the
screen; the user's own arrangement is saved per user and workspace and comes back at the
next sign-in.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from app.security.roles import Role

Area = Qt.DockWidgetArea
LEFT, RIGHT, BOTTOM, TOP = (Area.LeftDockWidgetArea, Area.RightDockWidgetArea,
                            Area.BottomDockWidgetArea, Area.TopDockWidgetArea)


@dataclass(frozen=True)
class Placement:
    panel: str  # a MainWindow.docks key
    area: Qt.DockWidgetArea
    #: panels of one group share a place as tabs; the first listed is in front
    group: str = ""


@dataclass(frozen=True)
class Workspace:
    name: str
    title: str  # translated in the "Workspace" context
    placements: tuple[Placement, ...]
    #: the share of the window's width / height given to each area (the 3D view keeps the
    #: rest); an area without panels takes nothing
    shares: dict[Qt.DockWidgetArea, float] = field(default_factory=dict)

    def label(self) -> str:
        return QCoreApplication.translate("Workspace", self.title)


SECURITY = Workspace(
    "security", QT_TRANSLATE_NOOP("Workspace", "Security: cameras and alarms"),
    (Placement("cameras", LEFT),
     Placement("alarms", BOTTOM),
     Placement("inspector", RIGHT, "side"), Placement("layers", RIGHT, "side"),
     Placement("floors", RIGHT, "side")),
    {LEFT: 0.62, BOTTOM: 0.30, RIGHT: 0.0})
ENGINEERING = Workspace(
    "engineering", QT_TRANSLATE_NOOP("Workspace", "Engineering: 3D, alarms and trends"),
    (Placement("inspector", RIGHT, "side"), Placement("layers", RIGHT, "side"),
     Placement("floors", RIGHT, "side"),
     Placement("alarms", BOTTOM, "bottom"), Placement("dispatch", BOTTOM, "bottom"),
     Placement("operations", BOTTOM, "bottom"), Placement("cameras", BOTTOM, "bottom")),
    {RIGHT: 0.26, BOTTOM: 0.34})
DISPATCH = Workspace(
    "dispatch", QT_TRANSLATE_NOOP("Workspace", "Dispatch: orders and technicians"),
    (Placement("dispatch", BOTTOM, "bottom"), Placement("alarms", BOTTOM, "bottom"),
     Placement("cameras", BOTTOM, "bottom"),
     Placement("inspector", RIGHT, "side"), Placement("layers", RIGHT, "side"),
     Placement("floors", RIGHT, "side")),
    {BOTTOM: 0.58, RIGHT: 0.22})
SUPERVISION = Workspace(
    "supervision", QT_TRANSLATE_NOOP("Workspace", "Supervision: everything at a glance"),
    (Placement("alarms", BOTTOM, "bottom"), Placement("dispatch", BOTTOM, "bottom"),
     Placement("operations", BOTTOM, "bottom"), Placement("changes", BOTTOM, "bottom"),
     Placement("cameras", RIGHT, "side"), Placement("inspector", RIGHT, "side"),
     Placement("layers", RIGHT, "side"), Placement("floors", RIGHT, "side"),
     Placement("wall", RIGHT, "side")),
    {BOTTOM: 0.40, RIGHT: 0.36})
OPERATIONS = Workspace(
    "operations", QT_TRANSLATE_NOOP("Workspace", "Operations: energy, parking, chargers"),
    (Placement("operations", BOTTOM, "bottom"), Placement("alarms", BOTTOM, "bottom"),
     Placement("inspector", RIGHT, "side"), Placement("layers", RIGHT, "side"),
     Placement("floors", RIGHT, "side")),
    {BOTTOM: 0.62, RIGHT: 0.22})
AUDIT = Workspace(
    "audit", QT_TRANSLATE_NOOP("Workspace", "Audit: the trail of actions"),
    (Placement("audit", BOTTOM, "bottom"), Placement("alarms", BOTTOM, "bottom"),
     Placement("inspector", RIGHT, "side")),
    {BOTTOM: 0.70, RIGHT: 0.22})

WORKSPACES: dict[str, Workspace] = {w.name: w for w in
                                     (SECURITY, ENGINEERING, DISPATCH, SUPERVISION, OPERATIONS,
                                      AUDIT)}

ROLE_WORKSPACE: dict[Role, str] = {
    Role.GUARD: "security", Role.ENGINEER: "engineering", Role.DISPATCHER: "dispatch",
    Role.SUPERVISOR: "supervision", Role.AUDITOR: "audit", Role.INSTRUCTOR: "supervision",
    Role.TRAINEE: "supervision", Role.ADMINISTRATOR: "audit", Role.WALL: "supervision",
}


def default_workspace(role: Role) -> Workspace:
    return WORKSPACES[ROLE_WORKSPACE.get(role, "supervision")]


def apply_workspace(window, workspace: Workspace) -> None:  # noqa: ANN001 (a MainWindow)
    """Re-dock the window's panels as ``workspace`` says; panels it does not name are
    hidden (the View menu still opens them). Sizes follow once the window has its size."""
    docks = window.docks
    for dock in docks.values():
        window.removeDockWidget(dock)
    placed: dict[str, list] = {}
    for placement, dock in _placements(window, workspace):
        dock.setFloating(False)
        window.addDockWidget(placement.area, dock)
        dock.show()
        group = placed.setdefault(placement.group or placement.panel, [])
        if group:
            window.tabifyDockWidget(group[0], dock)
        group.append(dock)
    named = {p.panel for p, _ in _placements(window, workspace)}
    for panel, dock in docks.items():
        if panel not in named:
            dock.hide()
    for group in placed.values():
        group[0].raise_()
    window.current_workspace = workspace.name
    size_areas(window, workspace, placed)


def size_workspace(window, workspace: Workspace) -> None:  # noqa: ANN001 (a MainWindow)
    """The areas' shares again, for panels already placed by ``apply_workspace``: once a
    new window has its real size (re-docking every panel there cost ~0.2 s before the
    first frame)."""
    placed: dict[str, list] = {}
    for placement, dock in _placements(window, workspace):
        placed.setdefault(placement.group or placement.panel, []).append(dock)
    size_areas(window, workspace, placed)


def _placements(window, workspace: Workspace) -> list[tuple[Placement, object]]:  # noqa: ANN001
    """(placement, dock) for each panel the workspace names that this desk has, and for
    the panels its session always shows (training's player and debrief)."""
    pinned = tuple(getattr(window, "pinned_placements", ()))
    return [(p, window.docks[p.panel]) for p in (*workspace.placements, *pinned)
            if p.panel in window.docks]


def size_areas(window, workspace: Workspace, placed: dict[str, list]) -> None:  # noqa: ANN001
    width, height = window.width(), window.height()
    for area, share in workspace.shares.items():
        docks = [group[0] for group in placed.values()
                 if window.dockWidgetArea(group[0]) == area]
        if not docks or share <= 0:
            continue
        horizontal = area in (LEFT, RIGHT)
        total = (width if horizontal else height) * share
        if horizontal:
            window.resizeDocks(docks, [int(total)] * len(docks), Qt.Orientation.Horizontal)
        else:
            # groups side by side along the bottom share its height, each the full height
            window.resizeDocks(docks, [int(total)] * len(docks), Qt.Orientation.Vertical)
