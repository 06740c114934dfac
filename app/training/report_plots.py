"""The debrief's figures, drawn with matplotlib (Agg) onto axes the caller gives: the
report's HTML saves each as a PNG, its PDF puts them on one page per run.

- ``draw_timeline``: the run in lanes — injected events, serious alarms (by severity), the
  trainee's actions (done, refused or failed, rewound), the instructor's notes and moves —
  with each expected action's deadline as a line coloured by how it went;
- ``draw_expected``: each expected action's weight and what it earned;
- ``draw_acknowledgements``: how long each alarm waited for its acknowledgement, against
  the target of its severity.

Text on them uses a CJK font found on the system, so Chinese names and notes print.
"""

from __future__ import annotations

from functools import cache

import matplotlib

matplotlib.use("Agg")

from matplotlib import font_manager  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402

from app.training.debrief import Debrief  # noqa: E402
from app.training.scoring import ACK_TARGET_S  # noqa: E402

SEVERITY_COLOUR = {1: "#7f8c8d", 2: "#d4ac0d", 3: "#e67e22", 4: "#c0392b"}
STATE_COLOUR = {"done": "#27ae60", "late": "#e67e22", "missed": "#c0392b", "open": "#2980b9",
                "waiting": "#95a5a6"}
OUTCOME_COLOUR = {"ok": "#27ae60", "refused": "#c0392b", "failed": "#c0392b"}
LANES = ("instructor", "action", "alarm", "injection")
LANE_LABELS = {"instructor": "教员 Instructor", "action": "学员 Trainee",
               "alarm": "告警 Alarms", "injection": "事件 Events"}
_FONT_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
               "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
               "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc")


@cache
def use_cjk_font() -> str | None:
    """Make matplotlib's default font one that has Chinese glyphs; its name, or None."""
    import os

    families = []
    for path in _FONT_FILES:
        if os.path.isfile(path):
            font_manager.fontManager.addfont(path)
            families.append(font_manager.FontProperties(fname=path).get_name())
    known = {f.name for f in font_manager.fontManager.ttflist}
    preferred = [name for name in ("Noto Sans CJK SC", *families, "WenQuanYi Micro Hei")
                 if name in known]
    matplotlib.rcParams["font.family"] = "sans-serif"
    matplotlib.rcParams["font.sans-serif"] = [*preferred, "DejaVu Sans"]
    matplotlib.rcParams["axes.unicode_minus"] = False
    matplotlib.rcParams["pdf.fonttype"] = 42  # embed TrueType: text stays text in the PDF
    return preferred[0] if preferred else None


def minutes(debrief: Debrief, at: float) -> float:
    return (at - debrief.start) / 60.0


def draw_timeline(ax: Axes, debrief: Debrief) -> None:
    y = {lane: i for i, lane in enumerate(LANES)}
    for entry in debrief.timeline:
        x = minutes(debrief, entry.at)
        if entry.kind == "deadline":
            ax.axvline(x, color=STATE_COLOUR.get(entry.outcome, "#95a5a6"), lw=1.2,
                       ls="--", alpha=0.8)
            continue
        lane = "instructor" if entry.kind in ("note", "instructor") else entry.kind
        if lane == "injection":
            ax.plot(x, y[lane], marker="D", color="#8e44ad", ms=8)
            ax.annotate(entry.label[:24], (x, y[lane]), xytext=(3, 7),
                        textcoords="offset points", fontsize=7, rotation=20)
        elif lane == "alarm":
            ax.plot(x, y[lane], marker="o", color=SEVERITY_COLOUR.get(entry.severity, "k"),
                    ms=6, alpha=0.85)
        elif lane == "action":
            colour = "#bdc3c7" if entry.rewound else OUTCOME_COLOUR.get(entry.outcome, "k")
            ax.plot(x, y[lane], marker="^", color=colour, ms=7)
        else:
            ax.plot(x, y[lane], marker="s" if entry.kind == "note" else "|",
                    color="#2980b9", ms=7)
    end = max(debrief.played_s, (debrief.end - debrief.start)) / 60.0
    ax.set_xlim(-0.02 * end, end * 1.02 + 0.1)
    ax.set_ylim(-0.7, len(LANES) - 0.3)
    ax.set_yticks(range(len(LANES)), [LANE_LABELS[lane] for lane in LANES], fontsize=8)
    ax.set_xlabel("分钟 minutes after the start", fontsize=8)
    ax.tick_params(axis="x", labelsize=8)
    ax.grid(axis="x", alpha=0.3)
    ax.set_title("时间线 Timeline (dashed: deadlines — green done, orange late, red missed)",
                 fontsize=9, loc="left")


def draw_expected(ax: Axes, debrief: Debrief) -> None:
    items = debrief.card.expected
    if not items:
        ax.text(0.5, 0.5, "无预期操作 no expected actions", ha="center", va="center",
                transform=ax.transAxes, fontsize=8)
        ax.set_axis_off()
        return
    labels = [(e.label or f"{e.action} ({e.id})")[:28] for e in items]
    rows = range(len(items))
    ax.barh(rows, [e.weight for e in items], color="#ecf0f1", edgecolor="#bdc3c7")
    ax.barh(rows, [e.weight * e.credit for e in items],
            color=[STATE_COLOUR.get(e.state, "#95a5a6") for e in items])
    ax.set_yticks(rows, labels, fontsize=7)
    ax.invert_yaxis()
    ax.set_xlabel("得分 / 权重 points / weight", fontsize=8)
    ax.tick_params(axis="x", labelsize=7)
    ax.set_title("预期操作 Expected actions", fontsize=9, loc="left")


def draw_acknowledgements(ax: Axes, debrief: Debrief) -> None:
    acks = debrief.card.acknowledgements
    if not acks:
        ax.text(0.5, 0.5, "无计分告警 no alarm scored", ha="center", va="center",
                transform=ax.transAxes, fontsize=8)
        ax.set_axis_off()
        return
    waited = [(a.acknowledged_at - a.raised_at) if a.acknowledged_at is not None else None
              for a in acks]
    top = max([w for w in waited if w is not None] + [ACK_TARGET_S[a.severity] for a in acks])
    for ack, wait in zip(acks, waited, strict=True):
        x = minutes(debrief, ack.raised_at)
        colour = SEVERITY_COLOUR.get(ack.severity, "k")
        if wait is None:
            ax.plot(x, top * 1.15, marker="x", color=colour, ms=8)
        else:
            ax.plot(x, wait, marker="o", color=colour, ms=5)
    for severity in sorted({a.severity for a in acks}):
        ax.axhline(ACK_TARGET_S[severity], color=SEVERITY_COLOUR[severity], lw=0.8, ls=":")
    ax.set_ylim(0, top * 1.25)
    ax.set_xlabel("告警时间 raised (minutes)", fontsize=8)
    ax.set_ylabel("确认用时 s to acknowledge", fontsize=8)
    ax.tick_params(labelsize=7)
    ax.set_title("告警确认 Acknowledgements (x: never; dotted: targets)", fontsize=9,
                 loc="left")
