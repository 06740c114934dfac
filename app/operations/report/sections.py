"""The report's content, once, for both renderers: a list of sections, each a title with
tables (header + rows of text) and charts (a function drawing into an Axes). The PDF lays
sections onto A4 pages, the HTML writes them one after another."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial

from matplotlib.axes import Axes

from app.operations.report import plots
from app.operations.report.data import ReportData
from app.operations.report.labels import alarm_type, label
from app.operations.report.plots import fmt, pct

Chart = Callable[[Axes], None]


@dataclass
class Table:
    title: str
    header: list[str]
    rows: list[list[str]]


@dataclass
class Section:
    """A title and its blocks in reading order: a table, or a row of one or two charts."""

    title: str
    blocks: list[Table | list[Chart]] = field(default_factory=list)


def local(t: float | None, data: ReportData, pattern: str = "%Y-%m-%d %H:%M") -> str:
    if t is None:
        return "—"
    tz = dt.timezone(dt.timedelta(hours=data.utc_offset_h))
    return dt.datetime.fromtimestamp(t, tz).strftime(pattern)


def title(data: ReportData, lang: str) -> str:
    return f"{label(data.kind, lang)} — {data.site_name}"


def period_line(data: ReportData, lang: str) -> str:
    last = local(data.end - 1, data, "%Y-%m-%d")
    first = local(data.start, data, "%Y-%m-%d")
    span = first if first == last else f"{first} – {last}"
    return (f"{label('period', lang)}: {span}    "
            f"{label('generated', lang)}: {local(data.generated_at, data)}")


def _minutes(seconds: float | int | None) -> str:
    return "—" if seconds is None else f"{seconds / 60:.0f}"


def summary(data: ReportData, lang: str) -> Section:
    t = {c.key: c for c in data.totals}
    elec, water = t.get("electricity"), t.get("water")
    wo = data.work_orders
    runs = sum(x.runs for x in data.lifts)
    faults = sum(x.faults for x in data.lifts)
    rows = [
        [label("alarms_total", lang), fmt(data.alarms_total),
         f"{label('critical', lang)} {fmt(data.alarms_critical)}"],
        [label("work_orders", lang), f"{label('created', lang)} {fmt(wo.get('created'))}",
         f"{label('done', lang)} {fmt(wo.get('done'))} / {label('open', lang)} "
         f"{fmt(wo.get('open'))}"],
        [label("electricity", lang), f"{fmt(elec.amount if elec else None)} kWh",
         f"¥{fmt(elec.cost if elec else None)}  {label('valley_share', lang)} "
         f"{pct(elec.valley_share if elec else None)}"],
        [label("water", lang), f"{fmt(water.amount if water else None)} m³",
         f"¥{fmt(water.cost if water else None)}"],
        [label("parking", lang), f"{label('passes_in', lang)} {fmt(data.parking.passes_in)}"
         f" / {label('passes_out', lang)} {fmt(data.parking.passes_out)}",
         f"{label('manual', lang)} {fmt(data.parking.manual)}  {label('flagged', lang)} "
         f"{fmt(data.parking.flagged)}"],
        [label("charging", lang), f"{label('sessions', lang)} {fmt(data.charging.sessions)}",
         f"{fmt(data.charging.energy_kwh)} kWh  {label('valley_share', lang)} "
         f"{pct(data.charging.valley_share)}"],
        [label("lifts", lang), f"{label('runs', lang)} {fmt(int(runs))}",
         f"{label('per_1000', lang)} {fmt(1000 * faults / runs if runs else None, 2)}"],
    ]
    kinds = [(label(f"kind.{c.key}", lang), c.count) for c in data.alarms_by_kind]
    buildings = [(c.key, c.count) for c in data.alarms_by_building]
    return Section(label("summary", lang), [
        Table("", ["", "", ""], rows),
        [partial(plots.barh, items=kinds, lang=lang,
                 title=f"{label('alarms', lang)} — {label('by_kind', lang)}"),
         partial(plots.barh, items=buildings[:14], lang=lang, color=plots.PALETTE[3],
                 title=f"{label('alarms', lang)} — {label('by_building', lang)}")],
        Table(label("by_type", lang), [label("alarms", lang), label("count", lang)],
              [[alarm_type(c.key, lang), fmt(c.count)] for c in data.alarms_by_type[:10]])])


def energy(data: ReportData, lang: str) -> Section:
    chart = plots.profile if data.kind == "daily" else plots.daily_energy
    section = Section(label("energy", lang), [[partial(chart, data=data, lang=lang)]])
    head = [label("group", lang), label("electricity", lang) + " kWh", label("cost", lang),
            label("valley_share", lang)]
    section.blocks.append(Table(label("group", lang), head, [
        [label(c.key, lang), fmt(c.amount), fmt(c.cost), pct(c.valley_share)]
        for c in data.by_group if c.quantity == "electricity"]))
    water = {c.key: c for c in data.by_building if c.quantity == "water"}
    section.blocks.append(Table(label("building", lang), [
        label("building", lang), "kWh", label("cost", lang), "m³", label("cost", lang)], [
        [c.key, fmt(c.amount), fmt(c.cost), fmt(water[c.key].amount if c.key in water
                                                 else None),
         fmt(water[c.key].cost if c.key in water else None)]
        for c in data.by_building if c.quantity == "electricity"]))
    return section


def water_and_orders(data: ReportData, lang: str) -> Section:
    section = Section(label("leaks", lang))
    section.blocks.append(Table(label("unaccounted", lang), [
        label("main_meter", lang), label("main_meter", lang) + " m³", label("subs", lang)
        + " m³", label("unaccounted", lang) + " m³", label("percent", lang)], [
        [u.main, fmt(u.main_m3), fmt(u.subs_m3), fmt(u.unaccounted_m3),
         ("⚠ " if u.flagged else "") + fmt(u.percent) + "%"] for u in data.unaccounted]))
    section.blocks.append(Table(label("night_flow", lang), [
        label("meter", lang), label("night_lh", lang), label("baseline_lh", lang)], [
        [f.key, f"{f.night_m3h * 1000:.0f}", f"{f.baseline_m3h * 1000:.0f}"]
        for f in data.night_flows[:15]]))
    wo = data.work_orders
    section.blocks.append(Table(label("work_orders", lang), [
        label("created", lang), label("done", lang), label("open", lang),
        f"{label('ack', lang)} ({label('minutes', lang)})",
        f"{label('arrive', lang)} ({label('minutes', lang)})",
        f"{label('resolve', lang)} ({label('minutes', lang)})"], [[
            fmt(wo.get("created")), fmt(wo.get("done")), fmt(wo.get("open")),
            _minutes(wo.get("mean_time_to_acknowledge_s")),
            _minutes(wo.get("mean_time_to_arrive_s")),
            _minutes(wo.get("mean_time_to_resolve_s"))]]))
    return section


def parking(data: ReportData, lang: str) -> Section:
    p = data.parking
    section = Section(label("parking", lang), [[partial(plots.occupancy, data=data, lang=lang),
                                                 partial(plots.hourly_passes, data=data,
                                                         lang=lang)]])
    section.blocks.append(Table(label("zone", lang), [
        label("zone", lang), label("capacity", lang), label("utilisation", lang),
        label("peak", lang), label("turnover", lang)], [
        [z.id, fmt(z.capacity), pct(z.mean_utilisation),
         f"{fmt(z.peak_occupied)} ({local(z.peak_at, data, '%m-%d %H:%M')})",
         fmt(z.turnover, 2)] for z in p.zones]))
    section.blocks.append(Table("", [
        label("residents", lang), label("visitors", lang), label("manual", lang),
        label("unpaid", lang), label("flagged", lang), label("dwell", lang)], [[
            fmt(p.residents), fmt(p.visitors), fmt(p.manual), fmt(p.unpaid),
            f"{fmt(p.flagged)} ({' '.join(p.flagged_examples[:2])})" if p.flagged else "0",
            fmt(p.visitor_dwell_median_h)]]))
    c = data.charging
    section.blocks.append(Table(label("charging", lang), [
        label("sessions", lang), label("charger_energy", lang), label("valley_share", lang),
        label("charger_faults", lang)], [[fmt(c.sessions), fmt(c.energy_kwh),
                                          pct(c.valley_share), fmt(c.faults)]]))
    section.blocks.append([partial(plots.valley_shares, lines=c.per_charger,
                                   title=label("per_charger", lang), lang=lang)])
    return section


def lifts(data: ReportData, lang: str) -> Section:
    ranked = sorted(data.lifts, key=lambda x: (-x.faults, -x.runs))
    rows = [[x.name, x.rescue_code or "—", fmt(int(x.runs)), fmt(int(x.door_cycles)),
             fmt(x.faults), fmt(x.trapped), fmt(x.faults_per_1000_runs, 2)]
            for x in ranked[:24]]
    section = Section(label("lift_faults", lang), [Table("", [
        label("lift", lang), label("rescue_code", lang), label("runs", lang),
        label("door_cycles", lang), label("faults", lang), label("trapped", lang),
        label("per_1000", lang)], rows)])
    return section


def sections(data: ReportData, lang: str) -> list[Section]:
    return [summary(data, lang), energy(data, lang), water_and_orders(data, lang),
            parking(data, lang), lifts(data, lang)]
