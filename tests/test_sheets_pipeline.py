"""A partner's mail with its skill sheet through the pipeline: the pool keeps the sheet's years and the check."""

from __future__ import annotations

from datetime import datetime

import pytest

from hayaoshi.config.settings import load_config
from hayaoshi.extract.extractor import JST
from hayaoshi.pipeline import Pipeline
from hayaoshi.tests import sheet_factory as make
from hayaoshi.tests.test_sheets_mail import ONE, XLSX, eml

pytestmark = pytest.mark.pipeline
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=JST)


def test_the_pool_engineer_carries_the_sheets_years_and_check(tmp_path, extractor):
    config = load_config(None, {"HAYAOSHI_DATABASE_URL": f"sqlite:///{tmp_path / 'h.db'}",
                                "HAYAOSHI_COMPANY_DOMAINS": "ourses.co.jp"})
    pipeline = Pipeline(config, extractor=extractor)
    try:
        raw = eml(ONE, ("スキルシート_TK.xlsx", make.vertical_xlsx(), XLSX), ("bomb.xlsx", make.bomb_xlsx(), XLSX))
        processed = pipeline.process(raw, now=NOW)
        (posting,) = processed.parsed.postings
        assert [s["status"] for s in posting.sheets] == ["read", "refused"]
        (engineer,) = [e for e in pipeline.store.engineers(NOW) if not e.own]
        assert engineer.skill_years["Java"] == 10.7 and engineer.age == 32 and engineer.station == "大宮"
        assert engineer.evidence["age"] == "スキルシート_TK.xlsx: 年齢 32歳"
        assert "Java の年数がメール 3年 とスキルシート 10.7年 で違います" in engineer.warnings
        assert any("bomb.xlsx を読めませんでした（zip-bomb" in w for w in engineer.warnings)
        assert engineer.sheet_skills and "Python" in engineer.sheet_skills
    finally:
        pipeline.store.close()
