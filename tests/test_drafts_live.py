"""Drafts on a real Dovecot (tests/dovecot.py): appended with \\Draft, fetched back by an independent
IMAP client, parsed with the stdlib; exactly once across a crash; outcomes read from Sent."""

from __future__ import annotations

import base64
import email
import email.policy
import re

import pytest
from imapclient import IMAPClient

from hayaoshi.ingest.charset import decode_iso2022jp
from hayaoshi.ingest.decode import decode_message
from hayaoshi.ingest.imap import ImapMailbox
from hayaoshi.ingest.mailbox import FailureKind, MailboxError
from hayaoshi.notify.drafts import DraftWriter
from hayaoshi.notify.model import DraftKind, DraftState
from hayaoshi.store.db import open_store
from hayaoshi.store.drafts import DraftStore
from hayaoshi.store.model import StoreSettings
from hayaoshi.tests.test_drafts_factories import NOW, job_posting, own, raw_mail, settings, talent_posting
from hayaoshi.tests.test_drafts_factories import processed as make_processed
from hayaoshi.tests.test_drafts_writer import roster

pytest_plugins = ["hayaoshi.tests.dovecot"]
pytestmark = pytest.mark.live

ACCOUNT_ADDRESS = "sales@ourses.co.jp"
WAVE_NEC = "①㈱～"


@pytest.fixture
def pool(tmp_path):
    store = open_store(f"sqlite:///{tmp_path / 'h.db'}", StoreSettings(own_domains=("ourses.co.jp",)))
    store.upsert_roster(roster(own(note=f"勤続5年、勤怠良好 {WAVE_NEC}"),
                               own("E002", name="A.I", skill_years={"Java": 8.0}, note="保険系の経験あり")))
    yield store
    store.close()


@pytest.fixture
def account(imap_account):
    return {**imap_account, "address": ACCOUNT_ADDRESS}


@pytest.fixture
def box(account):
    with ImapMailbox(account) as mailbox:
        yield mailbox


@pytest.fixture
def reader(imap_reader):
    return imap_reader


def fetch_drafts(reader) -> list[tuple[bytes, tuple[bytes, ...]]]:
    reader.select_folder("Drafts", readonly=True)
    data = reader.fetch(reader.search(["ALL"]), [b"BODY.PEEK[]", b"FLAGS"])
    return [(bytes(item[b"BODY[]"]), tuple(item[b"FLAGS"])) for _uid, item in sorted(data.items())]


def parse(raw: bytes) -> email.message.EmailMessage:
    return email.message_from_bytes(raw, policy=email.policy.default)


def test_drafts_are_appended_threaded_and_complete(pool, box, account, reader):
    """GIVEN a 案件 mail and a partner's 人材 mail WHEN their drafts are written THEN each is in Drafts with
    \\Draft, threads under its source, is addressed to the sender from our address, and carries the
    fields a recipient always asks for."""
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW)
    job_raw = raw_mail("【案件】Java 保険 茅場町", message_id="job-1@client-a.co.jp",
                       references="<root@client-a.co.jp>")
    (job_draft,) = writer.write(make_processed(pool, job_raw, [job_posting()]), account)
    talent_raw = raw_mail("【人材】S.T Java5年", sender="鈴木 <suzuki@bp-partner.co.jp>",
                          message_id="t-1@bp-partner.co.jp", reply_to="bp-sales@bp-partner.co.jp")
    (talent_draft,) = writer.write(make_processed(pool, talent_raw, [talent_posting()]), account)
    assert (job_draft.kind, talent_draft.kind) == (DraftKind.JOB_REPLY, DraftKind.TALENT_REPLY)
    assert job_draft.state is talent_draft.state is DraftState.APPENDED

    fetched = fetch_drafts(reader)
    assert len(fetched) == 2
    assert all(b"\\Draft" in flags for _raw, flags in fetched)
    first, second = (parse(raw) for raw, _flags in fetched)
    assert first["Message-ID"] == job_draft.message_id and second["Message-ID"] == talent_draft.message_id
    assert first["Subject"] == "Re: 【案件】Java 保険 茅場町"
    assert first["In-Reply-To"] == "<job-1@client-a.co.jp>"
    assert first["References"].split() == ["<root@client-a.co.jp>", "<job-1@client-a.co.jp>"]
    assert first["X-Hayaoshi-Source"] == "<job-1@client-a.co.jp>"
    assert first["To"].addresses[0].addr_spec == "sato@client-a.co.jp"
    assert first["From"].addresses[0].addr_spec == ACCOUNT_ADDRESS
    assert second["To"].addresses[0].addr_spec == "bp-sales@bp-partner.co.jp"  # Reply-To honoured

    proposal = first.get_content()
    for field in ("T.K（32歳・男性）", "【最寄駅】", "【稼働開始】", "【単価】62万円", "【所属】弊社正社員", "【並行】",
                  "【面談】", "【所感】", "【推薦コメント】勤続5年", "○ 必須: Java 3年以上：Java 7年"):
        assert field in proposal, field
    answer = second.get_content().split("▲▲▲ 営業メモここまで ▲▲▲")[1]  # what the partner reads
    for field in ("【場所】茅場町駅", "【リモート】", "【単価】55～65万円", "【精算幅】140h～180h", "【開始】",
                  "【面談】1回", "【商流】エンド → 元請 → 2次 → 弊社 → 貴社", "【支払いサイト】", "【外国籍】不可",
                  "【年齢】45歳まで"):
        assert field in answer, field
    assert "70万" not in answer


def test_iso2022jp_drafts_survive_the_server(pool, box, account, reader):
    """GIVEN encoding = iso-2022-jp WHEN a draft with ～ ① ㈱ (subject and body) is appended and fetched
    back THEN it is labelled ISO-2022-JP, 7bit, and decodes to the same characters."""
    writer = DraftWriter(pool, box, settings(encoding="iso-2022-jp"), clock=lambda: NOW)
    source = raw_mail(f"【案件】Java ㈱サクラ{WAVE_NEC}", message_id="jis-1@client-a.co.jp")
    writer.write(make_processed(pool, source, [job_posting()]), account)
    ((raw, _flags),) = fetch_drafts(reader)
    assert raw.isascii()
    msg = parse(raw)
    assert msg.get_content_charset() == "iso-2022-jp" and msg["Content-Transfer-Encoding"] == "7bit"
    body, defects = decode_iso2022jp(msg.get_payload(decode=True))
    assert defects == [] and f"勤続5年、勤怠良好 {WAVE_NEC}" in body
    assert decode_message(raw).subject == f"Re: 【案件】Java ㈱サクラ{WAVE_NEC}"


def count_in_drafts(reader, message_id: str) -> int:
    reader.select_folder("Drafts", readonly=True)
    return len(reader.search(["HEADER", "Message-ID", message_id]))


def test_a_crash_between_append_and_commit_leaves_exactly_one_draft(pool, box, account, reader):
    """GIVEN the process dies after the APPEND but before the row says so WHEN it restarts and resumes
    THEN the draft is found by its Message-ID and the folder holds exactly one copy."""

    def die(*_args, **_kwargs):
        raise SystemExit("killed between APPEND and commit")

    with pytest.MonkeyPatch.context() as patch, pytest.raises(SystemExit):
        patch.setattr(DraftStore, "mark_appended", die)
        DraftWriter(pool, box, settings(), clock=lambda: NOW).write(
            make_processed(pool, raw_mail(), [job_posting()]), account)
    (pending,) = DraftStore(pool.engine).in_state(DraftState.PENDING)
    assert count_in_drafts(reader, pending.message_id) == 1

    with ImapMailbox(account) as fresh:
        (done,) = DraftWriter(pool, fresh, settings(), clock=lambda: NOW).resume_pending(account)
    assert done.state is DraftState.APPENDED and done.uid is not None
    assert count_in_drafts(reader, pending.message_id) == 1
    assert len(fetch_drafts(reader)) == 1


def test_an_append_whose_answer_was_lost_is_not_repeated(pool, box, account, reader):
    """GIVEN the APPEND reached the server but the connection dropped before its answer WHEN the draft is
    retried THEN the retry finds it and appends nothing."""
    real = ImapMailbox.append_draft

    def lost(self, raw, folder=None, *, check_first=True, message_id=None):
        real(self, raw, folder, check_first=check_first, message_id=message_id)
        raise MailboxError(FailureKind.TRANSIENT, "connection reset after APPEND")

    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ImapMailbox, "append_draft", lost)
        (record,) = writer.write(make_processed(pool, raw_mail(), [job_posting()]), account)
    assert record.state is DraftState.PENDING
    (done,) = writer.resume_pending(account)
    assert done.state is DraftState.APPENDED
    assert count_in_drafts(reader, record.message_id) == 1


def test_no_header_of_a_draft_carries_text_injected_from_the_source(pool, box, account, reader):
    """GIVEN a source mail whose encoded subject and sender name decode to CR LF + `Bcc:` / `Cc:` WHEN its
    draft is appended and fetched back THEN no such header exists and every header line is ours."""
    def word(text: str) -> str:
        return f"=?utf-8?b?{base64.b64encode(text.encode()).decode()}?="

    source = (f"From: {word('佐藤' + chr(13) + chr(10) + 'Cc: other@evil.example')} <sato@client-a.co.jp>\r\n"
              f"To: sales@ourses.co.jp\r\nSubject: {word('件名' + chr(13) + chr(10) + 'Bcc: victim@evil.example')}\r\n"
              "Message-ID: <evil@client-a.co.jp>\r\nDate: Fri, 20 Nov 2026 10:00:00 +0900\r\nMIME-Version: 1.0\r\n"
              "Content-Type: text/plain; charset=utf-8\r\n\r\n本文\r\n").encode()
    assert "\r\n" in decode_message(source).subject  # the precondition: the decoded subject has a CR LF
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW)
    writer.write(make_processed(pool, source, [job_posting()]), account)
    ((raw, _flags),) = fetch_drafts(reader)
    head = raw.split(b"\r\n\r\n", 1)[0]
    assert b"\x00" not in head
    for line in head.split(b"\r\n"):
        assert line[:1] in (b" ", b"\t") or re.match(rb"[A-Za-z-]+: ", line), line
    msg = parse(raw)
    assert msg["Bcc"] is None and msg["Cc"] is None
    assert msg["Subject"] == "Re: 件名 Bcc: victim@evil.example"
    assert msg["To"].addresses[0].addr_spec == "sato@client-a.co.jp"


def test_sent_and_deleted_drafts_are_recorded(dovecot, imap_user, pool, box, account):
    """GIVEN two drafts WHEN the rep sends one (it lands in Sent with our Message-ID) and deletes the other
    THEN the first is recorded sent at its Date and the second deleted."""
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW)
    (kept,) = writer.write(make_processed(pool, raw_mail(message_id="a@client-a.co.jp"), [job_posting()]), account)
    (dropped,) = writer.write(make_processed(pool, raw_mail(message_id="b@client-b.co.jp",
                                                            sender="田中 <tanaka@client-b.co.jp>"),
                                             [job_posting()]), account)
    assert writer.track_outcomes(sent_folder="Sent") == []
    with IMAPClient(dovecot.host, dovecot.port, ssl=False) as client:
        client.login(imap_user.name, imap_user.password)
        client.select_folder("Drafts")
        uids = client.search(["ALL"])
        raw = client.fetch([kept.uid], [b"BODY.PEEK[]"])[kept.uid][b"BODY[]"]
        client.delete_messages(uids)
        client.expunge()
        sent = bytes(raw).replace(b"Date: Fri, 20 Nov 2026 10:00:00 +0900", b"Date: Fri, 20 Nov 2026 10:30:00 +0900")
        client.append("Sent", sent, flags=(b"\\Seen",))
    outcomes = {r.message_id: r for r in writer.track_outcomes(sent_folder="Sent")}
    assert outcomes[kept.message_id].state is DraftState.SENT
    assert outcomes[kept.message_id].outcome_at.isoformat() == "2026-11-20T10:30:00+09:00"
    assert outcomes[dropped.message_id].state is DraftState.DELETED


def test_drafts_handed_over_together_go_in_one_multiappend(pool, box, account, reader):
    """GIVEN five drafts recorded and handed over (the daemon's drafts thread) WHEN delivered together
    THEN Dovecot (MULTIAPPEND) gets them in one APPEND, each lands once with \\Draft, and each row is
    marked appended with the UID the server gave it."""
    handed: list = []
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW, deliver_later=handed.append)
    for n in range(5):
        writer.write(make_processed(pool, raw_mail(f"【案件】Java 保険 #{n}", message_id=f"m{n}@client-a.co.jp"),
                                    [job_posting()]), account)
    assert len(handed) == 5 and all(r.state is DraftState.PENDING for r in handed)
    calls = []
    real = ImapMailbox.append_drafts

    def counted(self, drafts, folder):
        calls.append(len(drafts))
        return real(self, drafts, folder)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ImapMailbox, "append_drafts", counted)
        _done, handled = writer.deliver_many([(record, True) for record in handed])
    assert calls == [5] and handled == 5
    stored = DraftStore(pool.engine).in_state(DraftState.APPENDED)
    assert len(stored) == 5 and len(fetch_drafts(reader)) == 5
    for record in stored:
        assert box.search_message_id("Drafts", record.message_id) == [record.uid]
    assert all(b"\\Draft" in flags for _raw, flags in fetch_drafts(reader))


def test_a_failed_multiappend_leaves_every_draft_of_it_pending_for_the_retry(pool, box, account, reader):
    """GIVEN three drafts handed over and a MULTIAPPEND whose answer was lost after the server stored
    them WHEN delivered THEN each is recorded failed-for-now (pending), and the retry finds each in the
    folder by its Message-ID and appends none again."""
    handed: list = []
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW, deliver_later=handed.append)
    for n in range(3):
        writer.write(make_processed(pool, raw_mail(f"【案件】Java 保険 #{n}", message_id=f"m{n}@client-a.co.jp"),
                                    [job_posting()]), account)
    real = ImapMailbox.append_drafts

    def lost(self, drafts, folder):
        real(self, drafts, folder)
        raise MailboxError(FailureKind.TRANSIENT, "connection reset after APPEND")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(ImapMailbox, "append_drafts", lost)
        done, handled = writer.deliver_many([(record, True) for record in handed])
    assert handled == 3 and all(r.state is DraftState.PENDING and r.error for r in done)
    resumed = writer.resume_pending(account)
    assert [r.state for r in resumed] == [DraftState.APPENDED] * 3
    assert len(fetch_drafts(reader)) == 3


def test_multiappend_groups_stay_under_their_byte_bound(pool, box, account, reader, monkeypatch):
    """GIVEN five drafts and a byte bound that holds two of them WHEN delivered together THEN they go
    in APPENDs of two at most (the last one alone), each lands once and is marked appended."""
    import hayaoshi.notify.drafts as drafts_module

    handed: list = []
    writer = DraftWriter(pool, box, settings(), clock=lambda: NOW, deliver_later=handed.append)
    for n in range(5):
        writer.write(make_processed(pool, raw_mail(f"【案件】Java 保険 #{n}", message_id=f"m{n}@client-a.co.jp"),
                                    [job_posting()]), account)
    largest = max(len(DraftStore(pool.engine).raw_of(r.id)) for r in handed)
    monkeypatch.setattr(drafts_module, "MULTIAPPEND_BYTES", int(largest * 2.5))
    calls = []
    real = ImapMailbox.append_drafts

    def counted(self, drafts, folder):
        calls.append(len(drafts))
        return real(self, drafts, folder)

    monkeypatch.setattr(ImapMailbox, "append_drafts", counted)
    _done, handled = writer.deliver_many([(record, True) for record in handed])
    assert handled == 5 and calls == [2, 2]  # the fifth alone, by APPEND
    assert len(DraftStore(pool.engine).in_state(DraftState.APPENDED)) == 5 and len(fetch_drafts(reader)) == 5
