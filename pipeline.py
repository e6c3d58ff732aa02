"""One mail through every stage: decode → extract → store → match (→ draft, later).

`hayaoshi match --mail` runs it once; the daemon runs it for every new message. The stages stay
pure; this module is the glue that owns the store and the loaded extractor.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from hayaoshi.config.settings import Config
from hayaoshi.extract.extractor import JST, Extractor, reference_date
from hayaoshi.extract.model import ParsedMail, Posting, PostingKind
from hayaoshi.ingest.decode import DecodedMail, decode_message
from hayaoshi.ingest.quotes import split_quoted
from hayaoshi.match.cluster import best_source_order, same_work
from hayaoshi.match.convert import company_key, engineer_from_posting, job_from_posting
from hayaoshi.match.engine import match_settings, rank_engineers, rank_jobs
from hayaoshi.match.index import EngineerIndex, JobIndex
from hayaoshi.match.model import Job, Ranking
from hayaoshi.store.db import open_store
from hayaoshi.store.model import StoreSettings
from hayaoshi.store.repo import Store, sender_domain

logger = logging.getLogger(__name__)

PARTNER_PREFIX = "talent:"


@dataclass(slots=True)
class Result:
    posting_id: int
    posting: Posting
    ranking: Ranking
    cluster: list[Job] = field(default_factory=list)  # every source of the same 案件, best first
    depth: dict[str, int | None] = field(default_factory=dict)  # job id -> its 商流 depth


@dataclass(slots=True)
class Processed:
    mail: DecodedMail
    parsed: ParsedMail
    results: list[Result]


class Pipeline:
    """Built once (loads spaCy, opens the database); `process` is called per mail."""

    def __init__(self, config: Config, *, store: Store | None = None,
                 extractor: Extractor | None = None) -> None:
        self.config = config
        self.store = store or open_store(config["database.url"], StoreSettings.from_config(config))
        taxonomy = config["extract.taxonomy"]
        self.extractor = extractor or Extractor(Path(taxonomy) if taxonomy else None,
                                                use_ginza=config["extract.ginza"])
        self.settings = match_settings(config)
        # The pool's index costs ~0.1 s for 20,000 engineers: rebuilt only when the pool changed.
        self._engineers: EngineerIndex | None = None
        # Open 案件, read from the store once and then kept up to date by this pipeline's own
        # writes; read again after `refresh_seconds` so that other daemons' 案件 are seen too.
        self.refresh_seconds = 60.0
        self._jobs: list[tuple[int, Job]] | None = None
        self._jobs_read_at = 0.0
        self._job_index: JobIndex | None = None

    def pool_changed(self) -> None:
        self._engineers = None

    def _open_jobs(self, now: datetime) -> list[tuple[int, Job]]:
        if self._jobs is None or time.monotonic() - self._jobs_read_at > self.refresh_seconds:
            self._jobs = self.store.open_jobs(now)
            self._jobs_read_at = time.monotonic()
            self._job_index = None
        return [(pid, job) for pid, job in self._jobs if job.expires_at is None or job.expires_at > now]

    def _jobs_index(self, now: datetime) -> JobIndex:
        jobs = self._open_jobs(now)
        if self._job_index is None:
            self._job_index = JobIndex([j for _, j in jobs])
        return self._job_index

    def _job_added(self, posting_id: int, job: Job, cluster_ids: list[int]) -> None:
        if self._jobs is None:
            return
        if len(cluster_ids) > 1:
            # Only the cluster's best source stands for it in `open_jobs`: read them again.
            self._jobs = None
            return
        if all(pid != posting_id for pid, _ in self._jobs):  # read with the store already?
            self._jobs.insert(0, (posting_id, job))
        self._job_index = None

    def _engineer_index(self, now: datetime) -> EngineerIndex:
        if self._engineers is None:
            self._engineers = EngineerIndex(self.store.engineers(now))
        return self._engineers

    def process(self, raw: bytes, *, now: datetime | None = None, account: str | None = None,
                folder: str | None = None, uid: int | None = None) -> Processed:
        """Decode, extract, store and match one mail. Raises MailRejected for a hostile mail."""
        mail = decode_message(raw)
        text, _quoted = split_quoted(mail.body, mail.subject)
        parsed = self.extractor.extract(mail, body=text, now=now)
        received = mail.date or now or datetime.now(tz=JST)
        ids = self.store.record_mail(parsed, sender=mail.from_addr, received_at=received,
                                     message_id=mail.message_id, subject=mail.subject, body=mail.body,
                                     account=account, folder=folder, uid=uid)
        at = now or datetime.now(tz=JST)
        today = reference_date(at, None)
        company = company_key(sender_domain(mail.from_addr))
        if any(p.kind is PostingKind.TALENT for p in parsed.postings):
            self.pool_changed()
        results = []
        for posting_id, posting in zip(ids, parsed.postings, strict=False):
            if posting.kind is PostingKind.JOB:
                job = job_from_posting(posting, str(posting_id), company, received_at=received,
                                       expires_at=received + timedelta(days=self.config["matching.job_expiry_days"]))
                cluster, depth = self._cluster(posting_id, job, at)
                self._job_added(posting_id, job, [int(j.id) for j in cluster])
                ranking = rank_engineers(cluster[0], self._engineer_index(at), self.settings, today)
            else:
                engineer = engineer_from_posting(posting, f"{PARTNER_PREFIX}{posting_id}", company)
                ranking = rank_jobs(engineer, self._jobs_index(at), self.settings, today)
                cluster, depth = [], {}
            self.store.save_ranking(posting_id, ranking)
            results.append(Result(posting_id, posting, ranking, cluster, depth))
        return Processed(mail, parsed, results)

    def _cluster(self, posting_id: int, job: Job, now: datetime) -> tuple[list[Job], dict[str, int | None]]:
        """The same 案件 from other senders joins one cluster; matching runs for its best source."""
        skills = set(job.required_skills)
        same = [(pid, other) for pid, other in self._open_jobs(now)
                if pid != posting_id and (not skills or skills & set(other.required_skills)
                                          or other.station == job.station)
                and same_work(job, other)]
        if not same:
            return [job], {}
        ids = [posting_id, *(pid for pid, _ in same)]
        self.store.set_cluster(ids, min(ids))
        members = [job, *(other for _, other in same)]
        depth = {str(pid): self.store.posting(pid)[0].chain_depth for pid in ids}
        return best_source_order(members, depth), depth
