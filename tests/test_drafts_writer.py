"""DraftWriter over a Maildir and the real store (SQLite; PostgreSQL when it is there): which drafts
are written, exactly once, and what the reps did with them."""

from __future__ import annotations

import email
import email.policy
import mailbox as stdlib_mailbox
from datetime import timedelta
from email.message import EmailMessage
from email.utils import format_datetime

import pytest
from sqlalchemy import inspect

from hayaoshi.errors import ConfigError
from hayaoshi.extract.model import Employment
from hayaoshi.ingest.mailbox import FailureKind, MailboxError
from hayaoshi.ingest.maildir import MaildirMailbox
from hayaoshi.notify.drafts import DraftWriter, account_address
from hayaoshi.notify.model import DraftKind, DraftState
from hayaoshi.store.drafts import DraftRecord, DraftStore
from hayaoshi.store.model import RosterRow
from hayaoshi.tests.test_drafts_factories import (
    NOW,
    job,
    job_posting,
    own,
    partner,
    raw_mail,
    settings,
    talent_posting,
)
from hayaoshi.tests.test_drafts_factories import processed as make_processed

pytestmark = pytest.mark.pipeline
ACCOUNT = {"name": "sales", "username": "sales", "address": "sales@ourses.co.jp"}


def roster(*engineers) -> list[RosterRow]:
    return [RosterRow(line=n, employee_no=e.id, name=e.name, age=e.age, gender=e.gender, station=e.station,
                      skills=e.skills, skill_years=e.skill_years, rate=e.rate, available_from=e.available_from,
                      employment=Employment(e.employment) if e.employment else None, chain_distance=0,
                      nationality=e.nationality, note=e.note, evidence=dict(e.evidence))
            for n, e in enumerate(engineers, start=2)]


@pytest.fixture
def box(tmp_path):
    with MaildirMailbox(tmp_path / "Maildir", account="sales") as mailbox:
        yield mailbox


@pytest.fixture
def pool_store(store):
    store.upsert_roster(roster(own(), own("E002", name="A.I", skill_years={"Java": 8.0}, note="保険系の経験あり")))
    return store


@pytest.fixture
def writer(pool_store, box):
    return DraftWriter(pool_store, box, settings(), clock=lambda: NOW)


def drafts_in(box) -> list[email.message.EmailMessage]:
    if "Drafts" not in box.folders():
        return []
    return [email.message_from_bytes(m.raw, policy=email.policy.default)
            for m in box.fetch("Drafts", box.list_uids("Drafts"))]


def job_mail(n: int = 1, sender: str = "株式会社クライアントエー 佐藤 <sato@client-a.co.jp>", **posting) -> bytes:
    return raw_mail(f"【案件】Java 保険 #{n}", sender=sender, message_id=f"src-{n}@client-a.co.jp")


# ---------------------------------------------------------------- writing


def test_a_job_mail_gets_one_proposal_draft_threaded_under_it(writer, pool_store, box):
    processed = make_processed(pool_store, job_mail(), [job_posting()])
    (record,) = writer.write(processed, ACCOUNT)
    assert record.state is DraftState.APPENDED and record.kind is DraftKind.JOB_REPLY
    assert record.uid is not None and record.folder == "Drafts" and record.raw is None
    assert set(record.candidates) == {"E001", "E002"}
    (draft,) = drafts_in(box)
    assert draft["Message-ID"] == record.message_id
    assert draft["In-Reply-To"] == "<src-1@client-a.co.jp>"
    assert draft["X-Hayaoshi-Source"] == "<src-1@client-a.co.jp>"
    assert draft["To"].addresses[0].addr_spec == "sato@client-a.co.jp"
    assert draft["From"].addresses[0].addr_spec == "sales@ourses.co.jp"
    flags = [m.flags for m in box.fetch("Drafts", box.list_uids("Drafts"))]
    assert flags == [("\\Draft",)]
    assert "初めてのお相手です" in draft.get_content()


def test_writing_the_same_mail_again_writes_no_second_draft(writer, pool_store, box):
    first = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    again = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    assert [r.id for r in again] == [r.id for r in first]
    assert len(drafts_in(box)) == 1


def test_a_crash_between_append_and_commit_leaves_exactly_one_draft(pool_store, box):
    """GIVEN the process dies after the APPEND but before the row is marked appended WHEN the next
    start resumes pending drafts THEN the draft is found by its Message-ID and not appended again."""
    crashing = DraftWriter(pool_store, box, settings(), clock=lambda: NOW)

    def die(*_args, **_kwargs):
        raise KeyboardInterrupt("killed")

    with pytest.MonkeyPatch.context() as patch, pytest.raises(KeyboardInterrupt):
        patch.setattr(DraftStore, "mark_appended", die)
        crashing.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    drafts = DraftStore(pool_store.engine)
    (pending,) = drafts.in_state(DraftState.PENDING)
    assert len(drafts_in(box)) == 1

    restarted = DraftWriter(pool_store, box, settings(), clock=lambda: NOW)
    (done,) = restarted.resume_pending(ACCOUNT)
    assert done.id == pending.id and done.state is DraftState.APPENDED and done.uid is not None
    (draft,) = drafts_in(box)
    assert draft["Message-ID"] == pending.message_id
    assert restarted.resume_pending() == []


def test_a_mailbox_failure_leaves_the_draft_pending_until_resumed(writer, pool_store, box):
    def down(*_args, **_kwargs):
        raise MailboxError(FailureKind.TRANSIENT, "connection reset")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(box, "append_draft", down)
        (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    assert record.state is DraftState.PENDING and record.error == "connection reset" and record.raw
    (done,) = writer.resume_pending("sales")
    assert done.state is DraftState.APPENDED
    assert len(drafts_in(box)) == 1


def test_after_every_attempt_failed_the_draft_is_marked_failed(pool_store, box, monkeypatch):
    writer = DraftWriter(pool_store, box, settings(max_attempts=2), clock=lambda: NOW)
    monkeypatch.setattr(box, "append_draft", lambda *a, **k: (_ for _ in ()).throw(
        MailboxError(FailureKind.TRANSIENT, "down")))
    writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    (record,) = writer.resume_pending()
    assert record.state is DraftState.FAILED


def test_mail_from_our_own_domain_gets_no_draft(writer, pool_store, box):
    processed = make_processed(pool_store, job_mail(sender="同僚 <boss@ourses.co.jp>"), [job_posting()])
    assert writer.write(processed, ACCOUNT) == []
    assert drafts_in(box) == []


def test_a_second_proposal_of_the_same_engineer_shows_parallel(writer, pool_store, box):
    writer.write(make_processed(pool_store, job_mail(1), [job_posting()]), ACCOUNT)
    writer.write(make_processed(pool_store, raw_mail("別件", sender="田中 <tanaka@client-b.co.jp>",
                                                     message_id="src-9@client-b.co.jp"), [job_posting()]), ACCOUNT)
    first, second = sorted(drafts_in(box), key=lambda m: m["In-Reply-To"])
    assert "【並行】なし" in first.get_content()
    assert "【並行】あり" in second.get_content() and "【並行】なし" not in second.get_content()


def test_drafts_of_one_run_count_for_parallel_before_it_commits(writer, pool_store, box):
    """The daemon records a run of mails in one transaction: a draft made earlier in the run counts
    for 並行 before the commit; one whose run was rolled back never does."""
    with pytest.raises(RuntimeError), pool_store.unit("a run rolled back"):
        writer.write(make_processed(pool_store, job_mail(1), [job_posting()]), ACCOUNT)
        raise RuntimeError("a later mail of the run failed")
    assert drafts_in(box) == []
    with pool_store.unit("a run"):
        writer.write(make_processed(pool_store, job_mail(2), [job_posting()]), ACCOUNT)
        writer.write(make_processed(pool_store, raw_mail("別件", sender="田中 <tanaka@client-b.co.jp>",
                                                         message_id="src-9@client-b.co.jp"), [job_posting()]), ACCOUNT)
        assert drafts_in(box) == []  # appended once the run is committed
    first, second = sorted(drafts_in(box), key=lambda m: m["In-Reply-To"])
    assert "【並行】なし" in first.get_content()
    assert "【並行】あり" in second.get_content() and "【並行】なし" not in second.get_content()


def test_a_known_sender_is_not_announced_as_new(writer, pool_store, box):
    writer.write(make_processed(pool_store, job_mail(1), [job_posting()]), ACCOUNT)
    writer.write(make_processed(pool_store, job_mail(2), [job_posting(title="別の案件")]), ACCOUNT)
    texts = sorted((m.get_content() for m in drafts_in(box)), key=lambda t: "別の案件" in t)
    assert "初めてのお相手です" in texts[0] and "初めて" not in texts[1]


def test_a_partners_talent_gets_our_open_jobs(writer, pool_store, box):
    make_processed(pool_store, job_mail(), [job_posting(max_chain=1)])
    talent = raw_mail("【人材】S.T Java5年", sender="鈴木 <suzuki@bp-partner.co.jp>", message_id="t-1@bp-partner.co.jp")
    records = writer.write(make_processed(pool_store, talent, [talent_posting()]), ACCOUNT)
    assert [r.kind for r in records] == [DraftKind.TALENT_REPLY]
    (draft,) = [m for m in drafts_in(box) if m["In-Reply-To"] == "<t-1@bp-partner.co.jp>"]
    text = draft.get_content()
    assert "【単価】55～65万円" in text and "【商流】エンド → 元請 → 2次 → 弊社 → 貴社" in text
    assert "【支払いサイト】月末締め翌月末払い" in text
    assert draft["To"].addresses[0].addr_spec == "suzuki@bp-partner.co.jp"


def test_a_job_with_weak_matches_and_missing_facts_gets_questions(writer, pool_store, box):
    posting = job_posting(rate_min=None, rate_max=None, start=None, required_skills=["Java", "COBOL"],
                          skills=["Java", "COBOL"])
    (record,) = writer.write(make_processed(pool_store, job_mail(), [posting]), ACCOUNT)
    assert record.kind is DraftKind.QUESTIONS
    (draft,) = drafts_in(box)
    assert "単価（ご予算感）" in draft.get_content() and "開始時期" in draft.get_content()


def test_our_skill_sheet_is_attached(pool_store, box, tmp_path):
    sheets = tmp_path / "sheets"
    sheets.mkdir()
    (sheets / "E001_T.K.xlsx").write_bytes(b"PK\x03\x04sheet")
    writer = DraftWriter(pool_store, box, settings(skill_sheet_dir=str(sheets)), clock=lambda: NOW)
    writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    (draft,) = drafts_in(box)
    (part,) = list(draft.iter_attachments())
    assert part.get_filename() == "E001_T.K.xlsx" and part.get_payload(decode=True) == b"PK\x03\x04sheet"
    assert "添付の「E001_T.K.xlsx」" in draft.get_body(("plain",)).get_content()


def test_a_partners_sheet_comes_from_their_mail(pool_store, box):
    """GIVEN a partner's 人材 mail with a skill sheet in the inbox WHEN their engineer is proposed THEN the
    sheet is taken from that mail."""
    msg = EmailMessage()
    msg["From"], msg["Subject"] = "鈴木 <suzuki@bp-partner.co.jp>", "【人材】S.T"
    msg["Message-ID"] = "<t-7@bp-partner.co.jp>"
    msg["Date"] = format_datetime(NOW)
    msg.set_content("■氏名：S.T")
    msg.add_attachment(b"PK\x03\x04partner", maintype="application", subtype="octet-stream", filename="S.T_skill.xlsx")
    stdlib_mailbox.Maildir(box.path).add(bytes(msg))
    talent = make_processed(pool_store, bytes(msg), [talent_posting(rate_min=500_000, rate_max=500_000)], jobs=[])
    engineer_id = f"talent:{talent.results[0].posting_id}"
    writer = DraftWriter(pool_store, box, settings(top=5), clock=lambda: NOW)
    writer.write(make_processed(pool_store, job_mail(), [job_posting(max_chain=None)]), ACCOUNT)
    (draft,) = [m for m in drafts_in(box) if m["In-Reply-To"] == "<src-1@client-a.co.jp>"]
    assert engineer_id in DraftStore(pool_store.engine).in_state(DraftState.APPENDED)[0].candidates
    assert [p.get_filename() for p in draft.iter_attachments()] == ["S.T_skill.xlsx"]


def test_an_account_needs_a_from_address():
    assert account_address({"name": "x", "username": "sales@ourses.co.jp"}) == "sales@ourses.co.jp"
    with pytest.raises(ConfigError, match="address"):
        account_address({"name": "x", "username": "sales"})


def test_the_tables_come_from_the_migration(store):
    assert {"draft", "draft_cursor"} <= set(inspect(store.engine).get_table_names())


# ---------------------------------------------------------------- review tracking


def sent_folder(box) -> stdlib_mailbox.Maildir:
    root = stdlib_mailbox.Maildir(box.path)
    return root.get_folder("Sent") if "Sent" in root.list_folders() else root.add_folder("Sent")


def sent_mail(*, message_id: str, in_reply_to: str, minutes: int) -> bytes:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "sales@ourses.co.jp", "sato@client-a.co.jp", "Re: 【案件】"
    msg["Message-ID"], msg["In-Reply-To"] = message_id, in_reply_to
    msg["Date"] = format_datetime(NOW + timedelta(minutes=minutes))
    msg.set_content("ご提案いたします")
    return bytes(msg)


def delete_drafts(box) -> None:
    drafts = stdlib_mailbox.Maildir(box.path).get_folder("Drafts")
    for key in list(drafts.keys()):
        drafts.remove(key)


def test_a_draft_sent_as_is_is_recorded_sent_at_its_date(writer, pool_store, box):
    (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    sent = sent_folder(box)
    assert writer.track_outcomes(sent_folder="Sent") == []
    sent.add(sent_mail(message_id=record.message_id, in_reply_to="<src-1@client-a.co.jp>", minutes=30))
    delete_drafts(box)
    (done,) = writer.track_outcomes(sent_folder="Sent")
    assert done.state is DraftState.SENT and done.outcome_at == NOW + timedelta(minutes=30)


def test_a_draft_sent_under_a_new_message_id_is_recognised_by_its_reply(writer, pool_store, box):
    writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    sent_folder(box).add(sent_mail(message_id="<new@ourses.co.jp>", in_reply_to="<src-1@client-a.co.jp>", minutes=5))
    assert writer.track_outcomes(sent_folder="Sent") == []  # still in Drafts: the rep may have replied apart
    delete_drafts(box)
    (done,) = writer.track_outcomes(sent_folder="Sent")
    assert done.state is DraftState.SENT and done.outcome_at == NOW + timedelta(minutes=5)


def test_a_deleted_draft_is_recorded_deleted_and_corrected_if_its_reply_turns_up(pool_store, box):
    clock = [NOW]
    writer = DraftWriter(pool_store, box, settings(), clock=lambda: clock[0])
    writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    sent = sent_folder(box)
    writer.track_outcomes(sent_folder="Sent")
    delete_drafts(box)
    clock[0] = NOW + timedelta(hours=1)
    (gone,) = writer.track_outcomes(sent_folder="Sent")
    assert gone.state is DraftState.DELETED and gone.outcome_at == NOW + timedelta(hours=1)
    sent.add(sent_mail(message_id="<edited@ourses.co.jp>", in_reply_to="<src-1@client-a.co.jp>", minutes=90))
    (late,) = writer.track_outcomes(sent_folder="Sent")
    assert late.state is DraftState.SENT


def test_a_sent_folder_is_found_by_name(writer, box):
    sent_folder(box)
    assert writer.track_outcomes() == []


def test_unused_factories_still_build(tmp_path):
    assert job().id == "1" and partner().own is False


def test_a_draft_another_writer_recorded_first_is_left_to_it(writer, pool_store, box, monkeypatch):
    """GIVEN another thread recorded this posting's draft a moment earlier (the unique key refuses ours)
    WHEN this writer gets there THEN it returns that draft and appends nothing itself."""
    processed = make_processed(pool_store, job_mail(), [job_posting()])
    drafts = DraftStore(pool_store.engine)
    theirs = drafts.add_pending(DraftRecord(message_id="<hayaoshi.other@ourses.co.jp>", account="sales",
                                            kind=DraftKind.JOB_REPLY, state=DraftState.PENDING,
                                            posting_id=processed.results[0].posting_id, raw=b"x", created_at=NOW))
    real, calls = DraftStore.for_posting, []

    def not_yet(self, account, posting_id):  # the first look happens before the other thread commits
        calls.append(posting_id)
        return None if len(calls) == 1 else real(self, account, posting_id)

    monkeypatch.setattr(DraftStore, "for_posting", not_yet)
    (got,) = writer.write(processed, ACCOUNT)
    assert got.id == theirs.id and got.state is DraftState.PENDING
    assert drafts_in(box) == []


def resent(draft: email.message.EmailMessage, *, message_id: str, change: str | None = None) -> bytes:
    """The sent copy a mail program makes of a draft: new transfer encoding, lines re-wrapped, and
    (with `change`) the rep's words added."""
    text = draft.get_body(preferencelist=("plain",)).get_content()
    wrapped = "\n".join(line[i:i + 30] for line in text.splitlines() for i in range(0, max(1, len(line)), 30))
    msg = EmailMessage()
    for name in ("From", "To", "Subject", "In-Reply-To", "References"):
        msg[name] = draft[name]
    msg["Message-ID"], msg["Date"] = message_id, format_datetime(NOW + timedelta(minutes=20))
    msg.set_content((change + "\n" if change else "") + wrapped, cte="base64")
    return bytes(msg)


@pytest.mark.parametrize("same_id", [True, False])
def test_a_draft_sent_unchanged_is_not_counted_edited(writer, pool_store, box, same_id):
    (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    assert record.body_hash and len(record.body_hash) == 64
    (draft,) = drafts_in(box)
    sent_folder(box).add(resent(draft, message_id=record.message_id if same_id else "<other@ourses.co.jp>"))
    delete_drafts(box)
    (done,) = writer.track_outcomes(sent_folder="Sent")
    assert done.state is DraftState.SENT and done.edited is False


@pytest.mark.parametrize("same_id", [True, False])
def test_a_draft_the_rep_changed_before_sending_is_counted_edited(writer, pool_store, box, same_id):
    (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    (draft,) = drafts_in(box)
    sent_folder(box).add(resent(draft, message_id=record.message_id if same_id else "<other@ourses.co.jp>",
                                change="先日はお電話ありがとうございました。"))
    delete_drafts(box)
    (done,) = writer.track_outcomes(sent_folder="Sent")
    assert done.state is DraftState.SENT and done.edited is True


# ---------------------------------------------------------------- the daemon's appender


def appender_for(pool_store, tmp_path, **config):
    from hayaoshi.daemon.drafting import Appender

    opened = []

    def open_box():
        opened.append(MaildirMailbox(tmp_path / "Maildir", account="sales"))
        return opened[-1]

    return Appender(ACCOUNT, open_box, pool_store, settings(**config), clock=lambda: NOW), opened


def test_the_appender_appends_handed_over_drafts_on_its_own_connection(pool_store, box, tmp_path):
    appender, opened = appender_for(pool_store, tmp_path)
    writer = DraftWriter(pool_store, box, settings(), clock=lambda: NOW, deliver_later=appender.submit)
    (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    assert record.state is DraftState.PENDING  # handed over, committed before
    appender.drain()
    (stored,) = DraftStore(pool_store.engine).in_state(DraftState.APPENDED)
    assert stored.id == record.id and len(drafts_in(box)) == 1
    assert len(opened) == 1 and opened[0] is not box
    appender.close()


def test_the_appender_queue_holds_no_bytes_and_appends_each_draft_from_its_row(pool_store, box, tmp_path):
    """GIVEN three drafts handed over WHEN queued THEN their bytes are let go (a backlog's queue holds
    no skill sheets) AND each is appended, in order, with exactly the bytes recorded in its row."""
    appender, _ = appender_for(pool_store, tmp_path)
    drafts = DraftStore(pool_store.engine)
    stored: list[bytes | None] = []

    def hand_over(record: DraftRecord) -> None:
        stored.append(drafts.raw_of(record.id))  # the row as the appender will read it
        appender.submit(record)

    writer = DraftWriter(pool_store, box, settings(), clock=lambda: NOW, deliver_later=hand_over)
    records = [writer.write(make_processed(pool_store, job_mail(n), [job_posting()]), ACCOUNT)[0] for n in (1, 2, 3)]
    assert all(r.raw is None for r in records) and all(stored)
    appender.drain()
    assert [m.raw for m in box.fetch("Drafts", box.list_uids("Drafts"))] == stored
    assert [r.state for r in drafts.in_state(DraftState.APPENDED)] == [DraftState.APPENDED] * 3
    assert all(drafts.raw_of(r.id) is None for r in records)  # dropped once appended
    appender.close()


def test_a_draft_an_upkeep_finished_first_is_not_appended_again_when_its_turn_comes(pool_store, box, tmp_path):
    handed: list[DraftRecord] = []
    writer = DraftWriter(pool_store, box, settings(), clock=lambda: NOW, deliver_later=handed.append)
    writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    appender, _ = appender_for(pool_store, tmp_path)
    appender.upkeep(everything=True)  # meets the draft pending and appends it
    appender.submit(handed[0])  # then the hand-over reaches the appender
    appender.close()
    assert len(drafts_in(box)) == 1
    assert [r.state for r in DraftStore(pool_store.engine).in_state(DraftState.APPENDED)] == [DraftState.APPENDED]


def test_drafts_queued_at_a_crash_are_appended_by_the_next_upkeep(pool_store, box, tmp_path):
    lost: list[DraftRecord] = []  # the process died with these in its queue
    writer = DraftWriter(pool_store, box, settings(), clock=lambda: NOW, deliver_later=lost.append)
    for n in (1, 2):
        writer.write(make_processed(pool_store, job_mail(n), [job_posting()]), ACCOUNT)
    assert drafts_in(box) == [] and len(lost) == 2
    appender, _ = appender_for(pool_store, tmp_path)
    appender.upkeep(everything=True)
    appender.drain()
    assert sorted(m["Message-ID"] for m in drafts_in(box)) == sorted(r.message_id for r in lost)
    appender.close()


def test_the_periodic_upkeep_leaves_young_pending_drafts_to_the_daemon_handling_them(pool_store, box, tmp_path):
    from hayaoshi.daemon.drafting import PENDING_GRACE

    handed: list[DraftRecord] = []  # another daemon's queue
    writer = DraftWriter(pool_store, box, settings(), clock=lambda: NOW, deliver_later=handed.append)
    (record,) = writer.write(make_processed(pool_store, job_mail(), [job_posting()]), ACCOUNT)
    appender, _ = appender_for(pool_store, tmp_path)
    appender.upkeep()  # recorded just now: not taken
    appender.drain()
    assert drafts_in(box) == []
    drafts = DraftStore(pool_store.engine)
    with drafts.engine.begin() as conn:
        conn.execute(DraftRecord.__table__.update().values(
            created_at=record.created_at - PENDING_GRACE - timedelta(seconds=1)))
    appender.upkeep()  # that daemon is gone: taken over
    appender.close()
    assert len(drafts_in(box)) == 1
