"""The key file and the encryption of sensitive values."""

from __future__ import annotations

import base64
import stat
from pathlib import Path

import pytest

from kirok.errors import StoreError
from kirok.model import Victim
from kirok.store.sensitive import SensitiveBox, load_or_create_key, merge_sensitive, split_sensitive

from .builders import make_event, make_report


def test_a_missing_key_file_is_created_private_with_a_random_key(tmp_path: Path) -> None:
    key_file = tmp_path / "a" / "b" / "secret.key"
    key = load_or_create_key(key_file)
    assert len(key) == 32
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert load_or_create_key(key_file) == key
    assert load_or_create_key(tmp_path / "other.key") != key


@pytest.mark.parametrize(
    ("content", "message"),
    [("not base64 at all!!", "base64"), (base64.urlsafe_b64encode(b"short").decode(), "5-byte key")],
)
def test_a_bad_key_file_is_refused_by_name(tmp_path: Path, content: str, message: str) -> None:
    key_file = tmp_path / "bad.key"
    key_file.write_text(content)
    with pytest.raises(StoreError, match=message) as caught:
        load_or_create_key(key_file)
    assert caught.value.origin == str(key_file)


def test_sealed_values_open_with_the_same_key_and_event(tmp_path: Path) -> None:
    box = SensitiveBox.from_key_file(tmp_path / "k")
    sealed = box.seal("e-1", {"victims.name": ["Pyon Sunhui", None]})
    assert b"Pyon" not in sealed
    assert box.open("e-1", sealed) == {"victims.name": ["Pyon Sunhui", None]}


def test_a_wrong_key_is_a_store_error(tmp_path: Path) -> None:
    sealed = SensitiveBox.from_key_file(tmp_path / "k1").seal("e-1", {"victims.name": ["Pyon"]})
    with pytest.raises(StoreError, match="cannot decrypt.*wrong key file"):
        SensitiveBox.from_key_file(tmp_path / "k2").open("e-1", sealed)


def test_a_ciphertext_moved_to_another_event_does_not_open(tmp_path: Path) -> None:
    box = SensitiveBox.from_key_file(tmp_path / "k")
    with pytest.raises(StoreError, match="cannot decrypt"):
        box.open("e-2", box.seal("e-1", {"victims.name": ["Pyon"]}))


def test_split_takes_names_out_and_merge_puts_them_back() -> None:
    report, _ = make_report("Two women were arrested in the market.")
    event = make_event(
        report, "were arrested", victims=(Victim(count=1, name="Pyon Sunhui"), Victim(count=1))
    )
    record, values = split_sensitive(event)
    assert [v["name"] for v in record["victims"]] == [None, None]
    assert values == {"victims.name": ["Pyon Sunhui", None]}
    assert type(event).model_validate(merge_sensitive(record, values)) == event


def test_an_event_without_names_has_no_sensitive_part() -> None:
    report, _ = make_report("A man was arrested.")
    assert split_sensitive(make_event(report, "was arrested", victims=(Victim(count=1),)))[1] is None
