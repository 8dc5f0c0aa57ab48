"""Sensitive fields (victims' names) are kept out of the clear record and stored encrypted.

The key lives in a file apart from the database (``Settings.key_file``), created with mode 0600 and a
random 256-bit key the first time it is needed. A copied database alone does not reveal the names.
Encryption is AES-256-GCM with the event id as associated data, so a ciphertext cannot be moved from
one event to another unnoticed.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kirok.errors import StoreError
from kirok.model import Event

__all__ = ["SensitiveBox", "load_or_create_key", "merge_sensitive", "split_sensitive"]

_NONCE_BYTES = 12
_KEY_BYTES = 32


def load_or_create_key(key_file: Path) -> bytes:
    """Read the key from ``key_file``; create the file (mode 0600, parents too) with a new key if missing."""
    try:
        key_file.parent.mkdir(parents=True, exist_ok=True)
        try:
            fd = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w", encoding="ascii") as handle:
                handle.write(base64.urlsafe_b64encode(os.urandom(_KEY_BYTES)).decode("ascii") + "\n")
        text = key_file.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError) as error:
        raise StoreError(f"cannot read or create the key file: {error}", origin=str(key_file)) from error
    try:
        key = base64.urlsafe_b64decode(text.encode("ascii"))
    except (binascii.Error, ValueError) as error:
        raise StoreError("the key file does not hold a base64 key", origin=str(key_file)) from error
    if len(key) != _KEY_BYTES:
        raise StoreError(f"the key file holds a {len(key)}-byte key, not {_KEY_BYTES}", origin=str(key_file))
    return key


class SensitiveBox:
    """Encrypts and decrypts the sensitive part of an event with one key."""

    def __init__(self, key: bytes, *, key_file: Path | None = None) -> None:
        self._aead = AESGCM(key)
        self._key_file = key_file

    @classmethod
    def from_key_file(cls, key_file: Path) -> SensitiveBox:
        return cls(load_or_create_key(key_file), key_file=key_file)

    def seal(self, event_id: str, values: dict[str, Any]) -> bytes:
        nonce = os.urandom(_NONCE_BYTES)
        plain = json.dumps(values, ensure_ascii=False, sort_keys=True).encode("utf-8")
        return nonce + self._aead.encrypt(nonce, plain, event_id.encode("utf-8"))

    def open(self, event_id: str, ciphertext: bytes) -> dict[str, Any]:
        nonce, body = ciphertext[:_NONCE_BYTES], ciphertext[_NONCE_BYTES:]
        try:
            plain = self._aead.decrypt(nonce, body, event_id.encode("utf-8"))
        except InvalidTag as error:
            where = f" {self._key_file}" if self._key_file else ""
            raise StoreError(
                f"cannot decrypt the sensitive fields of event {event_id}: wrong key file{where}?"
            ) from error
        values: dict[str, Any] = json.loads(plain)
        return values


def split_sensitive(event: Event) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The event as JSON with sensitive values set to None, and the sensitive values (None if none).

    The sensitive values are ``{"victims.name": [name or None, ...]}``, one entry per victim.
    """
    record = event.model_dump(mode="json")
    names = [victim.get("name") for victim in record["victims"]]
    for victim in record["victims"]:
        victim["name"] = None
    if all(name is None for name in names):
        return record, None
    return record, {"victims.name": names}


def merge_sensitive(record: dict[str, Any], values: dict[str, Any] | None) -> dict[str, Any]:
    """Put the sensitive values back into a record made by :func:`split_sensitive` (in place)."""
    if values:
        names = values.get("victims.name", [])
        for victim, name in zip(record["victims"], names, strict=False):
            victim["name"] = name
    return record
