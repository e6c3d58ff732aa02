"""The order a batch's mails are handled in: as their parses finish (daemon/parsers.Batch and Lease).

The children are stand-ins here (a parse finishes when the test says so); the daemon tests run the
real parser processes.
"""

from __future__ import annotations

import multiprocessing
import threading
import time

import pytest

from hayaoshi.daemon.limits import Bounds, ParseError
from hayaoshi.daemon.parsers import UNREAD, Batch, Lease
from hayaoshi.ingest.mailbox import FetchedMessage, MessageRef

pytestmark = pytest.mark.unit


class Child:
    """A parse child whose parses of `slow` mails finish only when `finish` is called."""

    def __init__(self, slow: set[bytes] = frozenset()) -> None:
        self.connection, self._other = multiprocessing.Pipe()
        self.slow = set(slow)
        self.queue: list[bytes] = []

    def send(self, message: tuple) -> float:
        raw = message[1]
        assert not self.queue, "one request at a time"
        self.queue.append(raw)
        if raw not in self.slow:
            self._other.send(b"")
        return time.monotonic()

    def done(self, _started: float) -> bool:
        return self.connection.poll(0)

    def receive(self, _started: float) -> tuple[str, None, str]:
        self.connection.recv()
        raw = self.queue.pop(0).decode()
        return f"parsed {raw}", None, f"<{raw}@example.jp>"

    def request(self, message: tuple) -> tuple[str, None, str]:
        return self.receive(self.send(message))

    def finish(self) -> None:
        self._other.send(b"")


def mails(*names: str) -> list[FetchedMessage]:
    return [FetchedMessage(MessageRef("a", "INBOX", 1, n), name.encode(), len(name), None, ())
            for n, name in enumerate(names, start=1)]


def handle_all(batch: Batch, lease: Lease, on_take=lambda m: None) -> list[str]:
    order = []
    while batch:
        message = batch.take()
        parsed = lease.parse(message.ref, message.raw, None)[0]
        assert parsed == f"parsed {message.raw.decode()}"
        order.append(message.raw.decode())
        batch.refill()
        on_take(message)
    return order


def test_a_slow_parse_holds_up_no_mail_behind_it():
    """GIVEN two children and a first mail whose parse is slow WHEN the batch is handled THEN the
    mails behind it are handled meanwhile, the slow one when it is done, each exactly once."""
    slow, fast = Child({b"m1"}), Child()
    lease = Lease([slow, fast], Bounds())
    batch = Batch(mails("m1", "m2", "m3", "m4", "m5"), lease, lambda: None)
    order = handle_all(batch, lease, on_take=lambda m: slow.finish() if m.raw == b"m4" else None)
    assert order == ["m2", "m3", "m4", "m1", "m5"]


def test_every_mail_is_waited_for_when_none_is_ready():
    slow = Child({b"m1"})
    lease = Lease([slow], Bounds())
    batch = Batch(mails("m1", "m2"), lease, lambda: None)
    threading.Timer(0.05, slow.finish).start()
    assert handle_all(batch, lease) == ["m1", "m2"]


def test_the_mail_promised_next_is_the_one_taken_next():
    """`following` names the next mail only once its parse is done (the daemon starts it in the
    unit of the mail in hand), and `take` then gives that one even if an earlier one finished."""
    slow, fast = Child({b"m1"}), Child()
    lease = Lease([slow, fast], Bounds())
    batch = Batch(mails("m1", "m2", "m3"), lease, lambda: None)
    batch.refill()
    assert batch.following().raw == b"m2"
    slow.finish()  # m1 is done now, but m2 was promised
    assert batch.take().raw == b"m2"
    lease.parse(batch.todo[0].ref, b"m1", None)  # settle m1 by hand: m1 is first again
    batch.todo.pop(0)
    assert [m.raw for m in batch.todo] == [b"m3"]


def test_a_mail_refused_ahead_is_taken_when_nothing_is_on_its_way():
    """A mail over the size bound is never handed ahead; it is taken (and refused by `parse`) once
    no parse is on its way."""
    child = Child()
    lease = Lease([child], Bounds(max_bytes=2))
    messages = mails("m1", "big", "m3")
    batch = Batch(messages, lease, lambda: None)
    taken = []
    while batch:
        message = batch.take()
        taken.append(message.raw)
        if message.raw != b"big":
            lease.parse(message.ref, message.raw, None)
        batch.refill()
    assert sorted(taken) == sorted(m.raw for m in messages) and taken[-1] == b"big"


class FailingChild(Child):
    def receive(self, _started: float):
        super().receive(_started)
        raise ParseError("ValueError: a broken parse")


def test_the_message_id_of_a_finished_parse_ahead_is_read_early_and_its_parse_kept():
    """GIVEN one child parsing m1 ahead WHEN the daemon asks for m1's Message-ID (to start it in the
    unit of the mail before) THEN it is UNREAD while the parse runs; once done it is the child's, the
    child is free for the next mail at once, and `parse` gives the kept parse without asking again.
    A parse that failed says UNREAD, and `parse` raises its error at the mail's turn."""
    child = Child({b"m1"})
    lease = Lease([child], Bounds())
    m1, m2 = mails("m1", "m2")
    assert lease.ahead(m1.ref, m1.raw, None)
    assert lease.message_id(m1.ref) is UNREAD and not lease.ahead(m2.ref, m2.raw, None)  # the child is busy
    child.finish()
    assert lease.message_id(m1.ref) == "<m1@example.jp>"
    assert lease.ahead(m2.ref, m2.raw, None) and lease.has(m2.ref)  # the child took m2 meanwhile
    assert lease.parse(m1.ref, m1.raw, None) == ("parsed m1", None, None, "<m1@example.jp>")
    assert lease.parse(m2.ref, m2.raw, None)[3] == "<m2@example.jp>"

    broken = FailingChild()
    lease = Lease([broken], Bounds())
    lease.ahead(m1.ref, m1.raw, None)
    assert lease.message_id(m1.ref) is UNREAD and lease.ready(m1.ref)
    with pytest.raises(ParseError, match="a broken parse"):
        lease.parse(m1.ref, m1.raw, None)
    assert not lease.has(m1.ref)
