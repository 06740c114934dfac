"""The selected work order in detail: who is (or would be) sent and why, and its timeline.

"Why" is the suggestion's cost terms (walking time, urgency weight, busy and old-position
penalties, the urgent-order bonus, the total) or, once assigned, the terms of the choice
that was made; a dispatcher's override shows who overrode and why. The timeline lists every
lifecycle step and note, oldest first.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.dispatch.notes import position_word
from app.dispatch.orders import WorkOrder, short_order_id
from app.dispatch.runtime_view import OrderView
from app.dispatch.technicians import CERTIFIED_ONLY
from ui import dispatch_labels as L
from widgets.plain_text import plain_label, tooltip
from widgets.timeline import Timeline


class OrderDetail(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.heading = plain_label(self.tr("Select a work order"))  # titles carry names
        self.heading.setWordWrap(True)
        self.heading.setObjectName("OrderHeading")
        self.who = plain_label()
        self.who.setWordWrap(True)
        self.who.setObjectName("OrderSuggestion")
        self.terms = QTableWidget(0, 2)
        self.terms.setHorizontalHeaderLabels([self.tr("Reason"), self.tr("Value")])
        self.terms.verticalHeader().hide()
        self.terms.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.terms.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.timeline = Timeline([self.tr("Time"), self.tr("Who"), self.tr("Step"),
                                  self.tr("Note")])
        self.terms.setMinimumHeight(50)  # scrolls in a short dock rather than squeezing 3D
        # the dock is short on a 1080p desk: the reasons and the timeline take turns at the
        # full height below the order's heading instead of sharing it in slivers
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.terms, self.tr("Why"))
        self.tabs.addTab(self.timeline, self.tr("Timeline"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.who)
        layout.addWidget(self.tabs, 1)
        self._shown: tuple | None = None

    def show_order(self, view: OrderView | None, tech_names: dict[str, str],
                   title_of: Callable[[WorkOrder], str],
                   people: Mapping[str, str] | None = None) -> None:
        """Redraws only when something the dispatcher reads here changed."""
        key = None if view is None else (view.id, view.order.state, len(view.order.history),
                                         len(view.order.notes), view.suggestion,
                                         view.why_unassigned)
        if key == self._shown:
            return
        self._shown = key
        if view is None:
            self.heading.setText(self.tr("Select a work order"))
            self.heading.setToolTip("")
            self.who.clear()
            self.terms.setRowCount(0)
            self.timeline.set_rows([])
            return
        o = view.order
        loc = o.location
        where = " ".join(str(p) for p in (loc.building, f"{loc.floor}F" if loc.floor is not None
                                          else None, loc.room) if p)
        # the id as the queue shows it and people say it; the full one for a search or export
        self.heading.setText(f"{short_order_id(o.id)} · P{o.priority} · "
                             f"{L.name(L.STATE_NAMES, o.state)}\n{title_of(o)}\n{where}")
        self.heading.setToolTip(tooltip(o.id))
        explanation = o.explanation
        if o.assignee:
            self.who.setText(self.tr("Assigned to %1").replace(
                "%1", tech_names.get(o.assignee, o.assignee)))
        elif view.suggestion is not None:
            explanation = view.suggestion.explanation
            tech = view.suggestion.tech_id
            self.who.setText(self.tr("Suggested: %1").replace(
                "%1", self._suggestion_words(tech_names.get(tech, tech), o.skill,
                                             explanation)))
        else:
            self.who.setText(L.word_note(view.why_unassigned, tech_names)
                             or self.tr("No suggestion yet"))
        if view.why_unassigned and view.suggestion is not None:
            self.who.setText(self.who.text() + "\n"
                             + L.word_note(view.why_unassigned, tech_names))
        self._show_terms(explanation)
        self._show_timeline(view, tech_names, people or {})

    def _suggestion_words(self, name: str, skill: str,
                          explanation: dict[str, float | str]) -> str:
        """The suggestion's reasons, from its cost terms, in the dispatcher's language."""
        try:
            minutes = float(explanation.get("travel_s", 0.0)) / 60.0
            load = int(float(explanation.get("open_orders", 0.0)))
            stale = float(explanation.get("stale_penalty_s", 0.0)) > 0
        except (TypeError, ValueError):
            return name
        return L.suggestion_words(name, minutes, position_word(stale), load,
                                  skill, certified=skill in CERTIFIED_ONLY)

    def _show_terms(self, explanation: dict[str, float | str]) -> None:
        rows = [(L.name(L.TERM_NAMES, k), explanation[k]) for k in L.TERM_NAMES
                if k in explanation]
        self.terms.setRowCount(len(rows))
        for r, (label, value) in enumerate(rows):
            text = f"{value:,.1f}" if isinstance(value, float) else str(value)
            self.terms.setItem(r, 0, QTableWidgetItem(label))
            self.terms.setItem(r, 1, QTableWidgetItem(text))

    def _show_timeline(self, view: OrderView, tech_names: dict[str, str],
                       people: Mapping[str, str]) -> None:
        o = view.order
        def who(actor: str) -> str:
            return L.word_actor(actor, tech_names, people)

        def words(text: str) -> str:
            return L.word_note(text, tech_names)

        entries = [(h.ts, who(h.actor), f"{L.name(L.STATE_NAMES, h.from_state)} → "
                    f"{L.name(L.STATE_NAMES, h.to_state)}", words(h.note)) for h in o.history]
        entries += [(n.ts, who(n.author), self.tr("note"), words(n.text)) for n in o.notes]
        entries.sort(key=lambda e: e[0])
        self.timeline.set_rows([(L.clock_time(ts), who, step, note)
                                for ts, who, step, note in entries])
