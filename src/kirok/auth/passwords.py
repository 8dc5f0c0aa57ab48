"""Passwords: argon2id hashes (RFC 9106), the rules a new password must meet, and generated passwords.

Nothing here logs or returns a password; :class:`PasswordHasher` only ever hands out hashes and yes/no.
"""

from __future__ import annotations

import secrets

import argon2
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from kirok.auth.errors import AccountError

__all__ = [
    "GENERATED_PASSWORD_CHARS",
    "MAX_PASSWORD_CHARS",
    "MIN_PASSWORD_CHARS",
    "PasswordHasher",
    "check_new_password",
    "generate_password",
]

#: A new password must have at least this many characters.
MIN_PASSWORD_CHARS = 10
#: Longer passwords are refused before any hashing (hashing cost must not be the caller's to choose).
MAX_PASSWORD_CHARS = 1024
#: Length of the passwords :func:`generate_password` makes (about 119 bits).
GENERATED_PASSWORD_CHARS = 20

_ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/l/I


def check_new_password(password: str) -> None:
    """Raise :class:`AccountError` unless ``password`` may become an account's password."""
    if len(password) < MIN_PASSWORD_CHARS:
        raise AccountError(f"the password is too short: use at least {MIN_PASSWORD_CHARS} characters")
    if len(password) > MAX_PASSWORD_CHARS:
        raise AccountError(f"the password is too long: use at most {MAX_PASSWORD_CHARS} characters")
    if not password.strip():
        raise AccountError("the password is only spaces")
    if any(ord(c) < 32 or ord(c) == 127 for c in password):
        raise AccountError("the password contains control characters (a stray newline or tab?)")


def generate_password(length: int = GENERATED_PASSWORD_CHARS) -> str:
    """A random password from an alphabet without look-alike characters."""
    return "".join(secrets.choice(_ALPHABET) for _ in range(length))


class PasswordHasher:
    """argon2id with the given cost; the defaults are argon2-cffi's (RFC 9106 "low memory": 64 MiB).

    :meth:`verify_nobody` spends the same work as a real check, so an unknown username answers no
    faster than a wrong password.
    """

    def __init__(self, *, time_cost: int = 3, memory_kib: int = 65536, parallelism: int = 4) -> None:
        self._hasher = argon2.PasswordHasher(
            time_cost=time_cost, memory_cost=memory_kib, parallelism=parallelism, type=argon2.Type.ID
        )
        self._nobody: str | None = None  # made on first use: the CLI never needs it

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, password_hash: str, password: str) -> bool:
        """True when ``password`` matches; a damaged hash is a mismatch, never an exception."""
        try:
            return self._hasher.verify(password_hash, password)
        except (VerifyMismatchError, VerificationError, InvalidHashError):
            return False

    def verify_nobody(self, password: str) -> bool:
        """Check ``password`` against a hash no account has; always False, as slow as :meth:`verify`."""
        if self._nobody is None:
            self._nobody = self._hasher.hash(secrets.token_urlsafe(16))
        self.verify(self._nobody, password)
        return False

    def needs_rehash(self, password_hash: str) -> bool:
        """True when the hash was made with other parameters than this hasher's."""
        try:
            return self._hasher.check_needs_rehash(password_hash)
        except (InvalidHashError, ValueError):
            return True
