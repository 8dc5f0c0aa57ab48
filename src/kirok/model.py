"""The record: reports, events and everything an event carries (see ``shared/design/EVENTS.md``).

This module is the one home of Kirok's data types. The database schema, the JSON output of
``kirok extract`` and ``kirok events``, the exports and the web API all derive from these models.

Every field that states a fact links back to the words it came from through a :class:`Span`, so a
reviewer can always see in the text why a value is there.
"""

from __future__ import annotations

import hashlib
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, model_validator

__all__ = [
    "AgeBand",
    "DatePrecision",
    "DateResolution",
    "Event",
    "EventType",
    "PLOVER",
    "Penalty",
    "Perpetrator",
    "Place",
    "PlacePrecision",
    "Report",
    "ReviewStatus",
    "SegmentRole",
    "Sex",
    "Source",
    "Span",
    "TimeWindow",
    "Victim",
    "event_id",
    "report_id",
]


class EventType(StrEnum):
    """The closed list of event types (v1)."""

    DIRECTIVE = "directive"
    MEETING = "meeting"
    SURVEILLANCE = "surveillance"
    CRACKDOWN = "crackdown"
    MOVEMENT_RESTRICTION = "movement_restriction"
    ARREST = "arrest"
    DETENTION = "detention"
    ILL_TREATMENT = "ill_treatment"
    SENTENCE = "sentence"
    EXECUTION = "execution"
    FORCED_REPATRIATION = "forced_repatriation"
    FORCED_LABOR = "forced_labor"
    ESCAPE = "escape"


#: Each type's PLOVER event and mode; ``None`` where Kirok extends PLOVER.
PLOVER: dict[EventType, tuple[str, str | None] | None] = {
    EventType.DIRECTIVE: None,
    EventType.MEETING: None,
    EventType.SURVEILLANCE: ("COERCE", "surveil"),
    EventType.CRACKDOWN: ("COERCE", "seize"),
    EventType.MOVEMENT_RESTRICTION: ("COERCE", "restrict"),
    EventType.ARREST: ("COERCE", "arrest"),
    EventType.DETENTION: ("COERCE", "arrest"),
    EventType.ILL_TREATMENT: ("ASSAULT", "torture"),
    EventType.SENTENCE: ("SANCTION", "convict"),
    EventType.EXECUTION: ("ASSAULT", "targeted"),
    EventType.FORCED_REPATRIATION: ("COERCE", "deport"),
    EventType.FORCED_LABOR: None,
    EventType.ESCAPE: None,
}


class DatePrecision(StrEnum):
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    SEASON = "season"
    YEAR = "year"
    UNKNOWN = "unknown"


class DateResolution(StrEnum):
    """How a date was read: as written, against the publication date, or not at all."""

    ABSOLUTE = "absolute"
    RELATIVE = "relative"
    UNRESOLVED = "unresolved"


class PlacePrecision(StrEnum):
    """ACLED-style place precision, from most to least exact."""

    EXACT = "exact"
    SUB_UNIT = "sub_unit"  # a dong/ri or facility named, located at its city or county
    COUNTY = "county"
    PROVINCE = "province"
    COUNTRY = "country"
    UNKNOWN = "unknown"


class ReviewStatus(StrEnum):
    SUGGESTED = "suggested"
    VERIFIED = "verified"
    REJECTED = "rejected"


class SegmentRole(StrEnum):
    """What part of a report a stretch of text is."""

    HEADLINE = "headline"
    BODY = "body"
    CAPTION = "caption"
    TAGLINE = "tagline"  # keyword tag clouds and similar lines that are not prose
    BOILERPLATE = "boilerplate"  # "Read in Korean", contact lines, bylines: kept, never read for events


class Sex(StrEnum):
    MALE = "male"
    FEMALE = "female"
    MIXED = "mixed"
    UNKNOWN = "unknown"


class AgeBand(StrEnum):
    CHILD = "child"
    TEEN = "teen"
    ADULT = "adult"
    TWENTIES = "20s"
    THIRTIES = "30s"
    FORTIES = "40s"
    FIFTIES = "50s"
    SIXTIES_PLUS = "60+"
    UNKNOWN = "unknown"


_MODEL = ConfigDict(frozen=True, extra="forbid", use_enum_values=False)


class Span(BaseModel):
    """A stretch of a report's text: ``text[start:end]``, offsets in code points, end exclusive."""

    model_config = _MODEL

    start: NonNegativeInt
    end: NonNegativeInt
    text: str = ""

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} is before its start {self.start}")
        return self

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end


class TimeWindow(BaseModel):
    """When something happened: a window ``[earliest, latest]`` and how precise it is.

    A window never pretends to more precision than the text gives: "earlier this month" is a window of
    days, not a single day.
    """

    model_config = _MODEL

    earliest: date | None = None
    latest: date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    resolution: DateResolution = DateResolution.UNRESOLVED
    timex: str | None = None  # the TIMEX3 value, e.g. "2021-10-12", "2021-10", "XXXX-10-12"
    span: Span | None = None

    @model_validator(mode="after")
    def _ordered(self) -> TimeWindow:
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError(f"date window ends ({self.latest}) before it starts ({self.earliest})")
        return self


class Place(BaseModel):
    """Where something happened, as written and as resolved against the gazetteer."""

    model_config = _MODEL

    name: str
    gazetteer_id: str | None = None
    admin_path: tuple[str, ...] = ()  # province > city/county > dong/ri, names of gazetteer entries
    latitude: Annotated[float, Field(ge=-90, le=90)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180)] | None = None
    country: str | None = None  # ISO 3166-1 alpha-2, "KP" for North Korea
    precision: PlacePrecision = PlacePrecision.UNKNOWN
    span: Span | None = None


class Perpetrator(BaseModel):
    model_config = _MODEL

    name: str  # as normalised: "Ministry of State Security"
    unit: str | None = None  # "North Hamgyong provincial branch"
    span: Span | None = None


class Victim(BaseModel):
    """Who an event happened to.

    ``name`` is sensitive: the store keeps it encrypted, exports leave it out unless asked, and it is
    never logged.
    """

    model_config = _MODEL

    count: NonNegativeInt | None = None
    sex: Sex = Sex.UNKNOWN
    age_band: AgeBand = AgeBand.UNKNOWN
    status: tuple[str, ...] = ()  # "repatriated", "family of a defector", "student", ...
    description: str | None = None  # as written, e.g. "a man in his 30s"
    name: str | None = Field(default=None, repr=False)
    span: Span | None = None


class Penalty(BaseModel):
    model_config = _MODEL

    length: str | None = None  # TIMEX3 duration, e.g. "P3M"; "life"
    facility: str | None = None  # "labour-training brigade", "kyohwaso", "kwalliso", "banishment", "fine"
    span: Span | None = None


class Source(BaseModel):
    """Who published a report, and who the report says told it."""

    model_config = _MODEL

    report_id: str
    outlet: str | None = None
    published: date | None = None
    url: str | None = None
    attribution: str | None = None  # as written in the published report, never more
    reliability: str | None = None


class Report(BaseModel):
    """One report as ingested: its text, its metadata and the hash of its unchanged original."""

    model_config = _MODEL

    id: str  # derived from the SHA-256 of the original bytes (see :func:`report_id`)
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    text: str
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: date | None = None
    language: str = "en"
    media_type: str = "text/plain"
    origin: str | None = None  # the file (and line) it came from, for messages
    segments: tuple[tuple[int, int, SegmentRole], ...] = ()  # (start, end, role) in ``text``
    ingested_at: datetime | None = None


class Event(BaseModel):
    """One thing a report says happened, with the words that say so."""

    model_config = _MODEL

    id: str
    report_id: str
    type: EventType
    evidence: tuple[Span, ...] = Field(min_length=1)
    date: TimeWindow | None = None
    place: Place | None = None
    perpetrators: tuple[Perpetrator, ...] = ()
    victims: tuple[Victim, ...] = ()
    reason: str | None = None
    penalty: Penalty | None = None
    targets: tuple[str, ...] = ()
    source: Source | None = None
    confidence: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    reasons: tuple[str, ...] = ()  # why the machine proposed it: rule ids and trigger words
    status: ReviewStatus = ReviewStatus.SUGGESTED
    status_by: str | None = None
    status_at: datetime | None = None
    status_note: str | None = None


def report_id(sha256: str) -> str:
    """A short, stable report id from the hash of the original bytes."""
    return "r-" + sha256[:16]


def event_id(report: str, type_: EventType | str, evidence_start: int, evidence_end: int) -> str:
    """A stable event id: the same report, type and evidence always give the same id."""
    key = f"{report}|{EventType(type_).value}|{evidence_start}|{evidence_end}".encode()
    return "e-" + hashlib.sha256(key).hexdigest()[:16]


#: JSON field names of :class:`Event` that hold sensitive data; exports drop them unless asked.
SENSITIVE_FIELDS: tuple[Literal["victims.name"], ...] = ("victims.name",)
