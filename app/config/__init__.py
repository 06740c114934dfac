"""Application configuration: typed structs, loaded from TOML plus environment overrides."""

from app.config.loader import ConfigError, load_config
from app.config.model import (
    AppConfig,
    DatabaseConfig,
    MqttConfig,
    SceneConfig,
    SecurityConfig,
    ServerConfig,
    SimulatorConfig,
    UiConfig,
)

__all__ = [
    "AppConfig",
    "ConfigError",
    "DatabaseConfig",
    "MqttConfig",
    "SceneConfig",
    "SecurityConfig",
    "ServerConfig",
    "SimulatorConfig",
    "UiConfig",
    "load_config",
]
