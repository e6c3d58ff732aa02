"""`hayaoshi status`: the configured accounts and folders, their last poll, counts, and the quarantine.

Read from the ledger only (never from a mailbox, never a password). Counts are of messages in each
folder's current UIDVALIDITY: after a change, the rows of the old one are history (their messages were
found again under the new UIDs), and a row repeating a message of the same folder (renumbered UIDs, a
mail delivered twice) is not counted again.

The `--json` form, a contract:
    {"accounts": [{"name": str, "folders": [{"name": str, "processed": int, "quarantined": int,
                                             "last_poll": ISO-datetime | null}]}],
     "quarantine": [{"account": str, "folder": str, "uid": int, "message_id": str | null, "reason": str}]}
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, and_, func, inspect, select

from hayaoshi.config.settings import Config
from hayaoshi.store.ledger import LedgerEntry, LedgerFolder, LedgerState

LEDGER, FOLDERS = LedgerEntry.__table__, LedgerFolder.__table__
_WAITING = (LedgerState.PENDING, LedgerState.CLAIMED, LedgerState.FAILED)


@dataclass(slots=True)
class FolderStatus:
    account: str
    name: str
    processed: int = 0
    quarantined: int = 0
    waiting: int = 0  # pending, claimed or failed (to be retried)
    last_poll: datetime | None = None
    error: str | None = None
    error_at: datetime | None = None


@dataclass(slots=True)
class Quarantined:
    account: str
    folder: str
    uid: int
    message_id: str | None
    reason: str


@dataclass(slots=True)
class Status:
    folders: list[FolderStatus] = field(default_factory=list)
    quarantine: list[Quarantined] = field(default_factory=list)

    def to_json(self) -> dict:
        accounts: dict[str, list[dict]] = {}
        for f in self.folders:
            accounts.setdefault(f.account, []).append({
                "name": f.name, "processed": f.processed, "quarantined": f.quarantined,
                "last_poll": f.last_poll.isoformat() if f.last_poll else None})
        return {
            "accounts": [{"name": name, "folders": folders} for name, folders in accounts.items()],
            "quarantine": [{"account": q.account, "folder": q.folder, "uid": q.uid, "message_id": q.message_id,
                            "reason": q.reason} for q in self.quarantine],
        }


def read_status(config: Config, engine: Engine) -> Status:
    wanted = [(str(a["name"]), str(folder)) for a in config.accounts for folder in a["folders"]]
    folders = {key: FolderStatus(*key) for key in wanted}
    status = Status(folders=list(folders.values()))
    if not inspect(engine).has_table("ledger"):
        return status  # the daemon never ran on this database
    with engine.connect() as conn:
        current: dict[tuple[str, str], int | None] = {}
        for row in conn.execute(select(FOLDERS)):
            key = (row.account, row.folder)
            if key in folders:
                current[key] = row.uidvalidity
                folders[key].last_poll, folders[key].error, folders[key].error_at = \
                    row.last_poll, row.error, row.error_at
        # A row that repeats a message of the same folder and UIDVALIDITY (a server that renumbered
        # its UIDs, a mail delivered twice) is not another message.
        orig = LEDGER.alias("orig")
        rows_of_messages = LEDGER.outerjoin(orig, and_(
            orig.c.id == LEDGER.c.duplicate_of, orig.c.account == LEDGER.c.account,
            orig.c.folder == LEDGER.c.folder, orig.c.uidvalidity == LEDGER.c.uidvalidity))
        counts = (select(LEDGER.c.account, LEDGER.c.folder, LEDGER.c.uidvalidity, LEDGER.c.state, func.count())
                  .select_from(rows_of_messages).where(orig.c.id.is_(None))
                  .group_by(LEDGER.c.account, LEDGER.c.folder, LEDGER.c.uidvalidity, LEDGER.c.state))
        for account, folder, uidvalidity, state, count in conn.execute(counts):
            key = (account, folder)
            if key not in folders or current.get(key) not in (None, uidvalidity):
                continue
            state = LedgerState(state)
            if state is LedgerState.DONE:
                folders[key].processed += count
            elif state is LedgerState.QUARANTINED:
                folders[key].quarantined += count
            else:
                folders[key].waiting += count
        rows = conn.execute(select(LEDGER.c.account, LEDGER.c.folder, LEDGER.c.uidvalidity, LEDGER.c.uid,
                                   LEDGER.c.message_id, LEDGER.c.reason)
                            .select_from(rows_of_messages)
                            .where(LEDGER.c.state == LedgerState.QUARANTINED, orig.c.id.is_(None))
                            .order_by(LEDGER.c.account, LEDGER.c.folder, LEDGER.c.uid))
        for row in rows:
            key = (row.account, row.folder)
            if key in folders and current.get(key) in (None, row.uidvalidity):
                status.quarantine.append(Quarantined(row.account, row.folder, int(row.uid), row.message_id,
                                                     row.reason or ""))
    return status


def _width(text: str) -> int:
    """Columns on a terminal: a kanji or a full-width character takes two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _when(moment: datetime | None) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M:%S %Z") if moment else "never"


def format_status(status: Status) -> str:
    """The table a person reads."""
    head = ("account", "folder", "processed", "quarantined", "waiting", "last poll")
    rows = [(f.account, f.name, str(f.processed), str(f.quarantined), str(f.waiting), _when(f.last_poll))
            for f in status.folders]
    widths = [max(_width(r[i]) for r in (head, *rows)) for i in range(len(head))]
    lines = ["  ".join(cell + " " * (widths[i] - _width(cell)) for i, cell in enumerate(row)).rstrip()
             for row in (head, *rows)]
    for f in status.folders:
        if f.error:
            lines.append(f"{f.account}/{f.name}: failing since {_when(f.error_at)}: {f.error}")
    if not status.quarantine:
        lines.append("quarantine: empty")
    else:
        lines.append(f"quarantine ({len(status.quarantine)}):")
        lines += [f"  {q.account}/{q.folder} uid {q.uid} {q.message_id or '(no Message-ID)'}: {q.reason}"
                  for q in status.quarantine]
    return "\n".join(lines) + "\n"
