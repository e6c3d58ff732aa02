"""Strings that must not yield a value (tests/samples/must_not_match.json).

Each string is placed in a small 案件 (or engineer) mail that states nothing else of that field,
and the whole extractor runs on it: the field must stay empty.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import pytest

from hayaoshi.extract.extractor import JST
from hayaoshi.extract.normalize import fold

ENTRIES = json.loads((Path(__file__).parent / "samples" / "must_not_match.json").read_text("utf-8"))
TALENT_FIELDS = {"age", "nationality", "gender", "employment"}


@dataclass
class Mail:
    subject: str
    body: str
    message_id: str | None = "must-not-match@example.jp"
    date: datetime | None = datetime(2026, 11, 20, 10, 0, tzinfo=JST)
    defects: tuple[str, ...] = ()


def _mail_for(entry: dict) -> Mail:
    if entry["field"] in TALENT_FIELDS:
        body = f"【氏名】T.K（男性）\n【スキル】PHP\n{entry['text']}\n"
        return Mail("人材のご紹介", body)
    body = f"【案件名】在庫管理システム刷新\n【作業内容】PHPによる改修\n{entry['text']}\n"
    return Mail("案件のご紹介", body)


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['field']}:{e['text'][:20]}")
def test_must_not_match(extractor, entry):
    if entry["field"] == "skills":
        found = {s.canonical for s in extractor.nlp.find(fold(entry["text"]))}
        assert entry["skill"] not in found, entry["why"]
        return
    parsed = extractor.extract(_mail_for(entry))
    assert parsed.postings, "the carrier mail must give a posting, or this test proves nothing"
    posting = parsed.postings[0].to_json()
    field = entry["field"]
    if field in ("rate_min", "rate_max"):
        assert (posting["rate_min"], posting["rate_max"]) == (None, None), entry["why"]
    elif field == "skill_years":
        assert entry.get("skill", "") not in posting["skill_years"], entry["why"]
    else:
        assert posting[field] in (None, False) if field != "foreigners_ok" else posting[field] is None, (
            entry["why"]
        )
