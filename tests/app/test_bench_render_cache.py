"""The falling bench's caches never serve a clip an older CCTV renderer drew for one it now
draws differently (round 18: moths at a distance), and keep serving the clips it draws as
before. Real renders (tiny: 160×90, 1 s) into a temporary cache."""

from __future__ import annotations

import json
import pickle

import pytest

from bench import detect_cache, detect_sources
from bench.detect_sources import Job, cache_tag, clip_name, materialize, stale

MOTHS = Job("cctv-dev-moths", "dis", 600_000, 160, 1.0)  # forced: night, moths
PLAIN = Job("cctv-dev", "dis", 500_001, 160, 1.0)


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setattr(detect_sources, "BENCH_CACHE", tmp_path)
    return tmp_path


def _old_entry(cache, job: Job) -> dict:
    """The files an older renderer left: the clip under the name it had before versions,
    its truth without a render tag."""
    old = f"{job.kind}-{job.ident}-{job.width}-{job.seconds:g}s"
    out = cache / job.set_name
    out.mkdir(parents=True, exist_ok=True)
    paths = {k: out / f"{old}.{ext}" for k, ext in
             (("video", "mp4"), ("truth", "truth.json"), ("facade", "facade.json"))}
    paths["video"].write_bytes(b"old")
    paths["truth"].write_text(json.dumps({"source": "cctvsim", "distractors": ["moths"]}))
    paths["facade"].write_text("{}")
    return paths


def test_a_moth_clip_is_named_with_the_renderers_moth_version_and_a_plain_one_is_not():
    assert cache_tag(MOTHS) == "-moths2"
    assert clip_name(MOTHS) == "dis-600000-160-1s-moths2"
    assert cache_tag(PLAIN) == ""  # 500 001: no moths in its mix
    assert clip_name(PLAIN) == "dis-500001-160-1s"


def test_a_moth_clip_cached_by_the_older_renderer_is_not_reused(cache):
    old = _old_entry(cache, MOTHS)
    paths = materialize(MOTHS)
    assert paths["video"] != old["video"] and paths["video"].stat().st_size > 1000
    truth = json.loads(paths["truth"].read_text())
    assert truth["render_tag"] == "moths2" and not stale(truth)
    assert any("d_m" in t for t in truth["distractor_tracks"] if t["kind"] == "moth")


def test_a_stale_clip_under_the_current_name_is_rendered_again(cache):
    """Even a clip whose name matches (a cache copied or renamed by hand) is read only if
    its truth says the renderer that drew it draws its content as now."""
    name = clip_name(MOTHS)
    out = cache / MOTHS.set_name
    out.mkdir(parents=True)
    (out / f"{name}.mp4").write_bytes(b"old")
    (out / f"{name}.truth.json").write_text(json.dumps({"source": "cctvsim",
                                                         "distractors": ["moths"]}))
    (out / f"{name}.facade.json").write_text("{}")
    paths = materialize(MOTHS)
    assert paths["video"] == out / f"{name}.mp4" and paths["video"].read_bytes() != b"old"
    assert not stale(json.loads(paths["truth"].read_text()))


def test_a_clip_the_renderer_draws_as_before_is_still_served_from_the_cache(cache):
    out = cache / PLAIN.set_name
    out.mkdir(parents=True)
    for ext, body in (("mp4", b"cached"), ("truth.json", json.dumps(
            {"source": "cctvsim", "distractors": ["trees"]}).encode()), ("facade.json", b"{}")):
        (out / f"{clip_name(PLAIN)}.{ext}").write_bytes(body)
    assert materialize(PLAIN)["video"].read_bytes() == b"cached"


def test_a_blob_record_of_an_older_moth_clip_is_refused_by_the_replay(tmp_path):
    entry = tmp_path / "cctv-dev-moths-dis-600000.pkl"
    entry.write_bytes(pickle.dumps({"set": "cctv-dev-moths", "kind": "dis", "seed": 600000,
                                    "truth": {"source": "cctvsim", "distractors": ["moths"]}}))
    with pytest.raises(detect_cache.StaleClip):
        detect_cache.replay(str(entry))
    assert detect_cache._stale_entry(str(entry))
    fresh = {"source": "cctvsim", "distractors": ["moths"], "render_tag": "moths2"}
    assert not stale(fresh) and not stale({"source": "cctvsim", "distractors": ["rain"]})
