"""Reviewers' edits: quotes located in the report, each group of fields changed, bad values refused."""

from __future__ import annotations

from datetime import date
from functools import cache

import pytest
from pydantic import ValidationError

from kirok.gazetteer import Gazetteer
from kirok.model import AgeBand, DatePrecision, DateResolution, EventType, PlacePrecision, Sex, Span
from kirok.web.review_edit import (
    DateEdit,
    EditError,
    EventEdit,
    PlaceEdit,
    apply_edit,
    locate_quote,
    resolve_place,
)

from .corpus import SECRET_NAME, TEXT_A, build_corpus

CORPUS = build_corpus()


@cache
def gazetteer() -> Gazetteer:
    return Gazetteer.load()


def no_gazetteer() -> Gazetteer:
    raise AssertionError("the gazetteer was not needed here")


# -- quotes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("quote", "found"),
    [
        ("earlier this month", "earlier this month"),
        ("  Earlier   THIS month ", "earlier this month"),  # spaces and case aside
        ("women were\nheld", "women were held"),
        ("labour-training brigade", "labour-training brigade"),
    ],
)
def test_locate_quote_finds_the_report_words(quote: str, found: str) -> None:
    span = locate_quote(TEXT_A, quote, field="date.quote")
    assert TEXT_A[span.start : span.end] == found == span.text


def test_locate_quote_takes_the_occurrence_nearest_the_evidence() -> None:
    first = TEXT_A.index("border guards")  # the headline's "Border guards" is the other one
    assert locate_quote(TEXT_A, "border guards", field="x", near=first).start == first
    assert locate_quote(TEXT_A, "border guards", field="x", near=0).start == 0


def test_locate_quote_keeps_a_preferred_span_with_the_same_words() -> None:
    second = TEXT_A.index("border guards")
    kept = Span(start=second, end=second + 13, text="border guards")
    assert locate_quote(TEXT_A, "Border Guards", field="x", prefer=[kept], near=0) == kept


@pytest.mark.parametrize("quote", ["arrested four men", "<script>", "   "])
def test_locate_quote_refuses_words_not_in_the_report(quote: str) -> None:
    with pytest.raises(EditError) as caught:
        locate_quote(TEXT_A, quote, field="place.quote")
    assert caught.value.field == "place.quote"
    assert "not in the report" in str(caught.value)


# -- each group ------------------------------------------------------------------------------------


def test_date_edit_sets_the_window_and_its_words() -> None:
    edit = EventEdit(
        date=DateEdit(
            earliest=date(2023, 6, 1),
            latest=date(2023, 6, 7),
            precision=DatePrecision.WEEK,
            quote="this month",
        )
    )
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert changed.date is not None
    assert (changed.date.earliest, changed.date.latest) == (date(2023, 6, 1), date(2023, 6, 7))
    assert changed.date.precision is DatePrecision.WEEK
    assert changed.date.resolution is DateResolution.ABSOLUTE and changed.date.timex is None
    assert changed.date.span is not None and changed.date.span.text == "this month"
    assert changed.place == CORPUS.arrest.place  # the other groups are untouched
    assert changed.id == CORPUS.arrest.id


def test_date_edit_keeping_the_dates_keeps_how_they_were_read() -> None:
    window = CORPUS.arrest.date
    assert window is not None
    edit = EventEdit(
        date=DateEdit(earliest=window.earliest, latest=window.latest, precision=DatePrecision.MONTH)
    )
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert changed.date is not None and changed.date.timex == "2023-06"
    assert changed.date.span is None  # no quote: the window rests on no words


def test_date_window_must_not_end_before_it_starts() -> None:
    with pytest.raises(ValidationError, match="before earliest"):
        DateEdit(earliest=date(2023, 6, 9), latest=date(2023, 6, 1))


def test_null_clears_a_group_and_left_out_keeps_it() -> None:
    edit = EventEdit.model_validate({"date": None, "place": None})
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert changed.date is None and changed.place is None
    assert changed.perpetrators == CORPUS.arrest.perpetrators


def test_type_cannot_be_cleared() -> None:
    with pytest.raises(ValidationError, match="type cannot be cleared"):
        EventEdit.model_validate({"type": None})


def test_type_edit_quote_joins_the_evidence() -> None:
    edit = EventEdit(type=EventType.DETENTION, type_quote="held at a holding centre")
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert changed.type is EventType.DETENTION
    assert [s.text for s in changed.evidence] == [
        "border guards arrested three women",
        "held at a holding centre",
    ]


def test_place_from_the_gazetteer_by_any_spelling() -> None:
    edit = EventEdit(place=PlaceEdit(gazetteer="Hoeryŏng", quote="near the river"))
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, gazetteer)
    place = changed.place
    assert place is not None
    assert (place.gazetteer_id, place.admin_path) == ("KP0203", ("North Hamgyong", "Hoeryong"))
    assert place.precision is PlacePrecision.COUNTY and place.country == "KP"
    assert place.latitude is not None and 42 < place.latitude < 43
    assert place.span is not None and place.span.text == "near the river"


def test_place_by_gazetteer_id_with_a_written_name_and_precision() -> None:
    place = resolve_place(
        PlaceEdit(gazetteer="KP0203", name="Hoeryong market", precision=PlacePrecision.SUB_UNIT),
        gazetteer,
        None,
    )
    assert (place.name, place.gazetteer_id, place.precision) == (
        "Hoeryong market",
        "KP0203",
        PlacePrecision.SUB_UNIT,
    )


def test_place_unknown_to_the_gazetteer_is_refused() -> None:
    with pytest.raises(EditError) as caught:
        resolve_place(PlaceEdit(gazetteer="Xyzzyville"), gazetteer, None)
    assert caught.value.field == "place.gazetteer"


def test_place_by_name_and_coordinates() -> None:
    edit = PlaceEdit(name="a riverside road", latitude=41.4, longitude=128.2, precision=PlacePrecision.EXACT)
    place = resolve_place(edit, no_gazetteer, None)
    assert (place.name, place.latitude, place.longitude, place.gazetteer_id) == (
        "a riverside road",
        41.4,
        128.2,
        None,
    )


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({"name": "x", "latitude": 91, "longitude": 128}, "less than or equal to 90"),
        ({"name": "x", "latitude": 41, "longitude": -181}, "greater than or equal to -180"),
        ({"name": "x", "latitude": 41}, "both latitude and longitude"),
        ({"name": "x", "latitude": "nan", "longitude": 1}, "finite number"),
        ({}, "a gazetteer entry or a place name"),
    ],
)
def test_place_values_are_checked(body: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        PlaceEdit.model_validate(body)


def test_victim_edit_keeps_the_hidden_name_of_the_victim_it_replaces() -> None:
    edit = EventEdit.model_validate(
        {
            "victims": [
                {"keep": 1, "count": 2, "sex": "female", "age_band": "20s", "status": ["trader", "mother"]},
                {"count": 1, "sex": "male", "quote": "three women"},
            ]
        }
    )
    changed = apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    first, second = changed.victims
    assert (first.count, first.sex, first.age_band, first.status) == (
        2,
        Sex.FEMALE,
        AgeBand.TWENTIES,
        ("trader", "mother"),
    )
    assert first.name == SECRET_NAME  # kept from the stored victim, never sent
    assert second.name is None and second.span is not None and second.span.text == "three women"


def test_victim_keep_must_name_a_stored_victim() -> None:
    edit = EventEdit.model_validate({"victims": [{"keep": 5}]})
    with pytest.raises(EditError) as caught:
        apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert caught.value.field == "victims.0.keep"


def test_perpetrators_penalty_reason_and_targets() -> None:
    edit = EventEdit.model_validate(
        {
            "perpetrators": [
                {"name": "Ministry of State Security", "unit": "provincial branch", "quote": "border guards"}
            ],
            "penalty": {"length": "P6M", "facility": "labour-training brigade", "quote": "for six months"},
            "reason": "crossing <the> river",
            "reason_quote": "near the river",
            "targets": ["traders", "traders", "smugglers"],
        }
    )
    changed = apply_edit(CORPUS.sentence, edit, TEXT_A, no_gazetteer)
    assert changed.perpetrators[0].name == "Ministry of State Security"
    assert changed.perpetrators[0].span is not None and changed.perpetrators[0].span.text == "border guards"
    assert changed.penalty is not None and changed.penalty.span is not None
    assert changed.penalty.span.text == "for six months"
    assert changed.reason == "crossing <the> river"  # stored as text; pages escape it
    assert changed.evidence[-1].text == "near the river"
    assert changed.targets == ("traders", "smugglers")


def test_a_quote_not_in_the_report_changes_nothing() -> None:
    edit = EventEdit.model_validate({"reason": "smuggling", "reason_quote": "smuggled copper wire"})
    with pytest.raises(EditError) as caught:
        apply_edit(CORPUS.arrest, edit, TEXT_A, no_gazetteer)
    assert caught.value.field == "reason_quote"


def test_unknown_fields_and_long_values_are_refused() -> None:
    with pytest.raises(ValidationError, match="Extra inputs"):
        EventEdit.model_validate({"colour": "red"})
    with pytest.raises(ValidationError, match="at most 200"):
        EventEdit.model_validate({"perpetrators": [{"name": "x" * 201}]})
    with pytest.raises(ValidationError, match="at most 50"):
        EventEdit.model_validate({"targets": ["t"] * 51})
