"""Stage ``clean.segment.v1``: line roles, headlines, known segments and sentence splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kirok.model import SegmentRole
from kirok.pipeline.doc import Doc
from kirok.pipeline.segment import (
    SegmentStage,
    classify_line,
    load_segment_rules,
    segment,
    split_sentences,
)
from kirok.pipeline.stage import Stage

RULES = load_segment_rules()
B, C, P, T = SegmentRole.BODY, SegmentRole.CAPTION, SegmentRole.BOILERPLATE, SegmentRole.TAGLINE

CLASSIFY = [
    # captions
    ("A man walks past a shuttered shop in Hyesan / Image: Example Wire", C),
    ("Soldiers stand guard near the river. / Photo: Example Agency", C),
    ("A checkpoint on the road north of the city /Image: Example Wire", C),
    ("Traders at a market in 2019 / Picture: Example Wire", C),
    ("Map of the border region / Graphic: Example News", C),
    ("Photo: Workers gather in a field outside the city", C),
    ("PHOTO: a riverside fence", C),
    ("Image: a market stall in 2019", C),
    ("Picture: the new fence along the river", C),
    ("Graphic: arrests by month", C),
    ("Caption: A checkpoint on the road north", C),
    ("A view of the bridge (Photo: Example Wire)", C),
    ("A view of the bridge (Image: Example Wire / staff)", C),
    ("Guards on patrol (picture: Example Agency)", C),
    ("Photo courtesy of an anonymous contributor", C),
    ("A fence in the snow, photo courtesy of a reader", C),
    ("[Photo] A riverside fence", C),
    ("[Image] Apartment blocks in the provincial capital", C),
    # boilerplate
    ("Read in Korean", P),
    ("Read this article in Korean", P),
    ("read in korean.", P),
    ("READ IN KOREAN", P),
    ("Please direct any comments or questions about this article to desk@example.org", P),
    ("Please direct any comments or questions about this article to the editors.", P),
    ("Direct any comments or questions about this article to the desk.", P),
    ("All rights reserved.", P),
    ("Copyright 2023 Example News", P),
    ("Copyright © Example News", P),
    ("Copyright (c) Example News", P),
    ("Copyright by Example News", P),
    ("© Example News 2023", P),
    ("Share this article", P),
    ("Share:", P),
    ("Tweet", P),
    ("Email", P),
    ("Print this article", P),
    ("Related articles", P),
    ("Related:", P),
    ("More from", P),
    ("Most read", P),
    ("Read more:", P),
    ("Translated by a staff writer", P),
    ("Edited by the night desk", P),
    ("Subscribe to our weekly newsletter", P),
    ("Sign up for the newsletter here", P),
    ("Tags: border, smuggling", P),
    ("Keywords: arrests, hyesan", P),
    # tag lines: lower-case keywords, not prose
    ("north korea, border, smuggling", T),
    ("border control surveillance phones", T),
    ("ryanggang province crackdown smuggling", T),
    ("hyesan, phones, state security", T),
    ("covid-19, quarantine, lockdown", T),
    ("kim jong un, directives, party", T),
    ("defectors, forced repatriation, china", T),
    ("labour camps kyohwaso kwalliso", T),
    ("markets, prices, rice, corn", T),
    ("public trials executions", T),
    # prose stays body
    ("a man was arrested in the market.", B),
    ("last week the police raided homes.", B),
    ("according to a source, the order came down.", B),
    ("on monday, guards searched every house in the village.", B),
    ("residents say the new rules are strict!", B),
    ("who gave the order?", B),
    ("Residents were told to report to the office.", B),
    ("The Ministry of State Security arrested three people", B),
    ("A source said: guards were searching homes.", B),
    ("He said the photographer was arrested.", B),
    ("The image shows a fence along the river.", B),
    ("Photo studios in the city were inspected last month.", B),
    ("Read in Korean to learn more, the source said.", B),
    ("Copyright laws were tightened in the province.", B),
    ("copyright infringement of foreign films is punished harshly.", B),
    ("Share prices are not a thing in the North.", B),
    ("Printing shops were raided in Chongjin.", B),
    ("Tags on the parcels named the owners.", B),
    ("Related families were sent to the countryside.", B),
    ("north korea", B),  # two words: too short to call a tag line
    ("border guards", B),
    ("Border, smuggling, phones", T),  # a list of short keywords, capitalised or not
    ("Nampho, Pyongyang, inminban, home checks", T),
    ("Hyesan, Musan and Onsong were sealed off, officials said", B),
    ("He said, however, that it was fine, really.", B),
    ("", B),
]


@pytest.mark.parametrize(("line", "role"), CLASSIFY)
def test_classify_line(line: str, role: SegmentRole) -> None:
    assert classify_line(line, RULES) is role


def test_classify_table_is_large() -> None:
    assert len(CLASSIFY) >= 60
    assert {role for _, role in CLASSIFY} == {B, C, P, T}


def test_classify_ignores_surrounding_spaces() -> None:
    assert classify_line("   Read in Korean   ", RULES) is P
    assert classify_line("\tPhoto: a fence ", RULES) is C


SPLIT = [
    # abbreviations of months, titles and places
    (
        "He was arrested on Oct. 12 in the city. His wife was not told.",
        ["He was arrested on Oct. 12 in the city.", "His wife was not told."],
    ),
    (
        "The meeting took place on Sept. 29. Nobody spoke.",
        ["The meeting took place on Sept. 29.", "Nobody spoke."],
    ),
    ("The rally was on Sep. 9. It rained.", ["The rally was on Sep. 9.", "It rained."]),
    ("Jan. 5 and Feb. 6 were cold. Mar. 1 was not.", ["Jan. 5 and Feb. 6 were cold.", "Mar. 1 was not."]),
    (
        "From Aug. 3 to Nov. 20 the border was closed. Trade stopped.",
        ["From Aug. 3 to Nov. 20 the border was closed.", "Trade stopped."],
    ),
    ("On Dec. 24 guards came. They left on Jan. 2.", ["On Dec. 24 guards came.", "They left on Jan. 2."]),
    ("Mr. Ri was taken away. Mrs. Pak stayed behind.", ["Mr. Ri was taken away.", "Mrs. Pak stayed behind."]),
    ("Ms. Jo was questioned. Dr. Han treated her.", ["Ms. Jo was questioned.", "Dr. Han treated her."]),
    ("Gen. Pak ordered it. Lt. Kim obeyed.", ["Gen. Pak ordered it.", "Lt. Kim obeyed."]),
    ("Col. Ri and Capt. Ro arrived. Sgt. Mun stayed.", ["Col. Ri and Capt. Ro arrived.", "Sgt. Mun stayed."]),
    ("Prof. Yun was banished. Students wept.", ["Prof. Yun was banished.", "Students wept."]),
    (
        "The U.S. imposed sanctions. The U.N. said nothing.",
        ["The U.S. imposed sanctions.", "The U.N. said nothing."],
    ),
    (
        "Officials met in Washington, D.C. on Monday. Then they left.",
        ["Officials met in Washington, D.C. on Monday.", "Then they left."],
    ),
    ("The No. 9 factory was raided. Workers fled.", ["The No. 9 factory was raided.", "Workers fled."]),
    ("Vol. 3 was banned. Readers hid it.", ["Vol. 3 was banned.", "Readers hid it."]),
    ("It was approx. 20 km away. We walked.", ["It was approx. 20 km away.", "We walked."]),
    ("They arrived e.g. at noon. Nobody knew.", ["They arrived e.g. at noon.", "Nobody knew."]),
    (
        "The man, i.e. the manager, fled. His family stayed.",
        ["The man, i.e. the manager, fled.", "His family stayed."],
    ),
    (
        "It happened at 3 p.m. on Friday. Then they left.",
        ["It happened at 3 p.m. on Friday.", "Then they left."],
    ),
    ("They came at 6 a.m. on Sunday. Nobody slept.", ["They came at 6 a.m. on Sunday.", "Nobody slept."]),
    (
        "Pens, paper, etc. were seized. The shop closed.",
        ["Pens, paper, etc. were seized.", "The shop closed."],
    ),
    ("A trading Co. was fined. Its head fled.", ["A trading Co. was fined.", "Its head fled."]),
    (
        "The Dept. of Trade gave the order. It was obeyed.",
        ["The Dept. of Trade gave the order.", "It was obeyed."],
    ),
    # initials
    ("A man named J. K. Ri was detained. He is 40.", ["A man named J. K. Ri was detained.", "He is 40."]),
    (
        "Inspector H. Mun led the raid. It lasted a day.",
        ["Inspector H. Mun led the raid.", "It lasted a day."],
    ),
    (
        "The letter was signed S. Pak. Nobody believed it.",
        ["The letter was signed S. Pak.", "Nobody believed it."],
    ),
    # quotes
    (
        "“We were told to stay home,” he said. “Nobody left.”",
        ["“We were told to stay home,” he said.", "“Nobody left.”"],
    ),
    (
        "“We were told to stay home,” he said. Nobody left.",
        ["“We were told to stay home,” he said.", "Nobody left."],
    ),
    (
        "“They took him away,” the source said. “He has not come back.”",
        ["“They took him away,” the source said.", "“He has not come back.”"],
    ),
    ("He said: “Leave now.” Then he left.", ["He said: “Leave now.”", "Then he left."]),
    ("The source said “no.” Then left.", ["The source said “no.”", "Then left."]),
    ("He wrote 'done.' Then left.", ["He wrote 'done.'", "Then left."]),
    (
        "Ri, 34, was caught. 'We saw it,' a neighbour said. The end.",
        ["Ri, 34, was caught.", "'We saw it,' a neighbour said.", "The end."],
    ),
    ("She asked, “Why me?” The guard did not answer.", ["She asked, “Why me?”", "The guard did not answer."]),
    ("“Everyone is afraid.” The market emptied.", ["“Everyone is afraid.”", "The market emptied."]),
    ("He was “re-educated.” Others were not.", ["He was “re-educated.”", "Others were not."]),
    # numbers and decimals
    (
        "Prices rose by 3.5 percent. Traders complained.",
        ["Prices rose by 3.5 percent.", "Traders complained."],
    ),
    ("Rice cost 5,500 won. Corn cost 2,100 won.", ["Rice cost 5,500 won.", "Corn cost 2,100 won."]),
    ("The fine was 1.2 million won. He paid it.", ["The fine was 1.2 million won.", "He paid it."]),
    ("Hyesan is cold. 2023 was hard. Nobody ate.", ["Hyesan is cold.", "2023 was hard.", "Nobody ate."]),
    (
        "Version 2.0 of the rules came out. It was stricter.",
        ["Version 2.0 of the rules came out.", "It was stricter."],
    ),
    ("The unit was No. 10. It patrolled the river.", ["The unit was No. 10.", "It patrolled the river."]),
    ("Camp 16. Nobody returns.", ["Camp 16.", "Nobody returns."]),
    # ellipses and other ends
    ("The guards waited... Then they left.", ["The guards waited...", "Then they left."]),
    ("The guards waited… Then they left.", ["The guards waited…", "Then they left."]),
    ("The guards waited... and then they left.", ["The guards waited... and then they left."]),
    ("Did anyone see it? Nobody did! They left.", ["Did anyone see it?", "Nobody did!", "They left."]),
    ("Why?! Nobody knows.", ["Why?!", "Nobody knows."]),
    ("She was held (for two days.) Then released.", ["She was held (for two days.)", "Then released."]),
    ("It ended [in silence.] Then they left.", ["It ended [in silence.]", "Then they left."]),
    # lower-case continuations and unfinished text
    ("One sentence without a final stop", ["One sentence without a final stop"]),
    ("The guards came. and left.", ["The guards came. and left."]),
    ("Sentence one.  Sentence two.\tSentence three.", ["Sentence one.", "Sentence two.", "Sentence three."]),
    ("First line.\nSecond line.", ["First line.", "Second line."]),
    ("A wrapped\nsentence. And another.", ["A wrapped\nsentence.", "And another."]),
    (
        "Kyohwaso means reform institute. It is a prison.",
        ["Kyohwaso means reform institute.", "It is a prison."],
    ),
    (
        "A 20-year-old was caught. (He was released later.)",
        ["A 20-year-old was caught.", "(He was released later.)"],
    ),
    ("The order came in May. [It was not published.]", ["The order came in May.", "[It was not published.]"]),
    ("He fled to South Korea. 한국어 text followed.", ["He fled to South Korea.", "한국어 text followed."]),
    ("Trade resumed. Étienne, a trader, was pleased.", ["Trade resumed.", "Étienne, a trader, was pleased."]),
    ("Word.", ["Word."]),
    ("A. B.", ["A. B."]),
    # abbreviations that stand only before a number end a sentence before a word
    (
        "Guards caught him on the night of Dec. 12 and fired shots. He was taken away.",
        ["Guards caught him on the night of Dec. 12 and fired shots.", "He was taken away."],
    ),
    (
        "The fence went up in Dec. The next day it snowed.",
        ["The fence went up in Dec.", "The next day it snowed."],
    ),
    ("She said no. Then they left.", ["She said no.", "Then they left."]),
    ("Camp No. 16 is in Hwasong. Nobody leaves.", ["Camp No. 16 is in Hwasong.", "Nobody leaves."]),
    ("It began in Sept. 2020 and went on. It ended.", ["It began in Sept. 2020 and went on.", "It ended."]),
    ("They met on Nov.\n3 at noon. Then rain.", ["They met on Nov.\n3 at noon.", "Then rain."]),
    ("He lives on Sungri St. Ri lives there too.", ["He lives on Sungri St. Ri lives there too."]),
    ("Agent K. Ryu signed it. Nobody read it.", ["Agent K. Ryu signed it.", "Nobody read it."]),
]


@pytest.mark.parametrize(("text", "sentences"), SPLIT)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    spans = list(split_sentences(text, 0, len(text), RULES.abbreviations, RULES.before_number))
    assert [text[s:e] for s, e in spans] == sentences


def test_split_table_is_large() -> None:
    assert len(SPLIT) >= 60


@pytest.mark.parametrize(("text", "sentences"), SPLIT[::7])
def test_split_inside_a_larger_text_keeps_absolute_offsets(text: str, sentences: list[str]) -> None:
    before, after = "Headline words\n\n", "\n\nA last paragraph."
    full = before + text + after
    spans = list(
        split_sentences(full, len(before), len(before) + len(text), RULES.abbreviations, RULES.before_number)
    )
    assert [full[s:e] for s, e in spans] == sentences
    assert all(len(before) <= s < e <= len(before) + len(text) for s, e in spans)


@given(st.text(alphabet=st.sampled_from(list("ab .!?”\"'\n3Mr")), max_size=60))
def test_split_offsets_are_ordered_and_inside(text: str) -> None:
    spans = list(split_sentences(text, 0, len(text), RULES.abbreviations))
    prev_end = 0
    for s, e in spans:
        assert prev_end <= s < e <= len(text)
        assert text[s:e].strip()
        prev_end = e
    # nothing but spaces is lost between sentences
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


# ------------------------------------------------------------------ segments and the stage


def run(text: str, known: tuple[tuple[int, int, SegmentRole], ...] = ()) -> Doc:
    return SegmentStage()(Doc(text=text, known_segments=known))


def roles(doc: Doc) -> list[tuple[str, SegmentRole]]:
    return [(doc.text[s.start : s.end], s.role) for s in doc.segments]


def test_stage_contract() -> None:
    stage = SegmentStage()
    assert isinstance(stage, Stage)
    assert stage.name == "clean.segment.v1"
    assert stage.requires == ("doc.text",)
    assert stage.assigns == ("doc.segments", "doc.sentences")


REPORT = (
    "Guards raid homes in border city\n"
    "\n"
    "Read in Korean\n"
    "\n"
    "A source said agents searched homes on Oct. 12. Mr. Ri was taken away.\n"
    "Two more people were questioned.\n"
    "\n"
    "A street in the city / Image: Example Wire\n"
    "\n"
    "“Everyone is afraid,” the source said. Prices rose by 3.5 percent.\n"
    "\n"
    "Please direct any comments or questions about this article to desk@example.org\n"
    "border, phones, state security\n"
)


def test_report_segments_and_roles() -> None:
    doc = run(REPORT)
    assert roles(doc) == [
        ("Guards raid homes in border city", SegmentRole.HEADLINE),
        ("Read in Korean", P),
        (
            "A source said agents searched homes on Oct. 12. Mr. Ri was taken away.\n"
            "Two more people were questioned.",
            B,
        ),
        ("A street in the city / Image: Example Wire", C),
        ("“Everyone is afraid,” the source said. Prices rose by 3.5 percent.", B),
        ("Please direct any comments or questions about this article to desk@example.org", P),
        ("border, phones, state security", T),
    ]


def test_report_sentences() -> None:
    doc = run(REPORT)
    got = [(doc.text[s.start : s.end], s.role) for s in doc.sentences]
    assert got == [
        ("Guards raid homes in border city", SegmentRole.HEADLINE),
        ("Read in Korean", P),
        ("A source said agents searched homes on Oct. 12.", B),
        ("Mr. Ri was taken away.", B),
        ("Two more people were questioned.", B),
        ("A street in the city / Image: Example Wire", C),
        ("“Everyone is afraid,” the source said.", B),
        ("Prices rose by 3.5 percent.", B),
        ("Please direct any comments or questions about this article to desk@example.org", P),
        ("border, phones, state security", T),
    ]
    for sent in doc.sentences:
        seg = doc.segments[sent.segment]
        assert seg.start <= sent.start < sent.end <= seg.end
        assert sent.role is seg.role


def test_sentence_at_finds_sentences_by_offset() -> None:
    doc = run(REPORT)
    offset = REPORT.index("Mr. Ri")
    sent = doc.sentence_at(offset)
    assert sent is not None and REPORT[sent.start : sent.end] == "Mr. Ri was taken away."
    assert doc.sentence_at(REPORT.index("\n\nRead")) is None


@pytest.mark.parametrize(
    ("text", "first_role"),
    [
        ("Police arrest traders in Hyesan\n\nBody text here.", SegmentRole.HEADLINE),
        ("Police arrest traders in Hyesan: report\n\nBody text here.", SegmentRole.HEADLINE),
        ("Why were they arrested?\n\nBody text here.", SegmentRole.HEADLINE),
        ("Police arrested traders in Hyesan.\n\nBody text here.", B),  # a sentence, not a title
        ("Police arrested traders:\n\nBody text here.", B),
        ("Read in Korean\n\nBody text here.", P),
        ("Photo: a fence\n\nBody text here.", C),
        ("Short title", SegmentRole.HEADLINE),
        ("x" * 201 + "\n\nBody.", B),  # too long for a title
    ],
)
def test_headline_is_the_first_line_when_it_looks_like_a_title(text: str, first_role: SegmentRole) -> None:
    assert run(text).segments[0].role is first_role


def test_only_the_first_line_can_be_a_headline() -> None:
    doc = run("Title one\n\nTitle two\n\nBody.")
    assert [s.role for s in doc.segments] == [SegmentRole.HEADLINE, B, B]


def test_known_segments_take_precedence() -> None:
    text = "Guards raid homes.\n\nA fence along the river\n\nRead in Korean\n\nBody sentence."
    known = (
        (0, 18, SegmentRole.HEADLINE),  # a headline that ends with a stop
        (20, 43, SegmentRole.CAPTION),  # a caption with no marker of its own
        (45, 59, SegmentRole.BODY),  # the reader knows better than the boilerplate rule
    )
    doc = run(text, known)
    assert roles(doc) == [
        ("Guards raid homes.", SegmentRole.HEADLINE),
        ("A fence along the river", C),
        ("Read in Korean", B),
        ("Body sentence.", B),
    ]


def test_known_segment_must_cover_the_whole_line() -> None:
    text = "Title\n\nA line of prose that is long."
    doc = run(text, ((7, 12, SegmentRole.CAPTION),))  # covers only part of the line: ignored
    assert doc.segments[1].role is B


def test_known_caption_is_one_sentence_even_with_several_stops() -> None:
    text = "Title\n\nMen at work. Women at rest. The river.\n\nBody."
    start = text.index("Men")
    end = text.index("\n\nBody")
    doc = run(text, ((start, end, SegmentRole.CAPTION),))
    caption = [s for s in doc.sentences if s.role is C]
    assert [(s.start, s.end) for s in caption] == [(start, end)]


def test_wrapped_prose_lines_stay_one_body_paragraph() -> None:
    text = (
        "Guards raid homes\n\n"
        "A source said that on Monday state security agents\n"
        "went from house to house and\n"
        "confiscated phones from residents.\n"
    )
    doc = run(text)
    assert [s.role for s in doc.segments] == [SegmentRole.HEADLINE, B]
    assert [text[s.start : s.end] for s in doc.sentences][1] == text[19:].rstrip("\n")


def test_tag_line_after_a_finished_paragraph_is_still_a_tag_line() -> None:
    text = "Title\n\nThe last sentence of the report.\nborder, phones, state security\n"
    assert [s.role for s in run(text).segments] == [SegmentRole.HEADLINE, B, T]


def test_prose_lines_of_one_paragraph_merge_but_paragraphs_do_not() -> None:
    text = "Title\n\nLine one.\nLine two.\n\nLine three."
    doc = run(text)
    assert roles(doc) == [("Title", SegmentRole.HEADLINE), ("Line one.\nLine two.", B), ("Line three.", B)]


def test_segment_trims_spaces_and_skips_blank_lines() -> None:
    text = "  Title  \n   \n\t Body one.  \n\n\n"
    segs = segment(text, (), RULES)
    assert [(text[s.start : s.end], s.role) for s in segs] == [
        ("Title", SegmentRole.HEADLINE),
        ("Body one.", B),
    ]


def test_empty_text_has_no_segments() -> None:
    doc = run("")
    assert doc.segments == [] and doc.sentences == []


@pytest.mark.parametrize(
    "text", [REPORT, "Title\n\n" + " ".join(t for t, _ in SPLIT), "  \n a. b. C. d? E!  \n"]
)
def test_sentence_offsets_always_slice_the_text(text: str) -> None:
    doc = run(text)
    assert doc.sentences
    for sent in doc.sentences:
        piece = text[sent.start : sent.end]
        assert piece == piece.strip()
        assert piece
    starts = [s.start for s in doc.sentences]
    assert starts == sorted(starts)
    assert all(a.end <= b.start for a, b in zip(doc.sentences, doc.sentences[1:], strict=False))
