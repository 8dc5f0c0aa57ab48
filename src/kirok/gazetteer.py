"""The gazetteer: North Korean provinces, counties, towns, sub-units and facilities, plus the foreign places
reports name, each with its spellings and its parent.

Built by ``scripts/build_gazetteer.py`` into ``kirok/data/gazetteer.json`` (sources and licences in
``kirok/data/GAZETTEER_SOURCES.md``). Names are indexed by :func:`kirok.romanize.name_key`, so every
spelling of a name finds the entry.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from types import MappingProxyType
from typing import Any

from kirok.errors import ConfigError
from kirok.model import PlacePrecision
from kirok.romanize import (
    hangul_kind,
    is_hangul,
    join_keys,
    light_form,
    load_tables,
    name_parts,
    token_key,
    word_spans,
)

__all__ = ["LEVELS", "Gazetteer", "GazetteerEntry", "NameIndexEntry", "NameMatch"]

LEVELS = ("country", "province", "county", "town", "sub_unit", "facility", "river", "crossing")

#: Which entry to prefer when a bare name fits several: a county before a town or province of that name.
_LEVEL_RANK = {"county": 0, "town": 1, "province": 2, "sub_unit": 3, "facility": 4, "crossing": 5}
_LEVEL_RANK.update(river=6, country=7)
#: A suffix in the text ("Hoeryong City", "Onsong-gun") -> the levels it can name.
_KIND_LEVELS: Mapping[str, frozenset[str]] = MappingProxyType(
    {
        "province": frozenset({"province"}),
        "city": frozenset({"county", "province", "town"}),
        "special_city": frozenset({"province"}),  # 평양직할시, 남포특별시: the province-level unit
        "county": frozenset({"county"}),
        "town": frozenset({"town", "county"}),
        "workers_district": frozenset({"town", "sub_unit"}),
        "sub_unit": frozenset({"sub_unit", "facility"}),
        "district": frozenset({"sub_unit", "county"}),
    }
)
_BOUND_KINDS = frozenset({"sub_unit", "district"})
#: The longest name, in tokens, the scanner tries ("Political Prison Camp No. 15" is six).
_MAX_TOKENS = 8
_JOINERS = frozenset({"", " ", "-", "\u00a0", " - ", "'s ", "’s "})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    id: str
    name: str
    names: tuple[str, ...]
    level: str
    parent: str | None
    lat: float | None
    lon: float | None
    country: str
    source: str
    coords: str  # "geonames", "centroid", "curated", "kirok-curated" (a seat we placed) or "parent"

    @property
    def precision(self) -> PlacePrecision:
        """How exactly this entry places an event (ACLED style); a river never places one exactly."""
        if self.level == "country":
            return PlacePrecision.COUNTRY
        if self.level == "province":
            return PlacePrecision.PROVINCE
        if self.level == "county":
            return PlacePrecision.COUNTY
        if self.level == "river":
            return PlacePrecision.UNKNOWN
        if self.level in ("sub_unit", "facility") or self.coords == "parent":
            return PlacePrecision.SUB_UNIT
        return PlacePrecision.EXACT


@dataclass(frozen=True, slots=True)
class NameMatch:
    """A stretch of text that spells a gazetteer name, with the entries it can mean (best first)."""

    start: int
    end: int
    key: str
    kind: str | None
    candidates: tuple[GazetteerEntry, ...]


@dataclass(frozen=True, slots=True)
class NameIndexEntry:
    """An entry under a key, with the kinds its spellings' suffixes name (``None`` for a bare name)."""

    entry_id: str
    kinds: frozenset[str | None]


class Gazetteer:
    """Entries by id and by name key. Read-only once loaded."""

    def __init__(self, entries: list[GazetteerEntry], origin: str = "<memory>") -> None:
        self.origin = origin
        self._by_id: dict[str, GazetteerEntry] = {}
        kinds: dict[str, dict[str, set[str | None]]] = {}
        for entry in entries:
            if entry.id in self._by_id:
                raise ConfigError(f"gazetteer entry {entry.id!r} appears twice", origin=origin)
            self._by_id[entry.id] = entry
            for name in (entry.name, *entry.names):
                parts = name_parts(name)
                if len(parts.key) >= 2:
                    kinds.setdefault(parts.key, {}).setdefault(entry.id, set()).add(parts.kind)
        for entry in entries:
            if entry.parent is not None and entry.parent not in self._by_id:
                raise ConfigError(f"entry {entry.id!r} has unknown parent {entry.parent!r}", origin=origin)
        self._index = {
            key: tuple(NameIndexEntry(i, frozenset(k)) for i, k in sorted(found.items()))
            for key, found in kinds.items()
        }
        self.prefixes = frozenset(key[:i] for key in self._index for i in range(1, len(key) + 1))

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        """The packaged gazetteer, or the one at ``path``."""
        try:
            if path is None:
                origin = "kirok/data/gazetteer.json"
                text = resources.files("kirok").joinpath("data/gazetteer.json").read_text(encoding="utf-8")
            else:
                origin = str(path)
                text = path.read_text(encoding="utf-8")
            raw: dict[str, Any] = json.loads(text)
            entries = [_entry(e) for e in raw["entries"]]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            where = str(path) if path else "kirok/data/gazetteer.json"
            raise ConfigError(
                f"cannot read the gazetteer ({exc}); rebuild it with scripts/build_gazetteer.py", origin=where
            ) from exc
        return cls(entries, origin=origin)

    def __len__(self) -> int:
        return len(self._by_id)

    def __iter__(self) -> Iterator[GazetteerEntry]:
        return iter(self._by_id[k] for k in sorted(self._by_id))

    def __contains__(self, entry_id: object) -> bool:
        return entry_id in self._by_id

    def get(self, entry_id: str) -> GazetteerEntry:
        return self._by_id[entry_id]

    def candidates(self, key: str, kind: str | None = None) -> tuple[GazetteerEntry, ...]:
        """Entries a name key can mean, best first; ``kind`` is the suffix written with it, if any.

        A bare name never means a sub-unit known only with its suffix: "Hyesan" is the city, "Hyesan-dong"
        the neighbourhood.
        """
        found = self._index.get(key, ())
        levels = _KIND_LEVELS.get(kind) if kind else None
        out = []
        for item in found:
            entry = self._by_id[item.entry_id]
            if levels is not None and entry.level not in levels | {"country"} and kind not in item.kinds:
                continue
            if kind is None and None not in item.kinds and item.kinds & _BOUND_KINDS:
                continue
            out.append((kind not in item.kinds, entry))
        if levels is not None and not out and kind not in _BOUND_KINDS:
            return self.candidates(key)
        fits = levels or frozenset(LEVELS)
        ranked = sorted(
            out, key=lambda o: (o[1].level not in fits, o[0], _LEVEL_RANK.get(o[1].level, 9), o[1].id)
        )
        return tuple(e for _, e in ranked)

    def lookup(self, name: str) -> tuple[GazetteerEntry, ...]:
        """Entries a written name can mean, best first: ``lookup("Hoeryŏng-si")`` -> Hoeryong (KP0203)."""
        parts = name_parts(name)
        return self.candidates(parts.key, parts.kind)

    def scan(self, text: str) -> list[NameMatch]:
        """Every gazetteer name in ``text``, longest match first, on word boundaries, left to right.

        Tokens are keyed one by one (:func:`kirok.romanize.token_key`) and joined while the joined key is
        still the prefix of some name key, so the cost is about one set lookup per token. Suffixes
        written after a name ("City", "-gun", "-dong") and directions ("North", "-bukto") are read the
        way :func:`kirok.romanize.name_parts` reads them.
        """
        tables = load_tables()
        tokens = word_spans(text)
        lights = [light_form(t[2]) for t in tokens]
        keys = [token_key(t[2]) for t in tokens]
        joined = [_joinable(text, tokens, i, lights[i]) for i in range(len(tokens) - 1)] + [False]
        out: list[NameMatch] = []
        i = 0
        while i < len(tokens):
            starts = [(i, "")]
            if lights[i] in tables.direction_words and joined[i]:
                starts.append((i + 1, tables.direction_words[lights[i]]))
            ends: list[tuple[int, str, str | None]] = []  # (last token, key, kind)
            for first, direction in starts:
                acc = ""
                for j in range(first, min(len(tokens), first + _MAX_TOKENS)):
                    if j > first and not joined[j - 1]:
                        break
                    acc = join_keys(acc, keys[j])
                    if acc not in self.prefixes:
                        break
                    if acc + direction in self._index:
                        ends.append((j, acc + direction, "province" if direction else None))
                    nxt = lights[j + 1] if j + 1 < len(tokens) else ""
                    if not direction and joined[j] and nxt in tables.direction_suffixes:
                        key = acc + tables.direction_suffixes[nxt]
                        if key in self._index:
                            ends.append((j + 1, key, "province"))
                    if j == first and not direction and is_hangul(lights[j]):
                        ends = [(e, k, hangul_kind(lights[j]) if e == j else kd) for e, k, kd in ends]
            match = self._longest(text, tokens[i][0], tokens, lights, joined, ends) if ends else None
            if match is None:
                i += 1
                continue
            out.append(match[0])
            i = match[1] + 1
        return out

    def _longest(
        self,
        text: str,
        start: int,
        tokens: list[tuple[int, int, str]],
        lights: list[str],
        joined: list[bool],
        ends: list[tuple[int, str, str | None]],
    ) -> tuple[NameMatch, int] | None:
        tables = load_tables()
        for last, key, kind in sorted(ends, key=lambda e: -e[0]):
            while last + 1 < len(tokens) and joined[last]:
                found = tables.suffix_kind(lights[last + 1])
                gap, nxt = text[tokens[last][1] : tokens[last + 1][0]], tokens[last + 1][2]
                if found is None or (
                    lights[last + 1] in tables.bound_suffixes
                    and gap != "-"
                    and not (nxt[0].isupper() and lights[last + 1] in tables.spaced_bound_suffixes)
                ):
                    break
                kind, last = kind or found, last + 1
            candidates = self.candidates(key, kind)
            if candidates:
                return NameMatch(start, tokens[last][1], key, kind, candidates), last
        return None

    def ancestors(self, entry_id: str) -> tuple[GazetteerEntry, ...]:
        """Parents from the top down, without the country: Musan -> (North Hamgyong,)."""
        chain: list[GazetteerEntry] = []
        parent = self._by_id[entry_id].parent
        while parent is not None:
            entry = self._by_id[parent]
            if entry.level != "country":
                chain.append(entry)
            parent = entry.parent
        return tuple(reversed(chain))

    def admin_path(self, entry_id: str) -> tuple[str, ...]:
        """Names from the province down to the entry: ``("North Hamgyong", "Musan")``."""
        return (*(a.name for a in self.ancestors(entry_id)), self._by_id[entry_id].name)

    def province_of(self, entry_id: str) -> str | None:
        """The id of the province an entry lies in (itself for a province)."""
        entry = self._by_id[entry_id]
        if entry.level == "province":
            return entry.id
        for ancestor in self.ancestors(entry_id):
            if ancestor.level == "province":
                return ancestor.id
        return None


#: lower-case English words that never go on in a name ("of", "and" and "the" do: "Republic of the Congo")
_ENGLISH_WORDS = frozenset({"a", "an"})


def _joinable(text: str, tokens: list[tuple[int, int, str]], i: int, light: str) -> bool:
    """Whether token ``i`` and the next can belong to one name: "Kim Hyong Jik", "Hoeryong-si", "No. 15";
    not "Hyesan a" ("in Hyesan a few days ago")."""
    if tokens[i + 1][2] in _ENGLISH_WORDS:
        return False
    gap = text[tokens[i][1] : tokens[i + 1][0]]
    return gap in _JOINERS or (light == "no" and gap == ". ")


def _entry(raw: dict[str, Any]) -> GazetteerEntry:
    return GazetteerEntry(
        id=str(raw["id"]),
        name=str(raw["name"]),
        names=tuple(raw["names"]),
        level=str(raw["level"]),
        parent=raw["parent"],
        lat=raw["lat"],
        lon=raw["lon"],
        country=str(raw["country"]),
        source=str(raw["source"]),
        coords=str(raw["coords"]),
    )
