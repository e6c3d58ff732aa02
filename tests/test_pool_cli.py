"""`hayaoshi pool import` and `hayaoshi pool list`, through their argparse wiring."""

from __future__ import annotations

import argparse
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from hayaoshi.extract.model import Employment, MailKind, ParsedMail, Posting, PostingKind
from hayaoshi.store.cli_pool import add_pool_parser
from hayaoshi.store.db import open_store

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

SAMPLE = Path(__file__).parent / "samples" / "roster" / "roster_sample.csv"


def pool(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="hayaoshi")
    add_pool_parser(parser.add_subparsers(dest="command", required=True))
    ns = parser.parse_args(list(argv))
    return ns.func(ns)


@pytest.fixture
def config(db_url, tmp_path, monkeypatch):
    for name in ("HAYAOSHI_DATABASE_URL", "HAYAOSHI_COMPANY_DOMAINS"):
        monkeypatch.delenv(name, raising=False)
    path = tmp_path / "hayaoshi.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n[company]\ndomains = ["ourses.co.jp"]\n', "utf-8")
    return str(path)


def test_import_dry_run_then_import_then_list(config, db_url, capsys):
    assert pool("pool", "import", str(SAMPLE), "--dry-run", "--config", config) == 1  # one row is not read
    out, err = capsys.readouterr()
    assert out.startswith("dry run, nothing written: 4 added, 0 updated, 0 unchanged, 1 not read\n")
    assert "columns not used: 部署" in out and "  E001: new (T.K)" in out
    assert "roster_sample.csv: line 7: 年齢 '三十五' is not an age" in err

    assert pool("pool", "list", "--config", config) == 0
    assert capsys.readouterr().out.endswith("0 engineers: 0 own, 0 partners'\n")

    assert pool("pool", "import", str(SAMPLE), "--config", config) == 1
    assert capsys.readouterr().out.startswith("4 added, 0 updated, 0 unchanged, 1 not read\n")

    store = open_store(db_url)
    try:
        talent = Posting(kind=PostingKind.TALENT, name="Y.O", skills=["COBOL"], rate_min=550_000, rate_max=550_000,
                         employment=Employment.FREELANCE)
        store.record_mail(ParsedMail("x@p", "人材", MailKind.TALENT, [], [talent]), sender="s@partner.co.jp",
                          received_at=datetime.now(tz=UTC) - timedelta(days=1), message_id="x@p", subject="人材",
                          body=None)
    finally:
        store.close()

    assert pool("pool", "list", "--config", config) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["区分", "ID", "氏名", "稼働可能", "単価", "会社", "スキル"]
    assert lines[2].split()[:5] == ["自社", "E001", "T.K", "2026-12-01", "65万"]
    assert lines[2].split()[6].startswith("Java(7年)、Spring")
    assert lines[-2].split()[:2] == ["BP", f"talent:{1}"] and "partner.co.jp" in lines[-2]
    assert lines[-1] == "5 engineers: 4 own, 1 partners'"

    assert pool("pool", "list", "--json", "--config", config) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert rows[0]["id"] == "E001" and rows[0]["rate"] == 650_000 and rows[-1]["chain_distance"] == 2


def test_a_missing_file_is_reported(config, capsys):
    assert pool("pool", "import", "/nonexistent/roster.csv", "--config", config) == 2
    assert "cannot read /nonexistent/roster.csv" in capsys.readouterr().err


def test_reimport_names_engineers_missing_from_the_file(tmp_path, capsys):
    """GIVEN a pool of two engineers WHEN a roster listing one is imported THEN the other is kept
    and named as missing from the file."""
    from hayaoshi.cli import main

    config = tmp_path / "hayaoshi.toml"
    config.write_text(f'[database]\nurl = "sqlite:///{tmp_path / "pool.db"}"\n', "utf-8")
    head = "社員番号,氏名,スキル\n"
    both = tmp_path / "both.csv"
    both.write_text(head + "E1,A.A,Java\nE2,B.B,PHP\n", "utf-8")
    one = tmp_path / "one.csv"
    one.write_text(head + "E1,A.A,Java\n", "utf-8")
    assert main(["pool", "import", str(both), "--config", str(config)]) == 0
    capsys.readouterr()
    assert main(["pool", "import", str(one), "--config", str(config)]) == 0
    out = capsys.readouterr().out
    assert "not in this file (kept): 1: E2" in out
