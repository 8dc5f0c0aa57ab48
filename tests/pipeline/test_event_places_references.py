"""Where an event happened when its sentence only refers to a place ("the provincial security bureau",
"the city's police") or names places that are not its scene: routes, destinations, backstory
(:mod:`kirok.pipeline.event_places`)."""

from __future__ import annotations

import re
from datetime import date

from kirok.model import EventType, Place, PlacePrecision
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole
from kirok.pipeline.event_places import headline_place

from .event_docs import PLACES, add_date, by_type, events_of, make

_PATHS = {
    "Hyesan": ("Ryanggang", "Hyesan"),
    "Hoeryong": ("North Hamgyong", "Hoeryong"),
    "Musan": ("North Hamgyong", "Musan"),
    "Ryanggang Province": ("Ryanggang",),
    "North Hamgyong Province": ("North Hamgyong",),
}


def _at(name: str) -> Place:
    return PLACES[name].model_copy(update={"admin_path": _PATHS[name]})


def put(doc: Doc, words: str, role: PlaceRole, place: str | None = None, nth: int = 0) -> None:
    """A mention of ``words`` located at ``place`` (default: the place of that name), with its admin path."""
    start = [m.start() for m in re.finditer(re.escape(words), doc.text)][nth]
    mention = PlaceMention(start, start + len(words), words, role, _at(place or words))
    doc.places = sorted([*doc.places, mention], key=lambda p: p.start)


# ------------------------------------------------------------------ "the province", "provincial"


def test_a_provincial_institution_keeps_the_city_of_the_story() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a pastor in Hyesan, Ryanggang Province, on June 3. "
        "He was held in the provincial security bureau's detention centre for a month. "
        "His wife was banished the same day to a farm in the mountains of the province."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Ryanggang Province", PlaceRole.CONTEXT)
    events = events_of(doc)
    detention = by_type(events, EventType.DETENTION)
    assert detention.place == _at("Hyesan")
    assert any("refers to the province of the story's place" in r for r in detention.reasons)
    banished = [e for e in events if e.type is EventType.SENTENCE]
    assert banished and all(e.place == _at("Hyesan") for e in banished)


def test_a_home_town_s_province_named_since_does_not_take_the_provincial() -> None:
    text = (
        "Report\n\n"
        "A court in Ryanggang Province sentenced five women in Hyesan on June 3. "
        "Three come from Musan in North Hamgyong Province. "
        "They were held in the provincial security bureau's detention centre for a month."
    )
    doc = make(text)
    put(doc, "Ryanggang Province", PlaceRole.EVENT)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.ORIGIN)
    put(doc, "North Hamgyong Province", PlaceRole.CONTEXT)
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert detention.place == _at("Hyesan")


def test_a_provincial_mention_resolved_elsewhere_yields_to_the_story() -> None:
    """The place stage may resolve "the provincial" through a home town ("moved there from Musan")."""
    text = (
        "Report\n\n"
        "A worker was executed in Hyesan on June 3. He had moved to the city from Musan. "
        "On Friday, the provincial party committee gathered every factory for a lecture."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    put(doc, "the provincial", PlaceRole.EVENT, place="North Hamgyong Province")
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert meeting.place == _at("Hyesan")


def test_a_province_that_does_not_hold_the_story_place_stays() -> None:
    text = (
        "Report\n\n"
        "Police raided homes in Hyesan on June 3. Officials in North Hamgyong Province were told to watch. "
        "Officers of the provincial security bureau arrested three men."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "North Hamgyong Province", PlaceRole.EVENT)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place == _at("North Hamgyong Province")


# ------------------------------------------------------------------ "the city"


def test_the_city_is_not_where_a_team_came_from() -> None:
    text = (
        "Report\n\n"
        "Police in Hyesan rounded up eleven traders on June 3. "
        "An inspection team sent from Hoeryong has been searching homes since July. "
        "The other seven are still being held by the city's security department."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Hoeryong", PlaceRole.EVENT)
    detention = by_type(events_of(doc), EventType.DETENTION)
    assert detention.place == _at("Hyesan")


def test_the_city_resolved_through_a_route_is_not_trusted() -> None:
    text = (
        "Report\n\n"
        "Residents of Hyesan need permits to travel. "
        "On Saturday, officers at the checkpoint on the road to Musan detained three traders. "
        "The three are still being held at the city police station."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    put(doc, "the city", PlaceRole.EVENT, place="Musan")
    events = events_of(doc)
    arrest = by_type(events, EventType.ARREST)
    assert arrest.place == _at("Hyesan")
    held = [e for e in events if e.evidence[0].text.startswith("The three")]
    assert held and all(e.place == _at("Hyesan") for e in held)


def test_the_city_resolved_by_the_place_stage_is_kept_when_it_names_a_scene() -> None:
    text = (
        "Report\n\n"
        "A woman was arrested in Hoeryong on June 3. "
        "Police have been raiding homes across the city since May."
    )
    doc = make(text)
    put(doc, "Hoeryong", PlaceRole.EVENT)
    put(doc, "the city", PlaceRole.EVENT, place="Hoeryong")
    crackdown = by_type(events_of(doc), EventType.CRACKDOWN)
    assert crackdown.place == _at("Hoeryong")
    assert "place: “the city” refers to Hoeryong" in crackdown.reasons


# ------------------------------------------------------------------ scenes, routes and attempts


def test_an_attempt_made_at_a_place_happens_there() -> None:
    doc = make("Report\n\nTwo men were caught by border guards as they tried to cross the river at Hoeryong.")
    put(doc, "Hoeryong", PlaceRole.EVENT)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place == _at("Hoeryong")


def test_the_ends_of_a_halted_line_are_not_the_scene() -> None:
    text = (
        "Report\n\n"
        "Students in Hyesan were mobilised to mend the railway on June 3. "
        "The order came in May, after trains between Hoeryong and Musan were halted."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Hoeryong", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    directive = by_type(events_of(doc), EventType.DIRECTIVE)
    assert directive.place == _at("Hyesan")


def test_from_governs_the_place_it_precedes_not_the_next() -> None:
    doc = make("Workers sent back from China held in Hyesan\n\nThe men are being questioned.")
    start = doc.text.index("China")
    doc.places.append(PlaceMention(start, start + 5, "China", PlaceRole.FOREIGN, PLACES["China"]))
    put(doc, "Hyesan", PlaceRole.EVENT)
    repatriation = by_type(events_of(doc), EventType.FORCED_REPATRIATION)
    assert repatriation.place == _at("Hyesan")


def test_a_headline_without_an_exact_place_takes_the_lede_scene() -> None:
    text = (
        "Sixty sent back over Tumen bridge\n\n"
        "Chinese police sent about sixty people back across the bridge to Hyesan last Friday."
    )
    doc = make(text)
    river = Place(name="Tumen", latitude=42.9, longitude=129.8, precision=PlacePrecision.UNKNOWN)
    start = doc.text.index("Tumen")
    doc.places.append(PlaceMention(start, start + 5, "Tumen", PlaceRole.EVENT, river))
    put(doc, "Hyesan", PlaceRole.EVENT)
    assert headline_place(doc) == _at("Hyesan")
    events = [e for e in events_of(doc) if e.type is EventType.FORCED_REPATRIATION]
    assert events and all(e.place == _at("Hyesan") for e in events)


# ------------------------------------------------------------------ what moves the story place


def test_backstory_does_not_move_the_story_place() -> None:
    text = (
        "Report\n\n"
        "A broker was executed in Hoeryong on June 3. "
        "He had paid guards in Musan to look away while six people crossed the river in 2019. "
        "Agents arrested his wife at her home in May."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    put(doc, "Hoeryong", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    events = events_of(doc)
    escape = by_type(events, EventType.ESCAPE)
    assert escape.place == _at("Musan")
    arrest = by_type(events, EventType.ARREST)
    assert arrest.place == _at("Hoeryong")


def test_a_destination_does_not_move_the_story_place() -> None:
    text = (
        "Report\n\n"
        "An official was executed in Hyesan on June 3. "
        "His wife and daughters were sent to a mining village in Musan the same day. "
        "Officials gathered the staff of his bureau on June 5."
    )
    doc = make(text)
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    events = events_of(doc)
    sentence = by_type(events, EventType.SENTENCE)
    assert sentence.place == _at("Musan")
    meeting = by_type(events, EventType.MEETING)
    assert meeting.place == _at("Hyesan")


def test_the_city_referring_to_another_town_does_not_move_the_story() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a student in Hyesan on June 3. "
        "She said she had bought the card at a market in Musan. "
        "Her term was imposed without a trial, and she was taken to a brigade at the edge of the city. "
        "Her classmates were summoned to a lecture on June 9."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    put(doc, "Hyesan", PlaceRole.EVENT)
    put(doc, "Musan", PlaceRole.EVENT)
    put(doc, "the city", PlaceRole.EVENT, place="Musan")
    meeting = by_type(events_of(doc), EventType.MEETING)
    assert meeting.place == _at("Hyesan")
