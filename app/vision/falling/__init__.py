"""Detection of objects thrown or falling from height (高空抛物), traced to floor and window.

Usage, the same for a live camera worker and for ``control-room detect``::

    det = FallingObjectDetector(FallingConfig(), facade)   # facade may be None
    for frame, t in VideoFrameSource(uri):
        for event in det.process(frame, t):
            ...
    events = det.flush()
"""

from app.vision.falling.config import FallingConfig
from app.vision.falling.detector import FallingObjectDetector, FallingObjectEvent

__all__ = ["FallingConfig", "FallingObjectDetector", "FallingObjectEvent"]
