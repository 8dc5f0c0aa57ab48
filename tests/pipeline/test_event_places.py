"""Where an event happened (:mod:`kirok.pipeline.event_places`): the place of its sentence by role, a place
it refers to, the story place, and places that only say where people came from or were headed."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import EventType, SegmentRole
from kirok.pipeline.doc import PlaceMention, PlaceRole

from .event_docs import PLACES, add_date, add_place, by_type, events_of, make

# ------------------------------------------------------------------ the place of the sentence and roles


def test_place_comes_from_the_event_sentence_not_the_source() -> None:
    doc = make("Report\n\nA source in North Hamgyong Province said a man was arrested in Hoeryong.")
    add_place(doc, "North Hamgyong Province", PlaceRole.SOURCE)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    (event,) = events_of(doc)
    assert event.place is not None and event.place.name == "Hoeryong"
    assert (event.place.latitude, event.place.longitude) == (42.44, 129.75)
    assert "place: “Hoeryong” in the sentence" in event.reasons


@pytest.mark.parametrize(
    ("text", "words", "role"),
    [
        (
            "A source in North Hamgyong Province said a man was arrested.",
            "North Hamgyong Province",
            PlaceRole.SOURCE,
        ),
        ("A woman who had lived in China was arrested.", "China", PlaceRole.FOREIGN),
        (
            "Guards arrested a man, in Musan County, North Hamgyong Province.",
            "North Hamgyong Province",
            PlaceRole.CONTEXT,
        ),
    ],
)
def test_places_in_other_roles_are_not_the_event_place(text: str, words: str, role: PlaceRole) -> None:
    doc = make("Report\n\n" + text)
    add_place(doc, words, role)
    (event,) = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert event.place is None


def test_caption_and_tagline_places_are_not_carried_into_the_body() -> None:
    text = (
        "Report\n\n"
        "A street in Hyesan / Image: Example Wire\n\n"
        "Guards raided homes in the city on Monday.\n\n"
        "musan, border, phones, crackdown\n"
    )
    doc = make(text)
    assert [s.role for s in doc.segments][1:] == [SegmentRole.CAPTION, SegmentRole.BODY, SegmentRole.TAGLINE]
    add_place(doc, "Hyesan", PlaceRole.CAPTION)
    add_place(doc, "musan", PlaceRole.TAGLINE, place="Musan")
    (event,) = events_of(doc)
    assert event.type is EventType.CRACKDOWN
    assert event.place is None


def test_a_home_town_never_becomes_the_place_of_an_event() -> None:
    doc = make("Report\n\nA woman from Musan was arrested for selling phones.")
    add_place(doc, "Musan", PlaceRole.ORIGIN)
    (event,) = events_of(doc)
    assert event.place is None
    doc = make("Report\n\nA woman from Musan was arrested. Guards raided homes in Hoeryong.")
    add_place(doc, "Musan", PlaceRole.ORIGIN)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    arrest, raid = events_of(doc)
    assert arrest.place is None
    assert raid.place is not None and raid.place.name == "Hoeryong"


def test_unresolved_place_mentions_are_ignored() -> None:
    doc = make("Report\n\nA man was arrested in Nowhereville.")
    start = doc.text.index("Nowhereville")
    doc.places = [PlaceMention(start, start + 12, "Nowhereville", PlaceRole.EVENT, None)]
    (event,) = events_of(doc)
    assert event.place is None


# ------------------------------------------------------------------ anaphora and the story place


def test_provincial_branch_resolves_to_the_province_named_earlier() -> None:
    text = (
        "Report\n\n"
        "A source in Ryanggang Province told Example News that police raided homes in Hyesan on May 2. "
        "Officers of the provincial branch of the Ministry of State Security arrested three men."
    )
    doc = make(text)
    add_place(doc, "Ryanggang Province", PlaceRole.SOURCE)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_date(doc, "May 2", "2023-05-02", date(2023, 5, 2))
    raid, arrest = events_of(doc)
    assert raid.place is not None and raid.place.name == "Hyesan"
    assert arrest.place is not None and arrest.place.name == "Ryanggang Province"
    assert any(r.startswith("place: “provincial” refers to Ryanggang Province") for r in arrest.reasons)


def test_anaphora_skips_foreign_provinces_and_keeps_the_narrative_place() -> None:
    text = (
        "Report\n\n"
        "A trader back from Jilin Province said police raided homes in Hyesan. "
        "Officers of the provincial branch arrested three men."
    )
    doc = make(text)
    add_place(doc, "Jilin Province", PlaceRole.FOREIGN)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    raid, arrest = events_of(doc)
    assert raid.place is not None and raid.place.name == "Hyesan"
    assert arrest.place is not None and arrest.place.name == "Hyesan"
    assert "place: “provincial” refers to the province of the story's place, Hyesan" in arrest.reasons


def test_the_province_of_a_source_is_not_an_event_place() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a teacher in Hyesan, Ryanggang Province, on June 3. "
        "According to a source in the province, a second teacher was detained in April."
    )
    doc = make(text)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Ryanggang Province", PlaceRole.CONTEXT)
    found = [e for e in events_of(doc) if e.evidence[0].text.startswith("According")]
    assert found and all(e.place is not None and e.place.name == "Hyesan" for e in found)


def test_the_city_does_not_refer_to_a_sources_city() -> None:
    text = (
        "Report\n\nA source in Musan said that five traders were arrested after a buyer in the city informed."
    )
    doc = make(text)
    add_place(doc, "Musan", PlaceRole.SOURCE)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place is None


def test_a_province_in_the_sentence_narrows_to_the_headline_place_inside_it() -> None:
    hyesan = PLACES["Hyesan"].model_copy(update={"admin_path": ("Ryanggang", "Hyesan")})
    province = PLACES["Ryanggang Province"].model_copy(update={"admin_path": ("Ryanggang",)})
    text = "Hyesan traders jailed\n\nThe Ryanggang Province court sentenced two traders to five years."
    doc = make(text)
    for words, place in (("Hyesan", hyesan), ("Ryanggang Province", province)):
        start = doc.text.index(words)
        doc.places.append(PlaceMention(start, start + len(words), words, PlaceRole.EVENT, place))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.place == hyesan


def test_a_province_stays_when_the_story_place_lies_elsewhere() -> None:
    musan = PLACES["Musan"].model_copy(update={"admin_path": ("North Hamgyong", "Musan")})
    province = PLACES["Ryanggang Province"].model_copy(update={"admin_path": ("Ryanggang",)})
    text = "Musan traders jailed\n\nThe Ryanggang Province court sentenced two traders to five years."
    doc = make(text)
    for words, place in (("Musan", musan), ("Ryanggang Province", province)):
        start = doc.text.index(words)
        doc.places.append(PlaceMention(start, start + len(words), words, PlaceRole.EVENT, place))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.place == province


def test_a_headline_place_that_only_qualifies_people_yields_to_the_destination() -> None:
    musan = PLACES["Musan"]
    hyesan = PLACES["Hyesan"]
    text = "Musan students sent to Hyesan farms\n\nThe students have been mobilised for 40 days."
    doc = make(text)
    for words, place in (("Musan", musan), ("Hyesan", hyesan)):
        start = doc.text.index(words)
        doc.places.append(PlaceMention(start, start + len(words), words, PlaceRole.EVENT, place))
    labor = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert labor.place == hyesan


def test_a_province_named_later_does_not_replace_the_story_place() -> None:
    text = (
        "Report\n\n"
        "Agents arrested two traders in Hyesan on June 3. "
        "Officials across Ryanggang Province ordered new inspections. "
        "The traders were later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Ryanggang Province", PlaceRole.EVENT)
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.place is not None and sentence.place.name == "Hyesan"


# ------------------------------------------------------------------ provenance and aim


@pytest.mark.parametrize(
    "sentence",
    [
        "Agents sent from Hoeryong began searching homes in Hyesan.",
        "Students from schools in Hoeryong were mobilised to build roads in Hyesan.",
        # past a longer name: the team came from the ministry in that city
        "A team sent down from the Ministry of State Security in Hoeryong searched homes in Hyesan.",
    ],
)
def test_where_people_came_from_is_not_the_scene(sentence: str) -> None:
    doc = make("Report\n\n" + sentence)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    (event,) = events_of(doc)
    assert event.place is not None and event.place.name == "Hyesan"


def test_where_an_order_came_from_is_the_order_s_scene_only() -> None:
    text = (
        "Report\n\nAgents searched homes in Hyesan last week. "
        "The searches followed an order that the provincial security bureau in Hoeryong passed down. "
        "Four residents were detained."
    )
    doc = make(text)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    events = events_of(doc)
    order, arrest = by_type(events, EventType.DIRECTIVE), by_type(events, EventType.ARREST)
    assert order.place is not None and order.place.name == "Hoeryong"
    assert arrest.place is not None and arrest.place.name == "Hyesan"


def test_an_aim_is_not_the_scene() -> None:
    text = "Report\n\nIn Hyesan, police arrested traders who had tried to sell goods in Hoeryong."
    doc = make(text)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place is not None and arrest.place.name == "Hyesan"


def test_for_an_escape_the_place_left_from_is_the_scene() -> None:
    doc = make("Report\n\nA family from Hyesan crossed the river into China on June 3.")
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert escape.place is not None and escape.place.name == "Hyesan"


def test_people_from_a_town_who_cross_a_river_set_out_from_that_town() -> None:
    doc = make("Report\n\nA woman and her daughter from Hyesan crossed the Yalu River into China last week.")
    add_place(doc, "Hyesan", PlaceRole.ORIGIN)
    add_place(doc, "Yalu River", PlaceRole.EVENT)
    escape = by_type(events_of(doc), EventType.ESCAPE)
    assert escape.place is not None and escape.place.name == "Hyesan"


def test_a_story_that_names_a_town_only_as_where_its_boat_came_from_is_set_there() -> None:
    doc = make(
        "Fishing families' homes searched after boat vanishes\n\n"
        "Nine fishermen from Musan took their boat south last month, and agents have since searched the "
        "homes of every family in the fishing cooperative."
    )
    add_place(doc, "Musan", PlaceRole.EVENT)
    crackdown = by_type(events_of(doc), EventType.CRACKDOWN)
    assert crackdown.place is not None and crackdown.place.name == "Musan"


def test_the_town_people_set_out_from_across_a_river_is_where_the_story_goes_on() -> None:
    doc = make(
        "Report\n\nA woman and her daughter from Hyesan crossed the Yalu River into China last week. "
        "Security agents arrested two guards on Monday."
    )
    add_place(doc, "Hyesan", PlaceRole.ORIGIN)
    add_place(doc, "Yalu River", PlaceRole.EVENT)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place is not None and arrest.place.name == "Hyesan"
