"""Alembic migrations of the control-room database (run programmatically, no alembic.ini)."""

#: the newest revision in versions/ (a test holds it to Alembic's head): a database already
#: there opens without importing Alembic, which costs ~0.3 s of every start
HEAD_REVISION = "0006"
