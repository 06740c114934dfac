"""What moves in front of the camera, each drawn into the radiance image of one frame.

World actors (throws, birds, laundry) follow 3D paths projected through the camera; every
row of the image is read at its own time (rolling shutter), so a fast object is drawn
where it was when its rows were read, and smeared over the exposure. Lens actors (moths,
rain) live in image space, close to the lens: large, out of focus and bright in IR.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from app.vision.cctvsim.camera import CctvCamera
from app.vision.cctvsim.moth_depth import MothDepth, draw_defocused

G = 9.81


def stamp(img: np.ndarray, x: float, y: float, sx: float, sy: float, angle: float,
          value: np.ndarray, alpha: float) -> None:
    """Blend a soft ellipse (axes sx, sy px, rotated) of radiance ``value`` into img."""
    h, w = img.shape[:2]
    r = max(sx, sy) * 1.6 + 1.5
    x0, x1 = int(math.floor(x - r)), int(math.ceil(x + r)) + 1
    y0, y1 = int(math.floor(y - r)), int(math.ceil(y + r)) + 1
    if x1 <= 0 or y1 <= 0 or x0 >= w or y0 >= h:
        return
    x0c, y0c, x1c, y1c = max(x0, 0), max(y0, 0), min(x1, w), min(y1, h)
    yy, xx = np.mgrid[y0c:y1c, x0c:x1c].astype(np.float32)
    ca, sa = math.cos(angle), math.sin(angle)
    u = ((xx - x) * ca + (yy - y) * sa) / max(sx, 0.35)
    v = (-(xx - x) * sa + (yy - y) * ca) / max(sy, 0.35)
    # flat core with a soft one-pixel edge: a real object, not a Gaussian
    d = np.sqrt(u * u + v * v)
    a = np.clip(1.5 - d, 0, 1) * alpha
    roi = img[y0c:y1c, x0c:x1c]
    roi += a[..., None] * (value - roi)


@dataclass
class Path3D:
    """A world trajectory sampled every millisecond; position at any time by interpolation."""
    t: np.ndarray
    xyz: np.ndarray

    def at(self, t: float) -> np.ndarray | None:
        if t < self.t[0] or t > self.t[-1]:
            return None
        i = min(int((t - self.t[0]) / (self.t[1] - self.t[0])), len(self.t) - 2)
        f = (t - self.t[i]) / (self.t[i + 1] - self.t[i])
        return self.xyz[i] * (1 - f) + self.xyz[i + 1] * f


def fall_path(p0: np.ndarray, v0: np.ndarray, t0: float, v_term: float,
              ground: float = 0.0, max_s: float = 12.0) -> Path3D:
    """Free fall with quadratic drag (terminal speed ``v_term``), until the ground."""
    dt = 0.001
    k = G / (v_term * v_term)
    n = int(max_s / dt)
    xyz = np.empty((n, 3))
    p, v = p0.astype(float).copy(), v0.astype(float).copy()
    for i in range(n):
        xyz[i] = p
        if p[1] <= ground:
            n = i + 1
            break
        speed = math.sqrt(v @ v)
        a = np.array([0.0, -G, 0.0]) - k * speed * v
        v = v + a * dt
        p = p + v * dt
    return Path3D(t0 + np.arange(n) * dt, xyz[:n])


@dataclass
class WorldActor:
    kind: str
    path: Path3D
    size_m: float
    value: np.ndarray  # radiance (c,) by day; reflectance by night (lit by the IR lamp)
    aspect: float = 1.0  # elongated objects tumble
    spin_hz: float = 0.0
    flap_hz: float = 0.0  # birds: wing beat changes the apparent size
    truth: dict = field(default_factory=dict)
    seen_t: list = field(default_factory=list)
    seen_px: list = field(default_factory=list)

    def draw(self, img: np.ndarray, cam: CctvCamera, t: float, exposure_s: float,
             night: bool, ir_power: float) -> None:
        h = img.shape[0]
        p = self.path.at(t)
        if p is None:
            return
        px = cam.project(p[None])[0]
        if not np.all(np.isfinite(px)):
            return
        # rolling shutter: the row holding the object is read later than the top row
        t_row = t + cam.readout_s * min(max(px[1], 0), h) / h
        n_sub = 4 if exposure_s > 0.01 else 1
        drawn = False
        for j in range(n_sub):
            ts = t_row - exposure_s * (j + 0.5) / n_sub
            q = self.path.at(ts)
            if q is None:
                continue
            xy = cam.project(q[None])[0]
            if not np.all(np.isfinite(xy)):
                continue
            depth = float(cam.depth(q[None])[0])
            s = max(self.size_m * cam.f_px / max(depth, 0.5) / 2, 0.4)
            flap = 1.0 + (0.45 * math.sin(2 * math.pi * self.flap_hz * ts) if self.flap_hz else 0)
            ang = 2 * math.pi * self.spin_hz * ts
            val = self.value * (ir_power / max(depth, 1.0) ** 2) if night else self.value
            stamp(img, xy[0], xy[1], s * self.aspect * flap, s, ang, val,
                  min(1.0, 1.0 / n_sub + 0.15))
            drawn = True
        if drawn and 0 <= px[0] < img.shape[1] and 0 <= px[1] < h:
            self.seen_t.append(round(t, 3))
            self.seen_px.append((round(float(px[0]), 1), round(float(px[1]), 1)))


def bird_takeoff(sill_xyz: np.ndarray, t0: float, rng: np.random.Generator,
                 land: bool = False) -> Path3D:
    """Perched on a sill, drops off it (a short fall, as pigeons do) and flies away
    sideways, or (``land``) the same path backwards."""
    dt, n = 0.001, int(4.0 / 0.001)
    tt = np.arange(n) * dt
    drop = rng.uniform(0.3, 1.2)
    t_drop = math.sqrt(2 * drop / (0.6 * G))
    vx = rng.choice([-1, 1]) * rng.uniform(3.0, 8.0)
    vz = -rng.uniform(0.0, 2.0)
    vy_out = rng.uniform(-1.0, 1.5)
    y = np.where(tt < t_drop, -0.5 * 0.6 * G * tt**2,
                 -drop + vy_out * (tt - t_drop) - 0.6 * G * t_drop * np.minimum(tt - t_drop, 0.3))
    ramp = np.clip(tt / 0.4, 0, 1)
    x = vx * np.cumsum(ramp) * dt
    z = vz * np.cumsum(ramp) * dt
    xyz = sill_xyz + np.stack([x, y, z], 1)
    return Path3D(t0 + tt, xyz[::-1] if land else xyz)


def bird_pass(cam: CctvCamera, width_m: float, y: float, t0: float,
              rng: np.random.Generator) -> Path3D:
    """A bird crossing in front of the facade, level or gliding down (10–50°)."""
    dt, dur = 0.002, rng.uniform(2.0, 6.0)
    tt = np.arange(int(dur / dt)) * dt
    speed = rng.uniform(5.0, 12.0)
    ang = math.radians(rng.uniform(0.0, 50.0)) if rng.random() < 0.5 else 0.0
    sgn = rng.choice([-1, 1])
    x0 = -5.0 if sgn > 0 else width_m + 5.0
    z = cam.distance_m - rng.uniform(1.0, 8.0)
    xyz = np.stack([x0 + sgn * speed * math.cos(ang) * tt,
                    y - speed * math.sin(ang) * tt + 0.3 * np.sin(2 * math.pi * 0.7 * tt),
                    np.full_like(tt, z)], 1)
    return Path3D(t0 + tt, xyz)


@dataclass
class Laundry:
    """A cloth on a balcony rod, swinging in the wind (drawn as a quadrilateral)."""
    rod: np.ndarray  # (X, Y, Z) of the rod's middle
    width_m: float
    length_m: float
    value: np.ndarray
    phase: float
    freq: float

    def draw(self, img: np.ndarray, cam: CctvCamera, t: float, wind: float) -> None:
        import cv2

        swing = wind * 0.6 * math.sin(2 * math.pi * self.freq * t + self.phase)
        dz, dy = -self.length_m * math.sin(swing), -self.length_m * math.cos(swing)
        hw = self.width_m / 2
        corners = np.array([[-hw, 0, 0], [hw, 0, 0], [hw, dy, dz], [-hw, dy, dz]]) + self.rod
        px = cam.project(corners)
        if not np.all(np.isfinite(px)):
            return
        val = [float(v) for v in self.value] + [0.0] * (4 - len(self.value))
        cv2.fillConvexPoly(img, np.round(px * 4).astype(np.int32), val, cv2.LINE_AA, 2)


@dataclass
class Moth:
    """An insect at the lens at night: a big, soft, IR-bright disc looping and spiralling.
    With a ``depth`` it is at a distance from the lens that changes as it flies
    (``moth_depth.py``: size ∝ 1/d, brightness ∝ 1/d², lens defocus); without one it is
    the fixed-size disc of the renderer before round 18 (kept for hand-made test moths)."""
    t0: float
    t1: float
    c0: np.ndarray
    drift: np.ndarray
    radius: float
    omega: float
    size: float
    bright: float
    seed: int
    depth: MothDepth | None = None

    def at(self, t: float) -> np.ndarray:
        s = t - self.t0
        wob = np.array([math.sin(3.1 * s + self.seed), math.cos(2.3 * s + 2 * self.seed)])
        r = self.radius * (0.6 + 0.4 * math.sin(0.9 * s + self.seed))
        return (self.c0 + self.drift * s + r * np.array([math.cos(self.omega * s),
                                                         math.sin(self.omega * s)])
                + 0.25 * self.radius * wob)

    def distance_m(self, t: float) -> float | None:
        return None if self.depth is None else self.depth.d(t - self.t0)

    def draw(self, img: np.ndarray, t: float, exposure_s: float) -> None:
        if not self.t0 <= t <= self.t1:
            return
        if self.depth is not None:
            d = self.depth.d(t - self.t0)
            sx = self.depth.semi_axis_px(d)
            centres = [tuple(self.at(t - exposure_s * j / 3)) for j in range(3)]
            g = self.depth.radiance(d, centres[0])
            values = [g * (0.7 + 0.3 * math.sin(2 * math.pi * 20 * t + j)) for j in range(3)]
            draw_defocused(img, centres, values, sx, 0.8 * sx, self.depth.blur_px(d))
            return
        for j in range(3):
            p = self.at(t - exposure_s * j / 3)
            flick = 0.7 + 0.3 * math.sin(2 * math.pi * 20 * t + j)
            stamp(img, p[0], p[1], self.size, self.size * 0.8, 0.0,
                  np.full(img.shape[2], self.bright * flick, np.float32), 0.35)


def draw_rain(img: np.ndarray, rng: np.random.Generator, density: float, exposure_s: float,
              night: bool) -> None:
    """Drops close to the lens: streaks as long as their travel during the exposure, bright
    when the IR lamp lights them, a few big out-of-focus ones."""
    import cv2

    h, w = img.shape[:2]
    n = int(rng.poisson(density))
    if not n:
        return
    layer = np.zeros((h, w), np.float32)
    xs, ys = rng.uniform(0, w, n), rng.uniform(-0.2 * h, h, n)
    speed = rng.uniform(1.5, 6.0, n) * h  # px/s: drops a metre from the lens
    length = np.maximum(speed * max(exposure_s, 0.004), 4)
    slant = rng.normal(0.08, 0.05, n)
    bright = rng.uniform(0.5, 1.6, n) if night else rng.uniform(0.05, 0.2, n)
    thick = rng.choice([1, 1, 1, 2, 3], n)
    for x, y, ln, s, b, th in zip(xs, ys, length, slant, bright, thick, strict=True):
        cv2.line(layer, (int(x), int(y)), (int(x + s * ln), int(y + ln)), float(b), int(th),
                 cv2.LINE_AA)
    layer = cv2.GaussianBlur(layer, (0, 0), 1.2 if night else 0.8)
    img += layer[..., None] * (0.7 if night else 0.4)
