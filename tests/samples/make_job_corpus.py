"""Write the golden corpus of 案件 (job) mails: tests/samples/mail/job_*/<name>.eml + .expected.json.

Run from anywhere:  python tests/samples/make_job_corpus.py

Every mail here was written for the project (no real mail is copied). The expected values are
hand-annotated against docs/fields.md; they are NOT produced by the extractor. Skill words in the
mails come only from docs/core_skills.txt, so each posting's expected skill set is unambiguous.

The .eml files are written with CRLF line endings (email.policy.SMTP). Keep `*.eml -text` in
.gitattributes so git does not rewrite them.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail"
JST = timezone(timedelta(hours=9))

# `start` may be given as this marker: the mail's own date (即日 / 即 / 随時), per docs/fields.md.
MAIL_DATE = "MAIL_DATE"


def posting(
    *,
    title,
    req=(),
    pref=(),
    years=None,
    rate=(None, None),
    neg=False,
    start=None,
    station=None,
    location=None,
    remote=None,
    settle=None,
    interviews=None,
    foreigners=None,
    age_max=None,
    jp=None,
    chain=None,
    freelance=None,
    headcount=None,
):
    """One expected job posting with every key of `hayaoshi parse` (minus evidence)."""
    req, pref = list(req), list(pref)
    assert not set(req) & set(pref), (title, "a skill is either required or preferred")
    return {
        "kind": "job",
        "title": title,
        "skills": req + pref,
        "required_skills": req,
        "preferred_skills": pref,
        "skill_years": {k: float(v) for k, v in (years or {}).items()},
        "rate_min": rate[0],
        "rate_max": rate[1],
        "rate_negotiable": neg,
        "start": start,
        "station": station,
        "location": location,
        "remote": remote,
        "settlement_hours": list(settle) if settle else None,
        "interviews": interviews,
        "foreigners_ok": foreigners,
        "age_max": age_max,
        "age": None,
        "gender": None,
        "nationality": None,
        "japanese_level": jp,
        "employment": None,
        "max_chain": chain,
        "freelance_ok": freelance,
        "headcount": headcount,
    }


# @@MAILS@@


def build(mail: dict) -> tuple[bytes, dict]:
    when = datetime(*mail["date"], tzinfo=JST)
    folder, name = mail["folder"], mail["name"]
    msgid = f"{when:%Y%m%d%H%M%S}.{name.replace('_', '-')}@example.jp"

    msg = EmailMessage(policy=policy.SMTP)
    display, addr = mail["sender"]
    msg["From"] = Address(display_name=display, addr_spec=addr)
    to_display, to_addr = mail.get("to", ("", "partners@example.com"))
    msg["To"] = Address(display_name=to_display, addr_spec=to_addr)
    msg["Subject"] = mail["subject"]
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{msgid}>"
    body = mail["body"].strip("\n") + "\n"
    msg.set_content(body, charset="utf-8", cte=mail.get("cte", "8bit"))
    raw = msg.as_bytes(policy=policy.SMTP)

    postings = []
    for p in mail["postings"]:
        p = dict(p)
        if p["start"] == MAIL_DATE:
            p["start"] = when.date().isoformat()
        postings.append(p)
    expected = {
        "message_id": msgid,
        "subject": mail["subject"],
        "kind": "job",
        "defects": [],
        "postings": postings,
    }
    return raw, expected


def main() -> None:
    seen = set()
    for mail in MAILS:
        key = (mail["folder"], mail["name"])
        assert key not in seen, key
        seen.add(key)
        raw, expected = build(mail)
        folder = OUT / mail["folder"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{mail['name']}.eml").write_bytes(raw)
        (folder / f"{mail['name']}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(MAILS)} mails under {OUT}")


if __name__ == "__main__":
    main()
