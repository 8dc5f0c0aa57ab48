"""The one error of the accounts library: a name, password or role that cannot be used."""

from __future__ import annotations

from kirok.errors import KirokError

__all__ = ["AccountError"]


class AccountError(KirokError):
    """An account that cannot be added, changed or removed as asked; the message says why and what to do.

    The message never contains a password or a session token.
    """

    code = "K500"
