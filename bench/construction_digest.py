"""Where two runs of the construction bench part ways, video by video.

    python -m bench.construction_digest A.jsonl[,A2.jsonl...] B.jsonl[,B2.jsonl...]

A and B are ``bench construction --dump`` files (or several, comma-separated); each video's
line holds the detector's state digest per sample (app/vision/construction/digest.py). For
every video in both, prints the first sample where the two runs' states differ — its index
and its compound time in hours — or that they agree on every sample. A run that gave a
different alarm from identical code shows here where it started to differ, not the alarm
hours later. Exit status 1 when any video diverges.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from app.vision.construction.digest import first_divergence


def load(spec: str) -> dict[tuple[str, int], dict]:
    """Each video's last line in the dump files (kind, seed) → result."""
    out = {}
    for name in spec.split(","):
        for line in Path(name).read_text().splitlines():
            if line.strip():
                r = json.loads(line)
                out[(r["kind"], r["seed"])] = r
    return out


def compare(a: dict, b: dict) -> dict:
    """One video's verdict: ``same`` (samples compared), or the first divergent sample."""
    da, db = a.get("digests"), b.get("digests")
    if da is None or db is None:
        return {"verdict": "no digests"}
    i = first_divergence(da, db)
    if i is None:
        return {"verdict": "same", "samples": len(da)}
    times = a.get("digest_h") if i < len(da) else b.get("digest_h")
    at = times[i] if times and i < len(times) else None
    return {"verdict": "diverge", "sample": i, "h": at, "samples": (len(da), len(db))}


def lines(a: dict, b: dict) -> list[str]:
    out = []
    for key in sorted(a.keys() & b.keys()):
        c = compare(a[key], b[key])
        name = f"{key[0]} {key[1]}"
        if c["verdict"] == "same":
            out.append(f"{name}: same on all {c['samples']} samples")
        elif c["verdict"] == "diverge":
            n_a, n_b = c["samples"]
            out.append(f"{name}: first divergence at sample {c['sample']} "
                       f"({c['h']} h) of {n_a}/{n_b}")
        else:
            out.append(f"{name}: {c['verdict']}")
    for key in sorted(a.keys() ^ b.keys()):
        out.append(f"{key[0]} {key[1]}: only in {'A' if key in a else 'B'}")
    return out


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 2:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    a, b = load(argv[0]), load(argv[1])
    out = lines(a, b)
    print("\n".join(out))
    return int(any("divergence" in line for line in out))


if __name__ == "__main__":
    raise SystemExit(main())
