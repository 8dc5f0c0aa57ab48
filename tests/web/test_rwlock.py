"""The app's readers-writer lock: readers share it, a writer runs alone and is not starved."""

from __future__ import annotations

import threading
import time

from kirok.web.rwlock import ReadWriteLock


def test_two_readers_hold_it_at_once() -> None:
    lock = ReadWriteLock()
    inside = threading.Barrier(2, timeout=5)

    def read() -> None:
        with lock.reading():
            inside.wait()  # both readers must be inside together, or the barrier times out

    threads = [threading.Thread(target=read) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(5)
    assert not inside.broken


def test_a_writer_waits_for_readers_and_runs_alone() -> None:
    lock = ReadWriteLock()
    events: list[str] = []
    reader_in = threading.Event()
    release_reader = threading.Event()

    def read() -> None:
        with lock.reading():
            events.append("read-start")
            reader_in.set()
            release_reader.wait(5)
            events.append("read-end")

    def write() -> None:
        with lock.writing():
            events.append("write")

    reader = threading.Thread(target=read)
    reader.start()
    reader_in.wait(5)
    writer = threading.Thread(target=write)
    writer.start()
    time.sleep(0.05)
    assert events == ["read-start"]  # the writer is still waiting
    release_reader.set()
    reader.join(5)
    writer.join(5)
    assert events == ["read-start", "read-end", "write"]


def test_a_waiting_writer_holds_back_new_readers() -> None:
    lock = ReadWriteLock()
    order: list[str] = []
    first_in = threading.Event()
    release_first = threading.Event()

    def first_reader() -> None:
        with lock.reading():
            first_in.set()
            release_first.wait(5)
        order.append("first-read-done")

    def writer() -> None:
        with lock.writing():
            order.append("write")

    def late_reader() -> None:
        with lock.reading():
            order.append("late-read")

    t1 = threading.Thread(target=first_reader)
    t1.start()
    first_in.wait(5)
    t2 = threading.Thread(target=writer)
    t2.start()
    time.sleep(0.05)
    t3 = threading.Thread(target=late_reader)
    t3.start()
    time.sleep(0.05)
    assert "late-read" not in order  # queued behind the waiting writer
    release_first.set()
    for t in (t1, t2, t3):
        t.join(5)
    assert order.index("write") < order.index("late-read")


def test_an_error_inside_releases_the_lock() -> None:
    lock = ReadWriteLock()
    for hold in (lock.reading, lock.writing):
        try:
            with hold():
                raise ValueError("inside")
        except ValueError:
            pass
    with lock.writing():  # would block forever if either hold had leaked
        pass
