"""The main window's menus: File, View (the 3D view, every panel by id, workspaces, full
screen, language) and Help."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMessageBox

from app import __version__
from ui.workspaces import WORKSPACES

if TYPE_CHECKING:
    from ui.main_window import MainWindow

#: the words of this module, translated in the window's own context (listed here so
#: lupdate finds them; ``_tr`` looks them up)
_WORDS = (
    QT_TRANSLATE_NOOP("MainWindow", "&File"),
    QT_TRANSLATE_NOOP("MainWindow", "&Quit"),
    QT_TRANSLATE_NOOP("MainWindow", "&View"),
    QT_TRANSLATE_NOOP("MainWindow", "&Reset 3D view"),
    QT_TRANSLATE_NOOP("MainWindow", "Device &inspector"),
    QT_TRANSLATE_NOOP("MainWindow", "&Alarms"),
    QT_TRANSLATE_NOOP("MainWindow", "&Dispatch"),
    QT_TRANSLATE_NOOP("MainWindow", "&Camera wall"),
    QT_TRANSLATE_NOOP("MainWindow", "&Workspace"),
    QT_TRANSLATE_NOOP("MainWindow", "&Full screen"),
    QT_TRANSLATE_NOOP("MainWindow", "&Language"),
    QT_TRANSLATE_NOOP("MainWindow", "Takes effect at the next start"),
    QT_TRANSLATE_NOOP("MainWindow", "&Help"),
    QT_TRANSLATE_NOOP("MainWindow", "&About"),
    QT_TRANSLATE_NOOP("MainWindow", "About"),
)
_ABOUT = QT_TRANSLATE_NOOP("MainWindow", "<h3>Smart Property Control Room %1</h3>"
                           "<p>The control room of a residential compound: the compound in "
                           "3D, live devices, alarms and dispatch.</p>")


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


#: languages offered in the menu, each named in its own language (so never translated)
LANGUAGE_LABELS = {"zh_CN": "中文（简体）", "en": "English"}


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    file_menu = bar.addMenu(_tr("&File"))
    w.quit_action = QAction(_tr("&Quit"), w)
    w.quit_action.setShortcut(QKeySequence.StandardKey.Quit)
    w.quit_action.triggered.connect(w.close)
    if hasattr(w, "operations_panel"):  # the operations report, from the File menu too
        file_menu.addAction(w.operations_panel.energy.report_action)
        file_menu.addSeparator()
    file_menu.addAction(w.quit_action)

    view_menu = bar.addMenu(_tr("&View"))
    w.reset_view_action = QAction(_tr("&Reset 3D view"), w)
    w.reset_view_action.setShortcut(QKeySequence("Home"))
    w.reset_view_action.triggered.connect(w._on_reset_view)
    view_menu.addAction(w.reset_view_action)
    labels = {"inspector": _tr("Device &inspector"), "alarms": _tr("&Alarms"),
              "dispatch": _tr("&Dispatch"), "cameras": _tr("&Camera wall")}
    for panel, dock in w.docks.items():
        toggle = dock.toggleViewAction()
        if panel in labels:
            toggle.setText(labels[panel])
        if panel == "cameras":
            toggle.setShortcut(QKeySequence("F9"))
        view_menu.addAction(toggle)
    view_menu.addSeparator()
    workspaces = view_menu.addMenu(_tr("&Workspace"))
    group = QActionGroup(w)
    w.workspace_actions = {}
    for name, workspace in WORKSPACES.items():
        action = QAction(workspace.label(), w, checkable=True)
        action.setData(name)
        group.addAction(action)
        workspaces.addAction(action)
        w.workspace_actions[name] = action
    group.triggered.connect(lambda action: w.use_workspace(action.data()))
    workspaces.aboutToShow.connect(lambda: [
        a.setChecked(n == w.current_workspace) for n, a in w.workspace_actions.items()])
    w.full_screen_action = QAction(_tr("&Full screen"), w, checkable=True)
    w.full_screen_action.setShortcut(QKeySequence.StandardKey.FullScreen)
    w.full_screen_action.toggled.connect(w._on_full_screen)
    view_menu.addAction(w.full_screen_action)
    view_menu.addSeparator()
    lang_menu = view_menu.addMenu(_tr("&Language"))
    languages = QActionGroup(w)
    for code, label in LANGUAGE_LABELS.items():
        action = QAction(label, w, checkable=True)
        action.setChecked(code == w.lang)
        action.setData(code)
        languages.addAction(action)
        lang_menu.addAction(action)
    languages.triggered.connect(w._on_language_chosen)
    lang_menu.addSeparator()
    note = QAction(_tr("Takes effect at the next start"), w)
    note.setEnabled(False)
    lang_menu.addAction(note)

    help_menu = bar.addMenu(_tr("&Help"))
    about = QAction(_tr("&About"), w)
    about.triggered.connect(lambda: QMessageBox.about(
        w, _tr("About"),
        _tr(_ABOUT).replace("%1", __version__)))
    help_menu.addAction(about)
    w.menus = {"file": file_menu, "view": view_menu, "workspace": workspaces,
               "language": lang_menu, "help": help_menu}
