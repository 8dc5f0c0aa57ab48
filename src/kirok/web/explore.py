"""The map and the timeline pages: the same filters as ``/events``, drawn instead of listed.

Both answer HTML and JSON from one :class:`~kirok.web.views.View`. Links inside the drawings are relative
to the page (``events/<id>``, ``events?place=...``), so they work under any root path.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import quote, urlencode

from markupsafe import Markup

from kirok.model import EventType, ReviewStatus
from kirok.store.base import EventPoint, Store
from kirok.web.mapsvg import event_map, marker_title, render_map
from kirok.web.site import GET, RouteSpec, Site
from kirok.web.timeline import build_timeline, render_timeline
from kirok.web.views import Query, View, event_filter

__all__ = [
    "MAP_WIDTH",
    "PLACES_LISTED",
    "event_map",
    "explore_routes",
    "filter_items",
    "map_page",
    "place_key",
    "timeline_page",
]

MAP_WIDTH = 640
PLACES_LISTED = 100


def filter_items(shown: Mapping[str, str | list[str] | None]) -> list[tuple[str, str]]:
    """The shown filter values as query items, in the order of the filter form."""
    items: list[tuple[str, str]] = []
    for name, value in shown.items():
        if value is None:
            continue
        items.extend((name, v) for v in ([value] if isinstance(value, str) else value))
    return items


def place_key(point: EventPoint) -> str | None:
    """What ``place=`` finds a point's events by: its gazetteer id, else its name, else its province."""
    return point.gazetteer_id or point.place_name or point.province


def _point_href(point: EventPoint, keep: list[tuple[str, str]]) -> str:
    if point.event_id is not None:
        return f"events/{quote(point.event_id, safe='')}"
    key = place_key(point)
    items = [(k, v) for k, v in keep if k != "place"] + ([("place", key)] if key else [])
    return "events" + (f"?{urlencode(items)}" if items else "")


def _point_data(point: EventPoint, href: str) -> dict[str, Any]:
    return {
        "latitude": point.latitude,
        "longitude": point.longitude,
        "precision": point.precision.value,
        "province": point.province,
        "place": point.place_name,
        "gazetteer_id": point.gazetteer_id,
        "count": point.count,
        "event_id": point.event_id,
        "type": point.event_type.value if point.event_type else None,
        "date_from": point.date_from.isoformat() if point.date_from else None,
        "date_to": point.date_to.isoformat() if point.date_to else None,
        "href": href,
        "title": marker_title(point),
    }


def _form_context(keep: list[tuple[str, str]]) -> dict[str, Any]:
    query = urlencode(keep)
    return {
        "all_types": list(EventType),
        "all_statuses": list(ReviewStatus),
        "filter_query": f"?{query}" if query else "",
    }


def map_page(store: Store, query: Query) -> View:
    """``/map``: the filtered events on a map of North Korea, each place drawn at its precision."""
    flt, shown = event_filter(query)
    keep = filter_items(shown)
    points = store.event_points(flt)
    drawing = render_map(points, href=lambda p: _point_href(p, keep), width=MAP_WIDTH)
    places = [_point_data(p, _point_href(p, keep)) for p in points]
    data = {
        "filters": shown,
        "total": sum(p.count for p in points),
        "drawn": drawing.drawn,
        "not_placed": drawing.not_placed,
        "outside": drawing.outside,
        "places": places,
    }
    context = {
        **_form_context(keep),
        "map_svg": Markup(drawing.svg),  # built from escaped parts by mapsvg
        "places_listed": places[:PLACES_LISTED],
    }
    return View("map.html", "Map of events", data, context)


def timeline_page(store: Store, query: Query) -> View:
    """``/timeline``: the filtered events per month (of their earliest date) and type."""
    flt, shown = event_filter(query)
    keep = filter_items(shown)
    timeline = build_timeline(store.event_month_counts(flt))
    data = {
        "filters": shown,
        "total": timeline.dated_total + timeline.undated_total,
        "types": [t.value for t in timeline.types],
        "first_month": timeline.months[0] if timeline.months else None,
        "last_month": timeline.months[-1] if timeline.months else None,
        "months": timeline.rows(),
        "undated": timeline.undated_total,
        "undated_by_type": {t.value: n for t, n in timeline.undated.items()},
    }
    context = {
        **_form_context(keep),
        "timeline_svg": Markup(render_timeline(timeline)),  # built from escaped parts
        "timeline_types": list(timeline.types),
    }
    return View("timeline.html", "Timeline of events", data, context)


def explore_routes(site: Site) -> list[RouteSpec]:
    """``/map`` and ``/timeline`` (their ``.json`` are path operations of :mod:`kirok.web.api`)."""
    map_endpoint, timeline_endpoint = site.page(map_page), site.page(timeline_page)
    return [
        ("/map", map_endpoint, GET),
        ("/timeline", timeline_endpoint, GET),
    ]
