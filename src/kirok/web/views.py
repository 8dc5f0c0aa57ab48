"""The pages of the web app, each one function from the store and the request's values to a :class:`View`.

A view knows nothing of HTML or JSON: it returns the JSON body (``data``) and what the template needs
besides (``context``); :mod:`kirok.web.app` renders either from the same :class:`View`. Bad query values
raise :class:`PageError` with status 400, unknown ids with status 404.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urlencode

from kirok.model import Event, EventType, Report, ReviewStatus
from kirok.store.base import EventFilter, ReportFilter, Store
from kirok.web.highlight import Mark, highlight, pieces, render, sentence_around
from kirok.web.mapsvg import event_map
from kirok.web.present import evidence_text, public_event

__all__ = [
    "PER_PAGE",
    "PageError",
    "Query",
    "View",
    "event_filter",
    "event_page",
    "events_page",
    "health_page",
    "iso_date",
    "report_page",
    "report_title",
    "reports_page",
]

PER_PAGE = 25
SNIPPET_CHARS = 200


class PageError(Exception):
    """A request the app cannot answer: ``status`` 400 for bad query values, 404 for unknown ids."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


class Query(Mapping[str, str]):
    """The request's query values: ``query[name]`` is the first value, :meth:`getlist` all of them."""

    def __init__(self, items: Sequence[tuple[str, str]]) -> None:
        self._items = list(items)

    def __getitem__(self, key: str) -> str:
        for k, v in self._items:
            if k == key:
                return v
        raise KeyError(key)

    def __iter__(self) -> Any:
        return iter(dict.fromkeys(k for k, _ in self._items))

    def __len__(self) -> int:
        return len(dict.fromkeys(k for k, _ in self._items))

    def getlist(self, key: str) -> list[str]:
        return [v for k, v in self._items if k == key]

    def text(self, key: str) -> str | None:
        """The stripped value, ``None`` when missing or blank."""
        value = self.get(key, "").strip()
        return value or None


@dataclass(frozen=True)
class View:
    """What a page answers: ``data`` is the JSON body, ``context`` what only the HTML page needs."""

    template: str
    title: str
    data: dict[str, Any]
    context: dict[str, Any] = field(default_factory=dict)
    status: int = 200


_PAGE = re.compile(r"^[0-9]{1,9}$")
_DATE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def _page_number(query: Query) -> int:
    raw = query.text("page")
    if raw is None:
        return 1
    if not _PAGE.match(raw) or int(raw) < 1:
        raise PageError(400, f"page must be a whole number from 1 up, not {raw!r}.")
    return int(raw)


def iso_date(raw: str) -> date:
    """``raw`` as a date when written ``YYYY-MM-DD`` and real; ``ValueError`` otherwise."""
    if not _DATE.match(raw):
        raise ValueError(raw)
    return date.fromisoformat(raw)


def _date(query: Query, name: str) -> date | None:
    raw = query.text(name)
    if raw is None:
        return None
    try:
        return iso_date(raw)
    except ValueError:
        raise PageError(400, f"{name} must be a date written YYYY-MM-DD, not {raw!r}.") from None


_Choice = TypeVar("_Choice", EventType, ReviewStatus)


def _choices(query: Query, name: str, kind: type[_Choice]) -> tuple[_Choice, ...]:
    chosen: list[_Choice] = []
    for raw in query.getlist(name):
        if not raw.strip():
            continue
        try:
            chosen.append(kind(raw.strip()))
        except ValueError:
            known = ", ".join(k.value for k in kind)
            raise PageError(400, f"unknown {name} {raw!r}; known values: {known}.") from None
    return tuple(dict.fromkeys(chosen))


def _pagination(page: int, total: int, keep: list[tuple[str, str]]) -> dict[str, Any]:
    """Page numbers and links; links are query strings, relative to the page they are on."""
    pages = max(1, -(-total // PER_PAGE))

    def link(n: int) -> str:
        return "?" + urlencode([*keep, ("page", str(n))])

    return {
        "page": page,
        "pages": pages,
        "per_page": PER_PAGE,
        "total": total,
        "prev": link(page - 1) if 1 < page <= pages + 1 else None,
        "next": link(page + 1) if page < pages else None,
    }


def report_title(report: Report) -> str:
    """The title, or else the first non-empty line of the text, cut to 120 characters."""
    if report.title and report.title.strip():
        return report.title.strip()
    first = next((line.strip() for line in report.text.splitlines() if line.strip()), "")
    return (first[:117] + "…") if len(first) > 120 else (first or report.id)


def _report_summary(report: Report) -> dict[str, Any]:
    return {
        "id": report.id,
        "title": report_title(report),
        "outlet": report.outlet,
        "published": report.published.isoformat() if report.published else None,
        "url": report.url,
    }


def reports_page(store: Store, query: Query) -> View:
    """``/reports``: newest reports first, full-text search with ``q``, pages of :data:`PER_PAGE`."""
    page = _page_number(query)
    text = query.text("q")
    flt = ReportFilter(text=text)
    total = store.count_reports(flt)
    offset = (page - 1) * PER_PAGE
    found = store.list_reports(flt, limit=PER_PAGE, offset=offset) if offset < total else []
    rows = [{**_report_summary(r), "events": store.count_events(EventFilter(report_id=r.id))} for r in found]
    keep = [("q", text)] if text else []
    data = {"q": text, "reports": rows, **_pagination(page, total, keep)}
    title = f"Reports matching “{text}”" if text else "Reports"
    return View("reports.html", title, data)


def report_page(store: Store, report_id: str) -> View:
    """``/reports/{id}``: metadata, the text with evidence marked, and the report's events."""
    report = store.get_report(report_id)
    if report is None:
        raise PageError(404, f"There is no report with id {report_id!r}.")
    events = store.events_for_report(report.id)
    data = {
        "report": report.model_dump(mode="json"),
        "events": [public_event(e, report.text) for e in events],
    }
    context = {
        "report": report,
        "events": events,
        "text_html": highlight(report.text, events, report.segments),
        "types_present": list(dict.fromkeys(e.type for e in events)),
    }
    return View("report.html", report_title(report), data, context)


def event_filter(query: Query) -> tuple[EventFilter, dict[str, Any]]:
    """The :class:`EventFilter` of the events, map and timeline pages, and the values to show in the form.

    Raises :class:`PageError` (400) for an unknown type or status or a date not written YYYY-MM-DD.
    """
    flt = EventFilter(
        types=_choices(query, "type", EventType),
        place=query.text("place"),
        province=query.text("province"),
        perpetrator=query.text("perpetrator"),
        date_from=_date(query, "from"),
        date_to=_date(query, "to"),
        text=query.text("q"),
        statuses=_choices(query, "status", ReviewStatus),
    )
    if flt.date_from and flt.date_to and flt.date_to < flt.date_from:
        raise PageError(400, f"to ({flt.date_to}) is before from ({flt.date_from}).")
    shown = {
        "type": [t.value for t in flt.types],
        "place": flt.place,
        "province": flt.province,
        "perpetrator": flt.perpetrator,
        "from": flt.date_from.isoformat() if flt.date_from else None,
        "to": flt.date_to.isoformat() if flt.date_to else None,
        "q": flt.text,
        "status": [s.value for s in flt.statuses],
    }
    return flt, shown


def _snippet(event: Event, report: Report | None) -> str:
    text = evidence_text(event.evidence[0], report.text if report else None)
    return (text[: SNIPPET_CHARS - 1] + "…") if len(text) > SNIPPET_CHARS else text


def _as_list(value: str | list[str] | None) -> list[str]:
    if value is None:
        return []
    return [value] if isinstance(value, str) else value


def events_page(store: Store, query: Query) -> View:
    """``/events``: events filtered by type, place, date window, text and status."""
    flt, shown = event_filter(query)
    page = _page_number(query)
    total = store.count_events(flt)
    offset = (page - 1) * PER_PAGE
    found = store.list_events(flt, limit=PER_PAGE, offset=offset) if offset < total else []
    reports: dict[str, Report | None] = {}
    for event in found:
        if event.report_id not in reports:
            reports[event.report_id] = store.get_report(event.report_id)
    rows = []
    for event in found:
        report = reports[event.report_id]
        rows.append(
            {
                "event": public_event(event, report.text if report else None),
                "snippet": _snippet(event, report),
                "report": _report_summary(report) if report else None,
            }
        )
    keep = [(k, v) for k, values in shown.items() for v in _as_list(values)]
    data = {"filters": shown, "events": rows, **_pagination(page, total, keep)}
    context = {"events_found": found, "all_types": list(EventType), "all_statuses": list(ReviewStatus)}
    return View("events.html", "Events", data, context)


def event_page(store: Store, event_id: str) -> View:
    """``/events/{id}``: every field of one event and each piece of its evidence in its sentence."""
    event = store.get_event(event_id)
    if event is None:
        raise PageError(404, f"There is no event with id {event_id!r}.")
    report = store.get_report(event.report_id)
    text = report.text if report else None
    marks = [Mark(s.start, s.end, event.id, event.type) for s in event.evidence]
    contexts: list[dict[str, Any]] = []
    for span in event.evidence:
        if report is None:
            contexts.append({"start": span.start, "end": span.end, "text": span.text, "html": None})
            continue
        start, end = sentence_around(report.text, span)
        sentence = report.text[start:end]
        html = render(pieces(sentence, marks, report.segments, offset=start), anchor_prefix="")
        contexts.append({"start": start, "end": end, "text": sentence, "html": html})
    data = {
        "event": public_event(event, text),
        "report": _report_summary(report) if report else None,
        "context": [{k: v for k, v in c.items() if k != "html"} for c in contexts],
    }
    context = {"event": event, "report": report, "contexts": contexts, "event_map": event_map(event)}
    return View("event.html", f"Event {event.id}", data, context)


def health_page(store: Store) -> View:
    """``/health``: the app answers and the store can count."""
    stats = store.stats()
    data = {"status": "ok", "reports": stats["reports"], "events": stats["events"]}
    return View("health.html", "Health", data)
