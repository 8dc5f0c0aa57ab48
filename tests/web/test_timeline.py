"""The timeline: months filled in, undated events apart, stacked bars with titles, axis labels, legend."""

from __future__ import annotations

import pytest

from kirok.model import EventType
from kirok.store.base import MonthCount
from kirok.web.timeline import build_timeline, month_range, nice_ticks, render_timeline

from .svg import SVG, number, parse, title

COUNTS = [
    MonthCount(None, EventType.ESCAPE, 2),
    MonthCount("2021-11", EventType.ARREST, 3),
    MonthCount("2021-11", EventType.DETENTION, 1),
    MonthCount("2022-02", EventType.ARREST, 5),
]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        ("2021-11", "2021-11", ("2021-11",)),
        ("2021-11", "2022-02", ("2021-11", "2021-12", "2022-01", "2022-02")),
        ("2019-12", "2020-01", ("2019-12", "2020-01")),
    ],
)
def test_month_range(first: str, last: str, expected: tuple[str, ...]) -> None:
    assert month_range(first, last) == expected


@pytest.mark.parametrize(
    ("top", "ticks"),
    [(0, [0, 1]), (1, [0, 1]), (3, [0, 1, 2, 3]), (7, [0, 2, 4, 6, 8]), (48, [0, 10, 20, 30, 40, 50]),
     (1716, [0, 500, 1000, 1500, 2000])],
)  # fmt: skip
def test_nice_ticks(top: int, ticks: list[int]) -> None:
    assert nice_ticks(top) == ticks


def test_build_fills_the_gaps_and_keeps_undated_apart() -> None:
    timeline = build_timeline(COUNTS)
    assert timeline.months == ("2021-11", "2021-12", "2022-01", "2022-02")
    assert timeline.types == (EventType.ARREST, EventType.DETENTION, EventType.ESCAPE)  # EventType order
    assert timeline.undated == {EventType.ESCAPE: 2}
    assert (timeline.dated_total, timeline.undated_total) == (9, 2)
    assert timeline.rows() == [
        {"month": "2021-11", "counts": {"arrest": 3, "detention": 1, "escape": 0}, "total": 4},
        {"month": "2022-02", "counts": {"arrest": 5, "detention": 0, "escape": 0}, "total": 5},
    ]


def test_bars_are_stacked_by_type_with_titles() -> None:
    root = parse(render_timeline(build_timeline(COUNTS), width=600, plot_height=200))
    bars = [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert [title(r) for r in bars] == [
        "2021-11 · arrest: 3",
        "2021-11 · detention: 1",
        "2022-02 · arrest: 5",
    ]
    arrest, detention, later = bars
    assert [r.get("class") for r in bars] == ["tl-arrest", "tl-detention", "tl-arrest"]
    # detention sits on top of arrest in the same month; heights are proportional to counts
    assert number(detention, "y") + number(detention, "height") == pytest.approx(number(arrest, "y"))
    assert number(arrest, "height") == pytest.approx(3 * number(detention, "height"))
    assert number(later, "x") > number(arrest, "x")
    assert all(el.get("style") is None for el in root.iter())


def test_axis_labels_and_legend() -> None:
    root = parse(render_timeline(build_timeline(COUNTS), width=600))
    texts = [t.text for t in root.iter(f"{SVG}text")]
    assert texts[:6] == ["0", "1", "2", "3", "4", "5"]  # the y axis
    assert {"2021-11", "2021-12", "2022-01", "2022-02"} <= set(texts)  # wide months: each labelled
    assert texts[-3:] == ["arrest", "detention", "escape"]  # the legend
    assert root.get("aria-label") == "Events per month by type, 2021-11 to 2022-02: 9 dated events"


def test_many_months_are_labelled_by_year() -> None:
    counts = [
        MonthCount(f"{y}-{m:02d}", EventType.ARREST, 1) for y in range(2015, 2026) for m in range(1, 13)
    ]
    root = parse(render_timeline(build_timeline(counts), width=880))
    labels = [t.text for t in root.iter(f"{SVG}text") if t.get("class") == "tl-label tl-x"]
    assert labels == [str(y) for y in range(2015, 2026)]


def test_an_empty_timeline_says_so() -> None:
    timeline = build_timeline([MonthCount(None, EventType.ARREST, 4)])
    assert timeline.months == () and timeline.undated_total == 4
    root = parse(render_timeline(timeline))
    assert "No dated events." in [t.text for t in root.iter(f"{SVG}text")]
    assert not [r for r in root.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]
    assert parse(render_timeline(build_timeline([]))).get("aria-label") == (
        "Events per month by type: no dated events"
    )
