"""The detector's foreground stage on frames drawn in the test: what the tracker is handed.

A large object that starts slowly (the first half-second of a fall) must stay one blob
centred on itself, not dragged back by a ghost it left in the background; lights going off
at night must not blind the stage for seconds; rain lit by the IR lamp must not raise the
threshold over a small object's path, nor hide a real change of the scene.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.falling import FallingConfig
from app.vision.falling.foreground import MotionStage
from tests.fixtures.facade import facade

H, W, FPS = 360, 640, 25.0



def _frame(bg: np.ndarray, rng: np.random.Generator, sigma: float, gain: float = 1.0,
           square: tuple[float, float, int] | None = None, shade: float = 20.0) -> np.ndarray:
    img = bg * gain
    if square is not None:
        cx, cy, size = square
        y0, x0 = int(round(cy - size / 2)), int(round(cx - size / 2))
        img = img.copy()
        img[y0:y0 + size, x0:x0 + size] = shade * gain
    img = img + rng.normal(0.0, sigma, img.shape)
    return np.clip(img, 0, 255).astype(np.uint8)


def test_a_large_slow_start_is_one_blob_centred_on_the_object():
    rng = np.random.default_rng(7)
    bg = facade(rng, H, W)
    stage = MotionStage(FallingConfig(), FPS)
    for _ in range(40):  # settle on the empty scene
        stage.step(_frame(bg, rng, 2.0))
    # A 14 px object released from rest: it lingers over its own pixels for a while.
    worst = 0.0
    for i in range(25):
        t = i / FPS
        cy = 100.0 + 0.5 * 60.0 * t * t  # 60 px/s²: ~1.2 px per frame at the end
        blobs = stage.step(_frame(bg, rng, 2.0, square=(300.0, cy, 14)))
        assert blobs is not None
        near = np.hypot(blobs.xy[:, 0] - 300.0, blobs.xy[:, 1] - cy) < 30
        assert near.sum() >= 1, f"frame {i}: object not found"
        d = np.hypot(blobs.xy[near, 0] - 300.0, blobs.xy[near, 1] - cy).min()
        worst = max(worst, float(d))
        assert near.sum() == 1, f"frame {i}: the object split into {near.sum()} blobs"
    # A ghost trailing above the object would drag the blob's centre up by several px.
    assert worst <= 2.5, worst


def test_lights_going_off_at_night_do_not_blind_the_stage():
    rng = np.random.default_rng(3)
    bg = facade(rng, H, W) * 0.25  # a night scene: dark, noisy
    stage = MotionStage(FallingConfig(), FPS)
    for _ in range(40):
        stage.step(_frame(bg, rng, 6.0))
    skipped = 0
    found = 0
    for i in range(25):  # the lights dim over a fifth of a second to under half, same noise
        gain = max(0.45, 1.0 - 0.1 * i)
        blobs = stage.step(_frame(bg, rng, 6.0, gain=gain, square=(320.0, 80.0 + 6 * i, 8),
                                  shade=70.0))
        if blobs is None:
            skipped += 1
        elif (np.hypot(blobs.xy[:, 0] - 320.0, blobs.xy[:, 1] - (80.0 + 6 * i)) < 8).any():
            found += 1
    assert skipped <= 3, f"blind for {skipped} of 25 frames after the lights went off"
    assert found >= 18, f"a moving object was found in only {found} of 25 frames"



def _ir_rain(img: np.ndarray, rng: np.random.Generator, x0: int, x1: int,
             n: int) -> np.ndarray:
    """n drops at the lens lit by the IR lamp over columns x0..x1: long bright streaks,
    each frame elsewhere."""
    layer = np.zeros(img.shape, np.float32)
    for _ in range(n):
        x, y = rng.uniform(x0, x1), rng.uniform(-40, H)
        length = rng.uniform(25, 60)
        cv2.line(layer, (int(x), int(y)), (int(x + 0.08 * length), int(y + length)),
                 float(rng.uniform(60, 110)), int(rng.choice([1, 2])), cv2.LINE_AA)
    return np.clip(img + cv2.GaussianBlur(layer, (0, 0), 1.0), 0, 255).astype(np.uint8)


def _night(stage: MotionStage, rng: np.random.Generator, bg: np.ndarray, frames: int,
           rain: tuple[int, int, int], fall=None) -> list:
    """Frames of a night facade (sensor noise σ 6 before the stage's blur) under IR rain;
    ``fall(i)`` = (x, y) of a 3 px object 22 grey levels above the wall in frame i."""
    out = []
    for i in range(frames):
        sq = None if fall is None else (*fall(i), 3)
        img = _frame(bg, rng, 6.0, square=sq, shade=36.0 + 22.0).astype(np.float32)
        out.append(stage.step(_ir_rain(img, rng, *rain)))
    return out


def _found(blobs_per_frame: list, fall) -> int:
    return sum(b is not None and bool((np.hypot(b.xy[:, 0] - fall(i)[0],
                                                b.xy[:, 1] - fall(i)[1]) < 4).any())
               for i, b in enumerate(blobs_per_frame))


def _fall(i: int) -> tuple[float, float]:
    return 320.0, 60.0 + 8.0 * i


def test_night_ir_rain_over_the_path_does_not_hide_a_small_light_object():
    """Rain lit by the IR lamp hits a pixel of its band in one frame of ten, 60–110 grey
    levels bright. Fed into the noise estimate it took σ there to ~6 where the sensor's is
    ~2.5, and a 3 px object 22 grey levels above the wall falling through the band was
    under the threshold in nine frames of ten (the night misses of issue 15)."""
    rng = np.random.default_rng(12)
    bg = facade(rng, H, W) * 0.3  # a night facade under the IR lamp
    stage = MotionStage(FallingConfig(), FPS)
    _night(stage, rng, bg, 150, (200, 440, 60))  # 6 s of rain before the throw
    blobs = _night(stage, rng, bg, 30, (200, 440, 60), fall=_fall)
    assert stage.stats.global_resets == 0
    found = _found(blobs, _fall)
    # Where a streak crosses the object the two make one streak-shaped blob: not all 30.
    assert found >= 9, f"the object was found in only {found} of 30 frames"


def test_a_night_of_ir_rain_does_not_drift_the_model_off_the_lit_wall():
    """A dark scene with a wall lit by the IR lamp, rain over all of it for 8 s. The rain's
    streaks raise the running mean of every pixel they cross but few pixels of any one
    frame, so the median ratio of model to frame reads a few per cent above 1 although
    nothing changed. The stage used to scale the frame by that ratio and learn the scaled
    frame: the error compounded, the model of the lit wall ran a third above the wall, and
    a 3 px object 24 grey levels above the wall was lost in most frames (the night misses
    of issue 15, where the gain reached ×1.5 within 7 s on cctv-dev)."""
    rng = np.random.default_rng(2)
    bg = facade(rng, H, W) * 0.3  # dark facade and sky
    bg[:, 260:380] = 200.0  # the wall the IR lamp lights
    stage = MotionStage(FallingConfig(), FPS)
    rain = (0, W, 60)

    def night(frames: int, fall=None) -> list:
        out = []
        for i in range(frames):
            sq = None if fall is None else (*fall(i), 3)
            img = _frame(bg, rng, 4.0, square=sq, shade=224.0).astype(np.float32)
            out.append(stage.step(_ir_rain(img, rng, *rain)))
        return out

    night(200)
    lit = float(np.median(stage.bg[:, 270:370]))
    assert abs(lit - 200.0) <= 12.0, f"the model of the lit wall drifted to {lit:.0f}"
    blobs = night(30, fall=_fall)
    assert stage.stats.global_resets == 0
    found = _found(blobs, _fall)
    assert found >= 20, f"the object was found in only {found} of 30 frames"


def test_a_stream_that_starts_on_a_black_frame_is_not_blind_for_ever():
    """A camera that boots, or switches to IR, can hand over a black first frame. The model
    starts black, and the gain of model to frame reads 0: the stage used to scale every
    frame by it, so the model learnt black frames and stayed black — nothing was ever
    found again. It must learn the scene and see a falling object within seconds."""
    rng = np.random.default_rng(1)
    bg = facade(rng, H, W)
    stage = MotionStage(FallingConfig(), FPS)
    stage.step(np.zeros((H, W), np.uint8))
    for _ in range(250):  # 10 s of the scene
        stage.step(_frame(bg, rng, 2.0))
    found = 0
    for i in range(25):
        x, y = 300.0, 40.0 + 8.0 * i
        blobs = stage.step(_frame(bg, rng, 2.0, square=(x, y, 4), shade=200.0))
        found += blobs is not None and bool((np.hypot(blobs.xy[:, 0] - x,
                                                      blobs.xy[:, 1] - y) < 4).any())
    assert found >= 20, f"the object was found in only {found} of 25 frames"


def test_a_real_global_change_under_rain_still_resets():
    """The global-change test keeps a noise level of its own that counts the rain: half the
    floodlights going off and others coming on, under rain, is still a change of the scene
    (the stage relearns instead of reporting the whole facade as foreground)."""
    rng = np.random.default_rng(5)
    bg = facade(rng, H, W) * 0.3
    stage = MotionStage(FallingConfig(), FPS)
    _night(stage, rng, bg, 60, (0, W, 60))
    assert stage.stats.global_resets == 0
    changed = bg.copy()
    changed[:, W // 2:] *= 0.2  # floodlights over the right half go off
    changed[: H // 2, : W // 2] *= 1.8  # and others come on over the top left
    _night(stage, rng, changed, 5, (0, W, 60))
    assert stage.stats.global_resets >= 1


def _gust(img: np.ndarray, rng: np.random.Generator, x0: int, x1: int, y0: int,
          y1: int) -> np.ndarray:
    """Leaves flickering in a gust: a dot every 8 px over the region, each frame a new 60 %
    of them, 50 grey levels brighter or darker — hundreds of blobs a frame."""
    img = img.astype(np.float32).copy()
    for y in range(y0, y1, 8):
        for x in range(x0, x1, 8):
            if rng.random() < 0.6:
                img[y:y + 2, x:x + 2] += 50.0 * rng.choice([-1.0, 1.0])
    return np.clip(img, 0, 255).astype(np.uint8)


def test_a_gust_in_the_trees_does_not_blind_the_stage_to_a_fall_elsewhere():
    """Trees in the lower frame shaken by a gust make more blobs than any object could
    (over ``max_blobs``), packed into one part of the frame. The stage dropped the whole
    frame then, and a small object falling across the facade above was lost for the
    second the gust lasted (4 of the 16 cctv-dev misses of issue 15). Only the crowded
    part goes now; flicker over the whole frame still drops the frame."""
    rng = np.random.default_rng(4)
    bg = facade(rng, H, W)
    stage = MotionStage(FallingConfig(), FPS)
    for _ in range(40):
        stage.step(_frame(bg, rng, 2.0))
    found = 0
    for i in range(25):
        x, y = 480.0, 30.0 + 6.0 * i
        img = _gust(_frame(bg, rng, 2.0, square=(x, y, 4), shade=200.0), rng, 0, 360, 200, H)
        blobs = stage.step(img)
        if blobs is None:
            continue
        found += bool((np.hypot(blobs.xy[:, 0] - x, blobs.xy[:, 1] - y) < 4).any())
    assert found >= 22, f"the object was found in only {found} of 25 frames"
    assert stage.stats.dense_dropped >= 15  # the situation: over max_blobs in most frames
    everywhere = MotionStage(FallingConfig(), FPS)
    for _ in range(40):
        everywhere.step(_frame(bg, rng, 2.0))
    for _ in range(5):
        everywhere.step(_gust(_frame(bg, rng, 2.0), rng, 0, W, 0, H))
    assert everywhere.stats.too_many_blobs >= 1


def _speckle(bg: np.ndarray, rng: np.random.Generator, obj: tuple[float, float] | None,
             shade: float, heavy: bool) -> np.ndarray:
    """A night frame: the sensor's and the codec's heavy-tailed residuals (Student t, 3 dof)
    when ``heavy``, plain Gaussian noise of σ 2 when not; a 4 px object at ``obj``."""
    noise = rng.standard_t(3, bg.shape) * 3.0 if heavy else rng.normal(0.0, 2.0, bg.shape)
    img = bg + noise
    if obj is not None:
        x, y = int(obj[0]), int(obj[1])
        img[y - 2:y + 2, x - 2:x + 2] = shade
    return np.clip(img, 0, 255).astype(np.uint8)


def _hit(blobs, obj) -> bool:
    return blobs is not None and len(blobs.xy) > 0 and \
        float(np.min(np.hypot(*(blobs.xy - obj).T))) < 4.0


def test_night_speckle_is_thinned_before_it_reaches_the_tracker_but_an_object_is_not():
    """Heavy-tailed night noise passes a fixed 4σ threshold a hundred to three hundred times
    a frame at 640×360 (the tracker then chains clutter into a falling object's track: on
    cctv-dev most night misses had a blob on the path in most frames). The threshold rises
    with the clutter rate, to at most 1.5×, when the clutter control is on (it is off by
    default: see FallingConfig): the clutter thins, an object of contrast 45 is still found
    in every frame."""
    for seed in (1, 2):
        rng = np.random.default_rng(seed)
        bg = facade(rng, H, W) * 0.5
        stage = MotionStage(FallingConfig(clutter_blobs_per_mp=60.0), FPS)
        counts, found = [], 0
        for i in range(125):
            obj = (320.0, 40.0 + 2.0 * (i - 75)) if i >= 75 else None
            blobs = stage.step(_speckle(bg, rng, obj, bg[0, 0] + 45.0, heavy=True))
            if i >= 30:  # after the warm-up
                counts.append(-1 if blobs is None else len(blobs.xy))
            found += obj is not None and _hit(blobs, obj)
        assert min(counts) >= 0  # no frame thrown away as noise everywhere
        # old code: ~175 blobs a frame on average over these 4 s
        assert np.mean(counts) <= 60, np.mean(counts)
        assert found >= 48, found


def test_the_threshold_comes_back_down_when_the_clutter_stops():
    """After 5 s of heavy night speckle the noise calms (rain stops, the lamp's flicker
    ends): one second later a faint object (contrast 11 over σ 2) is found again as on a
    camera that never saw the clutter. A threshold that stayed up would miss it."""
    rng = np.random.default_rng(3)
    bg = facade(rng, H, W) * 0.5
    stage = MotionStage(FallingConfig(clutter_blobs_per_mp=60.0), FPS)
    for _ in range(125):
        stage.step(_speckle(bg, rng, None, 0.0, heavy=True))
    found = 0
    for i in range(75):
        obj = (200.0, 40.0 + 3.0 * (i - 25)) if i >= 25 else None
        blobs = stage.step(_speckle(bg, rng, obj, bg[0, 0] + 11.0, heavy=False))
        found += obj is not None and _hit(blobs, obj)
    assert found >= 45, found
