"""One CCTV clip: plan it from the seed, render its frames, encode them as a camera would.

``make_cctv_clip(spec, out_dir)`` writes ``<name>.mp4`` (libx264 at a constant CCTV bitrate,
no B-frames, 2 s GOP), ``<name>.truth.json`` and ``<name>.facade.json``.
``plan_cctv_clip(spec)`` gives (truth, facade, frames) in memory for tests.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from app.vision.cctvsim import plan as P
from app.vision.cctvsim.actors import draw_rain
from app.vision.cctvsim.camera import sample_camera
from app.vision.cctvsim.foliage import Flags, Trees
from app.vision.cctvsim.moth_depth import MOTH_TAG, sample_optics
from app.vision.cctvsim.sensor import Sensor, Shake, apply_shake, sample_exposure, sample_wind
from app.vision.cctvsim.tower import render_static, sample_tower

DISTRACTORS = ("birds", "sill_birds", "moths", "rain", "trees", "flags", "laundry", "shake",
               "clouds", "ae_hunt")


@dataclass
class CctvSpec:
    seed: int
    width: int = 1280
    height: int = 720
    fps: float | None = None  # None: 25 / 20 / 30 / 15 from the seed
    duration_s: float = 6.0  # grows to fit the throws
    throws: int = 1  # more than one: a burst, 0.8–2 s apart, often neighbouring windows
    night: bool | None = None  # None: 35 % night (IR, greyscale)
    distractors: tuple[str, ...] | None = None  # None: a mix from the seed
    mbps_1080p: float | None = None  # None: 2–4 Mbit/s, scaled by pixel count
    nvr_repeat: tuple[float, float] | None = None  # (content fps, file fps); None: from seed
    low_floor: bool | None = None  # True: throws from floors 2–6 only
    throw_size_m: float | None = None
    throw_floor: int | None = None  # every throw from this storey (1 = ground floor)
    burst_gap_s: float | None = None  # None: 0.8–2 s between the throws of a burst
    moths_per_10s: tuple[int, int] | None = None  # None: 1–3 (when there are moths)


# What a clip cached by an older renderer must not be read for (``render_tag``): BASE is
# bumped by a change to every clip, FEATURES[k] by a change to the clips that contain the
# distractor k. 1 everywhere = the renderer before versions (round 18), whose cached clips
# keep their names. Moths 2: distance from the lens (``moth_depth``).
BASE_VERSION = 1
FEATURE_VERSIONS = {"moths": 2}


def tag_for(kinds: list[str] | tuple[str, ...]) -> str:
    """The versions of what a clip with these distractors contains: "" for a clip the
    renderer still draws as it did before versions, "moths2" for one with moths now. A
    rendered clip's truth records it (``render_tag``; absent = "")."""
    parts = [f"r{BASE_VERSION}"] if BASE_VERSION > 1 else []
    parts += [f"{k}{FEATURE_VERSIONS[k]}" for k in kinds if FEATURE_VERSIONS.get(k, 1) > 1]
    return "-".join(parts)


def render_tag(spec: CctvSpec) -> str:
    """``tag_for`` the clip this spec renders, without rendering it."""
    return tag_for(_scene(spec)[5])


def _scene(spec: CctvSpec) -> tuple:
    """The first draws of a clip: (rng, night, tower, camera, calibrated rect, distractor
    kinds); cheap (no pixels), so that ``render_tag`` can say what a clip contains."""
    rng = np.random.default_rng([spec.seed, 0xCC7F])
    night = bool(rng.random() < 0.35) if spec.night is None else spec.night
    w, h = spec.width, spec.height
    for _ in range(30):
        tower = sample_tower(rng, night)
        cam = sample_camera(rng, w, h, tower.width_m, tower.height_m)
        rect = P.calibrated_rect(cam, tower)
        if rect and rect[1] - rect[0] >= 3 and (spec.low_floor is not True or rect[0] <= 4):
            break
    else:
        raise RuntimeError(f"seed {spec.seed}: no usable camera geometry")
    if spec.distractors is None:
        kinds = [k for k in DISTRACTORS if rng.random() < 0.45]
    else:
        unknown = set(spec.distractors) - set(DISTRACTORS)
        if unknown:
            raise ValueError(f"unknown distractor {sorted(unknown)[0]!r}")
        kinds = list(spec.distractors)
    kinds = [k for k in kinds if not (k == "moths" and not night) and not (k == "clouds" and night)]
    return rng, night, tower, cam, rect, kinds


def plan_cctv_clip(spec: CctvSpec) -> tuple[dict, dict, Iterator[np.ndarray], float]:
    """(truth, facade, frames, file fps). Seeds are salted: seed N here is not synth's N."""
    rng, night, tower, cam, rect, kinds = _scene(spec)
    w, h = spec.width, spec.height
    if spec.fps is not None:
        fps = float(spec.fps)
    else:
        fps = float(rng.choice([25.0, 20.0, 30.0, 15.0], p=[0.55, 0.2, 0.15, 0.1]))
    repeat = spec.nvr_repeat
    if repeat is None and rng.random() < 0.12:
        repeat = (20.0, 30.0) if rng.random() < 0.5 else (15.0, 25.0)
    content_fps, file_fps = repeat if repeat else (fps, fps)
    static, dist, _on = render_static(cam, tower, rng, night)
    ir_power = float(np.percentile(static, 99)) * 100.0 if night else 0.0
    exposure_s = float(rng.uniform(0.02, 0.04) if night else rng.uniform(0.001, 0.004))
    wind = sample_wind(rng)
    centre = static[h // 4: 3 * h // 4, w // 4: 3 * w // 4]
    # centre-weighted mean metering, as cheap cameras do: a large dark sky over-exposes
    # the wall a little, a bright sky under-exposes it; never so far that it clips white
    base = min(0.25 / max(float(np.mean(centre)), 1e-3),
               0.9 / max(float(np.percentile(static, 95)), 1e-3))
    exposure = sample_exposure(rng, spec.duration_s + 4.0 * spec.throws, base,
                               "clouds" in kinds, "ae_hunt" in kinds)

    def contrast(a) -> float:  # grey levels between the object and the wall where it starts
        x, y = (int(np.clip(v, 0, lim - 1)) for v, lim in zip(a.truth["origin_px"], (w, h),
                                                                 strict=True))
        obj = a.value * (ir_power / max(float(cam.depth(a.path.xyz[:1])[0]), 1.0) ** 2
                         if night else 1.0)
        e = exposure.exposure(a.truth["t_start"])
        lv = [float(np.clip(v * e, 0, 1)) ** (1 / 2.2) * 255
              for v in (float(obj.mean()), float(static[y, x].mean()))]
        return abs(lv[0] - lv[1])

    throws, cursor, near = [], float(rng.uniform(1.3, 2.2)), None
    for _ in range(spec.throws):
        for _attempt in range(10):  # a throw the camera can see: ≥ 15 grey levels
            a = P.make_throw(cam, tower, rect, rng, cursor, night, near, spec.low_floor,
                             spec.throw_floor)
            if a is not None and contrast(a) >= 15.0:
                break
        if a is None:
            continue
        if spec.throw_size_m:
            a.size_m = spec.throw_size_m
            a.truth["size_px"] = round(spec.throw_size_m * cam.f_px / float(
                cam.depth(np.array([a.truth["release_m"]]))[0]), 2)
        a.truth["contrast"] = round(contrast(a), 1)
        throws.append(a)
        near = (a.truth["floor"], a.truth["column"] + rect[2] - 1)
        cursor += spec.burst_gap_s or float(rng.uniform(0.8, 2.0))
    end = max([a.truth["t_last_visible"] for a in throws], default=0.0) + 0.6
    duration = max(spec.duration_s, end)
    actors = list(throws)
    if "birds" in kinds:
        actors += [P.passing_bird(cam, tower, rect, rng, float(rng.uniform(-2, duration)), night)
                   for _ in range(P.per_ten_seconds(rng, duration, 1, 3))]
    if "sill_birds" in kinds:
        actors += [P.perched_bird(cam, tower, rect, rng, duration, night)
                   for _ in range(P.per_ten_seconds(rng, duration, 1, 2))]
    cloths = [P.laundry(cam, tower, rect, rng, night)
              for _ in range(int(rng.integers(2, 9)) if "laundry" in kinds else 0)]
    moth_rng = np.random.default_rng([spec.seed, MOTH_TAG])  # the moths' own stream
    near = float(np.min(dist)) if np.isfinite(dist).any() else 10.0  # as render_static
    optics = sample_optics(moth_rng, cam.f_px, w, h, near)
    moths = [P.moth(rng, w, h, float(rng.uniform(-1, duration)), moth_rng, optics)
             for _ in range(P.per_ten_seconds(rng, duration, *(spec.moths_per_10s or (1, 3)))
                            if "moths" in kinds else 0)]
    trees = Trees(rng, w, h, night) if "trees" in kinds else None
    flags = Flags(rng, w, h, night) if "flags" in kinds else None
    shake = Shake(float(rng.uniform(0.3, 1.5)) * h / 720 if "shake" in kinds else 0.0,
                  (float(rng.uniform(1.0, 3.0)), float(rng.uniform(1.0, 3.0))),
                  [(float(rng.uniform(0, duration)), float(rng.uniform(0.5, 2.0)),
                    float(rng.uniform(2, 6)) * h / 720)
                   for _ in range(int(rng.integers(0, 3)) if "shake" in kinds else 0)])
    rain = float(rng.uniform(20, 150)) * w * h / (1280 * 720) if "rain" in kinds else 0.0
    frame_rng = np.random.default_rng([spec.seed, 0xF7A3])
    sensor = Sensor((h, w), night, rng, spec.seed)
    mbps = spec.mbps_1080p or float(rng.uniform(2.0, 4.0))
    n_file = int(round(duration * file_fps))

    def frames() -> Iterator[np.ndarray]:
        last_k, last = -1, None
        for j in range(n_file):
            k = int(j * content_fps / file_fps + 1e-9)
            if k == last_k:
                yield last  # the NVR repeats the frame it has
                continue
            t = k / content_fps
            img = static * np.float32(exposure.scene_gain(t)) if exposure.scene else static.copy()
            wv = wind.at(t)
            for c in cloths:
                c.draw(img, cam, t, wv)
            for a in actors:
                a.draw(img, cam, t, exposure_s, night, ir_power)
            if trees is not None:
                trees.draw(img, t, wv)
            if flags is not None:
                flags.draw(img, t, wv)
            for m in moths:
                m.draw(img, t, exposure_s)
            if rain:
                draw_rain(img, frame_rng, rain, exposure_s, night)
            if shake.amp_px or shake.bursts:
                img = apply_shake(img, shake, t, wv, cam.readout_s)
            e = exposure.exposure(t)
            last_k, last = k, sensor.capture(img, e, max(1.0, e / 1.5))
            yield last

    truth = {
        "source": "cctvsim", "seed": spec.seed, "width": w, "height": h, "fps": file_fps,
        "content_fps": content_fps, "duration_s": round(n_file / file_fps, 3), "night": night,
        "distractors": kinds, "mbps_1080p": round(mbps, 2),
        "scene": {"distance_m": round(cam.distance_m, 2), "tilt_deg": round(cam.tilt_deg, 2),
                  "hfov_deg": round(cam.hfov_deg, 2), "k1": round(cam.k1, 4),
                  "yaw_deg": round(cam.yaw_deg, 2), "floors": tower.floors,
                  "bays": tower.bays, "storey_m": round(tower.storey_m, 3),
                  "calibrated": list(rect)},
        "events": [a.truth for a in throws],
        "_actors": actors, "_moths": moths,
    }
    if tag_for(kinds):  # a clip drawn as before versions keeps its truth as it was
        truth["render_tag"] = tag_for(kinds)
    return truth, P.facade_file(cam, tower, rect), frames(), file_fps


def _finish_truth(truth: dict) -> dict:
    """Where each distractor was seen (every other sample), to say which one fooled the
    detector; the live actor objects are dropped."""
    out = {k: v for k, v in truth.items() if not k.startswith("_")}
    tracks = []
    for a in truth["_actors"]:
        if a.kind != "throw" and a.seen_t:
            tracks.append({"kind": "bird" if a.kind == "bird" else a.kind,
                           "t": a.seen_t[::2], "px": [list(p) for p in a.seen_px[::2]]})
    for m in truth["_moths"]:
        ts = np.arange(max(m.t0, 0.0), m.t1, 0.08)
        if len(ts):
            track = {"kind": "moth", "t": [round(float(t), 2) for t in ts],
                     "px": [[round(float(v), 1) for v in m.at(t)] for t in ts]}
            if m.depth is not None:  # distance from the lens (m) and image semi-axis (px)
                track["d_m"] = [round(m.depth.d(float(t) - m.t0), 3) for t in ts]
                track["semi_px"] = [round(m.depth.semi_axis_px(d), 2) for d in track["d_m"]]
            tracks.append(track)
    out["distractor_tracks"] = tracks
    return out


def make_cctv_clip(spec: CctvSpec, out_dir: str | Path, name: str | None = None) -> dict:
    """Render, encode and write one clip; returns the paths of video, truth and facade."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    name = name or f"cctv{spec.seed}"
    truth, facade, frames, fps = plan_cctv_clip(spec)
    paths = {"video": out / f"{name}.mp4", "truth": out / f"{name}.truth.json",
             "facade": out / f"{name}.facade.json"}
    exe = shutil.which("ffmpeg")
    if exe is None:
        raise RuntimeError("ffmpeg is needed to encode CCTV clips (apt-get install ffmpeg)")
    kbps = int(truth["mbps_1080p"] * 1000 * spec.width * spec.height / (1920 * 1080))
    cmd = [exe, "-loglevel", "error", "-y", "-f", "rawvideo", "-pix_fmt", "bgr24",
           "-s", f"{spec.width}x{spec.height}", "-r", f"{fps:g}", "-i", "-",
           "-c:v", "libx264", "-preset", "veryfast", "-b:v", f"{kbps}k",
           "-maxrate", f"{kbps}k", "-bufsize", f"{kbps}k", "-g", str(int(2 * fps)), "-bf", "0",
           "-pix_fmt", "yuv420p", str(paths["video"])]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    try:
        for frame in frames:
            proc.stdin.write(frame.tobytes())
    finally:
        proc.stdin.close()
        if proc.wait() != 0:
            raise RuntimeError("ffmpeg failed to encode the clip")
    paths["truth"].write_text(json.dumps(_finish_truth(truth), indent=1), encoding="utf-8")
    paths["facade"].write_text(json.dumps(facade), encoding="utf-8")
    return paths
