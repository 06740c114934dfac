"""A change's blocks (a boolean grid of ``block_px`` squares of the working copy): the
blocks within its reach, and its box and outline in the camera's frame pixels (``k`` frame
pixels to a block)."""

from __future__ import annotations

import cv2
import numpy as np

_REACH = np.ones((5, 5), np.uint8)  # two blocks every way


def within_reach(blocks: np.ndarray) -> np.ndarray:
    """The blocks up to two blocks from ``blocks`` every way (those included): how far a
    change takes its parts (a fence's posts, the walls of a shed)."""
    return cv2.dilate(blocks.astype(np.uint8), _REACH) > 0


def block_bbox(comp: np.ndarray, k: float) -> tuple[int, int, int, int]:
    """(x, y, w, h) in frame pixels of the blocks' bounding box."""
    rows, cols = np.nonzero(comp)
    x0, y0 = cols.min() * k, rows.min() * k
    return (round(float(x0)), round(float(y0)), round(float((cols.max() + 1) * k - x0)),
            round(float((rows.max() + 1) * k - y0)))


def block_outline(comp: np.ndarray, k: float) -> tuple[tuple[float, float], ...]:
    """The outline of the largest connected part, through the blocks' outer corners."""
    contours, _ = cv2.findContours(comp.astype(np.uint8), cv2.RETR_EXTERNAL,
                                   cv2.CHAIN_APPROX_SIMPLE)
    biggest = max(contours, key=cv2.contourArea)
    # a contour runs through block centres, so grow it by half a block
    cx, cy = biggest[:, 0, 0].mean(), biggest[:, 0, 1].mean()
    pts = []
    for x, y in biggest[:, 0, :]:
        ox = 0.5 if x >= cx else -0.5
        oy = 0.5 if y >= cy else -0.5
        pts.append((round(float((x + 0.5 + ox) * k), 1), round(float((y + 0.5 + oy) * k), 1)))
    return tuple(pts)
