"""The report as a PDF: A4 pages drawn with matplotlib (Agg) and written by its PdfPages
backend, the CJK font subset-embedded (``fonts``). One section per page; a section too long
for a page continues on the next."""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from app.operations.report import plots
from app.operations.report.data import ReportData
from app.operations.report.fonts import report_style
from app.operations.report.labels import label
from app.operations.report.sections import Section, Table, period_line, sections, title

A4_IN = (8.27, 11.69)
MARGIN_IN = 0.55
HEADER_IN = 1.0
CHART_IN = 2.5
ROW_IN = 0.19
GAP_IN = 0.3


def _height(block: Table | list) -> float:
    if isinstance(block, Table):
        return (0.3 if block.title else 0.1) + ROW_IN * (max(len(block.rows), 1) + 1)
    return CHART_IN


def _pages(section: Section) -> list[list]:
    room = A4_IN[1] - 2 * MARGIN_IN - HEADER_IN
    pages, page, used = [], [], 0.0
    for block in section.blocks:
        need = _height(block) + GAP_IN
        if page and used + need > room:
            pages.append(page)
            page, used = [], 0.0
        page.append(block)
        used += need
    pages.append(page)
    return pages


def _page(data: ReportData, section: Section, blocks: list, number: int,
          lang: str) -> Figure:
    w, h = A4_IN
    fig = Figure(figsize=A4_IN)
    fig.text(MARGIN_IN / w, 1 - MARGIN_IN / h, title(data, lang), fontsize=15,
             fontweight="bold", va="top")
    fig.text(MARGIN_IN / w, 1 - (MARGIN_IN + 0.38) / h, period_line(data, lang), fontsize=8,
             color="#555", va="top")
    fig.text(MARGIN_IN / w, 1 - (MARGIN_IN + 0.72) / h, section.title, fontsize=12,
             va="top", color="#2e6da4")
    fig.text(1 - MARGIN_IN / w, MARGIN_IN / 2 / h, str(number), fontsize=8, ha="right")
    fig.text(MARGIN_IN / w, MARGIN_IN / 2 / h, label("sample_tariff", lang), fontsize=6,
             color="#888")
    top = h - MARGIN_IN - HEADER_IN
    left, width = MARGIN_IN + 0.1, w - 2 * MARGIN_IN - 0.1
    for block in blocks:
        height = _height(block)
        bottom = top - height
        if isinstance(block, Table):  # its title sits above the axes, in its own room
            room = 0.3 if block.title else 0.1
            ax = fig.add_axes((left / w, bottom / h, width / w, (height - room) / h))
            plots.table(ax, block.header, block.rows, block.title, lang)
        else:
            n = len(block)
            gap = 0.6
            each = (width - gap * (n - 1)) / n
            for i, chart in enumerate(block):
                x = left + 0.55 + i * (each + gap)
                ax = fig.add_axes((x / w, (bottom + 0.35) / h, (each - 0.7) / w,
                                   (height - 0.65) / h))
                chart(ax)
        top = bottom - GAP_IN
    return fig


def write_pdf(data: ReportData, path: Path, lang: str = "zh_CN") -> int:
    """Write the report; returns the number of pages."""
    pages = 0
    with report_style(), PdfPages(path, metadata={"Title": title(data, lang),
                                                  "Creator": "control-room"}) as pdf:
        for section in sections(data, lang):
            for blocks in _pages(section):
                pages += 1
                pdf.savefig(_page(data, section, blocks, pages, lang))
    return pages
