"""What reading one temporal expression gives: its TIMEX3 type and value, and the stretch of calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kirok.model import DateResolution
from kirok.timex.calendar import Granule

__all__ = ["NO_ANCHOR", "Reading", "too_coarse", "unresolved"]

NO_ANCHOR = "no publication date: the relative expression is left unresolved"

#: TIMEX3 values with the unknown parts left as X, by unit, for texts without a publication date.
_UNRESOLVED = {
    "D": "XXXX-XX-XX",
    "N": "XXXX-XX-XX",
    "W": "XXXX-WXX",
    "WE": "XXXX-WXX-WE",
    "FN": "XXXX-WXX",
    "M": "XXXX-XX",
    "Q": "XXXX-QX",
    "SE": "XXXX",
    "Y": "XXXX",
    "DE": "XXX",
    "CE": "XX",
}


@dataclass(frozen=True, slots=True)
class Reading:
    type: str  # DATE, TIME, DURATION, SET
    value: str
    granule: Granule | None = None
    resolution: DateResolution = DateResolution.UNRESOLVED
    warnings: tuple[str, ...] = ()
    open_start: bool = False  # "more than four years ago": the window has no first day
    within: Granule | None = None  # an anaphor finer than the date it counts from: the days it may be

    @property
    def day(self) -> date | None:
        """The day this reading names, when it names exactly one."""
        g = self.granule
        if g is not None and self.type in ("DATE", "TIME") and g.earliest == g.latest and g.unit == "D":
            return g.earliest
        return None


def unresolved(unit: str, warnings: tuple[str, ...] = (), type_: str = "DATE") -> Reading:
    """A relative expression with nothing to resolve it against."""
    return Reading(
        type_, _UNRESOLVED.get(unit, "XXXX"), None, DateResolution.UNRESOLVED, (*warnings, NO_ANCHOR)
    )


_UNIT_NAMES = {
    "D": "day",
    "N": "day",
    "W": "week",
    "WE": "weekend",
    "FN": "week",
    "M": "month",
    "Q": "quarter",
}


def too_coarse(
    coarse: Granule, unit: str, type_: str = "DATE", steps: int = 0, near: bool = False
) -> Reading:
    """An anaphor ("the same week", "the next day") after a date less precise than itself ("in 2019"):
    the parts the earlier date gives are kept ("2019-WXX"), the rest left as X. When it moves no
    ``steps`` and the earlier date stands ``near`` ("banished the same day" right after a sentence
    passed "last week") its window is the earlier date's, at that date's precision; one that counts on
    ("three days later" after "in April") gets none, since the story may have moved on to a day it did
    not name.
    """
    year = coarse.value[:4] if coarse.unit in ("D", "W", "WE", "M", "Q", "SE", "Y") else "XXXX"
    month = coarse.value[5:7] if coarse.unit == "M" else "XX"
    value = {
        "D": f"{year}-{month}-XX",
        "N": f"{year}-{month}-XX",
        "W": f"{year}-WXX",
        "FN": f"{year}-WXX",
        "WE": f"{year}-WXX-WE",
        "M": f"{year}-XX",
        "Q": f"{year}-QX",
    }.get(unit, year)
    name = _UNIT_NAMES.get(unit, "unit")
    within = coarse if steps == 0 and near else None
    known = f"only its {coarse.precision.value} is known" if within is not None else "left unresolved"
    warning = f"the last date named ({coarse.value}) is less precise than a {name}: {known}"
    return Reading(type_, value, None, DateResolution.UNRESOLVED, (warning,), within=within)
