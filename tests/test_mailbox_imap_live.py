"""ImapMailbox against a real Dovecot on 127.0.0.1 (tests/dovecot.py starts it).

Mail is delivered and inspected with doveadm, so what these tests assert about flags and folders is
the server's own view, not the code under test reporting on itself.
"""

from __future__ import annotations

import socket
import threading
import time
import traceback
from email.utils import make_msgid

import pytest
from imapclient import IMAPClient

from hayaoshi.ingest.imap import ImapMailbox
from hayaoshi.ingest.mailbox import FailureKind, MailboxError, message_id_of

pytest_plugins = ["hayaoshi.tests.dovecot"]
pytestmark = pytest.mark.live


def mail(subject: str = "【案件】Java開発 (東京)", message_id: str | None = None) -> bytes:
    message_id = message_id or make_msgid(domain="partner.example.jp")
    return (f"From: 営業 <sales@partner.example.jp>\r\nTo: ses@example.co.jp\r\nSubject: {subject}\r\n"
            f"Message-ID: {message_id}\r\nDate: Sun, 29 Nov 2026 09:00:00 +0900\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
            "Content-Transfer-Encoding: 8bit\r\n\r\n単価: 60万円\r\n").encode()


@pytest.fixture
def box(imap_account):
    with ImapMailbox(imap_account) as mailbox:
        yield mailbox


def test_login_with_password_from_environment(dovecot, imap_user, box):
    box.connect()
    assert box.folders() == ["INBOX", "Drafts", "Sent"]
    assert imap_user.password not in repr(box.__dict__)  # not kept after login


def test_fetch_with_peek_leaves_flags_of_the_users_mail_alone(dovecot, imap_user, box):
    """GIVEN two unread mails WHEN they are listed and fetched THEN the server's flags are unchanged
    (no \\Seen, and \\Recent kept: the folder was only EXAMINEd)."""
    raws = [mail("一通目"), mail("二通目")]
    for raw in raws:
        dovecot.deliver(imap_user, raw)
    before = dovecot.flags(imap_user)

    uids = box.list_uids("INBOX")
    fetched = list(box.fetch("INBOX", uids))

    assert [m.raw for m in fetched] == raws
    assert [m.size for m in fetched] == [len(r) for r in raws]
    assert all(m.internaldate is not None and m.internaldate.tzinfo is not None for m in fetched)
    assert all("\\Seen" not in m.flags for m in fetched)
    assert dovecot.flags(imap_user) == before
    assert all("\\Seen" not in flags for flags in before.values())
    ref = fetched[0].ref
    assert (ref.account, ref.folder, ref.uid) == (box.name, "INBOX", uids[0])
    assert ref.uidvalidity == dovecot.uidvalidity(imap_user)
    assert fetched[1].message_id == fetched[1].message_id.strip() and fetched[1].message_id.startswith("<")


def test_fetch_runs_in_batches_and_skips_uids_that_are_gone(dovecot, imap_user, imap_account):
    for n in range(5):
        dovecot.deliver(imap_user, mail(f"#{n}"))
    with ImapMailbox(imap_account, batch_size=2) as box:
        fetched = list(box.fetch("INBOX", [5, 1, 3, 2, 4, 99]))
    assert [m.ref.uid for m in fetched] == [1, 2, 3, 4, 5]


def test_japanese_folder_names(dovecot, imap_user, box):
    dovecot.create_folder(imap_user, "下書き")
    dovecot.create_folder(imap_user, "案件/2026年")
    raw = mail("フォルダのテスト")
    dovecot.deliver(imap_user, raw, folder="案件/2026年")

    assert {"下書き", "案件/2026年"} <= set(box.folders())
    uids = box.list_uids("案件/2026年")
    [fetched] = box.fetch("案件/2026年", uids)
    assert fetched.raw == raw
    assert fetched.ref.folder == "案件/2026年"
    assert box.uidvalidity("下書き") == dovecot.uidvalidity(imap_user, "下書き")


def test_list_uids_since(dovecot, imap_user, box):
    assert box.list_uids("INBOX") == []
    for n in range(3):
        dovecot.deliver(imap_user, mail(f"#{n}"))
    assert box.list_uids("INBOX") == [1, 2, 3]
    assert box.list_uids("INBOX", since_uid=1) == [2, 3]
    # "4:*" matches UID 3 on the server (RFC 3501 §6.4.8); nothing above 3 exists.
    assert box.list_uids("INBOX", since_uid=3) == []
    assert box.list_uids("INBOX", since_uid=100) == []


def test_uidvalidity_is_reported_and_a_change_is_seen(dovecot, imap_user, box):
    dovecot.deliver(imap_user, mail())
    first = box.uidvalidity("INBOX")
    assert first == dovecot.uidvalidity(imap_user)

    bumped = dovecot.bump_uidvalidity(imap_user)

    assert box.uidvalidity("INBOX") == bumped != first
    [fetched] = box.fetch("INBOX", box.list_uids("INBOX"))
    assert fetched.ref.uidvalidity == bumped


@pytest.mark.parametrize("wrong", ["wrong-Pa55word", "違うパスワード-7Qx"], ids=["login", "sasl-plain-utf8"])
def test_wrong_password_is_an_authentication_failure_reported_once(dovecot, imap_user, imap_account, monkeypatch,
                                                                   wrong):
    """GIVEN a wrong password WHEN connecting THEN AUTHENTICATION, the password nowhere in the error
    or its traceback's locals, and no second attempt with that password reaches the server.
    (Dovecot's auth penalty makes the next login from 127.0.0.1 wait a few seconds.)"""
    monkeypatch.setenv(imap_user.password_env, wrong)
    opened = []

    def factory(*args, **kwargs):
        opened.append(args)
        return IMAPClient(*args, **kwargs)

    box = ImapMailbox(imap_account, client_factory=factory)
    with pytest.raises(MailboxError) as failed:
        box.connect()
    assert failed.value.kind is FailureKind.AUTHENTICATION
    assert box.name in str(failed.value) and "AUTHENTICATIONFAILED" in str(failed.value)
    for text in (str(failed.value), repr(failed.value)):
        assert wrong not in text and imap_user.password not in text

    with pytest.raises(MailboxError) as again:  # the same password: the server is not asked again
        box.list_uids("INBOX")
    assert again.value.kind is FailureKind.AUTHENTICATION
    assert len(opened) == 1
    for error in (failed.value, again.value):
        assert wrong not in _locals_of_code_under_test(error)

    monkeypatch.setenv(imap_user.password_env, imap_user.password)  # fixed: connecting works again
    assert box.list_uids("INBOX") == []
    assert len(opened) == 2
    box.close()


def _locals_of_code_under_test(error: BaseException) -> str:
    """repr of every local variable a traceback reporter (pytest -l, Sentry) would show, in the
    frames of the error and of the errors chained to it, outside this test module."""
    seen = []
    while error is not None:
        for frame, _line in traceback.walk_tb(error.__traceback__):
            if frame.f_code.co_filename != __file__:
                seen.append(repr(frame.f_locals))
        error = error.__cause__ or error.__context__
    return "\n".join(seen)


def test_password_from_a_file(dovecot, imap_user, imap_account, tmp_path):
    secret = tmp_path / "password"
    secret.write_text(imap_user.password + "\n")
    with ImapMailbox({**imap_account, "password_env": "", "password_file": str(secret)}) as box:
        assert box.folders()[0] == "INBOX"
    missing = tmp_path / "nothing-here"
    with pytest.raises(MailboxError) as failed:
        ImapMailbox({**imap_account, "password_env": "", "password_file": str(missing)}).connect()
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert str(missing) in str(failed.value)


def test_a_configured_drafts_folder_that_does_not_exist_names_what_does(dovecot, imap_user, imap_account):
    dovecot.create_folder(imap_user, "下書き")
    with ImapMailbox({**imap_account, "drafts_folder": "Entwürfe"}) as box:
        with pytest.raises(MailboxError) as failed:
            box.drafts_folder()
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert str(failed.value) == "no folder 'Entwürfe'; the server has: INBOX, 下書き, Drafts, Sent"


def test_a_missing_folder_to_read_is_a_configuration_failure(box):
    with pytest.raises(MailboxError) as failed:
        box.list_uids("受信箱")
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert "no folder '受信箱'; the server has: INBOX" in str(failed.value)
    assert box.list_uids("INBOX") == []  # the connection survives a configuration failure


def test_special_use_drafts_and_an_idempotent_append(dovecot, imap_user, box):
    """GIVEN no drafts_folder setting WHEN a draft is appended twice (a retry after a crash)
    THEN it lands once in the SPECIAL-USE \\Drafts folder, flagged \\Draft, found by its Message-ID."""
    message_id = make_msgid(domain="example.co.jp")
    draft = mail("Re: 【案件】Java開発", message_id=message_id)

    assert box.drafts_folder() == "Drafts"
    uid = box.append_draft(draft)
    again = box.append_draft(draft)

    assert uid is not None and again == uid
    assert dovecot.flags(imap_user, "Drafts") == {uid: {"\\Draft", "\\Recent"}}
    assert box.search_message_id("Drafts", message_id) == [uid]
    assert box.search_message_id("Drafts", message_id[:-1] + "x>") == []
    assert box.message_ids("Drafts") == {message_id} and box.message_ids("INBOX") == set()
    second = make_msgid(domain="example.co.jp")
    assert box.append_draft(mail("Re: 2", message_id=second), check_first=False) not in (None, uid)
    assert box.message_ids("Drafts") == {message_id, second}
    [stored] = box.fetch("Drafts", [uid])
    assert stored.raw == draft


def test_append_to_a_named_japanese_folder(dovecot, imap_user, imap_account):
    dovecot.create_folder(imap_user, "下書き")
    with ImapMailbox({**imap_account, "drafts_folder": "下書き"}) as box:
        assert box.drafts_folder() == "下書き"
        uid = box.append_draft(mail("Re: 返信"))
    assert "\\Draft" in dovecot.flags(imap_user, "下書き")[uid]


def test_drafts_go_into_the_folder_the_connection_has_open(dovecot, imap_user, imap_account):
    """GIVEN a connection appending drafts WHEN five are appended, INBOX is read, and one more is
    appended THEN the drafts folder is EXAMINEd once for the five and once again after INBOX (Dovecot
    keeps an open folder's index: a third less of its CPU a draft), and each draft is in it."""
    selects = []

    class Counting(IMAPClient):
        def select_folder(self, folder, readonly=False):
            selects.append((folder, readonly))
            return super().select_folder(folder, readonly)

    with ImapMailbox(imap_account, client_factory=Counting) as box:
        uids = [box.append_draft(mail(f"Re: {n}"), "Drafts", check_first=False) for n in range(5)]
        box.list_uids("INBOX")
        uids.append(box.append_draft(mail("Re: 6"), "Drafts", check_first=False))
    assert selects == [("Drafts", True), ("INBOX", True), ("Drafts", True)]
    assert sorted(dovecot.flags(imap_user, "Drafts")) == sorted(uids) and len(set(uids)) == 6


def test_a_draft_for_a_folder_that_does_not_exist_names_what_does(box):
    with pytest.raises(MailboxError) as failed:
        box.append_draft(mail("Re: 返信"), "下書き", check_first=False)
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert "no folder '下書き'; the server has: INBOX" in str(failed.value)


def test_several_drafts_in_one_append_and_a_refused_one_is_an_error(dovecot, imap_user, imap_account):
    """GIVEN MULTIAPPEND (RFC 3502) WHEN three drafts go in one APPEND THEN each is in Drafts with
    \\Draft under the UID returned for it; WHEN the server says NO THEN that is a MailboxError, not a
    silent success (imapclient hands the NO back instead of raising it)."""
    drafts = [mail(f"Re: {n}") for n in range(3)]
    with ImapMailbox(imap_account) as box:
        uids = box.append_drafts(drafts, "Drafts")
        assert [box.search_message_id("Drafts", message_id_of(raw)) for raw in drafts] == [[uid] for uid in uids]
    assert sorted(dovecot.flags(imap_user, "Drafts")) == sorted(uids)
    assert all("\\Draft" in flags for flags in dovecot.flags(imap_user, "Drafts").values())

    class Refusing(IMAPClient):
        def multiappend(self, folder, msgs):
            return "NO", [b"[OVERQUOTA] Quota exceeded (mailbox for user is full)"]

    with ImapMailbox(imap_account, client_factory=Refusing) as box:
        with pytest.raises(MailboxError, match="Quota exceeded"):
            box.append_drafts(drafts, "Drafts")


def test_idle_notices_a_delivered_mail(dovecot, imap_user, box):
    assert box.supports_idle()
    box.list_uids("INBOX")
    delivered = []

    def deliver():
        time.sleep(0.5)
        dovecot.deliver(imap_user, mail("IDLE"))
        delivered.append(time.monotonic())  # the mail is in the Maildir now

    thread = threading.Thread(target=deliver)
    thread.start()
    changed = box.wait_for_changes("INBOX", timeout=15)
    noticed = time.monotonic()
    thread.join()

    assert changed
    delay = noticed - delivered[0]
    print(f"IDLE noticed the delivered mail {delay:.3f} s after it was stored")
    assert delay < 3
    assert box.list_uids("INBOX") == [1]


def test_wait_times_out_and_counts_mail_since_the_last_listing(dovecot, imap_user, box):
    box.list_uids("INBOX")
    started = time.monotonic()
    assert box.wait_for_changes("INBOX", timeout=1.5) is False
    assert 1.4 < time.monotonic() - started < 5
    dovecot.deliver(imap_user, mail())  # between a listing and the next wait
    assert box.wait_for_changes("INBOX", timeout=15) is True


def test_a_server_restart_during_idle_is_transient_and_reconnecting_works(dovecot, imap_user, box):
    box.list_uids("INBOX")
    timer = threading.Timer(0.5, dovecot.restart)
    timer.start()
    try:
        with pytest.raises(MailboxError) as failed:
            box.wait_for_changes("INBOX", timeout=20)
    finally:
        timer.join()
    assert failed.value.kind is FailureKind.TRANSIENT
    dovecot.deliver(imap_user, mail())
    box.connect()
    assert box.list_uids("INBOX") == [1]


class FreezingProxy:
    """A loopback TCP relay that can stop relaying: a connection gone silent (a dead NAT entry)."""

    def __init__(self, port: int) -> None:
        self.target, self.frozen, self.closed = port, threading.Event(), threading.Event()
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        client, _ = self.listener.accept()
        server = socket.create_connection(("127.0.0.1", self.target))
        self.sockets = (client, server)
        for src, dst in ((client, server), (server, client)):
            threading.Thread(target=self._pipe, args=(src, dst), daemon=True).start()

    def _pipe(self, src: socket.socket, dst: socket.socket) -> None:
        while not self.closed.is_set():
            try:
                data = src.recv(65536)
            except OSError:
                return
            if not data:
                return
            while self.frozen.is_set() and not self.closed.is_set():
                time.sleep(0.05)  # hold the bytes: nothing arrives, nothing errors
            if not self.closed.is_set():
                dst.sendall(data)

    def close(self) -> None:
        self.closed.set()
        for sock in (self.listener, *getattr(self, "sockets", ())):
            sock.close()


def test_a_connection_that_goes_silent_during_idle_is_reported_transient(dovecot, imap_account):
    """GIVEN an IDLE through a relay WHEN the relay stops passing bytes (no FIN, no RST: a dead NAT
    entry) THEN after `heartbeat` seconds of silence the NOOP goes unanswered within the read
    timeout and the wait fails TRANSIENT, long before its own timeout."""
    proxy = FreezingProxy(dovecot.port)
    frozen_at = []

    def freeze():
        frozen_at.append(time.monotonic())
        proxy.frozen.set()

    timer = threading.Timer(0.5, freeze)
    try:
        box = ImapMailbox({**imap_account, "port": proxy.port}, heartbeat=1.0, read_timeout=1.0)
        box.list_uids("INBOX")
        timer.start()  # until then Dovecot says "* OK Still here" every second
        with pytest.raises(MailboxError) as failed:
            box.wait_for_changes("INBOX", timeout=30)
        took = time.monotonic() - frozen_at[0]
    finally:
        timer.cancel()
        proxy.close()
    assert failed.value.kind is FailureKind.TRANSIENT
    assert "did not answer in time" in str(failed.value)
    print(f"silence detected {took:.2f} s after the relay froze (heartbeat 1 s + read timeout 1 s)")
    assert 1.0 <= took < 5
    box.close()


# --- TLS ---------------------------------------------------------------------------------------


@pytest.fixture
def tls_user(dovecot_tls, monkeypatch):
    user = dovecot_tls.add_user()
    monkeypatch.setenv(user.password_env, user.password)
    return user


def test_implicit_tls_with_a_company_ca(dovecot_tls, tls_user):
    account = dovecot_tls.account(tls_user, security="ssl", port=dovecot_tls.ssl_port,
                                  ca_file=str(dovecot_tls.ca_file))
    with ImapMailbox(account) as box:
        assert box.folders()[0] == "INBOX"


def test_starttls_with_a_company_ca(dovecot_tls, tls_user):
    account = dovecot_tls.account(tls_user, security="starttls", ca_file=str(dovecot_tls.ca_file))
    with ImapMailbox(account) as box:
        assert box.folders()[0] == "INBOX"


@pytest.mark.parametrize("security", ["ssl", "starttls"])
def test_an_unverifiable_certificate_is_a_configuration_failure(dovecot_tls, tls_user, security):
    port = dovecot_tls.ssl_port if security == "ssl" else dovecot_tls.port
    account = dovecot_tls.account(tls_user, security=security, port=port)
    with pytest.raises(MailboxError) as failed:
        ImapMailbox(account).connect()
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert "certificate of 127.0.0.1" in str(failed.value) and "ca_file" in str(failed.value)
    assert tls_user.password not in str(failed.value)

