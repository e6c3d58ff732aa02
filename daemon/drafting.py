"""The draft step of one folder thread: a `DraftWriter` on that thread's own mailbox connection.

After each processed mail, `write` records its reply drafts (before the mail is marked done in the
ledger: a crash in between processes the mail again, and the drafts ledger's `(account, posting)`
key keeps it to one draft). `upkeep`, queued after each poll by the account's first folder thread
only, finishes drafts a crash or a mailbox failure left pending and records what the reps did with
the appended ones (sent, edited, deleted).

The APPEND itself runs on an `Appender`: a thread with a connection of its own, so that the folder
thread goes on with the next mail while the server writes the draft (≈ 5 ms on Dovecot, a third of
a mail's whole cost). The draft is committed pending before it is handed over, so a crash with drafts
still queued loses none: `upkeep` appends them (searching the folder first, as for any retry). Upkeep
takes pending drafts only once they are PENDING_GRACE old: younger ones may be on their way through
another daemon's appender (this daemon's own are safe either way: every task of an account runs on
its appender's one thread, and a handed-over draft is read again before its APPEND).

A mailbox failure never fails the mail: the draft stays pending and `upkeep` retries it. A database
failure fails the mail's attempt (it is retried; storing and drafting are idempotent). Any other
error in making a draft is logged with the mail's UID and the mail is done: its postings and
matches are stored.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from hayaoshi.errors import ConfigError, StoreError
from hayaoshi.ingest.mailbox import Mailbox, MailboxError
from hayaoshi.notify.drafts import DraftWriter, account_address
from hayaoshi.notify.model import DraftState
from hayaoshi.notify.outcomes import find_sent_folder
from hayaoshi.store.drafts import DraftRecord

logger = logging.getLogger(__name__)

PENDING_GRACE = timedelta(minutes=2)  # another daemon's pending draft is taken over after this
# Drafts waiting for their APPEND; a full queue holds the folder thread back. The queue keeps no
# draft's bytes (they are in its row until it is appended, and read from there one at a time), so a
# backlog's drafts wait here without their skill sheets in memory.
QUEUE_SIZE = 2048
# Drafts appended in a row and marked appended in one commit. During a backlog the mails' runs hold
# the database's write lock nearly all the time, and each mark waits for a gap between them (≈ 0.2 s
# here): in runs of 16 the drafts thread fell behind and the full queue held the folder thread
# back. A crash before the mark leaves a run of appended drafts pending: the upkeep finds each in
# the folder by its Message-ID and only marks it.
BATCH = 128


def check_drafting(accounts: list[Mapping[str, Any]]) -> None:
    """At start-up: every account has a From for its drafts (raises ConfigError naming the account)."""
    for account in accounts:
        account_address(account)


class Appender:
    """One account's drafts connection and thread: APPENDs recorded drafts in order, and runs the
    account's upkeep (pending drafts finished, the reps' outcomes recorded). Shared by the account's
    folder threads. Every task runs on this one thread, and a handed-over draft is read again before
    its APPEND, so an upkeep that met it pending first never makes it appended twice."""

    def __init__(self, account: Mapping[str, Any], open_mailbox: Callable[[], Mailbox], store: Any, config: Any,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.account = dict(account)
        self.name = str(self.account.get("name"))
        self._open = open_mailbox
        self.store, self.config, self.clock = store, config, clock
        self._queue: queue.Queue[tuple[str, Any] | None] = queue.Queue(maxsize=QUEUE_SIZE)
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._writer: DraftWriter | None = None
        self._sent_folder: str | None = None
        self._no_sent_reported = False

    def submit(self, record: DraftRecord) -> None:
        """Queue a committed pending draft for its APPEND (waits while the queue is full). Its bytes
        are let go here: the APPEND reads them from the draft's row."""
        record.raw = None
        self._put(("draft", record))

    def upkeep(self, *, everything: bool = False) -> None:
        """Queue the upkeep. `everything`: also another daemon's drafts pending for less than
        PENDING_GRACE (`--once`, which then waits for it with `drain`)."""
        self._put(("upkeep", everything))

    def drain(self) -> None:
        """Until every queued task is done."""
        if self._thread is not None and self._thread.is_alive():
            self._queue.join()

    def close(self) -> None:
        """Finish what is queued, then stop the thread and close its connection."""
        with self._lock:
            thread, self._thread = self._thread, None
        if thread is not None and thread.is_alive():
            self._queue.put(None)
            thread.join()

    def _put(self, task: tuple[str, Any]) -> None:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():
                self._thread = threading.Thread(target=self._run, name=f"hayaoshi:{self.name}:drafts", daemon=True)
                self._thread.start()
        self._queue.put(task)

    def _run(self) -> None:
        try:
            while True:
                tasks = self._take()
                try:
                    drafts = [value for kind, value in (t for t in tasks if t is not None) if kind == "draft"]
                    if drafts:
                        self._deliver(drafts)
                    last = tasks[-1]
                    if last is None:
                        return
                    if last[0] == "upkeep":
                        self._upkeep(everything=last[1])
                finally:
                    for _task in tasks:
                        self._queue.task_done()
        finally:
            self._reset()

    def _take(self) -> list[tuple[str, Any] | None]:
        """The next task, and the drafts queued right behind it (up to BATCH): appended in a row and
        marked in one commit. A task that is not a draft ends the run (the order is kept)."""
        tasks = [self._queue.get()]
        while tasks[-1] is not None and tasks[-1][0] == "draft" and len(tasks) < BATCH:
            try:
                tasks.append(self._queue.get_nowait())
            except queue.Empty:
                break
        return tasks

    def _writer_now(self) -> DraftWriter:
        if self._writer is None:
            self._writer = DraftWriter(self.store, self._open(), self.config, clock=self.clock)
        return self._writer

    def _deliver(self, records: list[DraftRecord]) -> None:
        """APPEND the drafts handed over that are still pending (read again: an upkeep may have
        finished one meanwhile); after a failed APPEND, the rest on a new connection."""
        while records:
            first = records[0].message_id
            try:
                writer = self._writer_now()
                attempts = writer.drafts.pending_attempts(r.id for r in records if r.id is not None)
                todo = [(r, attempts[r.id] == r.attempts) for r in records if r.id in attempts]
                for record, counted in todo:
                    if not counted:  # another attempt began meanwhile: the record as it is now
                        record.attempts = attempts[record.id]
                _done, handled = writer.deliver_many(todo)
            except MailboxError as err:  # no connection: the drafts stay pending for the upkeep
                logger.warning("account %s: %d draft(s) from %s wait for the next upkeep: %s", self.name,
                               len(records), first, err.message)
                self._reset()
                return
            except Exception:
                logger.exception("account %s: %d draft(s) from %s wait for the next upkeep", self.name,
                                 len(records), first)
                self._reset()
                return
            if handled == len(todo):
                return
            self._reset()  # an APPEND failed (recorded): a fresh connection for the next ones
            left = {id(r) for r, _counted in todo[handled:]}
            records = [r for r in records if id(r) in left]

    def _upkeep(self, *, everything: bool) -> None:
        try:
            writer = self._writer_now()
            now = self.clock() if self.clock is not None else datetime.now(tz=UTC)  # the clock drafts are dated by
            before = None if everything else now - PENDING_GRACE
            writer.resume_pending(self.account, recorded_before=before)
            sent = self._sent(writer)
            if sent is not None:
                writer.track_outcomes(sent_folder=sent, account=self.account)
        except MailboxError as err:
            logger.warning("account %s: drafts upkeep: %s (tried again at the next poll)", self.name, err.message)
            self._reset()
        except Exception:
            logger.exception("account %s: drafts upkeep failed (tried again at the next poll)", self.name)
            self._reset()

    def _sent(self, writer: DraftWriter) -> str | None:
        if self._sent_folder is None:
            try:
                self._sent_folder = find_sent_folder(writer.mailbox)
            except ConfigError as err:
                if not self._no_sent_reported:
                    logger.info("account %s: %s; what the reps do with the drafts is not tracked", self.name, err)
                    self._no_sent_reported = True
        return self._sent_folder

    def _reset(self) -> None:
        if self._writer is not None:
            try:
                self._writer.mailbox.close()
            except Exception:  # a broken connection closes as it can
                logger.debug("closing the drafts connection", exc_info=True)
            self._writer = None
            self._sent_folder = None


class FolderDrafts:
    """Drafts for one folder thread. Not thread-safe: used from its thread only, like its Mailbox.
    The drafts are recorded through the thread's connection; with an `appender` (the daemon: one per
    account) they are appended, and the account's upkeep runs, on the appender's thread. Without one,
    `write` appends at once and there is no upkeep."""

    def __init__(self, account: Mapping[str, Any], store: Any, config: Any, *, upkeep: bool,
                 clock: Callable[[], datetime] | None = None, appender: Appender | None = None) -> None:
        self.account = dict(account)
        self.store, self.config, self.clock = store, config, clock
        self.does_upkeep = upkeep
        self.appender = appender
        self.writer: DraftWriter | None = None

    def bind(self, mailbox: Mailbox) -> None:
        """A (new) connection of the thread: drafts are recorded through it."""
        self.writer = DraftWriter(self.store, mailbox, self.config, clock=self.clock,
                                  deliver_later=self.appender.submit if self.appender is not None else None)

    def write(self, processed: Any, log: logging.LoggerAdapter, uid: int) -> int:
        """The drafts of one processed mail; how many are in the drafts folder, were already, or are
        on their way there."""
        if self.writer is None:
            return 0
        try:
            records = self.writer.write(processed, self.account)
        except (StoreError, SQLAlchemyError):
            raise  # the database (inside the mail's unit, its own error): the mail's attempt fails and is retried
        except Exception:
            log.exception("uid %d: the reply draft could not be made (the mail's postings are stored)", uid)
            return 0
        for record in records:
            log.info("uid %d: draft %s %s (%s)", uid, record.message_id, record.state, record.kind)
        on_the_way = self.appender is not None
        return sum(1 for r in records if r.folder is not None or (on_the_way and r.state is DraftState.PENDING))

    def upkeep(self, log: logging.LoggerAdapter, *, everything: bool = False) -> None:
        """Queue the account's upkeep on the appender (the first folder thread of each account does).
        `everything` (`--once`): done before this returns, another daemon's young pending drafts too."""
        if not self.does_upkeep or self.appender is None:
            return
        self.appender.upkeep(everything=everything)
        if everything:
            self.appender.drain()
