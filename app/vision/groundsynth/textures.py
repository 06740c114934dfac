"""The ground's albedo: materials rasterised in the camera frame (u across, v forward) with
procedural detail — lawn grain and mowing stripes, paving tiles and joints, asphalt and its
yellow lines, gravel — then warped into the picture through the ground homography.

A fine raster covers the near field, a coarse one the rest. The warped albedo depends only
on the season, wetness, snow and the paving patches laid so far, so it is cached per such
state: a frame costs a multiply, not a warp. Cloud shadows are a smooth periodic field
blown across the site.
"""

from __future__ import annotations

import cv2
import numpy as np

from app.vision.groundsynth.layout import H, Layout, W
from app.vision.groundsynth.light import Light

MATERIALS = ("paving", "lawn", "asphalt", "gravel", "patch", "marking")
PALETTE = {  # linear RGB albedo
    "paving": (0.40, 0.39, 0.37), "asphalt": (0.09, 0.09, 0.10),
    "gravel": (0.36, 0.33, 0.28), "patch": (0.55, 0.52, 0.47),
    "marking": (0.55, 0.42, 0.05),
}
LAWN_SUMMER, LAWN_WINTER = np.array([0.07, 0.20, 0.05]), np.array([0.22, 0.19, 0.09])
SNOW = np.array([0.85, 0.87, 0.92])
#: near-infrared reflectance (the night camera's own lamp): grass is bright, asphalt dark
INFRARED = {"paving": 0.35, "lawn": 0.50, "asphalt": 0.12, "gravel": 0.30, "patch": 0.40,
            "marking": 0.40}
SNOW_KEEP = {"lawn": 1.0, "gravel": 0.9, "paving": 0.35, "patch": 0.35, "asphalt": 0.25,
             "marking": 0.25}


def _noise(rng: np.random.Generator, shape: tuple[int, int], cell_px: float) -> np.ndarray:
    """Smooth noise of unit spread with features ~``cell_px`` raster pixels across."""
    small = (max(2, int(shape[1] / cell_px)), max(2, int(shape[0] / cell_px)))
    field = rng.standard_normal((small[1], small[0])).astype(np.float32)
    out = cv2.resize(field, (shape[1], shape[0]), interpolation=cv2.INTER_CUBIC)
    return out / (out.std() + 1e-6)


class _Raster:
    def __init__(self, lay: Layout, u0: float, u1: float, v0: float, v1: float, res: float,
                 rng: np.random.Generator) -> None:
        self.lay, self.u0, self.v0, self.res = lay, u0, v0, res
        self.shape = (int((v1 - v0) * res), int((u1 - u0) * res))
        self.ids = np.zeros(self.shape, np.uint8)
        for area in lay.areas:
            if area.material in MATERIALS:
                self.fill(area.poly, area.material)
        self._markings()
        self.detail = self._detail(rng)
        self.snow_noise = _noise(rng, self.shape, 1.5 * res)

    def to_raster(self, site_poly: np.ndarray) -> np.ndarray:
        uv = self.lay.uv(site_poly)
        return np.round((uv - [self.u0, self.v0]) * self.res * 4).astype(np.int32)

    def fill(self, site_poly: np.ndarray, material: str, ids: np.ndarray | None = None
             ) -> None:
        cv2.fillPoly(self.ids if ids is None else ids, [self.to_raster(site_poly)],
                     MATERIALS.index(material), cv2.LINE_8, 2)

    def _markings(self) -> None:
        lane = next((a for a in self.lay.areas if a.material == "asphalt"), None)
        if lane is None:
            return
        p = self.to_raster(lane.poly)
        width = max(1, int(0.15 * self.res))
        for a, b in ((p[0], p[1]), (p[3], p[2])):
            cv2.line(self.ids, tuple(a), tuple(b), MATERIALS.index("marking"), width * 4 // 4,
                     cv2.LINE_8, 2)

    def _detail(self, rng: np.random.Generator) -> np.ndarray:
        res = self.res
        h, w = self.shape
        v, u = np.mgrid[0:h, 0:w].astype(np.float32)
        u_m, v_m = u / res + self.u0, v / res + self.v0
        grain = rng.standard_normal(self.shape).astype(np.float32)
        lawn = (1.0 + 0.14 * grain + 0.10 * _noise(rng, self.shape, 0.6 * res)
                + 0.05 * np.sin(u_m * np.pi / 1.5))
        tile = 0.6
        tu, tv = np.floor(u_m / tile).astype(np.int64), np.floor(v_m / tile).astype(np.int64)
        tile_rand = ((tu * 73856093) ^ (tv * 19349663)) % 1000 / 1000.0
        joint = ((u_m % tile) < 0.03) | ((v_m % tile) < 0.03)
        paving = (0.94 + 0.12 * tile_rand) * np.where(joint, 0.7, 1.0) + 0.03 * grain
        pt = 0.3
        pjoint = ((u_m % pt) < 0.025) | ((v_m % pt) < 0.025)
        patch = np.where(pjoint, 0.75, 1.0) + 0.03 * grain
        asphalt = 1.0 + 0.08 * grain + 0.06 * _noise(rng, self.shape, 2 * res)
        gravel = 1.0 + 0.22 * grain
        by_id = [paving, lawn, asphalt, gravel, patch, np.ones_like(grain)]
        out = np.ones(self.shape, np.float32)
        for k, d in enumerate(by_id):
            out = np.where(self.ids == k, d, out)
        self.patch_detail = patch.astype(np.float32)
        return out.astype(np.float32)

    def colour(self, light: Light, ids: np.ndarray, detail: np.ndarray) -> np.ndarray:
        lawn = LAWN_SUMMER * (1 - light.season) + LAWN_WINTER * light.season
        out = np.zeros((*self.shape, 3), np.float32)
        for k, name in enumerate(MATERIALS):
            sel = ids == k
            if not sel.any():
                continue
            rgb = lawn if name == "lawn" else np.array(PALETTE[name])
            if light.infrared:
                rgb = np.full(3, INFRARED[name])
            if light.wet:
                rgb = rgb * (0.8 if name == "lawn" else 0.55)
            out[sel] = rgb[::-1] * detail[sel, None]
            if light.snow > 0:
                cover = np.clip((light.snow * SNOW_KEEP[name] * 2.4 - 1.2
                                 - 0.35 * self.snow_noise[sel]) * 3.0, 0.0, 1.0)
                out[sel] = out[sel] * (1 - cover[:, None]) + SNOW[::-1] * cover[:, None]
        return out

    def matrix(self) -> np.ndarray:
        """Raster pixels → site (x, y)."""
        c, s = np.cos(self.lay.heading), np.sin(self.lay.heading)
        x0, y0 = self.lay.pinhole.xyz[:2]
        uv_to_site = np.array([[s, c, x0], [-c, s, y0], [0, 0, 1.0]])
        px_to_uv = np.array([[1 / self.res, 0, self.u0], [0, 1 / self.res, self.v0],
                             [0, 0, 1.0]])
        return uv_to_site @ px_to_uv


class GroundRasters:
    def __init__(self, lay: Layout, seed: int) -> None:
        rng = np.random.default_rng(seed + 7)
        near = lay.pinhole.xyz[2] / np.tan(np.radians(-lay.pinhole.pitch_deg
                                                     + lay.pinhole.vfov_deg / 2))
        self.near = _Raster(lay, -40.0, 40.0, near - 2.0, near + 38.0, 14.0, rng)
        self.far = _Raster(lay, -120.0, 120.0, near - 2.0, 260.0, 3.0, rng)
        # periodic: blur a 3×3 tiling and keep the middle tile
        tiled = np.tile(rng.standard_normal((512, 512)).astype(np.float32), (3, 3))
        self.cloud_field = np.ascontiguousarray(
            cv2.GaussianBlur(tiled, (0, 0), 14)[512:1024, 512:1024])
        self.cloud_field /= self.cloud_field.std() + 1e-6
        self.wind = rng.uniform(-1, 1, 2) * 3.0 / 60.0  # metres a second at the ground
        self.lay = lay
        self._cache: dict = {}

    def coverage(self, h_ground: np.ndarray) -> np.ndarray:
        ones = np.ones(self.far.shape, np.float32)
        return cv2.warpPerspective(ones, h_ground @ self.far.matrix(), (W, H),
                                   flags=cv2.INTER_NEAREST)

    def albedo(self, h_ground: np.ndarray, light: Light, patches: list) -> np.ndarray:
        key = (round(light.season, 2), light.wet > 0, round(light.snow, 2), light.infrared,
               tuple(id(p) for p in patches))
        hit = self._cache.get(key)
        if hit is not None:
            return hit
        out = np.zeros((H, W, 3), np.float32)
        for r in (self.far, self.near):
            ids, detail = r.ids, r.detail
            if patches:
                ids = ids.copy()
                for poly, material in patches:
                    r.fill(poly, material, ids)
                detail = np.where(ids == MATERIALS.index("patch"), r.patch_detail, detail)
            colour = r.colour(light, ids, detail)
            m = h_ground @ r.matrix()
            warped = cv2.warpPerspective(colour, m, (W, H), flags=cv2.INTER_LINEAR)
            valid = cv2.warpPerspective(np.ones(r.shape, np.float32), m, (W, H),
                                        flags=cv2.INTER_NEAREST)
            out = np.where(valid[..., None] > 0, warped, out)
        if len(self._cache) > 24:
            self._cache.clear()
        self._cache[key] = out
        return out

    def clouds(self, h_ground: np.ndarray, t_s: float, share: float) -> np.ndarray:
        """Cloud shadow (0..1) on the ground: the field blown by the wind, thresholded so
        ``share`` of it is shadowed, with soft edges."""
        res = 0.25  # field pixels per metre: clouds hundreds of metres across
        off = self.wind * t_s
        c, s = np.cos(self.lay.heading), np.sin(self.lay.heading)
        x0, y0 = self.lay.pinhole.xyz[:2]
        site_to_field = np.array([[res, 0, -res * (x0 - 200 + off[0])],
                                  [0, res, -res * (y0 - 200 + off[1])], [0, 0, 1.0]])
        del c, s
        field = cv2.warpPerspective(self.cloud_field, h_ground @ np.linalg.inv(site_to_field),
                                    (W, H), flags=cv2.INTER_LINEAR,
                                    borderMode=cv2.BORDER_WRAP)
        level = float(np.quantile(self.cloud_field, 1.0 - share))
        return np.clip((field - level) * 2.0, 0.0, 1.0).astype(np.float32)
