"""The notation table of DOMAIN.md, shape by shape, against the pure value rules."""

from __future__ import annotations

from datetime import date

import pytest

from hayaoshi.extract.model import Employment, Remote
from hayaoshi.extract.normalize import fold, normalize
from hayaoshi.extract.places import parse_place
from hayaoshi.extract.values import (
    find_age,
    find_age_max,
    find_employment,
    find_foreigners_ok,
    find_freelance_ok,
    find_japanese_level,
    find_max_chain,
    parse_interviews,
    parse_rate,
    parse_remote,
    parse_settlement,
    parse_start,
)

pytestmark = pytest.mark.unit
REF = date(2026, 11, 20)


@pytest.mark.parametrize(
    ("text", "lo", "hi", "neg"),
    [
        ("60～70万円", 600000, 700000, False),
        ("66〜72万", 660000, 720000, False),
        ("～58万円", None, 580000, False),
        ("MAX62万", None, 620000, False),
        ("45万円MAX", None, 450000, False),
        ("68万前後（140－180h）", 680000, 680000, False),
        ("42-45万 ※140-180H", 420000, 450000, False),
        ("@50（140-180）", 500000, 500000, False),
        ("完全スキル見合い（MAX55～58万円）", 550000, 580000, True),
        ("ご提示ください", None, None, True),
        ("スキル見合い", None, None, True),
        ("650,000円", 650000, 650000, False),
        ("６５万", 650000, 650000, False),
        ("73万(Min68万)", 680000, 730000, False),
        ("時給2,800円～", None, None, False),
        ("85万円（応相談）", 850000, 850000, True),
    ],
)
def test_rate_shapes(text, lo, hi, neg):
    rate = parse_rate(fold(text))
    assert rate is not None
    assert (rate.min, rate.max, rate.negotiable) == (lo, hi, neg)


@pytest.mark.parametrize("text", ["TEL 03-1234-5678", "〒110-0006", "派13-314863", "2026年11月20日"])
def test_numbers_that_are_not_rates(text):
    rate = parse_rate(fold(text))
    assert rate is None or (rate.min is None and rate.max is None)


@pytest.mark.parametrize(
    ("text", "hours"),
    [("140~180h", (140, 180)), ("160h～200h", (160, 200)), ("145 - 185", (145, 185)),
     ("精算固定", None), ("固定", None), ("精算確認中", None)],
)
def test_settlement(text, hours):
    assert parse_settlement(fold(text)) == hours


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("即日", date(2026, 11, 20)),
        ("即～長期", date(2026, 11, 20)),
        ("即日/12月～/1月～", date(2026, 11, 20)),
        ("2026年12月中旬～ or １月～", date(2026, 12, 11)),
        ("4/1～2027/3末", date(2027, 4, 1)),
        ("１月～：１名　２月～：２～３名", date(2027, 1, 1)),
        ("12月下旬～", date(2026, 12, 21)),
        ("来月から", date(2026, 12, 1)),
        ("11月～", date(2026, 11, 1)),
    ],
)
def test_start(text, start):
    found = parse_start(fold(text), REF)
    assert found is not None and found[0] == start


def test_long_alone_is_no_start():
    assert parse_start(fold("長期"), REF) is None


@pytest.mark.parametrize(
    ("text", "station", "location"),
    [
        ("JR京浜東北線 大宮駅", "大宮", None),
        ("水天宮前駅", "水天宮前", None),
        ("北千住", "北千住", None),
        ("虎ノ門 or 自宅", "虎ノ門", None),
        ("浜松町（出社とリモート併用）", "浜松町", None),
        ("三鷹～ バスで10分", "三鷹", None),
        ("栄駅周辺＋テレワーク（目安：出社50％／在宅50％）", "栄", None),
        ("京王線　調布駅", "調布", None),
        ("都内", None, "都内"),
        ("東京都港区", None, "東京都港区"),
    ],
)
def test_place(text, station, location):
    assert parse_place(fold(text)) == (station, location)


@pytest.mark.parametrize(
    ("text", "remote"),
    [("フルリモート", Remote.FULL), ("基本リモート（月1出社）", Remote.FULL), ("リモート併用", Remote.HYBRID),
     ("週2出社", Remote.HYBRID), ("一部テレワーク", Remote.HYBRID), ("常駐", Remote.ONSITE),
     ("リモート不可", Remote.ONSITE), ("基本出社", Remote.ONSITE)],
)
def test_remote(text, remote):
    found = parse_remote(fold(text))
    assert found is not None and found[0] is remote


@pytest.mark.parametrize(
    ("text", "n"),
    [("1回（弊社同席）", 1), ("2回（弊社＋企業様）", 2), ("一回", 1), ("1～2回", 2), ("弊社面談のみ", 1),
     ("顧客面談あり", None)],
)
def test_interviews(text, n):
    assert parse_interviews(fold(text)) == n


@pytest.mark.parametrize(
    ("text", "ok"),
    [("外国籍の方NG", False), ("国籍要件：日本国籍限定", False), ("外国籍：不可", False),
     ("外国籍可", True), ("※外国人大丈夫です", True), ("外国籍：不問", True), ("外国歴不可", False)],
)
def test_foreigners(text, ok):
    found = find_foreigners_ok(fold(text))
    assert found is not None and found[0] is ok


@pytest.mark.parametrize(
    ("text", "age"),
    [("45歳まで", 45), ("44歳以下", 44), ("～49歳", 49), ("年齢は30代まで", 39), ("35歳-45歳まで", 45),
     ("できれば40代前半まで", 44), ("45歳以上NG", 44)],
)
def test_age_max(text, age):
    found = find_age_max(fold(text))
    assert found is not None and found[0] == age


def test_age_not_from_years_or_limits():
    assert find_age(fold("2026年入社")) is None
    assert find_age(fold("45歳まで")) is None
    assert find_age(fold("32歳"))[0] == 32


@pytest.mark.parametrize(
    ("text", "chain"),
    [("貴社社員まで", 0), ("御社プロパー社員でお願い致します", 0), ("B  P：不可", 0), ("BP：御社まで", 0),
     ("1社先まで", 1), ("貴社まで（プロパー及びフリーランス可）", 0)],
)
def test_max_chain(text, chain):
    found = find_max_chain(fold(text))
    assert found is not None and found[0] == chain


def test_chain_description_is_no_limit():
    assert find_max_chain(fold("商流：エンド→元請→弊社")) is None


def test_freelance():
    assert find_freelance_ok(fold("個人事業主不可"))[0] is False
    assert find_freelance_ok(fold("プロパー及びフリーランス可"))[0] is True


@pytest.mark.parametrize(
    ("text", "employment"),
    [("弊社正社員", Employment.EMPLOYEE), ("プロパー", Employment.EMPLOYEE), ("契約社員", Employment.CONTRACT),
     ("個人事業主", Employment.FREELANCE), ("弊社フリーランス", Employment.FREELANCE)],
)
def test_employment(text, employment):
    assert find_employment(fold(text))[0] is employment


@pytest.mark.parametrize(
    ("text", "level"), [("日本語：N１", "N1"), ("JLPT N2", "N2"), ("日本語検定1級", "N1"), ("ネイティブ", "ネイティブ")]
)
def test_japanese_level(text, level):
    assert find_japanese_level(fold(text))[0] == level


def test_normalize_keeps_offsets():
    n = normalize("【単　価】６０〜７０万円")
    i = n.text.index("60")
    assert n.raw_span(i, i + 5) == "６０〜７０"


@pytest.mark.parametrize(
    ("text", "depth"),
    [("エンド→元請→弊社", 2), ("エンド→弊社", 1), ("エンド直", 1), ("元請直", 2), ("元請→上位→弊社", 3),
     ("貴社社員まで", None)],
)
def test_chain_depth(text, depth):
    from hayaoshi.extract.values import parse_chain_depth

    assert parse_chain_depth(fold(text)) == depth
