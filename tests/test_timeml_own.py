"""The TimeML sets written for Kirok (``eval/timeml-own``, ``eval/timeml-own2``) are well formed, so the kit's
scorer can load them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

_EVAL = Path(__file__).resolve().parent.parent / "eval"
SETS = [_EVAL / name for name in ("timeml-own", "timeml-own2", "timeml-own3", "timeml-own4", "timeml-own5")]
TYPES = {"DATE", "TIME", "DURATION", "SET"}
#: what a TIMEX3 value may look like: dates and times, durations, references, sets
VALUE = re.compile(
    r"(?:BC)?[\dX]{1,4}(?:-(?:[\dX]{2}|W[\dX]{2}|Q[\dX]|H[12]|SP|SU|FA|WI)(?:-[\dX]{2}|-WE|-[1-7])?)?"
    r"(?:T(?:\d{2}(?::\d{2})?|MO|AF|EV|NI))?|P(?:T)?[\dX.]+[A-Z]+(?:[\dX.]+[A-Z]+)*|PAST_REF|PRESENT_REF|FUTURE_REF"
    r"|XXXX-WXX-(?:[1-7]|WE)(?:T(?:MO|AF|EV|NI))?|XXXX-XX-XXT(?:MO|AF|EV|NI)"
)


def _files() -> list[Path]:
    return sorted(p for own in SETS for p in own.glob("*.tml"))


@pytest.mark.parametrize("own", SETS, ids=lambda p: p.name)
def test_the_set_is_there(own: Path) -> None:
    assert len(list(own.glob("*.tml"))) == 16
    assert (own / "SOURCE.txt").is_file()


@pytest.mark.parametrize("path", _files(), ids=lambda p: p.stem)
def test_each_file_has_a_creation_time_and_valid_timexes(path: Path) -> None:
    root = ET.parse(path).getroot()
    dct = [t for t in root.iter("TIMEX3") if t.get("functionInDocument") == "CREATION_TIME"]
    assert len(dct) == 1 and re.fullmatch(r"\d{4}-\d{2}-\d{2}", dct[0].get("value") or "")
    text = root.find("TEXT")
    assert text is not None
    timexes = list(text.iter("TIMEX3"))
    assert 15 <= len(timexes) <= 40
    for t in timexes:
        assert t.get("type") in TYPES, f"{path.name}: {t.text!r} has type {t.get('type')}"
        assert VALUE.fullmatch(t.get("value") or ""), f"{path.name}: {t.text!r} has value {t.get('value')}"
        assert (t.text or "").strip(), f"{path.name}: an empty TIMEX3"
