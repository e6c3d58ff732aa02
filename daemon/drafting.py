"""The draft step of one folder thread: a `DraftWriter` on that thread's own mailbox connection.

After each processed mail, `write` puts its reply drafts into the account's drafts folder (before the
mail is marked done in the ledger: a crash in between processes the mail again, and the drafts
ledger's `(account, posting)` key keeps it to one draft). `upkeep`, run after each poll by the
account's first folder thread only, finishes drafts a crash or a mailbox failure left pending and
records what the reps did with the appended ones (sent, edited, deleted).

A mailbox failure never fails the mail: the draft stays pending and `upkeep` retries it. A database
failure fails the mail's attempt (it is retried; storing and drafting are idempotent). Any other
error in making a draft is logged with the mail's UID and the mail is done: its postings and
matches are stored.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from hayaoshi.errors import ConfigError, StoreError
from hayaoshi.ingest.mailbox import Mailbox, MailboxError
from hayaoshi.notify.drafts import DraftWriter, account_address
from hayaoshi.notify.outcomes import find_sent_folder

logger = logging.getLogger(__name__)


def check_drafting(accounts: list[Mapping[str, Any]]) -> None:
    """At start-up: every account has a From for its drafts (raises ConfigError naming the account)."""
    for account in accounts:
        account_address(account)


class FolderDrafts:
    """Drafts for one folder thread. Not thread-safe: used from its thread only, like its Mailbox."""

    def __init__(self, account: Mapping[str, Any], store: Any, config: Any, *, upkeep: bool,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.account = dict(account)
        self.store, self.config, self.clock = store, config, clock
        self.does_upkeep = upkeep
        self.writer: DraftWriter | None = None
        self._sent_folder: str | None = None
        self._no_sent_reported = False

    def bind(self, mailbox: Mailbox) -> None:
        """A (new) connection of the thread: drafts go through it."""
        self.writer = DraftWriter(self.store, mailbox, self.config, clock=self.clock)
        self._sent_folder = None

    def write(self, processed: Any, log: logging.LoggerAdapter, uid: int) -> int:
        """The drafts of one processed mail; how many are in the drafts folder (or were already)."""
        if self.writer is None:
            return 0
        try:
            records = self.writer.write(processed, self.account)
        except StoreError:
            raise  # the database: the mail's attempt fails and is retried
        except Exception:
            log.exception("uid %d: the reply draft could not be made (the mail's postings are stored)", uid)
            return 0
        for record in records:
            log.info("uid %d: draft %s %s (%s)", uid, record.message_id, record.state, record.kind)
        return sum(1 for r in records if r.folder is not None)

    def upkeep(self, log: logging.LoggerAdapter) -> None:
        """Finish pending drafts and track outcomes; mailbox failures wait for the next poll."""
        if not self.does_upkeep or self.writer is None:
            return
        try:
            self.writer.resume_pending(self.account)
            sent = self._sent()
            if sent is not None:
                self.writer.track_outcomes(sent_folder=sent, account=self.account)
        except MailboxError as err:
            log.warning("drafts upkeep: %s (tried again at the next poll)", err.message)
        except Exception:
            log.exception("drafts upkeep failed (tried again at the next poll)")

    def _sent(self) -> str | None:
        if self._sent_folder is None and self.writer is not None:
            try:
                self._sent_folder = find_sent_folder(self.writer.mailbox)
            except ConfigError as err:
                if not self._no_sent_reported:
                    logger.info("account %s: %s; what the reps do with the drafts is not tracked",
                                self.account.get("name"), err)
                    self._no_sent_reported = True
        return self._sent_folder
