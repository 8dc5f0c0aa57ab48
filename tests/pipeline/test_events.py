"""Stage ``events.rules.v1`` on hand-built docs: sentences from the segment stage, hand-made timexes and
places, then events (no spaCy, no date or place stage)."""

from __future__ import annotations

import re
from datetime import date

import pytest

from kirok.errors import PipelineOrderError
from kirok.model import (
    AgeBand,
    DatePrecision,
    DateResolution,
    Event,
    EventType,
    Place,
    PlacePrecision,
    SegmentRole,
    Sex,
    TimeWindow,
    event_id,
)
from kirok.pipeline.doc import Doc, PlaceMention, PlaceRole, Timex
from kirok.pipeline.events import RuleEventStage, precision_of
from kirok.pipeline.segment import SegmentStage
from kirok.pipeline.stage import Pipeline, Stage

PUBLISHED = date(2023, 6, 15)
SEGMENT = SegmentStage()
EVENTS = RuleEventStage()

PLACES = {
    "Hyesan": Place(
        name="Hyesan",
        gazetteer_id="g-hyesan",
        latitude=41.4,
        longitude=128.18,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Hoeryong": Place(
        name="Hoeryong",
        gazetteer_id="g-hoeryong",
        latitude=42.44,
        longitude=129.75,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Musan": Place(
        name="Musan",
        gazetteer_id="g-musan",
        latitude=42.23,
        longitude=129.2,
        country="KP",
        precision=PlacePrecision.COUNTY,
    ),
    "Ryanggang Province": Place(
        name="Ryanggang Province",
        gazetteer_id="g-ryanggang",
        latitude=41.1,
        longitude=128.3,
        country="KP",
        precision=PlacePrecision.PROVINCE,
    ),
    "North Hamgyong Province": Place(
        name="North Hamgyong Province",
        gazetteer_id="g-nh",
        latitude=41.8,
        longitude=129.8,
        country="KP",
        precision=PlacePrecision.PROVINCE,
    ),
    "Jilin Province": Place(
        name="Jilin Province",
        gazetteer_id="g-jilin",
        latitude=43.7,
        longitude=126.2,
        country="CN",
        precision=PlacePrecision.PROVINCE,
    ),
    "China": Place(
        name="China",
        gazetteer_id="g-cn",
        latitude=35.0,
        longitude=103.0,
        country="CN",
        precision=PlacePrecision.COUNTRY,
    ),
}


def make(text: str, published: date | None = PUBLISHED, report_id: str = "r-test") -> Doc:
    """A doc with segments and sentences (the segment stage), no timexes or places yet."""
    return SEGMENT(Doc(text=text, published=published, report_id=report_id))


def add_date(
    doc: Doc, words: str, value: str, earliest: date, latest: date | None = None, nth: int = 0
) -> Timex:
    """Adds a DATE timex over the ``nth`` occurrence of ``words``."""
    start = [m.start() for m in re.finditer(re.escape(words), doc.text)][nth]
    latest = latest or earliest
    window = TimeWindow(
        earliest=earliest,
        latest=latest,
        precision=precision_of(earliest, latest),
        resolution=DateResolution.ABSOLUTE,
        timex=value,
    )
    timex = Timex(start, start + len(words), words, "DATE", value, window)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)
    return timex


def add_duration(doc: Doc, words: str, value: str) -> Timex:
    start = doc.text.index(words)
    timex = Timex(start, start + len(words), words, "DURATION", value)
    doc.timexes = sorted([*doc.timexes, timex], key=lambda t: t.start)
    return timex


def add_place(doc: Doc, words: str, role: PlaceRole, nth: int = 0, place: str | None = None) -> PlaceMention:
    start = [m.start() for m in re.finditer(re.escape(words), doc.text)][nth]
    mention = PlaceMention(start, start + len(words), words, role, PLACES[place or words])
    doc.places = sorted([*doc.places, mention], key=lambda p: p.start)
    return mention


def events_of(doc: Doc) -> list[Event]:
    doc.fulfilled.update({"doc.timexes", "doc.places"})
    return EVENTS(doc).events


def detect(text: str) -> list[EventType]:
    return [e.type for e in events_of(make("Report\n\n" + text))]


def by_type(events: list[Event], type_: EventType) -> Event:
    (found,) = [e for e in events if e.type is type_]
    return found


# ------------------------------------------------------------------ contract


def test_stage_contract_and_place_in_a_pipeline() -> None:
    assert isinstance(EVENTS, Stage)
    assert EVENTS.name == "events.rules.v1"
    assert EVENTS.requires == ("doc.sentences", "doc.timexes", "doc.places")
    assert EVENTS.assigns == ("doc.events",)
    with pytest.raises(PipelineOrderError, match="doc.timexes, doc.places"):
        Pipeline([SEGMENT, EVENTS])  # the event stage needs the date and place stages before it


# ------------------------------------------------------------------ detection


TYPES = [
    (
        "The provincial party committee ordered all factories to hand in their output reports.",
        EventType.DIRECTIVE,
    ),
    ("A lecture was held at the factory hall for every worker in the district.", EventType.MEETING),
    ("Security agents monitored the calls of residents living near the river.", EventType.SURVEILLANCE),
    ("Officials confiscated mobile phones from traders at the market.", EventType.CRACKDOWN),
    ("Authorities sealed the border near the river crossing last month.", EventType.MOVEMENT_RESTRICTION),
    ("A man in his 30s was arrested on Tuesday.", EventType.ARREST),
    ("She was held in a holding centre for two weeks.", EventType.DETENTION),
    ("Guards beat the prisoners with sticks.", EventType.ILL_TREATMENT),
    ("He was sentenced to three years in a labour-training brigade.", EventType.SENTENCE),
    ("Two men were executed by firing squad in front of a crowd.", EventType.EXECUTION),
    ("Chinese police handed over five women to North Korean border guards.", EventType.FORCED_REPATRIATION),
    ("Students were mobilised to plant rice on a cooperative farm.", EventType.FORCED_LABOR),
    ("Three soldiers crossed the Tumen River at night.", EventType.ESCAPE),
]


@pytest.mark.parametrize(("sentence", "type_"), TYPES, ids=[t.value for _, t in TYPES])
def test_each_type_is_detected(sentence: str, type_: EventType) -> None:
    assert detect(sentence) == [type_]


def test_every_type_has_a_detection_case() -> None:
    assert {t for _, t in TYPES} == set(EventType)


MORE = [
    ("The party issued new instructions on foreign films.", EventType.DIRECTIVE),
    ("Selling rice outside the state shops was banned.", EventType.DIRECTIVE),
    ("The court held a public trial in the stadium.", EventType.MEETING),
    ("A struggle session was convened at the farm.", EventType.MEETING),
    ("Informants were placed in every neighbourhood unit.", EventType.SURVEILLANCE),
    ("Agents were tracking mobile signals along the river.", EventType.SURVEILLANCE),
    ("Police raided homes in the district.", EventType.CRACKDOWN),
    ("A patrol was stopping people on the bridge and checking their bags.", EventType.CRACKDOWN),
    ("Travel permits were suspended for the whole province.", EventType.MOVEMENT_RESTRICTION),
    ("Residents were confined to their homes.", EventType.MOVEMENT_RESTRICTION),
    ("Two traders were rounded up at the station.", EventType.ARREST),
    ("The woman was interrogated for three days.", EventType.DETENTION),
    ("He died in custody a week later.", EventType.ILL_TREATMENT),
    ("The family was banished to a mountain village.", EventType.SENTENCE),
    ("The smuggler was fined heavily.", EventType.SENTENCE),
    ("The manager was shot dead before the workers.", EventType.EXECUTION),
    ("The family was forcibly repatriated.", EventType.FORCED_REPATRIATION),
    ("Pupils were made to carry rocks for the new road.", EventType.FORCED_LABOR),
    ("A teenager fled across the frozen river.", EventType.ESCAPE),
    ("Inspectors have been going through the seed stores of every farm.", EventType.CRACKDOWN),
    ("Officers began searching the flats of dock workers last week.", EventType.CRACKDOWN),
    ("The agency took the harbour master in for questioning.", EventType.ARREST),
    ("The two cooks were taken to the police station that evening.", EventType.ARREST),
    ("He was kept for a week at a police box near the market.", EventType.DETENTION),
    ("The nurse was later moved to the holding cells of the county office.", EventType.DETENTION),
    (
        "The brothers are being held by the county state security department and will face trial.",
        EventType.DETENTION,
    ),
    ("An elderly detainee died in the holding centre after a week.", EventType.ILL_TREATMENT),
    ("Agents have been watching the relatives of the pilot.", EventType.SURVEILLANCE),
    ("The widow was put under round-the-clock watch.", EventType.SURVEILLANCE),
    ("Agents told the neighbours to report anyone who calls on the family.", EventType.SURVEILLANCE),
    ("Villagers have been banned from going down to the beach.", EventType.MOVEMENT_RESTRICTION),
    (
        "Farmers now need a permit stamped by the local office to reach their fields.",
        EventType.MOVEMENT_RESTRICTION,
    ),
    (
        "No trawler in the port has been allowed to put to sea since the spring.",
        EventType.MOVEMENT_RESTRICTION,
    ),
    ("Troops have been building a second fence along the river.", EventType.MOVEMENT_RESTRICTION),
    ("A meeting to open the spring sowing campaign was held in the farm's cultural hall.", EventType.MEETING),
    ("The clerk was made to stand before a criticism session of her co-workers.", EventType.MEETING),
    ("The cooks were sent to labour-training brigades for six months.", EventType.SENTENCE),
    ("The teacher and her son were expelled from Chongjin last month.", EventType.SENTENCE),
    ("Four smugglers received sentences of ten years in a kyohwaso.", EventType.SENTENCE),
    ("Russian police caught him and handed him back a day later.", EventType.FORCED_REPATRIATION),
    ("China sends twenty North Koreans back across the bridge", EventType.FORCED_REPATRIATION),
    ("Pupils have been sent to the quarry in shifts to load gravel.", EventType.FORCED_LABOR),
    ("Housewives have been digging post holes along the road.", EventType.FORCED_LABOR),
    ("A mother and her son were caught as they tried to wade across the river.", EventType.ESCAPE),
    ("Two men who tried to run away were shot in front of the prisoners.", EventType.EXECUTION),
]


@pytest.mark.parametrize(("sentence", "type_"), MORE)
def test_other_wordings_are_detected(sentence: str, type_: EventType) -> None:
    assert type_ in detect(sentence)


NON_EVENTS = [
    "Anyone caught will be sent to a camp.",  # speculation
    "Those who cross the border would be shot.",
    "Officials may arrest traders who refuse.",
    "Guards are expected to search homes next week.",
    "If he had been arrested, his family would have suffered.",  # hypothetical
    "Unless the fee is paid, the trader is detained.",
    "Officials denied that anyone was executed.",  # denial
    "The ministry denies the rumours of arrests.",
    "Rumours of executions spread through the market.",
    "Since the pandemic began, surveillance has been tight.",  # background
    "Police usually confiscate phones at checkpoints.",
    "The price of rice rose to 6,000 won per kilogram at the market.",  # market prices
    "Corn sold for 2,800 won in Hyesan this week, traders said.",
    "Heavy rain fell across the province on Monday, flooding several roads.",  # weather
    "Temperatures dropped below minus twenty degrees in the north.",
    "The harvest was poor this autumn.",
    "It was rumoured that the clerk had been sent to a political prison camp.",  # rumour
    "Some say his cousin fled to China last year.",
    "Most of those arrested are factory workers, the source said.",  # people already told of
    "Coal exports have been banned under UN sanctions for years.",  # not a Korean order
    "Traders wait for hours at the checkpoints on the road.",  # a place, not a restriction
    "A deserter was taken in by South Korean troops.",  # a defection, not an arrest
    "The family was shunned because her brother defected.",  # an act given as a reason
]


@pytest.mark.parametrize("sentence", NON_EVENTS)
def test_non_events_give_no_event(sentence: str) -> None:
    assert detect(sentence) == []


def test_background_with_its_own_date_is_read() -> None:
    doc = make("Report\n\nSince the pandemic began, agents raided homes on March 3.")
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3))
    assert [e.type for e in events_of(doc)] == [EventType.CRACKDOWN]


def test_negated_trigger_gives_no_event() -> None:
    assert detect("Traders were excluded from the inspections this year.") == []


@pytest.mark.parametrize("role", [SegmentRole.CAPTION, SegmentRole.BOILERPLATE, SegmentRole.TAGLINE])
def test_non_prose_is_never_read(role: SegmentRole) -> None:
    text = "Report\n\nGuards arrested three smugglers near the river.\n"
    start = text.index("Guards")
    doc = SEGMENT(Doc(text=text, published=PUBLISHED, known_segments=((start, len(text) - 1, role),)))
    assert events_of(doc) == []


# ------------------------------------------------------------------ merging


def test_headline_and_lede_become_one_event_with_two_spans() -> None:
    text = (
        "Police arrest three smugglers in Hyesan\n\n"
        "Police arrested three smugglers in Hyesan on Monday, a source told Example News."
    )
    doc = make(text)
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=0)
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=1)
    events = events_of(doc)
    assert [e.type for e in events] == [EventType.ARREST]
    (event,) = events
    assert [s.text for s in event.evidence] == [
        "Police arrest three smugglers in Hyesan",
        "Police arrested three smugglers in Hyesan on Monday, a source told Example News.",
    ]
    assert "merged: also stated in the headline" in event.reasons
    assert event.date is not None and event.date.earliest == date(2023, 6, 12)


def test_headline_alone_is_an_event() -> None:
    doc = make("Police arrest three smugglers\n\nThe market was quiet all day.")
    (event,) = events_of(doc)
    assert event.type is EventType.ARREST
    assert [s.text for s in event.evidence] == ["Police arrest three smugglers"]


def test_same_directive_with_the_same_date_twice_is_one_event() -> None:
    text = (
        "Report\n\n"
        "The central committee ordered all traders to register their stalls on March 3. "
        "The market opened as usual. "
        "A second source confirmed that the committee ordered the registration on March 3."
    )
    doc = make(text)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=0)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3), nth=1)
    events = events_of(doc)
    assert [e.type for e in events] == [EventType.DIRECTIVE]
    assert len(events[0].evidence) == 2
    assert "merged: the same statement again with the same date" in events[0].reasons


def test_same_type_on_different_dates_stays_two_events() -> None:
    text = "Report\n\nPolice arrested a trader on March 3. Police arrested another trader on March 9."
    doc = make(text)
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3))
    add_date(doc, "March 9", "2023-03-09", date(2023, 3, 9))
    events = events_of(doc)
    assert [(e.type, e.date.earliest if e.date else None) for e in events] == [
        (EventType.ARREST, date(2023, 3, 3)),
        (EventType.ARREST, date(2023, 3, 9)),
    ]


# ------------------------------------------------------------------ dates


def test_date_comes_from_the_event_not_from_the_attribution() -> None:
    doc = make("Report\n\nA woman was arrested in Hyesan, a source told Example News on Wednesday.")
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    (event,) = events_of(doc)
    assert event.date is None


def test_event_date_is_taken_even_when_the_attribution_has_one() -> None:
    doc = make("Report\n\nA source told Example News on Wednesday that a woman was arrested on Monday.")
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    (event,) = events_of(doc)
    assert event.date is not None
    assert (event.date.earliest, event.date.latest) == (date(2023, 6, 12), date(2023, 6, 12))
    assert event.date.timex == "2023-06-12"
    assert any(r == "date: “Monday” in the sentence" for r in event.reasons)


def test_nearest_date_after_the_trigger_wins() -> None:
    doc = make("Report\n\nIn May, after a long search, guards arrested a man on June 2 near the station.")
    add_date(doc, "May", "2023-05", date(2023, 5, 1), date(2023, 5, 31))
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    (event,) = events_of(doc)
    assert event.date is not None and event.date.earliest == date(2023, 6, 2)


def test_sentence_without_date_gets_window_from_previous_event_to_publication() -> None:
    text = (
        "Report\n\n"
        "Guards arrested two smugglers on June 3. "
        "Both were later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest, sentence = events_of(doc)
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)
    assert sentence.type is EventType.SENTENCE
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 3), PUBLISHED)
    assert sentence.date.resolution is DateResolution.RELATIVE
    assert sentence.date.precision is DatePrecision.MONTH
    assert "date: after the last date the story told before it, by publication" in sentence.reasons


def test_backstory_date_does_not_become_the_carried_window() -> None:
    text = (
        "Report\n\n"
        "Guards arrested a trader on June 3. "
        "She had been repatriated from China in 2019. "
        "She was later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "2019", "2019", date(2019, 1, 1), date(2019, 12, 31))
    sentence = next(e for e in events_of(doc) if e.type is EventType.SENTENCE)
    assert sentence.date is not None
    assert (sentence.date.earliest, sentence.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_a_clause_that_refers_back_joins_the_earlier_event() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a man in Hyesan on June 3. "
        "In the same week the man was taken away, his wife was banished to a farm."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    found = events_of(doc)
    arrests = [e for e in found if e.type is EventType.ARREST]
    assert len(arrests) == 1
    assert len(arrests[0].evidence) == 2
    assert any(e.type is EventType.SENTENCE for e in found)


def test_those_who_with_a_past_act_is_a_group_not_a_generalisation() -> None:
    assert detect("Those who had only traded in China were sent to labour-training brigades.") == [
        EventType.SENTENCE
    ]


def test_a_ban_on_movement_is_not_also_a_directive() -> None:
    assert detect("Residents have been banned from going near the river at night.") == [
        EventType.MOVEMENT_RESTRICTION
    ]


def test_the_named_act_refers_back_to_the_act_told_before() -> None:
    text = (
        "Report\n\n"
        "Police raided homes along the river in Hyesan on May 3. "
        "Residents say the raids are the harshest in years."
    )
    doc = make(text)
    add_date(doc, "May 3", "2023-05-03", date(2023, 5, 3))
    (event,) = events_of(doc)
    assert event.type is EventType.CRACKDOWN
    assert len(event.evidence) == 2
    assert "merged: a later clause refers back to it" in event.reasons


def test_the_named_act_alone_is_still_an_event() -> None:
    assert detect("The raids began in the port district.") == [EventType.CRACKDOWN]


def test_a_restatement_by_pronoun_joins_the_act_and_dates_it_more_exactly() -> None:
    text = (
        "Report\n\n"
        "A harbour clerk was executed in Hyesan early this month. "
        "He was shot on June 4 at the sports ground."
    )
    doc = make(text)
    add_date(doc, "early this month", "2023-06", date(2023, 6, 1), date(2023, 6, 10))
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    (event,) = events_of(doc)
    assert event.type is EventType.EXECUTION
    assert len(event.evidence) == 2
    assert event.date is not None and (event.date.earliest, event.date.latest) == (date(2023, 6, 4),) * 2
    assert "date: from the later statement that refers back to it" in event.reasons


def test_a_new_subject_is_a_new_act() -> None:
    text = "Report\n\nGuards arrested a trader on June 3. Police arrested a driver on June 9."
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "June 9", "2023-06-09", date(2023, 6, 9))
    assert [e.type for e in events_of(doc)] == [EventType.ARREST, EventType.ARREST]


def test_a_category_of_people_is_not_a_repatriation() -> None:
    text = "Report\n\nThe order named families of defectors and people repatriated to the North as targets."
    assert [e.type for e in events_of(make(text))].count(EventType.FORCED_REPATRIATION) == 0


def test_no_date_and_no_previous_event_leaves_date_empty() -> None:
    (event,) = events_of(make("Report\n\nGuards arrested two smugglers near the bridge."))
    assert event.date is None


def test_no_publication_date_gives_no_carried_window() -> None:
    doc = make("Report\n\nGuards arrested two smugglers on June 3. Both were later executed.", published=None)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest, execution = events_of(doc)
    assert arrest.date is not None
    assert execution.date is None


@pytest.mark.parametrize(
    ("earliest", "latest", "precision"),
    [
        (date(2023, 6, 1), date(2023, 6, 1), DatePrecision.DAY),
        (date(2023, 6, 1), date(2023, 6, 7), DatePrecision.WEEK),
        (date(2023, 6, 1), date(2023, 6, 30), DatePrecision.MONTH),
        (date(2023, 6, 1), date(2023, 8, 31), DatePrecision.SEASON),
        (date(2023, 1, 1), date(2023, 12, 31), DatePrecision.YEAR),
        (date(2020, 1, 1), date(2023, 12, 31), DatePrecision.UNKNOWN),
    ],
)
def test_precision_of_a_window(earliest: date, latest: date, precision: DatePrecision) -> None:
    assert precision_of(earliest, latest) is precision


# ------------------------------------------------------------------ places


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
    assert "place: carried from the place of the narrative" in arrest.reasons


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


# ------------------------------------------------------------------ details


def test_perpetrator_with_unit() -> None:
    doc = make(
        "Report\n\nAgents of the North Hamgyong provincial branch of the Ministry of State Security "
        "arrested two women."
    )
    (event,) = events_of(doc)
    (perp,) = event.perpetrators
    assert perp.name == "Ministry of State Security"
    assert perp.unit == "North Hamgyong provincial branch"
    assert perp.span is not None and doc.text[perp.span.start : perp.span.end] == "Ministry of State Security"


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Bowibu agents arrested a trader.", ["Ministry of State Security"]),
        ("Police officers arrested a trader.", ["Ministry of Social Security"]),
        ("Border guards arrested a trader near the river.", ["Border guards"]),
        ("The provincial court sentenced him to prison.", ["Court"]),
        (
            "The inminban head and the police arrested a trader.",
            ["Ministry of Social Security", "Inminban head"],
        ),
    ],
)
def test_perpetrators_are_named(sentence: str, names: list[str]) -> None:
    (event, *_) = events_of(make("Report\n\n" + sentence))
    assert sorted(p.name for p in event.perpetrators) == sorted(names)


def test_victim_count_sex_age_status_and_name() -> None:
    doc = make(
        "Report\n\nA woman in her 30s who had been repatriated from China was arrested on Monday; "
        "she has the family name of Varo."
    )
    add_date(doc, "Monday", "2023-06-12", date(2023, 6, 12))
    arrest = by_type(events_of(doc), EventType.ARREST)
    (victim,) = arrest.victims
    assert victim.count == 1
    assert victim.sex is Sex.FEMALE
    assert victim.age_band is AgeBand.THIRTIES
    assert victim.status == ("repatriated",)
    assert victim.name == "Varo"
    assert victim.description == "A woman in her 30s"
    assert victim.span is not None and doc.text[victim.span.start : victim.span.end] == "A woman in her 30s"


@pytest.mark.parametrize(
    ("sentence", "count", "sex", "age"),
    [
        ("Two men were arrested at the station.", 2, Sex.MALE, AgeBand.UNKNOWN),
        ("Three teenagers were arrested at the station.", 3, Sex.UNKNOWN, AgeBand.TEEN),
        ("Several housewives were arrested at the market.", None, Sex.FEMALE, AgeBand.UNKNOWN),
        ("A man in his 40s was arrested.", 1, Sex.MALE, AgeBand.FORTIES),
        ("A man in his late 50s was arrested.", 1, Sex.MALE, AgeBand.FIFTIES),
        ("A woman in her 70s was arrested.", 1, Sex.FEMALE, AgeBand.SIXTIES_PLUS),
        ("12 students were arrested.", 12, Sex.UNKNOWN, AgeBand.UNKNOWN),
    ],
)
def test_victim_counts_sex_and_age(sentence: str, count: int | None, sex: Sex, age: AgeBand) -> None:
    (event,) = events_of(make("Report\n\n" + sentence))
    victim = event.victims[0]
    assert (victim.count, victim.sex, victim.age_band) == (count, sex, age)
    assert victim.name is None


def test_name_without_a_victim_phrase_is_one_victim() -> None:
    (event,) = events_of(make("Report\n\nPolice arrested a trader whose surname is Varo."))
    assert [v.name for v in event.victims] == ["Varo"]


def test_penalty_facility_and_length() -> None:
    doc = make("Report\n\nHe was sentenced to three years in a re-education camp on June 2.")
    add_duration(doc, "three years", "P3Y")
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    (event,) = events_of(doc)
    assert event.type is EventType.SENTENCE
    assert event.penalty is not None
    assert (event.penalty.facility, event.penalty.length) == ("kyohwaso", "P3Y")
    assert event.penalty.span is not None
    assert event.penalty.span.text == "three years in a re-education camp"
    assert event.date is not None and event.date.earliest == date(2023, 6, 2)


@pytest.mark.parametrize(
    ("sentence", "facility"),
    [
        ("He was sentenced to a labour-training brigade.", "labour-training brigade"),
        ("The family was sent to a political prison camp.", "kwalliso"),
        ("The couple was banished to the countryside.", "banishment"),
        ("The trader was fined for selling rice.", "fine"),
        ("He was sentenced to death.", "death"),
    ],
)
def test_penalty_facility(sentence: str, facility: str) -> None:
    event = by_type(events_of(make("Report\n\n" + sentence)), EventType.SENTENCE)
    assert event.penalty is not None and event.penalty.facility == facility
    assert event.penalty.length is None


def test_penalty_is_only_read_for_sentences() -> None:
    doc = make("Report\n\nHe was arrested and held for six months in a prison.")
    add_duration(doc, "six months", "P6M")
    for event in events_of(doc):
        assert event.penalty is None


@pytest.mark.parametrize(
    ("sentence", "reason"),
    [
        ("A man was arrested for selling foreign films.", "selling foreign films"),
        ("A woman was executed on charges of human trafficking.", "human trafficking"),
        ("Two traders were arrested after being caught with phones.", "with phones"),
    ],
)
def test_reason(sentence: str, reason: str) -> None:
    (event,) = events_of(make("Report\n\n" + sentence))
    assert event.reason == reason


def test_reason_is_not_read_for_other_types() -> None:
    (event,) = events_of(make("Report\n\nGuards raided homes for hidden phones."))
    assert event.type is EventType.CRACKDOWN
    assert event.reason is None


def test_reasons_name_the_rule_and_the_words() -> None:
    (event,) = events_of(make("Report\n\nA man was arrested near the station."))
    assert event.reasons[0] == "rule arrest.passive: “was arrested”"


def test_source_and_attribution() -> None:
    text = "Report\n\nA source in Ryanggang Province told Example News that guards raided homes."
    doc = make(text)
    doc.outlet, doc.url = "Example News", "https://example.org/a"
    (event,) = events_of(doc)
    assert event.source is not None
    assert event.source.report_id == "r-test"
    assert (event.source.outlet, event.source.url, event.source.published) == (
        "Example News",
        "https://example.org/a",
        PUBLISHED,
    )
    assert event.source.attribution == "A source in Ryanggang Province"


# ------------------------------------------------------------------ ids, evidence, confidence

STORY = (
    "Police arrest three smugglers in Hyesan\n\n"
    "A source in Ryanggang Province told Example News on Wednesday that police arrested three smugglers "
    "in Hyesan on June 3. The men were held in a holding centre for two weeks, where guards beat them. "
    "A woman in her 20s was sentenced to a labour-training brigade for six months.\n\n"
    "A market in Hyesan / Image: Example Wire\n\n"
    "Since the pandemic began, surveillance has been tight. Anyone caught will be sent to a camp."
)


def story() -> Doc:
    doc = make(STORY, report_id="r-story")
    add_date(doc, "Wednesday", "2023-06-14", date(2023, 6, 14))
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_duration(doc, "two weeks", "P2W")
    add_duration(doc, "six months", "P6M")
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=0)
    add_place(doc, "Ryanggang Province", PlaceRole.SOURCE)
    add_place(doc, "Hyesan", PlaceRole.EVENT, nth=1)
    add_place(doc, "Hyesan", PlaceRole.CAPTION, nth=2)
    return doc


def test_story_events() -> None:
    events = events_of(story())
    assert [e.type for e in events] == [
        EventType.ARREST,
        EventType.DETENTION,
        EventType.ILL_TREATMENT,
        EventType.SENTENCE,
    ]
    assert all(e.place is not None and e.place.name == "Hyesan" for e in events)
    arrest = events[0]
    assert len(arrest.evidence) == 2 and arrest.evidence[0].text.startswith("Police arrest")
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)
    later = events[1:]
    assert all(
        e.date is not None and (e.date.earliest, e.date.latest) == (date(2023, 6, 3), PUBLISHED)
        for e in later
    )
    penalty = events[3].penalty
    assert penalty is not None and (penalty.facility, penalty.length) == ("labour-training brigade", "P6M")


def test_event_ids_are_stable_across_runs() -> None:
    first = events_of(story())
    second = events_of(story())
    assert [e.id for e in first] == [e.id for e in second]
    assert first == second
    assert len({e.id for e in first}) == len(first)
    for event in first:
        body = [s for s in event.evidence if not s.text.startswith("Police arrest")][0]
        assert event.id == event_id("r-story", event.type, event.evidence[0].start, event.evidence[0].end)
        assert body.start >= STORY.index("A source")


def test_event_ids_depend_on_the_report() -> None:
    other = story()
    other.report_id = "r-other"
    assert {e.id for e in events_of(other)}.isdisjoint({e.id for e in events_of(story())})


def test_evidence_offsets_point_at_sentence_text() -> None:
    doc = story()
    sentences = {(s.start, s.end) for s in doc.sentences}
    for event in events_of(doc):
        assert event.report_id == "r-story"
        for span in event.evidence:
            assert STORY[span.start : span.end] == span.text
            assert (span.start, span.end) in sentences


def test_confidence_is_within_bounds_and_grows_with_support() -> None:
    events = events_of(story())
    assert all(0.0 <= e.confidence <= 1.0 for e in events)
    (bare,) = events_of(make("Report\n\nSomeone was arrested."))
    assert 0.0 <= bare.confidence < events[0].confidence <= 0.95


def test_running_twice_on_one_doc_gives_the_same_events() -> None:
    doc = story()
    first = list(events_of(doc))
    assert events_of(doc) == first


def test_empty_doc_has_no_events() -> None:
    assert events_of(make("")) == []


# ------------------------------------------------------------------ narrative dates and places


def test_custody_without_a_date_lies_between_the_arrest_and_the_punishment() -> None:
    text = (
        "Report\n\n"
        "A man was sent to a political prison camp late last month. "
        "He was arrested in April after agents found his phone. "
        "He was held in the holding cells of the county department for two months, where he was beaten."
    )
    doc = make(text, published=date(2023, 6, 15))
    add_date(doc, "late last month", "2023-05", date(2023, 5, 21), date(2023, 5, 31))
    add_date(doc, "April", "2023-04", date(2023, 4, 1), date(2023, 4, 30))
    found = events_of(doc)
    detention = by_type(found, EventType.DETENTION)
    assert detention.date is not None
    assert (detention.date.earliest, detention.date.latest) == (date(2023, 4, 1), date(2023, 5, 31))
    assert any("by the punishment that followed" in r for r in detention.reasons)


def test_an_old_date_is_backstory_and_does_not_anchor_the_story() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a woman on June 3. "
        "Her brother left the country in 2015. "
        "She was later sent to a labour-training brigade."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    add_date(doc, "2015", "2015", date(2015, 1, 1), date(2015, 12, 31))
    sentence = by_type(events_of(doc), EventType.SENTENCE)
    assert sentence.date is not None and sentence.date.earliest == date(2023, 6, 3)


def test_the_province_of_a_source_is_not_an_event_place() -> None:
    text = (
        "Report\n\n"
        "Agents arrested a teacher in Hyesan, Ryanggang Province, on June 3. "
        "According to a source in the province, she was detained in April."
    )
    doc = make(text)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    add_place(doc, "Ryanggang Province", PlaceRole.CONTEXT)
    found = [e for e in events_of(doc) if e.evidence[0].text.startswith("According")]
    assert found and all(e.place is not None and e.place.name == "Hyesan" for e in found)


def test_an_undated_act_in_the_lede_joins_the_dated_telling_in_the_body() -> None:
    text = (
        "Report\n\n"
        "Agents in Hyesan have detained three women, a source told Example Wire.\n\n"
        "The three women were arrested on June 3 at a house near the river."
    )
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert len(arrest.evidence) == 2
    assert arrest.evidence[0].text.startswith("Agents in Hyesan")
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)


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


def test_an_act_told_with_a_modal_after_it_is_not_an_event() -> None:
    assert EventType.CRACKDOWN not in detect(
        "Residents say the searches will move on to other towns next month."
    )
    assert EventType.CRACKDOWN in detect("The searches moved on to other towns last month.")


def test_the_city_does_not_refer_to_a_sources_city() -> None:
    text = (
        "Report\n\nA source in Musan said that five traders were arrested after a buyer in the city informed."
    )
    doc = make(text)
    add_place(doc, "Musan", PlaceRole.SOURCE)
    arrest = by_type(events_of(doc), EventType.ARREST)
    assert arrest.place is None


@pytest.mark.parametrize(
    "sentence",
    [
        "Agents sent from Hoeryong began searching homes in Hyesan.",
        "Students from schools in Hoeryong were mobilised to build roads in Hyesan.",
    ],
)
def test_where_people_came_from_is_not_the_scene(sentence: str) -> None:
    doc = make("Report\n\n" + sentence)
    add_place(doc, "Hoeryong", PlaceRole.EVENT)
    add_place(doc, "Hyesan", PlaceRole.EVENT)
    (event,) = events_of(doc)
    assert event.place is not None and event.place.name == "Hyesan"


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


def test_a_deadline_is_not_the_date_of_the_act() -> None:
    text = "Report\n\nStudents were mobilised to build roads until the autumn."
    doc = make(text)
    add_date(doc, "the autumn", "2023-FA", date(2023, 9, 1), date(2023, 11, 30))
    labor = by_type(events_of(doc), EventType.FORCED_LABOR)
    assert labor.date is None


def test_an_act_going_on_since_a_date_lasts_to_publication() -> None:
    text = "Report\n\nSince June 3, residents have needed a travel permit to leave the city."
    doc = make(text)
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    restriction = by_type(events_of(doc), EventType.MOVEMENT_RESTRICTION)
    assert restriction.date is not None
    assert (restriction.date.earliest, restriction.date.latest) == (date(2023, 6, 3), PUBLISHED)


def test_a_lede_with_a_wide_date_joins_the_body_act_it_sums_up() -> None:
    text = (
        "Report\n\n"
        "Guards arrested three traders in Hyesan earlier this month, a source said.\n\n"
        "On June 4, agents arrested three traders at the market."
    )
    doc = make(text)
    add_date(doc, "earlier this month", "2023-06", date(2023, 6, 1), date(2023, 6, 14))
    add_date(doc, "June 4", "2023-06-04", date(2023, 6, 4))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert len(arrests) == 1
    assert arrests[0].date is not None and arrests[0].date.earliest == date(2023, 6, 4)
    assert len(arrests[0].evidence) == 2
