"""The composition root: builds the engine from config; the same engine runs headless and
inside the GUI."""

from app.runtime.engine import Engine

__all__ = ["Engine"]
