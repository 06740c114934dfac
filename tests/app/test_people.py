"""The names screens show for people (ControlRoom.people): every user's display name by
login, and the session's own; a database that cannot be read leaves the logins."""

from __future__ import annotations

import types

import sqlalchemy as sa

from app.facade.local import people_of
from app.facade.session import Session
from app.security.roles import Grant, Role
from app.security.users import UserDirectory
from app.storage import open_database

DUTY = Session(user="duty1", display_name="值班员", grant=Grant(Role.GUARD), console="d1")


def test_every_user_goes_by_their_display_name(db_url) -> None:
    engine = open_database(db_url)
    try:
        users = UserDirectory(engine)
        users.add("wang", "Wang!pass1", Role.DISPATCHER, display_name="王建国")
        users.add("li", "Li!pass123", Role.GUARD)  # no display name: the login
        people = people_of(types.SimpleNamespace(users=users), DUTY)
        assert people["wang"] == "王建国" and people["li"] == "li"
        assert people["duty1"] == "值班员"
    finally:
        engine.dispose()


def test_an_unreadable_directory_leaves_the_logins(tmp_path) -> None:
    engine = sa.create_engine(f"sqlite:///{tmp_path / 'empty.db'}")  # no users table
    try:
        people = people_of(types.SimpleNamespace(users=UserDirectory(engine)), DUTY)
        assert people == {"duty1": "值班员"}
    finally:
        engine.dispose()
