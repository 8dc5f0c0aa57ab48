from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from kirok.ingest import IngestDefaults, Loaded
from kirok.model import SegmentRole

from .conftest import FIXTURES, WriteFile, loaded, problem

PAGE = FIXTURES / "news_page.html"
HEADLINE = "Guards in Hoeryŏng seize phones from market traders"
BODY = [
    "Security officials in Hoeryŏng have confiscated mobile phones from at least a dozen market traders "
    "since early October, a source in North Hamgyong Province told Northern Dispatch on Tuesday.",
    "“The guards went stall by stall and opened every bag,” the source said, adding that traders caught "
    "with a Chinese-made handset were taken to the local security office for questioning.",
    "According to the source, the inspections are part of a campaign against “anti-socialist behaviour” "
    "announced at a provincial meeting in late September. Residents of Sŏngch’ŏn-ri were told to report "
    "neighbours who make calls across the border.",
    "The source added that some of the traders were released after paying bribes,\n"
    "while two women in their forties remain in custody.",
]
CAPTIONS = [
    "Traders queue at the gate of a market in North Hamgyong Province (file photo). Image: Northern Dispatch",
    "A Chinese-made phone of the kind seized in the raids. Image: Northern Dispatch",
]
BOILERPLATE = [
    "Skip to content",
    "Politics",
    "한국어",
    "donate",
    "Pyon Ha-rim",
    "October 13, 2021",
    "Share on Facebook",
    "Tweet",
    "Copy link",
    "Read in Korean",
    "Advertisement",
    "Cheap flights",
    "Border guards ordered",
    "Market hours cut",
    "Related",
    "Smugglers fined",
    "Fines doubled",
    "Tags",
    "markets",
    "Crackdown",
    "Please direct any comments",
    "desk@dispatch",
    "Students mobilised",
    "Leave a Reply",
    "will not be published",
    "Post Comment",
    "Most read",
    "fuel stations",
    "All rights reserved",
    "PO Box",
    "adSlots",
    "font-family",
    "NewsArticle",
]


@pytest.fixture(scope="module")
def page() -> Loaded:
    return loaded(PAGE)


def test_article_text_is_headline_then_paragraphs_and_captions(page: Loaded) -> None:
    expected = [HEADLINE, CAPTIONS[0], *BODY[:3], CAPTIONS[1], BODY[3]]
    assert page.report.text == "\n\n".join(expected)


@pytest.mark.parametrize("words", BOILERPLATE)
def test_boilerplate_is_left_out(page: Loaded, words: str) -> None:
    assert words not in page.report.text


def test_headline_and_captions_are_marked(page: Loaded) -> None:
    text = page.report.text
    marked = [(role, text[start:end]) for start, end, role in page.report.segments]
    assert marked == [
        (SegmentRole.HEADLINE, HEADLINE),
        (SegmentRole.CAPTION, CAPTIONS[0]),
        (SegmentRole.CAPTION, CAPTIONS[1]),
    ]
    assert page.report.segments[0][0] == 0


def test_metadata_from_the_page(page: Loaded) -> None:
    report = page.report
    assert report.title == HEADLINE
    assert report.outlet == "Northern Dispatch"
    assert report.url == "https://dispatch.example.org/2021/10/hoeryong-phones/"
    assert report.published == date(2021, 10, 13)  # as written in Korea, not moved to UTC
    assert report.language == "en"
    assert report.media_type == "text/html"
    assert page.original == PAGE.read_bytes()


def test_page_metadata_wins_over_defaults(tmp_path: Path) -> None:
    path = tmp_path / "page.htm"
    shutil.copy(PAGE, path)
    defaults = IngestDefaults(
        published=date(2000, 1, 1), outlet="Flag Desk", language="ko", url="https://flag"
    )
    report = loaded(path, defaults).report
    assert (report.published, report.outlet, report.language) == (
        date(2021, 10, 13),
        "Northern Dispatch",
        "en",
    )
    assert report.url == "https://dispatch.example.org/2021/10/hoeryong-phones/"


def test_defaults_fill_what_the_page_does_not_say(write_file: WriteFile) -> None:
    path = write_file("bare.html", "<html><body><p>Rice prices rose in Hyesan this week.</p></body></html>")
    defaults = IngestDefaults(
        published=date(2021, 3, 4), outlet="Flag Desk", language="ko", url="https://flag"
    )
    report = loaded(path, defaults).report
    assert (report.published, report.outlet, report.language, report.url) == (
        date(2021, 3, 4),
        "Flag Desk",
        "ko",
        "https://flag",
    )
    assert report.title is None and report.segments == ()
    assert report.text == "Rice prices rose in Hyesan this week."


def test_truncated_page_with_unclosed_tags_still_reads(write_file: WriteFile) -> None:
    cut = PAGE.read_text(encoding="utf-8").split('<div class="wp-caption')[0]
    report = loaded(write_file("cut.html", cut)).report
    assert report.text.startswith(HEADLINE + "\n\n" + CAPTIONS[0])
    assert BODY[2] in report.text
    unclosed = "<html><body><article><h1>Fines in Musan<p>Police fined <b>six families<p>They paid in rice"
    report = loaded(write_file("unclosed.html", unclosed)).report
    assert report.text == "Fines in Musan\n\nPolice fined six families\n\nThey paid in rice"


def test_title_falls_back_to_the_title_tag_without_the_site_suffix(write_file: WriteFile) -> None:
    page = (
        "<html><head><title>Curfew extended in Kimchaek - Northern Dispatch</title></head>"
        "<body><div class='story'><p>The curfew now starts at eight.</p><p>Patrols doubled.</p></div>"
        "</body></html>"
    )
    report = loaded(write_file("t.html", page)).report
    assert report.title == "Curfew extended in Kimchaek"
    assert report.text.startswith("Curfew extended in Kimchaek\n\nThe curfew now starts at eight.")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Curfew extended | Northern Dispatch", "Curfew extended"),
        ("Northern Dispatch | Curfew extended in Kimchaek", "Curfew extended in Kimchaek"),
        ("Border fence - the new normal in Hyesan", "Border fence - the new normal in Hyesan"),
        ("Fines | Northern Dispatch", "Fines"),
        ("Fines in Onsong – Northern Dispatch", "Fines in Onsong"),
    ],
)
def test_title_suffixes(write_file: WriteFile, title: str, expected: str) -> None:
    site = '<meta property="og:site_name" content="Northern Dispatch">'
    page = f"{site}<title>{title}</title><p>Body text of the report.</p>"
    assert loaded(write_file("t.html", page)).report.title == expected


def test_without_known_containers_the_densest_block_is_the_article(write_file: WriteFile) -> None:
    page = (
        "<html><body><div id='top'><p>Home</p><p>About</p></div>"
        "<div id='x'><p>Inspectors visited every house in the district on Monday night.</p>"
        "<p>Two families were taken away for questioning.</p></div>"
        "<div id='bottom'><p>Contact</p></div></body></html>"
    )
    report = loaded(write_file("dense.html", page)).report
    assert report.text == (
        "Inspectors visited every house in the district on Monday night.\n\n"
        "Two families were taken away for questioning."
    )


def test_line_breaks_split_paragraphs(write_file: WriteFile) -> None:
    page = "<body><article>First paragraph here.<br><br>Second line one<br>second line two</article></body>"
    report = loaded(write_file("br.html", page)).report
    assert report.text == "First paragraph here.\n\nSecond line one\nsecond line two"


def test_spaces_collapse_but_diacritics_and_quotes_stay(write_file: WriteFile) -> None:
    page = "<article><p>  Residents  of\n\tHoeryo&#x306;ng\u00a0said   ‘no’.  </p></article>"
    assert loaded(write_file("s.html", page)).report.text == "Residents of Hoeryŏng said ‘no’."


def test_hidden_elements_are_left_out(write_file: WriteFile) -> None:
    page = (
        "<article><p>Visible report text about a market.</p><p style='display: none'>Hidden promo</p>"
        "<div hidden>Hidden too</div><span aria-hidden='true'>Icon</span></article>"
    )
    assert loaded(write_file("h.html", page)).report.text == "Visible report text about a market."


def test_xml_declaration_is_tolerated(write_file: WriteFile) -> None:
    page = '<?xml version="1.0" encoding="utf-8"?><html><body><main><p>A report.</p></main></body></html>'
    assert loaded(write_file("x.html", page)).report.text == "A report."


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Only a title</title></head><body></body></html>",
        "<body><nav><a href='/'>Home</a><a href='/n'>News</a></nav><footer>© 2021</footer></body>",
        "<html><body><figure><figcaption>Just a photo</figcaption></figure></body></html>",
        "<!-- nothing but a comment -->",
        "<html><body><p><a href='/a'>Read in Korean</a></p></body></html>",
    ],
)
def test_page_without_article_text_is_a_problem(write_file: WriteFile, page: str) -> None:
    found = problem(write_file("none.html", page))
    assert "no article text found" in found.message


def test_empty_html_file_is_a_problem(write_file: WriteFile) -> None:
    assert problem(write_file("empty.html", " \n ")).message.startswith("empty file")


def test_binary_html_is_a_problem(write_file: WriteFile) -> None:
    assert problem(write_file("b.html", b"GIF89a\x00\x01\x00")).message.startswith("looks binary, not text")


def test_lead_photo_headline_and_time_outside_the_body_container(write_file: WriteFile) -> None:
    page = (
        "<html><body><header><h1>Site Name</h1></header><article>"
        "<h1>Youth league ordered to patrol markets</h1><time datetime='2022-03-09'>9 March</time>"
        "<figure><img src='a.jpg'><figcaption>Youth league members in a file photo.</figcaption></figure>"
        "<ul class='share'><li><figure><figcaption>Share icon</figcaption></figure></li></ul>"
        "<div itemprop='articleBody'><p>The league told members in Chongjin to patrol markets daily.</p>"
        "<ul class='tags'><li><a href='/t/a'>youth</a></li></ul></div>"
        "</article></body></html>"
    )
    report = loaded(write_file("lead.html", page)).report
    assert report.text == (
        "Youth league ordered to patrol markets\n\n"
        "Youth league members in a file photo.\n\n"
        "The league told members in Chongjin to patrol markets daily."
    )
    assert [role for _, _, role in report.segments] == [SegmentRole.HEADLINE, SegmentRole.CAPTION]
    assert report.published == date(2022, 3, 9)


@pytest.mark.parametrize(
    ("head", "published", "language"),
    [
        (
            '<script type="application/ld+json">'
            '[{"@graph": [{"datePublished": "2020-05-06T10:00:00+09:00"}]}]</script>'
            '<meta property="og:locale" content="ko_KR">',
            date(2020, 5, 6),
            "ko",
        ),
        (
            '<meta name="pubdate" content="not a date">'
            '<meta itemprop="datePublished" content="Jan. 2, 2019">',
            date(2019, 1, 2),
            None,
        ),
    ],
)
def test_other_metadata_sources(
    write_file: WriteFile, head: str, published: date, language: str | None
) -> None:
    page = f"<html><head>{head}</head><body><article><p>A report body.</p></article></body></html>"
    report = loaded(write_file("m.html", page), IngestDefaults(language="de")).report
    assert report.published == published
    assert report.language == (language or "de")
