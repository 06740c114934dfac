"""A CJK font for the report's text and plots: Noto Sans CJK (Debian's fonts-noto-cjk,
installed by tools/debian-deps.sh ``need_cjk_fonts``) or another common Chinese font.

matplotlib subsets and embeds the glyphs in the PDF as Type 3 fonts (``pdf.fonttype`` 3: Noto
CJK has CFF outlines, which a Type 42 font would mislabel), so a report reads the same on a
machine without the font and its text can still be searched and copied."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # reports are drawn off-screen, also inside the GUI's process

from matplotlib import font_manager, rc_context  # noqa: E402

log = logging.getLogger(__name__)

FAMILIES = ("Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "WenQuanYi Zen Hei",
            "Microsoft YaHei", "SimHei", "PingFang SC", "Noto Sans SC")
KNOWN_FILES = ("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
               "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
               "/usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf")
_found: list[str | None] = []


def cjk_family() -> str | None:
    """The first CJK family matplotlib can use (registering a known file if needed)."""
    if _found:
        return _found[0]
    names = {f.name for f in font_manager.fontManager.ttflist}
    family = next((f for f in FAMILIES if f in names), None)
    if family is None:
        for path in KNOWN_FILES:
            if Path(path).exists():
                font_manager.fontManager.addfont(path)
                names = {f.name for f in font_manager.fontManager.ttflist}
                family = next((f for f in FAMILIES if f in names), None)
                if family:
                    break
    if family is None:
        log.warning("no CJK font found: Chinese text in reports will not render "
                    "(install fonts-noto-cjk)")
    _found.append(family)
    return family


@contextlib.contextmanager
def report_style() -> Iterator[None]:
    """matplotlib settings for report figures, only while drawing them."""
    family = cjk_family()
    with rc_context({"font.family": [family, "DejaVu Sans"] if family else ["DejaVu Sans"],
                     "pdf.fonttype": 3, "axes.unicode_minus": False, "font.size": 8,
                     "axes.titlesize": 9, "axes.spines.top": False,
                     "axes.spines.right": False}):
        yield
