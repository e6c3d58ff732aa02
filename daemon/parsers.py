"""The parser pool: warm child processes that decode and extract one mail each under the deadline of
`limits.Bounds` (limits.py says why a process and not a thread), and `GuardedExtractor`, through which
`Pipeline` receives their parse.

A folder thread leases the children for a batch and parses mails ahead: while the daemon stores and
matches mail n, the children already parse mails n+1 and n+2 (the two CPUs of a small server both
work, and one slow parse does not stall the thread).
"""

from __future__ import annotations

import contextlib
import logging
import multiprocessing
import multiprocessing.connection
import os
import queue
import signal
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from datetime import datetime
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from hayaoshi.daemon.limits import Bounds, ParseCrashed, ParseError, ParseTimeout
from hayaoshi.errors import MailRejected
from hayaoshi.extract.model import ParsedMail
from hayaoshi.ingest.decode import DecodedMail, Limits
from hayaoshi.ingest.mailbox import FetchedMessage

logger = logging.getLogger(__name__)

_START_TIMEOUT = 180.0  # a child loading spaCy and GiNZA on a slow disk


# --- the child ----------------------------------------------------------------------------------


def _watch_parent() -> None:
    """Exit when the process that started us is gone (a SIGKILLed daemon cannot close our pipe)."""
    parent = os.getppid()
    while True:
        time.sleep(1.0)
        if os.getppid() != parent:
            os._exit(0)


def _child_main(conn: Connection, taxonomy: str | None, use_ginza: bool, limits: Limits) -> None:
    # The daemon decides when to stop: Ctrl-C and systemd's SIGTERM to the group must not kill the
    # parse in hand (the daemon finishes it), and closing the pipe ends this process.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    threading.Thread(target=_watch_parent, name="parent-watch", daemon=True).start()
    from hayaoshi.extract.extractor import Extractor
    from hayaoshi.ingest.decode import decode_message
    from hayaoshi.ingest.mailbox import message_id_of
    from hayaoshi.ingest.quotes import split_quoted

    extractor = Extractor(Path(taxonomy) if taxonomy else None, use_ginza=use_ginza)
    if use_ginza:
        extractor.nlp.ginza()  # 1.5 s once here, not inside the first mail's deadline
    conn.send(("ready",))
    while True:
        try:
            request = conn.recv()
        except (EOFError, OSError):
            return
        if request is None:
            return
        try:
            if request[0] == "parse":
                _op, raw, now = request
                mail = decode_message(raw, limits)
                text, _quoted = split_quoted(mail.body, mail.subject)
                # The Message-ID as the ledger keeps it (ingest/mailbox.message_id_of), read here
                # rather than in the daemon's busy thread.
                reply: tuple = ("ok", extractor.extract(mail, body=text, now=now), _without_payloads(mail),
                                message_id_of(raw))
            else:
                _op, mail, body, now = request
                reply = ("ok", extractor.extract(mail, body=body, now=now), None, None)
        except MailRejected as err:
            reply = ("rejected", err.reason)
        except Exception as err:  # the daemon records it as a failed attempt
            reply = ("error", f"{type(err).__name__}: {str(err).splitlines()[0][:300] if str(err) else ''}")
        conn.send(reply)


def _without_payloads(mail: DecodedMail) -> DecodedMail:
    """The decoded mail for the daemon (which stores and drafts from it and need not decode it
    again): the attachments' names, types and sizes without their bytes (read here, by the extractor)."""
    return replace(mail, attachments=tuple(replace(a, payload=b"") for a in mail.attachments))


# --- the parent ---------------------------------------------------------------------------------


def _context() -> multiprocessing.context.BaseContext:
    # forkserver: children fork from a small server that imported the extractor's modules once,
    # never from the daemon itself (forking a process with threads and open sockets is unsafe).
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["hayaoshi.daemon.parsers", "hayaoshi.extract.extractor"])
    return ctx


class ParseWorker:
    """One child process; used by one thread at a time (the pool sees to it)."""

    def __init__(self, bounds: Bounds, taxonomy: str | None, use_ginza: bool) -> None:
        self.bounds, self._taxonomy, self._ginza = bounds, taxonomy, use_ginza
        self._proc: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = False

    @property
    def running(self) -> bool:
        return self._proc is not None

    def start(self) -> None:
        ctx = _context()
        parent, child = ctx.Pipe()
        proc = ctx.Process(target=_child_main, args=(child, self._taxonomy, self._ginza, self.bounds.limits()),
                           name="hayaoshi-parse", daemon=True)
        proc.start()
        child.close()
        self._proc, self._conn, self._ready = proc, parent, False

    def _wait_ready(self) -> Connection:
        if self._proc is None:
            self.start()
        assert self._conn is not None
        if not self._ready:
            if not self._conn.poll(_START_TIMEOUT):
                self.kill()
                raise ParseCrashed(f"the parser process did not start in {_START_TIMEOUT:.0f} s")
            try:
                self._conn.recv()
            except (EOFError, OSError) as err:
                code = self.kill()
                raise ParseCrashed(f"the parser process died at start (exit code {code})") from err
            self._ready = True
        return self._conn

    def send(self, message: tuple) -> float:
        """Hand the child a request; the time it started (its deadline counts from there)."""
        conn = self._wait_ready()
        try:
            conn.send(message)
        except OSError as err:
            code = self.kill()
            raise ParseCrashed(f"the parser process died (exit code {code})") from err
        return time.monotonic()

    def receive(self, started: float) -> tuple[ParsedMail, DecodedMail | None, str | None]:
        """The answer to the request sent at `started` (the parse, and of a "parse" request the
        decoded mail and its Message-ID as `message_id_of` reads it); kills the child at the deadline."""
        assert self._conn is not None
        try:
            if not self._conn.poll(max(0.0, started + self.bounds.parse_seconds - time.monotonic())):
                self.kill()
                raise ParseTimeout(f"parse-time: still parsing after {self.bounds.parse_seconds:g} s")
            reply = self._conn.recv()
        except (EOFError, OSError) as err:
            code = self.kill()
            raise ParseCrashed(f"the parser process died while parsing (exit code {code})") from err
        logger.debug("parsed in %.3f s", time.monotonic() - started)
        if reply[0] == "ok":
            return reply[1], reply[2], reply[3]
        if reply[0] == "rejected":
            raise MailRejected(reply[1])
        raise ParseError(reply[1])

    @property
    def connection(self) -> Connection | None:
        return self._conn

    def done(self, started: float) -> bool:
        """The answer to the request sent at `started` is there (or its deadline passed)."""
        if self._conn is None or time.monotonic() >= started + self.bounds.parse_seconds:
            return True
        try:
            return self._conn.poll(0)
        except (EOFError, OSError):
            return True  # `receive` says what happened

    def request(self, message: tuple) -> tuple[ParsedMail, DecodedMail | None, str | None]:
        return self.receive(self.send(message))

    def kill(self) -> int | None:
        proc, self._proc, conn, self._conn = self._proc, None, self._conn, None
        self._ready = False
        if conn is not None:
            conn.close()
        if proc is None:
            return None
        proc.kill()
        proc.join(5)
        return proc.exitcode

    def close(self) -> None:
        proc, conn = self._proc, self._conn
        self._proc = self._conn = None
        if conn is not None:
            with contextlib.suppress(OSError):
                conn.send(None)
            conn.close()
        if proc is not None:
            proc.join(2)
            if proc.is_alive():
                proc.kill()
                proc.join(2)


class ParserPool:
    """`size` warm child processes shared by the folder threads."""

    def __init__(self, bounds: Bounds, *, taxonomy: str | None = None, use_ginza: bool = True,
                 size: int = 2) -> None:
        self.bounds = bounds
        self._workers = [ParseWorker(bounds, taxonomy, use_ginza) for _ in range(max(1, size))]
        self._idle: queue.SimpleQueue[ParseWorker] = queue.SimpleQueue()
        for worker in self._workers:
            self._idle.put(worker)

    def start(self) -> None:
        """Start the children now (they load in the background while the mailboxes connect)."""
        for worker in self._workers:
            if not worker.running:
                worker.start()

    @contextlib.contextmanager
    def _worker(self) -> Iterator[ParseWorker]:
        worker = self._idle.get()
        try:
            yield worker
        finally:
            self._idle.put(worker)

    @contextlib.contextmanager
    def lease(self) -> Iterator[Lease]:
        """Children for a batch of one folder thread, to parse mails ahead: one (waited for), and
        every other child idle at that moment. A second folder thread meanwhile waits for a child
        until a batch ends (`daemon.batch_size` mails)."""
        with self._worker() as worker:
            extra: list[ParseWorker] = []
            while True:
                try:
                    extra.append(self._idle.get_nowait())
                except queue.Empty:
                    break
            lease = Lease([worker, *extra], self.bounds)
            try:
                yield lease
            finally:
                try:
                    lease.settle()
                finally:
                    for other in extra:
                        self._idle.put(other)

    def parse(self, raw: bytes, now: datetime | None) -> ParsedMail:
        """Decode (with the configured limits) and extract one mail under the deadline."""
        self.bounds.check_size(len(raw))
        with self._worker() as worker:
            return worker.request(("parse", raw, now))[0]

    def extract(self, mail: Any, body: str | None, now: datetime | None) -> ParsedMail:
        with self._worker() as worker:
            return worker.request(("extract", _MailView.of(mail), body, now))[0]

    def close(self) -> None:
        for worker in self._workers:
            worker.close()


# A parse as the daemon takes it: the parse, the decoded mail (without attachment bytes), the `now`
# it was read against, and the mail's Message-ID as the ledger keeps it (ingest/mailbox.message_id_of).
Parse = tuple[ParsedMail, DecodedMail | None, datetime | None, str | None]


class Lease:
    """Children held by one thread: `ahead` starts parsing mails that come next, one per free child,
    while this one is stored and matched (with two children, two mails are in flight: one slow
    parse does not hold the thread up); `parse` takes the result when it is for this mail, or
    parses now."""

    def __init__(self, workers: list[ParseWorker], bounds: Bounds) -> None:
        self.workers, self.bounds = workers, bounds
        # key -> (the child parsing it, now, started); one request per child at a time
        self._pending: dict[object, tuple[ParseWorker, datetime | None, float]] = {}
        # key -> a parse ahead taken from its child before its mail's turn (`message_id`), or its error
        self._received: dict[object, Parse | Exception] = {}

    def _free(self) -> ParseWorker | None:
        busy = {id(w) for w, _now, _started in self._pending.values()}
        return next((w for w in self.workers if id(w) not in busy), None)

    def ahead(self, key: object, raw: bytes, now: datetime | None) -> bool:
        """Start parsing a mail that comes next, when a child is free (nothing happens for one over
        the size bound, or one already on its way). False when no child was free."""
        if self.has(key) or len(raw) > self.bounds.limits().max_bytes:
            return True
        worker = self._free()
        if worker is None:
            return False
        try:
            self._pending[key] = (worker, now, worker.send(("parse", raw, now)))
        except ParseCrashed:
            pass  # parse() starts it again, and reports the crash then
        return True

    def has(self, key: object) -> bool:
        return key in self._pending or key in self._received

    def ready(self, key: object) -> bool:
        """This mail's parse ahead has finished, or ran out of time (`parse` then says so at once)."""
        if key in self._received:
            return True
        found = self._pending.get(key)
        if found is None:
            return False
        worker, _now, started = found
        return worker.done(started)

    def message_id(self, key: object) -> str | Unread | None:
        """The Message-ID the child read from this mail, when its parse ahead is `ready` (the
        answer is taken from the child now, which is then free for the next mail, and kept for
        `parse`); UNREAD otherwise, or when the parse failed."""
        if key in self._pending and self.ready(key):
            worker, now, started = self._pending.pop(key)
            try:
                self._received[key] = _parse(worker.receive(started), now)
            except Exception as err:  # `parse` raises it, at this mail's turn
                self._received[key] = err
        got = self._received.get(key)
        return got[3] if isinstance(got, tuple) else UNREAD

    def wait(self) -> None:
        """Until a parse ahead finishes or its deadline passes."""
        if self._pending:
            deadline = min(started for _w, _n, started in self._pending.values()) + self.bounds.parse_seconds
            multiprocessing.connection.wait([w.connection for w, _n, _s in self._pending.values()
                                             if w.connection is not None],
                                            timeout=max(0.0, deadline - time.monotonic()))

    def parse(self, key: object, raw: bytes, now: datetime | None) -> Parse:
        """This mail's `Parse`: the one ahead, or one made now."""
        got = self._received.pop(key, None)
        if isinstance(got, Exception):
            raise got
        if got is not None:
            return got
        found = self._pending.pop(key, None)
        if found is not None:
            worker, now, started = found
            return _parse(worker.receive(started), now)
        worker = self._free()
        if worker is None:  # every child parses a mail not wanted now: the oldest is let go
            self.drop(next(iter(self._pending)))
            worker = self._free()
            assert worker is not None
        self.bounds.check_size(len(raw))
        return _parse(worker.request(("parse", raw, now)), now)

    def drop(self, key: object) -> None:
        """Let go of the parse ahead of a mail that is no longer wanted (a duplicate)."""
        self._received.pop(key, None)
        found = self._pending.pop(key, None)
        if found is not None:
            worker, _now, started = found
            with contextlib.suppress(MailRejected, ParseCrashed, ParseError):
                worker.receive(started)

    def settle(self) -> None:
        """Drop the parses ahead that are no longer wanted (the batch ended, or a stop came)."""
        for key in [*self._pending, *self._received]:
            self.drop(key)


class Unread:
    def __repr__(self) -> str:
        return "UNREAD"


UNREAD = Unread()  # `Lease.message_id`: the child has not said (yet)


def _parse(got: tuple[ParsedMail, DecodedMail | None, str | None], now: datetime | None) -> Parse:
    parsed, decoded, message_id = got
    return parsed, decoded, now, message_id


class Batch:
    """The fetched messages of one batch, handed to the lease's children ahead and taken in the
    order their parses finish: a slow parse (GiNZA, ~130 ms) holds up no mail behind it, the other
    child goes on with them. Every message is taken once; one refused ahead (over the size bound,
    or its child died) is taken when no parse is on its way, and parsed then."""

    def __init__(self, messages: list[FetchedMessage], lease: Lease, clock: Callable[[], datetime | None]) -> None:
        self.todo = list(messages)  # not taken yet, in UID order
        self.lease, self.clock = lease, clock
        self.promised: FetchedMessage | None = None  # `following` said this one comes next

    def __len__(self) -> int:
        return len(self.todo)

    def refill(self) -> None:
        """Hand the next messages to the children that are free."""
        for message in self.todo:
            if message is not self.promised and not self.lease.has(message.ref) \
                    and not self.lease.ahead(message.ref, message.raw, self.clock()):
                return

    def take(self) -> FetchedMessage:
        """The next message to handle: the one promised, else the first whose parse is done, else
        (nothing on its way) the first one; waits meanwhile."""
        self.refill()
        while True:
            message = self.promised or next((m for m in self.todo if self.lease.ready(m.ref)), None)
            if message is None and not any(self.lease.has(m.ref) for m in self.todo):
                message = self.todo[0]
            if message is not None:
                self.promised = None
                self.todo.remove(message)
                return message
            self.lease.wait()

    def following(self) -> FetchedMessage | None:
        """The message `take` gives next, when that is settled already (its parse is done): the
        daemon starts it in the unit of the one in hand."""
        if self.promised is None:
            self.promised = next((m for m in self.todo if self.lease.ready(m.ref)), None)
        return self.promised


@dataclass(frozen=True, slots=True)
class _MailView:
    """What the extractor reads of a mail (extract.extractor.MailLike), without the attachments."""

    message_id: str | None
    subject: str
    body: str
    date: datetime | None
    defects: tuple[str, ...]

    @classmethod
    def of(cls, mail: Any) -> _MailView:
        return cls(mail.message_id, mail.subject, mail.body, mail.date, tuple(mail.defects))


class GuardedExtractor:
    """The extractor `Pipeline` is built with: it answers with the parse the pool made for the mail in
    hand (`staged`), so the pipeline's store and match steps run on a parse that finished in time.
    Called outside `staged`, it extracts in the pool under the same deadline."""

    def __init__(self, pool: ParserPool, taxonomy: str | None = None) -> None:
        self.pool, self._taxonomy = pool, taxonomy
        self._staged = threading.local()
        self._nlp: Any = None
        self._nlp_lock = threading.Lock()

    @contextlib.contextmanager
    def staged(self, parsed: ParsedMail) -> Iterator[None]:
        self._staged.parsed = parsed
        try:
            yield
        finally:
            self._staged.parsed = None

    def extract(self, mail: Any, *, body: str | None = None, now: datetime | None = None) -> ParsedMail:
        parsed = getattr(self._staged, "parsed", None)
        if parsed is not None and parsed.message_id == mail.message_id:
            return parsed
        if parsed is not None:
            logger.warning("the staged parse is of another mail; extracting again")
        return self.pool.extract(mail, body, now)

    @property
    def nlp(self) -> Any:
        """The taxonomy's SkillNLP, for the roster import (loaded on first use)."""
        with self._nlp_lock:
            if self._nlp is None:
                from hayaoshi.extract.nlp import SkillNLP
                from hayaoshi.extract.taxonomy import load_taxonomy

                self._nlp = SkillNLP(load_taxonomy(Path(self._taxonomy) if self._taxonomy else None))
            return self._nlp
