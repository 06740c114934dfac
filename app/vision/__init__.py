"""Camera side of the engine: frame sources, facade calibration and the detectors.

No Qt here: a per-camera worker (later) feeds frames from a :class:`VideoFrameSource` into a
detector and turns its events into alarms; ``control-room detect`` runs the very same path on
a file.
"""

from app.vision.facade import Facade, FacadeError, load_facade
from app.vision.source import VideoFrameSource, VideoSourceError

__all__ = ["Facade", "FacadeError", "VideoFrameSource", "VideoSourceError", "load_facade"]
