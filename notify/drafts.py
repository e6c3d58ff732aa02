"""Reply drafts into the account's drafts folder: decided, recorded, appended, exactly once.

    processed = pipeline.process(raw, account=name, folder=folder, uid=uid)
    writer.write(processed, account)          # after each mail
    writer.resume_pending(account)            # at start-up and each poll: finish what a crash left
    writer.track_outcomes(sent_folder="Sent") # each poll: what the reps did with the drafts

Exactly once: the draft's row, with its own Message-ID and bytes, is committed (state pending)
before the APPEND; an attempt is counted before it starts; every retry first searches the drafts
folder for that Message-ID. A crash between APPEND and the commit that marks it appended leaves a
pending row whose draft is already there: `resume_pending` finds it and only marks it.

Nothing is ever sent: a draft waits for a rep (DOMAIN.md, Etiquette).
"""

from __future__ import annotations

import logging
import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from typing import Any

from hayaoshi.errors import ConfigError
from hayaoshi.extract.extractor import JST
from hayaoshi.extract.model import PostingKind
from hayaoshi.ingest.mailbox import FailureKind, Mailbox, MailboxError
from hayaoshi.match.convert import company_key, engineer_from_posting, job_from_posting
from hayaoshi.match.model import Job, Ranking
from hayaoshi.notify.compose import (
    compose_job_reply,
    compose_questions,
    compose_talent_reply,
    recipient_companies,
    select_candidates,
)
from hayaoshi.notify.mime import build_draft, clean_address, new_message_id
from hayaoshi.notify.model import Context, DraftContent, DraftSettings, DraftState
from hayaoshi.notify.outcomes import track_outcomes
from hayaoshi.notify.review import text_hash
from hayaoshi.notify.sheets import SkillSheets
from hayaoshi.store.drafts import DraftRecord, DraftStore
from hayaoshi.store.repo import sender_domain
from hayaoshi.store.session import after_commit, unit_session

logger = logging.getLogger(__name__)

PARTNER_PREFIX = "talent:"
PARALLEL_REFRESH = 30.0  # seconds
# Drafts on their first attempt are appended several in one command where the server offers
# MULTIAPPEND (RFC 3502; Dovecot, Cyrus do, Gmail does not): at most this many, this many bytes.
MULTIAPPEND_DRAFTS = 32
MULTIAPPEND_BYTES = 4 * 1024 * 1024


def account_name(account: Mapping[str, Any] | str) -> str:
    return account if isinstance(account, str) else str(account.get("name") or account.get("username") or "")


def account_address(account: Mapping[str, Any]) -> str:
    """The From of the account's drafts: `address`, else the username when it is an address."""
    for key in ("address", "username"):
        found = clean_address(str(account.get(key) or ""))
        if found:
            return found
    raise ConfigError(f"account {account_name(account)!r}: set `address` (the From of its drafts); "
                      f"the username {account.get('username')!r} is not a mail address")


class DraftWriter:
    """Writes the drafts of processed mails for one mailbox (one account). Not thread-safe, as a
    Mailbox is not: give each account's thread its own writer, and run `write`, `resume_pending` and
    `track_outcomes` of one account from that thread only."""

    def __init__(self, store: Any, mailbox: Mailbox, config: Any, *, sheets: SkillSheets | None = None,
                 clock: Callable[[], datetime] | None = None,
                 deliver_later: Callable[[DraftRecord], None] | None = None) -> None:
        self.drafts = store if isinstance(store, DraftStore) else DraftStore(store.engine)
        self.mailbox = mailbox
        self.settings = config if isinstance(config, DraftSettings) else DraftSettings.from_config(config)
        self.sheets = sheets or SkillSheets(self.settings.skill_sheet_dir or None, mailbox, self.drafts)
        self.clock = clock or (lambda: datetime.now(tz=UTC))
        # Given (the daemon): a recorded draft is handed over for its APPEND on another connection and
        # thread (daemon/drafting.py), and `write` returns it pending. Else appended here at once.
        self.deliver_later = deliver_later
        self._folder: str | None = None
        self._multiappend = True  # until the server turns out to have no MULTIAPPEND
        self._sources: dict[int, Any] = {}  # posting id -> (its mail's row, sender history), for one `write`
        self._stored: Any = None  # the row of the mail `write` has in hand, when the pipeline gave it
        # 並行 counts (drafts of the last `parallel_days` proposing each engineer): read from the
        # store at most every PARALLEL_REFRESH seconds, this writer's own drafts added meanwhile.
        self._parallel: Counter[str] | None = None
        self._parallel_read = 0.0
        # Drafts recorded in the unit still open (the daemon's run of mails), not committed yet: they
        # count too. Kept with that unit's session: a new one means the old one rolled back.
        self._uncommitted: Counter[str] = Counter()
        self._uncommitted_in: Any = None

    # ------------------------------------------------------------------ writing

    def write(self, processed: Any, account: Mapping[str, Any]) -> list[DraftRecord]:
        """The drafts `processed` (a `pipeline.Processed`) calls for, recorded and appended.

        Idempotent: a posting that has a draft already gets no second one (a pending one is
        finished). A mailbox failure leaves the draft pending, for `resume_pending`."""
        name, from_addr = account_name(account), account_address(account)
        mail = processed.mail
        domain = sender_domain(mail.reply_to or mail.from_addr)
        if domain and any(domain == d or domain.endswith("." + d) for d in self.settings.own_domains):
            logger.debug("mail %s is from our own domain: no reply draft", mail.message_id)
            return []
        now = self.clock()
        out: list[DraftRecord] = []
        self._sources = {}
        fresh = processed.new  # a mail stored just now has no drafts yet
        # The mail's row as the pipeline stored it just now (else read from the store).
        self._stored = getattr(processed, "source", None) if fresh else None
        for result in processed.results:
            existing = None if fresh else self.drafts.for_posting(name, result.posting_id)
            if existing is not None:
                out.append(self.deliver(existing) if existing.state is DraftState.PENDING else existing)
                continue
            planned = self._plan(mail, result, now)
            if planned is None:
                continue
            content, sheets = planned
            out.append(self._record_and_append(name, from_addr, mail, result.posting_id, content, sheets, now))
        return out

    def _plan(self, mail: Any, result: Any, now: datetime) -> tuple[DraftContent, list[Any]] | None:
        if not result.ranking.matches:  # nothing to propose and nothing to ask about
            return None
        today = now.astimezone(JST).date()
        context = Context(today=today, new_sender=self._new_sender(mail, result.posting_id))
        posting, ranking = result.posting, result.ranking
        if posting.kind is PostingKind.JOB:
            return self._plan_job(mail, result, posting, ranking, context, now)
        engineer = engineer_from_posting(posting, f"{PARTNER_PREFIX}{result.posting_id}",
                                         company_key(sender_domain(mail.from_addr)))
        found = self.drafts.jobs(int(m.id) for m in ranking.matches if m.id.isdigit())
        jobs = {key: job for key, (job, _depth) in found.items()}
        context = replace(context, depth={key: depth for key, (_job, depth) in found.items()},
                          partner_parallel=posting.parallel)
        content = compose_talent_reply(mail, engineer, ranking, jobs, self.settings, context)
        if content is None and self.settings.questions and ranking.matches:
            content = compose_questions(mail, posting, self.settings, context, jobs=jobs.values())
        return (content, []) if content else None

    def _plan_job(self, mail: Any, result: Any, posting: Any, ranking: Ranking, context: Context,
                  now: datetime) -> tuple[DraftContent, list[Any]] | None:
        job = next((j for j in result.cluster if j.id == str(result.posting_id)), None)
        job = job or job_from_posting(posting, str(result.posting_id), company_key(sender_domain(mail.from_addr)))
        # The pipeline hands over the ranked engineers as it matched them; else from the store.
        engineers = result.engineers or self.drafts.engineers(m.id for m in ranking.matches)
        depth = {job.id: posting.chain_depth, **{k: v for k, v in result.depth.items() if v is not None}}
        context = replace(context, depth=depth, parallel=dict(self._parallel_counts(now)),
                          rate_negotiable=posting.rate_negotiable,
                          notes=tuple(_cluster_notes(job, result.cluster, result.depth)))
        selected = select_candidates(job, ranking, engineers, self.settings, context, recipient_companies(mail))
        picks = selected[0]
        sheets = self.sheets.for_engineers([p.engineer for p in picks])
        context = replace(context, sheets={k: tuple(s.filename for s in v) for k, v in sheets.items()})
        content = compose_job_reply(mail, job, ranking, engineers, self.settings, context, selected)
        if content is not None:
            return content, [s for p in picks for s in sheets.get(p.id, ())]
        if self.settings.questions and ranking.matches:
            candidates = [engineers[m.id] for m in ranking.matches if m.id in engineers]
            content = compose_questions(mail, posting, self.settings, context, candidates=candidates)
        return (content, []) if content else None

    def _parallel_counts(self, now: datetime) -> Counter[str]:
        """How many live drafts of the last `parallel_days` propose each engineer, those recorded in
        the open unit included. The posting being drafted has none yet (`write` returns its draft
        when it has one)."""
        self._uncommitted_for(unit_session(self.drafts.engine))
        if self._parallel is None or time.monotonic() - self._parallel_read > PARALLEL_REFRESH:
            # Read through the open unit, so with its drafts: those are counted in `_uncommitted`.
            since = now - timedelta(days=self.settings.parallel_days)
            self._parallel = self.drafts.proposals_since(since) - self._uncommitted
            self._parallel_read = time.monotonic()
        return self._parallel + self._uncommitted if self._uncommitted else self._parallel

    def _uncommitted_for(self, session: Any) -> None:
        """`_uncommitted` of the unit `session` (None: no unit). Of another unit, what is left was
        rolled back (what it committed went into `_parallel` by `_hand_over`): forgotten."""
        if session is not self._uncommitted_in:
            self._uncommitted, self._uncommitted_in = Counter(), session

    def _source(self, mail: Any, posting_id: int) -> tuple[Any, int, int]:
        """(the posting's mail row, earlier mails from the sender, from its company)."""
        if posting_id not in self._sources:
            if self._stored is not None:  # the mail in hand: its postings share its row and sender history
                known = next(iter(self._sources.values()), None)
                self._sources[posting_id] = known or (self._stored, *self.drafts.sender_history(mail.from_addr,
                                                                                                self._stored[0]))
            else:
                self._sources[posting_id] = self.drafts.draft_source(posting_id, mail.from_addr)
        return self._sources[posting_id]

    def _new_sender(self, mail: Any, posting_id: int) -> str | None:
        _source, by_address, by_company = self._source(mail, posting_id)
        if by_address:
            return None
        who = mail.from_addr or "(差出人不明)"
        if by_company:
            return f"初めての差出人です: {who}（同じ会社からは過去 {by_company} 通）"
        return f"初めてのお相手です: {who}（この会社からのメールは今回が初めて）"

    def _record_and_append(self, account: str, from_addr: str, mail: Any, posting_id: int, content: DraftContent,
                           sheets: Sequence[Any], now: datetime) -> DraftRecord:
        message_id = new_message_id(from_addr)
        raw = build_draft(content, from_addr, self.settings.encoding, sheets, from_name=self.settings.company or None,
                          message_id=message_id, date=now)
        source = self._source(mail, posting_id)[0]
        record = DraftRecord(message_id=message_id, account=account, kind=content.kind, state=DraftState.PENDING,
                             mail_id=source[0] if source else None, posting_id=posting_id,
                             source_message_id=mail.message_id, recipient=content.to or None,
                             subject=content.subject, candidates=list(content.candidates), raw=raw, created_at=now,
                             body_hash=text_hash(content.body))  # = text_fingerprint(raw), not decoded again
        stored = self.drafts.add_pending(record, first_attempt=True)  # committed before the APPEND
        if stored.message_id != message_id:
            # Another writer recorded this posting's draft first and is appending it: leave it to
            # that writer (or to `resume_pending`, should it die), never append a second draft.
            return stored
        logger.info("draft %s (%s) for posting %s recorded", stored.message_id, stored.kind, posting_id)
        session = unit_session(self.drafts.engine)
        if session is not None:
            # Inside the daemon's unit for this mail (store/session.py): appended once the unit has
            # committed the draft's row, never before (a rolled-back row must not leave a draft
            # behind in the folder); until then it is pending.
            self._uncommitted_for(session)
            self._uncommitted.update(set(stored.candidates))
            after_commit(self.drafts.engine, lambda: self._hand_over(stored, from_unit=True))
            return stored
        return self._hand_over(stored)

    def _hand_over(self, record: DraftRecord, *, from_unit: bool = False) -> DraftRecord:
        if self._parallel is not None:
            self._parallel.update(set(record.candidates))
        if from_unit:  # committed: counted in `_parallel` from now on
            self._uncommitted.subtract(set(record.candidates))
            self._uncommitted = +self._uncommitted
        if self.deliver_later is not None:
            self.deliver_later(record)
            return record
        return self.deliver(record, counted=True)

    # ------------------------------------------------------------------ appending

    def drafts_folder(self) -> str:
        if self._folder is None:
            self._folder = self.mailbox.drafts_folder()
        return self._folder

    def deliver(self, record: DraftRecord, *, counted: bool = False) -> DraftRecord:
        """Into the drafts folder once: search first on a retry, append, mark appended. `counted`:
        this attempt was counted when the draft was recorded (`add_pending(first_attempt=True)`; so
        is a draft `write` hands to `deliver_later`)."""
        got = self._append(record, counted=counted)
        if isinstance(got, DraftRecord):
            return got
        assert record.id is not None
        return self.drafts.mark_appended(record.id, *got, self.clock())

    def deliver_many(self, records: Sequence[tuple[DraftRecord, bool]]) -> tuple[list[DraftRecord], int]:
        """`deliver` for (record, counted) pairs in order, the appended ones marked in one commit at
        the end (also when an error ends the run early). Stops at the first failed APPEND (recorded):
        (the drafts dealt with, how many of `records` that is); the caller tries the rest on a new
        connection. A crash before the commit leaves the appended drafts pending with their attempt
        counted: the next attempt searches the folder first and only marks them."""
        out: list[DraftRecord] = []
        appended: list[tuple[DraftRecord, str, int | None]] = []
        try:
            todo = list(records)
            while todo:
                group = self._first_attempts(todo)
                got_many = self._append_together(group) if group else None
                if got_many is not None:
                    del todo[: len(got_many)]
                    if isinstance(got_many[0], DraftRecord):  # the APPEND failed (recorded for each)
                        out.extend(got_many)
                        break
                    appended.extend(got_many)
                    continue
                record, counted = todo.pop(0)
                got = self._append(record, counted=counted)
                if isinstance(got, DraftRecord):
                    out.append(got)
                    if got.folder is None:  # the APPEND failed: this connection may be broken
                        break
                else:
                    appended.append((record, *got))
        finally:
            at = self.clock()
            self.drafts.mark_appended_many(((r.id, folder, uid) for r, folder, uid in appended if r.id is not None), at)
            for record, folder, uid in appended:
                record.state, record.folder, record.uid = DraftState.APPENDED, folder, uid
                record.appended_at, record.raw, record.error = at, None, None
        done = [r for r, _f, _u in appended] + out
        return done, len(done)

    def _first_attempts(self, todo: list[tuple[DraftRecord, bool]]) -> list[DraftRecord]:
        """The drafts at the head of `todo` on their first attempt (counted when recorded: nothing to
        search for first), MULTIAPPEND_DRAFTS and MULTIAPPEND_BYTES at most; none when the mailbox
        cannot append several at once, or two would not make a group."""
        if not self._multiappend or getattr(self.mailbox, "append_drafts", None) is None:
            return []
        group: list[DraftRecord] = []
        for record, counted in todo[:MULTIAPPEND_DRAFTS]:
            if not counted or record.attempts != 1 or record.id is None:
                break
            group.append(record)
        return group if len(group) > 1 else []

    def _append_together(self, group: list[DraftRecord]) -> list[Any] | None:
        """The first drafts of `group` (as many as MULTIAPPEND_BYTES holds) in one MULTIAPPEND:
        [(record, folder, uid)] when stored, the failure of each (recorded) when the APPEND failed,
        None to append the next one alone (the server has no MULTIAPPEND, its bytes are gone, or it
        is too large to go with the one after it)."""
        raws: list[bytes] = []
        size = 0
        for record in group:
            raw = self._raw(record)
            if raw is None or size + len(raw) > MULTIAPPEND_BYTES:
                break
            raws.append(raw)
            size += len(raw)
        if len(raws) < 2:
            return None
        group = group[: len(raws)]
        folder = self.drafts_folder()
        try:
            uids = self.mailbox.append_drafts(raws, folder)  # type: ignore[attr-defined]
        except MailboxError as err:
            logger.warning("%d drafts not appended (attempt 1): %s", len(group), err.message)
            give_up = self.settings.max_attempts <= 1
            return [self.drafts.record_failure(r.id, err.message, give_up=give_up) for r in group]  # type: ignore[arg-type]
        if uids is None:
            self._multiappend = False
            return None
        out = []
        for record, uid in zip(group, uids, strict=True):
            if uid is None:  # no UIDPLUS: look it up
                uid = next(iter(self.mailbox.search_message_id(folder, record.message_id)), None)
            out.append((record, folder, uid))
        return out

    def _raw(self, record: DraftRecord) -> bytes | None:
        """The draft's bytes: the record's, else its row's (the drafts thread's queue holds none)."""
        return record.raw if record.raw is not None or record.id is None else self.drafts.raw_of(record.id)

    def _append(self, record: DraftRecord, *, counted: bool) -> tuple[str, int | None] | DraftRecord:
        """The APPEND (or the search that finds the draft there already): (folder, uid), or the
        record of a failure (recorded; given up after max_attempts)."""
        assert record.id is not None
        attempt = 0
        try:
            attempt = record.attempts if counted else self.drafts.begin_attempt(record.id)
            folder = self.drafts_folder()
            found = self._search(folder, record.message_id) if attempt > 1 else []
            if found:
                logger.info("draft %s was already in %s (uid %d): not appended again", record.message_id, folder,
                            found[0])
                return folder, found[0]
            raw = self._raw(record)
            if raw is None:
                return self.drafts.record_failure(record.id, "the draft's bytes are gone and it is not in the folder",
                                                  give_up=True)
            # The first attempt appends at once; a retry searched above (a crash may have left it).
            uid = self.mailbox.append_draft(raw, folder, check_first=False, message_id=record.message_id)
            if uid is None:  # no UIDPLUS: look it up
                uid = next(iter(self.mailbox.search_message_id(folder, record.message_id)), None)
            return folder, uid
        except MailboxError as err:
            give_up = attempt >= self.settings.max_attempts
            logger.warning("draft %s not appended (attempt %d): %s", record.message_id, attempt, err.message)
            return self.drafts.record_failure(record.id, err.message, give_up=give_up)

    def _search(self, folder: str, message_id: str) -> list[int]:
        """The draft's UIDs in `folder`; none when the folder does not exist yet (a Maildir makes its
        drafts folder at the first APPEND, which then says what is wrong if it cannot)."""
        try:
            return self.mailbox.search_message_id(folder, message_id)
        except MailboxError as err:
            if err.kind is not FailureKind.CONFIGURATION:
                raise
            return []

    def resume_pending(self, account: Mapping[str, Any] | str | None = None, *,
                       recorded_before: datetime | None = None) -> list[DraftRecord]:
        """Finish the drafts a crash or a mailbox failure left pending (of `account`, or all).
        `recorded_before`: only those recorded before then (a newer one may be on its way into the
        folder through another daemon's connection: taking it too would append it twice)."""
        name = account_name(account) if account is not None else None
        return [self.deliver(record) for record in self.drafts.in_state(DraftState.PENDING, name)
                if recorded_before is None or record.created_at < recorded_before]

    # ------------------------------------------------------------------ review tracking

    def track_outcomes(self, mailbox: Mailbox | None = None, sent_folder: str | None = None,
                       account: Mapping[str, Any] | str | None = None) -> list[DraftRecord]:
        """Record which appended drafts the reps sent or deleted, and when (see notify/outcomes.py)."""
        box = mailbox or self.mailbox
        name = account_name(account) if account is not None else _mailbox_account(box)
        folder = self.drafts_folder() if box is self.mailbox else box.drafts_folder()
        return track_outcomes(self.drafts, box, name, drafts_folder=folder, sent_folder=sent_folder,
                              now=self.clock())


def _mailbox_account(mailbox: Mailbox) -> str:
    name = getattr(mailbox, "name", None)
    if not isinstance(name, str) or not name:
        raise ConfigError("track_outcomes needs the account's name")
    return name


def _cluster_notes(job: Job, cluster: Sequence[Job], depth: Mapping[str, int | None]) -> list[str]:
    """When the same 案件 came from a sender with a shorter 商流, the rep should know (DOMAIN.md)."""
    if not cluster or cluster[0].id == job.id:
        return []
    best = cluster[0]
    mine, theirs = depth.get(job.id), depth.get(best.id)
    return [f"同じ案件が {best.company or '別の送信元'} からも届いています（商流の深さ {theirs} / このメール {mine}）。"
            "提案先をご確認ください"]
