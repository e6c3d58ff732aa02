"""The pure parts of the mailbox edge: Backoff, header helpers, failure classification, account
checks, and ImapMailbox's IDLE timing over a scripted client and an injected clock (no server)."""

from __future__ import annotations

import imaplib
import socket
import ssl

import pytest
from imapclient.exceptions import CapabilityError, LoginError

from hayaoshi.errors import IngestError
from hayaoshi.ingest.imap import ImapMailbox
from hayaoshi.ingest.imap_errors import classify, is_loopback, read_password
from hayaoshi.ingest.mailbox import (
    Backoff,
    FailureKind,
    Mailbox,
    MailboxError,
    message_id_of,
    missing_folder,
    normalise_message_id,
    parse_appenduid,
    parse_appenduids,
)
from hayaoshi.ingest.maildir import MaildirMailbox, arrival_key

pytestmark = pytest.mark.unit


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- Backoff -----------------------------------------------------------------------------------


def test_backoff_doubles_up_to_the_cap_with_full_jitter():
    clock = Clock()
    backoff = Backoff(base=1.0, cap=60.0, random=lambda: 1.0, clock=clock)
    assert [backoff.failure() for _ in range(8)] == [1, 2, 4, 8, 16, 32, 60, 60]
    half = Backoff(base=1.0, cap=60.0, random=lambda: 0.5, clock=clock)
    assert [half.failure() for _ in range(3)] == [0.5, 1.0, 2.0]
    none = Backoff(base=1.0, cap=60.0, random=lambda: 0.0, clock=clock)
    assert none.failure() == 0.0 and none.ready()  # full jitter may retry at once


def test_backoff_tells_when_the_next_attempt_is_due_and_resets_on_success():
    clock = Clock()
    backoff = Backoff(base=2.0, cap=10.0, random=lambda: 1.0, clock=clock)
    assert backoff.ready()
    backoff.failure()
    backoff.failure()
    assert backoff.remaining() == 4.0 and not backoff.ready()
    clock.now += 4.0
    assert backoff.ready()
    backoff.success()
    assert backoff.failures == 0 and backoff.failure() == 2.0


def test_backoff_survives_a_long_outage():
    backoff = Backoff(base=1.0, cap=300.0, random=lambda: 1.0, clock=Clock())
    for _ in range(5000):
        delay = backoff.failure()
    assert delay == 300.0


def test_backoff_rejects_nonsense():
    with pytest.raises(ValueError):
        Backoff(base=10, cap=1)


# --- helpers -----------------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "expected"), [
    (b"Subject: x\r\nMessage-ID: <a.b@example.jp>\r\n\r\nbody Message-ID: <no@no>", "<a.b@example.jp>"),
    (b"Message-Id:\r\n <folded@example.jp> (comment)\r\n\r\n", "<folded@example.jp>"),
    (b"message-id: <lf@example.jp>\n\nbody", "<lf@example.jp>"),
    (b"Subject: none\r\n\r\nMessage-ID: <in-body@x>\r\n", None),
], ids=["crlf", "folded-with-comment", "lf-lower-case", "only-in-body"])
def test_message_id_of(raw, expected):
    assert message_id_of(raw) == expected


def test_normalise_message_id():
    assert normalise_message_id("  <x@y>  ") == "<x@y>"
    assert normalise_message_id("x@y") == "x@y"


@pytest.mark.parametrize(("response", "uid"), [
    (b"[APPENDUID 1795969712 7] Append completed.", 7),
    ("[appenduid 1 42] ok", 42),
    (b"Append completed.", None),
    (None, None),
], ids=["uidplus", "lower-case", "no-uidplus", "nothing"])
def test_parse_appenduid(response, uid):
    assert parse_appenduid(response) == uid


@pytest.mark.parametrize(("response", "uids"), [
    (b"[APPENDUID 1796017186 1:3] Append completed (0.009 + 0.001 secs).", [1, 2, 3]),
    ("[appenduid 1 5,7:8,12] ok", [5, 7, 8, 12]),
    (b"[APPENDUID 1 9] ok", [9]),
    (b"[APPENDUID 1 4:] ok", []),
    (b"Append completed.", []),
    (None, []),
], ids=["range", "set", "one", "broken", "no-uidplus", "nothing"])
def test_parse_appenduids_of_a_multiappend(response, uids):
    assert parse_appenduids(response) == uids


def test_mailbox_error_is_an_ingest_error_with_a_kind():
    err = missing_folder("Drafts", ["INBOX", "下書き", "Sent"])
    assert isinstance(err, IngestError)
    assert err.kind is FailureKind.CONFIGURATION and not err.kind.retryable
    assert str(err) == "no folder 'Drafts'; the server has: INBOX, 下書き, Sent"
    assert FailureKind.TRANSIENT.retryable


def test_both_mailboxes_satisfy_the_protocol(tmp_path):
    account = {"name": "a", "host": "127.0.0.1", "security": "none", "username": "u", "password_env": "X"}
    assert isinstance(ImapMailbox(account), Mailbox)
    assert isinstance(MaildirMailbox(tmp_path), Mailbox)


def test_arrival_order_of_maildir_names():
    names = ["1700000001.M5P1.h", "1700000000.M900000P1.h", "1700000000.M12P2.h", "odd-name"]
    assert sorted(names, key=arrival_key) == ["odd-name", "1700000000.M12P2.h", "1700000000.M900000P1.h",
                                              "1700000001.M5P1.h"]


# --- classification ----------------------------------------------------------------------------


def _cert_error():
    return ssl.SSLCertVerificationError(1, "certificate verify failed: self-signed certificate")


@pytest.mark.parametrize(("error", "kind", "says"), [
    (ConnectionRefusedError(111, "Connection refused"), FailureKind.TRANSIENT, "refused"),
    (TimeoutError("timed out"), FailureKind.TRANSIENT, "in time"),
    (ConnectionResetError(104, "Connection reset by peer"), FailureKind.TRANSIENT, "network"),
    (ssl.SSLEOFError(8, "EOF occurred in violation of protocol"), FailureKind.TRANSIENT, "cut"),
    (imaplib.IMAP4.abort("socket error: EOF"), FailureKind.TRANSIENT, "lost"),
    (LoginError("b'[AUTHENTICATIONFAILED] Authentication failed.'"), FailureKind.AUTHENTICATION, "refused the login"),
    (LoginError("b'[UNAVAILABLE] Temporary authentication failure.'"), FailureKind.TRANSIENT, "cannot log in now"),
    (LoginError("socket error: EOF"), FailureKind.TRANSIENT, "cannot log in now"),
    (imaplib.IMAP4.error("select failed: [NONEXISTENT] Mailbox doesn't exist"), FailureKind.CONFIGURATION,
     "NONEXISTENT"),
    (imaplib.IMAP4.error("fetch failed: [SERVERBUG] Internal error"), FailureKind.TRANSIENT, "SERVERBUG"),
    (CapabilityError("Server does not support STARTTLS"), FailureKind.CONFIGURATION, "capability"),
    (socket.gaierror(socket.EAI_NONAME, "Name or service not known"), FailureKind.CONFIGURATION, "not known"),
    (socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution"), FailureKind.TRANSIENT, "lookup"),
    (_cert_error(), FailureKind.CONFIGURATION, "ca_file"),
    (ssl.SSLError(1, "[SSL: WRONG_VERSION_NUMBER] wrong version number"), FailureKind.CONFIGURATION, "port"),
], ids=lambda v: type(v).__name__ if isinstance(v, BaseException) else None)
def test_classify(error, kind, says):
    failure = classify(error, account="sales", host="imap.example.co.jp", port=993)
    assert failure is not None and failure.kind is kind
    assert says in str(failure) and "sales" in str(failure)


def test_a_certificate_failure_names_the_host_and_ca_file():
    failure = classify(_cert_error(), account="sales", host="imap.example.co.jp", port=993)
    assert "certificate of imap.example.co.jp" in str(failure) and "company CA" in str(failure)


def test_a_bug_is_not_a_mailbox_failure():
    assert classify(KeyError("x"), account="a", host="h", port=1) is None


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("[::1]", True), ("localhost", True),
    ("LOCALHOST.", True), ("10.0.0.1", False), ("mail.example.co.jp", False), ("localhost.evil.example", False),
    ("::ffff:8.8.8.8", False),
])
def test_is_loopback(host, loopback):
    assert is_loopback(host) is loopback


# --- account checks ----------------------------------------------------------------------------


def account(**overrides):
    base = {"name": "sales", "host": "127.0.0.1", "port": 143, "security": "none", "username": "eigyo",
            "password_env": "HAYAOSHI_UNIT_PW", "password_file": "", "ca_file": "", "folders": ["INBOX"],
            "drafts_folder": "", "poll_seconds": 60, "idle": True}
    base.update(overrides)
    return base


def test_security_none_is_refused_for_a_remote_host_before_any_connection():
    opened = []
    with pytest.raises(MailboxError) as failed:
        ImapMailbox(account(host="imap.example.co.jp"), client_factory=lambda *a, **k: opened.append(a))
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert "imap.example.co.jp" in str(failed.value) and "loopback" in str(failed.value)
    assert opened == []


def test_an_unknown_security_is_a_configuration_error():
    with pytest.raises(MailboxError, match="ssl, starttls or none"):
        ImapMailbox(account(security="tls"))


def test_password_errors_name_the_source_never_a_value(tmp_path, monkeypatch):
    monkeypatch.delenv("HAYAOSHI_UNIT_PW", raising=False)
    with pytest.raises(MailboxError, match=r"HAYAOSHI_UNIT_PW.*is not set"):
        read_password(account())
    monkeypatch.setenv("HAYAOSHI_UNIT_PW", "s3cret-値")
    assert read_password(account()) == "s3cret-値"
    path = tmp_path / "pw"
    path.write_text("from-file \r\nsecond line\n")
    assert read_password(account(password_env="", password_file=str(path))) == "from-file "
    with pytest.raises(MailboxError, match="not both"):
        read_password(account(password_file=str(path)))
    with pytest.raises(MailboxError) as failed:
        read_password(account(password_env="", password_file=str(tmp_path / "missing")))
    assert str(tmp_path / "missing") in str(failed.value) and failed.value.kind is FailureKind.CONFIGURATION
    with pytest.raises(MailboxError, match="never the password itself"):
        read_password(account(password_env=""))


# --- IDLE timing over a scripted client ----------------------------------------------------------


class ScriptedClient:
    """Enough of IMAPClient for wait_for_changes. `script` feeds idle_check: (seconds, responses);
    an exhausted script means silence until the timeout."""

    def __init__(self, clock: Clock, script=(), capabilities=(b"IMAP4REV1", b"IDLE"), noop_error=None,
                 done_error=None) -> None:
        self.clock, self.script, self.caps = clock, list(script), capabilities
        self.noop_error, self.done_error = noop_error, done_error
        self.log: list[tuple[float, str]] = []
        self.normalise_times = True

    def has_capability(self, name):
        return name.encode().upper() in self.caps

    def login(self, user, password):
        self.log.append((self.clock.now, "LOGIN"))

    def select_folder(self, folder, readonly=False):
        self.log.append((self.clock.now, f"EXAMINE {folder}" if readonly else f"SELECT {folder}"))
        return {b"UIDVALIDITY": 7, b"UIDNEXT": 5, b"EXISTS": 4}

    def idle(self):
        self.log.append((self.clock.now, "IDLE"))

    def idle_check(self, timeout=None):
        if self.script:
            seconds, responses = self.script.pop(0)
            self.clock.now += seconds
            return responses
        self.clock.now += timeout
        return []

    def idle_done(self):
        self.log.append((self.clock.now, "DONE"))
        if self.done_error:
            raise self.done_error
        return b"Idle completed.", []

    def noop(self):
        self.log.append((self.clock.now, "NOOP"))
        if self.noop_error:
            raise self.noop_error
        return b"NOOP completed.", []

    def logout(self):
        self.log.append((self.clock.now, "LOGOUT"))

    def shutdown(self):
        self.log.append((self.clock.now, "SHUTDOWN"))


def imap_box(client, clock, **kwargs):
    return ImapMailbox(account(), password_provider=lambda: "pw", clock=clock,
                       client_factory=lambda *a, **k: client, **kwargs)


def commands(client, *names):
    return [(round(t - 1000.0), c) for t, c in client.log if c in names]


def test_idle_is_reissued_before_29_minutes():
    clock = Clock()
    client = ScriptedClient(clock)
    box = imap_box(client, clock, heartbeat=10_000)
    assert box.wait_for_changes("INBOX", timeout=3600) is False
    assert commands(client, "IDLE", "DONE") == [(0, "IDLE"), (1500, "DONE"), (1500, "IDLE"), (3000, "DONE"),
                                                 (3000, "IDLE"), (3600, "DONE")]


def test_a_talking_server_needs_no_heartbeat_but_a_silent_one_gets_a_noop():
    clock = Clock()
    still_here = [(b"OK", b"Still here")]
    client = ScriptedClient(clock, script=[(100, still_here), (100, still_here)])
    box = imap_box(client, clock, heartbeat=120)
    assert box.wait_for_changes("INBOX", timeout=400) is False
    # heard at 100 and 200; silent from 200: NOOP at 320, then silent again: NOOP at 440 > 400: none.
    assert commands(client, "NOOP") == [(320, "NOOP")]


def test_a_noop_without_an_answer_is_transient_and_drops_the_connection():
    clock = Clock()
    client = ScriptedClient(clock, noop_error=TimeoutError("timed out"))
    box = imap_box(client, clock, heartbeat=120)
    with pytest.raises(MailboxError) as failed:
        box.wait_for_changes("INBOX", timeout=600)
    assert failed.value.kind is FailureKind.TRANSIENT
    assert commands(client, "NOOP", "SHUTDOWN") == [(120, "NOOP"), (120, "SHUTDOWN")]


def test_new_mail_during_idle_ends_the_wait():
    clock = Clock()
    client = ScriptedClient(clock, script=[(5, [(b"OK", b"Still here")]), (3, [(5, b"EXISTS"), (1, b"RECENT")])])
    box = imap_box(client, clock)
    assert box.wait_for_changes("INBOX", timeout=60) is True
    assert commands(client, "IDLE", "DONE") == [(0, "IDLE"), (8, "DONE")]


def test_bye_during_idle_is_transient():
    clock = Clock()
    client = ScriptedClient(clock, script=[(2, [(b"BYE", b"Server", b"shutting", b"down.")])])
    with pytest.raises(MailboxError, match="BYE Server shutting down") as failed:
        imap_box(client, clock).wait_for_changes("INBOX", timeout=60)
    assert failed.value.kind is FailureKind.TRANSIENT


def test_a_closed_socket_during_idle_is_transient():
    """imapclient's idle_check swallows EOF and returns nothing at once; ending IDLE then fails."""
    clock = Clock()
    client = ScriptedClient(clock, script=[(0, [])], done_error=imaplib.IMAP4.abort("socket error: EOF"))
    with pytest.raises(MailboxError) as failed:
        imap_box(client, clock).wait_for_changes("INBOX", timeout=60)
    assert failed.value.kind is FailureKind.TRANSIENT


def test_without_idle_the_wait_only_sleeps():
    clock, slept = Clock(), []
    client = ScriptedClient(clock, capabilities=(b"IMAP4REV1",))
    box = imap_box(client, clock, sleep=slept.append)
    assert box.supports_idle() is False
    assert box.wait_for_changes("INBOX", timeout=60) is False
    assert slept == [60] and commands(client, "IDLE") == []
    disabled = ImapMailbox(account(idle=False), password_provider=lambda: "pw", sleep=slept.append,
                           client_factory=lambda *a, **k: ScriptedClient(clock))
    assert disabled.wait_for_changes("INBOX", timeout=5) is False and slept == [60, 5]
