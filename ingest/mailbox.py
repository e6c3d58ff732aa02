"""The mailbox edge: what the daemon needs from a mailbox, whatever serves it.

`Mailbox` is the Protocol; `hayaoshi.ingest.imap.ImapMailbox` (a real server) and
`hayaoshi.ingest.maildir.MaildirMailbox` (the embedded default) implement it. Everything here is
pure: data, the failure classes, the retry timing and header helpers; no I/O.

A mailbox belongs to people: reading never changes a flag of their mail, and the only write is a
draft appended to the drafts folder.
"""

from __future__ import annotations

import email.parser
import email.policy
import random as _random
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Protocol, runtime_checkable

from hayaoshi.errors import IngestError


@dataclass(frozen=True, slots=True)
class MessageRef:
    """Where a message is. A UID means nothing without its folder's UIDVALIDITY (RFC 3501 §2.3.1.1):
    when the server changes UIDVALIDITY, every UID stored under the old value is void."""

    account: str
    folder: str
    uidvalidity: int
    uid: int


@dataclass(frozen=True, slots=True)
class FetchedMessage:
    ref: MessageRef
    raw: bytes
    size: int
    internaldate: datetime | None
    flags: tuple[str, ...]  # IMAP spelling ("\\Seen", "\\Draft", "$Forwarded"), as the server had them

    @property
    def message_id(self) -> str | None:
        """The Message-ID, the identity that survives a UIDVALIDITY change or a move between folders."""
        return message_id_of(self.raw)


class FailureKind(Enum):
    """How a caller reacts to a `MailboxError`."""

    TRANSIENT = "transient"  # reconnect after a `Backoff` delay
    AUTHENTICATION = "authentication"  # report once, retry only when the password has changed
    CONFIGURATION = "configuration"  # report; nothing changes until the configuration does

    @property
    def retryable(self) -> bool:
        return self is FailureKind.TRANSIENT


class MailboxError(IngestError):
    """A mailbox could not be reached or used. The message says what to fix; it never holds a password."""

    def __init__(self, kind: FailureKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message

    def __repr__(self) -> str:
        return f"MailboxError({self.kind.name}, {self.message!r})"


def missing_folder(folder: str, existing: list[str]) -> MailboxError:
    """CONFIGURATION error naming what the server does have."""
    has = ", ".join(existing) if existing else "no folders"
    return MailboxError(FailureKind.CONFIGURATION, f"no folder {folder!r}; the server has: {has}")


@runtime_checkable
class Mailbox(Protocol):
    """One account's mailbox. Not thread-safe: give each thread its own (an IMAP connection runs
    one command at a time). Methods connect on first use; after a TRANSIENT failure the next call
    reconnects, so a caller's retry is just calling again after the `Backoff` delay."""

    def connect(self) -> None:
        """Open (or re-open) the connection; raises MailboxError."""

    def close(self) -> None:
        """Log out; never raises."""

    def folders(self) -> list[str]:
        """The selectable folders, INBOX first."""

    def uidvalidity(self, folder: str) -> int:
        """The folder's UIDVALIDITY."""

    def list_uids(self, folder: str, since_uid: int = 0) -> list[int]:
        """UIDs greater than `since_uid`, ascending."""

    def fetch(self, folder: str, uids: list[int]) -> Iterator[FetchedMessage]:
        """The messages, in batches, ascending by UID; a UID gone meanwhile is skipped. Never sets
        \\Seen. Each ref carries the UIDVALIDITY read with the batch: compare it with the one the
        UIDs were listed under."""

    def search_message_id(self, folder: str, message_id: str) -> list[int]:
        """UIDs of the messages in `folder` whose Message-ID is exactly `message_id`."""

    def message_ids(self, folder: str) -> set[str]:
        """The Message-IDs of every message in `folder` (normalised), in one pass."""

    def append_draft(self, raw: bytes, folder: str | None = None, *, check_first: bool = True,
                     message_id: str | None = None) -> int | None:
        """Store a draft (flag \\Draft) in `folder` or the drafts folder; returns its UID when known.
        Idempotent: a draft whose Message-ID is already there is not stored twice (`check_first`
        false skips that search, for a caller that knows it is the first attempt). `message_id`:
        the draft's, when the caller knows it (else read from `raw`)."""

    def drafts_folder(self) -> str:
        """The configured drafts folder, else the server's SPECIAL-USE \\Drafts (RFC 6154)."""

    def wait_for_changes(self, folder: str, timeout: float) -> bool:
        """Block up to `timeout` seconds; True as soon as the folder changed (new mail, expunge),
        counting changes since the last `list_uids` of that folder. False on timeout."""

    def supports_idle(self) -> bool:
        """Whether `wait_for_changes` notices changes (else it only sleeps)."""


class Backoff:
    """Capped exponential backoff with full jitter: the n-th consecutive failure waits a uniform
    random time in [0, min(cap, base * 2**n)]. Full jitter spreads the reconnects of many clients
    after a server restart ("Exponential Backoff And Jitter", AWS Architecture Blog, 2015).

    `random` and `clock` are injected so tests need neither luck nor sleep.
    """

    def __init__(self, base: float = 1.0, cap: float = 300.0, *,
                 random: Callable[[], float] = _random.random,
                 clock: Callable[[], float] = time.monotonic) -> None:
        if base <= 0 or cap < base:
            raise ValueError(f"need 0 < base <= cap, got base={base} cap={cap}")
        self.base, self.cap = base, cap
        self._random, self._clock = random, clock
        self.failures = 0
        self._not_before = float("-inf")

    def ceiling(self) -> float:
        """The upper bound of the next delay."""
        return min(self.cap, self.base * 2.0 ** min(self.failures, 64))

    def failure(self) -> float:
        """Record a failure; return the delay before the next attempt."""
        delay = self._random() * self.ceiling()
        self.failures += 1
        self._not_before = self._clock() + delay
        return delay

    def success(self) -> None:
        self.failures = 0
        self._not_before = float("-inf")

    def remaining(self) -> float:
        """Seconds until the next attempt is due (0 when it is)."""
        return max(0.0, self._not_before - self._clock())

    def ready(self) -> bool:
        return self.remaining() == 0.0


# --- header helpers (pure) ---------------------------------------------------------------------

_HEADER_PARSER = email.parser.BytesHeaderParser(policy=email.policy.compat32)
_APPENDUIDS = re.compile(rb"\[APPENDUID (\d+) ([\d:,]+)\]", re.IGNORECASE)


def header_block(raw: bytes) -> bytes:
    """The header section: up to the first empty line (CRLF or LF)."""
    for sep in (b"\r\n\r\n", b"\n\n"):
        end = raw.find(sep)
        if end != -1:
            return raw[: end + len(sep)]
    return raw


def normalise_message_id(value: str) -> str:
    """`<id@host>` without folding whitespace or comments around it; the bare value if unbracketed."""
    value = " ".join(value.split())
    found = re.search(r"<[^<>\s]+>", value)
    return found[0] if found else value.strip()


def message_id_of(raw: bytes) -> str | None:
    """The Message-ID header of a raw mail (first one), normalised; None when absent."""
    value = _HEADER_PARSER.parsebytes(header_block(raw)).get("Message-ID")
    if value is None:
        return None
    found = normalise_message_id(str(value))
    return found or None


def parse_appenduids(response: bytes | str | None) -> list[int]:
    """The new UIDs, in order, from a MULTIAPPEND completion `[APPENDUID <uidvalidity> <uid-set>]`
    (RFC 3502 with RFC 4315: `5:7` or `5,6,7`); empty when the server does not say."""
    if response is None:
        return []
    data = response.encode("ascii", "replace") if isinstance(response, str) else bytes(response)
    found = _APPENDUIDS.search(data)
    if not found:
        return []
    uids: list[int] = []
    for part in found[2].split(b","):
        low, _sep, high = part.partition(b":")
        if not low or (_sep and not high):
            return []
        first, last = int(low), int(high or low)
        uids.extend(range(first, last + 1) if first <= last else range(first, last - 1, -1))
    return uids


def parse_appenduid(response: bytes | str | None) -> int | None:
    """The new UID from an APPEND completion `[APPENDUID <uidvalidity> <uid>]` (RFC 4315, UIDPLUS)."""
    uids = parse_appenduids(response)
    return uids[0] if len(uids) == 1 else None
