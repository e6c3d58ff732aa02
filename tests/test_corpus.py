"""The golden corpus: every `tests/samples/mail/<behaviour>/<name>.eml` against its expected JSON.

The mails were written for the project and annotated by hand against docs/fields.md; the real
tokenizer (Sudachi), the span_ruler and GiNZA run here, no stand-ins.
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from hayaoshi.extract.evaluate import compare
from hayaoshi.extract.extractor import JST
from hayaoshi.ingest.decode import decode_message
from hayaoshi.ingest.quotes import split_quoted

CORPUS = Path(__file__).parent / "samples" / "mail"
MAILS = sorted(CORPUS.rglob("*.eml"))
NOW = datetime(2026, 11, 29, 9, 0, tzinfo=JST)


def parse(extractor, path: Path) -> tuple[dict, str]:
    mail = decode_message(path.read_bytes())
    text, _ = split_quoted(mail.body, mail.subject)
    return extractor.extract(mail, body=text, now=NOW).to_json(), mail.body + "\n" + mail.subject


def test_corpus_is_large_enough():
    assert len(MAILS) >= 80
    assert all(p.with_suffix(".expected.json").exists() for p in MAILS)


@pytest.mark.parametrize("path", MAILS, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_mail_matches_expected(extractor, path: Path):
    expected = json.loads(path.with_suffix(".expected.json").read_text("utf-8"))
    got, text = parse(extractor, path)
    diffs = compare(got, expected)
    assert not diffs, "\n".join(diffs)
    for posting in got["postings"]:
        for field, value in posting.items():
            if field in ("evidence", "kind", "rate_negotiable", "sheets", "warnings") or value in (None, [], {}):
                continue
            key = "rate" if field in ("rate_min", "rate_max") else field
            if field in ("required_skills", "preferred_skills", "skill_years"):
                key = "skills"
            assert key in posting["evidence"], f"{field} has no evidence"
            ev = posting["evidence"][key]
            if ev != "(subject)" and key != "skills":  # skills evidence lists the spans found
                assert ev in text, f"evidence for {field} is not in the mail: {ev!r}"
