"""Tunables of the falling-object detector, with the physical reason for each default."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class FallingConfig:
    # --- foreground -------------------------------------------------------------------
    k_sigma: float = 4.0  # difference must exceed k·σ of the pixel's running noise
    sigma_min: float = 2.0  # grey levels; floor on σ so a perfectly flat sky is not zero
    alpha_bg: float = 0.05  # background learning rate: ~0.8 s memory at 25 fps
    fg_learn_factor: float = 0.1  # under the foreground: ~8 s, no ghost of a slow object
    warm_up_s: float = 1.0  # after start: learn everywhere, report nothing
    beta_var: float = 0.02  # noise-variance learning rate: ~2 s
    edge_jitter_px: float = 0.35  # residual misregistration after jitter compensation
    max_shift_px: float = 12.0  # larger shake: skip the frame rather than guess
    # A shift is believed only with a clear correlation peak that also explains the frame:
    # undoing it leaves at most this share of the difference to the background.
    shake_min_response: float = 0.2
    shake_explained: float = 0.8
    global_fraction: float = 0.02  # changed area beyond this is a global change: reset
    max_blobs: int = 400  # more blobs than this is noise/rain/lighting, not an object
    # ... unless they are packed into a few cells (trees in a gust): those cells are dropped
    dense_cell_frac: float = 1 / 9  # cell side, fraction of frame height (80 px at 720p)
    dense_cell_blobs: int = 6
    max_blob_frac: float = 0.18  # blobs taller/wider than this fraction of the height (a thrown
    # board or chair close to a steep camera spans a tenth of the frame and more)
    streak_ratio: float = 6.0  # longer than this × its width (and 4 % of H): a rain streak
    activity_tau_s: float = 8.0  # how long a pixel must stay busy to be masked (trees)
    activity_busy: float = 0.12  # busy fraction above which a cell is masked
    # The threshold may rise with the clutter that reaches the tracker: blobs a frame per
    # megapixel above this lift k (up to ×clutter_k_max) until the rate is back near it.
    # Off (0) by default: tried in issue 15 round 8 (60 here), it won night throws on the
    # short cctv-dev clips but none deep into a night, and under IR rain it lifted k over a
    # 3 px object 22 grey levels above a lit wall, the very objects round 7 made visible
    # again (docs/detection.md, "Issue 15, round 8").
    clutter_blobs_per_mp: float = 0.0  # 0: off
    clutter_k_max: float = 1.5
    clutter_gain: float = 0.05  # log-k step per frame per log of rate / target
    shield_polygons: tuple[tuple[tuple[float, float], ...], ...] = ()  # never analysed
    # --- tracking ---------------------------------------------------------------------
    gate_frac: float = 0.011  # base association radius, fraction of frame height (8 px at 720p)
    max_miss: int = 4  # frames a young track may coast
    max_miss_established: int = 8  # ~0.3 s: objects vanish over glass of their own shade
    max_track_s: float = 10.0
    # Weak detections along an established track (issue 15 round 8b): a track of at least
    # weak_min_points that finds no blob looks in the difference image, inside a window of
    # its prediction's uncertainty (half-sizes clipped to weak_window_px), for pixels above
    # weak_k_sigma·σ (the best cluster). A weak point never starts a track, at most
    # weak_max_run follow one another, and they are at most weak_share of a track's points.
    weak_k_sigma: float = 3.0  # 0: off
    weak_min_points: int = 8
    weak_max_run: int = 3
    weak_share: float = 0.34
    weak_window_px: tuple[float, float] = (2.0, 5.0)
    weak_min_px: int = 2  # pixels of the cluster above the weak threshold
    weak_min_drop_px: float = 1.0  # predicted descent per frame: only falling tracks
    # frames missed since the last point: after a gap the prediction is too loose to trust
    weak_max_gap: int = 0
    # An object at the lens (nearlens.py): in IR (greyscale) mode a blob holding a pixel at
    # full scale (near_lens_level) where the background is not (below near_lens_scene_max:
    # lit windows are saturated anyway) is marked by the motion stage; a track marked at
    # near_lens_share or more of its judged blob points is not a fall. The camera's own IR
    # lamp lights a moth 0.3–2 m from the lens 100–10⁴ times as hard as the facade 8–60 m
    # away (inverse square), so it clips whatever its reflectance; the exposure is set for
    # the facade, where a thrown object is lit like the wall. 0: off.
    near_lens_share: float = 0.5
    near_lens_level: float = 250.0
    near_lens_scene_max: float = 230.0
    # ... and only if clipped to its rim (nearlens.rim_width): its lit-but-unclipped rim
    # beyond the clipped core narrower than this (px). A moth at 10–3000× full scale is
    # clipped nearly to its edge (~1 px); a white object at the facade lit at 1–3× keeps a
    # third or more of its edge ramp (smear, shading) unclipped. 0: off (the rule alone).
    # Off: on dev it brought back a moth refused at a share of 0.526 (docs/detection.md,
    # round 20). A stage setting: a blob-cache replay keeps the marks it was recorded with.
    near_lens_rim_px: float = 0.0
    stitch_hold_s: float = 0.6  # an ended tracklet waits this long for its continuation
    # A track that fell well below its start and then ran back up the frame (the fall's
    # track coasted at its end and its gate, widened by the speed and the misses, took
    # rain, a moth or a bird going up) is cut where it stops following its own motion and
    # its falling parts go to the pool (StitchPool._parts), as a track that rose and then
    # fell is. Off, it is dropped unjudged: it did not move down overall (cctv-dev night
    # rain seed 186: a 5th-floor fall tracked for 15 points, then 9 points up to the top of
    # the frame). False: off. Round 21 left it off (docs/detection.md): on the 200 cctv-dev
    # throw clips it found that throw and raised clip 26's second throw twice, because
    # _duplicate compared the repeat's rain head, not its accepted part. Round 22: _duplicate
    # checks the accepted part too; the cut's only effect on the 200 throw clips is then the
    # throw found, the 193 distractor clips' alarms unchanged; on cctv-held-out (figures only)
    # the 24 throw clips and 147 distractor clips (the 6 with alarms, every night clip with
    # rain or moths) gave the same throws and alarms, clip by clip. On.
    pool_cut_fall_then_rise: bool = True
    # A track cut by split_hijacked where a blob at rest (its last 3 points within this
    # radius, or a quarter of its width, of their median) is followed by points below it
    # moving down is put back together (stitch.rejoin_releases): the cut was at a release,
    # not a hijack (cctv-dev night rain seed 51: the head at the window was judged alone and
    # the fall's first points, too few, dropped). 0: off (round 22, docs/detection.md).
    pool_join_release_px: float = 0.0
    stitch_gap_s: float = 1.0  # largest hole between two fragments of one fall
    # --- acceptance (physics) ---------------------------------------------------------
    min_span_s: float = 0.7  # shorter tracks give no usable acceleration
    early_span_s: float = 0.8  # a live track is judged for an early alarm from this span on
    min_points: int = 10
    a_min_mps2: float = 1.8  # drag can cut g to ~2.8; birds/rain fit 0 ± 1.3
    a_max_mps2: float = 14.0
    a_sigma: float = 3.0  # acceleration must be this many standard errors above 0
    min_drop_floors: float = 2.0  # pilots alarm only on falls of more than two floors
    max_horizontal_ratio: float = 0.6  # horizontal travel vs drop: falls are steep
    max_rms_m: float = 0.3  # fit residual, plus a fraction of the drop
    rms_drop_frac: float = 0.02
    max_side_accel_ratio: float = 0.5  # sideways acceleration vs downward: drag, not a curve
    max_side_rms_m: float = 0.25  # sideways fit residual: flutter swings, a fall drifts
    side_rms_drop_frac: float = 0.005
    max_back_extrapolation_s: float = 2.0  # origin: how far before the first point (a late start)
    min_fill: float = 0.6  # points per frame spanned: real falls are seen in most frames
    # Strong evidence (near-g acceleration far above its error, a close fit, no holes)
    # accepts a short track or a drop of under two floors: the lowest floors' drops.
    strong_min_points: int = 8
    strong_min_span_s: float = 0.45
    strong_a_min_mps2: float = 5.0
    strong_a_sigma: float = 6.0
    strong_fill: float = 0.8
    strong_rms_m: float = 0.15
    strong_min_drop_floors: float = 0.6
    # ... and a track that ends at the facade's foot (within this many storeys of it, or
    # below: it landed or fell out of the picture) need not span strong_min_span_s: a
    # drop from the lowest floor in view is seen moving for 0.3–0.5 s.
    strong_foot_floors: float = 0.25
    # A falling object does not stop in mid-air: over this many consecutive frames its
    # points must move at least rest_frac of what its fit moves it, wherever the fit moves
    # it by rest_min_px or more (about five times a blob centre's jitter). At rest it may be
    # only in the first rest_head_points points (before its release) or, at the facade's
    # foot, in the last (landed). 0: off. Off by default (round 12): on cctv-held-out's
    # 5.7 distractor-hours it removed no false alarm that "curves sideways" had not, and on
    # cctv-dev it lost 2 of 210 throws whose tracks began on clutter; 5 turns it on.
    rest_window: int = 0
    rest_min_px: float = 5.0
    rest_frac: float = 0.25
    rest_head_points: int = 2
    # A head at rest (the first points within a quarter of the blob's width, and at least
    # head_still_px, of their median for longer than a fall at g stays there,
    # physics.still_head) is allowed only before a release: at least min_points must follow
    # it, and the track is judged from where a fall from rest would have started to leave
    # the head's circle (tau before its last point). Asked only of a part faster than a_max
    # on the wall plane that the depth allowance (depth_max_m) would accept: the allowance
    # is for a fall from its first point; a part within a_max is judged without it. 0: off.
    head_still_px: float = 3.0
    # A fall's curvature is spread over its whole track: without its last points (this
    # share, at least 2) the part must still curve downwards (physics.tail_borne). A blob
    # creeping for most of a second, then one jump to a blob lower down, is a chain whose
    # whole "acceleration" lies in the jump (cctv-dev throw clip 97's alarm). Not asked of a
    # light object at its terminal speed nor of a short drop on strong evidence. 0: off.
    tail_check_frac: float = 0.125
    facade_margin: float = 0.3  # columns/floors: the release must lie on the facade
    # Where a thrown object is let go: an arm's length out of a window or over a railing.
    # Its floor is the one behind that point (Viewpoint.behind), not where it is seen on
    # the wall; 0 reads the floor where it is seen.
    release_depth_m: float = 0.6
    # How far out of the wall a thrown object can be while it is tracked (let go an arm's
    # length beyond a sill or a railing), and how fast it can move outwards (tossed, not
    # hurled): the acceleration bound is met if some such depth explains the one seen on
    # the wall (physics.least_depth_accel; a steep camera close to the tower sees a fall at
    # g accelerate at 15–20 m/s² on the wall plane). depth_max_m 0: the wall plane's.
    depth_max_m: float = 3.0
    out_max_mps: float = 2.0
    # Terminal-speed falls (light objects, no acceleration left): long, fast, straight, steep.
    terminal_span_s: float = 1.2
    terminal_fill: float = 0.8
    terminal_drop_m: float = 12.0
    terminal_speed_mps: float = 7.0  # leaves/paper sink at 1–3 m/s, gliding birds ≤ ~8 down
    terminal_horizontal_ratio: float = 0.25  # gliding birds move ≥ 1.4× sideways as down
    # Without a facade (no metres): pixel-space fallbacks, as fractions of frame height.
    a_min_frac: float = 0.025  # px/s² per px of frame height
    min_drop_frac: float = 0.08
