"""The compound model: data structures, loading/validation, CityJSON exchange."""

from app.scene.errors import SceneError
from app.scene.loader import check_scene, load_scene
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
    "SceneError",
    "Site",
    "WalkEdge",
    "WalkNode",
    "check_scene",
    "load_scene",
]
