"""A known week for the digest tests: mails, postings, rankings and the roster, with the figures
they must give worked out by hand (the tests in test_digest_*.py import `seed` and `NOW`).

The digest of NOW (Monday 2026-11-30 08:00 JST) covers Mon 11/23 – Sun 11/29. Ranks use the
small rule `RULE` (A: 4 postings and 2 useful in 28 days; B: 2 and 1; C: 2 postings or 1 useful).

    this week   alpha job a1 Mon (◎, 商流2, 70万, hybrid)  epsilon job e1 Mon (same work, 商流1, 75万)
                alpha job a2 Wed (△ only, Python, onsite) gamma talents g1 Tue (Java 60万), g2 Thu (Python 50万)
                colleague job o1 Sun 23:59 (Java/React, full remote) · alpha "other" mail Sat
                colleague job after the week (Mon 11/30 00:30): not counted
    4 weeks     alpha jobs Mon 11/02, 11/09, 11/16 (○) and Sun 11/22 23:59 · beta talents Tue 11/03, 11/10 (○)
    before      delta jobs Wed 11/04, 11/11, 11/18 (◎), Thu 11/19 (○) · beta job Tue 10/27 (○) · delta Wed 10/28 (○)
    past        alpha job Mon 10/12 · beta jobs Tue 10/06, 10/13, 10/20 (○) · delta Wed 10/07, 10/14, 10/21 (○)
    roster      E001 Java ends 12/15 (予定) · E002 Python since 11/01 (待機) · E003 C# 2027/06 · E004 unknown
    drafts      (when the drafts ledger exists) a1 sent edited, g1 deleted, a2 sent as is, g2 pending, e1 in the folder,
                o1 failed; one older draft
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import update

from hayaoshi.extract.model import MailKind, ParsedMail, Posting, PostingKind, Remote
from hayaoshi.match.model import Exclusion, Match, Ranking, Tier
from hayaoshi.notify.digest_model import RankRule
from hayaoshi.store.model import RosterRow
from hayaoshi.store.tables import JST, Company, MailRecord

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

NOW = datetime(2026, 11, 30, 8, 0, tzinfo=JST)
RULE = RankRule(a_postings=4, a_useful=2, b_postings=2, b_useful=1, c_postings=2)
SENDERS = {
    "alpha": "営業部 <sales@alpha.co.jp>",
    "beta": "bp@beta.co.jp",
    "gamma": "jinzai@gamma.co.jp",
    "delta": "info@mail.delta.co.jp",
    "epsilon": "eigyo@epsilon.co.jp",
    "own": "colleague@ourses.co.jp",
}
# Seconds from arrival to recording, for the week's mails in the order they are seeded.
PICKUP = [10, 20, 30, 40, 50, 60, 600]


def at(month: int, day: int, hour: int = 10, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=JST)


def job(title: str, required=("Java",), preferred=(), rate: int | None = 600_000, remote: Remote | None = None,
        chain: int | None = None, start: date | None = date(2026, 12, 1)) -> Posting:
    return Posting(kind=PostingKind.JOB, title=title, required_skills=list(required),
                   preferred_skills=list(preferred), skills=[*required, *preferred], rate_max=rate,
                   rate_min=None, remote=remote, chain_depth=chain, start=start, station="品川")


def talent(name: str, skills, rate: int) -> Posting:
    return Posting(kind=PostingKind.TALENT, name=name, skills=list(skills), rate_min=rate, rate_max=rate,
                   start=date(2026, 12, 1), station="大宮")


def ranking(tier: Tier) -> Ranking:
    """A saved ranking whose best match has `tier`, and an exclusion (which never counts)."""
    return Ranking(matches=[Match("E001", "T.K", {Tier.TOP: 0.9, Tier.GOOD: 0.7, Tier.FAIR: 0.4}[tier], tier, ())],
                   excluded=[Exclusion("E009", "X", ("年齢",))])


class Seeder:
    def __init__(self, store) -> None:
        self.store = store
        self.ids: dict[str, int] = {}
        self.n = 0

    def mail(self, label: str, sender: str, when: datetime, *postings: Posting, tier: Tier | None = None,
             subject: str | None = None) -> int | None:
        self.n += 1
        kinds = {p.kind for p in postings}
        kind = MailKind(next(iter(kinds)).value) if len(kinds) == 1 else MailKind.OTHER
        parsed = ParsedMail(message_id=f"<{label}.{self.n}@test>", subject=subject or label, kind=kind, defects=[],
                            postings=list(postings))
        ids = self.store.record_mail(parsed, sender=SENDERS[sender], received_at=when,
                                     message_id=parsed.message_id, subject=parsed.subject, body="本文")
        if not ids:
            return None
        self.ids[label] = ids[0]
        if tier is not None:
            self.store.save_ranking(ids[0], ranking(tier))
        return ids[0]


def seed(store) -> dict[str, int]:
    """Seed the week described above; returns posting ids by label."""
    s = Seeder(store)
    # The week, in this order (PICKUP follows it).
    week = [
        s.mail("a1", "alpha", at(11, 23), job("配送管理 Java", ("Java", "SQL"), ("AWS",), 700_000, Remote.HYBRID, 2),
               tier=Tier.TOP),
        s.mail("e1", "epsilon", at(11, 23, 12), job("配送管理 Java 再", ("Java", "SQL"), ("AWS",), 750_000,
                                                    Remote.HYBRID, 1)),
        s.mail("g1", "gamma", at(11, 24), talent("K.S", ("Java", "Spring"), 600_000)),
        s.mail("a2", "alpha", at(11, 25, 9), job("分析基盤 Python", ("Python",), (), 550_000, Remote.ONSITE),
               tier=Tier.FAIR),
        s.mail("g2", "gamma", at(11, 26), talent("M.A", ("Python",), 500_000)),
        s.mail("x1", "alpha", at(11, 28), subject="お礼"),
        s.mail("o1", "own", at(11, 29, 23, 59), job("社内 React", ("Java", "React"), (), 650_000, Remote.FULL)),
    ]
    store.set_cluster([s.ids["a1"], s.ids["e1"]], s.ids["a1"])
    s.mail("late", "own", datetime(2026, 11, 30, 0, 30, tzinfo=JST), job("翌週の案件"))
    # The four weeks before.
    for label, (m, d) in {"a_1102": (11, 2), "a_1109": (11, 9)}.items():
        s.mail(label, "alpha", at(m, d), job("Java 案件"))
    s.mail("a_1116", "alpha", at(11, 16), job("Java 案件"), tier=Tier.GOOD)
    s.mail("a_1122", "alpha", at(11, 22, 23, 59), job("Java 案件"))
    s.mail("b_1103", "beta", at(11, 3), talent("B.1", ("Go",), 700_000))
    s.mail("b_1110", "beta", at(11, 10), talent("B.2", ("Go",), 700_000), tier=Tier.GOOD)
    for d in (4, 11):
        s.mail(f"d_11{d:02}", "delta", at(11, d), job("C# 案件", ("C#",)))
    s.mail("d_1118", "delta", at(11, 18), job("C# 案件", ("C#",)), tier=Tier.TOP)
    s.mail("d_1119", "delta", at(11, 19), job("C# 案件", ("C#",)), tier=Tier.GOOD)
    s.mail("b_1027", "beta", at(10, 27), job("Go 案件", ("Go",)), tier=Tier.GOOD)
    s.mail("d_1028", "delta", at(10, 28), job("C# 案件", ("C#",)), tier=Tier.GOOD)
    # The past window.
    s.mail("a_1012", "alpha", at(10, 12), job("Java 案件"))
    s.mail("b_1006", "beta", at(10, 6), job("Go 案件", ("Go",)))
    s.mail("b_1013", "beta", at(10, 13), job("Go 案件", ("Go",)), tier=Tier.GOOD)
    s.mail("b_1020", "beta", at(10, 20), job("Go 案件", ("Go",)))
    s.mail("d_1007", "delta", at(10, 7), job("C# 案件", ("C#",)))
    s.mail("d_1014", "delta", at(10, 14), job("C# 案件", ("C#",)))
    s.mail("d_1021", "delta", at(10, 21), job("C# 案件", ("C#",)), tier=Tier.TOP)
    assert len(week) == len(PICKUP)
    with store.engine.begin() as conn:
        rows = conn.execute(MailRecord.__table__.select().where(
            MailRecord.received_at >= at(11, 23, 0), MailRecord.received_at < at(11, 30, 0))
            .order_by(MailRecord.id)).all()
        assert len(rows) == len(PICKUP)
        for row, delay in zip(rows, PICKUP, strict=True):
            conn.execute(update(MailRecord).where(MailRecord.id == row.id)
                         .values(created_at=row.received_at + timedelta(seconds=delay)))
        conn.execute(update(Company).where(Company.domain == "alpha.co.jp").values(name="アルファ株式会社"))
    store.upsert_roster([
        RosterRow(line=2, employee_no="E001", name="T.K", skills=("Java", "Spring", "SQL"), rate=650_000,
                  available_from=date(2026, 12, 15)),
        RosterRow(line=3, employee_no="E002", name="S.Y", skills=("Python", "Django"), rate=550_000,
                  available_from=date(2026, 11, 1)),
        RosterRow(line=4, employee_no="E003", name="R.K", skills=("C#", ".NET"), rate=700_000,
                  available_from=date(2027, 6, 1)),
        RosterRow(line=5, employee_no="E004", name="M.N", skills=("Java",), rate=600_000, available_from=None),
    ], now=NOW)
    seed_drafts(store, s.ids)
    return s.ids


# (posting, state, seconds from the mail's arrival to the drafts folder, to the sent mail or deletion)
DRAFTS = [
    ("a1", "sent", 120, 1800),
    ("g1", "deleted", 60, 7200),
    ("a2", "sent", 300, 3600),
    ("g2", "pending", None, None),
    ("e1", "appended", 30, None),
    ("o1", "failed", None, None),
]

EDITED = {"a1": True, "a2": False}  # what the rep did before sending


def seed_drafts(store, ids: dict[str, int]) -> bool:
    """The week's drafts, and one of the week before; False when the tree has no drafts ledger."""
    try:
        from hayaoshi.store.drafts import DraftRecord
    except ImportError:
        return False
    from sqlalchemy.orm import Session

    def record(label: str, state: str, to_folder: int | None, to_outcome: int | None, created_offset: int = 5):
        row, _ = store.posting(ids[label])
        arrived = row.received_at
        return DraftRecord(
            message_id=f"<draft.{label}@ourses.co.jp>", account="sales", kind="job_reply", state=state,
            mail_id=row.mail_id, posting_id=row.id, subject=f"Re: {label}", candidates=["E001"],
            created_at=arrived + timedelta(seconds=created_offset),
            appended_at=arrived + timedelta(seconds=to_folder) if to_folder is not None else None,
            outcome_at=arrived + timedelta(seconds=to_outcome) if to_outcome is not None else None,
            edited=EDITED.get(label),
        )

    with Session(store.engine) as session, session.begin():
        for label, state, to_folder, to_outcome in DRAFTS:
            session.add(record(label, state, to_folder, to_outcome))
        session.add(record("a_1116", "sent", 10, 20))
    return True


@pytest.fixture
def seeded(store):
    return store, seed(store)


def test_the_seed_records_what_the_digest_tests_expect(seeded):
    """The seed itself: every posting stored, the late one after the week, one cluster."""
    store, ids = seeded
    assert len(ids) == 26  # 27 mails; every one but the "other" mail gave one posting
    row, _ = store.posting(ids["e1"])
    assert row.cluster_id == ids["a1"] and row.chain_depth == 1
