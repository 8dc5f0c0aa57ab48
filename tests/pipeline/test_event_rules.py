"""The event rules as data: they load, cover every type, and fail clearly when wrong."""

from __future__ import annotations

import copy
import json
from importlib import resources
from typing import Any

import pytest

from kirok.errors import ConfigError
from kirok.model import EventType, Sex
from kirok.pipeline.doc import Doc
from kirok.pipeline.event_rules import (
    EventRules,
    compile_token_pattern,
    inflections,
    load_event_rules,
    parse_event_rules,
)
from kirok.pipeline.event_triggers import TriggerMatcher, without_parse

RULES = load_event_rules()
MATCHER = TriggerMatcher(RULES)


def matching(phrase: str) -> list[str]:
    """The ids of the triggers that match ``phrase`` (tokens and lemmas without a parse)."""
    sdoc, parsed = MATCHER.tokens_of(Doc(text=phrase))
    return [m.trigger.id for m in MATCHER.find(sdoc, parsed)]


def raw_rules() -> dict[str, Any]:
    text = resources.files("kirok.pipeline").joinpath("rules/events.json").read_text("utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def test_rules_load_once() -> None:
    assert isinstance(RULES, EventRules)
    assert load_event_rules() is RULES


def test_every_type_has_triggers() -> None:
    assert {t.type for t in RULES.triggers} == set(EventType)


def test_trigger_ids_are_unique_and_readable() -> None:
    ids = [t.id for t in RULES.triggers]
    assert len(ids) == len(set(ids))
    for trig in RULES.triggers:
        assert trig.id.count(".") == 1, trig.id
        assert trig.id == trig.id.lower()


def test_detail_lexicons_are_well_formed() -> None:
    assert set(RULES.victim_nouns.values()) <= set(Sex)
    assert all(v is None or v > 0 for v in RULES.victim_counts.values())
    assert {f.name for f in RULES.facilities} == {
        "kwalliso",
        "kyohwaso",
        "labour-training brigade",
        "banishment",
        "fine",
        "death",
    }
    assert len({p.name for p in RULES.perpetrators}) == len(RULES.perpetrators)


def test_unknown_event_type_is_a_config_error() -> None:
    raw = raw_rules()
    raw["triggers"]["abduction"] = [{"id": "abduction.verb", "patterns": ["~abduct"]}]
    with pytest.raises(ConfigError, match="unknown event type 'abduction'"):
        parse_event_rules(raw)


@pytest.mark.parametrize(
    ("where", "name"),
    [
        (("sentence_cues", 0), "sentence_cues"),
        (("clause_cues", 0), "clause_cues"),
        (("reason",), "reason"),
        (("perpetrators", 0, "re"), "Ministry of State Security"),
    ],
)
def test_bad_pattern_is_a_config_error_naming_where(where: tuple[str | int, ...], name: str) -> None:
    raw = copy.deepcopy(raw_rules())
    node: Any = raw
    for key in where[:-1]:
        node = node[key]
    node[where[-1]] = "(unclosed"
    with pytest.raises(ConfigError) as info:
        parse_event_rules(raw)
    assert f"bad pattern in {name}" in str(info.value)


@pytest.mark.parametrize(
    ("pattern", "message"),
    [
        ("was arrested/vbn", "cannot read token 'arrested/vbn'"),
        ("~$NOWHERE", "unknown token set '$NOWHERE'"),
        ("~arrest|_", "'_' cannot be an alternative"),
        ("a|", "empty alternative"),
        ("the? a*", "may match nothing"),
    ],
)
def test_bad_token_pattern_is_a_config_error_naming_the_trigger(pattern: str, message: str) -> None:
    raw = copy.deepcopy(raw_rules())
    raw["triggers"]["arrest"][0]["patterns"] = [pattern]
    with pytest.raises(ConfigError) as info:
        parse_event_rules(raw)
    assert "bad pattern in arrest.passive" in str(info.value)
    assert message in str(info.value)


def test_parsed_rules_equal_loaded_rules() -> None:
    again = parse_event_rules(raw_rules())
    assert [(t.id, t.type, t.patterns, t.unless) for t in again.triggers] == [
        (t.id, t.type, t.patterns, t.unless) for t in RULES.triggers
    ]


@pytest.mark.parametrize(
    ("pattern", "tokens"),
    [
        ("arrested", [{"LOWER": "arrested"}]),
        ("Was|Were", [{"LOWER": {"IN": ["was", "were"]}}]),
        ("~arrest/VERB", [{"LEMMA": "arrest", "POS": {"IN": ["VERB"]}}]),
        ("~arrest/VBD,VBN", [{"LEMMA": "arrest", "TAG": {"IN": ["VBD", "VBN"]}}]),
        ("!and|but", [{"LOWER": {"NOT_IN": ["and", "but"]}}]),
        ("the? man", [{"LOWER": "the", "OP": "?"}, {"LOWER": "man"}]),
        ("_{0,3}", [{"LOWER": {"NOT_IN": [".", ";", "!", "?"]}, "IS_SPACE": False, "OP": "{0,3}"}]),
        ("=", [{"IS_PUNCT": False, "IS_SPACE": False}]),
        ("# -? day", [{"LIKE_NUM": True}, {"LOWER": "-", "OP": "?"}, {"LOWER": "day"}]),
        ("^/PROPN", [{"IS_TITLE": True, "POS": {"IN": ["PROPN"]}}]),
        ("~$KIN", [{"LEMMA": {"IN": ["son", "daughter"]}}]),
    ],
)
def test_token_pattern_notation(pattern: str, tokens: list[dict[str, Any]]) -> None:
    assert list(compile_token_pattern(pattern, "test", {"KIN": "son|daughter"})) == tokens


def test_without_parse_drops_part_of_speech_and_tag() -> None:
    pattern = compile_token_pattern("~be _/ADV? ~arrest/VBN", "test")
    assert without_parse(pattern) == [
        {"LEMMA": "be"},
        {"LOWER": {"NOT_IN": [".", ";", "!", "?"]}, "IS_SPACE": False, "OP": "?"},
        {"LEMMA": "arrest"},
    ]


@pytest.mark.parametrize(
    ("lemma", "form"),
    [
        ("arrest", "arrested"),
        ("seize", "seizing"),
        ("ban", "banned"),
        ("carry", "carried"),
        ("raid", "raids"),
    ],
)
def test_inflections_cover_regular_forms(lemma: str, form: str) -> None:
    assert form in inflections(lemma)


@pytest.mark.parametrize(
    ("form", "lemma"),
    [("held", "hold"), ("caught", "catch"), ("fled", "flee"), ("swam", "swim"), ("sent", "send")],
)
def test_lemma_forms_hold_the_irregular_forms(form: str, lemma: str) -> None:
    assert RULES.lemma_forms[form] == lemma


def test_every_trigger_keeps_its_patterns_as_written() -> None:
    for trig in RULES.triggers:
        assert len(trig.source) == len(trig.patterns) > 0, trig.id


TRIGGERS = [
    ("The committee ordered all shops closed", "directive.ordered"),
    ("Kim Jong Un instructed the ministry to act", "directive.ordered"),
    ("the ministry issued strict orders", "directive.issued"),
    ("orders from the Central Committee arrived", "directive.noun"),
    ("the law was adopted by the Supreme People's Assembly", "directive.law"),
    ("heads went from door to door telling every household to send one adult", "directive.telling"),
    ("the rule came from the Ministry of Social Security", "directive.noun"),
    ("the sale of skirts was banned", "directive.ban"),
    ("the party convened an emergency meeting", "meeting.held"),
    ("her case was announced at a meeting of the cell", "meeting.at"),
    ("a rally was held in the square", "meeting.was-held"),
    ("a public trial in the stadium", "meeting.public-trial"),
    ("the workers were brought to watch", "meeting.audience"),
    ("agents were monitoring phone calls", "surveillance.verb"),
    ("she was put under watch", "surveillance.noun"),
    ("guards were writing down the names of visitors", "surveillance.names"),
    ("a crackdown on smuggling", "crackdown.noun"),
    ("the 109 squad searched the flat", "crackdown.noun"),
    ("agents seized the radios", "crackdown.verb"),
    ("patrols were stopping and searching bags", "crackdown.patrol"),
    ("police stepped up checks on traders", "crackdown.tightened"),
    ("the county tightened controls on smuggling", "crackdown.tightened"),
    ("the city launched a campaign against foreign songs", "crackdown.campaign"),
    ("detainees were denied food for days", "ill.deprived"),
    ("guards made them kneel for hours", "ill.deprived"),
    ("he was subjected to cruel treatment", "ill.deprived"),
    ("she had two ribs broken by a guard", "ill.injured"),
    ("guards sealed the border", "movement.border"),
    ("a lockdown of the city", "movement.noun"),
    ("residents were barred from leaving", "movement.verb"),
    ("he was caught at the river", "arrest.passive"),
    ("agents apprehended two smugglers", "arrest.active"),
    ("the arrests of traders", "arrest.noun"),
    ("she was kept in a holding cell", "detention.held"),
    ("he was interrogated for days", "detention.interrogation"),
    ("they were tortured", "ill.beat"),
    ("a man died in custody", "ill.death"),
    ("she was sentenced to prison", "sentence.sentenced"),
    ("he was sent to a kyohwaso", "sentence.sent-to"),
    ("the family was banished", "sentence.banished"),
    ("he was fined", "sentence.fined"),
    ("two men were executed", "execution.verb"),
    ("a public execution", "execution.noun"),
    ("they were forcibly repatriated", "repatriation.forcibly"),
    ("they were deported from China last week", "repatriation.passive"),
    ("the women were sent back to North Korea", "repatriation.verb"),
    ("Chinese police sent back the family", "repatriation.china-returned"),
    ("pupils were mobilised", "labor.mobilised"),
    ("the mobilisation began in May", "labor.mobilisation"),
    ("residents were forced to dig ditches", "labor.sent-to-farms"),
    ("the 80-day battle began", "labor.battle"),
    ("they crossed the Yalu at night", "escape.crossed"),
    ("a soldier defected", "escape.defected"),
    # wordings added in the second round of rules
    ("officers kept watching the relatives of the pilot", "surveillance.watching"),
    ("the couple was put under round-the-clock watch", "surveillance.noun"),
    ("a detection van stood by the market", "surveillance.noun"),
    ("neighbours were told to report any visitors", "surveillance.reporting"),
    ("unit heads must keep a record of which flats have guests", "surveillance.reporting"),
    ("she hands in weekly reports on what residents say", "surveillance.reporting"),
    ("an agent visited the farmer's family every other day", "surveillance.visits"),
    ("wardens were checking every household after midnight", "surveillance.visits"),
    ("inspectors went through the storehouses of each farm", "crackdown.verb"),
    ("guards are searching the bags of travellers", "crackdown.verb"),
    ("the army closed off the county", "movement.border"),
    ("villagers were stopped from walking to the shore", "movement.verb"),
    ("sailing was forbidden along the bay", "movement.verb"),
    ("farmers have needed a stamped pass since spring", "movement.permit"),
    ("no trawler from the port has been allowed to sail", "movement.not-allowed"),
    ("pupils are not permitted to leave the dormitory", "movement.not-allowed"),
    ("troops are putting up a new fence along the Yalu", "movement.fence"),
    ("the police took two guards in for questioning", "arrest.questioning"),
    ("the pair were brought to the police station", "arrest.questioning"),
    ("he was handed over to the state security department", "detention.held"),
    ("he was handed over to the district police", "arrest.questioning"),
    ("she is being held by the county state security department", "detention.held"),
    ("he was moved to the holding cells", "detention.held"),
    ("the driver spent a week at a police station", "detention.held"),
    ("an old man died in the holding centre", "ill.death"),
    ("six inmates in the unit died of cold", "ill.death"),
    ("the cooks were sent to labour-training brigades", "sentence.sent-to"),
    ("the teacher was expelled from Chongjin", "sentence.banished"),
    ("the widow was sent to live on a remote farm", "sentence.banished"),
    ("three dealers received sentences of ten years", "sentence.received"),
    ("the clerk was publicly shot", "execution.shot"),
    ("border police handed him back at dawn", "repatriation.handed-back"),
    ("China sends 30 people back across the bridge", "repatriation.handed-back"),
    ("the women were handed back by Chinese police", "repatriation.handed-back"),
    ("students have been sent to the mine in shifts to load ore", "labor.sent-to-work"),
    ("brigades were put to work on the dam", "labor.sent-to-work"),
    ("housewives have been digging post holes", "labor.hauling"),
    ("villagers are carrying sacks of cement", "labor.hauling"),
    ("a rally to open the new campaign for spring sowing was held", "meeting.was-held"),
    ("lectures held on Monday in every factory", "meeting.was-held"),
    ("the clerk stood before a criticism session", "meeting.public-trial"),
    ("a mother and son tried to wade across the river", "escape.crossed"),
    ("a private crosses the DMZ", "escape.crossed"),
    ("a man who swam the Tumen", "escape.crossed"),
    ("he was caught trying to walk across the frozen Tumen", "escape.crossed"),
    ("the widow was put under round-the-clock watch", "surveillance.noun"),
    ("she got 15 years of reform through labour", "sentence.received"),
    ("the order, issued by the Central Military Commission", "directive.noun"),
    ("she was packed off to a labour-training brigade", "sentence.sent-to"),
    ("agents took the official from his office", "arrest.passive"),
    ("a man died in the holding centre", "ill.death"),
]


@pytest.mark.parametrize(("phrase", "trigger_id"), TRIGGERS)
def test_trigger_table(phrase: str, trigger_id: str) -> None:
    assert trigger_id in matching(phrase)


def test_trigger_table_reaches_every_trigger() -> None:
    assert {i for _, i in TRIGGERS} == {t.id for t in RULES.triggers}


@pytest.mark.parametrize(
    ("phrase", "trigger_id"),
    [
        ("residents were banned from going to the shore", "directive.ban"),  # a movement ban
        ("fishing was banned along the coast", "directive.ban"),
        ("coal sales abroad were banned under UN sanctions", "directive.ban"),  # not a Korean order
        ("guards asked at the checkpoint for papers", "movement.noun"),  # a place, not a restriction
        ("he handed back the borrowed bicycle", "repatriation.handed-back"),
        ("they worked late in order to finish", "directive.noun"),
        ("night fishing has been banned", "directive.ban"),
        ("traders carrying rice to the market", "labor.hauling"),
        ("he was taken in by South Korean troops", "arrest.passive"),  # a defection, not an arrest
        ("she was expelled from Kim Il Sung University", "sentence.banished"),
        ("traders carrying rice to the market", "labor.hauling"),
        ("people were watching dramas at night", "surveillance.watching"),
        ("soldiers were shot at from the far bank", "execution.shot"),
    ],
)
def test_trigger_leaves_near_misses_alone(phrase: str, trigger_id: str) -> None:
    assert trigger_id not in matching(phrase)


def test_noun_triggers_are_marked() -> None:
    nouns = {t.id for t in RULES.triggers if t.noun}
    assert {"crackdown.noun", "execution.noun", "arrest.noun"} <= nouns
    assert "arrest.active" not in nouns


@pytest.mark.parametrize(
    ("prefix", "refers"),
    [
        ("Residents said the ", True),
        ("in the first days of these ", True),
        ("About a week after her ", True),
        ("Kang's ", True),
        ("Police began ", False),
        ("Police began a ", False),
        ("a new wave of ", False),
    ],
)
def test_definite_reference(prefix: str, refers: bool) -> None:
    assert bool(RULES.definite_reference.search(prefix)) is refers


@pytest.mark.parametrize(
    ("prefix", "refers"),
    [
        ("They were ", True),
        ("He ", True),
        ("The woman, a trader in her 40s, was ", True),
        ("Both ", True),
        ("The other two were ", False),
        ("He said police ", False),
        ("Guards ", False),
    ],
)
def test_subject_reference(prefix: str, refers: bool) -> None:
    assert bool(RULES.subject_reference.match(prefix)) is refers


@pytest.mark.parametrize(
    "phrase",
    [
        "anyone who is caught",
        "if they are found",
        "officials denied it",
        "it could happen",
        "traders may be fined",
        "rumours spread",
        "those who refuse",
        "it was rumoured that",
        "some say the pilot",
        "a source in the county who was ",
        "shunned because her brother ",
        "most of those ",
    ],
)
def test_non_event_cues(phrase: str) -> None:
    assert any(c.search(phrase) for c in RULES.non_event_cues)


@pytest.mark.parametrize(
    "phrase", ["in May the guards came", "the source said", "May 3 was cold", "those who had crossed were "]
)
def test_non_event_cues_leave_plain_statements_alone(phrase: str) -> None:
    assert not any(c.search(phrase) for c in RULES.non_event_cues)


@pytest.mark.parametrize(
    ("phrase", "name"),
    [
        ("MSS agents", "Ministry of State Security"),
        ("Bowibu agents", "Ministry of State Security"),
        ("state security officers", "Ministry of State Security"),
        ("the MPS", "Ministry of Social Security"),
        ("Police officers", "Ministry of Social Security"),
        ("Border guards", "Border guards"),
        ("The provincial party committee", "Workers' Party of Korea"),
        ("the county court", "Court"),
        ("the prosecutor's office", "Prosecutor's office"),
        ("Inminban heads", "Inminban head"),
        ("Chinese public security", "Chinese public security"),
    ],
)
def test_perpetrator_patterns(phrase: str, name: str) -> None:
    assert name in [p.name for p in RULES.perpetrators if p.pattern.search(phrase)]


@pytest.mark.parametrize("phrase", ["a mss of papers", "mps and peers"])
def test_acronyms_are_matched_only_in_capitals(phrase: str) -> None:
    assert not any(p.pattern.search(phrase) for p in RULES.perpetrators)


def test_scope_rules_name_foreign_agents_generic_talk_and_north_korean_people() -> None:
    assert RULES.foreign_agent.search("the puppet army of the enemy")
    assert not RULES.foreign_agent.search("the provincial security bureau")
    assert any(c.search("crimes such as theft and") for c in RULES.generic_cues)
    assert RULES.north_korean_people.search("police returned three North Korean women")


#: rule lemmas that are also a form of another rule lemma, on purpose: nouns and gerunds the rules name as
#: such ("a meeting", "barracks"), or near-homographs of unrelated words ("bed" is not "be")
_NOUN_LEMMAS = frozenset(
    "barracks beating bed building card cells crossing dormitories electrified facilities fleeing "
    "gathering goods herd meeting mend quarters stairs steps training ward".split()
)


def test_no_rule_lemma_is_a_verb_form_of_another() -> None:
    """A lemma written as a form of another ("~have|has", "~monitoring") maps that form to itself, so a
    report matched without a parse loses every pattern of the other lemma that needs that form."""
    raw = raw_rules()
    lemmas = {
        value
        for t in RULES.triggers
        for pattern in (*t.patterns, *t.unless)
        for spec in pattern
        for value in (
            [spec["LEMMA"]] if isinstance(spec.get("LEMMA"), str) else spec.get("LEMMA", {}).get("IN", [])
        )
    }
    irregular = raw.get("irregular_forms", {})
    clashes = {
        (form, lemma)
        for lemma in lemmas
        for form in (inflections(lemma) | set(irregular.get(lemma, ()))) & lemmas
        if form != lemma and form not in _NOUN_LEMMAS
    }
    assert clashes == set()
