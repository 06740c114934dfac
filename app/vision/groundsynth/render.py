"""Renderer: one frame of the synthetic compound at a given light, with what stands in it.

Radiance is computed in linear light and then exposed and gamma-encoded as a camera would:
ground albedo (two rasters in the camera frame — fine near, coarse far — warped through
the ground homography), sun and sky light with cast shadows of every solid and tree
(projected along the sun onto the ground) and moving cloud shadows, faces of the solids
drawn far to near, lamps and lit windows at night, auto-exposure, sensor noise growing
with the gain, an infrared grey picture at night, rain streaks, and pole jitter.
"""

from __future__ import annotations

import math

import cv2
import numpy as np

from app.vision.groundsynth.layout import H, Layout, W
from app.vision.groundsynth.light import Light
from app.vision.groundsynth.props import Mesh
from app.vision.groundsynth.textures import GroundRasters

SKY_DAY = np.array([0.95, 0.72, 0.50], np.float32)  # BGR, linear
SUN_RGB = np.array([1.0, 0.97, 0.92])  # linear RGB of midday sun (warmed at low sun)
SKY_LIGHT = np.array([0.85, 0.92, 1.10])  # the sky's bluish fill light


def _rgb_to_bgr(c) -> np.ndarray:
    return np.asarray(c, np.float32)[::-1]


class Renderer:
    def __init__(self, layout: Layout, seed: int) -> None:
        self.lay = layout
        self.rng = np.random.default_rng(seed)
        self.cam = layout.pinhole
        self.h_ground = self.cam.ground_homography(0.0)
        self.rasters = GroundRasters(layout, seed)
        self.ground_mask = self.rasters.coverage(self.h_ground)
        # site position of every ground pixel (for lamp pools and infrared fall-off)
        ys, xs = np.mgrid[0:H, 0:W].astype(np.float32)
        pix = np.stack([xs.ravel(), ys.ravel()], axis=-1).reshape(-1, 1, 2)
        site = cv2.perspectiveTransform(pix.astype(np.float64), np.linalg.inv(self.h_ground))
        self.site_xy = site.reshape(H, W, 2).astype(np.float32)
        dist = np.hypot(self.site_xy[..., 0] - self.cam.xyz[0],
                        self.site_xy[..., 1] - self.cam.xyz[1])
        self.ir_falloff = np.where(self.ground_mask > 0, 1.0 / (1.0 + (dist / 22.0) ** 2),
                                   0.02).astype(np.float32)
        pools = np.zeros((H, W), np.float32)
        for lamp in layout.lamps:
            d2 = (self.site_xy[..., 0] - lamp[0]) ** 2 + (self.site_xy[..., 1] - lamp[1]) ** 2
            pools += np.exp(-d2 / (2 * 4.5 ** 2)).astype(np.float32)
        self.pools = pools * self.ground_mask
        self.noise = [self.rng.standard_normal((H, W, 3)).astype(np.float32) for _ in range(3)]
        self.horizon = self._horizon_row()

    def _horizon_row(self) -> int:
        rows = np.nonzero(self.ground_mask.max(axis=1) > 0)[0]
        return int(rows.min()) if len(rows) else H

    # ---- light ----------------------------------------------------------------------------
    def _sun_bgr(self, light: Light) -> np.ndarray:
        warm = np.array([1.0, 0.92 - 0.22 * light.warmth, 0.80 - 0.45 * light.warmth])
        return _rgb_to_bgr(SUN_RGB * warm)

    def _cloud(self, t_s: float, light: Light) -> np.ndarray | None:
        if light.clouds <= 0 or light.direct <= 0:
            return None
        return self.rasters.clouds(self.h_ground, t_s, light.clouds)

    def _shadows(self, meshes: list[Mesh], light: Light) -> np.ndarray:
        mask = np.zeros((H, W), np.float32)
        if light.direct <= 0:
            return mask
        s = light.sun_dir
        for mesh in meshes:
            pts = mesh.points()
            lift = (pts[:, 2] - mesh.base_z) / s[2]
            ground = pts[:, :2] - lift[:, None] * s[:2]
            hull = cv2.convexHull(ground.astype(np.float32)).reshape(-1, 2)
            px, depth = self.cam.project(np.column_stack([hull, np.full(len(hull),
                                                                         mesh.base_z)]))
            if (depth > 0.5).all():
                cv2.fillPoly(mask, [np.round(px * 4).astype(np.int32)], 1.0, cv2.LINE_AA, 2)
        for centre, r in self.lay.trees:
            c = centre[:2] - centre[2] / s[2] * s[:2]
            ang = np.linspace(0, 2 * np.pi, 16, endpoint=False)
            stretch = 1.0 / max(s[2], 0.25)
            ring = np.column_stack([np.cos(ang) * r, np.sin(ang) * r])
            along = s[:2] / (np.linalg.norm(s[:2]) + 1e-9)
            ring = ring + np.outer(ring @ along, along) * (stretch - 1.0)
            px, depth = self.cam.project(np.column_stack([c + ring, np.zeros(16)]))
            if (depth > 0.5).all():
                cv2.fillPoly(mask, [np.round(px * 4).astype(np.int32)], 0.85, cv2.LINE_AA, 2)
        return cv2.GaussianBlur(mask, (0, 0), 1.2)

    # ---- drawing --------------------------------------------------------------------------
    def render(self, t_s: float, light: Light, meshes: list[Mesh], patches: list,
               jitter: tuple[float, float, float] = (0.0, 0.0, 0.0)) -> np.ndarray:
        """One BGR uint8 frame. ``patches``: (polygon site, material) painted on the ground
        (paving over a lawn); ``jitter``: dx, dy px and a turn in degrees."""
        albedo = self.rasters.albedo(self.h_ground, light, patches)
        sun = self._sun_bgr(light)
        sky = _rgb_to_bgr(SKY_LIGHT) * light.ambient
        solids = self.lay.solids + meshes
        shade = self._shadows(solids, light)
        lit = (1.0 - shade)
        cloud = self._cloud(t_s, light)
        if cloud is not None:
            lit = lit * (1.0 - 0.75 * cloud)
        direct = (light.direct * light.sun_dir[2]) * lit
        if light.infrared:  # the camera's own infrared lamp, falling off with distance
            img = albedo * (self.ir_falloff + 0.12 * self.pools + 0.01)[..., None]
        else:
            img = albedo * (sky + direct[..., None] * sun)
            if light.elevation < 0:
                img += albedo * (self.pools[..., None] * 0.5 * np.array([0.55, 0.8, 1.0],
                                                                          np.float32))
        top = max(1, self.horizon)
        grad = np.linspace(1.15, 0.8, top, dtype=np.float32)[:, None, None]
        daylight = max(0.015, light.ambient * 1.6 + 0.4 * light.direct)
        if light.weather in ("overcast", "rain", "snow"):
            sky_col = np.array([0.78, 0.76, 0.74], np.float32)
        else:
            sky_col = SKY_DAY
        img[:top] = np.where(self.ground_mask[:top, :, None] > 0, img[:top],
                             grad * sky_col * daylight)
        self._faces(img, solids, light, sun, sky)
        self._trees(img, light, sun, sky, lit)
        return self._camera(img, light, jitter)

    def _faces(self, img, meshes, light, sun, sky) -> None:  # noqa: ANN001
        cam = np.asarray(self.cam.xyz)
        faces = [f for m in meshes for f in m.faces]
        depth = np.array([np.linalg.norm(f.centre - cam) for f in faces])
        s = light.sun_dir
        night = light.elevation < -3
        for i in np.argsort(-depth):
            f = faces[i]
            n = f.normal
            if f.look != "mesh" and n @ (cam - f.centre) <= 0:
                continue
            px, d = self.cam.project(f.pts)
            if (d <= 0.5).any():
                continue
            alb = _rgb_to_bgr(f.albedo)
            if light.infrared:
                col = np.full(3, alb.mean() / (1.0 + (depth[i] / 22.0) ** 2), np.float32)
            else:
                col = alb * (sky + light.direct * max(0.0, float(n @ s)) * sun)
                if night:
                    col = col + alb * 0.02
            poly = np.round(px * 4).astype(np.int32)
            if f.look == "mesh":
                overlay = img.copy()
                cv2.fillPoly(overlay, [poly], col.tolist(), cv2.LINE_AA, 2)
                cv2.addWeighted(overlay, 0.35, img, 0.65, 0, dst=img)
                self._lines(img, f, px, col * 0.8, 0.25, both=True)
                continue
            cv2.fillPoly(img, [poly], col.tolist(), cv2.LINE_AA, 2)
            if f.look == "ribbed":
                self._lines(img, f, px, col * 0.75, 0.3)
            elif f.look == "windows":
                self._windows(img, f, night)

    def _lines(self, img, f, px, col, spacing: float, both: bool = False) -> None:  # noqa: ANN001
        """Ribs (or a mesh grid) across a quad face, ``spacing`` metres apart."""
        if len(px) != 4:
            return
        width = np.linalg.norm(f.pts[1] - f.pts[0])
        n = int(min(80, width / spacing))
        for k in range(1, n):
            a = px[0] + (px[1] - px[0]) * k / n
            b = px[3] + (px[2] - px[3]) * k / n
            cv2.line(img, tuple(np.round(a * 4).astype(int)), tuple(np.round(b * 4).astype(int)),
                     col.tolist(), 1, cv2.LINE_AA, 2)
        if both:
            height = np.linalg.norm(f.pts[3] - f.pts[0])
            for k in range(1, int(min(30, height / spacing))):
                a = px[0] + (px[3] - px[0]) * k * spacing / height
                b = px[1] + (px[2] - px[1]) * k * spacing / height
                cv2.line(img, tuple(np.round(a * 4).astype(int)),
                         tuple(np.round(b * 4).astype(int)), col.tolist(), 1, cv2.LINE_AA, 2)

    def _windows(self, img, f, night: bool) -> None:  # noqa: ANN001
        px, _ = self.cam.project(f.pts)
        if len(px) != 4:
            return
        rows = max(1, int(np.linalg.norm(f.pts[3] - f.pts[0]) / 3.0))
        cols = max(1, int(np.linalg.norm(f.pts[1] - f.pts[0]) / 3.5))
        key = int(abs(f.centre[0] * 7 + f.centre[1] * 13)) % 997
        pattern = np.random.default_rng(key).random((rows, cols))
        for r in range(rows):
            for c in range(cols):
                u0, u1 = (c + 0.3) / cols, (c + 0.7) / cols
                v0, v1 = (r + 0.3) / rows, (r + 0.65) / rows
                quad = [px[0] + (px[1] - px[0]) * u + (px[3] - px[0]) * v
                        for u, v in ((u0, v0), (u1, v0), (u1, v1), (u0, v1))]
                lit = night and pattern[r, c] < 0.35
                col = (0.10, 0.30, 0.45) if lit else (0.06, 0.05, 0.05)
                cv2.fillPoly(img, [np.round(np.array(quad) * 4).astype(np.int32)], col,
                             cv2.LINE_AA, 2)

    def _trees(self, img, light, sun, sky, lit) -> None:  # noqa: ANN001
        leaf = _rgb_to_bgr((0.06 + 0.10 * light.season, 0.16 - 0.04 * light.season, 0.05))
        for centre, r in self.lay.trees:
            px, d = self.cam.project(centre[None])
            if d[0] <= 1.0:
                continue
            rad = self.cam.focal_px * r / d[0]
            if light.infrared:  # leaves reflect near infrared strongly
                col = np.full(3, 0.5 / (1.0 + (d[0] / 22.0) ** 2), np.float32)
            else:
                col = leaf * (sky + 0.7 * light.direct * sun)
            # leaves move between samples: the crown's texture is never the same twice
            for _ in range(6):
                off = self.rng.normal(0, rad * 0.35, 2)
                c = np.round((px[0] + off) * 4).astype(int)
                rr = int(rad * self.rng.uniform(0.45, 0.7) * 4)
                cv2.circle(img, tuple(c), rr, (col * self.rng.uniform(0.7, 1.2)).tolist(), -1,
                           cv2.LINE_AA, 2)

    def _camera(self, img: np.ndarray, light: Light, jitter) -> np.ndarray:  # noqa: ANN001
        luma = float(np.median(img[self.horizon:] if self.horizon < H else img))
        gain = float(np.clip(0.20 / max(luma, 1e-4), 0.5, 14.0))
        out = np.clip(img * gain, 0.0, 1.0) ** (1 / 2.2) * 255.0
        sigma = 1.2 + 0.9 * math.sqrt(gain)
        noise = self.noise[int(self.rng.integers(3))]
        shift = int(self.rng.integers(0, W))
        out += np.roll(noise, shift, axis=1) * sigma
        if light.infrared:
            out[..., 1] = out[..., 2] = out[..., 0]
        if light.rain > 0:
            self._rain(out)
        dx, dy, rot = jitter
        if dx or dy or rot:
            m = cv2.getRotationMatrix2D((W / 2, H / 2), rot, 1.0)
            m[:, 2] += (dx, dy)
            out = cv2.warpAffine(out, m, (W, H), borderMode=cv2.BORDER_REFLECT)
        return np.clip(out, 0, 255).astype(np.uint8)

    def _rain(self, out: np.ndarray) -> None:
        n = 350
        x = self.rng.uniform(0, W, n)
        y = self.rng.uniform(0, H, n)
        length = self.rng.uniform(6, 16, n)
        for xi, yi, li in zip(x, y, length, strict=True):
            cv2.line(out, (int(xi), int(yi)), (int(xi + li * 0.15), int(yi + li)),
                     (205, 205, 205), 1, cv2.LINE_AA)
