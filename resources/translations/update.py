"""Regenerate the translations: collect tr() strings from ui/ and widgets/ into the .ts
files (existing translations are kept), mark English as translated to itself, and compile
every .ts into the .qm the app loads.

    python resources/translations/update.py          # lupdate + lrelease
    python resources/translations/update.py --check  # fail if zh_CN has unfinished strings

Edit the Chinese in control_room_zh_CN.ts (by hand or with Qt Linguist: pyside6-linguist),
then run this again and commit the .ts and .qm together. New strings may instead be given in
``zh_CN/*.tsv`` (one ``context<TAB>source<TAB>translation`` a line; ``\n`` for a newline):
each run fills them into the .ts where the string is still unfinished, so work done on
separate branches merges as plain text lines instead of XML.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CATALOG = "control_room"
LANGUAGES = ("zh_CN", "en")
SOURCE_DIRS = ("ui", "widgets")


def sources() -> list[str]:
    return [str(p.relative_to(ROOT)) for d in SOURCE_DIRS for p in sorted((ROOT / d).rglob("*.py"))]


def unfinished(ts: Path) -> list[str]:
    """Source texts without a finished translation (obsolete/vanished entries ignored)."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            kind = tr.get("type") if tr is not None else "unfinished"
            if kind in ("obsolete", "vanished"):
                continue
            if tr is None or kind == "unfinished" or not (tr.text or "").strip():
                out.append(f"{name}\t{message.findtext('source') or ''}")
    return out


def tsv_translations(folder: Path) -> dict[tuple[str, str], str]:
    """(context, source) → translation from every ``*.tsv`` in ``folder``."""
    out: dict[tuple[str, str], str] = {}
    for path in sorted(folder.glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            if len(parts) != 3:
                raise SystemExit(f"{path.name}:{number}: expected context<TAB>source<TAB>"
                                 f"translation, got {len(parts)} fields")
            context, source, translation = (p.replace("\\n", "\n") for p in parts)
            out[(context, source)] = translation
    return out


def fill_from_tsv(ts: Path, known: dict[tuple[str, str], str]) -> None:
    """Fill unfinished messages of ``ts`` whose (context, source) the TSV files translate."""
    if not known:
        return
    tree = ET.parse(ts)
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            tr = message.find("translation")
            key = (name, message.findtext("source") or "")
            if tr is not None and tr.get("type") == "unfinished" and key in known:
                tr.text = known[key]
                del tr.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def fill_english(ts: Path) -> None:
    """Source strings are English: the en catalogue translates each to itself."""
    tree = ET.parse(ts)
    for message in tree.getroot().iter("message"):
        tr = message.find("translation")
        if tr is not None and tr.get("type") == "unfinished":
            tr.text = message.findtext("source")
            del tr.attrib["type"]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="only check that zh_CN is complete")
    args = parser.parse_args(argv)
    zh = HERE / f"{CATALOG}_zh_CN.ts"
    if not args.check:
        for lang in LANGUAGES:
            ts = HERE / f"{CATALOG}_{lang}.ts"
            subprocess.run(["pyside6-lupdate", *sources(), "-no-obsolete", "-target-language",
                            lang, "-ts", str(ts)], cwd=ROOT, check=True)
            if lang == "en":
                fill_english(ts)
            else:
                fill_from_tsv(ts, tsv_translations(HERE / lang))
            subprocess.run(["pyside6-lrelease", str(ts), "-qm",
                            str(ts.with_suffix(".qm"))], check=True)
    missing = unfinished(zh)
    for text in missing:
        print(f"untranslated in {zh.name} (context<TAB>source): {text}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
