"""The place stage on hand-built docs (no spaCy)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import ClassVar

import pytest

from kirok.gazetteer import Gazetteer
from kirok.model import PlacePrecision, SegmentRole
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole, Segment, Sentence
from kirok.pipeline.places import GazetteerPlaceStage
from kirok.pipeline.stage import Pipeline, Stage, StageBase
from kirok.settings import Settings


def make_doc(*parts: tuple[SegmentRole, str]) -> Doc:
    """One segment per part (joined by newlines); sentences split at . ! ? within each segment."""
    text, segments, sentences = "", [], []
    for role, para in parts:
        start = len(text)
        text += para
        segments.append(Segment(start, len(text), role))
        for m in re.finditer(r"[^.!?]+[.!?]?", para):
            if m.group().strip():
                sentences.append(Sentence(start + m.start(), start + m.end(), role, len(segments) - 1))
        text += "\n"
    return Doc(text=text, segments=segments, sentences=sentences, fulfilled={"doc.text", "doc.sentences"})


def body(text: str) -> Doc:
    return make_doc((SegmentRole.BODY, text))


@pytest.fixture(scope="module")
def stage() -> GazetteerPlaceStage:
    return GazetteerPlaceStage(Settings(), gazetteer=Gazetteer.load())


def found(stage: GazetteerPlaceStage, doc: Doc) -> dict[str, PlaceMention]:
    return {m.text: m for m in stage(doc).places}


def test_stage_contract() -> None:
    stage = GazetteerPlaceStage(Settings())
    assert isinstance(stage, Stage)
    assert stage.name == "places.gazetteer.v1"
    assert stage.requires == ("doc.sentences",)
    assert stage.assigns == ("doc.places",)
    assert len(stage.gazetteer) > 250


def test_sample_report_roles_and_places(stage: GazetteerPlaceStage) -> None:
    doc = make_doc(
        (SegmentRole.HEADLINE, "Border guards tighten watch"),
        (
            SegmentRole.BODY,
            "A source in North Hamgyong Province told Daily NK last week that a man in Nammun-dong, "
            "Hoeryong was arrested for selling phones. A woman from Anju was sent to Chongori.",
        ),
        (SegmentRole.BODY, "A sentry post in Sakju County, North Pyongan Province. / Image: Daily NK"),
        (SegmentRole.TAGLINE, "remittance ryanggang province border"),
    )
    places = found(stage, doc)
    assert places["North Hamgyong Province"].role is PlaceRole.SOURCE
    dong = places["Nammun-dong, Hoeryong"]
    assert dong.role is PlaceRole.EVENT
    assert dong.place is not None
    assert dong.place.gazetteer_id == "KP0203"
    assert dong.place.precision is PlacePrecision.SUB_UNIT
    assert dong.place.admin_path == ("North Hamgyong", "Hoeryong", "Nammun-dong")
    assert dong.place.latitude == pytest.approx(42.44, abs=0.02)
    assert "Hoeryong" not in places  # folded into the dong mention
    assert places["Anju"].role is PlaceRole.ORIGIN
    assert places["Chongori"].role is PlaceRole.EVENT
    assert places["Sakju County"].role is PlaceRole.CAPTION
    assert places["North Pyongan Province"].role is PlaceRole.CAPTION
    tag = places["ryanggang province"]
    assert tag.role is PlaceRole.TAGLINE
    assert tag.place is not None and tag.place.gazetteer_id == "KP01"
    for mention in doc.places:
        assert doc.text[mention.start : mention.end] == mention.text
        if mention.place is not None:
            assert mention.place.span is not None and mention.place.span.text == mention.text


def test_kcna_style_county_of_province(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("Farmers of Jangphung County of North Hwanghae Province finished the harvest.")
    )
    county = places["Jangphung County"]
    assert county.role is PlaceRole.EVENT
    assert county.place is not None
    assert county.place.gazetteer_id == "KP0804"
    assert county.place.admin_path == ("North Hwanghae", "Jangphung")
    assert county.place.precision is PlacePrecision.COUNTY
    assert county.place.country == "KP"
    assert places["North Hwanghae Province"].role is PlaceRole.CONTEXT


def test_a_province_qualifier_picks_the_homonym(stage: GazetteerPlaceStage) -> None:
    south = found(stage, body("A clinic opened in Unsan County, South Pyongan Province."))["Unsan County"]
    north = found(stage, body("A clinic opened in Unsan County, North Pyongan Province."))["Unsan County"]
    assert south.place is not None and south.place.gazetteer_id == "KP0720"
    assert north.place is not None and north.place.gazetteer_id == "KP0617"


def test_a_province_named_earlier_picks_the_homonym(stage: GazetteerPlaceStage) -> None:
    doc = body("Officials toured North Pyongan Province. Later a clinic in Unsan was closed.")
    unsan = found(stage, doc)["Unsan"]
    assert unsan.place is not None and unsan.place.gazetteer_id == "KP0617"


def test_foreign_places_stay_foreign(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("She crossed to Tumen City and then went to Yanji, Jilin Province, and Seoul.")
    )
    for name, country in [("Tumen City", "CN"), ("Yanji", "CN"), ("Seoul", "KR")]:
        assert places[name].role is PlaceRole.FOREIGN
        place = places[name].place
        assert place is not None and place.country == country
    assert places["Jilin Province"].role is PlaceRole.CONTEXT


def test_a_place_opening_the_title_of_a_law_is_no_place(stage: GazetteerPlaceStage) -> None:
    text = body("The Pyongyang Cultural Language Protection Act was adopted in January.")
    assert "Pyongyang" not in found(stage, text)


def test_the_tumen_river_is_not_the_city(stage: GazetteerPlaceStage) -> None:
    river = found(stage, body("Two soldiers waded across the Tumen River at night."))["Tumen River"]
    assert river.place is not None and river.place.gazetteer_id == "kc:river-tumen"
    assert river.role is PlaceRole.EVENT


@pytest.mark.parametrize(
    ("sentence", "name", "role"),
    [
        ("A Hyesan-based source said prices rose.", "Hyesan", PlaceRole.SOURCE),
        ("According to a source in Musan County, prices rose.", "Musan County", PlaceRole.SOURCE),
        ("A resident of Onsong told us that inspections began.", "Onsong", PlaceRole.SOURCE),
        ("“It is hard,” said the source, who lives in Chongjin.", "Chongjin", PlaceRole.SOURCE),
        ("The informant, based in Hoeryong, said so.", "Hoeryong", PlaceRole.SOURCE),
        ("Prices rose, a relative living in Kanggye told us.", "Kanggye", PlaceRole.SOURCE),
        ("Lorries were seized, a driver in Haeju said.", "Haeju", PlaceRole.SOURCE),
        (
            "Boats stay in port, a fish trader in Chongjin who buys in Rajin told us.",
            "Chongjin",
            PlaceRole.SOURCE,
        ),
        ("Roads were cut, said a partner reporter in Nampo.", "Nampo", PlaceRole.SOURCE),
        (
            "Three men were shot, according to a resident of Chongjin who was in the city that day.",
            "Chongjin",
            PlaceRole.SOURCE,
        ),
        (
            "Warehouses were raided, a trading-company employee in Pyongyang told us.",
            "Pyongyang",
            PlaceRole.SOURCE,
        ),
        (
            "Lists were handed out, said the source, a former official who served in Musan until last year "
            "and has since retired to Chongjin.",
            "Chongjin",
            PlaceRole.SOURCE,
        ),
        ("A man of Onsong was detained, the source said.", "Onsong", PlaceRole.EVENT),
        ("Hwang, who was born in Huichon, is still being held.", "Huichon", PlaceRole.ORIGIN),
        ("A woman who grew up in Musan was arrested.", "Musan", PlaceRole.ORIGIN),
        ("Police detained a trader in Hyesan, a source said.", "Hyesan", PlaceRole.EVENT),
        ("A driver in Haeju was fined, the source said.", "Haeju", PlaceRole.EVENT),
        ("A resident of Onsong was detained.", "Onsong", PlaceRole.EVENT),
        ("A defector from Musan described the camp.", "Musan", PlaceRole.ORIGIN),
        ("A woman in her 40s from Kanggye was released.", "Kanggye", PlaceRole.ORIGIN),
        ("Goods smuggled from Hyesan were seized.", "Hyesan", PlaceRole.EVENT),
        ("Police in Chongjin raided a market.", "Chongjin", PlaceRole.EVENT),
        ("Traders in Sinuiju complained.", "Sinuiju", PlaceRole.EVENT),
    ],
)
def test_roles_from_the_words_around(
    stage: GazetteerPlaceStage, sentence: str, name: str, role: PlaceRole
) -> None:
    assert found(stage, body(sentence))[name].role is role


def test_caption_lines_without_a_caption_segment(stage: GazetteerPlaceStage) -> None:
    doc = body("Police searched homes in Hyesan.\nA market in Sinuiju. Photo: Daily NK")
    places = found(stage, doc)
    assert places["Hyesan"].role is PlaceRole.EVENT
    assert places["Sinuiju"].role is PlaceRole.CAPTION


def test_boilerplate_is_not_read(stage: GazetteerPlaceStage) -> None:
    doc = make_doc(
        (SegmentRole.BODY, "Arrests in Musan rose."), (SegmentRole.BOILERPLATE, "Read in Korean: Hyesan")
    )
    assert [m.text for m in stage(doc).places] == ["Musan"]


def test_the_province_refers_back(stage: GazetteerPlaceStage) -> None:
    doc = body("Inspectors arrived in Hyesan. Markets across the province were closed.")
    back = found(stage, doc)["the province"]
    assert back.role is PlaceRole.EVENT
    assert back.place is not None and back.place.gazetteer_id == "KP01"
    assert back.place.precision is PlacePrecision.PROVINCE


def test_unknown_units(stage: GazetteerPlaceStage) -> None:
    places = found(
        stage, body("Floods hit Ponghwa-ri yesterday. Songdo County, Kangwon Province was also hit.")
    )
    assert places["Ponghwa-ri"].place is None
    county = places["Songdo County"].place
    assert county is not None and county.gazetteer_id is None
    assert county.admin_path == ("Kangwon", "Songdo County")
    assert county.precision is PlacePrecision.PROVINCE


def test_known_sub_units_and_facilities(stage: GazetteerPlaceStage) -> None:
    places = found(stage, body("He lived in Wiyon-dong before he was sent to Camp 15 and later to Kaechon."))
    dong = places["Wiyon-dong"].place
    assert dong is not None and dong.admin_path == ("Ryanggang", "Hyesan", "Wiyon-dong")
    assert dong.precision is PlacePrecision.SUB_UNIT
    camp = places["Camp 15"].place
    assert camp is not None and camp.admin_path[:2] == ("South Hamgyong", "Yodok")
    assert places["Kaechon"].place is not None


def test_lowercase_words_are_not_places_outside_taglines(stage: GazetteerPlaceStage) -> None:
    assert found(stage, body("prices in hyesan and musan rose.")) == {}


def test_variant_spellings_resolve_alike(stage: GazetteerPlaceStage) -> None:
    doc = body("Hoeryŏng, Hoeryeong-si and Hoiryeong are one city; so are P'yŏngyang and Pyongyang.")
    ids = [m.place.gazetteer_id for m in stage(doc).places if m.place is not None]
    assert ids == ["KP0203", "KP0203", "KP0203", "KP1001", "KP1001"]


def test_runs_without_entities_in_a_pipeline() -> None:
    class Sentences(StageBase):
        name: ClassVar[str] = "test.sentences"
        assigns: ClassVar[tuple[str, ...]] = ("doc.sentences",)

        def __call__(self, doc: Doc) -> Doc:
            doc.sentences = [Sentence(0, len(doc.text), SegmentRole.BODY, 0)]
            return doc

    pipeline = Pipeline([Sentences(), GazetteerPlaceStage(Settings())])
    doc = pipeline(Doc(text="A source in Hyesan said so."))
    assert [m.text for m in doc.places] == ["Hyesan"]
    assert "doc.places" in doc.fulfilled


DATA = Path(__file__).resolve().parents[1] / "data"


def _table(name: str) -> list[tuple[str, str, str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [tuple(line.split("\t")) for line in lines if line and not line.startswith("#")]  # type: ignore[misc]


VARIANTS = _table("place_variants.tsv")
NOT_NORTH_KOREAN = _table("place_unknown.tsv")


def _event_place_id(stage: GazetteerPlaceStage, spelling: str) -> str | None:
    doc = body(f"Police made arrests in {spelling} last week.")
    ids = [m.place.gazetteer_id for m in stage(doc).places if m.place is not None]
    return ids[0] if ids else None


def test_the_variant_table_is_large_and_covers_every_province() -> None:
    assert len(VARIANTS) >= 400
    assert len({row[1] for row in VARIANTS}) >= 200
    provinces = {row[2].split(" (")[0] for row in VARIANTS}
    assert {
        "Ryanggang",
        "North Hamgyong",
        "South Hamgyong",
        "Kangwon",
        "Chagang",
        "North Pyongan",
    } <= provinces
    assert {"South Pyongan", "North Hwanghae", "South Hwanghae", "Pyongyang", "Nampo"} <= provinces
    assert sum(1 for row in VARIANTS if any("\uac00" <= c <= "\ud7a3" for c in row[0])) >= 150


@pytest.mark.parametrize(("spelling", "entry_id", "province"), VARIANTS)
def test_every_variant_resolves(
    stage: GazetteerPlaceStage, spelling: str, entry_id: str, province: str
) -> None:
    first = stage.gazetteer.lookup(spelling)
    if first and first[0].id == entry_id:
        return
    assert _event_place_id(stage, spelling) == entry_id, (province, [e.id for e in first])


@pytest.mark.parametrize(("spelling", "entry_id", "note"), NOT_NORTH_KOREAN)
def test_weak_and_foreign_names(stage: GazetteerPlaceStage, spelling: str, entry_id: str, note: str) -> None:
    found = stage.gazetteer.lookup(spelling)
    if entry_id == "-":
        assert found == (), note
        mentions = stage(body(f"Police made arrests in {spelling} last week.")).places
        assert all(m.place is None for m in mentions), note
    else:
        assert found and found[0].id == entry_id and found[0].country != "KP", note


@pytest.mark.parametrize(
    ("sentence", "written", "entry_id", "kept"),
    [
        (
            "He was held at the Onsong County MSS detention centre for a month.",
            "Onsong County MSS detention centre",
            "KP0220",
            "Onsong County MSS detention centre",
        ),
        ("Guards at the Hyesan jipkyulso beat him.", "Hyesan jipkyulso", "KP0101", "Hyesan jipkyulso"),
        ("She spent a year in Hamhung's prison.", "Hamhung's prison", "KP0307", "Hamhung's prison"),
    ],
)
def test_facilities_named_after_their_place(
    stage: GazetteerPlaceStage, sentence: str, written: str, entry_id: str, kept: str
) -> None:
    mention = found(stage, body(sentence))[written]
    assert mention.role is PlaceRole.EVENT
    assert mention.place is not None and mention.place.gazetteer_id == entry_id
    assert mention.place.precision is PlacePrecision.SUB_UNIT
    assert mention.place.admin_path[-1] == kept


def test_the_county_detention_centre_refers_back(stage: GazetteerPlaceStage) -> None:
    doc = body("Police arrested him in Musan. He was held in the county detention center for weeks.")
    mention = found(stage, doc)["the county detention center"]
    assert mention.place is not None and mention.place.gazetteer_id == "KP0218"
    assert mention.place.precision is PlacePrecision.SUB_UNIT


@pytest.mark.parametrize(
    ("text", "written", "entry_id"),
    [
        ("She was sent to Chongori kyohwaso.", "Chongori kyohwaso", "kc:kyohwaso-12"),
        ("He died in Camp 15 in 2001.", "Camp 15", "kc:camp-15"),
        ("He was sent to Kwalliso No. 16 after the trial.", "Kwalliso No. 16", "kc:camp-16"),
        ("They crossed at the Sino-Korean Friendship Bridge.", "Sino-Korean Friendship Bridge", None),
        ("Trucks queued at the Manpo-Jian bridge.", "Manpo-Jian bridge", "kc:crossing-manpo-jian"),
    ],
)
def test_camps_prisons_and_crossings(
    stage: GazetteerPlaceStage, text: str, written: str, entry_id: str | None
) -> None:
    place = found(stage, body(text))[written].place
    assert place is not None and place.country == "KP"
    assert place.gazetteer_id == (entry_id or "kc:crossing-sinuiju-dandong")


@pytest.mark.parametrize("words", ["the Songchon River", "the Songchon Stream"])
def test_a_river_the_gazetteer_lacks_is_not_the_county_of_its_name(
    stage: GazetteerPlaceStage, words: str
) -> None:
    places = found(stage, body(f"The trial was held on the bank of {words} in Hamhung."))
    assert "Songchon" not in places
    assert "Hamhung" in places
    county = found(stage, body("The trial was held in Songchon County."))["Songchon County"]
    assert county.place is not None and county.place.gazetteer_id == "KP0717"


def test_the_tumen_after_the_is_the_river(stage: GazetteerPlaceStage) -> None:
    mentions = stage(body("Three women crossed the Tumen near Namyang; one reached Tumen safely.")).places
    places = {m.text: m for m in mentions}
    river, city = mentions[0], mentions[-1]
    assert city.place is not None and city.place.gazetteer_id == "CN-JL-tumen"
    assert city.role is PlaceRole.FOREIGN
    assert river.place is not None and river.place.gazetteer_id == "kc:river-tumen"
    assert river.place.precision is PlacePrecision.UNKNOWN
    assert river.role is PlaceRole.EVENT
    assert places["Namyang"].place is not None and places["Namyang"].place.precision is PlacePrecision.EXACT


def test_south_pyongan_is_not_south_korea(stage: GazetteerPlaceStage) -> None:
    places = found(stage, body("She left South Pyongan in 2015 and reached South Korea via Laos."))
    assert places["South Pyongan"].place is not None
    assert places["South Pyongan"].place.gazetteer_id == "KP07"
    assert places["South Pyongan"].role is PlaceRole.EVENT
    for name, country in [("South Korea", "KR"), ("Laos", "LA")]:
        assert places[name].role is PlaceRole.FOREIGN
        place = places[name].place
        assert place is not None and place.country == country


def test_foreign_cities_are_foreign(stage: GazetteerPlaceStage) -> None:
    text = "Brokers in Dandong, Changbai and Shenyang moved workers to Vladivostok and Khabarovsk."
    places = stage(body(text)).places
    assert [m.text for m in places] == ["Dandong", "Changbai", "Shenyang", "Vladivostok", "Khabarovsk"]
    assert {m.role for m in places} == {PlaceRole.FOREIGN}
    assert all(m.place is not None and m.place.country in {"CN", "RU"} for m in places)


@pytest.mark.parametrize(
    ("text", "written", "entry_id"),
    [
        ("Officials toured Chongjin. The city's markets closed.", "The city's", "KP0205"),
        ("Officials toured Musan. In the county, markets closed.", "the county", "KP0218"),
        ("Officials toured Musan. The provincial committee met.", "The provincial", "KP02"),
        ("Officials toured Sunchon. Later the province banned sales.", "the province", "KP07"),
    ],
)
def test_anaphora_refers_to_the_last_place(
    stage: GazetteerPlaceStage, text: str, written: str, entry_id: str
) -> None:
    mention = found(stage, body(text))[written]
    assert mention.place is not None and mention.place.gazetteer_id == entry_id


def test_a_county_named_earlier_picks_the_homonym(stage: GazetteerPlaceStage) -> None:
    doc = body("Officials in South Hwanghae Province met. A farm in Unchon was inspected.")
    place = found(stage, doc)["Unchon"].place
    assert place is not None and place.gazetteer_id == "KP0909"
    doc = body("Officials in North Pyongan Province met. A farm in Unjon was inspected.")
    place = found(stage, doc)["Unjon"].place
    assert place is not None and place.gazetteer_id == "KP0612"


def test_dong_fallback_keeps_the_name_as_written(stage: GazetteerPlaceStage) -> None:
    mention = found(stage, body("A raid in Sinhung-dong, Hoeryŏng ended late."))["Sinhung-dong, Hoeryŏng"]
    assert mention.place is not None and mention.place.gazetteer_id == "KP0203"
    assert mention.place.admin_path == ("North Hamgyong", "Hoeryong", "Sinhung-dong")
    assert mention.place.precision is PlacePrecision.SUB_UNIT


def test_an_unknown_place_stays_unknown(stage: GazetteerPlaceStage) -> None:
    places = found(stage, body("A market in Taebyol County was closed."))
    assert places["Taebyol County"].place is None
    assert places["Taebyol County"].text == "Taebyol County"


def test_an_outlet_name_is_not_a_place(stage: GazetteerPlaceStage) -> None:
    places = found(stage, body("A source in Sinuiju told Yalu Dispatch that the Yalu River froze."))
    assert "Yalu" not in places and places["Yalu River"].place is not None


@pytest.mark.parametrize("outlet", ["Tumen River Review", "Hyesan Monitor", "Chongjin Wire", "Musan Ledger"])
def test_outlet_names_of_many_shapes_are_not_places(stage: GazetteerPlaceStage, outlet: str) -> None:
    places = found(stage, body(f"A source in Sinuiju told {outlet} on Monday that guards arrested two men."))
    assert set(places) == {"Sinuiju"}


def test_the_county_never_refers_to_a_sources_town(stage: GazetteerPlaceStage) -> None:
    text = "Guards shot at a man in Onsong on Monday, a source in Chongjin said. He was held in the county."
    places = found(stage, body(text))
    assert places["the county"].place is not None
    assert places["the county"].place.gazetteer_id == places["Onsong"].place.gazetteer_id  # type: ignore[union-attr]
