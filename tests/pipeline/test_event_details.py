"""Details read from an event's sentence (:mod:`kirok.pipeline.event_details`): perpetrators, victims,
penalty and reason; and the source and attribution of the event."""

from __future__ import annotations

from datetime import date

import pytest

from kirok.model import AgeBand, EventType, Sex

from .event_docs import PUBLISHED, add_date, add_duration, by_type, events_of, make

# ------------------------------------------------------------------ perpetrators


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


# ------------------------------------------------------------------ victims


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


# ------------------------------------------------------------------ penalty


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


# ------------------------------------------------------------------ reason


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


# ------------------------------------------------------------------ source and attribution


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
