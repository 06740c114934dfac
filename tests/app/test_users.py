"""User accounts: the password policy, Argon2id hashes, lockout after 5 failures, an
administrator's lock, and no default account, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from app.security.passwords import PasswordPolicyError, check_policy
from app.security.roles import Role
from app.security.users import LoginRefused, UserDirectory, UserError
from app.storage import open_database
from app.storage.models_security import UserRow


class Clock:
    t = 1_765_000_000.0

    def __call__(self) -> float:
        return self.t


@pytest.fixture
def users(db_url):
    engine = open_database(db_url)
    clock = Clock()
    yield UserDirectory(engine, clock=clock), clock
    engine.dispose()


@pytest.mark.parametrize("weak", ["short1!", "alllowercase", "ALLUPPER123", "12345678",
                                  "abcdefgh1"])
def test_weak_passwords_are_refused(weak):
    with pytest.raises(PasswordPolicyError):
        check_policy(weak)


def test_a_fresh_database_has_no_account(users):
    directory, _ = users
    assert directory.count() == 0 and not directory.has_administrator()


def test_password_is_stored_as_argon2id_and_chinese_names_work(users):
    directory, _ = users
    directory.add("张伟", "Zhang!wei1", Role.GUARD, display_name="张伟")
    with directory.engine.connect() as conn:
        stored = conn.execute(sa.select(UserRow.password_hash)).scalar_one()
    assert stored.startswith("$argon2id$") and "Zhang!wei1" not in stored
    assert directory.authenticate("张伟", "Zhang!wei1").role is Role.GUARD


def test_five_failures_lock_the_account_for_thirty_minutes(users):
    directory, clock = users
    directory.add("wang", "Wang!pass1", Role.DISPATCHER)
    for _ in range(4):
        with pytest.raises(LoginRefused, match="wrong"):
            directory.authenticate("wang", "nope")
    with pytest.raises(LoginRefused, match="30 minutes"):
        directory.authenticate("wang", "nope")
    with pytest.raises(LoginRefused, match="locked"):  # even the right password
        directory.authenticate("wang", "Wang!pass1")
    clock.t += 31 * 60
    assert directory.authenticate("wang", "Wang!pass1").name == "wang"


def test_an_administrators_lock_holds_until_unlocked(users):
    directory, _ = users
    directory.add("li", "Li!passw0rd", Role.ENGINEER)
    directory.lock("li")
    with pytest.raises(LoginRefused, match="administrator"):
        directory.authenticate("li", "Li!passw0rd")
    directory.unlock("li")
    directory.authenticate("li", "Li!passw0rd")


def test_an_unknown_name_and_a_wrong_password_read_the_same(users):
    directory, _ = users
    directory.add("zhao", "Zhao!pass1", Role.GUARD)
    messages = set()
    for name in ("zhao", "nobody"):
        with pytest.raises(LoginRefused) as info:
            directory.authenticate(name, "wrong-password")
        messages.add(str(info.value))
    assert len(messages) == 1


def test_names_are_checked_and_unique(users):
    directory, _ = users
    with pytest.raises(UserError):
        directory.add("<b>x</b>", "Good!pass1", Role.GUARD)
    directory.add("sun", "Good!pass1", Role.GUARD)
    with pytest.raises(UserError, match="exists"):
        directory.add("sun", "Good!pass1", Role.GUARD)
