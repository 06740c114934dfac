"""Passwords: the policy a new password must meet, and Argon2id hashing (argon2-cffi).

Policy (MLPS 2.0 assessor practice): at least 8 characters from at least 3 of the classes
lower case, upper case, digits, other characters. The hash is Argon2id with the library's
current parameters; an older hash is upgraded at the next successful login.
"""

from __future__ import annotations

import functools

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 8
MIN_CLASSES = 3
MAX_LENGTH = 256  # bounded: a megabyte "password" must not cost a megabyte of hashing

_HASHER = argon2.PasswordHasher()  # Argon2id, RFC 9106 low-memory profile


class PasswordPolicyError(ValueError):
    """A new password that does not meet the policy; the message says what is missing."""


def check_policy(password: str) -> None:
    if len(password) > MAX_LENGTH:
        raise PasswordPolicyError(f"a password has at most {MAX_LENGTH} characters")
    if len(password) < MIN_LENGTH:
        raise PasswordPolicyError(f"a password needs at least {MIN_LENGTH} characters")
    classes = sum((any(c.islower() for c in password), any(c.isupper() for c in password),
                   any(c.isdigit() for c in password),
                   any(not c.isalnum() for c in password)))
    if classes < MIN_CLASSES:
        raise PasswordPolicyError(
            "a password needs characters from at least 3 of: lower case, upper case, "
            "digits, other characters")


def hash_password(password: str) -> str:
    check_policy(password)
    return _HASHER.hash(password)


def verify_password(stored_hash: str, password: str) -> bool:
    if len(password) > MAX_LENGTH:
        return False
    try:
        return _HASHER.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    try:
        return _HASHER.check_needs_rehash(stored_hash)
    except InvalidHashError:
        return True


@functools.cache
def dummy_hash() -> str:
    """Verified against when a user does not exist, so a login takes as long either way.
    Made on first use: an Argon2 hash costs ~0.2 s of CPU, too much for every start."""
    return _HASHER.hash("not-a-real-password-Xy1!")
