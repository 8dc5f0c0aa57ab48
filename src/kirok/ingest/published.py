"""Publication dates as files write them: ISO 8601, RFC 2822 and "Oct. 12, 2021"."""

from __future__ import annotations

import re
from datetime import date
from email.utils import parsedate_tz

from kirok.errors import IngestError

__all__ = ["parse_published"]

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}

# The date is read as written: "2021-10-12T23:30+09:00" is 12 October where the outlet published it.
_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT|KST)?)?"
)
_SLASHED = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})\.?")
_MONTH_DAY_YEAR = re.compile(r"(?P<mon>[A-Za-z]+)\.?\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})")
_DAY_MONTH_YEAR = re.compile(r"(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon>[A-Za-z]+)\.?,?\s+(?P<y>\d{4})")
_WEEKDAY = re.compile(r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)


def parse_published(value: str, origin: str) -> date:
    """The date ``value`` names, or :class:`IngestError` naming ``origin`` when it names none."""
    text = value.strip()
    try:
        found = _parse(text)
    except ValueError:  # a well-formed date that does not exist, e.g. 2021-02-30
        found = None
    if found is None:
        raise IngestError(
            f"cannot read the publication date {value!r}; write it as YYYY-MM-DD (e.g. 2021-10-12)",
            origin=origin,
        )
    return found


def _parse(text: str) -> date | None:
    if match := _ISO.fullmatch(text) or _SLASHED.fullmatch(text):
        return date(int(match["y"]), int(match["m"]), int(match["d"]))
    words = _WEEKDAY.sub("", text)
    for pattern in (_MONTH_DAY_YEAR, _DAY_MONTH_YEAR):
        if (match := pattern.fullmatch(words)) and (month := _MONTHS.get(match["mon"].lower())):
            return date(int(match["y"]), month, int(match["d"]))
    if (parts := parsedate_tz(text)) is not None and parts[0] > 0:
        return date(parts[0], parts[1], parts[2])
    return None
