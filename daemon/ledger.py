"""Claiming messages in the ledger, so that each is processed exactly once across restarts and daemons.

A message's life: listed → `claimed` (a committed row naming its claimer) → started (attempts + 1) →
`done` | `failed` (retried later) | `quarantined`. A daemon that stops cleanly sets the messages it
claimed but never started back to `pending`.

Concurrency:
- PostgreSQL (a team): new rows are inserted with ON CONFLICT DO NOTHING, so of two daemons listing
  the same UIDs each row goes to exactly one; existing rows (retries, dead claims) are taken with
  `SELECT … FOR UPDATE SKIP LOCKED`, so two daemons never take the same one.
- SQLite: one daemon per database is assumed (SQLite has no row locks; SKIP LOCKED is not rendered).
  The daemon's own threads work on disjoint folders, so they never compete for a row.

A claim is taken over when its claimer is known dead (same host, its pid gone or now another process's),
when it is this process's own leftover of an aborted run (one daemon per process and one thread per
folder: nothing else of ours holds it), or when it is older than `stale_after` (another host, presumed
dead). A claimer that died *while
processing* a message has counted an attempt, so a mail that kills the daemon every time is quarantined
after `max_attempts` instead of crash-looping it.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
from collections.abc import Callable, Collection, Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import ColumnElement, Connection, Engine, Table, and_, bindparam, case, delete, or_, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import SQLAlchemyError

from hayaoshi.errors import StoreError
from hayaoshi.ingest.mailbox import MessageRef
from hayaoshi.store.ledger import LedgerEntry, LedgerFolder, LedgerState
from hayaoshi.store.session import Prepared, unit_session

LEDGER = LedgerEntry.__table__
FOLDERS = LedgerFolder.__table__
_REASON_MAX = 1000
_OPEN = (LedgerState.PENDING, LedgerState.CLAIMED, LedgerState.FAILED)


def _start_time(pid: int) -> str | None:
    """The process's start time in clock ticks since boot (/proc/<pid>/stat field 22); None off Linux."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19]
    except (OSError, IndexError):
        return None


def claimer_id() -> str:
    """`host:pid:start`: with the process's start time, a pid reused by another process is told apart."""
    pid = os.getpid()
    return f"{socket.gethostname()}:{pid}:{_start_time(pid) or 't' + secrets.token_hex(4)}"


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    return True


def claimer_dead(claimer: str | None, me: str) -> bool:
    """True when `claimer` surely no longer runs: on this host, its pid is gone or belongs to a process
    started at another time. A claimer on another host is judged by the age of its claim only."""
    if not claimer:
        return True
    host, _, rest = claimer.partition(":")
    pid, _, token = rest.partition(":")
    if host != me.partition(":")[0] or not pid.isdigit():
        return False
    if not _pid_alive(int(pid)):
        return True
    started = _start_time(int(pid))
    return started is not None and token.isdigit() and token != started


def clean_text(value: str | None, limit: int) -> str | None:
    """A value the database accepts whatever the mail held: no NUL, no lone surrogate, bounded."""
    if value is None:
        return None
    value = value.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return value[:limit]


def clean_message_id(value: str | None) -> str | None:
    """A hostile Message-ID longer than the column is not an identity worth keeping (the hash is)."""
    value = clean_text(value, 10_000)
    return value if value and len(value) <= 998 else None


@dataclass(frozen=True, slots=True)
class Duplicate:
    """The earlier ledger row of the same message (same Message-ID or the same bytes)."""

    id: int
    state: LedgerState
    reason: str | None


@dataclass(frozen=True, slots=True)
class FolderMark:
    uidvalidity: int | None
    last_uid: int


class Ledger:
    """The SQL side of claiming. Every method is one short transaction (or joins the unit open on
    this thread: `done` is committed with the mail's records and drafts); thread-safe."""

    def __init__(self, engine: Engine, *, claimer: str | None = None, max_attempts: int = 3,
                 stale_after: timedelta = timedelta(minutes=10), retry_after: timedelta = timedelta(minutes=5),
                 clock: Callable[[], datetime] = lambda: datetime.now(tz=UTC)) -> None:
        self.engine = engine
        self.claimer = claimer or claimer_id()
        self.max_attempts = max(1, max_attempts)
        self.stale_after, self.retry_after, self.clock = stale_after, retry_after, clock
        self.postgres = engine.dialect.name == "postgresql"

    @contextlib.contextmanager
    def _tx(self, what: str) -> Iterator[Connection]:
        session = unit_session(self.engine)
        if session is not None:  # the daemon's unit for one mail (store/session.py): committed with it
            yield session.connection()
            return
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as err:
            # The first line only: SQLAlchemy appends the statement and its parameters.
            raise StoreError(f"ledger: {what}: {str(err).splitlines()[0][:300]}") from err

    def _insert(self, table: Table) -> postgresql.Insert | sqlite.Insert:
        """The dialect's INSERT, which has ON CONFLICT DO NOTHING."""
        return postgresql.insert(table) if self.postgres else sqlite.insert(table)

    @staticmethod
    def _where(ref: MessageRef) -> ColumnElement[bool]:
        return and_(LEDGER.c.account == ref.account, LEDGER.c.folder == ref.folder,
                    LEDGER.c.uidvalidity == ref.uidvalidity, LEDGER.c.uid == ref.uid)

    # --- folders ------------------------------------------------------------------------------

    def mark(self, account: str, folder: str) -> FolderMark | None:
        with self._tx("reading a folder") as conn:
            row = conn.execute(select(FOLDERS.c.uidvalidity, FOLDERS.c.last_uid)
                               .where(FOLDERS.c.account == account, FOLDERS.c.folder == folder)).first()
        return FolderMark(row.uidvalidity, int(row.last_uid)) if row else None

    def _ensure_folder(self, conn: Connection, account: str, folder: str) -> None:
        conn.execute(self._insert(FOLDERS).values(account=account, folder=folder, last_uid=0)
                     .on_conflict_do_nothing(index_elements=["account", "folder"]))

    def set_uidvalidity(self, account: str, folder: str, uidvalidity: int) -> tuple[bool, int | None]:
        """Record the folder's UIDVALIDITY. (changed, the one before): when it changed, every stored
        UID is void and the folder is listed again from the start."""
        with self._tx("recording UIDVALIDITY") as conn:
            self._ensure_folder(conn, account, folder)
            before = conn.execute(select(FOLDERS.c.uidvalidity).where(
                FOLDERS.c.account == account, FOLDERS.c.folder == folder)).scalar()
            done = conn.execute(update(FOLDERS)
                                .where(FOLDERS.c.account == account, FOLDERS.c.folder == folder,
                                       or_(FOLDERS.c.uidvalidity.is_(None), FOLDERS.c.uidvalidity != uidvalidity))
                                .values(uidvalidity=uidvalidity, last_uid=0))
        return done.rowcount > 0, before

    def advance(self, account: str, folder: str, uidvalidity: int, last_uid: int) -> None:
        """Every UID up to `last_uid` has a ledger row now: later polls list only above it."""
        with self._tx("advancing a folder") as conn:
            conn.execute(update(FOLDERS)
                         .where(FOLDERS.c.account == account, FOLDERS.c.folder == folder,
                                FOLDERS.c.uidvalidity == uidvalidity, FOLDERS.c.last_uid < last_uid)
                         .values(last_uid=last_uid))

    def polled(self, account: str, folder: str, error: str | None = None) -> None:
        """A poll ended: its time (for status), or the mailbox failure that stopped it."""
        now = self.clock()
        values = {"last_poll": now, "error": None, "error_at": None} if error is None else \
            {"error": clean_text(error, _REASON_MAX), "error_at": now}
        with self._tx("recording a poll") as conn:
            self._ensure_folder(conn, account, folder)
            conn.execute(update(FOLDERS).where(FOLDERS.c.account == account, FOLDERS.c.folder == folder)
                         .values(**values))

    # --- claiming -----------------------------------------------------------------------------

    def claim_new(self, account: str, folder: str, uidvalidity: int, uids: Iterable[int]) -> list[int]:
        """Insert claimed rows for UIDs the ledger has never seen; the UIDs this daemon got."""
        wanted = sorted(set(uids))  # ascending: two daemons inserting overlapping sets cannot deadlock
        if not wanted:
            return []
        now = self.clock()
        rows = [{"account": account, "folder": folder, "uidvalidity": uidvalidity, "uid": uid,
                 "state": LedgerState.CLAIMED, "attempts": 0, "claimed_by": self.claimer, "claimed_at": now,
                 "created_at": now, "updated_at": now} for uid in wanted]
        # One statement for all the rows, each as parameters (executemany): SQLAlchemy batches them
        # into multi-row INSERTs itself ("insertmanyvalues", RETURNING kept) from one compiled
        # statement, where `.values(rows)` would compile a new one with every row's literals.
        stmt = (self._insert(LEDGER)
                .on_conflict_do_nothing(index_elements=["account", "folder", "uidvalidity", "uid"])
                .returning(LEDGER.c.uid))
        with self._tx("claiming new messages") as conn:
            return sorted(int(uid) for uid in conn.execute(stmt, rows).scalars())

    def claim_due(self, account: str, folder: str, uidvalidity: int, *, limit: int = 100,
                  exclude: Collection[int] = ()) -> list[int]:
        """Take over rows of the folder that wait: pending ones, failures due for a retry, and claims
        whose claimer is gone (not the UIDs in `exclude`: those a poll run already tried). A claimer
        that died while processing has used an attempt: past max_attempts the message is quarantined
        instead."""
        now = self.clock()
        retry_cutoff = now - self.retry_after
        host = self.claimer.partition(":")[0]
        query = (
            select(LEDGER.c.id, LEDGER.c.uid, LEDGER.c.state, LEDGER.c.claimed_by, LEDGER.c.claimed_at,
                   LEDGER.c.started_at, LEDGER.c.attempts)
            .where(LEDGER.c.account == account, LEDGER.c.folder == folder, LEDGER.c.uidvalidity == uidvalidity,
                   or_(LEDGER.c.state == LedgerState.PENDING,
                       and_(LEDGER.c.state == LedgerState.FAILED, LEDGER.c.updated_at <= retry_cutoff),
                       and_(LEDGER.c.state == LedgerState.CLAIMED,
                            or_(LEDGER.c.claimed_by.is_(None), LEDGER.c.claimed_by.startswith(host + ":"),
                                LEDGER.c.claimed_at <= now - self.stale_after))))
            .order_by(LEDGER.c.uid).limit(limit).with_for_update(skip_locked=True)
        )
        if exclude:
            query = query.where(LEDGER.c.uid.not_in(sorted(exclude)))
        got: list[int] = []
        with self._tx("claiming waiting messages") as conn:
            for row in conn.execute(query).all():
                if row.state == LedgerState.CLAIMED and row.claimed_by != self.claimer \
                        and not claimer_dead(row.claimed_by, self.claimer) and row.claimed_at > now - self.stale_after:
                    continue  # another daemon of this host is on it
                if row.state == LedgerState.CLAIMED and row.started_at is not None \
                        and row.attempts >= self.max_attempts:
                    conn.execute(update(LEDGER).where(LEDGER.c.id == row.id).values(
                        state=LedgerState.QUARANTINED, finished_at=now, updated_at=now,
                        reason=f"the daemon stopped {row.attempts} times while processing it (crash or kill)"))
                    continue
                conn.execute(update(LEDGER).where(LEDGER.c.id == row.id).values(
                    state=LedgerState.CLAIMED, claimed_by=self.claimer, claimed_at=now, started_at=None,
                    updated_at=now))
                got.append(int(row.uid))
        return got

    def start(self, ref: MessageRef, *, message_id: str | None, content_hash: str, size: int) -> Duplicate | None:
        """Processing begins (an attempt is counted). When the same message — same Message-ID or the
        same bytes — was already done or quarantined under another UID, folder or UIDVALIDITY, this
        row takes that outcome at once and the earlier row is returned: the caller skips the work."""
        found = self.start_next(ref, message_id=message_id, content_hash=content_hash, size=size)
        if found is LOST:
            raise LostClaim(f"{ref.account}/{ref.folder} uid {ref.uid}: the claim was taken over")
        return found

    def start_next(self, ref: MessageRef, *, message_id: str | None, content_hash: str,
                   size: int) -> Duplicate | Lost | None:
        """`start`, but a claim taken over is returned (LOST), not raised: the daemon starts the next
        message inside the unit that finishes the one before (one commit, not two), and the next one
        learns it there. Should the daemon let go of it unprocessed, `release` takes its attempt back."""
        now = self.clock()
        message_id = clean_message_id(message_id)
        key = _key(ref, self.claimer)
        with self._tx("starting a message") as conn:
            # Two indexed look-ups rather than one OR (which SQLite answers with a scan). Only done and
            # quarantined rows match, so this message's own claimed row never does.
            found = [_EARLIER_BY_HASH.run(conn, {"p_hash": content_hash}).first()]
            if message_id:
                found.append(_EARLIER_BY_MESSAGE_ID.run(conn, {"p_message_id": message_id}).first())
            earlier = min((row for row in found if row is not None), key=lambda row: row.id, default=None)
            values = {**key, "p_message_id": message_id, "p_content_hash": content_hash, "p_size": size, "p_now": now}
            if earlier is None:
                done = _START.run(conn, values)
            else:
                done = _START_AS_DUPLICATE.run(conn, {**values, "p_state": LedgerState(earlier.state),
                                                          "p_reason": earlier.reason, "p_duplicate_of": earlier.id})
            if done.rowcount == 0:
                return LOST
        return Duplicate(earlier.id, LedgerState(earlier.state), earlier.reason) if earlier else None

    def done(self, ref: MessageRef) -> None:
        self._finish(ref, state=LedgerState.DONE, reason=None)

    def quarantine(self, ref: MessageRef, reason: str) -> None:
        self._finish(ref, state=LedgerState.QUARANTINED, reason=reason)

    def fail(self, ref: MessageRef, reason: str) -> LedgerState:
        """Record a failed attempt; at max_attempts the message is quarantined. The state it is in."""
        now = self.clock()
        with self._tx("recording a failure") as conn:
            row = conn.execute(select(LEDGER.c.id, LEDGER.c.attempts, LEDGER.c.started_at)
                               .where(self._where(ref), LEDGER.c.claimed_by == self.claimer,
                                      LEDGER.c.state == LedgerState.CLAIMED)).first()
            if row is None:
                raise LostClaim(f"{ref.account}/{ref.folder} uid {ref.uid}: the claim was taken over")
            attempts = row.attempts + (1 if row.started_at is None else 0)  # a fetch failure counts too
            state = LedgerState.QUARANTINED if attempts >= self.max_attempts else LedgerState.FAILED
            if state is LedgerState.QUARANTINED and self.max_attempts > 1:
                reason = f"failed {attempts} times; last: {reason}"
            conn.execute(update(LEDGER).where(LEDGER.c.id == row.id).values(
                state=state, attempts=attempts, reason=clean_text(reason, _REASON_MAX), updated_at=now,
                finished_at=now if state is LedgerState.QUARANTINED else None))
        return state

    def _finish(self, ref: MessageRef, *, state: LedgerState, reason: str | None) -> None:
        values = {**_key(ref, self.claimer), "p_state": state, "p_reason": clean_text(reason, _REASON_MAX),
                  "p_now": self.clock()}
        with self._tx(f"marking a message {state}") as conn:
            done = _FINISH.run(conn, values)
        if done.rowcount == 0:
            raise LostClaim(f"{ref.account}/{ref.folder} uid {ref.uid}: the claim was taken over")

    def release(self, account: str, folder: str, uidvalidity: int, uids: Iterable[int]) -> int:
        """Let go of claimed messages this daemon has not processed: they wait as `pending`. One it
        started ahead (`start_next`) but let go of has its attempt taken back."""
        wanted = sorted(set(uids))
        if not wanted:
            return 0
        with self._tx("releasing claims") as conn:
            done = conn.execute(update(LEDGER)
                                .where(LEDGER.c.account == account, LEDGER.c.folder == folder,
                                       LEDGER.c.uidvalidity == uidvalidity, LEDGER.c.uid.in_(wanted),
                                       LEDGER.c.claimed_by == self.claimer, LEDGER.c.state == LedgerState.CLAIMED)
                                .values(state=LedgerState.PENDING, claimed_by=None, claimed_at=None,
                                        started_at=None, updated_at=self.clock(),
                                        attempts=case((LEDGER.c.started_at.is_not(None), LEDGER.c.attempts - 1),
                                                      else_=LEDGER.c.attempts)))
        return done.rowcount

    def forget(self, ref: MessageRef) -> None:
        """Drop the row of a claimed message that no longer exists (its UID is never used again)."""
        with self._tx("forgetting a message") as conn:
            conn.execute(delete(LEDGER).where(self._where(ref), LEDGER.c.claimed_by == self.claimer,
                                              LEDGER.c.state == LedgerState.CLAIMED))

    # --- maintenance --------------------------------------------------------------------------

    def forget_open(self, account: str, folder: str, uidvalidity: int) -> int:
        """Rows left open under a UIDVALIDITY the folder no longer has: those UIDs are void, and the
        messages are found again under the new one (by Message-ID / hash when they were done)."""
        with self._tx("forgetting void UIDs") as conn:
            done = conn.execute(delete(LEDGER).where(
                LEDGER.c.account == account, LEDGER.c.folder == folder, LEDGER.c.uidvalidity != uidvalidity,
                LEDGER.c.state.in_(_OPEN),
                or_(LEDGER.c.claimed_by.is_(None), LEDGER.c.state != LedgerState.CLAIMED,
                    LEDGER.c.claimed_at <= self.clock() - self.stale_after,
                    LEDGER.c.claimed_by == self.claimer)))
        return done.rowcount


# The statements of the per-message path, built once: building a statement costs more than running it.
_MINE = and_(LEDGER.c.account == bindparam("p_account"), LEDGER.c.folder == bindparam("p_folder"),
             LEDGER.c.uidvalidity == bindparam("p_uidvalidity"), LEDGER.c.uid == bindparam("p_uid"),
             LEDGER.c.claimed_by == bindparam("p_claimer"), LEDGER.c.state == LedgerState.CLAIMED)
_TERMINAL = or_(LEDGER.c.state == LedgerState.DONE, LEDGER.c.state == LedgerState.QUARANTINED)  # no `in_`: Prepared
_EARLIER_BY_HASH = Prepared(select(LEDGER.c.id, LEDGER.c.state, LEDGER.c.reason)
                            .where(LEDGER.c.content_hash == bindparam("p_hash"), _TERMINAL)
                            .order_by(LEDGER.c.id).limit(1))
_EARLIER_BY_MESSAGE_ID = Prepared(select(LEDGER.c.id, LEDGER.c.state, LEDGER.c.reason)
                                  .where(LEDGER.c.message_id == bindparam("p_message_id"), _TERMINAL)
                                  .order_by(LEDGER.c.id).limit(1))
_IDENTITY = {"message_id": bindparam("p_message_id"), "content_hash": bindparam("p_content_hash"),
             "size": bindparam("p_size"), "updated_at": bindparam("p_now")}
_START = Prepared(update(LEDGER).where(_MINE).values(**_IDENTITY, started_at=bindparam("p_now"),
                                                     attempts=LEDGER.c.attempts + 1))
_START_AS_DUPLICATE = Prepared(update(LEDGER).where(_MINE).values(
    **_IDENTITY, state=bindparam("p_state"), reason=bindparam("p_reason"), duplicate_of=bindparam("p_duplicate_of"),
    finished_at=bindparam("p_now")))
_FINISH = Prepared(update(LEDGER).where(_MINE).values(state=bindparam("p_state"), reason=bindparam("p_reason"),
                                                      finished_at=bindparam("p_now"), updated_at=bindparam("p_now")))

def _key(ref: MessageRef, claimer: str) -> dict[str, object]:
    return {"p_account": ref.account, "p_folder": ref.folder, "p_uidvalidity": ref.uidvalidity, "p_uid": ref.uid,
            "p_claimer": claimer}


class Lost:
    """`start_next`'s answer for a claim another daemon took over."""

    def __repr__(self) -> str:
        return "LOST"


LOST = Lost()


class LostClaim(StoreError):
    """Another daemon took a claim over (this one was presumed dead): its result is not recorded."""
