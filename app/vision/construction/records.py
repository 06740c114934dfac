"""The review records of detected changes, kept as files beside their pictures.

One folder per change under ``<evidence>/<camera>/construction/<UTC stamp>-<id>/`` holding
``before.jpg`` (the reference), ``after.jpg`` (the sample, registered to the reference),
``frame.jpg`` (the sample as captured) and ``change.json`` — the detection, its place in
the compound, its state and every decision (who, when, why). Why files and not the
database: the pictures are files anyway and the evidence package is made of them; a folder
is a self-contained case a reviewer can copy out, and the rejected ones are a tuning set as
they stand. Who did what is also what the lead's audited command layer records.

``change.json`` is replaced atomically, so a crash never leaves half a record; a record
that cannot be read is logged and skipped, never fatal.
"""

from __future__ import annotations

import json
import logging
import os
from datetime import UTC, datetime
from pathlib import Path

import cv2
import msgspec
import numpy as np

log = logging.getLogger(__name__)

STATES = ("open", "accepted", "rejected", "dispatched")
PICTURES = ("before", "after", "frame")


class Decision(msgspec.Struct, frozen=True):
    action: str  # "accepted" | "rejected" | "dispatched" | "gone"
    user: str
    reason: str
    at: float  # wall clock, epoch seconds


class ChangeRecord(msgspec.Struct, frozen=True):
    id: str
    camera_id: str
    camera_name: str
    zone: str
    zone_kind: str
    zone_name: str
    t_detected: float
    t_onset: float
    bbox_px: tuple[int, int, int, int]
    polygon_px: tuple[tuple[float, float], ...]
    confidence: float
    site_xy: tuple[float, float] | None  # where it stands in the compound (ground plane)
    state: str = "open"
    decisions: tuple[Decision, ...] = ()
    work_order: str | None = None
    package: str | None = None
    still_seen: bool = True  # False once the detector no longer sees it
    folder: str = ""
    site_z: float = 0.0  # the height it stands at: 0 on the ground, a roof's height
    # parts seen late after it was dispatched, taken as the same case (ChangeGrew): when,
    # and their box in the camera's frame pixels
    late_parts: tuple[tuple[float, tuple[int, int, int, int]], ...] = ()


def public_record(record: ChangeRecord) -> ChangeRecord:
    """The record as a remote console gets it: without the server's folder (a path there
    means nothing to a console) and ``package`` reduced to its file name."""
    package = Path(record.package).name if record.package else record.package
    return msgspec.structs.replace(record, folder="", package=package)


class RecordStore:
    def __init__(self, evidence_dir: Path) -> None:
        self.root = Path(evidence_dir)

    def folder_for(self, camera_id: str, change_id: str, t: float) -> Path:
        stamp = datetime.fromtimestamp(t, UTC).strftime("%Y%m%dT%H%M%SZ")
        return self.root / camera_id / "construction" / f"{stamp}-{change_id}"

    def create(self, record: ChangeRecord, before: np.ndarray, after: np.ndarray,
               frame: np.ndarray) -> ChangeRecord:
        folder = Path(record.folder)
        folder.mkdir(parents=True, exist_ok=True)
        for name, img in (("before", before), ("after", after), ("frame", frame)):
            ok, buf = cv2.imencode(".jpg", img, [cv2.IMWRITE_JPEG_QUALITY, 92])
            if ok:
                (folder / f"{name}.jpg").write_bytes(buf.tobytes())
        self.save(record)
        return record

    def save(self, record: ChangeRecord) -> None:
        folder = Path(record.folder)
        tmp = folder / "change.json.tmp"
        tmp.write_bytes(msgspec.json.format(msgspec.json.encode(record), indent=1))
        os.replace(tmp, folder / "change.json")

    def load_all(self) -> list[ChangeRecord]:
        out = []
        for path in sorted(self.root.glob("*/construction/*/change.json")):
            try:
                rec = msgspec.json.decode(path.read_bytes(), type=ChangeRecord)
            except (OSError, msgspec.DecodeError, msgspec.ValidationError) as exc:
                log.warning("%s: unreadable change record (%s); skipped", path, exc)
                continue
            out.append(msgspec.structs.replace(rec, folder=str(path.parent)))
        return out

    @staticmethod
    def picture(record: ChangeRecord, which: str) -> bytes:
        if which not in PICTURES:
            raise ValueError(f"no picture {which!r}: before, after or frame")
        return (Path(record.folder) / f"{which}.jpg").read_bytes()

    @staticmethod
    def metadata(record: ChangeRecord) -> dict:
        """The evidence package's metadata.json (times in UTC ISO form as well)."""
        meta = json.loads(msgspec.json.encode(record))
        meta.pop("folder", None)
        meta["kind"] = "illegal_construction"
        for key in ("t_detected", "t_onset"):
            if record.t_detected > 1e9:  # live stream times are epoch seconds
                meta[key.replace("t_", "time_") + "_utc"] = datetime.fromtimestamp(
                    getattr(record, key), UTC).isoformat()
        return meta
