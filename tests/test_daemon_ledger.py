"""The ledger's claims, on SQLite and PostgreSQL: once per message, across restarts and daemons."""

from __future__ import annotations

import os
import subprocess
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from hayaoshi.daemon.ledger import LOST, Ledger, LostClaim, claimer_dead, claimer_id, clean_message_id
from hayaoshi.ingest.mailbox import MessageRef
from hayaoshi.store.db import make_engine, upgrade
from hayaoshi.store.ledger import LedgerState

pytestmark = pytest.mark.pipeline

T0 = datetime(2026, 11, 29, 9, 0, tzinfo=UTC)
HOST = os.uname().nodename


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def engine(db_url):
    engine = make_engine(db_url)
    upgrade(engine)
    try:
        yield engine
    finally:
        engine.dispose()


@pytest.fixture
def clock():
    return Clock()


_names = iter(range(10**6))


def ledger(engine, clock, claimer=None, **kw) -> Ledger:
    """A claimer of its own (one Ledger per process in real life; here several, told apart by name)."""
    claimer = claimer or f"daemon{next(_names)}:1:1"
    return Ledger(engine, claimer=claimer, clock=clock, max_attempts=kw.pop("max_attempts", 3),
                  retry_after=kw.pop("retry_after", timedelta(seconds=60)),
                  stale_after=kw.pop("stale_after", timedelta(minutes=10)))


def ref(uid: int, uidvalidity: int = 7, folder: str = "INBOX") -> MessageRef:
    return MessageRef("acct", folder, uidvalidity, uid)


def state_of(engine, uid: int, uidvalidity: int = 7) -> dict:
    with engine.connect() as conn:
        row = conn.execute(text("SELECT * FROM ledger WHERE uid = :u AND uidvalidity = :v"),
                           {"u": uid, "v": uidvalidity}).first()
    return dict(row._mapping)


def test_new_uids_go_to_exactly_one_claimer(engine, clock):
    a, b = ledger(engine, clock), ledger(engine, clock)
    assert a.claim_new("acct", "INBOX", 7, [3, 1, 2]) == [1, 2, 3]
    assert b.claim_new("acct", "INBOX", 7, [2, 3, 4]) == [4]
    assert state_of(engine, 1)["claimed_by"] == a.claimer
    assert LedgerState(state_of(engine, 4)["state"]) is LedgerState.CLAIMED


def test_a_message_done_is_done_once(engine, clock):
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1])
    assert led.start(ref(1), message_id="<a@x>", content_hash="h1", size=10) is None
    led.done(ref(1))
    row = state_of(engine, 1)
    assert (LedgerState(row["state"]), row["attempts"], row["message_id"]) == (LedgerState.DONE, 1, "<a@x>")
    with pytest.raises(LostClaim):
        led.done(ref(1))


@pytest.mark.parametrize("same", ["message_id", "content_hash"])
def test_the_same_message_under_a_new_uidvalidity_is_not_processed_again(engine, clock, same):
    """GIVEN a message done under UIDVALIDITY 7 WHEN it reappears under 8 (same Message-ID, or no
    Message-ID but the same bytes) THEN the new row is done at once, pointing at the first."""
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1])
    mid = "<a@x>" if same == "message_id" else None
    led.start(ref(1), message_id=mid, content_hash="h1" if same == "content_hash" else "h-old", size=10)
    led.done(ref(1))
    led.claim_new("acct", "INBOX", 8, [1])
    duplicate = led.start(ref(1, 8), message_id=mid, content_hash="h1" if same == "content_hash" else "h-new",
                          size=10)
    assert duplicate is not None and duplicate.state is LedgerState.DONE
    row = state_of(engine, 1, 8)
    assert LedgerState(row["state"]) is LedgerState.DONE
    assert row["attempts"] == 0  # never started: nothing ran twice
    assert row["duplicate_of"] == state_of(engine, 1, 7)["id"]


def test_a_quarantined_message_stays_quarantined_when_it_reappears(engine, clock):
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [5])
    led.start(ref(5), message_id="<bad@x>", content_hash="hb", size=10)
    led.quarantine(ref(5), "size: 99 bytes > 10")
    led.claim_new("acct", "INBOX", 8, [1])
    duplicate = led.start(ref(1, 8), message_id="<bad@x>", content_hash="hb", size=10)
    assert duplicate.state is LedgerState.QUARANTINED
    assert state_of(engine, 1, 8)["reason"] == "size: 99 bytes > 10"


def test_failures_are_retried_after_the_delay_then_quarantined(engine, clock):
    led = ledger(engine, clock, max_attempts=3)
    led.claim_new("acct", "INBOX", 7, [1])
    for attempt in (1, 2, 3):
        led.start(ref(1), message_id="<f@x>", content_hash="hf", size=1)
        state = led.fail(ref(1), f"ValueError: boom {attempt}")
        if attempt < 3:
            assert state is LedgerState.FAILED
            assert led.claim_due("acct", "INBOX", 7) == []  # not before the retry delay
            clock.advance(seconds=61)
            assert led.claim_due("acct", "INBOX", 7) == [1]
    row = state_of(engine, 1)
    assert LedgerState(row["state"]) is LedgerState.QUARANTINED
    assert row["attempts"] == 3
    assert row["reason"] == "failed 3 times; last: ValueError: boom 3"


def test_released_claims_wait_as_pending_and_are_taken_up_again(engine, clock):
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1, 2, 3])
    assert led.release("acct", "INBOX", 7, [2, 3]) == 2
    assert LedgerState(state_of(engine, 2)["state"]) is LedgerState.PENDING
    other = ledger(engine, clock)
    assert other.claim_due("acct", "INBOX", 7) == [2, 3]


def test_a_message_started_ahead_and_let_go_has_its_attempt_taken_back(engine, clock):
    """GIVEN uid 2 started in uid 1's unit (`start_next`) WHEN the daemon stops before processing it
    THEN it waits as pending with no attempt counted, and a claim taken over is answered LOST."""
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1, 2])
    led.start(ref(1), message_id="<a@x>", content_hash="ha", size=1)
    led.done(ref(1))
    assert led.start_next(ref(2), message_id="<b@x>", content_hash="hb", size=1) is None
    assert state_of(engine, 2)["attempts"] == 1
    assert led.release("acct", "INBOX", 7, [2]) == 1
    row = state_of(engine, 2)
    assert (LedgerState(row["state"]), row["attempts"], row["started_at"]) == (LedgerState.PENDING, 0, None)
    assert ledger(engine, clock).claim_due("acct", "INBOX", 7) == [2]
    assert led.start_next(ref(2), message_id="<b@x>", content_hash="hb", size=1) is LOST


def _dead_pid() -> int:
    proc = subprocess.Popen(["true"])
    proc.wait()
    return proc.pid


def test_claims_of_a_dead_daemon_on_this_host_are_taken_over_at_once(engine, clock):
    dead = ledger(engine, clock, claimer=f"{HOST}:{_dead_pid()}:1")
    dead.claim_new("acct", "INBOX", 7, [1, 2])
    dead.start(ref(1), message_id="<m1@x>", content_hash="h", size=1)  # it died while processing uid 1
    heir = ledger(engine, clock, claimer=claimer_id())  # a daemon of this host
    assert heir.claim_due("acct", "INBOX", 7) == [1, 2]
    assert state_of(engine, 1)["attempts"] == 1  # the crash counted


def test_a_live_daemon_keeps_its_claims_until_they_are_stale(engine, clock):
    live = ledger(engine, clock, claimer=f"{HOST}:1:live0000")  # pid 1 always runs
    live.claim_new("acct", "INBOX", 7, [1])
    remote = ledger(engine, clock, claimer="elsewhere:123:abcd")
    remote.claim_new("acct", "INBOX", 7, [2])
    heir = ledger(engine, clock, claimer=claimer_id())  # a daemon of this host
    assert heir.claim_due("acct", "INBOX", 7) == []
    clock.advance(minutes=11)
    assert heir.claim_due("acct", "INBOX", 7) == [1, 2]


def test_a_mail_that_kills_the_daemon_every_time_is_quarantined(engine, clock):
    """GIVEN a claimer that died while processing the mail for the third time WHEN its claim is taken
    over THEN the mail is quarantined instead of being tried a fourth time."""
    for n in range(3):
        victim = ledger(engine, clock, claimer=f"{HOST}:{_dead_pid()}:{n}")
        if n == 0:
            victim.claim_new("acct", "INBOX", 7, [1])
        else:
            assert victim.claim_due("acct", "INBOX", 7) == [1]
        victim.start(ref(1), message_id="<kill@x>", content_hash="hk", size=1)
    heir = ledger(engine, clock, claimer=claimer_id())  # a daemon of this host
    assert heir.claim_due("acct", "INBOX", 7) == []
    row = state_of(engine, 1)
    assert LedgerState(row["state"]) is LedgerState.QUARANTINED
    assert "stopped 3 times while processing" in row["reason"]


def test_a_claim_taken_over_cannot_be_finished_by_its_old_holder(engine, clock):
    slow = ledger(engine, clock, claimer="elsewhere:1:slow")
    slow.claim_new("acct", "INBOX", 7, [1])
    clock.advance(minutes=11)
    heir = ledger(engine, clock, claimer=claimer_id())  # a daemon of this host
    assert heir.claim_due("acct", "INBOX", 7) == [1]
    with pytest.raises(LostClaim):
        slow.start(ref(1), message_id=None, content_hash="h", size=1)


def test_folder_mark_and_uidvalidity(engine, clock):
    led = ledger(engine, clock)
    assert led.mark("acct", "INBOX") is None
    assert led.set_uidvalidity("acct", "INBOX", 7) == (True, None)
    led.advance("acct", "INBOX", 7, 40)
    led.advance("acct", "INBOX", 7, 30)  # never backwards (another daemon got further)
    assert led.mark("acct", "INBOX").last_uid == 40
    assert led.set_uidvalidity("acct", "INBOX", 7) == (False, 7)
    assert led.set_uidvalidity("acct", "INBOX", 9) == (True, 7)
    assert led.mark("acct", "INBOX").last_uid == 0


def test_open_rows_of_a_void_uidvalidity_are_dropped(engine, clock):
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1, 2])
    led.start(ref(1), message_id=None, content_hash="h", size=1)
    led.done(ref(1))
    led.release("acct", "INBOX", 7, [2])
    assert led.forget_open("acct", "INBOX", 8) == 1
    assert LedgerState(state_of(engine, 1)["state"]) is LedgerState.DONE


def test_hostile_message_ids_are_not_stored():
    assert clean_message_id("<ok@x>") == "<ok@x>"
    assert clean_message_id("<a\x00b@x>") == "<ab@x>"
    assert clean_message_id("<" + "a" * 2000 + "@x>") is None
    assert clean_message_id("<\udce6@x>") == "<?@x>"


def test_claimer_dead_rules():
    me = claimer_id()
    assert not claimer_dead(me, me)
    assert claimer_dead(f"{HOST}:{os.getpid()}:12345", me)  # this pid, but a process started earlier
    assert claimer_dead(f"{HOST}:{_dead_pid()}:1", me)
    assert not claimer_dead("otherhost:1:x", me)
    assert claimer_dead(None, me)


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_claimers_on_postgresql_never_take_the_same_row(engine, clock):
    """GIVEN 400 waiting rows WHEN four claimers take them in parallel (SKIP LOCKED) THEN every row goes
    to exactly one of them."""
    seed = ledger(engine, clock)
    seed.claim_new("acct", "INBOX", 7, range(1, 401))
    seed.release("acct", "INBOX", 7, range(1, 401))
    claimers = [ledger(engine, clock) for _ in range(4)]
    got: list[list[int]] = [[] for _ in claimers]
    barrier = threading.Barrier(len(claimers))

    def take(i: int) -> None:
        barrier.wait()
        while batch := claimers[i].claim_due("acct", "INBOX", 7, limit=7):
            got[i].extend(batch)
            for uid in batch:  # processed, as a daemon would before its next claim
                claimers[i].start(ref(uid), message_id=None, content_hash=f"h{uid}", size=1)
                claimers[i].done(ref(uid))

    threads = [threading.Thread(target=take, args=(i,)) for i in range(len(claimers))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(uid for batch in got for uid in batch) == list(range(1, 401))
    assert sum(1 for batch in got if batch) >= 2  # they really ran side by side


def test_a_quarantined_mail_set_back_to_pending_is_read_again(engine, clock):
    """The recovery docs/daemon.md gives the admin: UPDATE … SET state = 'pending', attempts = 0."""
    led = ledger(engine, clock)
    led.claim_new("acct", "INBOX", 7, [1])
    led.start(ref(1), message_id="<q@x>", content_hash="hq", size=1)
    led.quarantine(ref(1), "parse-time: still parsing after 10 s")
    with engine.begin() as conn:
        conn.execute(text("UPDATE ledger SET state = 'pending', attempts = 0 WHERE uid = 1"))
    assert led.claim_due("acct", "INBOX", 7) == [1]
    assert led.start(ref(1), message_id="<q@x>", content_hash="hq", size=1) is None  # not its own duplicate
    led.done(ref(1))
    assert LedgerState(state_of(engine, 1)["state"]) is LedgerState.DONE
