"""The SQL store: mails, postings, the engineer pool and saved rankings.

Every method opens its own session and commits before it returns, so one `Store` serves the
daemon's threads. Database failures surface as `StoreError`.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, or_, select, update
from sqlalchemy.orm import Session, sessionmaker

from hayaoshi.errors import StoreError
from hayaoshi.extract.model import ParsedMail, PostingKind
from hayaoshi.match.convert import company_key
from hayaoshi.match.model import Engineer, Job, Ranking
from hayaoshi.store import convert
from hayaoshi.store.model import ImportReport, RosterRow, StoreSettings
from hayaoshi.store.session import Prepared, insert_returning_id, session_for, unit, unit_session
from hayaoshi.store.tables import (
    JST,
    CandidateKind,
    Company,
    EngineerRecord,
    EngineerSource,
    MailRecord,
    MatchRecord,
    PostingRecord,
)
from hayaoshi.store.upsert import upsert_roster

logger = logging.getLogger(__name__)

MAIL, POSTING, ENGINEER, COMPANY = (MailRecord.__table__, PostingRecord.__table__, EngineerRecord.__table__,
                                    Company.__table__)
MATCH = MatchRecord.__table__
# A ranking's rows (~30, for every posting the daemon reads) go in through one executemany, their
# values converted by `_match_rows` (the constants once a ranking, not once a row).
_INSERT_MATCHES = Prepared(MATCH.insert().values({c.name: bindparam(c.name) for c in MATCH.columns if c.name != "id"})
                           .inline())
_COMPANY_SEEN = (update(COMPANY).where(COMPANY.c.id == bindparam("company"))
                 .values(first_seen=bindparam("first_seen"), last_seen=bindparam("last_seen")))

# Statements made once (building one costs more than running it, for the rows of one mail).
_INSERT_MAIL, _INSERT_POSTING, _INSERT_ENGINEER = map(insert_returning_id, (MAIL, POSTING, ENGINEER))
_DELETE_MATCHES = Prepared(MATCH.delete().where(MATCH.c.posting_id == bindparam("posting")))
_MAIL_BY_KEY = select(MAIL.c.id).where(MAIL.c.key == bindparam("key"))
_COMPANY_BY_DOMAIN = select(COMPANY.c.id, COMPANY.c.first_seen, COMPANY.c.last_seen).where(
    COMPANY.c.domain == bindparam("domain"))


class Conflict(StoreError):
    """A write met a row another writer made first (a unique key); the caller may retry."""


def _aware(moment: datetime) -> datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=JST)


def mail_key(message_id: str | None, sender: str | None, received_at: datetime, subject: str,
             body: str | None) -> str:
    """The Message-ID, or for a mail without one a digest of what identifies it."""
    if message_id and message_id.strip() and len(message_id.strip()) <= 200:
        return message_id.strip()
    digest = hashlib.sha256()
    for part in (message_id or "", sender or "", _aware(received_at).astimezone(UTC).isoformat(),
                 subject, body or ""):
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return "sha256:" + digest.hexdigest()


def sender_domain(sender: str | None) -> str | None:
    """`"山田" <t.yamada@sales.partner.co.jp>` → `partner.co.jp` (the company's own domain)."""
    if not sender:
        return None
    address = parseaddr(sender)[1] or sender
    if "@" not in address:
        return None
    return company_key(address.rsplit("@", 1)[1])


class Store:
    """The SQL implementation of `hayaoshi.store.api.StoreLike`."""

    def __init__(self, engine: Engine, settings: StoreSettings | None = None) -> None:
        self.engine = engine
        self.settings = settings or StoreSettings()
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _session(self, what: str) -> AbstractContextManager[Session]:
        return session_for(self.engine, self._sessions, what, Conflict)

    def unit(self, what: str) -> AbstractContextManager[None]:
        """One transaction for the store calls this thread makes inside it (store/session.py): the
        pipeline records a mail, clusters it and saves its rankings in one commit, and the daemon
        adds the mail's drafts and its ledger outcome. Any error rolls all of it back and is raised
        as the store's (`Conflict` for a unique key another writer took first: the caller may run
        the unit again). Nested: the outer unit's transaction."""
        return unit(self.engine, self._sessions, what, Conflict)

    def in_unit(self) -> bool:
        return unit_session(self.engine) is not None

    # ------------------------------------------------------------------ mails and postings

    def record_mail(self, parsed: ParsedMail, *, sender: str | None, received_at: datetime,
                    message_id: str | None, subject: str, body: str | None,
                    account: str | None = None, folder: str | None = None, uid: int | None = None,
                    ) -> list[int]:
        """Store a mail, its sender company and its postings; a talent posting also joins the pool.

        Idempotent: a mail already recorded (same Message-ID, or same sender, time, subject and
        body when it has none) returns its postings' ids and changes nothing.
        """
        return self.record_mail_new(parsed, sender=sender, received_at=received_at, message_id=message_id,
                                    subject=subject, body=body, account=account, folder=folder, uid=uid)[0]

    def record_mail_new(self, parsed: ParsedMail, *, sender: str | None, received_at: datetime,
                        message_id: str | None, subject: str, body: str | None,
                        account: str | None = None, folder: str | None = None, uid: int | None = None,
                        ) -> tuple[list[int], bool]:
        """`record_mail`, and whether the mail was new (False: recorded before, nothing changed)."""
        ids, new, _pool, _mail_id = self.record_mail_pool(parsed, sender=sender, received_at=received_at,
                                                message_id=message_id, subject=subject, body=body,
                                                account=account, folder=folder, uid=uid)
        return ids, new

    def record_mail_pool(self, parsed: ParsedMail, *, sender: str | None, received_at: datetime,
                         message_id: str | None, subject: str, body: str | None,
                         account: str | None = None, folder: str | None = None, uid: int | None = None,
                         ) -> tuple[list[int], bool, list[Engineer], int]:
        """`record_mail_new`, the partners' engineers the mail put in the pool, as `engineers` reads
        them back (none when the mail was recorded before), and the mail's row id."""
        message_id = message_id or parsed.message_id
        key = mail_key(message_id, sender, received_at, subject, body)
        received_at = _aware(received_at)
        for attempt in (1, 2):
            try:
                with self._session("recording a mail") as s:
                    conn = s.connection()
                    found = conn.scalar(_MAIL_BY_KEY, {"key": key})
                    if found is not None:
                        return self._posting_ids(conn, found), False, [], int(found)
                    ids, pool, mail_id = self._insert_mail(conn, parsed, key, message_id, sender, received_at,
                                                           subject, body, account, folder, uid)
                    return ids, True, pool, mail_id
            except Conflict:
                # Another thread recorded the same mail (or created the company) first: retry once.
                # (Inside a `unit` the conflict ends the unit instead; its caller retries it.)
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    @staticmethod
    def _posting_ids(conn: Connection, mail_id: int) -> list[int]:
        return list(conn.scalars(select(POSTING.c.id).where(POSTING.c.mail_id == mail_id)
                                 .order_by(POSTING.c.index_in_mail)))

    def _insert_mail(self, conn: Connection, parsed: ParsedMail, key: str, message_id: str | None,
                     sender: str | None, received_at: datetime, subject: str, body: str | None,
                     account: str | None, folder: str | None, uid: int | None,
                     ) -> tuple[list[int], list[Engineer], int]:
        """The mail's rows, in Core statements (the ORM's unit of work costs more than the rows: this
        runs for every mail the daemon reads). Returns the postings' ids, the pool's new engineers and
        the mail's id."""
        domain = sender_domain(sender)
        company_id = None
        if domain and not self.settings.is_own(domain):
            company_id = self._company(conn, domain, received_at)
        now = datetime.now(tz=UTC)
        # Precompiled statements (store/session.Prepared): the rows of every mail the daemon reads.
        mail_id = _INSERT_MAIL.run(conn, dict(
            key=key, message_id=message_id, account=account, folder=folder, uid=uid, subject=subject,
            sender=(parseaddr(sender)[1] or sender) if sender else None, company_id=company_id,
            received_at=received_at, kind=parsed.kind, body=body, defects=list(parsed.defects), created_at=now,
        )).scalar_one()
        ids: list[int] = []
        pool: list[Engineer] = []
        for index, posting in enumerate(parsed.postings):
            talent = posting.kind is PostingKind.TALENT
            days = self.settings.partner_expiry_days if talent else self.settings.job_expiry_days
            expires_at = received_at + timedelta(days=days)
            values: dict[str, Any] = {}
            if talent:
                # The engineer's values need the posting's id only for its key: made with a placeholder
                # id here, then the real one (chain_depth of a talent posting is its engineer's distance).
                values = convert.partner_engineer_values(posting, 0, domain if company_id else None)
            posting_id = _INSERT_POSTING.run(conn, dict(
                mail_id=mail_id, index_in_mail=index, kind=posting.kind, company_id=company_id,
                received_at=received_at, expires_at=expires_at, title=(posting.title or posting.name or None),
                data=convert.posting_json(posting), start=posting.start, rate_max=posting.rate_max,
                station=posting.station, chain_depth=values["chain_distance"] if talent else posting.chain_depth,
            )).scalar_one()
            if talent:
                values["evidence"]["source"] = _mail_source(domain, received_at, subject)
                row = {"source": EngineerSource.PARTNER, "posting_id": posting_id, "company_id": company_id,
                       "expires_at": expires_at, "created_at": now, "updated_at": now, **values}
                row_id = _INSERT_ENGINEER.run(conn, row).scalar_one()
                # As `engineers` reads it back (store/convert.py), without the round trip.
                pool.append(convert.to_engineer(EngineerRecord(id=row_id, **row), domain if company_id else None))
            ids.append(posting_id)
        logger.debug("recorded mail %s: %d postings", mail_id, len(ids))
        return ids, pool, int(mail_id)

    @staticmethod
    def _company(conn: Connection, domain: str, seen: datetime) -> int:
        found = conn.execute(_COMPANY_BY_DOMAIN, {"domain": domain}).first()
        if found is None:
            return conn.execute(COMPANY.insert(), {"domain": domain, "first_seen": seen, "last_seen": seen}
                                ).inserted_primary_key[0]
        company_id, first, last = found
        if seen < first or seen > last:
            conn.execute(_COMPANY_SEEN, {"company": company_id, "first_seen": min(first, seen),
                                         "last_seen": max(last, seen)})
        return company_id

    def posting(self, posting_id: int) -> tuple[PostingRecord, dict[str, Any]]:
        with self._session("reading a posting") as s:
            record = s.get(PostingRecord, posting_id)
            if record is None:
                raise StoreError(f"no posting {posting_id}")
            return record, dict(record.data)

    def company_domain(self, company_id: int | None) -> str | None:
        if company_id is None:
            return None
        with self._session("reading a company") as s:
            return s.scalar(select(Company.domain).where(Company.id == company_id))

    def set_cluster(self, posting_ids: Iterable[int], cluster_id: int | None = None) -> int | None:
        """One cluster of the postings and of every posting already clustered with one of them (the
        pipeline names only the jobs that stand for their clusters). Its id: `cluster_id`, else the
        smallest of the postings' and their clusters' ids. Returns it."""
        ids = list(posting_ids)
        if not ids:
            return cluster_id
        with self._session("setting a cluster") as s:
            joined = {c for c in s.scalars(select(PostingRecord.cluster_id).where(PostingRecord.id.in_(ids)))
                      if c is not None}
            target = cluster_id if cluster_id is not None else min((*ids, *joined))
            where = PostingRecord.id.in_(ids)
            if joined:
                where = or_(where, PostingRecord.cluster_id.in_(joined))
            s.execute(update(PostingRecord).where(where).values(cluster_id=target))
            return target

    # ------------------------------------------------------------------ the pool

    def engineers(self, now: datetime) -> list[Engineer]:
        """Our own engineers, then the partners' engineers not expired at `now`."""
        now = _aware(now)
        query = (
            select(EngineerRecord, Company.domain)
            .outerjoin(Company, Company.id == EngineerRecord.company_id)
            .where(or_(EngineerRecord.source == EngineerSource.OWN, EngineerRecord.expires_at.is_(None),
                       EngineerRecord.expires_at > now))
            .order_by(EngineerRecord.source, EngineerRecord.id)
        )
        with self._session("reading the pool") as s:
            return [convert.to_engineer(record, domain) for record, domain in s.execute(query)]

    def open_jobs(self, now: datetime) -> list[tuple[int, Job]]:
        """Unexpired job postings, newest first; of a cluster only the one with the shortest 商流
        (then the first to arrive) stands for it."""
        return [(pid, job) for pid, job, _depth in self.open_job_sources(now)]

    def open_job_sources(self, now: datetime) -> list[tuple[int, Job, int | None]]:
        """`open_jobs` with each job's 商流 depth (what orders a cluster's sources)."""
        now = _aware(now)
        query = (
            select(PostingRecord, Company.domain)
            .outerjoin(Company, Company.id == PostingRecord.company_id)
            .where(PostingRecord.kind == PostingKind.JOB, PostingRecord.expires_at > now)
        )
        with self._session("reading open jobs") as s:
            rows = list(s.execute(query))
        best: dict[object, tuple[PostingRecord, str | None]] = {}
        for record, domain in rows:
            key = ("cluster", record.cluster_id) if record.cluster_id is not None else ("posting", record.id)
            held = best.get(key)
            if held is None or _rank(record) < _rank(held[0]):
                best[key] = (record, domain)
        chosen = sorted(best.values(), key=lambda rd: (rd[0].received_at, rd[0].id), reverse=True)
        return [(record.id, convert.to_job(record, domain), record.chain_depth) for record, domain in chosen]

    def save_ranking(self, posting_id: int, ranking: Ranking, kind: PostingKind | None = None,
                     engineer_ids: Mapping[str, int] | None = None) -> None:
        """Replace the saved ranking of a posting: its matches, then its exclusions. `kind` and
        `engineer_ids` (candidate id -> engineer row id), when the caller knows them (the pipeline
        just stored the posting and ranked engineers read from the store), save reading them back."""
        with self._session("saving a ranking") as s:
            if kind is None:
                kind = s.scalar(select(PostingRecord.kind).where(PostingRecord.id == posting_id))
            if kind is None:
                raise StoreError(f"no posting {posting_id}")
            candidate = CandidateKind.ENGINEER if kind is PostingKind.JOB else CandidateKind.JOB
            keys = [m.id for m in ranking.matches] + [e.id for e in ranking.excluded]
            if candidate is not CandidateKind.ENGINEER:
                engineer_ids = {}
            elif engineer_ids is None or any(k not in engineer_ids for k in keys):
                engineer_ids = self._engineer_ids(s, keys)
            conn = s.connection()
            _DELETE_MATCHES.run(conn, {"posting": posting_id})
            rows = _match_rows(_INSERT_MATCHES.converters(conn.dialect), posting_id, candidate, engineer_ids, ranking,
                               datetime.now(tz=UTC))
            if rows:
                _INSERT_MATCHES.run_converted(conn, rows)

    @staticmethod
    def _engineer_ids(s: Session, keys: Sequence[str]) -> dict[str, int]:
        """Engineer ids (`Engineer.id`: a 社員番号 or `talent:<posting id>`) to row ids."""
        posting_ids = {int(k.removeprefix(convert.PARTNER_PREFIX)): k for k in keys
                       if k.startswith(convert.PARTNER_PREFIX) and k[len(convert.PARTNER_PREFIX):].isdigit()}
        numbers = [k for k in keys if not k.startswith(convert.PARTNER_PREFIX)]
        out: dict[str, int] = {}
        if posting_ids:
            for row_id, pid in s.execute(select(EngineerRecord.id, EngineerRecord.posting_id)
                                         .where(EngineerRecord.posting_id.in_(list(posting_ids)))):
                out[posting_ids[pid]] = row_id
        if numbers:
            for row_id, no in s.execute(select(EngineerRecord.id, EngineerRecord.employee_no)
                                        .where(EngineerRecord.employee_no.in_(numbers))):
                out[no] = row_id
        return out

    def ranking(self, posting_id: int) -> list[MatchRecord]:
        """The saved ranking of a posting: matches by score, then exclusions."""
        with self._session("reading a ranking") as s:
            return list(s.scalars(select(MatchRecord).where(MatchRecord.posting_id == posting_id)
                                  .order_by(MatchRecord.excluded, MatchRecord.score.desc(), MatchRecord.id)))

    def upsert_roster(self, rows: Sequence[RosterRow], *, dry_run: bool = False,
                      now: datetime | None = None) -> ImportReport:
        """Add or update our own engineers by 社員番号; `dry_run` reports the changes only."""
        when = _aware(now) if now else datetime.now(tz=UTC)
        with self._session("importing the roster") as s:
            return upsert_roster(s, rows, dry_run=dry_run, now=when)


def _match_rows(bind: Mapping[str, Callable[[Any], Any]], posting_id: int, candidate: CandidateKind,
                engineer_ids: Mapping[str, int], ranking: Ranking, now: datetime) -> list[dict[str, Any]]:
    """A ranking's match rows in the database's form (what the typed table's insert would bind, by
    `bind`, the columns' converters): its matches, then its exclusions."""
    shared = {"posting_id": posting_id, "candidate_kind": bind["candidate_kind"](candidate),
              "created_at": bind["created_at"](now)}
    json_ = bind["requirements"]
    empty = json_([])
    name, ids, score, tier = bind["candidate_name"], bind["candidate_id"], bind["score"], bind["tier"]
    matched, excluded, engineer = bind["excluded"](False), bind["excluded"](True), bind["engineer_id"]
    rows = [
        {**shared, "candidate_id": ids(m.id), "engineer_id": engineer(engineer_ids.get(m.id)),
         "candidate_name": name(m.name[:255]), "score": score(m.score), "tier": tier(m.tier), "excluded": matched,
         "reasons": empty,
         "requirements": json_([{"requirement": r.requirement, "status": str(r.status), "evidence": r.evidence}
                                for r in m.requirements])}
        for m in ranking.matches
    ]
    none_score, none_tier = score(None), tier(None)
    rows += [
        {**shared, "candidate_id": ids(e.id), "engineer_id": engineer(engineer_ids.get(e.id)),
         "candidate_name": name(e.name[:255]), "score": none_score, "tier": none_tier, "excluded": excluded,
         "reasons": bind["reasons"](list(e.reasons)), "requirements": empty}
        for e in ranking.excluded
    ]
    return rows


def _rank(record: PostingRecord) -> tuple[bool, int, datetime, int]:
    depth = record.chain_depth
    return (depth is None, depth or 0, record.received_at, record.id or 0)


def _mail_source(domain: str | None, received_at: datetime, subject: str) -> str:
    when = received_at.astimezone(JST).strftime("%Y-%m-%d %H:%M")
    return f"メール {when} {domain or '(自社)'}「{subject[:60]}」"
