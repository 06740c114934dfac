"""The engine facade: one engine-facing interface for every view (the desk, a remote
console, the wall, the training instructor), with commands that carry their user."""
