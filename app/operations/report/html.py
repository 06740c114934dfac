"""The report as one self-contained HTML file: the same sections as the PDF, tables as
HTML tables, charts as inline PNG. Every text from outside (names, plates, device ids) is
escaped: data, never markup."""

from __future__ import annotations

import base64
import html
import io
from pathlib import Path

from matplotlib.figure import Figure

from app.operations.report.data import ReportData
from app.operations.report.fonts import report_style
from app.operations.report.labels import label
from app.operations.report.sections import Table, period_line, sections, title

_STYLE = """body{font-family:"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;
color:#222;max-width:60em}h1{font-size:1.5em}h2{color:#2e6da4;border-bottom:1px solid #ccd;
margin-top:2em}table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}
td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}th{background:#e9eef5}
.meta,.note{color:#666;font-size:.85em}img{max-width:48%;margin-right:1%}"""


def _png(chart) -> str:  # noqa: ANN001
    fig = Figure(figsize=(5.2, 2.8))
    ax = fig.add_axes((0.16, 0.16, 0.8, 0.72))
    chart(ax)
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110)
    return base64.b64encode(buf.getvalue()).decode("ascii")


def _table(t: Table) -> str:
    e = html.escape
    head = "".join(f"<th>{e(h)}</th>" for h in t.header) if any(t.header) else ""
    rows = "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in row) + "</tr>"
                   for row in t.rows)
    caption = f"<h3>{e(t.title)}</h3>" if t.title else ""
    return f"{caption}<table>{f'<tr>{head}</tr>' if head else ''}{rows}</table>"


def render_html(data: ReportData, lang: str = "zh_CN") -> str:
    e = html.escape
    parts = [f'<!DOCTYPE html><html lang="{"zh-CN" if lang == "zh_CN" else "en"}"><head>'
             f'<meta charset="utf-8"><title>{e(title(data, lang))}</title>'
             f"<style>{_STYLE}</style></head><body>",
             f"<h1>{e(title(data, lang))}</h1><p class=meta>{e(period_line(data, lang))}</p>"]
    with report_style():
        for section in sections(data, lang):
            parts.append(f"<h2>{e(section.title)}</h2>")
            for block in section.blocks:
                if isinstance(block, Table):
                    parts.append(_table(block))
                else:
                    parts.append("<p>" + "".join(
                        f'<img alt="" src="data:image/png;base64,{_png(c)}">' for c in block)
                        + "</p>")
    parts.append(f"<p class=note>{e(label('sample_tariff', lang))}</p></body></html>")
    return "".join(parts)


def write_html(data: ReportData, path: Path, lang: str = "zh_CN") -> None:
    path.write_text(render_html(data, lang), encoding="utf-8")
