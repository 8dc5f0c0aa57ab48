"""What the JSON API answers, as pydantic models: the OpenAPI description's response schemas.

The views (:mod:`kirok.web.views`, :mod:`kirok.web.explore`) build plain dicts and the routes send them
as they are; these models only describe them, and the schemathesis test checks every answer against
them. They allow extra keys, so a view may add one before its model does. Victims never carry names.
"""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel, ConfigDict, Field

from kirok.auth.roles import Role
from kirok.model import (
    AgeBand,
    EventType,
    Penalty,
    Perpetrator,
    Place,
    PlacePrecision,
    Report,
    ReviewStatus,
    Sex,
    Source,
    Span,
    TimeWindow,
)

__all__ = [
    "Account",
    "ApiError",
    "EventFilters",
    "EventPage",
    "EventRow",
    "EventsPage",
    "Health",
    "LoginDone",
    "LoginForm",
    "LoginPage",
    "LogoutDone",
    "MapPage",
    "MapPlace",
    "Pagination",
    "PublicEvent",
    "PublicVictim",
    "ReportPage",
    "ReportRow",
    "ReportSummary",
    "ReportsPage",
    "SentenceContext",
    "SessionInfo",
    "TimelineMonth",
    "TimelinePage",
]

_OPEN = ConfigDict(populate_by_name=True)


class ApiError(BaseModel):
    """Every refusal: a message that says what was wrong and what to do."""

    model_config = _OPEN
    error: str


class Pagination(BaseModel):
    """Page numbers and links; ``prev``/``next`` are query strings relative to the page."""

    model_config = _OPEN
    page: int = Field(ge=1)
    pages: int = Field(ge=1)
    per_page: int = Field(ge=1)
    total: int = Field(ge=0)
    prev: str | None
    next: str | None


class ReportSummary(BaseModel):
    model_config = _OPEN
    id: str
    title: str
    outlet: str | None
    published: dt.date | None
    url: str | None


class ReportRow(ReportSummary):
    events: int = Field(ge=0, description="How many events the report holds.")


class ReportsPage(Pagination):
    q: str | None = Field(description="The words searched for, if any.")
    reports: list[ReportRow]


class PublicVictim(BaseModel):
    """What the web shows of a victim: never the name, nor the description that may hold one."""

    model_config = _OPEN
    count: int | None = Field(ge=0)
    sex: Sex
    age_band: AgeBand
    status: list[str]


class PublicEvent(BaseModel):
    """An event as the web shows it: every field of :class:`kirok.model.Event`, victims without names,
    each evidence span with its words."""

    model_config = _OPEN
    id: str
    report_id: str
    type: EventType
    evidence: list[Span] = Field(min_length=1)
    date: TimeWindow | None
    place: Place | None
    perpetrators: list[Perpetrator]
    victims: list[PublicVictim]
    reason: str | None
    penalty: Penalty | None
    targets: list[str]
    source: Source | None
    confidence: float = Field(ge=0.0, le=1.0)
    reasons: list[str]
    status: ReviewStatus
    status_by: str | None
    status_at: dt.datetime | None
    status_note: str | None


class ReportPage(BaseModel):
    model_config = _OPEN
    report: Report
    events: list[PublicEvent]


class EventFilters(BaseModel):
    """The filter values in force, as the filter form shows them."""

    model_config = _OPEN
    type: list[EventType]
    place: str | None
    province: str | None = None
    perpetrator: str | None = None
    date_from: dt.date | None = Field(alias="from")
    date_to: dt.date | None = Field(alias="to")
    q: str | None
    status: list[ReviewStatus]


class EventRow(BaseModel):
    model_config = _OPEN
    event: PublicEvent
    snippet: str = Field(description="The first evidence span's words, cut to 200 characters.")
    report: ReportSummary | None


class EventsPage(Pagination):
    filters: EventFilters
    events: list[EventRow]


class SentenceContext(BaseModel):
    """The sentence around one piece of evidence: ``text`` is the report's text from ``start`` to ``end``."""

    model_config = _OPEN
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class EventPage(BaseModel):
    model_config = _OPEN
    event: PublicEvent
    report: ReportSummary | None
    context: list[SentenceContext]


class MapPlace(BaseModel):
    """Events that share one place on the map (see :class:`kirok.store.base.EventPoint`)."""

    model_config = _OPEN
    latitude: float | None
    longitude: float | None
    precision: PlacePrecision
    province: str | None
    place: str | None
    gazetteer_id: str | None
    count: int = Field(ge=1)
    event_id: str | None = Field(description="Set when the place holds one event.")
    type: EventType | None = Field(description="Set when all the place's events share one type.")
    date_from: dt.date | None
    date_to: dt.date | None
    href: str = Field(description="The place's events (or its one event), relative to the site's root.")
    title: str


class MapPage(BaseModel):
    model_config = _OPEN
    filters: EventFilters
    total: int = Field(ge=0)
    drawn: int = Field(ge=0)
    not_placed: int = Field(ge=0, description="Events known only to the country, or of unknown place.")
    outside: int = Field(ge=0, description="Events placed outside the map's area.")
    places: list[MapPlace]


class TimelineMonth(BaseModel):
    model_config = _OPEN
    month: str = Field(pattern=r"^[0-9]{4}-[0-9]{2}$")
    counts: dict[str, int] = Field(description="Events of each type shown, by type.")
    total: int = Field(ge=0)


class TimelinePage(BaseModel):
    model_config = _OPEN
    filters: EventFilters
    total: int = Field(ge=0)
    types: list[EventType]
    first_month: str | None
    last_month: str | None
    months: list[TimelineMonth] = Field(description="The months that have events, in order.")
    undated: int = Field(ge=0, description="Events whose window has no earliest date.")
    undated_by_type: dict[str, int]


class Health(BaseModel):
    model_config = _OPEN
    status: str
    reports: int = Field(ge=0)
    events: int = Field(ge=0)


class Account(BaseModel):
    model_config = _OPEN
    username: str
    role: Role


class SessionInfo(BaseModel):
    model_config = _OPEN
    account: Account
    csrf_token: str = Field(description="Send it in the X-CSRF-Token header with every POST.")
    expires_at: dt.datetime = Field(description="When the session ends if left idle.")


class LoginPage(BaseModel):
    model_config = _OPEN
    csrf_token: str = Field(description="The login form's token: send it in X-CSRF-Token to log in.")
    next: str
    message: str | None
    account: Account | None = Field(description="Who is logged in already, if anyone.")


class LoginForm(BaseModel):
    """``POST /login.json`` as JSON (a urlencoded form with the same fields is taken too)."""

    username: str = Field(max_length=200)
    password: str = Field(max_length=1024)


class LoginDone(BaseModel):
    model_config = _OPEN
    account: Account
    csrf_token: str = Field(description="The new session's token for X-CSRF-Token.")


class LogoutDone(BaseModel):
    model_config = _OPEN
    status: str
