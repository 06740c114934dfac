"""The lines the dispatch engine itself writes into a work order (its history and notes).

They are stored in English, as logs, exports and city platforms read them; ``parse`` gives
a screen the template and its values back so that it words them in the operator's language
(ui/dispatch_labels.word_note), the same way wherever an order is shown. A line that is not
one of these (a technician's or a dispatcher's own words) is shown as it was written.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from typing import Any

#: where a suggested technician's position comes from: a live fix, or the last one kept
#: when the handset has gone quiet (the "suggested" line's {where})
LIVE, LAST_KNOWN = "live", "last known"


def position_word(stale: bool) -> str:
    return LAST_KNOWN if stale else LIVE


#: template name → English wording
TEMPLATES: Mapping[str, str] = {
    "created_from": "created from {origin}",
    "manual": "manual assignment: {reason}",
    "reassigned": "reassigned to {tech}: {reason}",
    "not_accepted": "not accepted within {seconds} s",
    # the reasons of an assignment the engine suggested (app.dispatch.assignment)
    "suggested": "{name}: {minutes} min away ({where} position), {load} open order(s), "
                 "{skill}{cert}{preempts}",
    # why a queued order has no suggested technician (app.dispatch.assignment, runtime_view)
    "nobody": "no technician on the roster",
    "none_qualified": "no {certified}{skill} technician on the roster",
    "none_on_shift": "no {skill} technician on shift",
    "all_taken": "every suitable technician is taken this round; waiting",
    "all_unavailable": "every {skill} technician is at full load, unreachable or has "
                       "rejected it",
    "read_only": "read-only source ({source}): orders are recorded but never sent to "
                 "handsets; replay and training cannot command real technicians",
    # a console's dispatch before the server's first snapshot (app.client.mirrors)
    "waiting": "waiting for the server",
}
#: what a value looks like where its neighbours alone cannot tell where it ends
_VALUE_PATTERNS = {
    "minutes": r"-?[\d.]+", "seconds": r"[\d.]+", "load": r"\d+", "where": f"{LIVE}|{LAST_KNOWN}",
    "reason": r".*", "skill": r"[a-z_]+", "cert": r"(?: \(certified\))?",
    "preempts": r"(?:; pre-empts .+)?", "certified": r"(?:certified )?",
}


def note(template: str, **values: Any) -> str:
    """The English line: ``note("not_accepted", seconds=300)``."""
    return TEMPLATES[template].format(**values)


def parse(text: str) -> tuple[str, dict[str, str]] | None:
    """The template and values of a line ``note`` wrote; None for anyone else's words."""
    for template, pattern in _patterns().items():
        match = pattern.fullmatch(text)
        if match:
            return template, match.groupdict()
    return None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for template, wording in TEMPLATES.items():
        parts = re.split(r"\{(\w+)\}", wording)  # text, name, text, name, ..., text
        regex = "".join(re.escape(part) if i % 2 == 0
                        else f"(?P<{part}>{_VALUE_PATTERNS.get(part, '.+?')})"
                        for i, part in enumerate(parts))
        out[template] = re.compile(regex, re.DOTALL)
    return out
