"""The compound model: data structures, loading/validation, CityJSON exchange."""

from app.scene.model import (
    Building,
    Gate,
    Lawn,
    ParkingSpace,
    Pipe,
    Road,
    Scene,
    Site,
    WalkEdge,
    WalkNode,
)

__all__ = [
    "Building",
    "Gate",
    "Lawn",
    "ParkingSpace",
    "Pipe",
    "Road",
    "Scene",
    "Site",
    "WalkEdge",
    "WalkNode",
]
