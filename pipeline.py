"""One mail through every stage: decode → extract → store → match (the daemon then drafts).

`hayaoshi match --mail` runs it once; the daemon runs it for every new message. The stages stay
pure; this module is the glue that owns the store and the loaded extractor.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

from hayaoshi.config.settings import Config
from hayaoshi.extract.extractor import JST, Extractor, reference_date
from hayaoshi.extract.model import ParsedMail, Posting, PostingKind
from hayaoshi.ingest.decode import DecodedMail, decode_message
from hayaoshi.ingest.quotes import split_quoted
from hayaoshi.match.cluster import OpenJobs, best_source_order
from hayaoshi.match.convert import company_key, engineer_from_posting, job_from_posting
from hayaoshi.match.engine import match_settings, rank_engineers, rank_jobs
from hayaoshi.match.index import EngineerIndex
from hayaoshi.match.model import Engineer, Job, Ranking
from hayaoshi.store.db import open_store
from hayaoshi.store.model import StoreSettings
from hayaoshi.store.repo import Conflict, Store, sender_domain

logger = logging.getLogger(__name__)

PARTNER_PREFIX = "talent:"


@dataclass(slots=True)
class Result:
    posting_id: int
    posting: Posting
    ranking: Ranking
    cluster: list[Job] = field(default_factory=list)  # every source of the same 案件, best first
    depth: dict[str, int | None] = field(default_factory=dict)  # job id -> its 商流 depth
    engineers: dict[str, Engineer] = field(default_factory=dict)  # a job's ranked engineers, by id
    row_ids: dict[str, int] = field(default_factory=dict)  # engineer id -> store row, of those ranked


MailSource = tuple[int, str | None, str | None, str | None, int]


@dataclass(slots=True)
class Processed:
    mail: DecodedMail
    parsed: ParsedMail
    results: list[Result]
    new: bool = False  # stored just now (False: this mail was recorded before)
    # The mail's row as the store has it: (id, Message-ID, account, folder, its postings' count).
    source: MailSource | None = None


class Pipeline:
    """Built once (loads spaCy, opens the database); `process` is called per mail, from several
    folder threads at once (the caches below are guarded by one lock; the store is thread-safe)."""

    def __init__(self, config: Config, *, store: Store | None = None,
                 extractor: Extractor | None = None) -> None:
        self.config = config
        self.store = store or open_store(config["database.url"], StoreSettings.from_config(config))
        taxonomy = config["extract.taxonomy"]
        self.extractor = extractor or Extractor(Path(taxonomy) if taxonomy else None,
                                                use_ginza=config["extract.ginza"])
        self.settings = match_settings(config)
        # What the pipeline keeps in memory between mails, read from the store and then kept up to
        # date by this pipeline's own writes; read again after `refresh_seconds`, so that another
        # daemon's writes (team scale), expiries and roster imports are seen.
        self.refresh_seconds = 60.0
        self._lock = threading.RLock()
        self._engineers: EngineerIndex | None = None  # the pool; partners' engineers added one mail at a time
        self._engineers_read_at = 0.0
        self._open: OpenJobs | None = None  # the open 案件, one per cluster
        self._depth: dict[int, int | None] = {}  # their 商流 depth
        self._rank: dict[int, tuple[bool, int, datetime, int]] = {}  # which source stands for a cluster
        self._jobs_read_at = 0.0

    @contextmanager
    def unit(self, what: str) -> Iterator[None]:
        """One transaction around `process` and what the caller records of the same mail (the
        daemon: its drafts and its ledger outcome), holding the caches' lock until it commits.
        Should it fail, the caches are read from the store again (they may hold its rolled-back
        writes). A `Conflict` inside it is the caller's to retry (the unit is rolled back whole)."""
        with self._lock:
            try:
                with self.store.unit(what):
                    yield
            except BaseException:
                self._open = self._engineers = None
                raise

    def pool_changed(self) -> None:
        """The roster was imported: the pool is read again before the next ranking."""
        with self._lock:
            self._engineers = None

    # --- the open 案件 ------------------------------------------------------------------------

    def _open_jobs(self, now: datetime) -> OpenJobs:
        if self._open is None or time.monotonic() - self._jobs_read_at > self.refresh_seconds:
            sources = self.store.open_job_sources(now)
            self._open = OpenJobs((pid, job) for pid, job, _depth in reversed(sources))
            self._depth = {pid: depth for pid, _job, depth in sources}
            self._rank = {pid: _source_rank(pid, job, depth) for pid, job, depth in sources}
            self._jobs_read_at = time.monotonic()
        return self._open

    def _cluster(self, posting_id: int, job: Job, depth: int | None,
                 now: datetime) -> tuple[list[Job], dict[str, int | None]]:
        """The same 案件 from other senders joins one cluster; matching runs for its best source.
        The new job joins the open ones; of a cluster only its best source stays (as in the store)."""
        open_ = self._open_jobs(now)
        same = [pid for pid in open_.same(job, exclude=posting_id)
                if _open(open_.job(pid), now)]
        self._depth[posting_id] = depth
        self._rank[posting_id] = _source_rank(posting_id, job, depth)
        if not same:
            open_.add(posting_id, job)
            return [job], {}
        ids = [posting_id, *same]
        self.store.set_cluster(ids)
        members = [job, *(open_.job(pid) for pid in same)]
        stands = min(ids, key=self._rank.__getitem__)
        for pid in same:
            if pid != stands:
                open_.remove(pid)
        if stands == posting_id:
            open_.add(posting_id, job)
        depth_of = {str(pid): self._depth.get(pid) for pid in ids}
        return best_source_order(members, depth_of), depth_of

    # --- the pool -----------------------------------------------------------------------------

    def _engineer_index(self, now: datetime) -> EngineerIndex:
        if self._engineers is None or time.monotonic() - self._engineers_read_at > self.refresh_seconds:
            self._engineers = EngineerIndex(self.store.engineers(now))
            self._engineers_read_at = time.monotonic()
        return self._engineers

    # --- one mail -----------------------------------------------------------------------------

    def process(self, raw: bytes, *, now: datetime | None = None, account: str | None = None,
                folder: str | None = None, uid: int | None = None, decoded: DecodedMail | None = None,
                ) -> Processed:
        """Decode, extract, store and match one mail. Raises MailRejected for a hostile mail.
        `decoded`: the mail as the daemon's parser child decoded it (not decoded again here)."""
        mail = decoded if decoded is not None else decode_message(raw)
        text, _quoted = split_quoted(mail.body, mail.subject)
        parsed = self.extractor.extract(mail, body=text, now=now)
        received = mail.date or now or datetime.now(tz=JST)
        at = now or datetime.now(tz=JST)
        today = reference_date(at, None)
        company = company_key(sender_domain(mail.from_addr))
        for attempt in (1, 2):
            try:
                results, new, source = self._store_and_match(parsed, mail, received, at, today, company, account,
                                                             folder, uid)
                break
            except Conflict:
                # Another writer recorded this mail (or its sender's company) first: all rolled back;
                # the second time, the mail is found recorded. Inside a caller's unit, the caller
                # runs it again.
                if attempt == 2 or self.store.in_unit():
                    raise
        return Processed(mail, parsed, results, new, source)

    def _store_and_match(self, parsed: ParsedMail, mail: DecodedMail, received: datetime, at: datetime,
                         today: date, company: str | None, account: str | None, folder: str | None,
                         uid: int | None) -> tuple[list[Result], bool, MailSource]:
        """Record the mail, match its postings and save the rankings: one transaction (`Store.unit`).
        The caches follow the store in the order of its writes; should the transaction fail, they
        are read again from the store before the next mail."""
        with self._lock:
            try:
                with self.store.unit("recording and matching a mail"):
                    ids, new, pool, mail_id = self.store.record_mail_pool(
                        parsed, sender=mail.from_addr, received_at=received, message_id=mail.message_id,
                        subject=mail.subject, body=mail.body, account=account, folder=folder, uid=uid)
                    if new and pool and self._engineers is not None:  # a mail recorded before is in the pool
                        self._engineers = self._engineers.with_added(pool)
                    results = [self._match(posting_id, posting, company, received, at, today)
                               for posting_id, posting in zip(ids, parsed.postings, strict=False)]
                    for result in results:
                        self.store.save_ranking(result.posting_id, result.ranking, result.posting.kind,
                                                result.row_ids or None)
            except BaseException:
                self._open = self._engineers = None
                raise
        return results, new, (mail_id, mail.message_id or parsed.message_id, account, folder, len(ids))

    def _match(self, posting_id: int, posting: Posting, company: str | None, received: datetime, at: datetime,
               today: date) -> Result:
        if posting.kind is PostingKind.JOB:
            job = job_from_posting(
                posting, str(posting_id), company, received_at=received,
                expires_at=received + timedelta(days=self.config["matching.job_expiry_days"]))
            cluster, depth = self._cluster(posting_id, job, posting.chain_depth, at)
            index = self._engineer_index(at)
            ranking = rank_engineers(cluster[0], index, self.settings, today)
            engineers = index.by_ids(m.id for m in ranking.matches)
            rows = {e.id: e.row_id for e in index.by_ids([*engineers, *(x.id for x in ranking.excluded)])
                    .values() if e.row_id is not None}
            return Result(posting_id, posting, ranking, cluster, depth, engineers, rows)
        engineer = engineer_from_posting(posting, f"{PARTNER_PREFIX}{posting_id}", company)
        return Result(posting_id, posting, rank_jobs(engineer, self._open_jobs(at), self.settings, today))


def _open(job: Job, now: datetime) -> bool:
    return job.expires_at is None or job.expires_at > now


def _source_rank(posting_id: int, job: Job, depth: int | None) -> tuple[bool, int, datetime, int]:
    """Which source of a cluster stands for it: the shortest 商流, then the first to arrive (store.repo)."""
    received = job.received_at or datetime.max.replace(tzinfo=JST)
    return (depth is None, depth or 0, received, posting_id)
