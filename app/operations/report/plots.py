"""The report's charts and tables, each drawn into a matplotlib Axes it is given: the PDF
lays several on an A4 page, the HTML report gives each its own small figure."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from matplotlib.axes import Axes

from app.operations.report.data import ReportData
from app.operations.report.labels import label
from app.operations.views import CostLine

PALETTE = ("#2e6da4", "#e08a1e", "#3d9a5b", "#c0504d", "#8064a2", "#4bacc6", "#9b8b4e",
           "#7f7f7f")


def fmt(value: float | int | None, digits: int = 1) -> str:
    if value is None:
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    return f"{value:,.{digits}f}"


def pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.0f}%"


def _empty(ax: Axes, title: str, lang: str) -> None:
    ax.set_title(title, loc="left")
    ax.text(0.5, 0.5, label("no_data", lang), ha="center", va="center", color="#888",
            transform=ax.transAxes)
    ax.set_xticks([])
    ax.set_yticks([])


def barh(ax: Axes, items: Sequence[tuple[str, float]], title: str, lang: str,
         color: str = PALETTE[0], fmt_value=fmt) -> None:  # noqa: ANN001
    if not items:
        _empty(ax, title, lang)
        return
    names = [k for k, _ in items][::-1]
    values = [v for _, v in items][::-1]
    ax.barh(range(len(values)), values, color=color, height=0.65)
    ax.set_yticks(range(len(values)), names)
    for i, v in enumerate(values):
        ax.text(v, i, " " + fmt_value(v), va="center", fontsize=7)
    ax.set_title(title, loc="left")
    ax.margins(x=0.18)


def profile(ax: Axes, data: ReportData, lang: str) -> None:
    """Daily: the day's electric load by group, stacked (kW)."""
    title = label("load_profile", lang)
    series = [p for p in data.profiles if p.quantity == "electricity"]
    if not series:
        _empty(ax, title, lang)
        return
    hours = np.arange(len(series[0].values)) * series[0].step_s / 3600
    ax.stackplot(hours, *[p.values for p in series], labels=[label(p.group, lang)
                                                              for p in series],
                 colors=PALETTE[:len(series)], alpha=0.85)
    ax.set_xlim(0, 24)
    ax.set_xticks(range(0, 25, 3))
    ax.set_xlabel(label("hours", lang))
    ax.set_ylabel(label("kw", lang))
    ax.legend(loc="upper left", fontsize=7, ncol=3, frameon=False)
    ax.set_title(title, loc="left")


def daily_energy(ax: Axes, data: ReportData, lang: str) -> None:
    """Monthly: electricity per day (bars) and its cost (line)."""
    title = label("daily_energy", lang)
    days = [c for c in data.by_day if c.quantity == "electricity"]
    if not days:
        _empty(ax, title, lang)
        return
    x = np.arange(len(days))
    ax.bar(x, [c.amount for c in days], color=PALETTE[0], width=0.7)
    ax.set_xticks(x, [c.key[-2:] for c in days], fontsize=6)
    ax.set_ylabel(label("kwh", lang))
    twin = ax.twinx()
    twin.plot(x, [c.cost or 0 for c in days], color=PALETTE[1], marker="o", markersize=2)
    twin.set_ylabel(label("cost", lang))
    twin.spines["right"].set_visible(True)
    ax.set_title(title, loc="left")


def occupancy(ax: Axes, data: ReportData, lang: str) -> None:
    title = label("occupancy", lang)
    zones = [z for z in data.parking.zones if any(o is not None for _, o in z.series)]
    if not zones:
        _empty(ax, title, lang)
        return
    scale = 3600 if data.kind == "daily" else 86400
    for i, zone in enumerate(zones):
        xs = [(t - data.start) / scale for t, o in zone.series if o is not None]
        ys = [100 * o / zone.sensed for _, o in zone.series if o is not None and zone.sensed]
        ax.plot(xs[:len(ys)], ys, color=PALETTE[i % len(PALETTE)], label=zone.id, lw=1)
    ax.set_ylim(0, 100)
    ax.set_xlim(0, (data.end - data.start) / scale)
    ax.set_ylabel("%")
    ax.set_xlabel(label("hours" if data.kind == "daily" else "day", lang))
    ax.legend(fontsize=7, frameon=False)
    ax.set_title(title, loc="left")


def hourly_passes(ax: Axes, data: ReportData, lang: str) -> None:
    title = label("hourly_passes", lang)
    if not any(data.parking.hourly):
        _empty(ax, title, lang)
        return
    ax.bar(range(24), data.parking.hourly, color=PALETTE[2], width=0.75)
    ax.set_xticks(range(0, 24, 3))
    ax.set_xlabel(label("hours", lang))
    ax.set_title(title, loc="left")


def valley_shares(ax: Axes, lines: Sequence[CostLine], title: str, lang: str) -> None:
    items = sorted(((c.key, c.valley_share or 0.0) for c in lines if c.amount > 0),
                   key=lambda kv: kv[1], reverse=True)
    if not items:
        _empty(ax, title, lang)
        return
    x = np.arange(len(items))
    ax.bar(x, [100 * v for _, v in items], color=PALETTE[2], width=0.8)
    ax.set_xticks(x, [k.rsplit("-", 2)[-2] if k.count("-") >= 2 else k for k, _ in items],
                  rotation=90, fontsize=5)
    ax.set_ylim(0, 100)
    ax.set_ylabel("%")
    ax.set_title(title, loc="left")


def table(ax: Axes, header: Sequence[str], rows: Sequence[Sequence[str]], title: str,
          lang: str, widths: Sequence[float] | None = None) -> None:
    ax.axis("off")
    ax.set_title(title, loc="left")
    if not rows:
        ax.text(0, 0.5, label("no_data", lang), color="#888", transform=ax.transAxes)
        return
    t = ax.table(cellText=[list(r) for r in rows], loc="upper left", cellLoc="left",
                 colLabels=list(header) if any(header) else None, colLoc="left",
                 colWidths=widths)
    t.auto_set_font_size(False)
    t.set_fontsize(7)
    t.scale(1, 1.15)
    for (r, _), cell in t.get_celld().items():
        cell.set_edgecolor("#cccccc")
        if r == 0 and any(header):
            cell.set_facecolor("#e9eef5")
