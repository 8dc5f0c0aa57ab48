"""The map of events as an SVG string: North Korea's provinces, and each place drawn as precisely as known.

Boundaries come from ``kirok/data/boundaries.json`` (Natural Earth, public domain; built by
``scripts/build_boundaries.py``), shipped with the package: nothing is fetched at run time. The map is a
Mercator projection fitted to North Korea. A place is drawn by its precision: an exact place as a dot, a
place known to its sub-unit or county as a circle of the ground it may cover (:data:`RADIUS_KM`), a place
known to its province as the province shaded (or a wide ring where no shape matches); country-level and
unknown places are not drawn but counted. Each marker links to its events and carries a ``<title>``.
All text is escaped; the SVG needs no script and no style attribute (classes live in ``kirok.css``).
"""

from __future__ import annotations

import json
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from html import escape
from importlib.resources import files
from urllib.parse import urlencode

from markupsafe import Markup

from kirok.model import Event, PlacePrecision
from kirok.store.base import EventPoint
from kirok.web.present import type_label

__all__ = [
    "event_map",
    "LABELLED_MARKERS",
    "RADIUS_KM",
    "Boundaries",
    "MapSvg",
    "ProvinceShape",
    "Projection",
    "event_point",
    "load_boundaries",
    "marker_title",
    "render_event_map",
    "render_map",
]

#: The ground a circle covers for each precision drawn as a circle (kilometres).
RADIUS_KM: dict[PlacePrecision, float] = {
    PlacePrecision.SUB_UNIT: 5.0,
    PlacePrecision.COUNTY: 15.0,
    PlacePrecision.PROVINCE: 40.0,  # only for a province without a shape on the map
}
NOT_DRAWN = (PlacePrecision.COUNTRY, PlacePrecision.UNKNOWN)
PAD_DEGREES = 0.25
MIN_CIRCLE_PX = 2.5
#: Counts are written on the markers only when there are at most this many (else they would overlap);
#: every marker's title still says its count.
LABELLED_MARKERS = 60
KM_PER_DEGREE = 111.32

Ring = tuple[tuple[float, float], ...]  # (lon, lat) pairs


@dataclass(frozen=True)
class ProvinceShape:
    id: str  # ISO 3166-2, "KP-09"
    name: str
    names: frozenset[str]  # case-folded spellings, for matching an event's province
    gazetteer_id: str | None
    label: tuple[float, float]  # (lon, lat)
    rings: tuple[Ring, ...]


@dataclass(frozen=True)
class Boundaries:
    provinces: tuple[ProvinceShape, ...]
    land: tuple[tuple[str, tuple[Ring, ...]], ...]  # neighbour country -> its land in the window
    lines: tuple[tuple[str, tuple[tuple[float, float], ...]], ...]  # ("coast" | "border", points)

    def province_for(self, point: EventPoint) -> ProvinceShape | None:
        """The province shape an event point names, by gazetteer id first, then by name."""
        for shape in self.provinces:
            if point.gazetteer_id and shape.gazetteer_id == point.gazetteer_id:
                return shape
        for name in (point.province, point.place_name):
            if name:
                for shape in self.provinces:
                    if name.casefold() in shape.names:
                        return shape
        return None


@cache
def load_boundaries() -> Boundaries:
    """The shipped boundaries, read once per process (the file never changes while it runs)."""
    raw = json.loads(files("kirok").joinpath("data/boundaries.json").read_text(encoding="utf-8"))

    def ring(points: list[list[float]]) -> Ring:
        return tuple((float(x), float(y)) for x, y in points)

    provinces = tuple(
        ProvinceShape(
            id=p["id"],
            name=p["name"],
            names=frozenset(n.casefold() for n in [p["name"], *p["names"]]),
            gazetteer_id=p["gazetteer_id"],
            label=(float(p["label"][0]), float(p["label"][1])),
            rings=tuple(ring(r) for r in p["rings"]),
        )
        for p in raw["provinces"]
    )
    land = tuple((entry["country"], tuple(ring(r) for r in entry["rings"])) for entry in raw["land"])
    lines = tuple((line["kind"], ring(line["points"])) for line in raw["lines"])
    return Boundaries(provinces, land, lines)


def _mercator(lat: float) -> float:
    """Mercator's y in degree units (equal to longitude degrees at the equator)."""
    return math.degrees(math.log(math.tan(math.pi / 4 + math.radians(lat) / 2)))


@dataclass(frozen=True)
class Projection:
    """Mercator fitted to a box: longitude ``west`` at x=0, latitude ``north`` at y=0, ``scale`` px/degree."""

    west: float
    north: float
    scale: float
    width: int
    height: int

    @classmethod
    def fit(cls, west: float, south: float, east: float, north: float, width: int) -> Projection:
        scale = width / (east - west)
        height = math.ceil((_mercator(north) - _mercator(south)) * scale)
        return cls(west, north, scale, width, height)

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.scale, (_mercator(self.north) - _mercator(lat)) * self.scale

    def px_per_km(self, lat: float) -> float:
        return self.scale / (KM_PER_DEGREE * math.cos(math.radians(lat)))

    def contains(self, x: float, y: float) -> bool:
        return 0 <= x <= self.width and 0 <= y <= self.height


def _fit(boundaries: Boundaries, width: int) -> Projection:
    lons = [x for p in boundaries.provinces for r in p.rings for x, _ in r]
    lats = [y for p in boundaries.provinces for r in p.rings for _, y in r]
    pad = PAD_DEGREES
    return Projection.fit(min(lons) - pad, min(lats) - pad, max(lons) + pad, max(lats) + pad, width)


def _path(projection: Projection, rings: Iterable[Sequence[tuple[float, float]]], closed: bool = True) -> str:
    parts = []
    for ring in rings:
        xy = [projection.xy(lon, lat) for lon, lat in ring]
        parts.append("M" + "L".join(f"{x:.1f} {y:.1f}" for x, y in xy) + ("Z" if closed else ""))
    return "".join(parts)


@lru_cache(maxsize=8)
def _base(width: int) -> tuple[Projection, str, dict[str, str]]:
    """The projection, the base layer (sea, land, provinces, coasts, borders) and each province's path."""
    boundaries = load_boundaries()
    projection = _fit(boundaries, width)
    out = [f'<rect class="map-sea" x="0" y="0" width="{projection.width}" height="{projection.height}"/>']
    for country, rings in boundaries.land:
        out.append(f'<path class="map-land map-{escape(country.lower())}" d="{_path(projection, rings)}"/>')
    paths: dict[str, str] = {}
    for shape in boundaries.provinces:
        d = _path(projection, shape.rings)
        paths[shape.id] = d
        out.append(f'<path class="map-province" d="{d}"><title>{escape(shape.name)}</title></path>')
    for kind, points in boundaries.lines:
        out.append(f'<path class="map-{kind}" d="{_path(projection, [points], closed=False)}"/>')
    return projection, "".join(out), paths


@dataclass(frozen=True)
class MapSvg:
    """A rendered map and what it could not draw: events without a place precise enough, or off the map."""

    svg: str
    drawn: int  # events drawn
    not_placed: int  # events at country level, of unknown place, or without coordinates or shape
    outside: int  # events placed outside the map's area
    width: int
    height: int


def _dates(point: EventPoint) -> str:
    first = point.date_from.isoformat() if point.date_from else None
    last = point.date_to.isoformat() if point.date_to else None
    if first is None and last is None:
        return "date unknown"
    if first == last:
        return str(first)
    return f"{first or '…'} – {last or '…'}"


def marker_title(point: EventPoint) -> str:
    """``arrest · 2021-10-12 · Hyesan (county)``; for several events ``12 events · ...``."""
    place = point.place_name or point.province or "unnamed place"
    precision = point.precision.value.replace("_", " ")
    head = type_label(point.event_type) if point.event_type else "events of several types"
    if point.count > 1:
        head = f"{point.count} events · {head}"
    return f"{head} · {_dates(point)} · {place} ({precision})"


def _merge(points: Sequence[EventPoint], shape: ProvinceShape) -> EventPoint:
    """Points that fall on one province shape, as one point named after the province."""
    count = sum(p.count for p in points)
    types = {p.event_type for p in points}
    firsts = [p.date_from for p in points if p.date_from]
    lasts = [p.date_to for p in points if p.date_to]
    return replace(
        points[0],
        count=count,
        place_name=shape.name,
        province=shape.name,
        gazetteer_id=shape.gazetteer_id or points[0].gazetteer_id,
        event_id=points[0].event_id if count == 1 else None,
        event_type=points[0].event_type if len(types) == 1 else None,
        date_from=min(firsts) if firsts else None,
        date_to=max(lasts) if lasts else None,
    )


def _shade(count: int, most: int) -> int:
    """Shade 1 (few) to 5 (the most events of any province)."""
    return 1 + min(4, int(4 * math.log(count) / math.log(most))) if most > 1 else 3


def _marker(href: str, title: str, body: str) -> str:
    return f'<a href="{escape(href)}"><title>{escape(title)}</title>{body}</a>'


def _count_text(x: float, y: float, count: int, labelled: bool) -> str:
    return f'<text class="m-count" x="{x:.1f}" y="{y:.1f}">{count}</text>' if labelled and count > 1 else ""


def render_map(
    points: Sequence[EventPoint],
    *,
    href: Callable[[EventPoint], str],
    width: int = 640,
    label: str = "Map of events in North Korea",
) -> MapSvg:
    """The map of ``points`` at ``width`` pixels; ``href`` gives each marker's link."""
    boundaries = load_boundaries()
    projection, base, province_paths = _base(width)
    not_placed = outside = 0
    by_province: dict[str, list[EventPoint]] = {}
    circles: list[tuple[float, float, float, EventPoint]] = []  # radius, x, y, point
    for point in points:
        if point.precision in NOT_DRAWN:
            not_placed += point.count
            continue
        shape = boundaries.province_for(point) if point.precision is PlacePrecision.PROVINCE else None
        if shape is not None:
            by_province.setdefault(shape.id, []).append(point)
            continue
        if point.latitude is None or point.longitude is None:
            not_placed += point.count
            continue
        x, y = projection.xy(point.longitude, point.latitude)
        if not projection.contains(x, y):
            outside += point.count
            continue
        if point.precision is PlacePrecision.EXACT:
            radius = min(3.0 + math.sqrt(point.count), 12.0)
        else:
            radius = max(RADIUS_KM[point.precision] * projection.px_per_km(point.latitude), MIN_CIRCLE_PX)
        circles.append((radius, x, y, point))

    layers: list[str] = []
    shapes = {s.id: s for s in boundaries.provinces}
    merged = [(shapes[pid], _merge(found, shapes[pid])) for pid, found in sorted(by_province.items())]
    most = max((p.count for _, p in merged), default=1)
    labelled = len(merged) + len(circles) <= LABELLED_MARKERS
    for shape, point in merged:
        d = province_paths[shape.id]
        lx, ly = projection.xy(*shape.label)
        body = f'<path class="m-province shade-{_shade(point.count, most)}" d="{d}"/>'
        layers.append(
            _marker(href(point), marker_title(point), body + _count_text(lx, ly, point.count, labelled))
        )
    circles.sort(key=lambda c: (-c[0], c[1], c[2]))
    for radius, x, y, point in circles:
        kind = point.precision.value if point.precision is not PlacePrecision.PROVINCE else "province-ring"
        body = f'<circle class="m-{kind}" cx="{x:.1f}" cy="{y:.1f}" r="{radius:.1f}"/>'
        if point.precision is PlacePrecision.EXACT:  # the count beside the dot, not over it
            body += _count_text(x + radius + 5, y - radius, point.count, labelled)
        else:
            body += _count_text(x, y, point.count, labelled)
        layers.append(_marker(href(point), marker_title(point), body))

    drawn = sum(p.count for _, p in merged) + sum(c[3].count for c in circles)
    svg = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="map" viewBox="0 0 {projection.width} '
        f'{projection.height}" width="{projection.width}" height="{projection.height}" role="group" '
        f'aria-label="{escape(label)}">{base}<g class="markers">{"".join(layers)}</g></svg>'
    )
    return MapSvg(svg, drawn, not_placed, outside, projection.width, projection.height)


def event_point(event: Event) -> EventPoint:
    """One event as a point of its own, for :func:`render_event_map`."""
    place = event.place
    window = event.date
    return EventPoint(
        latitude=place.latitude if place else None,
        longitude=place.longitude if place else None,
        precision=place.precision if place else PlacePrecision.UNKNOWN,
        province=place.admin_path[0] if place and place.admin_path else None,
        count=1,
        place_name=place.name if place else None,
        gazetteer_id=place.gazetteer_id if place else None,
        event_id=event.id,
        event_type=event.type,
        date_from=window.earliest if window else None,
        date_to=window.latest if window else None,
    )


def render_event_map(event: Event, *, href: str, width: int = 280) -> MapSvg:
    """A small map of one event, its marker linking to ``href``."""
    return render_map(
        [event_point(event)], href=lambda _: href, width=width, label=f"Where event {event.id} happened"
    )


def event_map(event: Event, *, width: int = 280) -> Markup | None:
    """The small map for an event's page, or None when its place is not precise enough to draw.

    Relative to ``/events/<id>``, its marker links to the map of the events at the same place.
    """
    place = event.place
    key = (place.gazetteer_id or place.name) if place else None
    href = "../map" + (f"?{urlencode([('place', key)])}" if key else "")
    drawing = render_event_map(event, href=href, width=width)
    return Markup(drawing.svg) if drawing.drawn else None  # built from escaped parts
