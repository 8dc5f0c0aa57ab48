"""Romanisation keys: every spelling of a name folds to one key, and different names stay apart."""

from __future__ import annotations

import pytest

from kirok.romanize import (
    join_keys,
    light_form,
    load_tables,
    name_key,
    name_parts,
    south_korean_spelling,
    token_key,
)

#: (one spelling, another spelling): both must give the same key.
SAME = [
    # McCune-Reischauer with and without diacritics, Revised Romanisation, older forms, suffixes
    ("Hoeryŏng", "Hoeryong"),
    ("Hoeryong", "Hoeryeong"),
    ("Hoeryong", "Hoiryeong"),
    ("Hoeryong", "Hoeryong-si"),
    ("Hoeryong", "Hoeryong City"),
    ("Hoeryong", "Hoeryŏng-ŭp"),
    ("Hoeryong", "HOERYONG"),
    ("North Hamgyŏng", "North Hamgyong"),
    ("North Hamgyong", "North Hamkyung"),
    ("North Hamgyong", "Hamgyongbuk-do"),
    ("North Hamgyong", "Hamgyong-bukto"),
    ("North Hamgyong", "Hamgyŏng-bukto"),
    ("North Hamgyong", "Hamgyeongbuk-do"),
    ("North Hamgyong", "North Hamgyong Province"),
    ("North Hamgyong", "Hamgyongbukdo"),
    ("South Hamgyong", "Hamgyongnam-do"),
    ("South Hamgyong", "Hamgyŏng-namdo"),
    ("South Hamgyong Province", "Hamgyeongnam-do"),
    ("North Pyongan", "P'yŏngan-bukto"),
    ("North Pyongan", "Pyeonganbuk-do"),
    ("South Pyongan", "P'yŏngan-namdo"),
    ("South Pyongan Province", "Pyongannam-do"),
    ("North Hwanghae", "Hwanghae-bukto"),
    ("South Hwanghae", "Hwanghaenam-do"),
    ("Ryanggang", "Yanggang"),
    ("Ryanggang Province", "Yanggang-do"),
    ("Ryanggang", "Ryangkang"),
    ("Jagang", "Chagang"),
    ("Jagang Province", "Chagang-do"),
    ("Kangwon", "Gangwon"),
    ("Kangwŏn-do", "Kangwon Province"),
    ("Ryongchon", "Yongchon"),
    ("Ryongchon", "Ryongch'ŏn"),
    ("Ryonggang", "Yonggang"),
    ("Rangrim", "Rangnim"),
    ("Rinsan", "Linsan"),
    ("Nyongbyon", "Yongbyon"),
    ("Nyongbyon", "Yŏngbyŏn"),
    ("Nyongwon", "Yongwon"),
    ("Rason", "Nason"),
    ("Rakwon", "Nakwon"),
    ("Kimhyongjik", "Kim Hyong Jik"),
    ("Kim Hyong Jik", "Kim Hyong-jik"),
    ("Kimjongsuk", "Kim Jong Suk"),
    ("Kim Chaek", "Kimch'aek"),
    ("Kim Chaek City", "Kimchaek"),
    ("P'yŏngyang", "Pyongyang"),
    ("Pyongyang", "Pyeongyang"),
    ("Pyongyang", "P'yongyang-si"),
    ("Pyongyang", "P’yŏngyang"),
    ("Sunch'ŏn", "Sunchon"),
    ("Sunchon", "Suncheon"),
    ("Sunchon City", "Sunch’ŏn-si"),
    ("Sinŭiju", "Sinuiju"),
    ("Sinuiju", "Shinuiju"),
    ("Sinuiju", "Sineuiju"),
    ("Sinuiju", "Sin-uiju"),
    ("Chongjin", "Ch'ŏngjin"),
    ("Chongjin", "Cheongjin"),
    ("Chongjin", "Chongjin-si"),
    ("Hamhŭng", "Hamhung"),
    ("Hamhung", "Hamheung"),
    ("Onsŏng", "Onsong"),
    ("Onsong", "Onseong"),
    ("Onsong County", "Onsong-gun"),
    ("Musan", "Musan-ŭp"),
    ("Musan", "Musan-gun"),
    ("Musan County", "Musan-eup"),
    ("Hyesan", "Hyesan-si"),
    ("Hyesan", "Hyesan City"),
    ("Sakju", "Sakchu"),
    ("Sakju County", "Sakchu-gun"),
    ("Jangphung", "Changp'ung"),
    ("Jangphung", "Jangpung"),
    ("Manpho", "Manp'o"),
    ("Sinpho", "Sinp'o"),
    ("Thaethan", "T'aet'an"),
    ("Thongchon", "T'ongch'ŏn"),
    ("Phyongsan", "P'yŏngsan"),
    ("Kophung", "Kop'ung"),
    ("Kabsan", "Kapsan"),
    ("Jasong", "Chasŏng"),
    ("Junggang", "Chunggang"),
    ("Jongju", "Chŏngju"),
    ("Unryul", "Ŭllyul"),
    ("Kangryong", "Kangnyŏng"),
    ("Kangryong", "Gangnyeong"),
    ("Kaesong", "Kaesŏng"),
    ("Kaesong", "Kaeseong"),
    ("Wonsan", "Wŏnsan"),
    ("Wonsan", "Weonsan"),
    ("Tokchon", "Tŏkch'ŏn"),
    ("Kusong", "Kusŏng-si"),
    ("Sariwon", "Sariwŏn-si"),
    ("Unjong Dist.", "Unjong District"),
    ("Sunam District", "Sunam-guyok"),
    ("Sunam-guyŏk", "Sunam-ku"),
    ("Songnim-ni", "Songnim-ri"),
    ("Ch'ŏsal-li", "Chosal-ri"),
    ("Nammun-dong", "Nammun-tong"),
    ("Namyang-nodongjagu", "Namyang-rodongjagu"),
    ("Pukchil-lodongjagu", "Pukchil-nodongjagu"),
    ("Man'gyŏngdae", "Mangyongdae"),
    ("Hoeryong's", "Hoeryong"),
    # hangul: suffixes and the initial-sound rule
    ("회령", "회령시"),
    ("회령", "회녕"),
    ("함경북도", "함경북"),
    ("량강도", "양강도"),
    ("룡강읍", "용강읍"),
    ("룡천군", "용천"),
    ("녕변", "영변"),
    ("리원", "이원"),
    ("라선", "나선"),
    ("부령", "부녕"),
    ("온성군", "온성"),
    ("남문동", "남문"),
    ("신의주시", "신의주"),
    ("평양직할시", "평양"),
    ("청진시", "청진 시"),
]

#: Names that must stay apart.
DIFFERENT = [
    ("North Hamgyong", "South Hamgyong"),
    ("North Pyongan", "South Pyongan"),
    ("Hamgyongbuk-do", "Hamgyongnam-do"),
    ("Hoeryong", "Onsong"),
    ("Musan", "Hyesan"),
    ("Unsan", "Onsong"),
    ("Kangdong", "Kangnam"),
    ("Sinchon", "Sinuiju"),
    ("신도", "신"),
    ("Sindo", "Sin"),
    ("회령", "회양"),
    ("North Korea", "South Korea"),
]


@pytest.mark.parametrize(("a", "b"), SAME)
def test_variants_share_a_key(a: str, b: str) -> None:
    assert name_key(a) == name_key(b), (name_key(a), name_key(b))


@pytest.mark.parametrize(("a", "b"), DIFFERENT)
def test_different_names_keep_different_keys(a: str, b: str) -> None:
    assert name_key(a) != name_key(b)


def test_the_variant_table_is_large() -> None:
    assert len(SAME) >= 100


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Hoeryong City", "city"),
        ("Hoeryong-si", "city"),
        ("Musan County", "county"),
        ("Onsong-gun", "county"),
        ("North Hamgyong", "province"),
        ("Hamgyong-bukto", "province"),
        ("Ryanggang Province", "province"),
        ("Nammun-dong", "sub_unit"),
        ("Sunam-guyok", "district"),
        ("Musan-ŭp", "town"),
        ("Namyang-nodongjagu", "workers_district"),
        ("Hoeryong", None),
        ("회령시", "city"),
        ("남문동", "sub_unit"),
        ("함경북도", "province"),
    ],
)
def test_name_parts_reads_the_suffix(name: str, kind: str | None) -> None:
    assert name_parts(name).kind == kind


def test_a_suffix_alone_is_not_stripped_away() -> None:
    assert name_key("Dong") == token_key("Dong") != ""
    assert name_key("City") != ""


def test_light_form_drops_diacritics_and_apostrophes() -> None:
    assert light_form("Sunch'ŏn") == "sunchon"
    assert light_form("P’yŏngyang") == "pyongyang"
    assert light_form("회령") == "회령"


def test_tables_come_from_the_data_file() -> None:
    tables = load_tables()
    assert tables.suffix_kind("gun") == "county"
    assert tables.suffix_kind("county") == "county"
    assert tables.direction_words["north"] == "puk"
    assert "시" in tables.hangul_suffixes


@pytest.mark.parametrize(
    ("northern", "southern"),
    [
        ("룡천군", "용천군"),
        ("녕변", "영변"),
        ("리원", "이원"),
        ("라선시", "나선시"),
        ("로동자구", "노동자구"),
        ("락원", "낙원"),
    ],
)
def test_south_korean_spelling_applies_the_initial_sound_rule(northern: str, southern: str) -> None:
    assert south_korean_spelling(northern) == southern
    assert name_key(northern) == name_key(southern)


@pytest.mark.parametrize("word", ["평양", "회령", "Hoeryong", ""])
def test_south_korean_spelling_leaves_other_words_alone(word: str) -> None:
    assert south_korean_spelling(word) == word


def test_joined_keys_equal_the_key_of_the_joined_word() -> None:
    assert join_keys(token_key("Hyong"), token_key("gwon")) == token_key("Hyonggwon")
    assert join_keys(join_keys("kim", "hyonk"), "kwon") == join_keys("kim", join_keys("hyonk", "kwon"))
    assert name_key("Kim Hyong Gwon") == name_key("Kimhyonggwon")


@pytest.mark.parametrize(
    ("misspelt", "name"), [("Hoeryonggg", "Hoeryong"), ("Onsongg", "Onsong"), ("Sinuijuu", "Sinuiju")]
)
def test_letters_written_thrice_or_at_the_end_are_not_folded(misspelt: str, name: str) -> None:
    assert name_key(misspelt) != name_key(name)
