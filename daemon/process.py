"""One claimed message through the pipeline, and into the ledger with its outcome.

decode → extract run in the parser pool under the time limit (limits.py); store → match run in
`Pipeline.process` with that parse; the folder thread's `FolderDrafts` writes the drafts. The
mail's records, its drafts and its ledger `done` are one transaction (`Pipeline.unit`). Whatever
happens, the message ends `done`, `failed` (retried later) or `quarantined` with a reason, and the
next message goes on.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from hayaoshi.daemon.drafting import FolderDrafts
from hayaoshi.daemon.ledger import LOST, Duplicate, Ledger, Lost, LostClaim
from hayaoshi.daemon.parsers import UNREAD, Batch, GuardedExtractor, Lease, Parse, ParserPool, Unread
from hayaoshi.errors import MailRejected
from hayaoshi.ingest.mailbox import FetchedMessage, MessageRef
from hayaoshi.store.ledger import LedgerState
from hayaoshi.store.repo import Conflict

logger = logging.getLogger(__name__)


def reason_of(err: BaseException) -> str:
    """A failure's reason for the ledger and the log: the class and the first line of the message.
    SQLAlchemy puts the statement and its parameters (the mail's text) on later lines: never kept."""
    text = str(err).splitlines()[0] if str(err) else ""
    for cut in (" [SQL:", " [parameters:", "(Background on this error"):
        text = text.split(cut, 1)[0]
    return f"{type(err).__name__}: {text.strip()}"[:500]


@dataclass(frozen=True, slots=True)
class Found:
    """What one processed mail gave, for the summary `run --once` prints (never logged)."""

    ref: MessageRef
    subject: str
    kind: str
    postings: tuple[tuple[str, str, tuple[str, ...]], ...]  # (kind, title, best candidates "name tier")
    drafts: int = 0  # reply drafts of this mail in the drafts folder


class NotStarted:
    def __repr__(self) -> str:
        return "NOT_STARTED"


NOT_STARTED = NotStarted()  # the next message was not started with this one
# What the ledger's start gave: the earlier row of the same message, None (a new message), LOST.
Started = Duplicate | Lost | NotStarted | None


def _identity(message: FetchedMessage, message_id: str | Unread | None = UNREAD) -> dict[str, Any]:
    """The ledger's identity of a message; its Message-ID as the parse child read it, when it did."""
    return {"message_id": message.message_id if message_id is UNREAD else message_id,
            "content_hash": hashlib.sha256(message.raw).hexdigest(), "size": len(message.raw)}


@dataclass(frozen=True, slots=True)
class Outcome:
    ref: MessageRef
    state: LedgerState
    reason: str | None = None
    found: Found | None = None
    ahead: Started = NOT_STARTED  # the next message's start, made in this one's unit


@dataclass(slots=True)
class Tally:
    """Counts of a daemon's outcomes (thread-safe), and the mails found in a `--once` run."""

    keep_found: bool = False
    counts: dict[LedgerState, int] = field(default_factory=dict)
    found: list[Found] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, outcome: Outcome) -> None:
        with self._lock:
            self.counts[outcome.state] = self.counts.get(outcome.state, 0) + 1
            if self.keep_found and outcome.found is not None:
                self.found.append(outcome.found)


class Regroup(Exception):
    """A mail of a group (`Processor.group`) failed once its writes had begun: the group's one
    transaction is rolled back whole, and the worker processes its mails again one at a time."""

    def __init__(self, ref: MessageRef, reason: str) -> None:
        super().__init__(f"uid {ref.uid}: {reason}")
        self.ref, self.reason = ref, reason


class Processor:
    """Shared by the folder threads: the pipeline's store is thread-safe, the parser pool too."""

    def __init__(self, pipeline: object, pool: ParserPool, extractor: GuardedExtractor, ledger: Ledger, *,
                 clock: Callable[[], datetime | None] = lambda: None, keep_found: bool = False) -> None:
        self.pipeline, self.pool, self.extractor, self.ledger = pipeline, pool, extractor, ledger
        self.clock = clock
        self.keep_found = keep_found

    @property
    def grouping(self) -> bool:
        """Whether `group` makes one transaction (the pipeline has units; a stand-in may not)."""
        return getattr(self.pipeline, "unit", None) is not None

    def group(self) -> contextlib.AbstractContextManager[None]:
        """One transaction for several mails handled one after the other (`handle(grouped=True)`):
        one commit instead of one a mail. SQLite writes each page a commit touched, and a mail
        touches dozens (the match rows' indexes above all) that the next mails touch again."""
        unit = getattr(self.pipeline, "unit", None)
        return unit("a run of mails") if unit is not None else contextlib.nullcontext()

    def handle(self, message: FetchedMessage, log: logging.LoggerAdapter, lease: Lease,
               batch: Batch | None = None, drafts: FolderDrafts | None = None,
               started: Started = NOT_STARTED, *, grouped: bool = False) -> Outcome:
        """Process one claimed message (its `batch`'s next messages are handed to the parse children
        meanwhile), then write its drafts through `drafts`, the folder thread's own. `started`: what
        the previous message's unit recorded when it started this one (its `Outcome.ahead`); the
        outcome says the same of the batch's next message, when its parse is done by then. Raises
        only when the ledger itself cannot be written, and, `grouped` (inside `group`), `Regroup`
        when the mail fails once its records are being written (they cannot be taken back alone)."""
        ref, raw = message.ref, message.raw
        if started is LOST:
            lease.drop(ref)
            raise LostClaim(f"{ref.account}/{ref.folder} uid {ref.uid}: the claim was taken over")
        parse: Parse | BaseException | None = None
        if started is NOT_STARTED or started is None:
            # The parse first, then the start: the daemon's own work begins with the start (a crash
            # after it counts an attempt; a parse runs in a child, which cannot crash the daemon),
            # and the start's commit runs while the children parse the next mails.
            try:
                parse = lease.parse(ref, raw, self.clock())
            except Exception as err:  # recorded below, once the message is known not to be a duplicate
                parse = err
            finally:
                if batch is not None:
                    batch.refill()
        if started is NOT_STARTED:
            duplicate = self.ledger.start(ref, **_identity(message, parse[3] if isinstance(parse, tuple) else UNREAD))
        else:
            duplicate = started
        if duplicate is not None:
            lease.drop(ref)
            log.info("uid %d: the same message as ledger row %d (%s): not processed again",
                     ref.uid, duplicate.id, duplicate.state)
            return Outcome(ref, duplicate.state, duplicate.reason)
        writing = False  # the mail's records are being written (in the group's transaction, if grouped)
        try:
            if isinstance(parse, BaseException):
                raise parse
            assert parse is not None
            parsed, decoded, now, _message_id = parse
            unit = getattr(self.pipeline, "unit", None)
            grouped = grouped and unit is not None
            for attempt in (1, 2):
                try:
                    writing = True
                    # One commit (its own, or its run's when grouped): the mail's records and
                    # rankings, its drafts (appended once it is made), its ledger outcome, and the
                    # start of the next mail. A crash before it leaves nothing of the mail but its
                    # claim; after it, the mail is done, its drafts are pending, and the next mail
                    # has its attempt counted.
                    with unit("processing a mail") if unit is not None else contextlib.nullcontext():
                        with self.extractor.staged(parsed):
                            processed = self.pipeline.process(raw, now=now, account=ref.account,
                                                              folder=ref.folder, uid=ref.uid, decoded=decoded)
                        written = drafts.write(processed, log, ref.uid) if drafts is not None else 0
                        self.ledger.done(ref)
                        following = batch.following() if batch is not None and unit is not None else None
                        next_started = self.ledger.start_next(
                            following.ref, **_identity(following, lease.message_id(following.ref))) \
                            if following is not None else NOT_STARTED
                    break
                except Conflict:  # another writer took a unique key first: all rolled back, once more
                    if attempt == 2 or grouped:
                        raise
        except MailRejected as err:  # a bound: size, MIME depth, parts, parse time
            if grouped and writing:
                raise Regroup(ref, err.reason) from err
            self.ledger.quarantine(ref, err.reason)
            log.warning("uid %d quarantined: %s", ref.uid, err.reason)
            return Outcome(ref, LedgerState.QUARANTINED, err.reason)
        except Exception as err:
            reason = reason_of(err)
            if grouped and writing:
                raise Regroup(ref, reason) from err
            state = self.ledger.fail(ref, reason)
            log.warning("uid %d %s: %s", ref.uid, "quarantined" if state is LedgerState.QUARANTINED else
                        "failed (retried later)", reason, exc_info=logger.isEnabledFor(logging.DEBUG))
            return Outcome(ref, state, reason)
        kinds = ",".join(str(r.posting.kind) for r in processed.results) or str(processed.parsed.kind)
        log.info("uid %d done: %s, %d posting(s)", ref.uid, kinds, len(processed.results))
        return Outcome(ref, LedgerState.DONE,
                       found=self._found(ref, processed, written) if self.keep_found else None, ahead=next_started)

    @staticmethod
    def _found(ref: MessageRef, processed: object, drafts: int) -> Found:
        postings = []
        for result in processed.results:
            posting = result.posting
            title = posting.title or posting.name or "-"
            best = tuple(f"{m.name} {m.tier} {m.score:.2f}" for m in result.ranking.matches[:3])
            postings.append((str(posting.kind), title, best))
        return Found(ref, processed.mail.subject, str(processed.parsed.kind), tuple(postings), drafts)
