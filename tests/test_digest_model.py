"""The digest's pure pieces: the A–D rule, trends, statistics and the display filters."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from hayaoshi.notify.digest import day, duration, man, number, percent, when
from hayaoshi.notify.digest_model import Rank, RankRule, median, percentile, trend
from hayaoshi.store.tables import JST

pytestmark = pytest.mark.unit


@pytest.mark.parametrize(("postings", "useful", "expected"), [
    (0, 0, None),
    (1, 0, Rank.D),
    (4, 0, Rank.D),
    (5, 0, Rank.C),  # enough postings, nothing came of them
    (1, 1, Rank.C),  # few postings, but one found a candidate
    (5, 1, Rank.B),
    (19, 5, Rank.B),
    (20, 4, Rank.B),
    (20, 5, Rank.A),
], ids=["nothing", "one", "four", "five-no-use", "one-useful", "B", "19-postings", "4-useful", "A"])
def test_default_rank_rule_over_28_days(postings, useful, expected):
    assert RankRule().rank(postings, useful) is expected


def test_a_week_is_scaled_to_28_days():
    rule = RankRule()
    assert rule.rank(5, 2, days=7) is Rank.A  # 20 postings and 8 useful at that pace
    assert rule.rank(4, 2, days=7) is Rank.B  # 16 postings
    assert rule.rank(1, 0, days=7) is Rank.D  # 4 postings


def test_the_rule_is_described_with_its_numbers():
    lines = RankRule(a_postings=30, a_useful=6).describe()
    assert lines[0].startswith("A: 28日間に30件以上") and "6件以上" in lines[0]
    assert [line[0] for line in lines[:4]] == ["A", "B", "C", "D"]


@pytest.mark.parametrize(("past", "current", "arrow"), [
    (Rank.D, Rank.A, "↑"), (Rank.A, Rank.B, "↓"), (Rank.B, Rank.B, "→"), (None, Rank.C, "新規"),
    (Rank.A, None, "休止"), (None, None, "—"),
])
def test_trend(past, current, arrow):
    assert trend(past, current) == arrow


def test_nearest_rank_percentiles_and_median():
    values = [10, 20, 30, 40, 50, 60, 600]
    assert (percentile(values, 50), percentile(values, 95), percentile(values, 100)) == (40, 600, 600)
    assert percentile([5], 95) == 5 and percentile([], 50) is None
    assert median([600_000, 700_000]) == 650_000 and median([]) is None


def test_display_filters():
    assert (man(650_000), man(625_000), man(None)) == ("65万", "62.5万", "—")
    assert (number(2.5), number(0.75), number(3.0), number(None)) == ("2.5", "0.75", "3", "—")
    assert (percent(2 / 3), percent(None)) == ("67%", "—")
    assert [duration(s) for s in (40, 600, 5400, 36000, 200000, None)] == \
        ["40秒", "10分", "90分", "10.0時間", "2.3日", "—"]
    assert day(date(2026, 11, 23)) == "11/23(月)"
    assert when(datetime(2026, 11, 10, 9, 5, tzinfo=JST)) == "11/10 09:05"
