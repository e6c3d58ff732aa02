"""The embedded default: `MaildirMailbox` implements `Mailbox` on a local Maildir, with no server.

"INBOX" is the Maildir itself and every other folder a Maildir++ subfolder (`.name`). Maildir has
no UIDs, so each folder keeps `.hayaoshi-uids`: a JSON map from Maildir key (stable across the
new/ -> cur/ move and flag changes) to an integer assigned in arrival order, and the folder's
UIDVALIDITY. Losing that file yields a new UIDVALIDITY, exactly as an IMAP server that lost its
UID list must (RFC 3501 §2.3.1.1), so stored UIDs are never silently reused.
"""

from __future__ import annotations

import contextlib
import fcntl
import json
import logging
import mailbox
import os
import re
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

from hayaoshi.ingest.mailbox import (
    FailureKind,
    FetchedMessage,
    MailboxError,
    MessageRef,
    header_block,
    message_id_of,
    missing_folder,
    normalise_message_id,
)

logger = logging.getLogger(__name__)

UID_FILE = ".hayaoshi-uids"
_HEADER_LIMIT = 1 << 20  # a header section larger than 1 MiB is not read further for its Message-ID
# Maildir info letters (https://cr.yp.to/proto/maildir.html) and the IMAP flags they stand for.
_FLAGS = {"D": "\\Draft", "F": "\\Flagged", "P": "$Forwarded", "R": "\\Answered", "S": "\\Seen", "T": "\\Deleted"}
_ARRIVAL = re.compile(r"^(\d+)\.(?:M(\d+))?")


def arrival_key(key: str) -> tuple[int, int, str]:
    """Maildir names start with the delivery time (`<seconds>.M<microseconds>P<pid>...`): the order
    UIDs are handed out in. Names of another shape sort by name, after the timed ones of 0."""
    found = _ARRIVAL.match(key)
    if not found:
        return (0, 0, key)
    return (int(found[1]), int(found[2] or 0), key)


class MaildirMailbox:
    """A Maildir at `path` (created when missing, unless create=False)."""

    def __init__(self, path: str | os.PathLike[str], *, account: str = "maildir", drafts_folder: str = "Drafts",
                 create: bool = True, poll_interval: float = 0.5,
                 clock: Callable[[], float] = time.monotonic, sleep: Callable[[float], None] = time.sleep,
                 wall_clock: Callable[[], float] = time.time) -> None:
        self.path, self.name = Path(path), account
        self._drafts, self._create = drafts_folder or "Drafts", create
        self._poll, self._clock, self._sleep, self._wall = poll_interval, clock, sleep, wall_clock
        self._root: mailbox.Maildir | None = None
        self._seen: dict[str, tuple[int, int]] = {}  # folder -> directory state at its last list_uids

    def __enter__(self) -> MaildirMailbox:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- connection ---------------------------------------------------------------------------

    def connect(self) -> None:
        if not self._create and not (self.path / "cur").is_dir():
            raise MailboxError(FailureKind.CONFIGURATION, f"maildir {self.path}: not a Maildir (no cur/)")
        with self._guard():
            self._root = mailbox.Maildir(self.path, factory=None, create=self._create)

    def close(self) -> None:
        self._root = None

    @contextlib.contextmanager
    def _guard(self) -> Iterator[None]:
        try:
            yield
        except OSError as err:
            # Permissions and a missing directory stay wrong until someone fixes them.
            fixed = isinstance(err, PermissionError | FileNotFoundError | NotADirectoryError)
            kind = FailureKind.CONFIGURATION if fixed else FailureKind.TRANSIENT
            raise MailboxError(kind, f"maildir {self.path}: {err.strerror or err}") from err

    def _folder(self, folder: str) -> mailbox.Maildir:
        if self._root is None:
            self.connect()
        assert self._root is not None
        if folder.upper() == "INBOX":
            return self._root
        with self._guard():
            names = self._root.list_folders()
            if folder not in names:
                raise missing_folder(folder, ["INBOX", *sorted(names)])
            return self._root.get_folder(folder)

    def _dir(self, folder: str) -> Path:
        """The folder's directory, laid out as mailbox.Maildir.get_folder lays it out."""
        return self.path if folder.upper() == "INBOX" else self.path / f".{folder}"

    # --- folders and UIDs ---------------------------------------------------------------------

    def folders(self) -> list[str]:
        root = self._folder("INBOX")
        with self._guard():
            return ["INBOX", *sorted(root.list_folders())]

    def _uid_map(self, md: mailbox.Maildir, folder: str) -> tuple[int, dict[str, int]]:
        """(uidvalidity, key -> uid), giving new messages the next UIDs in arrival order."""
        folder_dir = self._dir(folder)
        path = folder_dir / UID_FILE
        with self._guard(), open(folder_dir / (UID_FILE + ".lock"), "a") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)  # another hayaoshi on the same Maildir waits here
            state = self._load(path)
            known: dict[str, int] = state["uids"]
            keys = set(md.keys())
            new = sorted(keys - known.keys(), key=arrival_key)
            gone = known.keys() - keys
            if new or gone or not path.exists():
                for key in gone:  # UIDs are never reused: next_uid only grows
                    del known[key]
                for key in new:
                    known[key] = state["next_uid"]
                    state["next_uid"] += 1
                tmp = path.with_suffix(".tmp")
                tmp.write_text(json.dumps(state, ensure_ascii=False, sort_keys=True), "utf-8")
                os.replace(tmp, path)
            return int(state["uidvalidity"]), known

    def _load(self, path: Path) -> dict:
        try:
            state = json.loads(path.read_text("utf-8"))
            if isinstance(state.get("uidvalidity"), int) and isinstance(state.get("uids"), dict):
                state.setdefault("next_uid", max(state["uids"].values(), default=0) + 1)
                return state
            logger.warning("%s has an unexpected shape; starting a new UIDVALIDITY", path)
        except FileNotFoundError:
            pass
        except (ValueError, UnicodeDecodeError):
            logger.warning("%s is not readable JSON; starting a new UIDVALIDITY", path)
        return {"uidvalidity": max(1, int(self._wall())), "next_uid": 1, "uids": {}}

    def uidvalidity(self, folder: str) -> int:
        return self._uid_map(self._folder(folder), folder)[0]

    def list_uids(self, folder: str, since_uid: int = 0) -> list[int]:
        md = self._folder(folder)
        self._seen[folder] = self._dir_state(folder)  # before listing: a mail arriving meanwhile is a change
        _validity, uids = self._uid_map(md, folder)
        return sorted(uid for uid in uids.values() if uid > since_uid)

    # --- reading ------------------------------------------------------------------------------

    def fetch(self, folder: str, uids: list[int]) -> Iterator[FetchedMessage]:
        md = self._folder(folder)
        uidvalidity, known = self._uid_map(md, folder)
        by_uid = {uid: key for key, uid in known.items()}
        for uid in sorted(set(uids)):
            key = by_uid.get(uid)
            if key is None:
                continue
            try:
                with self._guard():
                    raw = md.get_bytes(key)
                    info = md.get_message(key)  # flags and delivery time; reading moves nothing
            except KeyError:
                continue  # removed since it was listed
            flags = tuple(_FLAGS.get(letter, letter) for letter in sorted(info.get_flags()))
            yield FetchedMessage(ref=MessageRef(self.name, folder, uidvalidity, uid), raw=raw, size=len(raw),
                                 internaldate=datetime.fromtimestamp(info.get_date(), UTC), flags=flags)

    def _message_ids(self, folder: str) -> Iterator[tuple[int, str | None]]:
        md = self._folder(folder)
        _validity, known = self._uid_map(md, folder)
        for key, uid in known.items():
            try:
                with self._guard(), md.get_file(key) as handle:
                    head = _read_header(handle)
            except KeyError:
                continue
            yield uid, message_id_of(head)

    def search_message_id(self, folder: str, message_id: str) -> list[int]:
        wanted = normalise_message_id(message_id)
        return sorted(uid for uid, mid in self._message_ids(folder) if mid == wanted)

    def message_ids(self, folder: str) -> set[str]:
        return {mid for _uid, mid in self._message_ids(folder) if mid}

    # --- writing ------------------------------------------------------------------------------

    def drafts_folder(self) -> str:
        return self._drafts

    def append_draft(self, raw: bytes, folder: str | None = None, *, check_first: bool = True,
                     message_id: str | None = None) -> int | None:
        message_id = message_id or message_id_of(raw)
        if message_id is None:
            raise ValueError("a draft needs a Message-ID: a retry finds it by that")
        target = folder or self._drafts
        if target == self._drafts and target.upper() != "INBOX" and target not in self.folders():
            with self._guard():
                self._folder("INBOX").add_folder(target)
        existing = self.search_message_id(target, message_id) if check_first else []
        if existing:
            logger.info("maildir %s: draft %s already in %s; not stored again", self.path, message_id, target)
            return existing[0]
        md = self._folder(target)
        with self._guard():
            key = md.add(raw)  # bytes are written as they are (a Message would be re-generated)
            # Flags live in the name, and only under cur/: "<key>:2,D" marks a draft.
            os.rename(self._dir(target) / "new" / key, self._dir(target) / "cur" / f"{key}:2,D")
        return self._uid_map(md, target)[1].get(key)

    # --- waiting ------------------------------------------------------------------------------

    def supports_idle(self) -> bool:
        return True  # wait_for_changes watches the directories

    def _dir_state(self, folder: str) -> tuple[int, int]:
        # A delivery renames into new/, a reader moves to cur/: each changes that directory's mtime.
        base = self._dir(folder)
        return ((base / "new").stat().st_mtime_ns, (base / "cur").stat().st_mtime_ns)

    def wait_for_changes(self, folder: str, timeout: float) -> bool:
        self._folder(folder)  # a missing folder is a configuration error, not a wait
        deadline = self._clock() + timeout
        with self._guard():
            before = self._seen.get(folder) or self._dir_state(folder)
            while True:
                if self._dir_state(folder) != before:
                    return True
                left = deadline - self._clock()
                if left <= 0:
                    return False
                self._sleep(min(self._poll, left))


def _read_header(handle) -> bytes:
    """The header section of an open mail file, without reading the body."""
    data = b""
    while len(data) < _HEADER_LIMIT:
        chunk = handle.read(8192)
        if not chunk:
            break
        data += chunk
        if b"\n\n" in data or b"\r\n\r\n" in data:
            break
    return header_block(data)
