"""A reviewer's edit of an event: the request body, its checks, and the new event it makes.

An :class:`EventEdit` names the groups of fields it changes (type, date window, place, perpetrators,
victims, details); a group left out stays as it is, a group sent as ``null`` is cleared. Each group
carries ``quote``: the words of the report the new value rests on. :func:`locate_quote` finds them in
the report's text and the edit stores them as the field's span, so a changed field keeps its link to
the text; a quote that is not in the report is refused. The model has no span for ``reason`` or
``targets``: a quote for them, and one for a changed type, joins the event's evidence instead.

Victims' names are never sent or shown: a victim edit names the stored victim it replaces (``keep``),
whose name and description it keeps.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Annotated, Any, Protocol

from pydantic import BaseModel, ConfigDict, Field, NonNegativeInt, StringConstraints, model_validator

from kirok.gazetteer import Gazetteer
from kirok.model import (
    AgeBand,
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Penalty,
    Perpetrator,
    Place,
    PlacePrecision,
    Sex,
    Span,
    TimeWindow,
    Victim,
)

__all__ = [
    "MAX_ITEMS",
    "DateEdit",
    "EditError",
    "EventEdit",
    "PenaltyEdit",
    "PerpetratorEdit",
    "PlaceEdit",
    "VictimEdit",
    "apply_edit",
    "locate_quote",
    "resolve_place",
]

#: At most this many perpetrators, victims or targets in one event.
MAX_ITEMS = 50

Short = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Text = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Quote = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)] | None
_BODY = ConfigDict(extra="forbid", frozen=True)


class EditError(ValueError):
    """An edit that cannot be made; ``field`` names the field (``place.latitude``, ``date.quote``)."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class DateEdit(BaseModel):
    """A date window: ``earliest`` <= ``latest``, written YYYY-MM-DD, and its precision."""

    model_config = _BODY
    earliest: date | None = None
    latest: date | None = None
    precision: DatePrecision = DatePrecision.UNKNOWN
    quote: Quote = None

    @model_validator(mode="after")
    def _ordered(self) -> DateEdit:
        if self.earliest and self.latest and self.latest < self.earliest:
            raise ValueError(f"latest ({self.latest}) is before earliest ({self.earliest})")
        return self


class PlaceEdit(BaseModel):
    """A place: a gazetteer entry (by id or by any spelling of its name), or a name with coordinates."""

    model_config = _BODY
    gazetteer: Short | None = None
    name: Short | None = None
    latitude: Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)] | None = None
    longitude: Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)] | None = None
    precision: PlacePrecision | None = None  # the entry's own precision when left out
    quote: Quote = None

    @model_validator(mode="after")
    def _named(self) -> PlaceEdit:
        if self.gazetteer is None and self.name is None:
            raise ValueError("give a gazetteer entry or a place name")
        if (self.latitude is None) != (self.longitude is None):
            raise ValueError("give both latitude and longitude, or neither")
        return self


class PerpetratorEdit(BaseModel):
    model_config = _BODY
    name: Short
    unit: Short | None = None
    quote: Quote = None


class VictimEdit(BaseModel):
    """A victim without a name; ``keep`` is the index of the stored victim it replaces, if any."""

    model_config = _BODY
    keep: NonNegativeInt | None = None
    count: Annotated[int, Field(ge=0, le=1_000_000)] | None = None
    sex: Sex = Sex.UNKNOWN
    age_band: AgeBand = AgeBand.UNKNOWN
    status: Annotated[list[Short], Field(max_length=MAX_ITEMS)] = []
    quote: Quote = None


class PenaltyEdit(BaseModel):
    model_config = _BODY
    length: Short | None = None  # a TIMEX3 duration ("P6M") or "life"
    facility: Short | None = None
    quote: Quote = None


class EventEdit(BaseModel):
    """What to change. Fields left out stay as they are; ``date``, ``place``, ``penalty`` and ``reason``
    sent as ``null`` are cleared."""

    model_config = _BODY
    type: EventType | None = None
    type_quote: Quote = None
    date: DateEdit | None = None
    place: PlaceEdit | None = None
    perpetrators: Annotated[list[PerpetratorEdit], Field(max_length=MAX_ITEMS)] | None = None
    victims: Annotated[list[VictimEdit], Field(max_length=MAX_ITEMS)] | None = None
    penalty: PenaltyEdit | None = None
    reason: Text | None = None
    reason_quote: Quote = None
    targets: Annotated[list[Short], Field(max_length=MAX_ITEMS)] | None = None

    @model_validator(mode="after")
    def _typed(self) -> EventEdit:
        if "type" in self.model_fields_set and self.type is None:
            raise ValueError("type cannot be cleared; give one of the event types")
        return self


def _words(quote: str) -> re.Pattern[str]:
    parts = [re.escape(w) for w in quote.split()]
    return re.compile(r"\s+".join(parts), re.IGNORECASE)


def locate_quote(text: str, quote: str, *, field: str, prefer: Iterable[Span] = (), near: int = 0) -> Span:
    """Where ``quote`` stands in ``text`` (spaces and case aside), as a span of the report's own words.

    A span of ``prefer`` that already holds these words is kept; otherwise the occurrence nearest ``near``
    (the event's evidence) is taken. Raises :class:`EditError` naming ``field`` when the words are not
    in the report.
    """
    pattern = _words(quote)
    for old in sorted(prefer, key=lambda s: s.start):
        if old.end <= len(text) and pattern.fullmatch(text, old.start, old.end):
            return Span(start=old.start, end=old.end, text=text[old.start : old.end])
    found = list(pattern.finditer(text)) if quote.split() else []
    if not found:
        shown = quote if len(quote) <= 80 else quote[:79] + "…"
        raise EditError(
            field, f"the words “{shown}” are not in the report; quote them as the report has them"
        )
    best = min(found, key=lambda m: (abs(m.start() - near), m.start()))
    return Span(start=best.start(), end=best.end(), text=best.group(0))


def resolve_place(edit: PlaceEdit, gazetteer: Callable[[], Gazetteer], span: Span | None) -> Place:
    """A :class:`Place` from a gazetteer entry (id or any spelling of its name), or from a name with
    coordinates; ``gazetteer`` is called only in the first case."""
    if edit.gazetteer is None:
        assert edit.name is not None  # PlaceEdit._named
        return Place(
            name=edit.name,
            latitude=edit.latitude,
            longitude=edit.longitude,
            precision=edit.precision or PlacePrecision.UNKNOWN,
            span=span,
        )
    places = gazetteer()
    if edit.gazetteer in places:
        entry = places.get(edit.gazetteer)
    else:
        found = places.lookup(edit.gazetteer)
        if not found:
            raise EditError("place.gazetteer", f"no gazetteer entry is called {edit.gazetteer!r}")
        entry = found[0]
    located = edit.latitude is not None and edit.longitude is not None
    return Place(
        name=edit.name or entry.name,
        gazetteer_id=entry.id,
        admin_path=places.admin_path(entry.id) if entry.level != "country" else (),
        latitude=edit.latitude if located else entry.lat,
        longitude=edit.longitude if located else entry.lon,
        country=entry.country,
        precision=edit.precision or entry.precision,
        span=span,
    )


def apply_edit(event: Event, edit: EventEdit, text: str, gazetteer: Callable[[], Gazetteer]) -> Event:
    """``event`` with ``edit`` made, every quote located in the report's ``text``.

    ``gazetteer`` is called only when a place names a gazetteer entry. Raises :class:`EditError`.
    """
    near = event.evidence[0].start
    sent = edit.model_fields_set

    def span(quote: str | None, field: str, prefer: Iterable[Span | None] = ()) -> Span | None:
        if quote is None or not quote.strip():
            return None
        kept = [s for s in prefer if s is not None]
        return locate_quote(text, quote, field=field, prefer=kept, near=near)

    update: dict[str, Any] = {}
    evidence = list(event.evidence)

    def cite(quote: str | None, field: str) -> None:
        found = span(quote, field, evidence)
        if found is not None and not any(s.start <= found.start and found.end <= s.end for s in evidence):
            evidence.append(found)

    if edit.type is not None:
        update["type"] = edit.type
        cite(edit.type_quote, "type_quote")
    if "date" in sent:
        update["date"] = _window(edit.date, event.date, span)
    if "place" in sent:
        place = edit.place
        old = event.place.span if event.place else None
        update["place"] = (
            resolve_place(place, gazetteer, span(place.quote, "place.quote", [old])) if place else None
        )
    if edit.perpetrators is not None:
        olds = [p.span for p in event.perpetrators]
        update["perpetrators"] = tuple(
            Perpetrator(name=p.name, unit=p.unit, span=span(p.quote, f"perpetrators.{i}.quote", olds))
            for i, p in enumerate(edit.perpetrators)
        )
    if edit.victims is not None:
        update["victims"] = tuple(_victim(event, v, i, span) for i, v in enumerate(edit.victims))
    if "penalty" in sent:
        penalty = edit.penalty
        old = event.penalty.span if event.penalty else None
        update["penalty"] = (
            Penalty(
                length=penalty.length,
                facility=penalty.facility,
                span=span(penalty.quote, "penalty.quote", [old]),
            )
            if penalty
            else None
        )
    if "reason" in sent:
        update["reason"] = edit.reason or None
        cite(edit.reason_quote, "reason_quote")
    if edit.targets is not None:
        update["targets"] = tuple(dict.fromkeys(edit.targets))
    update["evidence"] = tuple(evidence)
    try:
        return Event.model_validate({**event.model_dump(), **update})
    except ValueError as error:  # a value the model refuses that the checks above let through
        raise EditError("event", str(error)) from None


class _SpanOf(Protocol):
    def __call__(self, quote: str | None, field: str, prefer: Iterable[Span | None] = ()) -> Span | None: ...


def _window(edit: DateEdit | None, old: TimeWindow | None, span: _SpanOf) -> TimeWindow | None:
    if edit is None:
        return None
    words = span(edit.quote, "date.quote", [old.span if old else None])
    same = old is not None and (old.earliest, old.latest) == (edit.earliest, edit.latest)
    dated = edit.earliest is not None or edit.latest is not None
    return TimeWindow(
        earliest=edit.earliest,
        latest=edit.latest,
        precision=edit.precision,
        # how the window was read, and its TIMEX value, hold only while the reviewer keeps its dates
        resolution=old.resolution
        if old and same
        else DateResolution.ABSOLUTE
        if dated
        else DateResolution.UNRESOLVED,
        timex=old.timex if old and same else None,
        span=words,
    )


def _victim(event: Event, edit: VictimEdit, i: int, span: _SpanOf) -> Victim:
    kept = None
    if edit.keep is not None:
        if edit.keep >= len(event.victims):
            raise EditError(f"victims.{i}.keep", f"the event has no victim {edit.keep}")
        kept = event.victims[edit.keep]
    return Victim(
        count=edit.count,
        sex=edit.sex,
        age_band=edit.age_band,
        status=tuple(dict.fromkeys(edit.status)),
        description=kept.description if kept else None,
        name=kept.name if kept else None,
        span=span(edit.quote, f"victims.{i}.quote", [kept.span if kept else None]),
    )
