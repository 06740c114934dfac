"""control-room engine: pure Python, never imports Qt, VTK or pyqtgraph."""

__version__ = "0.1.0"
