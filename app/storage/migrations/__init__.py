"""Alembic migrations of the control-room database (run programmatically, no alembic.ini)."""
