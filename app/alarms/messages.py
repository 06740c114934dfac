"""What an alarm says, kept as data (a template name and its values) so each screen can
word it in its own language; ``describe`` gives the English line used in logs and in the
events published to city platforms. The UI's translated twin is ui/alarm_labels.describe.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

#: template name → English wording; the UI translates the same names
TEMPLATES: Mapping[str, str] = {
    "above": "{point} {value} above {threshold}",
    "below": "{point} {value} below {threshold}",
    "flag": "{point} = {value}",
    "unusual": "{point} {value} unusual for this hour (usual {lo}–{hi})",
    "rate": "{point} changing {rate} per minute",
    "combo": "{name}",
    "event": "{kind} {data}",  # "smoke", "gas_leak fault=gas_leak, severity=0.6"
    "offline": "offline",
    "stale": "silent (stale)",
    "feed_silent": "no messages from the site for {seconds} s",  # app.ingest.feed
    "welfare": "{unit} {resident}: no water or door activity for {hours} h",
    "sound": "{kind}{level} located at ({x}, {y}, {z}) ±{uncertainty} m {where}",
    "operations": "{what}",  # app.operations: gate, parking, charger, water; values by name
    "storage": "storage cannot keep incoming data: {held} messages held unacknowledged, "
               "{dropped} dropped ({reason})",
}


def detail(template: str, **values: Any) -> dict[str, Any]:
    """A message as data: ``detail("above", point="temp_c", value=113, threshold=85)``."""
    if template not in TEMPLATES:
        raise KeyError(f"no alarm message template {template!r}")
    return {"t": template, **values}


def formatted(values: Mapping[str, Any]) -> dict[str, str]:
    """The values as an operator reads them: numbers to 3 significant digits."""
    out = {}
    for key, value in values.items():
        if key == "data" and isinstance(value, Mapping):
            out[key] = ", ".join(f"{k}={v}" for k, v in sorted(value.items()))
        elif isinstance(value, float):
            out[key] = f"{value:.3g}"
        else:
            out[key] = "" if value is None else str(value)
    return out


def describe(d: Mapping[str, Any]) -> str:
    template = TEMPLATES.get(str(d.get("t")), "")
    try:
        text = template.format(**formatted(d)).strip()
    except (KeyError, IndexError):
        text = str({k: v for k, v in d.items() if k != "t"})
    if d.get("rescue_code"):  # a lift's 96333 code goes with every alarm of that lift
        text += f" (96333 rescue code {d['rescue_code']})"
    return text
