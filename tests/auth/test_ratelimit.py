from __future__ import annotations

from datetime import datetime, timedelta

from kirok.auth.ratelimit import retry_after

from .clock import START

WINDOW = timedelta(minutes=15)


def minutes_ago(*values: float) -> list[datetime]:
    return [START - timedelta(minutes=v) for v in values]


def test_below_the_limit_is_allowed() -> None:
    assert retry_after([], 5, WINDOW, START) is None
    assert retry_after(minutes_ago(4, 3, 2, 1), 5, WINDOW, START) is None


def test_at_the_limit_waits_until_the_oldest_counted_failure_leaves_the_window() -> None:
    assert retry_after(minutes_ago(10, 4, 3, 2, 1), 5, WINDOW, START) == 5 * 60
    assert retry_after(minutes_ago(14, 13, 10, 4, 3, 2, 1), 5, WINDOW, START) == 5 * 60


def test_failures_outside_the_window_do_not_count() -> None:
    assert retry_after(minutes_ago(20, 16, 15, 3, 2, 1), 5, WINDOW, START) is None


def test_the_wait_is_at_least_one_second() -> None:
    waits = retry_after([START - WINDOW + timedelta(milliseconds=100)] * 5, 5, WINDOW, START)
    assert waits == 1
