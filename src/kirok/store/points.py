"""The map's query: events grouped by where they are drawn, counted in SQL at any size of store.

Events are grouped first by their place row (``event_places``, migration 0004) and coordinates, reading
the covering index ``events_map_places`` (migration 0006) alone; the few hundred groups then take their
names and province from their place rows and are merged here into one :class:`EventPoint` per drawn
place (coordinates, precision and province). Only the events that stand alone at a place are looked up
by id, so the map can link straight to them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import date

from kirok.model import EventType, PlacePrecision
from kirok.store.base import EventFilter, EventPoint
from kirok.store.filters import event_where

__all__ = ["event_points", "point_order"]

_GROUPS = (
    "SELECT e.place_ref, e.place_lat, e.place_lon, e.place_precision, count(*), min(e.pk),"
    " min(e.type), max(e.type), min(e.date_earliest), max(e.date_latest)"
    " FROM events e INDEXED BY events_map_places {where}"
    " GROUP BY e.place_ref, e.place_lat, e.place_lon, e.place_precision"
)


@dataclass
class _Point:
    count: int = 0
    first_pk: int | None = None
    names: list[str] = field(default_factory=list)
    gazetteer_ids: list[str] = field(default_factory=list)
    types: set[str] = field(default_factory=set)
    earliest: str | None = None
    latest: str | None = None


_PlaceRow = tuple[str | None, str | None, str | None]  # name, gazetteer id, province
_NOWHERE: _PlaceRow = (None, None, None)


def _in(n: int) -> str:
    return ",".join("?" * n)


def _place_rows(conn: sqlite3.Connection, refs: set[int]) -> dict[int, _PlaceRow]:
    """``place_ref -> (name, gazetteer id, province)`` for the place rows the groups name."""
    found: dict[int, _PlaceRow] = {}
    ordered = sorted(refs)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        rows = conn.execute(
            f"SELECT id, name, gazetteer_id, admin_path FROM event_places WHERE id IN ({_in(len(chunk))})",
            chunk,
        )
        for ref, name, gazetteer_id, admin_path in rows:
            path = json.loads(admin_path) if admin_path else []
            found[int(ref)] = (name, gazetteer_id, str(path[0]) if path else None)
    return found


def _event_ids(conn: sqlite3.Connection, pks: list[int]) -> dict[int, str]:
    ids: dict[int, str] = {}
    for i in range(0, len(pks), 500):
        chunk = pks[i : i + 500]
        for pk, event_id in conn.execute(f"SELECT pk, id FROM events WHERE pk IN ({_in(len(chunk))})", chunk):
            ids[int(pk)] = str(event_id)
    return ids


def point_order(point: EventPoint) -> tuple[object, ...]:
    """Most events first, then by name and position; the rest only makes the order total."""
    return (
        -point.count,
        point.place_name or "",
        point.latitude or 0,
        point.longitude or 0,
        point.precision.value,
        point.province or "",
        point.gazetteer_id or "",
        point.event_id or "",
    )


def event_points(conn: sqlite3.Connection, flt: EventFilter) -> list[EventPoint]:
    """The events matching ``flt`` grouped by where they are drawn, most events first."""
    where, params = event_where(flt)
    groups = conn.execute(_GROUPS.format(where=where), params).fetchall()
    places = _place_rows(conn, {int(g[0]) for g in groups if g[0] is not None})
    merged: dict[tuple[float | None, float | None, str, str | None], _Point] = {}
    for ref, lat, lon, precision, count, first_pk, low_type, high_type, earliest, latest in groups:
        name, gazetteer_id, province = places.get(int(ref), _NOWHERE) if ref is not None else _NOWHERE
        point = merged.setdefault((lat, lon, precision or PlacePrecision.UNKNOWN.value, province), _Point())
        point.count += int(count)
        point.first_pk = first_pk if point.first_pk is None else min(point.first_pk, first_pk)
        point.names += [name] if name is not None else []
        point.gazetteer_ids += [gazetteer_id] if gazetteer_id is not None else []
        point.types |= {low_type, high_type}
        point.earliest = min(filter(None, (point.earliest, earliest)), default=None)
        point.latest = max(filter(None, (point.latest, latest)), default=None)
    lone = _event_ids(conn, [p.first_pk for p in merged.values() if p.count == 1 and p.first_pk is not None])
    points = [
        EventPoint(
            latitude=lat,
            longitude=lon,
            precision=PlacePrecision(precision),
            province=province,
            count=p.count,
            place_name=min(p.names, default=None),
            gazetteer_id=min(p.gazetteer_ids, default=None),
            event_id=lone.get(p.first_pk) if p.count == 1 and p.first_pk is not None else None,
            event_type=EventType(next(iter(p.types))) if len(p.types) == 1 else None,
            date_from=date.fromisoformat(p.earliest) if p.earliest else None,
            date_to=date.fromisoformat(p.latest) if p.latest else None,
        )
        for (lat, lon, precision, province), p in merged.items()
    ]
    return sorted(points, key=point_order)
