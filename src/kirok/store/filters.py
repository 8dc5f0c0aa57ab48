"""SQL for :class:`EventFilter` and :class:`ReportFilter` (WHERE clauses with bound parameters only), and
for :class:`EventOrder` (an ORDER BY clause and the index that reads events in that order).

User text never reaches SQL or the FTS5 query language as syntax: :func:`fts_query` turns it into
quoted phrases, so ``"``, ``*``, ``-``, ``(`` or ``NEAR`` are words to look for, not operators.
"""

from __future__ import annotations

import re

from kirok.store.base import EventFilter, EventOrder, ReportFilter

__all__ = ["event_order", "event_where", "fold", "fts_query", "report_where"]

_WORD = re.compile(r"\w+")


def fold(value: str | None) -> str | None:
    """Case folding for comparisons (registered in SQLite as ``kirok_fold``)."""
    return value.casefold() if value is not None else None


def fts_query(text: str) -> str | None:
    """An FTS5 query matching every word of ``text`` (AND), each as a quoted phrase.

    A word like ``labour-training`` becomes the phrase ``"labour training"``. Returns None when the
    text holds nothing searchable (only punctuation).
    """
    phrases = []
    for word in text.split():
        tokens = _WORD.findall(word)
        if tokens:
            phrases.append('"' + " ".join(tokens).replace('"', '""') + '"')
    return " ".join(phrases) if phrases else None


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


#: The place test, run on the few hundred rows of ``event_places`` (one per distinct place) rather than
#: on every event: the folded name contains the text, or the gazetteer id or an admin path entry is it.
_PLACE = (
    "e.place_ref IN (SELECT p.id FROM event_places p"
    " WHERE kirok_fold(p.name) LIKE ? ESCAPE '\\'"
    " OR kirok_fold(p.gazetteer_id) = ?"
    " OR EXISTS (SELECT 1 FROM json_each(p.admin_path) WHERE kirok_fold(value) = ?))"
)

#: The place's province (the first admin path entry) is the one named, tested on ``event_places``.
_PROVINCE = (
    "e.place_ref IN (SELECT p.id FROM event_places p"
    " WHERE kirok_fold(json_extract(p.admin_path, '$[0]')) = ?)"
)

#: A perpetrator's name (in the event's record, the JSON of the event) contains the text, any case.
_PERPETRATOR = (
    "EXISTS (SELECT 1 FROM json_each(e.record, '$.perpetrators')"
    " WHERE kirok_fold(json_extract(value, '$.name')) LIKE ? ESCAPE '\\')"
)

#: The words are in the event's evidence or in its report's title or text.
_TEXT = (
    "(e.pk IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)"
    " OR e.report_pk IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?))"
)


def event_where(flt: EventFilter) -> tuple[str, list[object]]:
    """A WHERE clause over ``events e`` alone (no join), and its parameters.

    It reads only columns that the event indexes of migration 0004 hold, and puts the cheap tests first
    and the set lookups (place, words) last, so a scan tests them only on rows that passed the others.
    """
    clauses: list[str] = []
    params: list[object] = []
    if flt.types:
        clauses.append(f"e.type IN ({', '.join('?' * len(flt.types))})")
        params.extend(t.value for t in flt.types)
    if flt.statuses:
        clauses.append(f"e.status IN ({', '.join('?' * len(flt.statuses))})")
        params.extend(s.value for s in flt.statuses)
    if flt.report_id is not None:
        clauses.append("e.report_id = ?")
        params.append(flt.report_id)
    if flt.date_from is not None or flt.date_to is not None:
        # The event's window [earliest, latest] overlaps [date_from, date_to]; an open end is unbounded,
        # and an event without any date does not match a date filter.
        clauses.append("(e.date_earliest IS NOT NULL OR e.date_latest IS NOT NULL)")
        if flt.date_from is not None:
            clauses.append("(e.date_latest IS NULL OR e.date_latest >= ?)")
            params.append(flt.date_from.isoformat())
        if flt.date_to is not None:
            clauses.append("(e.date_earliest IS NULL OR e.date_earliest <= ?)")
            params.append(flt.date_to.isoformat())
    if flt.place is not None and flt.place.strip():
        place = flt.place.strip().casefold()
        clauses.append(_PLACE)
        params.extend([f"%{_like_escape(place)}%", place, place])
    if flt.text is not None and flt.text.strip():
        query = fts_query(flt.text)
        if query is None:
            clauses.append("0")
        else:
            clauses.append(_TEXT)
            params.extend([query, query])
    if flt.province is not None and flt.province.strip():
        clauses.append(_PROVINCE)
        params.append(flt.province.strip().casefold())
    if flt.perpetrator is not None and flt.perpetrator.strip():
        clauses.append(_PERPETRATOR)
        params.append(f"%{_like_escape(flt.perpetrator.strip().casefold())}%")
    return _where(clauses), params


#: The oldest report first, undated reports last: ``report_published IS NULL`` (0 for a dated report) leads,
#: as an index cannot put NULLs last in ascending order. Ties go to the report's id, then the position.
_OLDEST = "e.report_published IS NULL, e.report_published, e.report_id, e.position"

#: Each order's ORDER BY over ``events e``, and the index whose leading columns are exactly those keys,
#: followed by every column an event filter reads (migrations 0004 and 0005).
_ORDERS: dict[EventOrder, tuple[str, str]] = {
    EventOrder.NEWEST: ("ORDER BY e.report_published DESC, e.report_id, e.position", "events_order"),
    EventOrder.OLDEST: (f"ORDER BY {_OLDEST}", "events_oldest"),
    EventOrder.LEAST_CONFIDENT: (f"ORDER BY e.confidence, {_OLDEST}", "events_confidence"),
}


def event_order(order: EventOrder) -> tuple[str, str]:
    """The ORDER BY clause of ``order`` over ``events e``, and the name of the index that holds it."""
    return _ORDERS[order]


def report_where(flt: ReportFilter) -> tuple[str, list[object]]:
    """A WHERE clause over ``reports r``, and its parameters."""
    clauses: list[str] = []
    params: list[object] = []
    if flt.ids:
        clauses.append(f"r.id IN ({', '.join('?' * len(flt.ids))})")
        params.extend(flt.ids)
    if flt.outlet is not None and flt.outlet.strip():
        clauses.append("kirok_fold(r.outlet) = ?")
        params.append(flt.outlet.strip().casefold())
    if flt.published_from is not None:
        clauses.append("r.published >= ?")
        params.append(flt.published_from.isoformat())
    if flt.published_to is not None:
        clauses.append("r.published <= ?")
        params.append(flt.published_to.isoformat())
    if flt.text is not None and flt.text.strip():
        query = fts_query(flt.text)
        if query is None:
            clauses.append("0")
        else:
            clauses.append("r.pk IN (SELECT rowid FROM reports_fts WHERE reports_fts MATCH ?)")
            params.append(query)
    return _where(clauses), params


def _where(clauses: list[str]) -> str:
    return ("WHERE " + " AND ".join(clauses)) if clauses else ""
