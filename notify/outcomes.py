"""What the reps did with the drafts: sent (and when) or deleted, read from the mailbox.

A draft the rep sends shows up in the Sent folder, usually with our Message-ID; some clients give
the sent copy a new Message-ID, but it still answers our draft's source (`In-Reply-To`). So:

1. Sent mails newer than the account's cursor are read (headers only matter): one carrying a
   draft's Message-ID marks it sent at its Date; one answering a draft's source is noted.
2. An appended draft no longer in the drafts folder is sent (at the reply's Date) when a reply to
   its source was noted, else deleted (at the time it was found gone).
3. A draft recorded deleted is corrected to sent when its reply turns up later (a client that
   re-saved an edited draft under a new Message-ID made it look deleted).

Whether the rep edited it first: the sent mail's text against the draft's (notify/review.py).
"""

from __future__ import annotations

import email.parser
import email.policy
import logging
from collections import defaultdict
from datetime import datetime, timedelta
from email.utils import parsedate_to_datetime

from hayaoshi.errors import ConfigError
from hayaoshi.ingest.mailbox import Mailbox, header_block, message_id_of, normalise_message_id
from hayaoshi.notify.mime import clean_message_id
from hayaoshi.notify.model import DraftState
from hayaoshi.notify.review import was_edited
from hayaoshi.store.drafts import DraftRecord, DraftStore

logger = logging.getLogger(__name__)

SENT_NAMES = ("sent", "sent items", "sent messages", "sent mail", "送信済み", "送信済みアイテム", "送信済みメール",
              "inbox.sent", "inbox/sent", "[gmail]/sent mail", "[gmail]/送信済みメール")
FIRST_SCAN = 500  # with no cursor yet, only the newest Sent mails are read
LATE_REPLY = timedelta(days=30)  # how long a deleted draft may still turn out sent
_PARSER = email.parser.BytesHeaderParser(policy=email.policy.compat32)


def find_sent_folder(mailbox: Mailbox) -> str:
    folders = mailbox.folders()
    for folder in folders:
        if folder.lower() in SENT_NAMES:
            return folder
    raise ConfigError(f"no Sent folder found; the server has: {', '.join(folders)} (pass sent_folder)")


def _when(raw: bytes, fallback: datetime) -> datetime:
    value = _PARSER.parsebytes(header_block(raw)).get("Date")
    try:
        when = parsedate_to_datetime(str(value)) if value else None
    except (TypeError, ValueError, IndexError):
        when = None
    return when if when is not None and when.tzinfo is not None else fallback


def _answers(raw: bytes) -> set[str]:
    """The ids a mail answers: its In-Reply-To and References."""
    head = _PARSER.parsebytes(header_block(raw))
    ids: set[str] = set()
    for name in ("In-Reply-To", "References"):
        for value in head.get_all(name) or ():
            ids.update(filter(None, (clean_message_id(part) for part in str(value).replace(">", "> ").split())))
    return ids


def track_outcomes(drafts: DraftStore, mailbox: Mailbox, account: str, *, drafts_folder: str,
                   sent_folder: str | None, now: datetime) -> list[DraftRecord]:
    """Record sent / deleted outcomes of the account's appended drafts; the drafts changed."""
    open_ = drafts.in_state(DraftState.APPENDED, account)
    late = [d for d in drafts.in_state(DraftState.DELETED, account)
            if d.outcome_at is not None and now - d.outcome_at <= LATE_REPLY]
    folder = sent_folder or find_sent_folder(mailbox)
    validity = mailbox.uidvalidity(folder)
    cursor = drafts.cursor(account, folder)
    since = cursor[1] if cursor is not None and cursor[0] == validity else None
    uids = mailbox.list_uids(folder, since or 0)
    if since is None:
        uids = uids[-FIRST_SCAN:]
    changed: dict[int, DraftRecord] = {}
    replied: dict[int, datetime] = {d.id: d.reply_seen_at for d in open_ if d.id and d.reply_seen_at}
    if (open_ or late) and uids:
        own = {normalise_message_id(d.message_id): d for d in (*open_, *late)}
        by_source: dict[str, list[DraftRecord]] = defaultdict(list)
        for d in (*open_, *late):
            source = clean_message_id(d.source_message_id)
            if source:
                by_source[source].append(d)
        for message in mailbox.fetch(folder, uids):
            when = _when(message.raw, message.internaldate or now)
            mine = own.get(message_id_of(message.raw) or "")
            if mine is not None and mine.id not in changed:
                changed[mine.id] = drafts.set_outcome(mine.id, DraftState.SENT, when,
                                                      edited=was_edited(message.raw, mine.body_hash))
                continue
            for source in _answers(message.raw):
                for d in by_source.get(source, ()):
                    if d.id in changed:
                        continue
                    # A reply under a new Message-ID: the client re-saved the draft, so it was
                    # usually edited; the texts tell.
                    edited = was_edited(message.raw, d.body_hash)
                    if d.state is DraftState.DELETED:
                        changed[d.id] = drafts.set_outcome(d.id, DraftState.SENT, when, edited=edited)
                    elif d.id not in replied:
                        replied[d.id] = when
                        drafts.note_reply([d.id], when, edited=edited)
    if uids:
        drafts.set_cursor(account, folder, validity, max(uids))
    elif since is None:
        drafts.set_cursor(account, folder, validity, 0)
    waiting = mailbox.message_ids(drafts_folder) if open_ else set()  # one pass, not a search per draft
    for d in open_:
        if d.id in changed or normalise_message_id(d.message_id) in waiting:
            continue
        if d.id in replied:
            changed[d.id] = drafts.set_outcome(d.id, DraftState.SENT, replied[d.id])
        else:
            changed[d.id] = drafts.set_outcome(d.id, DraftState.DELETED, now)
    for record in changed.values():
        logger.info("draft %s: %s at %s", record.message_id, record.state, record.outcome_at)
    return list(changed.values())
