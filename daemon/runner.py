"""The daemon: a thread per watched folder, APScheduler for the timed jobs, one pipeline for all.

Jobs of the BackgroundScheduler: each folder's interval poll (`poll_seconds`: the safety net behind
IDLE, and the only trigger on a server without IDLE), the roster watch (`roster.watch_seconds`: the
file is imported again when its mtime changed), the daily retention purge (`retention.hour`) and the
managers' weekly digest (`digest.cron`, when `digest.to` names someone).

Each folder thread writes the reply drafts of the mail it processed through its own connection
(daemon/drafting.py); the first folder thread of each account also finishes pending drafts and
records what the reps did with them.

`run(once=True)` polls every folder once, processes everything new and returns. Otherwise it runs
until `stop()` (the CLI calls it on SIGTERM / SIGINT): each folder finishes the message in hand,
lets go of the ones it claimed but did not start, and logs out.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hayaoshi.config.settings import Config
from hayaoshi.daemon.drafting import Appender, FolderDrafts, check_drafting
from hayaoshi.daemon.ledger import Ledger
from hayaoshi.daemon.limits import Bounds
from hayaoshi.daemon.mailboxes import open_mailbox
from hayaoshi.daemon.parsers import GuardedExtractor, ParserPool
from hayaoshi.daemon.process import Processor, Tally
from hayaoshi.daemon.retention import purge
from hayaoshi.daemon.worker import FolderWorker, WorkerSettings
from hayaoshi.errors import ConfigError, HayaoshiError
from hayaoshi.extract.extractor import JST
from hayaoshi.ingest.mailbox import Mailbox
from hayaoshi.notify.digest_job import add_digest_job, check_digest

logger = logging.getLogger(__name__)


def _now() -> datetime:
    return datetime.now(tz=JST)


def check_accounts(config: Config) -> None:
    """What load_config cannot see alone: at least one account, and names that tell them apart."""
    if not config.accounts:
        raise ConfigError("no [[accounts]] in the configuration: the daemon has nothing to watch")
    names = [str(a["name"]) for a in config.accounts]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise ConfigError(f"account names must differ (the ledger and status use them): {', '.join(twice)}")
    for account in config.accounts:
        folders = [str(f) for f in account["folders"]]
        if not folders:
            raise ConfigError(f"account {account['name']!r}: folders is empty")
        if len(set(folders)) != len(folders):  # one thread per folder: the ledger's claims rely on it
            raise ConfigError(f"account {account['name']!r}: a folder is listed twice in folders")


class RosterWatch:
    """Imports the roster at start and again whenever the file's mtime (or size) changes."""

    def __init__(self, path: str, store: Any, extractor: GuardedExtractor, pipeline: Any) -> None:
        self.path = Path(path)
        self.store, self.extractor, self.pipeline = store, extractor, pipeline
        self._seen: tuple[int, int] | None = None
        self._lock = threading.Lock()

    def check(self) -> bool:
        """Import when changed; True when an import ran. Never raises (logged)."""
        from hayaoshi.store.roster import import_roster

        with self._lock:
            try:
                stat = self.path.stat()
                state = (stat.st_mtime_ns, stat.st_size)
                if state == self._seen:
                    return False
                report = import_roster(self.store, self.path, dry_run=False, nlp=self.extractor.nlp)
            except (OSError, HayaoshiError) as err:
                logger.error("roster %s: %s (the pool keeps what it had)", self.path, err)
                return False
            self._seen = state
        self.pipeline.pool_changed()
        # Counts and line numbers only: a row's reason quotes its cells (names, ages).
        logger.info("roster %s imported: %d added, %d updated, %d unchanged, %d row(s) with errors%s",
                    self.path, report.added, report.updated, report.unchanged, len(report.errors),
                    f" (lines {', '.join(str(e.line) for e in report.errors[:10])}; `hayaoshi pool import "
                    "--dry-run` shows why)" if report.errors else "")
        return True


class Daemon:
    def __init__(self, config: Config, *, pipeline: Any = None, pool: ParserPool | None = None,
                 open_mailbox_for: Callable[[dict[str, Any]], Mailbox] | None = None,
                 clock: Callable[[], datetime] = _now, keep_found: bool = False) -> None:
        check_accounts(config)
        self.config, self.clock = config, clock
        taxonomy = config["extract.taxonomy"] or None
        self._own_pool = pool is None  # a pool handed in (tests, bench) outlives this daemon
        self.pool = pool or ParserPool(Bounds.from_config(config), taxonomy=taxonomy,
                                       use_ginza=bool(config["extract.ginza"]), size=config["daemon.parse_workers"])
        self.extractor = GuardedExtractor(self.pool, taxonomy)
        if pipeline is None:
            from hayaoshi.pipeline import Pipeline

            pipeline = Pipeline(config, extractor=self.extractor)
        self.pipeline = pipeline
        self.store = pipeline.store
        self.ledger = Ledger(self.store.engine, max_attempts=config["daemon.max_attempts"],
                             stale_after=timedelta(minutes=config["daemon.stale_claim_minutes"]),
                             retry_after=timedelta(seconds=config["daemon.retry_seconds"]))
        self.tally = Tally(keep_found=keep_found)
        self.processor = Processor(pipeline, self.pool, self.extractor, self.ledger, clock=clock,
                                   keep_found=keep_found)
        self.stopping = threading.Event()
        settings = WorkerSettings(batch_size=config["daemon.batch_size"],
                                  progress_seconds=config["daemon.progress_seconds"],
                                  backoff_base=config["daemon.backoff_base_seconds"],
                                  backoff_cap=config["daemon.backoff_cap_seconds"])
        opener = open_mailbox_for or open_mailbox
        self.drafting = bool(config["drafts.enabled"])
        if self.drafting:
            check_drafting(config.accounts)
        check_digest(config)  # a wrong cron or SMTP setting stops the start, not Monday's digest
        # One drafts connection and thread per account (daemon/drafting.py), shared by its folders.
        self.appenders = {str(account["name"]): Appender(account, (lambda a=account: opener(dict(a))), self.store,
                                                         config, clock)
                          for account in config.accounts} if self.drafting else {}
        self.workers = [
            FolderWorker(str(account["name"]), str(folder), (lambda a=account: opener(dict(a))), self.processor,
                         self.ledger, self.tally, self.stopping, settings,
                         drafts=FolderDrafts(account, self.store, config, upkeep=n == 0, clock=clock,
                                             appender=self.appenders[str(account["name"])])
                         if self.drafting else None,
                         upkeep_seconds=max(1, int(account["poll_seconds"])))
            for account in config.accounts for n, folder in enumerate(account["folders"])
        ]
        self.roster = RosterWatch(config["roster.path"], self.store, self.extractor, pipeline) \
            if config["roster.path"] else None
        self._scheduler: Any = None

    # --- life cycle ---------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> int:
        """Until stop() (or, with once, until every folder was polled). 0 when every account worked."""
        try:
            self.start(once=once)
            for worker in self.workers:
                while worker.thread is not None and worker.thread.is_alive():
                    worker.join(0.5)
        finally:
            self.close()
        failed = [w for w in self.workers if w.failure is not None]
        return 1 if failed else 0

    def start(self, *, once: bool = False) -> None:
        self.pool.start()  # the parse children load while the mailboxes connect
        names = ", ".join(f"{w.account}/{w.folder}" for w in self.workers)
        logger.info("watching %s%s", names, " (once)" if once else "")
        if self.roster is not None:
            self.roster.check()
        self.purge()
        for worker in self.workers:
            worker.start(once=once)
        if not once:
            self._schedule()

    def _schedule(self) -> None:
        from apscheduler.schedulers.background import BackgroundScheduler
        from apscheduler.triggers.cron import CronTrigger
        from apscheduler.triggers.interval import IntervalTrigger

        scheduler = BackgroundScheduler(job_defaults={"coalesce": True, "max_instances": 1,
                                                      "misfire_grace_time": 300})
        polls = {str(a["name"]): int(a["poll_seconds"]) for a in self.config.accounts}
        for worker in self.workers:
            scheduler.add_job(worker.kick.set, IntervalTrigger(seconds=max(1, polls[worker.account])),
                              id=f"poll:{worker.account}/{worker.folder}", name="interval poll")
        if self.roster is not None:
            scheduler.add_job(self.roster.check, IntervalTrigger(seconds=max(1, self.config["roster.watch_seconds"])),
                              id="roster", name="roster watch")
        scheduler.add_job(self.purge, CronTrigger(hour=self.config["retention.hour"] % 24, minute=0),
                          id="retention", name="retention purge")
        add_digest_job(scheduler, self.config, self.store, clock=self.clock)
        scheduler.start()
        self._scheduler = scheduler

    def purge(self) -> None:
        try:
            purge(self.store.engine, days=int(self.config["retention.days"]), now=self.clock())
        except Exception as err:  # the next day tries again; the mail goes on meanwhile
            logger.error("retention purge failed: %s", str(err).splitlines()[0] if str(err) else type(err).__name__)

    def stop(self) -> None:
        """Ask every folder to stop after the message in hand (safe from a signal handler)."""
        self.stopping.set()
        for worker in self.workers:
            worker.kick.set()

    def close(self) -> None:
        self.stop()
        if self._scheduler is not None:
            self._scheduler.shutdown(wait=False)
            self._scheduler = None
        for worker in self.workers:
            worker.join(60)
        for appender in self.appenders.values():  # the drafts queued are appended before the end
            appender.close()
        if self._own_pool:
            self.pool.close()
        self.store.close()
        logger.info("stopped")
