"""The latest value and status of every device point, with cheap snapshots for the UI."""

from app.state.store import DeviceState, StateSnapshot, StateStore

__all__ = ["DeviceState", "StateSnapshot", "StateStore"]
