from __future__ import annotations

import pytest

from kirok.auth.csrf import new_login_token, session_csrf_token, tokens_match
from kirok.auth.sessions import new_token


def test_the_csrf_token_is_tied_to_the_session() -> None:
    one, two = new_token(), new_token()
    assert session_csrf_token(one) == session_csrf_token(one)
    assert session_csrf_token(one) != session_csrf_token(two)
    assert session_csrf_token(one) != one and one not in session_csrf_token(one)
    assert len(session_csrf_token(one)) == 43


def test_login_tokens_are_random() -> None:
    assert len({new_login_token() for _ in range(50)}) == 50


@pytest.mark.parametrize(
    ("sent", "expected", "match"),
    [
        ("abc", "abc", True),
        ("abc", "abd", False),
        ("", "", False),
        (None, "abc", False),
        ("abc", None, False),
        (None, None, False),
        ("x" * 200, "x" * 200, False),
        ("é", "é", True),
    ],
)
def test_tokens_match(sent: str | None, expected: str | None, match: bool) -> None:
    assert tokens_match(sent, expected) is match
