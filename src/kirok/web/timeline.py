"""The timeline of events: per month and type, as an SVG stacked bar chart and as rows for a table.

An event's month is the month of its date window's earliest date (:class:`~kirok.store.base.MonthCount`).
Events whose window has no earliest date are not on the chart; they are counted apart (``undated``).
Every month from the first to the last is on the axis, empty or not. The SVG needs no script and no
style attribute: colours are the ``tl-<type>`` classes of ``kirok.css``; all text is escaped.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from kirok.model import EventType
from kirok.store.base import MonthCount
from kirok.web.present import type_label

__all__ = ["Timeline", "build_timeline", "month_range", "nice_ticks", "render_timeline"]

LEFT, RIGHT, TOP, AXIS = 48, 12, 12, 34
LEGEND_ROW, LEGEND_ITEM = 20, 170
MIN_LABEL_PX = 44


@dataclass(frozen=True)
class Timeline:
    """Counts per month (every month from the first dated event to the last) and type."""

    months: tuple[str, ...]  # "YYYY-MM", consecutive
    types: tuple[EventType, ...]  # the types present, in EventType order
    counts: dict[str, dict[EventType, int]]  # month -> type -> count (only non-zero counts)
    undated: dict[EventType, int]

    @property
    def dated_total(self) -> int:
        return sum(sum(by_type.values()) for by_type in self.counts.values())

    @property
    def undated_total(self) -> int:
        return sum(self.undated.values())

    def month_total(self, month: str) -> int:
        return sum(self.counts.get(month, {}).values())

    def rows(self) -> list[dict[str, Any]]:
        """The months that have events, for a table and for JSON."""
        return [
            {
                "month": month,
                "counts": {t.value: self.counts[month].get(t, 0) for t in self.types},
                "total": self.month_total(month),
            }
            for month in self.months
            if month in self.counts
        ]


def month_range(first: str, last: str) -> tuple[str, ...]:
    """``("2021-11", "2022-01")`` -> ``("2021-11", "2021-12", "2022-01")``."""
    year, month = int(first[:4]), int(first[5:7])
    end = (int(last[:4]), int(last[5:7]))
    out = []
    while (year, month) <= end:
        out.append(f"{year:04d}-{month:02d}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return tuple(out)


def build_timeline(counts: Sequence[MonthCount]) -> Timeline:
    by_month: dict[str, dict[EventType, int]] = {}
    undated: dict[EventType, int] = {}
    for row in counts:
        if row.count <= 0:
            continue
        target = undated if row.month is None else by_month.setdefault(row.month, {})
        target[row.type] = target.get(row.type, 0) + row.count
    present = {t for by_type in by_month.values() for t in by_type} | set(undated)
    months = month_range(min(by_month), max(by_month)) if by_month else ()
    return Timeline(months, tuple(t for t in EventType if t in present), by_month, undated)


def nice_ticks(top: int, most: int = 5) -> list[int]:
    """Round tick values from 0 up to at least ``top``: steps of 1, 2 or 5 times a power of ten."""
    if top <= 0:
        return [0, 1]
    raw = top / most
    power = 10 ** math.floor(math.log10(raw)) if raw >= 1 else 1
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    return list(range(0, step * math.ceil(top / step) + 1, step))


def _label_every(n_months: int, slot: float) -> int:
    """How many months apart the x labels are: whole years once months get too narrow to label."""
    if slot >= MIN_LABEL_PX:
        return 1
    for every in (3, 6, 12, 24, 60, 120):
        if every * slot >= MIN_LABEL_PX and (every < 12 or every % 12 == 0):
            return every
    return max(12, 12 * math.ceil(MIN_LABEL_PX / (12 * slot)))


def _labelled(month: str, every: int) -> bool:
    year, number = int(month[:4]), int(month[5:7])
    if every < 12:
        return (number - 1) % every == 0
    return number == 1 and year % (every // 12) == 0


def render_timeline(timeline: Timeline, *, width: int = 880, plot_height: int = 240) -> str:
    """The stacked bar chart of ``timeline``; an empty timeline draws the axes and says so."""
    plot_w = width - LEFT - RIGHT
    per_row = max(1, plot_w // LEGEND_ITEM)
    legend_rows = math.ceil(len(timeline.types) / per_row)
    height = TOP + plot_height + AXIS + legend_rows * LEGEND_ROW + 4
    top = max((timeline.month_total(m) for m in timeline.months), default=0)
    ticks = nice_ticks(top)
    y_max = ticks[-1]
    base_y = TOP + plot_height

    def y(value: float) -> float:
        return base_y - plot_height * value / y_max

    out: list[str] = []
    for tick in ticks:
        out.append(
            f'<line class="tl-grid" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(tick):.1f}" y2="{y(tick):.1f}"/>'
        )
        out.append(f'<text class="tl-label tl-y" x="{LEFT - 6}" y="{y(tick):.1f}">{tick}</text>')
    n = len(timeline.months)
    slot = plot_w / n if n else plot_w
    gap = slot * 0.15 if slot > 4 else 0.0
    every = _label_every(n, slot) if n else 1
    for i, month in enumerate(timeline.months):
        x = LEFT + i * slot
        stacked = 0
        for t in timeline.types:
            count = timeline.counts.get(month, {}).get(t, 0)
            if not count:
                continue
            title = f"{month} · {type_label(t)}: {count}"
            out.append(
                f'<rect class="tl-{t.value}" x="{x + gap / 2:.2f}" y="{y(stacked + count):.2f}" '
                f'width="{max(slot - gap, 0.5):.2f}" height="{y(stacked) - y(stacked + count):.2f}">'
                f"<title>{escape(title)}</title></rect>"
            )
            stacked += count
        if _labelled(month, every):
            text = month if every < 12 else month[:4]
            cx = x + slot / 2 if every < 12 else x
            out.append(f'<line class="tl-axis" x1="{cx:.1f}" x2="{cx:.1f}" y1="{base_y}" y2="{base_y + 4}"/>')
            out.append(f'<text class="tl-label tl-x" x="{cx:.1f}" y="{base_y + 16}">{escape(text)}</text>')
    out.append(f'<line class="tl-axis" x1="{LEFT}" x2="{LEFT + plot_w}" y1="{base_y}" y2="{base_y}"/>')
    out.append(f'<line class="tl-axis" x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{base_y}"/>')
    if not n:
        out.append(
            f'<text class="tl-title" x="{LEFT + 8}" y="{TOP + plot_height / 2:.0f}">No dated events.</text>'
        )
    legend_top = base_y + AXIS
    for i, t in enumerate(timeline.types):
        lx = LEFT + (i % per_row) * LEGEND_ITEM
        ly = legend_top + (i // per_row) * LEGEND_ROW
        out.append(f'<rect class="tl-{t.value}" x="{lx}" y="{ly}" width="12" height="12"/>')
        out.append(f'<text class="tl-label" x="{lx + 17}" y="{ly + 10}">{escape(type_label(t))}</text>')
    first = timeline.months[0] if n else None
    last = timeline.months[-1] if n else None
    summary = (
        f"Events per month by type, {first} to {last}: {timeline.dated_total} dated events"
        if n
        else "Events per month by type: no dated events"
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-label="{escape(summary)}">'
        f"<title>{escape(summary)}</title>{''.join(out)}</svg>"
    )
