"""Camera side of the engine: frame sources, facade calibration and the detectors.

No Qt here: a per-camera worker (later) feeds frames from a :class:`VideoFrameSource` into a
detector and turns its events into alarms; ``control-room detect`` runs the very same path on
a file.

The names below load on first use (PEP 562), so importing a light module of this package
(demo_feeds, camera_types) does not load OpenCV: without it the program still starts, with
its cameras reported unavailable (app.vision.no_cameras).
"""

from importlib import import_module

_EXPORTS = {"Facade": "app.vision.facade", "FacadeError": "app.vision.facade",
            "load_facade": "app.vision.facade", "VideoFrameSource": "app.vision.source",
            "VideoSourceError": "app.vision.source"}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> object:
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
