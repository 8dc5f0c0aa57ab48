from __future__ import annotations

import pytest

from kirok.auth.errors import AccountError
from kirok.auth.passwords import (
    GENERATED_PASSWORD_CHARS,
    MAX_PASSWORD_CHARS,
    PasswordHasher,
    check_new_password,
    generate_password,
)

CHEAP = PasswordHasher(time_cost=1, memory_kib=8, parallelism=1)


def test_a_hash_is_argon2id_salted_and_verifies() -> None:
    first, second = CHEAP.hash("a long test passphrase"), CHEAP.hash("a long test passphrase")
    assert first.startswith("$argon2id$") and first != second
    assert "a long test passphrase" not in first
    assert CHEAP.verify(first, "a long test passphrase") and CHEAP.verify(second, "a long test passphrase")
    assert not CHEAP.verify(first, "a long test passphrasE")
    assert not CHEAP.verify(first, "")


@pytest.mark.parametrize("damaged", ["", "not a hash", "$argon2id$v=19$m=8,t=1,p=1$AAAA$BBBB", "$2b$12$abc"])
def test_a_damaged_hash_is_a_mismatch_not_an_exception(damaged: str) -> None:
    assert CHEAP.verify(damaged, "a long test passphrase") is False


def test_nobody_never_matches() -> None:
    assert CHEAP.verify_nobody("a long test passphrase") is False
    assert CHEAP.verify_nobody("") is False


def test_a_hash_made_with_other_costs_needs_rehash() -> None:
    other = PasswordHasher(time_cost=2, memory_kib=16, parallelism=1)
    assert CHEAP.needs_rehash(other.hash("a long test passphrase"))
    assert not CHEAP.needs_rehash(CHEAP.hash("a long test passphrase"))
    assert CHEAP.needs_rehash("not a hash")


@pytest.mark.parametrize(
    ("password", "message"),
    [
        ("pw-9chars", "too short: use at least 10"),
        ("x" * (MAX_PASSWORD_CHARS + 1), "too long: use at most 1024"),
        (" " * 12, "only spaces"),
        ("a long pass\nphrase", "control characters"),
        ("tab\tinside the passphrase", "control characters"),
    ],
)
def test_unusable_new_passwords_are_refused(password: str, message: str) -> None:
    with pytest.raises(AccountError, match=message) as caught:
        check_new_password(password)
    assert password not in str(caught.value)
    assert caught.value.code == "K500"


@pytest.mark.parametrize("password", ["ten chars!", "x" * MAX_PASSWORD_CHARS, "비밀번호는 충분히 깁니다"])
def test_usable_new_passwords_pass(password: str) -> None:
    check_new_password(password)


def test_generated_passwords_are_long_distinct_and_usable() -> None:
    made = {generate_password() for _ in range(50)}
    assert len(made) == 50
    for password in made:
        assert len(password) == GENERATED_PASSWORD_CHARS and password.isalnum()
        assert not set(password) & set("0O1lI")
        check_new_password(password)
