"""The review page's edit forms, read into an :class:`~kirok.web.review_edit.EventEdit`.

Each form edits one group of fields, named by its ``group`` value:

- ``type``: ``type``, ``type_quote``;
- ``date``: ``earliest``, ``latest`` (YYYY-MM-DD), ``precision``, ``quote``;
- ``place``: ``gazetteer`` (an entry's id or name) or ``name`` with ``latitude``/``longitude``,
  ``precision``, ``quote``; the ``clear`` button removes the place;
- ``perpetrator`` and ``victim``: one item, ``index`` (its position, or ``new``), its fields and
  ``quote``; the ``remove`` button removes it. A victim's ``status`` is a comma-separated list;
- ``details``: ``penalty_length``, ``penalty_facility``, ``penalty_quote``, ``reason``, ``reason_quote``,
  ``targets`` (comma-separated).

A value that cannot be read raises :class:`~kirok.web.review_edit.EditError` naming the field.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import date
from typing import Any

from pydantic import ValidationError

from kirok.model import Event, Span
from kirok.web.review_edit import MAX_ITEMS, EditError, EventEdit
from kirok.web.views import iso_date

__all__ = ["GROUPS", "edit_from_form", "validation_error"]

GROUPS = ("type", "date", "place", "perpetrator", "victim", "details")

_INDEX = re.compile(r"^[0-9]{1,4}$")


class _Form:
    """A form's values: stripped text, blank as ``None``."""

    def __init__(self, values: Mapping[str, str]) -> None:
        self.values = values

    def text(self, name: str) -> str | None:
        value = self.values.get(name, "").strip()
        return value or None

    def date(self, name: str, field: str) -> date | None:
        raw = self.text(name)
        if raw is None:
            return None
        try:
            return iso_date(raw)
        except ValueError:
            raise EditError(field, f"must be a date written YYYY-MM-DD, not {raw!r}") from None

    def number(self, name: str, field: str) -> float | None:
        raw = self.text(name)
        if raw is None:
            return None
        try:
            value = float(raw)
        except ValueError:
            raise EditError(field, f"must be a number, not {raw!r}") from None
        if not math.isfinite(value):
            raise EditError(field, f"must be a finite number, not {raw!r}")
        return value

    def count(self, name: str, field: str) -> int | None:
        raw = self.text(name)
        if raw is None:
            return None
        if not raw.isdigit() or len(raw) > 9:
            raise EditError(field, f"must be a whole number from 0 up, not {raw!r}")
        return int(raw)

    def items(self, name: str) -> list[str]:
        raw = self.text(name)
        return [part.strip() for part in raw.split(",") if part.strip()] if raw else []

    def pressed(self, name: str) -> bool:
        return name in self.values


def validation_error(error: ValidationError) -> EditError:
    """The first problem pydantic found, as an :class:`EditError` naming the field (``place.latitude``)."""
    first = error.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or "edit"
    return EditError(field, str(first["msg"]))


def edit_from_form(event: Event, values: Mapping[str, str], text: str) -> EventEdit:
    """The edit a submitted form asks for, given the event as it is stored now and its report's text."""
    form = _Form(values)
    group = form.text("group")
    if group not in GROUPS:
        raise EditError("group", f"unknown group {group!r}; known groups: {', '.join(GROUPS)}")
    body: dict[str, Any]
    if group == "type":
        body = {"type": form.text("type"), "type_quote": form.text("type_quote")}
    elif group == "date":
        body = {"date": _date(form)}
    elif group == "place":
        body = {"place": None if form.pressed("clear") else _place(form)}
    elif group == "details":
        body = _details(form)
    else:
        body = _item(event, form, group, text)
    try:
        return EventEdit.model_validate(body)
    except ValidationError as error:
        raise validation_error(error) from None


def _date(form: _Form) -> dict[str, Any] | None:
    earliest = form.date("earliest", "date.earliest")
    latest = form.date("latest", "date.latest")
    if earliest and latest and latest < earliest:
        raise EditError("date.latest", f"the window ends ({latest}) before it starts ({earliest})")
    precision = form.text("precision") or "unknown"
    quote = form.text("quote")
    if earliest is None and latest is None and precision == "unknown" and quote is None:
        return None  # nothing known: no window
    return {"earliest": earliest, "latest": latest, "precision": precision, "quote": quote}


def _place(form: _Form) -> dict[str, Any]:
    body: dict[str, Any] = {
        "gazetteer": form.text("gazetteer"),
        "name": form.text("name"),
        "latitude": form.number("latitude", "place.latitude"),
        "longitude": form.number("longitude", "place.longitude"),
        "quote": form.text("quote"),
    }
    precision = form.text("precision")
    if precision is not None:
        body["precision"] = precision
    return body


def _details(form: _Form) -> dict[str, Any]:
    length, facility = form.text("penalty_length"), form.text("penalty_facility")
    quote = form.text("penalty_quote")
    penalty = None
    if length or facility or quote:
        penalty = {"length": length, "facility": facility, "quote": quote}
    return {
        "penalty": penalty,
        "reason": form.text("reason"),
        "reason_quote": form.text("reason_quote"),
        "targets": form.items("targets")[: MAX_ITEMS + 1],
    }


def _words(span: Span | None, text: str) -> str | None:
    return (span.text or text[span.start : span.end]) if span else None


def _item(event: Event, form: _Form, group: str, text: str) -> dict[str, Any]:
    """The whole list of perpetrators or victims, with the one item of the form changed."""
    raw = form.text("index") or "new"
    current = event.perpetrators if group == "perpetrator" else event.victims
    if raw != "new" and (not _INDEX.match(raw) or int(raw) >= len(current)):
        raise EditError(f"{group}.index", f"the event has no {group} {raw!r}")
    index = len(current) if raw == "new" else int(raw)
    if group == "perpetrator":
        items: list[dict[str, Any]] = [
            {"name": p.name, "unit": p.unit, "quote": _words(p.span, text)} for p in event.perpetrators
        ]
        new: dict[str, Any] = {
            "name": form.text("name"),
            "unit": form.text("unit"),
            "quote": form.text("quote"),
        }
        name = "perpetrators"
    else:
        items = [
            {
                "keep": i,
                "count": v.count,
                "sex": v.sex,
                "age_band": v.age_band,
                "status": list(v.status),
                "quote": _words(v.span, text),
            }
            for i, v in enumerate(event.victims)
        ]
        new = {
            "keep": None if raw == "new" else index,
            "count": form.count("count", f"victims.{index}.count"),
            "sex": form.text("sex") or "unknown",
            "age_band": form.text("age_band") or "unknown",
            "status": form.items("status")[: MAX_ITEMS + 1],
            "quote": form.text("quote"),
        }
        name = "victims"
    if form.pressed("remove"):
        if raw == "new":
            raise EditError(f"{group}.index", "there is nothing to remove in a new item")
        del items[index]
    elif index == len(items):
        items.append(new)
    else:
        items[index] = new
    return {name: items}
