"""Stage ``events.rules.v1`` on hand-built docs: its contract, which sentences state an act of which type
(and which do not), event ids, evidence spans, confidence and reasons."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.errors import PipelineOrderError
from kirok.model import EventType, SegmentRole, event_id
from kirok.pipeline.doc import Doc, PlaceRole
from kirok.pipeline.stage import Pipeline, Stage

from .event_docs import EVENTS, PUBLISHED, SEGMENT, add_date, add_duration, add_place, detect, events_of, make

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


def test_background_with_its_own_date_is_read() -> None:
    doc = make("Report\n\nSince the pandemic began, agents raided homes on March 3.")
    add_date(doc, "March 3", "2023-03-03", date(2023, 3, 3))
    assert [e.type for e in events_of(doc)] == [EventType.CRACKDOWN]


def test_those_who_with_a_past_act_is_a_group_not_a_generalisation() -> None:
    assert detect("Those who had only traded in China were sent to labour-training brigades.") == [
        EventType.SENTENCE
    ]


def test_a_ban_on_movement_is_not_also_a_directive() -> None:
    assert detect("Residents have been banned from going near the river at night.") == [
        EventType.MOVEMENT_RESTRICTION
    ]


def test_the_named_act_alone_is_still_an_event() -> None:
    assert detect("The raids began in the port district.") == [EventType.CRACKDOWN]


# ------------------------------------------------------------------ non-events

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


def test_negated_trigger_gives_no_event() -> None:
    assert detect("Traders were excluded from the inspections this year.") == []


def test_an_act_told_with_a_modal_after_it_is_not_an_event() -> None:
    assert EventType.CRACKDOWN not in detect(
        "Residents say the searches will move on to other towns next month."
    )
    assert EventType.CRACKDOWN in detect("The searches moved on to other towns last month.")


def test_a_category_of_people_is_not_a_repatriation() -> None:
    text = "Report\n\nThe order named families of defectors and people repatriated to the North as targets."
    assert [e.type for e in events_of(make(text))].count(EventType.FORCED_REPATRIATION) == 0


@pytest.mark.parametrize("role", [SegmentRole.CAPTION, SegmentRole.BOILERPLATE, SegmentRole.TAGLINE])
def test_non_prose_is_never_read(role: SegmentRole) -> None:
    text = "Report\n\nGuards arrested three smugglers near the river.\n"
    start = text.index("Guards")
    doc = SEGMENT(Doc(text=text, published=PUBLISHED, known_segments=((start, len(text) - 1, role),)))
    assert events_of(doc) == []


# ------------------------------------------------------------------ ids, evidence, confidence, reasons

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
    told = date(2023, 6, 14)  # the source told of them on Wednesday, the day before publication
    assert told < PUBLISHED
    assert all(
        e.date is not None and (e.date.earliest, e.date.latest) == (date(2023, 6, 3), told) for e in later
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


def test_reasons_name_the_rule_and_the_words() -> None:
    (event,) = events_of(make("Report\n\nA man was arrested near the station."))
    assert event.reasons[0] == "rule arrest.passive: “was arrested”"


# ------------------------------------------------------------------ wordings a blind coder used

BLIND = [
    ("The directive came from the city party committee in early May.", EventType.DIRECTIVE),
    ("A rally took place in the square of the mining town.", EventType.MEETING),
    ("Dock workers were made to sit through lectures on the new law.", EventType.MEETING),
    ("His case was read out at a meeting of the farm's party cell.", EventType.MEETING),
    ("Border units have been confined to their barracks since the incident.", EventType.MOVEMENT_RESTRICTION),
    ("Agents took away three young miners on Friday.", EventType.ARREST),
    ("Police picked him up at the bus station.", EventType.ARREST),
    ("They were held at a transit centre until their flight.", EventType.DETENTION),
    ("The two fishermen have been in police custody since August.", EventType.DETENTION),
    ("Four loggers were flown back from Russia last month.", EventType.FORCED_REPATRIATION),
    ("Nurses have been made to sweep the streets for no pay.", EventType.FORCED_LABOR),
    ("Pupils were sent out of school for ten days to scrub monuments.", EventType.FORCED_LABOR),
    ("A radio detection unit has been working in the border villages.", EventType.SURVEILLANCE),
]


@pytest.mark.parametrize(("sentence", "type_"), BLIND)
def test_wordings_of_a_blind_coder_are_detected(sentence: str, type_: EventType) -> None:
    assert type_ in detect(sentence)


@pytest.mark.parametrize(
    ("sentence", "types"),
    [
        ("Prices of maize doubled during the border closure.", []),  # a period, not an act
        ("The committee issued the lockdown order on Monday.", [EventType.DIRECTIVE]),  # its content
        ("The mobilisation order was issued by the provincial committee.", [EventType.DIRECTIVE]),
        ("The whole family was taken away to a political prison camp.", [EventType.SENTENCE]),
        ("He was arrested when agents searched his flat.", [EventType.ARREST]),  # part of the arrest
        ("The women were strip-searched on arrival.", []),
        ("The meeting was held at the culture centre.", [EventType.MEETING]),
        ("The source said the mobilisation was expected to run until June.", []),
    ],
)
def test_what_only_names_or_accompanies_an_act_is_not_one(sentence: str, types: list[EventType]) -> None:
    assert detect(sentence) == types


@pytest.mark.parametrize(
    "text",
    [
        "Three women were arrested in the market. One of the women was caught with cash sewn into a coat.",
        "The man was executed by the river. A judge read the verdict, and the man was shot minutes later.",
        "The woman was sentenced to two years. Judges read the charges before handing down the sentence.",
        "An inspection group went from house to house. The group seized sacks of herbs and two phones.",
    ],
)
def test_a_clause_that_refers_back_joins_the_act(text: str) -> None:
    events = events_of(make("Report\n\n" + text))
    assert len(events) == 1
    assert len(events[0].evidence) == 2


# ------------------------------------------------------------------ wordings the first rules missed


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A crew of five sailed their boat south across the sea border on the 2nd.", EventType.ESCAPE),
        ("Three fishermen rowed a small boat to the South last month.", EventType.ESCAPE),
        ("The women were sent to the women's reform-through-labour camp at Kaechon.", EventType.SENTENCE),
        ("A woman was dragged from her kitchen by security agents on the 2nd.", EventType.ARREST),
        (
            "Agents took the official, a man in his 50s from the trade bureau, from his office.",
            EventType.ARREST,
        ),
        ("A trader was stopped at a checkpoint on the road to Kilju with rice.", EventType.ARREST),
        ("Police caught them in a raid on a building site.", EventType.ARREST),
        ("Inspectors swept through the main market in Sunchon last Wednesday.", EventType.CRACKDOWN),
        (
            "Officials brought them home through the Tumangang crossing last month.",
            EventType.FORCED_REPATRIATION,
        ),
    ],
)
def test_other_wordings_of_an_act_are_found(sentence: str, kind: EventType) -> None:
    assert kind in {e.type for e in events_of(make("Report\n\n" + sentence))}


@pytest.mark.parametrize(
    "sentence",
    [
        "The fishing boats sailed out of the harbour at dawn.",
        "A fever swept through the village in March.",
        "His brother brought him home from the hospital on Sunday.",
        "Fishermen caught several tons of squid in the first week.",
    ],
)
def test_like_wordings_that_tell_no_act_are_not_events(sentence: str) -> None:
    assert events_of(make("Report\n\n" + sentence)) == []


def test_a_catch_by_foreign_police_is_not_an_arrest_of_its_own() -> None:
    events = events_of(make("Report\n\nRussian border guards caught him on the far bank."))
    assert EventType.ARREST not in {e.type for e in events}


def test_an_order_to_pay_a_fine_is_a_sentence_not_a_directive() -> None:
    types = {
        e.type for e in events_of(make("Report\n\nSeven traders were ordered to pay fines of 100,000 won."))
    }
    assert types == {EventType.SENTENCE}


# ------------------------------------------------------------------ like acts in one sentence


def test_a_second_act_of_a_kind_with_its_own_date_in_another_clause_is_another_event() -> None:
    doc = make(
        "Report\n\nA man was arrested at his home on June 2, and a woman was seized at the market a week "
        "later, a source said."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    arrests = [e for e in events_of(doc) if e.type is EventType.ARREST]
    assert len(arrests) == 2
    windows = sorted((e.date.earliest, e.date.latest) for e in arrests if e.date is not None)
    assert windows == [(date(2023, 6, 2), date(2023, 6, 2)), (date(2023, 6, 9), date(2023, 6, 9))]


def test_the_same_person_s_acts_going_on_in_one_sentence_are_one_event() -> None:
    doc = make(
        "Report\n\nThe woman had been beaten by guards on June 2, and was beaten again two days later, "
        "a source said."
    )
    add_date(doc, "June 2", "2023-06-02", date(2023, 6, 2))
    assert [e.type for e in events_of(doc)] == [EventType.ILL_TREATMENT]


def test_an_act_of_a_kind_told_again_without_a_date_is_not_another_event() -> None:
    assert detect(
        "A man was arrested on the road, and a woman was arrested at the market, a source said."
    ) == [EventType.ARREST]


@pytest.mark.parametrize(
    ("sentence", "arrests"),
    [
        ("A woman in her sixties was seized at the main market.", 1),  # a person seized
        ("Chinese clothing was seized at the main market.", 0),  # goods seized
        ("Three women were taken to the district police station.", 1),
        ("Agents came for them at dawn.", 1),
        ("Their husbands came for them at dawn.", 0),  # a family fetching them home
    ],
)
def test_who_is_seized_or_comes_for_them_decides_an_arrest(sentence: str, arrests: int) -> None:
    assert detect(sentence).count(EventType.ARREST) == arrests


def test_one_and_the_other_with_their_own_days_are_two_acts() -> None:
    doc = make(
        "Report\n\nTwo dealers were executed this month, one on a riverbank on June 3 and the other beside "
        "the market a week later, a source said."
    )
    add_date(doc, "June 3", "2023-06-03", date(2023, 6, 3))
    executions = [e for e in events_of(doc) if e.type is EventType.EXECUTION]
    windows = sorted((e.date.earliest, e.date.latest) for e in executions if e.date is not None)
    assert windows == [(date(2023, 6, 3), date(2023, 6, 3)), (date(2023, 6, 10), date(2023, 6, 10))]
