"""The in-process simulator: a whole compound's devices speaking the MQTT contract.

``CompoundSimulator`` generates the messages deterministically from a seed;
``SimulatorSource`` runs it on a ``SimulatorWorker`` thread as a live ``Source``.
"""

from app.sources.simulator.compound import CompoundSimulator
from app.sources.simulator.source import SimulatorSource

__all__ = ["CompoundSimulator", "SimulatorSource"]
