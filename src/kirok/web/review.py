"""The review queue and the review view of one event: what a reviewer reads before deciding.

The queue holds the suggested events that match the filters of ``/events``
(:func:`kirok.web.views.event_filter`), in one of two orders (:class:`QueueOrder`), each an order the
store lists events in (:class:`kirok.store.base.EventOrder`), so a page is one store call. The review
view of an event shows the report with its evidence marked, every field with the words it rests on, the
machine's reasons, and the event's whole history; it knows where the event stands in the queue (``at``),
so it can link to the events before and after it. Both answer HTML and JSON from one :class:`View`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from kirok.model import (
    AgeBand,
    DatePrecision,
    Event,
    EventType,
    PlacePrecision,
    ReviewStatus,
    SegmentRole,
    Sex,
)
from kirok.store.base import EventFilter, EventOrder, Store
from kirok.web.explore import filter_items
from kirok.web.highlight import Mark, pieces, render
from kirok.web.mapsvg import event_map
from kirok.web.present import public_event
from kirok.web.review_history import history_rows
from kirok.web.views import PER_PAGE, PageError, Query, View, event_filter, report_title

__all__ = [
    "DONE_MESSAGES",
    "QueueOrder",
    "ReviewQueue",
    "next_in_queue",
    "queue_of",
    "review_page",
    "review_queue_page",
    "suggested_count",
]

#: What the review view says after an action, by the ``done`` query value.
DONE_MESSAGES = {
    "verified": "Verified",
    "rejected": "Rejected",
    "edited": "Saved your change to",
    "unchanged": "Nothing changed in",
}
_SUGGESTED = (ReviewStatus.SUGGESTED,)


class QueueOrder(StrEnum):
    """``oldest``: the oldest report first by its published date, undated reports after every dated one
    (their age is unknown), each report's events in the order of its text; ``confidence``: the least
    confident first, equal confidences oldest report first. See :class:`EventOrder`."""

    OLDEST = "oldest"
    CONFIDENCE = "confidence"

    @property
    def events(self) -> EventOrder:
        """The store's order of events that this queue order is."""
        return EventOrder.OLDEST if self is QueueOrder.OLDEST else EventOrder.LEAST_CONFIDENT


@dataclass(frozen=True)
class ReviewQueue:
    """The suggested events matching ``flt``, in ``order``. Indexes count from 0."""

    flt: EventFilter
    order: QueueOrder = QueueOrder.OLDEST
    shown: tuple[tuple[str, str], ...] = ()  # the filter and order as query items, for links

    def count(self, store: Store) -> int:
        return store.count_events(self.flt)

    def window(self, store: Store, start: int, limit: int) -> list[Event]:
        """The events at ``start`` .. ``start + limit - 1`` of the queue."""
        if limit <= 0:
            return []
        return store.list_events(self.flt, limit=limit, offset=max(start, 0), order=self.order.events)

    def href(self, event_id: str, at: int | None) -> str:
        """The review view of an event, keeping the queue's filter and order (and the event's index)."""
        items = [*self.shown, *([("at", str(at))] if at is not None else [])]
        return f"review/{quote(event_id, safe='')}" + (f"?{urlencode(items)}" if items else "")


def queue_of(query: Query) -> ReviewQueue:
    """The queue a request's query values ask for: the ``/events`` filters (status aside) and ``sort``."""
    flt, shown = event_filter(query)
    raw = query.text("sort") or QueueOrder.OLDEST.value
    try:
        order = QueueOrder(raw)
    except ValueError:
        known = ", ".join(o.value for o in QueueOrder)
        raise PageError(400, f"unknown sort {raw!r}; known values: {known}.") from None
    shown = {**shown, "status": []}
    items = filter_items(shown) + ([("sort", order.value)] if order is not QueueOrder.OLDEST else [])
    return ReviewQueue(replace(flt, statuses=_SUGGESTED), order, tuple(items))


def suggested_count(store: Store) -> int:
    """How many events wait for review (for the navigation link)."""
    return store.count_events(EventFilter(statuses=_SUGGESTED))


def _page_number(query: Query) -> int:
    raw = query.text("page") or "1"
    if not raw.isdigit() or len(raw) > 9 or int(raw) < 1:
        raise PageError(400, f"page must be a whole number from 1 up, not {raw!r}.")
    return int(raw)


def review_queue_page(store: Store, query: Query) -> View:
    """``/review``: the suggested events to review, :data:`PER_PAGE` at a time."""
    queue = queue_of(query)
    page = _page_number(query)
    total = queue.count(store)
    start = (page - 1) * PER_PAGE
    found = queue.window(store, start, PER_PAGE) if start < total else []
    rows = []
    for i, event in enumerate(found, start):
        evidence = event.evidence[0].text
        rows.append(
            {
                "index": i,
                "href": queue.href(event.id, i),
                "id": event.id,
                "type": event.type.value,
                "confidence": event.confidence,
                "date": public_event(event)["date"],
                "place": event.place.name if event.place else None,
                "evidence": evidence if len(evidence) <= 200 else evidence[:199] + "…",
                "report_id": event.report_id,
            }
        )
    pages = max(1, -(-total // PER_PAGE))
    keep = list(queue.shown)

    def link(n: int) -> str:
        return "?" + urlencode([*keep, ("page", str(n))])

    data = {
        "filters": {k: v for k, v in event_filter(query)[1].items() if k != "status"},
        "sort": queue.order.value,
        "events": rows,
        "page": page,
        "pages": pages,
        "per_page": PER_PAGE,
        "total": total,
        "prev": link(page - 1) if 1 < page <= pages + 1 else None,
        "next": link(page + 1) if page < pages else None,
    }
    context = {
        "queue_events": found,
        "all_types": list(EventType),
        "orders": list(QueueOrder),
        "review_count": suggested_count(store),
        "start_href": rows[0]["href"] if rows else None,
    }
    return View("review_queue.html", "Review queue", data, context)


def _at(query: Query) -> int | None:
    raw = query.text("at")
    if raw is None or not raw.isdigit() or len(raw) > 9:
        return None
    return int(raw)


def _neighbours(store: Store, queue: ReviewQueue, event: Event, at: int | None) -> dict[str, Any]:
    """Where the event stands in the queue (``at``, when known) and the events before and after it."""
    total = queue.count(store)
    here: int | None = None
    prev: tuple[Event, int] | None = None
    nxt: tuple[Event, int] | None = None
    if at is not None:
        start = max(at - 1, 0)
        around = queue.window(store, start, at + 2 - start)
        k = at - start
        if k < len(around) and around[k].id == event.id:
            here = at
            prev = (around[k - 1], at - 1) if k > 0 else None
            nxt = (around[k + 1], at + 1) if k + 1 < len(around) else None
    if here is None:  # not known where: the queue's first event (other than this one) comes next
        for i, other in enumerate(queue.window(store, 0, 2)):
            if other.id == event.id:
                here = i
            else:
                nxt = (other, i)
                break
    return {
        "sort": queue.order.value,
        "total": total,
        "at": here,
        "prev": prev[0].id if prev else None,
        "next": nxt[0].id if nxt else None,
        "prev_href": queue.href(prev[0].id, prev[1]) if prev else None,
        "next_href": queue.href(nxt[0].id, nxt[1]) if nxt else None,
    }


def next_in_queue(store: Store, queue: ReviewQueue, done: Event, at: int | None) -> tuple[Event, int] | None:
    """The event to review after ``done`` (as stored now) and its index: the one that followed it."""
    start = at if at is not None else 0
    if done.status is ReviewStatus.SUGGESTED:  # still in the queue: skip past it
        start += 1
    for i, event in enumerate(queue.window(store, start, 2), start):
        if event.id != done.id:
            return event, i
    return None


def review_page(
    store: Store,
    event_id: str,
    query: Query,
    *,
    form_error: str | None = None,
    open_group: str | None = None,
    status: int = 200,
) -> View:
    """``/review/{id}``: everything a reviewer needs to decide on one event, and its history.

    ``form_error`` and ``open_group`` show a refused edit on the page (answered with ``status``).
    """
    event = store.get_event(event_id)
    if event is None:
        raise PageError(404, f"There is no event with id {event_id!r}.")
    queue = queue_of(query)
    report = store.get_report(event.report_id)
    text = report.text if report else None
    position = _neighbours(store, queue, event, _at(query))
    data: dict[str, Any] = {
        "event": public_event(event, text),
        "report": {"id": report.id, "title": report_title(report)} if report else None,
        "history": history_rows(store.event_history(event.id)),
        "queue": position,
    }
    if form_error is not None:
        data["error"] = form_error
    at = [("at", str(position["at"]))] if position["at"] is not None else []
    done, last = query.text("done"), query.text("last")
    context = {
        "event": event,
        "report": report,
        "text_html": _marked(text, event, report.segments if report else ()),
        "event_map": event_map(event),
        "review_count": suggested_count(store),
        "queue_query": urlencode([*queue.shown, *at]),
        "queue_href": "review" + (f"?{urlencode(queue.shown)}" if queue.shown else ""),
        "done": DONE_MESSAGES.get(done) if done else None,
        "done_event": last,
        "form_error": form_error,
        "open_group": open_group,
        "all_types": list(EventType),
        "date_precisions": list(DatePrecision),
        "place_precisions": list(PlacePrecision),
        "sexes": list(Sex),
        "age_bands": list(AgeBand),
    }
    return View("review.html", f"Review event {event.id}", data, context, status=status)


def _marked(
    text: str | None, event: Event, segments: Sequence[tuple[int, int, SegmentRole]]
) -> Markup | None:
    """The report's text with this event's evidence marked."""
    if text is None:
        return None
    marks = [Mark(s.start, s.end, event.id, event.type) for s in event.evidence]
    return render(pieces(text, marks, segments), anchor_prefix="ev-")
