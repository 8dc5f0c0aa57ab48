from __future__ import annotations

import pytest

from kirok.auth.roles import Role


@pytest.mark.parametrize(
    ("have", "need", "allowed"),
    [
        (Role.VIEWER, Role.VIEWER, True),
        (Role.VIEWER, Role.EDITOR, False),
        (Role.VIEWER, Role.ADMIN, False),
        (Role.EDITOR, Role.VIEWER, True),
        (Role.EDITOR, Role.EDITOR, True),
        (Role.EDITOR, Role.ADMIN, False),
        (Role.ADMIN, Role.VIEWER, True),
        (Role.ADMIN, Role.EDITOR, True),
        (Role.ADMIN, Role.ADMIN, True),
    ],
)
def test_roles_are_ordered(have: Role, need: Role, allowed: bool) -> None:
    assert have.allows(need) is allowed


def test_role_values_are_the_stored_strings() -> None:
    assert [r.value for r in Role] == ["viewer", "editor", "admin"]
    assert Role("editor") is Role.EDITOR
