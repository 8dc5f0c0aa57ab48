"""What reading one temporal expression gives: its TIMEX3 type and value, and the stretch of calendar."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from kirok.model import DateResolution
from kirok.timex.calendar import Granule

__all__ = ["NO_ANCHOR", "Reading", "unresolved"]

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
