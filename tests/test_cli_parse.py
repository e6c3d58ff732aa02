"""`hayaoshi parse`: one JSON line per mail in input order; bad files go to stderr, exit 1."""

from __future__ import annotations

import json
from pathlib import Path

from hayaoshi.cli import main

CORPUS = Path(__file__).parent / "samples" / "mail"


def test_parse_files_in_order_and_reports_unreadable(tmp_path, capsys):
    talent = next((CORPUS / "talent_labels").glob("*.eml"))
    job = next((CORPUS / "job_labels").glob("*.eml"))
    missing = tmp_path / "missing.eml"
    code = main(["parse", str(talent), str(missing), str(job), "--now", "2026-11-29T09:00:00"])
    out, err = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 1
    assert [d["path"] for d in lines] == [str(talent), str(job)]
    assert [d["kind"] for d in lines] == ["talent", "job"]
    assert str(missing) in err


def test_parse_a_folder_walks_its_eml_files(capsys):
    code = main(["parse", str(CORPUS / "other")])
    out, _ = capsys.readouterr()
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert len(lines) == len(list((CORPUS / "other").glob("*.eml")))
    assert all(d["kind"] == "other" and d["postings"] == [] for d in lines)


def test_parse_refuses_a_hostile_mail_and_goes_on(tmp_path, capsys):
    deep = tmp_path / "deep.eml"
    parts = []
    for i in range(2000):
        parts.append(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n')
    deep.write_bytes(("Subject: deep\r\n" + "".join(parts) + "x\r\n").encode())
    good = next((CORPUS / "job_labels").glob("*.eml"))
    code = main(["parse", str(deep), str(good)])
    out, err = capsys.readouterr()
    assert code == 1
    assert "deep.eml" in err
    assert len(out.splitlines()) == 1


def test_table_format_is_readable(capsys):
    code = main(["parse", str(CORPUS / "job_multi"), "--format", "table"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert "job" in out and "万" in out
