"""The training report: HTML and PDF, one page per scenario run, for a supervisor who was
not there — who trained, on what, when, the score and where it came from (each expected
action, the acknowledgements, the penalties), the timeline, and the instructor's notes.

Built from ``Debrief`` structs only (a finished session's, or ones kept in the results
table), with matplotlib's Agg backend; outside text (names, notes) is escaped in the HTML.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import io
import textwrap
from collections.abc import Sequence
from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from app.training.debrief import Debrief
from app.training.report_plots import (
    draw_acknowledgements,
    draw_expected,
    draw_timeline,
    use_cjk_font,
)

A4 = (8.27, 11.69)
STATE_WORDS = {"done": "按时 done", "late": "迟 late", "missed": "未做 missed",
               "open": "进行中 open", "waiting": "未发生 waiting"}
PENALTY_WORDS = {"missed_critical": "未确认紧急告警", "missed_high": "未确认重要告警",
                 "wrong_dispatch": "派错人", "shelved_alarm_action": "操作已搁置告警",
                 "suppressed_alarm_action": "操作已屏蔽告警", "shelved_critical": "搁置紧急告警"}


class ReportError(ValueError):
    """A report that cannot be written (bad file name, unwritable folder)."""


def write_report(debriefs: Sequence[Debrief], path: str | Path) -> Path:
    """HTML or PDF by the file's suffix."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".html", ".htm", ".pdf"):
        raise ReportError(f"{path}: a report is .html or .pdf")
    if not debriefs:
        raise ReportError("no training run to report")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        if suffix == ".pdf":
            write_pdf(debriefs, path)
        else:
            path.write_text(html_report(debriefs), encoding="utf-8")
    except OSError as exc:
        raise ReportError(f"{path}: cannot write: {exc.strerror or exc}") from None
    return path


# ---- shared words ------------------------------------------------------------------------
def clock(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    s = int(round(seconds))
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


def when(epoch: float) -> str:
    return dt.datetime.fromtimestamp(epoch).strftime("%Y-%m-%d %H:%M")


def header_lines(d: Debrief) -> list[str]:
    return [
        f"学员 Trainee: {d.trainee}" + (f"    教员 Instructor: {d.instructor}"
                                       if d.instructor else ""),
        f"场景 Scenario: {d.title}" + (f" — {d.title_en}" if d.title_en else "")
        + f"  [{d.scenario_id}, {d.staff}]",
        f"日期 Date: {when(d.started_wall)}    数据 Data: {d.source}",
        f"时长 Played: {clock(d.played_s)} / {clock(d.end - d.start)}"
        + ("" if d.finished else "  (stopped early 提前结束)")
        + f"    外发消息 Messages kept, none sent: {d.kept_messages}",
    ]


def expected_rows(d: Debrief) -> list[list[str]]:
    rows = []
    for e in d.card.expected:
        rows.append([(e.label or f"{e.action} ({e.id})")[:40],
                     clock(e.due_at - d.start) if e.due_at else "—",
                     clock(e.done_at - d.start) if e.done_at else "—",
                     STATE_WORDS.get(e.state, e.state),
                     f"{e.weight * e.credit:.1f} / {e.weight:g}"])
    return rows


def summary_line(d: Debrief) -> str:
    card = d.card
    ack = f"{card.ack_credit:.0%}" if card.ack_credit is not None else "—"
    return (f"得分 Score {card.score:.0f}/100 — earned {card.earned:.1f} of "
            f"{card.possible:.1f}, penalties −{card.penalty:.1f}; acknowledgements {ack}")


# ---- PDF ---------------------------------------------------------------------------------
def write_pdf(debriefs: Sequence[Debrief], path: Path) -> None:
    use_cjk_font()
    with PdfPages(path, metadata={"Title": "培训报告 Training report",
                                  "Creator": "control-room"}) as pdf:
        for debrief in debriefs:
            figure = page(debrief)
            pdf.savefig(figure)


def page(d: Debrief) -> Figure:
    """One A4 page for one run."""
    use_cjk_font()
    fig = Figure(figsize=A4)
    fig.text(0.06, 0.965, "培训报告  Training report", fontsize=15, weight="bold")
    fig.text(0.94, 0.962, f"{d.card.score:.0f}", fontsize=30, weight="bold", ha="right",
             color="#27ae60" if d.card.score >= 80 else "#e67e22" if d.card.score >= 60
             else "#c0392b")
    for i, line in enumerate(header_lines(d)):
        fig.text(0.06, 0.94 - i * 0.016, line, fontsize=8)
    fig.text(0.06, 0.87, summary_line(d), fontsize=9, weight="bold")
    draw_timeline(fig.add_axes((0.17, 0.68, 0.78, 0.16)), d)
    draw_expected(fig.add_axes((0.24, 0.44, 0.26, 0.19)), d)
    draw_acknowledgements(fig.add_axes((0.62, 0.44, 0.33, 0.19)), d)
    rows = expected_rows(d)[:12]
    if rows:
        ax = fig.add_axes((0.06, 0.22, 0.88, 0.17))
        ax.set_axis_off()
        table = ax.table(cellText=rows, colLabels=["预期操作 Expected action", "截止 Due",
                                                   "完成 Done", "结果 Result", "得分 Points"],
                         loc="upper center", colWidths=[0.42, 0.12, 0.12, 0.18, 0.16])
        table.auto_set_font_size(False)
        table.set_fontsize(7)
        table.scale(1, 1.25)
    lines = [f"扣分 Penalties ({len(d.card.penalties)}):"]
    lines += [f"  {clock(p.at - d.start)}  −{p.points:g}  {PENALTY_WORDS.get(p.kind, p.kind)}: "
              f"{p.what}" for p in d.card.penalties[:6]]
    notes = [e for e in d.timeline if e.kind == "note"]
    lines.append(f"教员批注 Instructor's notes ({len(notes)}):")
    for note in notes[:6]:
        text = textwrap.shorten(note.label, 110, placeholder="…")
        lines.append(f"  {clock(note.at - d.start)}  {note.who}: {text}")
    for i, line in enumerate(lines[:16]):
        fig.text(0.06, 0.195 - i * 0.0115, line, fontsize=7)
    fig.text(0.06, 0.015, f"session {d.session_id} · site {d.site} · weights: "
             "docs/training.md", fontsize=6, color="#7f8c8d")
    return fig


# ---- HTML --------------------------------------------------------------------------------
def _png(draw, d: Debrief, size: tuple[float, float]) -> str:  # noqa: ANN001
    use_cjk_font()
    fig = Figure(figsize=size, layout="constrained")
    draw(fig.add_subplot(), d)
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=110)
    return base64.b64encode(buffer.getvalue()).decode("ascii")


def html_report(debriefs: Sequence[Debrief]) -> str:
    sections = [_section(d) for d in debriefs]
    return ("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
            "<title>培训报告 Training report</title><style>"
            "body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;margin:2em;"
            "color:#222}section{page-break-after:always;margin-bottom:3em}"
            "table{border-collapse:collapse;font-size:90%}td,th{border:1px solid #ccc;"
            "padding:3px 8px;text-align:left}.score{font-size:300%;font-weight:bold}"
            ".done{color:#27ae60}.late{color:#e67e22}.missed{color:#c0392b}"
            "img{max-width:100%}</style></head><body>" + "".join(sections)
            + "</body></html>")


def _section(d: Debrief) -> str:
    e = html.escape
    head = "".join(f"<div>{e(line)}</div>" for line in header_lines(d))
    rows = "".join(
        "<tr>" + "".join(f"<td>{e(cell)}</td>" for cell in row[:3])
        + f"<td class=\"{e(state)}\">{e(row[3])}</td><td>{e(row[4])}</td></tr>"
        for row, state in zip(expected_rows(d), (x.state for x in d.card.expected),
                              strict=True))
    penalties = "".join(
        f"<li>{e(clock(p.at - d.start))} −{p.points:g} "
        f"{e(PENALTY_WORDS.get(p.kind, p.kind))}: {e(p.what)}</li>" for p in d.card.penalties)
    notes = "".join(f"<li>{e(clock(n.at - d.start))} {e(n.who)}: {e(n.label)}</li>"
                    for n in d.timeline if n.kind == "note")
    return (f"<section><h1>培训报告 Training report</h1>{head}"
            f"<p class=\"score\">{d.card.score:.0f}</p><p><b>{e(summary_line(d))}</b></p>"
            f"<img alt=\"timeline\" src=\"data:image/png;base64,"
            f"{_png(draw_timeline, d, (10, 3.2))}\">"
            f"<h2>预期操作 Expected actions</h2><table><tr><th>预期操作 Expected action</th>"
            f"<th>截止 Due</th><th>完成 Done</th><th>结果 Result</th><th>得分 Points</th></tr>"
            f"{rows}</table>"
            f"<img alt=\"expected\" src=\"data:image/png;base64,"
            f"{_png(draw_expected, d, (6, 3))}\">"
            f"<img alt=\"acknowledgements\" src=\"data:image/png;base64,"
            f"{_png(draw_acknowledgements, d, (6, 3))}\">"
            f"<h2>扣分 Penalties</h2><ul>{penalties or '<li>—</li>'}</ul>"
            f"<h2>教员批注 Instructor's notes</h2><ul>{notes or '<li>—</li>'}</ul>"
            f"<p style=\"color:#888\">session {e(d.session_id)} · site {e(d.site)}</p>"
            "</section>")
