"""One watched folder of one account: a thread that polls, claims, fetches and processes, then waits.

Waiting is IMAP IDLE where the server offers it (`Mailbox.wait_for_changes`, in slices of WAIT_SLICE so
that a stop or the scheduler's poll is noticed), else a sleep until the scheduler's interval poll. Each
folder has its own connection, thread and backoff: one account's failure never stops another's.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Callable, MutableMapping
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from hayaoshi.daemon.drafting import FolderDrafts
from hayaoshi.daemon.ledger import Ledger, LostClaim
from hayaoshi.daemon.parsers import Batch, Lease
from hayaoshi.daemon.process import NOT_STARTED, Outcome, Processor, Regroup, Started, Tally, reason_of
from hayaoshi.daemon.progress import Progress
from hayaoshi.errors import StoreError
from hayaoshi.ingest.mailbox import Backoff, FailureKind, FetchedMessage, Mailbox, MailboxError, MessageRef

logger = logging.getLogger(__name__)

# IDLE is re-issued this often (RFC 2177 asks for less than 29 minutes): a stop or the interval poll
# waits at most this long. Each slice ends with DONE and begins with EXAMINE, which the server must
# answer within ImapMailbox's read timeout: a connection gone silent (a dead NAT entry, a half-open
# TCP connection) fails there and is replaced.
WAIT_SLICE = 5.0
# Mails processed in one transaction at most (`FolderWorker._group`): ~0.1 s of a backlog, so that
# its drafts follow within that; one commit a run instead of one a mail saves a third of the store's
# time (SQLite writes every page a commit touched, and the next mails touch the same pages again).
GROUP = 16


class _Log(logging.LoggerAdapter):
    """Every line names the account, the folder and the poll run (the correlation id)."""

    def process(self, msg: str, kwargs: MutableMapping[str, Any]) -> tuple[str, MutableMapping[str, Any]]:
        extra = self.extra or {}
        return f"account={extra['account']} folder={extra['folder']} run={extra['run']} {msg}", kwargs


@dataclass(frozen=True, slots=True)
class WorkerSettings:
    batch_size: int = 25
    progress_seconds: float = 10.0
    backoff_base: float = 1.0
    backoff_cap: float = 300.0


class UidValidityChanged(Exception):
    """The folder's UIDVALIDITY changed between listing and fetching: the listed UIDs are void."""


class Prefetch:
    """A backlog's next batch fetched on a second connection of the folder while this batch is
    processed: the folder thread then finds its mails in hand instead of waiting for the server (a
    FETCH of 50 mails is ≈ 60 ms of waiting on Dovecot here, a tenth of the batch's time). Only
    reads (`BODY.PEEK[]`, nothing claimed, no flag changed): the folder thread claims as before, and
    uses the fetched mails of the UIDs it got. A failure is the folder thread's to retry: it then
    fetches on its own connection, as without a backlog."""

    def __init__(self, name: str, folder: str, open_mailbox: Callable[[], Mailbox]) -> None:
        self.folder, self._open = folder, open_mailbox
        self._mailbox: Mailbox | None = None
        self._thread = ThreadPoolExecutor(1, thread_name_prefix=f"{name}:prefetch")
        self._last: Future[list[FetchedMessage]] | None = None

    def fetch(self, uids: list[int]) -> Future[list[FetchedMessage]]:
        self._last = self._thread.submit(self._fetch, uids)
        return self._last

    def _fetch(self, uids: list[int]) -> list[FetchedMessage]:
        try:
            if self._mailbox is None:
                self._mailbox = self._open()
            return list(self._mailbox.fetch(self.folder, uids))
        except BaseException:
            self._close_mailbox()  # a fresh connection for the next batch
            raise

    def close(self) -> None:
        """A fetch not begun is dropped; one under way ends on its own (a stop does not wait for
        it), then the connection closes, on the prefetch thread."""
        if self._last is not None:
            self._last.cancel()
        self._thread.submit(self._close_mailbox)
        self._thread.shutdown(wait=False)

    def _close_mailbox(self) -> None:
        mailbox, self._mailbox = self._mailbox, None
        if mailbox is not None:
            try:
                mailbox.close()
            except Exception:  # a broken connection closes as it can
                logger.debug("closing the prefetch connection", exc_info=True)


class FolderWorker:
    def __init__(self, account: str, folder: str, open_mailbox: Callable[[], Mailbox], processor: Processor,
                 ledger: Ledger, tally: Tally, stop: threading.Event,
                 settings: WorkerSettings | None = None, drafts: FolderDrafts | None = None,
                 upkeep_seconds: float = 60.0) -> None:
        self.account, self.folder = account, folder
        self._open, self.processor, self.ledger, self.tally = open_mailbox, processor, ledger, tally
        self.stop = stop
        self.settings = settings or WorkerSettings()
        self.drafts = drafts
        self.upkeep_seconds = upkeep_seconds  # drafts upkeep at most this often, not at every IDLE wake-up
        self._upkeep_at = float("-inf")
        self.kick = threading.Event()  # the scheduler's interval poll, or a stop
        self.failure: MailboxError | None = None  # the last mailbox failure, None after a good poll
        self.thread: threading.Thread | None = None
        self.log = _Log(logger, {"account": account, "folder": folder, "run": "-"})

    def start(self, *, once: bool) -> None:
        self.thread = threading.Thread(target=self.run, kwargs={"once": once},
                                       name=f"hayaoshi:{self.account}/{self.folder}", daemon=True)
        self.thread.start()

    def join(self, timeout: float | None = None) -> None:
        if self.thread is not None:
            self.thread.join(timeout)

    # --- the loop -----------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> None:
        backoff = Backoff(self.settings.backoff_base, self.settings.backoff_cap)
        mailbox: Mailbox | None = None
        reported: str | None = None
        try:
            while not self.stop.is_set():
                try:
                    if mailbox is None:
                        mailbox = self._open()
                        if self.drafts is not None:
                            self.drafts.bind(mailbox)
                    self.poll(mailbox, once=once)
                    if self.failure is not None:
                        self.log.info("working again")
                    backoff.success()
                    self.failure, reported = None, None
                    if once:
                        return
                    self._wait(mailbox)
                except MailboxError as err:
                    self.failure = err
                    self._record_error(err.message)
                    if err.kind is FailureKind.TRANSIENT:
                        delay = backoff.failure()
                        self.log.warning("%s; reconnecting in %.1f s", err.message, delay)
                    else:
                        # A refused login or a wrong setting does not mend by retrying: said once, then
                        # re-checked rarely (ImapMailbox does not even contact the server again until
                        # the password changes).
                        delay = self.settings.backoff_cap
                        if err.message != reported:
                            self.log.error("%s (%s; re-checked every %.0f s)", err.message, err.kind.value, delay)
                        reported = err.message
                    if once:
                        return
                    self.stop.wait(delay)
                except Exception as err:  # the database, or a bug: this folder waits and tries again
                    delay = backoff.failure()
                    if isinstance(err, StoreError):
                        self.log.error("database: %s; trying again in %.1f s", err, delay)
                    else:
                        self.log.exception("unexpected error; trying again in %.1f s", delay)
                    self.failure = MailboxError(FailureKind.TRANSIENT, reason_of(err))
                    if once:
                        return
                    if mailbox is not None:  # a fresh connection: the error may have left it mid-command
                        mailbox.close()
                        mailbox = None
                    self.stop.wait(delay)
        finally:
            if mailbox is not None:
                mailbox.close()

    def _record_error(self, message: str) -> None:
        try:
            self.ledger.polled(self.account, self.folder, error=message)
        except StoreError as err:
            self.log.error("database: %s", err)

    def _wait(self, mailbox: Mailbox) -> None:
        """Until the folder changes (IDLE), the interval poll is due, or a stop."""
        idle = mailbox.supports_idle()
        while not self.stop.is_set() and not self.kick.is_set():
            if idle:
                if mailbox.wait_for_changes(self.folder, WAIT_SLICE):
                    break
            else:
                self.kick.wait(WAIT_SLICE)
        self.kick.clear()

    # --- one poll run -------------------------------------------------------------------------

    def poll(self, mailbox: Mailbox, *, once: bool = False) -> None:
        """List what is new, take over what waits, and process it all (or until a stop)."""
        log = _Log(logger, {"account": self.account, "folder": self.folder, "run": secrets.token_hex(4)})
        uidvalidity = mailbox.uidvalidity(self.folder)
        changed, before = self.ledger.set_uidvalidity(self.account, self.folder, uidvalidity)
        if changed and before is None:
            log.info("first poll (UIDVALIDITY %d): reading the whole folder", uidvalidity)
        elif changed:
            dropped = self.ledger.forget_open(self.account, self.folder, uidvalidity)
            log.warning("UIDVALIDITY changed from %d to %d: every UID is new, so the whole folder is listed "
                        "again; messages processed before are recognised by Message-ID or content hash and "
                        "not processed twice (%d waiting row(s) of the old UIDs dropped)", before, uidvalidity,
                        dropped)
        mark = self.ledger.mark(self.account, self.folder)
        new = mailbox.list_uids(self.folder, since_uid=mark.last_uid if mark else 0)
        if new:
            log.info("%d new message(s), uid %d..%d", len(new), new[0], new[-1])
        progress = Progress(f"{self.account}/{self.folder}", len(new), every=self.settings.progress_seconds,
                            log=log)
        prefetch: Prefetch | None = None
        try:
            seen: set[int] = set()  # tried in this run: a failure again is the next run's turn
            while not self.stop.is_set():  # failures due for a retry, pending ones, dead daemons' claims
                due = self.ledger.claim_due(self.account, self.folder, uidvalidity, limit=self.settings.batch_size,
                                            exclude=seen)
                if not due:
                    break
                seen.update(due)
                log.info("%d waiting message(s) taken up again", len(due))
                self._work(mailbox, uidvalidity, due, log, Progress("", 0))  # retries: not the backlog's count
            batch = max(1, self.settings.batch_size)
            chunks = [new[start : start + batch] for start in range(0, len(new), batch)]
            if len(chunks) > 1:
                prefetch = Prefetch(f"hayaoshi:{self.account}/{self.folder}", self.folder, self._open)
            ahead: Future[list[FetchedMessage]] | None = None
            for n, chunk in enumerate(chunks):
                if self.stop.is_set():
                    break
                got = self.ledger.claim_new(self.account, self.folder, uidvalidity, chunk)
                progress.step(len(chunk) - len(got))  # another daemon has the rest
                fetched, ahead = ahead, None
                if prefetch is not None and n + 1 < len(chunks):
                    ahead = prefetch.fetch(chunks[n + 1])
                self._work(mailbox, uidvalidity, got, log, progress, fetched)
                self.ledger.advance(self.account, self.folder, uidvalidity, chunk[-1])
        except UidValidityChanged:
            log.warning("UIDVALIDITY changed while reading; the folder is listed again at the next poll")
        finally:
            if prefetch is not None:
                prefetch.close()
            progress.close()
        if not self.stop.is_set():
            self.ledger.polled(self.account, self.folder)
            self._upkeep(log, force=once)

    def _upkeep(self, log: _Log, *, force: bool) -> None:
        """Pending drafts finished, the reps' outcomes recorded: after the mail, and not at every IDLE
        wake-up (it searches the drafts folder for each draft waiting there)."""
        if self.drafts is None:
            return
        now = time.monotonic()
        if force or now - self._upkeep_at >= self.upkeep_seconds:
            self._upkeep_at = now
            self.drafts.upkeep(log, everything=force)

    def _work(self, mailbox: Mailbox, uidvalidity: int, uids: list[int], log: _Log, progress: Progress,
              fetched: Future[list[FetchedMessage]] | None = None) -> None:
        """Fetch and process claimed UIDs (fetched already by a `Prefetch`, when `fetched` is given);
        whatever is not started when this ends is let go."""
        pending = set(uids)
        try:
            if not pending:
                return
            messages = self._fetch(mailbox, pending, fetched, log)
            if any(message.ref.uidvalidity != uidvalidity for message in messages):
                raise UidValidityChanged
            started: Started = NOT_STARTED  # the start of the next message, made with the one before
            with self.processor.pool.lease() as lease:
                batch = Batch(messages, lease, self.processor.clock)
                while batch:
                    if self.stop.is_set():
                        log.info("stopping: %d claimed message(s) left for later", len(pending))
                        return
                    started = self._group(batch, lease, log, progress, pending, started)
            if pending and not self.stop.is_set():
                self._missing(mailbox, uidvalidity, pending, log)
                progress.step(len(pending))
                pending.clear()
        finally:
            if pending:
                self.ledger.release(self.account, self.folder, uidvalidity, pending)

    def _fetch(self, mailbox: Mailbox, uids: set[int], fetched: Future[list[FetchedMessage]] | None,
               log: _Log) -> list[FetchedMessage]:
        if fetched is not None:
            try:
                return [message for message in fetched.result() if message.ref.uid in uids]
            except Exception as err:
                said = err.message if isinstance(err, MailboxError) else reason_of(err)
                log.info("the batch fetched ahead failed (%s); fetched again here", said)
        return list(mailbox.fetch(self.folder, sorted(uids)))  # one round trip per batch

    def _group(self, batch: Batch, lease: Lease, log: _Log, progress: Progress, pending: set[int],
               started: Started) -> Started:
        """Messages taken in the order their parses finish and processed in one transaction (one
        commit, `Processor.group`), for as long as the next one's parse is done already, GROUP at
        most: a backlog commits once per run of mails, a mail arriving alone at once. A crash before
        the commit leaves the run's mails claimed and unprocessed (taken up again, as for one mail).
        A mail failing once its records are being written rolls the run back (`Regroup`): its mails
        are then processed one at a time, each in its own transaction. Gives the next one's start."""
        handled: list[FetchedMessage] = []
        outcomes: list[Outcome] = []
        grouped = self.processor.grouping
        try:
            with self.processor.group():
                while True:
                    message = batch.take()  # in the order the parses finish
                    pending.discard(message.ref.uid)
                    handled.append(message)
                    try:
                        outcome = self.processor.handle(message, log, lease, batch, self.drafts, started,
                                                        grouped=grouped)
                    except LostClaim as err:  # this daemon was presumed dead; the other one records it
                        log.warning("%s", err)
                        started = NOT_STARTED
                        break
                    outcomes.append(outcome)
                    started = outcome.ahead
                    if started is NOT_STARTED or len(handled) >= GROUP or not batch or self.stop.is_set():
                        break
        except Regroup as err:
            log.warning("%s: the run of %d message(s) it was in is rolled back; they are processed again one "
                        "at a time", err, len(handled))
            for message in handled:
                try:
                    self.tally.add(self.processor.handle(message, log, lease, None, self.drafts))
                except LostClaim as lost:
                    log.warning("%s", lost)
                progress.step()
            return NOT_STARTED
        for outcome in outcomes:  # committed
            self.tally.add(outcome)
        progress.step(len(handled))
        return started

    def _missing(self, mailbox: Mailbox, uidvalidity: int, uids: set[int], log: _Log) -> None:
        """UIDs the server did not return: deleted meanwhile (forgotten: UIDs are never reused), or
        not readable now (a failed attempt)."""
        still = set(mailbox.list_uids(self.folder, since_uid=min(uids) - 1)) & uids
        for uid in sorted(uids):
            ref = MessageRef(self.account, self.folder, uidvalidity, uid)
            if uid in still:
                state = self.ledger.fail(ref, "the server listed it but did not return it")
                log.warning("uid %d could not be fetched (%s)", uid, state)
            else:
                self.ledger.forget(ref)
                log.info("uid %d was deleted before it could be read", uid)
