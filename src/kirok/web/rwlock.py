"""A readers-writer lock: many pages read the store at once, a write (a review, an ingest job) waits for
them and runs alone, and a waiting write holds back new readers so it is never starved.

SQLite serves concurrent readers from separate connections and its C code releases the GIL, so two
pages can use both cores; what the app still needs a lock for is that a page sees one state of the
store across its several calls, and that a review's read-modify-write is not interleaved with another.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["ReadWriteLock"]


class ReadWriteLock:
    """Shared (:meth:`reading`) and exclusive (:meth:`writing`) holds; writers go first when waiting."""

    def __init__(self) -> None:
        self._cond = threading.Condition(threading.Lock())
        self._readers = 0
        self._writing = False
        self._writers_waiting = 0

    @contextmanager
    def reading(self) -> Iterator[None]:
        with self._cond:
            while self._writing or self._writers_waiting:
                self._cond.wait()
            self._readers += 1
        try:
            yield
        finally:
            with self._cond:
                self._readers -= 1
                if self._readers == 0:
                    self._cond.notify_all()

    @contextmanager
    def writing(self) -> Iterator[None]:
        with self._cond:
            self._writers_waiting += 1
            try:
                while self._writing or self._readers:
                    self._cond.wait()
            finally:
                self._writers_waiting -= 1
            self._writing = True
        try:
            yield
        finally:
            with self._cond:
                self._writing = False
                self._cond.notify_all()
