"""GiNZA runs only where the rules found no place, and what it finds is used with care."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from hayaoshi.extract.extractor import JST, Extractor


@dataclass
class Mail:
    subject: str
    body: str
    message_id: str | None = "ginza@example.jp"
    date: datetime | None = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
    defects: tuple[str, ...] = ()


JOB_WITHOUT_PLACE_LABEL = """お世話になっております。

【案件名】在庫管理システム改修
【必須スキル】Java開発経験3年以上
【単価】～65万
作業は大崎のお客様先に常駐していただきます。
"""


def test_ginza_finds_an_unlabelled_place_name():
    """GIVEN a 案件 whose place is only in prose, with no 駅 and no label
    WHEN it is extracted with GiNZA enabled
    THEN GiNZA runs once and its place name becomes the station."""
    extractor = Extractor()
    parsed = extractor.extract(Mail("案件のご紹介", JOB_WITHOUT_PLACE_LABEL))
    assert extractor.ginza_calls == 1
    assert parsed.postings[0].station == "大崎"
    assert "大崎" in parsed.postings[0].evidence["station"]


def test_ginza_is_not_called_when_rules_found_the_place(extractor):
    before = extractor.ginza_calls
    body = JOB_WITHOUT_PLACE_LABEL.replace("作業は大崎のお客様先に常駐していただきます。", "【場所】大崎駅")
    parsed = extractor.extract(Mail("案件のご紹介", body))
    assert parsed.postings[0].station == "大崎"
    assert extractor.ginza_calls == before


def test_rules_only_mode_leaves_the_place_empty():
    extractor = Extractor(use_ginza=False)
    parsed = extractor.extract(Mail("案件のご紹介", JOB_WITHOUT_PLACE_LABEL))
    assert parsed.postings[0].station is None
    assert extractor.ginza_calls == 0
