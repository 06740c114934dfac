"""Daily and monthly operations reports (PDF and HTML) for the property manager:
``gather`` reads the figures from the database, ``write_report`` renders them."""

from __future__ import annotations

from pathlib import Path

from app.operations.report.data import ReportData, gather, period

FORMATS = (".pdf", ".html")


def write_report(data: ReportData, path: Path, lang: str = "zh_CN") -> None:
    """Render ``data`` to ``path``; the suffix (.pdf or .html) chooses the format."""
    suffix = Path(path).suffix.lower()
    if suffix == ".pdf":
        from app.operations.report.pdf import write_pdf

        write_pdf(data, Path(path), lang)
    elif suffix in (".html", ".htm"):
        from app.operations.report.html import write_html

        write_html(data, Path(path), lang)
    else:
        raise ValueError(f"{path}: a report is written as .pdf or .html, not {suffix!r}")


__all__ = ["FORMATS", "ReportData", "gather", "period", "write_report"]
