"""Acoustic source localisation: TDOA multilateration from absolute arrival times.

The emission time is unknown, so the unknowns are the source position x and the emission
"range offset" d0 = c·t0; microphone i hears the sound at ρ_i = c·τ_i = d0 + |x − p_i|.

1. Consensus: every subset of 5 arrivals (a random sample of them when there are too many)
   gives a closed-form candidate by the classic linearisation (differencing the squared
   range equations removes |x|² and d0²). Each candidate is scored over *all* arrivals with
   a truncated quadratic (MSAC), so an echo 5–30 ms late (1.7–10 m of range) or a wrong
   pick cannot drag the answer.
2. Robust refinement from the best candidates (and a few neutral starts):
   ``scipy.optimize.least_squares`` with a Cauchy loss over all arrivals. Cauchy rather than
   soft-L1 because its influence *descends* for large residuals: with soft-L1 an echo on the
   nearest microphone (a high-leverage point) still pulls the answer metres away.
3. Inliers: |residual| ≤ ``inlier_k`` × σ (σ = the timing-noise prior, or the robust spread
   of the residuals if that is larger); plain least squares on the inliers; repeated once so
   a mic rejected early can come back.
4. Uncertainty: covariance σ²·(JᵀJ)⁻¹ of the refit, σ from the inlier residuals floored at the
   timing-noise prior. ``uncertainty_m`` is the RMS radius sqrt(trace Σ_xyz) (the 1-σ
   radius: a 3-D Gaussian error falls inside it about 60 % of the time).

Degenerate layouts (all mics at one point, collinear, or coplanar so the height is a mirror
ambiguity), fewer than 4 usable arrivals, microphones beyond any site (±1,000 km) and
arrivals that agree on no place — an answer less certain than the microphone array is wide,
such as ±2e11 m from arrival times scattered over years — raise ``LocateError``: a one-line
"cannot locate", never a traceback or a number nobody can use.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence

import msgspec
import numpy as np
import scipy  # submodules load on first use: scipy.optimize costs ~0.3 s of start-up

DEFAULT_SPEED_OF_SOUND = 343.0
DEFAULT_TIMING_NOISE_S = 1e-4  # 0.1 ms: a typical onset-pick jitter
MIN_ARRIVALS = 4
# A microphone cloud thinner than this (RMS spread, metres) in its weakest direction cannot
# resolve that direction: coplanar mics leave the height as a mirror ambiguity.
MIN_SPREAD_M = 0.5
MAX_SUBSETS = 300
MAX_CONDITION = 1e10
#: site coordinates are metres from the site origin: anything farther is not a microphone of
#: this compound (and 1e300 overflowed the solver)
MAX_COORD_M = 1_000_000.0


class LocateError(Exception):
    """The sound cannot be located (too few arrivals, degenerate layout): one clear line."""


class LocateResult(msgspec.Struct, frozen=True):
    xyz: tuple[float, float, float]
    uncertainty_m: float
    used_mics: tuple[str, ...]
    rejected_mics: tuple[str, ...]
    residual_rms_s: float  # of the inliers
    emission_offset_s: float  # emission time relative to the earliest arrival (≤ 0)

    def to_contract(self) -> dict[str, object]:
        """The CONTRACTS ``locate`` output (without ``nearest``)."""
        return {
            "xyz": [round(v, 3) for v in self.xyz],
            "uncertainty_m": round(self.uncertainty_m, 3),
            "used_mics": list(self.used_mics),
            "rejected_mics": list(self.rejected_mics),
        }


def check_layout(positions: np.ndarray, ids: Sequence[str]) -> None:
    """Raise LocateError when these microphones cannot resolve all three coordinates."""
    centred = positions - positions.mean(axis=0)
    spread = np.linalg.svd(centred, compute_uv=False) / np.sqrt(len(positions))
    spread = np.concatenate([spread, np.zeros(3 - len(spread))])
    names = ", ".join(ids)
    if spread[0] < MIN_SPREAD_M:
        raise LocateError(f"degenerate microphone layout: {names} are all at one point")
    if spread[1] < MIN_SPREAD_M:
        raise LocateError(f"degenerate microphone layout: {names} are collinear")
    if spread[2] < MIN_SPREAD_M:
        raise LocateError(
            f"degenerate microphone layout: {names} are coplanar "
            f"({spread[2]:.2f} m out of plane), so the height cannot be resolved")


def _linear_candidates(p: np.ndarray, rho: np.ndarray, subsets: np.ndarray) -> np.ndarray:
    """Closed-form (x, y, z, d0) for each row of ``subsets`` (indices of 5 arrivals)."""
    ps = p[subsets]  # (m, 5, 3)
    rs = rho[subsets]  # (m, 5)
    dp = ps[:, 1:] - ps[:, :1]
    dr = rs[:, 1:] - rs[:, :1]
    a = np.concatenate([-2.0 * dp, 2.0 * dr[..., None]], axis=2)  # (m, 4, 4)
    b = (rs[:, 1:] ** 2 - rs[:, :1] ** 2
         - (ps[:, 1:] ** 2).sum(-1) + (ps[:, :1] ** 2).sum(-1))
    ok = np.abs(np.linalg.det(a)) > 1e-9
    out = np.full((len(subsets), 4), np.nan)
    if ok.any():
        out[ok] = np.linalg.solve(a[ok], b[ok][..., None])[..., 0]
    return out[ok & np.isfinite(out).all(axis=1)]


def _residuals(theta: np.ndarray, p: np.ndarray, rho: np.ndarray) -> np.ndarray:
    return theta[3] + np.linalg.norm(p - theta[:3], axis=-1) - rho


def _jacobian(theta: np.ndarray, p: np.ndarray, rho: np.ndarray) -> np.ndarray:
    diff = theta[:3] - p
    dist = np.maximum(np.linalg.norm(diff, axis=1), 1e-9)
    return np.column_stack([diff / dist[:, None], np.ones(len(p))])


def _initial_guesses(p: np.ndarray, rho: np.ndarray, noise_m: float,
                     rng: np.random.Generator) -> list[np.ndarray]:
    n = len(p)
    guesses: list[np.ndarray] = []
    if n >= 5:
        combos = list(itertools.combinations(range(n), 5))
        if len(combos) > MAX_SUBSETS:
            picks = rng.choice(len(combos), MAX_SUBSETS, replace=False)
            combos = [combos[i] for i in picks]
        cands = _linear_candidates(p, rho, np.asarray(combos))
        if len(cands):
            # MSAC: truncated quadratic over every arrival, best candidates first
            res = (cands[:, 3:4] + np.linalg.norm(p[None] - cands[:, None, :3], axis=2)
                   - rho[None])
            cap = (4.0 * noise_m) ** 2
            score = np.minimum(res**2, cap).sum(axis=1)
            guesses.extend(cands[np.argsort(score)[:2]])
    # Neutral starts too: the only ones with 4 arrivals, a safety net otherwise. Above and
    # below the centre because 4 arrivals can have two solutions mirrored in height.
    centre = p.mean(axis=0)
    span = float(np.ptp(p, axis=0).max())
    for dz in (0.0,) if n >= 5 else (0.0, 0.5 * span, -0.5 * span):
        start = centre + np.array([0.0, 0.0, dz])
        d0 = float(np.median(rho - np.linalg.norm(p - start, axis=1)))
        guesses.append(np.append(start, d0))
    return guesses


def locate(mics: Mapping[str, Sequence[float]], arrivals_ns: Mapping[str, int], *,
           speed_of_sound: float = DEFAULT_SPEED_OF_SOUND,
           timing_noise_s: float = DEFAULT_TIMING_NOISE_S,
           inlier_k: float = 4.0, seed: int = 0) -> LocateResult:
    """Locate one sound from absolute arrival times (ns) at known microphones (xyz, m).

    ``arrivals_ns`` keys must be ids in ``mics`` (the caller validates input files).
    """
    ids = [m for m in arrivals_ns if m in mics]
    if len(ids) < MIN_ARRIVALS:
        raise LocateError(f"cannot locate: {len(ids)} usable arrival(s), at least "
                          f"{MIN_ARRIVALS} are needed")
    if not speed_of_sound > 0:
        raise LocateError(f"speed of sound must be positive, got {speed_of_sound}")
    p_abs = np.asarray([mics[m] for m in ids], dtype=float)
    if not (np.isfinite(p_abs).all() and np.abs(p_abs).max() <= MAX_COORD_M):
        raise LocateError(f"cannot locate: microphone positions must be site coordinates "
                          f"within ±{MAX_COORD_M:,.0f} m")
    check_layout(p_abs, ids)
    try:
        with np.errstate(all="ignore"):
            result = _solve(ids, p_abs, arrivals_ns, float(speed_of_sound), timing_noise_s,
                            inlier_k, seed)
    except (ValueError, np.linalg.LinAlgError) as exc:  # the solver met non-finite numbers
        raise LocateError(f"cannot locate: the arrival times do not fit one sound ({exc})"
                          ) from None
    span = float(np.max(np.linalg.norm(p_abs[:, None] - p_abs[None], axis=2)))
    if not (np.isfinite(result.xyz).all() and result.uncertainty_m <= span):
        raise LocateError(
            f"cannot locate: the arrival times agree on no place (±{result.uncertainty_m:.3g}"
            f" m, more than the {span:.0f} m the microphones span)")
    return result


def _solve(ids: list[str], p_abs: np.ndarray, arrivals_ns: Mapping[str, int], c: float,
           timing_noise_s: float, inlier_k: float, seed: int) -> LocateResult:
    # Centre coordinates and times for conditioning; integer ns keep full precision here.
    origin = p_abs.mean(axis=0)
    p = p_abs - origin
    t_ref = min(arrivals_ns[m] for m in ids)
    tau = np.asarray([(arrivals_ns[m] - t_ref) * 1e-9 for m in ids])
    rho = c * tau
    noise_m = c * timing_noise_s
    rng = np.random.default_rng(seed)

    best, best_cost = None, np.inf
    for guess in _initial_guesses(p, rho, noise_m, rng):
        fit = scipy.optimize.least_squares(_residuals, guess, jac=_jacobian, args=(p, rho), loss="cauchy",
                            f_scale=3.0 * noise_m, method="trf")
        if fit.cost < best_cost:
            best, best_cost = fit.x, fit.cost
    assert best is not None

    # When the timing noise is larger than the prior says, a tight robust scale hugs a
    # subset and throws good mics away: estimate the scale from the data (MAD, corrected
    # for the 4 fitted unknowns) and refit with it until it settles.
    n = len(ids)
    dof_fix = np.sqrt(n / max(n - 4, 1))
    theta, scale = best, noise_m
    for _ in range(3):
        res = _residuals(theta, p, rho)
        mad = 1.4826 * float(np.median(np.abs(res))) * dof_fix
        if mad <= 1.5 * scale:
            break
        scale = mad
        theta = scipy.optimize.least_squares(_residuals, theta, jac=_jacobian, args=(p, rho), loss="cauchy",
                              f_scale=3.0 * scale, method="trf").x

    inliers = np.ones(n, dtype=bool)
    for _ in range(3):
        res = _residuals(theta, p, rho)
        sigma = max(scale, 1.4826 * float(np.median(np.abs(res[inliers]))) * dof_fix)
        new = np.abs(res) <= inlier_k * sigma
        if new.sum() < MIN_ARRIVALS:
            raise LocateError(f"cannot locate: only {int(new.sum())} arrival(s) agree with "
                              f"each other, at least {MIN_ARRIVALS} are needed")
        if new.sum() < n:
            check_layout(p_abs[new], [m for m, k in zip(ids, new, strict=True) if k])
        theta = scipy.optimize.least_squares(_residuals, theta, jac=_jacobian, args=(p[new], rho[new]),
                              method="lm" if new.sum() > 4 else "trf").x
        if np.array_equal(new, inliers):
            break
        inliers = new

    res = _residuals(theta, p[inliers], rho[inliers])
    dof = int(inliers.sum()) - 4
    sigma_m = noise_m if dof <= 0 else max(noise_m, float(np.sqrt((res**2).sum() / dof)))
    jtj = _jacobian(theta, p[inliers], rho[inliers])
    jtj = jtj.T @ jtj
    if np.linalg.cond(jtj) > MAX_CONDITION:
        raise LocateError("cannot locate: the geometry of microphones and source is "
                          "degenerate (ill-conditioned)")
    cov = sigma_m**2 * np.linalg.inv(jtj)
    xyz = theta[:3] + origin
    return LocateResult(
        xyz=(float(xyz[0]), float(xyz[1]), float(xyz[2])),
        uncertainty_m=float(np.sqrt(np.trace(cov[:3, :3]))),
        used_mics=tuple(m for m, k in zip(ids, inliers, strict=True) if k),
        rejected_mics=tuple(m for m, k in zip(ids, inliers, strict=True) if not k),
        residual_rms_s=float(np.sqrt(np.mean(res**2)) / c),
        emission_offset_s=float(theta[3] / c),
    )
