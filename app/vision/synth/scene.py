"""Scene layout of a synthetic clip: camera pose, tower facade, static background render.

Everything here is drawn from one ``numpy.random.Generator`` so a seed fixes the scene. The
facade file for the clip covers the floors fully visible in the image (CONTRACTS format,
with ``lowest_floor`` saying which storey the bottom band is).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import cv2
import numpy as np

from app.vision.synth.camera import PinholeCamera


@dataclass
class SceneParams:
    width: int
    height: int
    fps: float
    distance_m: float  # camera → facade, horizontal
    pitch_deg: float
    vfov_deg: float
    cam_height_m: float
    floors: int  # storeys of the tower
    columns: int  # window columns
    floor_h_m: float
    column_w_m: float
    facade_x0_m: float  # X of the facade's left edge
    night: bool
    wall_bgr: tuple[int, int, int]
    noise_sigma: float
    lit: np.ndarray = field(repr=False)  # (floors, columns) bool: lit window at night
    camera: PinholeCamera = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.camera = PinholeCamera(self.width, self.height, self.vfov_deg, self.pitch_deg,
                                    self.cam_height_m)

    @property
    def facade_w_m(self) -> float:
        return self.columns * self.column_w_m

    def visible_floor_range(self) -> tuple[int, int]:
        """Storeys whose whole band lies inside the image rows (1-based, inclusive)."""
        lo, hi = self.camera.visible_height_range(self.distance_m)
        first = max(1, math.ceil(lo / self.floor_h_m - 1e-9) + 1)
        last = min(self.floors, math.floor(hi / self.floor_h_m + 1e-9))
        return first, last

    def facade_file(self) -> dict:
        """CONTRACTS facade JSON for the fully visible floors."""
        k_lo, k_hi = self.visible_floor_range()
        x0, x1 = self.facade_x0_m, self.facade_x0_m + self.facade_w_m
        y0, y1 = (k_lo - 1) * self.floor_h_m, k_hi * self.floor_h_m
        d = self.distance_m
        px = self.camera.project(np.array([[x0, y1, d], [x1, y1, d], [x1, y0, d], [x0, y0, d]]))
        return {"corners_px": [[round(float(x), 2), round(float(y), 2)] for x, y in px],
                "floors": k_hi - k_lo + 1, "columns": self.columns, "lowest_floor": k_lo}

    def window_quad(self, floor: int, column: int, inset: float = 0.0) -> np.ndarray:
        """Image quad (4,2) of a window's glass (floor and column 1-based)."""
        cw, fh = self.column_w_m, self.floor_h_m
        ww, wh, sill = 0.58 * cw, 0.55 * fh, 0.3 * fh
        xl = self.facade_x0_m + (column - 1) * cw + (cw - ww) / 2 + inset
        xr = xl + ww - 2 * inset
        yb = (floor - 1) * fh + sill + inset
        yt = yb + wh - 2 * inset
        d = self.distance_m
        return self.camera.project(np.array([[xl, yt, d], [xr, yt, d], [xr, yb, d], [xl, yb, d]]))


def sample_scene(rng: np.random.Generator, width: int = 1280, height: int = 720,
                 fps: float = 25.0, night: bool | None = None) -> SceneParams:
    """A random but plausible camera/facade layout (ranges from the issue)."""
    for _ in range(200):
        distance = rng.uniform(25, 60)
        pitch = rng.uniform(20, 45)
        vfov = rng.uniform(38, 56)
        cam_h = rng.uniform(1.5, 6.0)
        floors = int(rng.integers(18, 34))
        floor_h = rng.uniform(2.8, 3.1)
        column_w = rng.uniform(3.2, 4.4)
        cam = PinholeCamera(width, height, vfov, pitch, cam_h)
        lo, hi = cam.visible_height_range(distance)
        # Half-width of the view at the lowest visible facade row, to size the tower.
        half_w = cam.f_px and (width / 2) * abs(
            cam.depth(np.array([[0.0, max(lo, 0.0), distance]]))[0]) / cam.f_px
        columns = int(min(rng.integers(4, 11), (1.6 * half_w) // column_w))
        if columns < 3:
            continue
        x0 = -columns * column_w / 2 + rng.uniform(-0.2, 0.2) * half_w
        is_night = bool(rng.random() < 0.3) if night is None else night
        wall = (rng.integers(135, 200, size=3) if not is_night else rng.integers(35, 60, size=3))
        wall[2] = min(255, wall[2] + rng.integers(0, 20))  # a warm tint, tiles are rarely blue
        params = SceneParams(
            width, height, fps, distance, pitch, vfov, cam_h, floors, columns, floor_h,
            column_w, x0, is_night, tuple(int(c) for c in wall),
            float(rng.uniform(4.0, 8.0) if is_night else rng.uniform(1.2, 3.0)),
            rng.random((floors, columns)) < rng.uniform(0.25, 0.6))
        k_lo, k_hi = params.visible_floor_range()
        if k_hi - k_lo >= 6:
            return params
    raise RuntimeError("could not sample a scene with enough visible floors")


def _texture(p: SceneParams, rng: np.random.Generator, m_per_px: float) -> np.ndarray:
    """The facade as a flat BGR texture (row 0 = roof line)."""
    h_m = p.floors * p.floor_h_m + 1.2  # parapet
    rows, cols = int(h_m / m_per_px) + 1, int(p.facade_w_m / m_per_px) + 1
    tex = np.empty((rows, cols, 3), np.uint8)
    tex[:] = p.wall_bgr
    grain = rng.normal(0, 4 if not p.night else 2, (rows // 4 + 1, cols // 4 + 1)).astype(np.float32)
    grain = cv2.resize(grain, (cols, rows), interpolation=cv2.INTER_LINEAR)
    tex = (tex.astype(np.float32) + grain[..., None]).clip(0, 255).astype(np.uint8)

    def y_px(y_m: float) -> int:
        return int(round((h_m - y_m) / m_per_px))

    def x_px(x_m: float) -> int:
        return int(round(x_m / m_per_px))

    slab = tuple(int(c * 0.82) for c in p.wall_bgr)
    cw, fh = p.column_w_m, p.floor_h_m
    for k in range(1, p.floors + 1):
        y = y_px((k - 1) * fh)
        cv2.line(tex, (0, y), (cols - 1, y), slab, max(1, int(0.12 / m_per_px)))
        for c in range(1, p.columns + 1):
            ww, wh, sill = 0.58 * cw, 0.55 * fh, 0.3 * fh
            xl = (c - 1) * cw + (cw - ww) / 2
            tl = (x_px(xl), y_px((k - 1) * fh + sill + wh))
            br = (x_px(xl + ww), y_px((k - 1) * fh + sill))
            if p.night:
                glass = rng.integers(150, 230) if p.lit[k - 1, c - 1] else rng.integers(12, 25)
                colour = (int(glass * 0.75), int(glass * 0.9), int(glass))
            else:
                g = int(rng.integers(55, 105))
                colour = (g + 12, g + 4, g)
            cv2.rectangle(tex, tl, br, colour, -1)
            frame = tuple(int(v * 0.7) for v in p.wall_bgr)
            cv2.rectangle(tex, tl, br, frame, max(1, int(0.06 / m_per_px)))
            if not p.night and rng.random() < 0.3:  # an air-conditioner box under the window
                ac_tl = (x_px(xl + ww * 0.6), y_px((k - 1) * fh + sill - 0.1))
                ac_br = (x_px(xl + ww * 0.95), y_px((k - 1) * fh + sill - 0.6))
                cv2.rectangle(tex, ac_tl, ac_br, (215, 218, 220), -1)
    return tex


def render_background(p: SceneParams, rng: np.random.Generator) -> np.ndarray:
    """Static BGR frame: sky, the facade warped through the camera, ground."""
    w, h = p.width, p.height
    ramp = np.linspace(0.0, 1.0, h, dtype=np.float32)[:, None, None]
    if p.night:
        top, bottom = np.float32([22, 14, 10]), np.float32([40, 30, 25])
    else:
        top, bottom = np.float32([225, 190, 150]), np.float32([235, 225, 215])
    img = (top * (1 - ramp) + bottom * ramp) * np.ones((1, w, 1), np.float32)
    img = img.astype(np.uint8)
    cam = p.camera
    # Texel size about a third of the finest pixel footprint, so the warp does not alias.
    near = max(cam.depth(np.array([[0.0, 0.0, p.distance_m]]))[0], 1.0)
    m_per_px = near / cam.f_px / 1.5
    tex = _texture(p, rng, m_per_px)
    h_m = p.floors * p.floor_h_m + 1.2
    hom = cam.plane_homography(p.distance_m, p.facade_x0_m, h_m, m_per_px)
    cv2.warpPerspective(tex, hom, (w, h), dst=img, flags=cv2.INTER_AREA,
                        borderMode=cv2.BORDER_TRANSPARENT)
    ground_y = cam.project(np.array([[0.0, 0.0, p.distance_m]]))[0, 1]
    if ground_y < h:  # a paved forecourt below the facade
        y0 = max(0, int(ground_y))
        img[y0:] = (95, 105, 100) if not p.night else (28, 30, 30)
    return cv2.GaussianBlur(img, (3, 3), 0.6)
