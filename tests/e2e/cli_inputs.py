"""Hypothesis strategies for the command line's arguments and input files, chosen by what an
option says it takes (its type, choices, metavar or name), so a new command or option is
fuzzed without being listed here. Used by test_cli_properties.py.

Every value is drawn inside a test from ``data`` (``st.data()``) with a ``Inputs`` context
that knows the example's folder, the test broker and a few real files made once (a demo
scene copy, a video, a migrated database).
"""

from __future__ import annotations

import argparse
import json
import math
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

from app.cli import args as cli_args

#: numbers as users (and scripts) mistype them; float() takes several of these
NUMBER_WORDS = ("nan", "NaN", "inf", "-inf", "infinity", "0", "-0", "-1", "0.001", "1e300",
                "1e-300", "1e309", "0x10", "", " ", "1_000", "٣", "10", "2.5")
NUMBER_TYPES = (cli_args.seconds, cli_args.positive, cli_args.non_negative, cli_args.fraction,
                float, int)
#: argv text: the OS cannot pass NUL, surrogates are not text
ARG_TEXT = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                   max_size=12)
JSON_NUMBER = st.one_of(st.integers(-(2**70), 2**70), st.floats(allow_nan=False,
                                                                  allow_infinity=False),
                        st.sampled_from([1e300, -1e300, 0, 1, 3.5]))


@dataclass
class Inputs:
    folder: Path  # this example's own folder
    broker_url: str  # a real Mosquitto
    demo_scene: Path  # a copy of the demo scene
    video: Path  # a short real video
    database_url: str  # a migrated SQLite database
    recording: Path  # a real recording of the demo's traffic
    count: int = 0
    mic_ids: tuple[str, ...] = ("m1", "m2", "m3", "m4", "m5")  # of the last mics file

    def new_path(self, suffix: str) -> Path:
        self.count += 1
        return self.folder / f"in{self.count}{suffix}"


def value_for(data: st.DataObject, action: argparse.Action, ctx: Inputs) -> str:
    """A value for one option or positional argument."""
    if action.choices is not None and not isinstance(action.choices, dict):
        return data.draw(st.one_of(st.sampled_from(sorted(map(str, action.choices))),
                                   ARG_TEXT), label=action.dest)
    hint = f"{action.dest} {action.metavar or ''}".lower()
    if action.type in NUMBER_TYPES or getattr(action.type, "__name__", "").startswith("int"):
        return data.draw(st.one_of(st.sampled_from(NUMBER_WORDS),
                                   st.floats().map(repr), st.integers(-10**20, 10**20).map(str),
                                   ARG_TEXT), label=action.dest)
    maker = BY_DEST.get(action.dest) or next((make for key, make in BY_HINT if key in hint),
                                             None)
    if maker is not None:
        return str(maker(data, ctx))
    return data.draw(ARG_TEXT, label=action.dest)


# ---- input files ------------------------------------------------------------------------
def _junk(data: st.DataObject, ctx: Inputs, suffix: str) -> Path:
    path = ctx.new_path(suffix)
    path.write_bytes(data.draw(st.binary(max_size=200), label="junk bytes"))
    return path


def _write_json(ctx: Inputs, suffix: str, value: object, raw_nan: bool = False) -> Path:
    path = ctx.new_path(suffix)
    text = json.dumps(value, ensure_ascii=False)
    if raw_nan:  # JSON has no NaN, but files in the wild do
        text = text.replace("1e+300", "NaN", 1)
    path.write_text(text, encoding="utf-8")
    return path


def config_file(data: st.DataObject, ctx: Inputs) -> Path:
    kind = data.draw(st.sampled_from(["toml", "junk", "missing", "gbk"]), label="config kind")
    if kind == "junk":
        return _junk(data, ctx, ".toml")
    if kind == "missing":
        return ctx.new_path(".toml")
    if kind == "gbk":
        path = ctx.new_path(".toml")
        path.write_bytes('[mqtt]\nsite = "绿景花园"\n'.encode("gbk"))
        return path
    values = {
        "mqtt": {"url": st.sampled_from([ctx.broker_url, "nonsense", "mqtt://"]),
                 "site": st.one_of(ARG_TEXT, st.sampled_from(["#", "a/b", "$SYS", "demo"])),
                 "prefix": st.sampled_from(["cr", "a//b", "+", "acme/cr"]),
                 "keepalive_s": st.one_of(st.integers(), st.floats()),
                 "password": st.one_of(st.integers(0, 10**9), ARG_TEXT)},
        "database": {"url": st.sampled_from([ctx.database_url, "nonsense",
                                             f"sqlite:///{ctx.folder}/none/x.db"]),
                     "flush_interval_s": st.floats()},
        "scene": {"dir": st.sampled_from([str(ctx.demo_scene), str(ctx.folder / "nowhere"),
                                          "a\x00b"])},
        "simulator": {"speed": st.floats(), "seed": st.integers(-(2**70), 2**70)},
        "ui": {"lang": st.sampled_from(["en", "fr", 3])},
        "bogus": {"key": st.integers()},
    }
    lines: list[str] = []
    instance = data.draw(st.none() | st.sampled_from(["x/#", "main", "", "2"]), label="instance")
    if instance is not None:
        lines.append(f"instance = {json.dumps(instance)}")
    for section, keys in values.items():
        chosen = data.draw(st.lists(st.sampled_from(sorted(keys)), unique=True, max_size=3),
                           label=f"[{section}]")
        if chosen:
            lines.append(f"[{section}]")
            lines += [f"{key} = {_toml(data.draw(keys[key], label=key))}" for key in chosen]
    path = ctx.new_path(".toml")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _toml(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf") \
            if math.isinf(value) else repr(value)
    if isinstance(value, int):
        return str(value) if -(2**63) <= value < 2**63 else json.dumps(str(value))
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string (mostly: DEL is not)


def mics_file(data: st.DataObject, ctx: Inputs) -> Path:
    # plausible files too, so that the solver itself is fuzzed, not only the reader
    kind = data.draw(st.sampled_from(["plausible", "numbers", "shape", "junk"]),
                     label="mics kind")
    if kind == "junk":
        return _junk(data, ctx, ".json")
    xyz = {"plausible": st.lists(st.floats(-200, 200), min_size=3, max_size=3),
           "numbers": st.lists(JSON_NUMBER, min_size=3, max_size=3),
           "shape": st.lists(JSON_NUMBER, max_size=4)}[kind]
    mics = data.draw(st.lists(st.fixed_dictionaries({
        "id": st.one_of(st.sampled_from(["m1", "m2", "m3", "m4", "m5", "m6"]), ARG_TEXT),
        "xyz": xyz}), min_size=3, max_size=7, unique_by=lambda m: m["id"]), label="mics")
    ctx.mic_ids = tuple(m["id"] for m in mics)
    speed = data.draw(st.sampled_from([343.0, 0.0, 1e300]), label="speed")
    return _write_json(ctx, ".json", {"mics": mics, "speed_of_sound_mps": speed},
                       raw_nan=data.draw(st.integers(0, 9), label="NaN") == 0)


def arrivals_file(data: st.DataObject, ctx: Inputs) -> Path:
    if data.draw(st.booleans(), label="junk arrivals"):
        return _junk(data, ctx, ".json")
    arrivals = data.draw(st.lists(st.fixed_dictionaries({
        "mic": st.sampled_from([*ctx.mic_ids, "ghost"]),
        "ts_ns": st.one_of(st.integers(-(2**65), 2**65), st.integers(0, 10**9))}),
        min_size=3, max_size=7, unique_by=lambda a: a["mic"]), label="arrivals")
    return _write_json(ctx, ".json", {"arrivals": arrivals})


def facade_file(data: st.DataObject, ctx: Inputs) -> Path:
    if data.draw(st.booleans(), label="junk facade"):
        return _junk(data, ctx, ".json")
    corners = data.draw(st.lists(st.lists(JSON_NUMBER, min_size=2, max_size=2), max_size=5))
    body = {"corners_px": corners, "floors": data.draw(st.integers(-5, 10**12)),
            "columns": data.draw(st.integers(-5, 10**6)),
            "lowest_floor": data.draw(st.integers(-10, 100))}
    return _write_json(ctx, ".json", body)


def video_file(data: st.DataObject, ctx: Inputs) -> Path:
    kind = data.draw(st.sampled_from(["real", "truncated", "junk", "missing"]), label="video")
    if kind == "real":
        return ctx.video
    if kind == "truncated":
        path = ctx.new_path(".mp4")
        blob = ctx.video.read_bytes()
        path.write_bytes(blob[: data.draw(st.integers(0, len(blob)), label="cut at")])
        return path
    return _junk(data, ctx, ".mp4") if kind == "junk" else ctx.new_path(".mp4")


def recording_file(data: st.DataObject, ctx: Inputs) -> Path:
    kind = data.draw(st.sampled_from(["real", "cut", "junk", "missing"]), label="recording")
    if kind == "real":
        return ctx.recording
    if kind == "cut":
        path = ctx.new_path(".rec")
        blob = ctx.recording.read_bytes()
        path.write_bytes(blob[: data.draw(st.integers(0, len(blob)), label="cut at")])
        return path
    return _junk(data, ctx, ".rec") if kind == "junk" else ctx.new_path(".rec")


def scene_dir(data: st.DataObject, ctx: Inputs) -> Path:
    return data.draw(st.sampled_from([ctx.demo_scene, ctx.folder / "no-scene", ctx.folder]),
                     label="scene dir")


def cityjson_file(data: st.DataObject, ctx: Inputs) -> Path:
    kind = data.draw(st.sampled_from(["junk", "json", "missing"]), label="cityjson")
    if kind == "json":
        body = data.draw(st.fixed_dictionaries({
            "type": st.sampled_from(["CityJSON", "x"]),
            "version": st.sampled_from(["2.0", "1.1", "9"]),
            "CityObjects": st.dictionaries(ARG_TEXT, st.just({"type": "Building"}),
                                           max_size=2),
            "vertices": st.lists(st.lists(st.integers(), min_size=3, max_size=3), max_size=3),
            "transform": st.just({"scale": [0.001, 0.001, 0.001], "translate": [0, 0, 0]})}))
        return _write_json(ctx, ".city.json", body)
    return _junk(data, ctx, ".city.json") if kind == "junk" else ctx.new_path(".city.json")


def out_path(data: st.DataObject, ctx: Inputs) -> Path:
    return data.draw(st.sampled_from([ctx.new_path(".out"), ctx.folder / "no" / "dir" / "x",
                                      ctx.folder]), label="out")


def broker_url(data: st.DataObject, ctx: Inputs) -> str:
    # no unreachable host: waiting 10 s for an answer is right, but not in a fuzz loop
    return data.draw(st.sampled_from([ctx.broker_url, "nonsense", "mqtt://", "http://x:1",
                                      "mqtt://127.0.0.1:99999"]), label="broker")


def database_url(data: st.DataObject, ctx: Inputs) -> str:
    return data.draw(st.sampled_from([ctx.database_url, "nonsense", "mysql://x/y",
                                      f"sqlite:///{ctx.folder}/typo.db",
                                      f"sqlite:///{ctx.folder}/no/dir/x.db"]), label="db")


#: by the option's name
BY_DEST = {"out": out_path, "config": config_file, "broker": broker_url, "db": database_url,
           "scene": scene_dir}
#: (a hint in the option's name or metavar, maker): the first match wins
BY_HINT = (
    ("toml", config_file), ("mics", mics_file), ("arrivals", arrivals_file),
    ("facade", facade_file), ("video", video_file), ("city.json", cityjson_file),
    ("dir", scene_dir), ("file", recording_file),
)
