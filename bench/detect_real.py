"""Public footage for the falling-object benchmark: clips nobody here rendered.

None of it is in the repository (several repositories carry no licence, and videos do not
belong in git). ``CLIPS`` names each file by its repository, commit and path; the bench
reads them from ``~/.cache/control-room/falling-real/`` (``$CONTROL_ROOM_CACHE`` moves
it). To fill the cache from a checkout of each repository at that commit::

    python -m bench.detect_real fetch --from /path/to/checkouts   # owner+name/ folders

Truth for the throw clips was set by eye from the frames (release time ±0.1 s, release
point ±10 px, office2 less sure); the rest are distractor-only: traffic, birds against the
sky, trees, people. The office clips come with a facade calibration clicked by eye on the
frame (the brick and glass face below the roof line, 4 storeys × 3 bays), as an installer
would give one.
``-nvr`` variants are the same clips as an NVR or transcoder re-times them (30 fps content
shown at 20 fps and written back at 30 fps: every third frame repeated), made with ffmpeg
into the same cache.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
from pathlib import Path

CACHE = Path(os.environ.get("CONTROL_ROOM_CACHE", Path.home() / ".cache" / "control-room"))
REAL_DIR = CACHE / "falling-real"

_BH = ("Bharath-Anr/High_rise_littering_detection", "3e4522196aad9479b993cfd8d9495ff03c271587",
       "no licence file: kept out of the repository")
_INTEL = ("intel-iot-devkit/sample-videos", "57978890822836f2b4743852f04f62fc511757e4",
          "CC BY 4.0 (Intel)")
_BGS = ("andrewssobral/bgslibrary", "4622bc9cded1c5504cec6db47db07b3e3c782ecc",
        "MIT (repository licence)")
_IZ = ("IzhanAlam/Object-Tracking-With-Kalman-Filter", "d72e1e9a0838bf09c53c384a3eaff4bca80e4713",
       "no licence file: kept out of the repository")

# name: (source, path in the repository, split, throws [(t_start, t_last_visible, (x, y))], what)
CLIPS: dict[str, tuple] = {
    "office1.mp4": (_BH, "office1.mp4", "dev",
                    [(7.05, 7.9, (671, 148)), (7.55, 8.0, (684, 102))],
                    "720p30 phone at the foot of a 4-storey office, two objects thrown off the roof"),
    "office2.mp4": (_BH, "office2.mp4", "held-out", [(8.5, 10.0, (680, 120))],
                    "same facade, a small object thrown off the roof (release time uncertain"
                    " by ±0.4 s: it is 2–3 px against the glass)"),
    "office3.mp4": (_BH, "office3.mp4", "held-out", [(2.85, 3.6, (690, 105))],
                    "same facade, one object thrown off the roof"),
    "izhan_birds.mp4": (_IZ, "birds.mp4", "dev", [], "a flock of birds against a grey sky"),
    "intel_car-detection.mp4": (_INTEL, "car-detection.mp4", "dev", [], "road, cars, rain on"
                                " the road"),
    "bgs_video.avi": (_BGS, "dataset/video.avi", "dev", [], "motorway from above"),
    "bgs_video02.avi": (_BGS, "dataset/video02.avi", "held-out", [], "motorway CCTV with an"
                        " overlay clock"),
    "bgs_video03.avi": (_BGS, "dataset/video03.avi", "held-out", [], "road beside trees"),
    "intel_one-by-one-person.mp4": (_INTEL, "one-by-one-person-detection.mp4", "held-out", [],
                                    "people walking into a room"),
    "intel_bottle.mp4": (_INTEL, "bottle-detection.mp4", "held-out", [], "hands moving bottles"),
}


# facade calibrations by clip (the same building in all three office clips)
FACADES = {n: {"corners_px": [[425, 95], [945, 90], [960, 480], [315, 480]], "floors": 4,
               "columns": 3} for n in ("office1.mp4", "office2.mp4", "office3.mp4")}


def clip_path(name: str) -> Path | None:
    """The cached file of a clip (an ``-nvr`` variant is made on first use), or None."""
    base, nvr = (name[:-4], True) if name.endswith("-nvr") else (name, False)
    src = REAL_DIR / base
    if not src.is_file():
        return None
    if not nvr:
        return src
    out = REAL_DIR / f"{Path(base).stem}-nvr20in30.mp4"
    if not out.is_file():
        exe = shutil.which("ffmpeg")
        if exe is None:
            return None
        tmp = out.with_suffix(".part.mp4")
        subprocess.run([exe, "-loglevel", "error", "-y", "-i", str(src), "-an", "-vf",
                        "fps=20,fps=30", "-c:v", "libx264", "-preset", "veryfast", "-crf", "18",
                        "-bf", "0", str(tmp)], check=True)
        tmp.rename(out)
    return out


def names(split: str, nvr: bool = False) -> list[str]:
    picked = [n for n, c in CLIPS.items() if c[2] == split]
    return picked + [n + "-nvr" for n in picked if CLIPS[n][3]] if nvr else picked


def truth(name: str, width: int, duration: float, fps: float) -> dict:
    base = name[:-4] if name.endswith("-nvr") else name
    src, _path, _split, throws, what = CLIPS[base]
    return {"source": f"real:{src[0]}", "width": width, "duration_s": duration, "fps": fps,
            "night": False, "distractors": ["real"], "what": what,
            "events": [{"t_start": a, "t_last_visible": b, "t_impact": b, "origin_px": list(o),
                        "floor": None, "column": None, "size_px": None, "contrast": None,
                        "mass": None} for a, b, o in throws],
            "distractor_tracks": []}


def fetch(checkouts: Path) -> None:
    REAL_DIR.mkdir(parents=True, exist_ok=True)
    for name, (src, path, *_rest) in CLIPS.items():
        repo = checkouts / src[0].replace("/", "+")
        if (REAL_DIR / name).is_file():
            continue
        git = repo / "repo" if (repo / "repo").exists() else repo
        data = subprocess.run(["git", "--git-dir", str(git), "show", f"{src[1]}:{path}"]
                              if (git / "HEAD").exists() else ["cat", str(git / path)],
                              capture_output=True, check=False).stdout
        if data:
            (REAL_DIR / name).write_bytes(data)
            print(f"{name}: {len(data)} bytes from {src[0]}@{src[1][:8]} ({src[2]})")
        else:
            print(f"{name}: not found under {repo}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("what", choices=("fetch", "list"))
    ap.add_argument("--from", dest="src", type=Path, default=Path("/work/.mirror"))
    a = ap.parse_args()
    if a.what == "fetch":
        fetch(a.src)
    for name in CLIPS:
        print(f"{name:32s} {'cached' if clip_path(name) else 'missing'}")


if __name__ == "__main__":
    main()
