"""The retention purge (APPI): after `retention.days`, stored mail text and partners' engineers go.

For every mail stored more than `days` ago (by when hayaoshi stored it, not by its Date header, which
the sender writes) and not purged yet:
- the mail keeps its row (so the same Message-ID is still recognised and never processed again) but
  loses its body and its sender's address; a 人材 mail also its subject (initials, age, station);
- each of its 人材 postings keeps only its kind: the parsed fields and their source text go;
- the partner engineer made from it leaves the pool, and rankings stop naming or quoting them.
Job postings (案件) are company data, not personal data, and stay. Our own engineers (the roster)
are the company's own records and are not touched. The ledger holds no mail text.

The SQL runs on the store's tables directly; `Store.purge` would be its natural home.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Engine, delete, or_, select, update

from hayaoshi.extract.model import MailKind, PostingKind
from hayaoshi.store.tables import EngineerRecord, EngineerSource, MailRecord, MatchRecord, PostingRecord

logger = logging.getLogger(__name__)

MAIL, POSTING = MailRecord.__table__, PostingRecord.__table__
ENGINEER, MATCH = EngineerRecord.__table__, MatchRecord.__table__
_CHUNK = 500
_PARTNER = "talent:"  # the candidate id of a partner's engineer (pipeline.PARTNER_PREFIX)


@dataclass(frozen=True, slots=True)
class Purged:
    mails: int = 0
    talent_postings: int = 0
    engineers: int = 0


def purge(engine: Engine, *, days: int, now: datetime) -> Purged:
    """Purge what is older than `days`; idempotent, in chunks of 500 mails per transaction."""
    cutoff = now - timedelta(days=days)
    mails = postings = engineers = 0
    while True:
        with engine.begin() as conn:
            ids = list(conn.execute(select(MAIL.c.id).where(MAIL.c.created_at < cutoff,
                                                            or_(MAIL.c.body.is_not(None), MAIL.c.sender.is_not(None)))
                                    .order_by(MAIL.c.id).limit(_CHUNK)).scalars())
            if not ids:
                break
            talent = list(conn.execute(select(POSTING.c.id).where(POSTING.c.mail_id.in_(ids),
                                                                  POSTING.c.kind == PostingKind.TALENT)).scalars())
            if talent:
                keys = [f"{_PARTNER}{pid}" for pid in talent]
                engineers += conn.execute(delete(ENGINEER).where(ENGINEER.c.source == EngineerSource.PARTNER,
                                                                 ENGINEER.c.posting_id.in_(talent))).rowcount
                conn.execute(update(MATCH).where(or_(MATCH.c.candidate_id.in_(keys), MATCH.c.posting_id.in_(talent)))
                             .values(candidate_name="", requirements=[], reasons=[]))
                postings += conn.execute(update(POSTING).where(POSTING.c.id.in_(talent)).values(
                    data={"kind": str(PostingKind.TALENT), "purged": True}, title=None, station=None)).rowcount
            conn.execute(update(MAIL).where(MAIL.c.id.in_(ids), MAIL.c.kind.in_([MailKind.TALENT, MailKind.MIXED]))
                         .values(subject=""))
            mails += conn.execute(update(MAIL).where(MAIL.c.id.in_(ids)).values(body=None, sender=None)).rowcount
    # Partners' engineers whose mail is gone or was never linked: by their own age.
    with engine.begin() as conn:
        engineers += conn.execute(delete(ENGINEER).where(ENGINEER.c.source == EngineerSource.PARTNER,
                                                         ENGINEER.c.created_at < cutoff)).rowcount
    result = Purged(mails, postings, engineers)
    if mails or engineers:
        logger.info("retention: %d mail(s) older than %d days purged (%d 人材 posting(s), %d partner engineer(s))",
                    mails, days, postings, engineers)
    return result
