"""The daemon against a real Dovecot on 127.0.0.1 (tests/dovecot.py), with SQLite.

Mail is delivered and its flags read with doveadm (or written into the Maildir as a delivery agent
would), and outcomes are read from the database: the tests never ask the daemon about itself.
"""

from __future__ import annotations

import logging
import signal
import threading
import time

import pytest

from hayaoshi.daemon.runner import Daemon
from hayaoshi.daemon.status import read_status
from hayaoshi.store.db import make_engine
from hayaoshi.tests.test_daemon_support import (
    broken_mail,
    bulk_deliver,
    daemon_config,
    deep_mime_mail,
    job_mail,
    ledger_rows,
    mail_counts,
    many_parts_mail,
    oversize_mail,
    run_cli,
    slow_mail,
    start_cli,
    talent_mail,
    warm_pool,
)

pytest_plugins = ["hayaoshi.tests.dovecot"]
pytestmark = pytest.mark.live


@pytest.fixture(scope="module")
def pool():
    with warm_pool(max_bytes=300_000, parse_seconds=0.5) as pool:
        yield pool


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'var' / 'h.db'}"


def wait_until(condition, timeout: float = 60.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # the ledger table may not exist yet
            pass
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


def done_count(url: str) -> int:
    return sum(r["state"] == "done" for r in ledger_rows(url))


class Running:
    """A Daemon in a thread of the test (so the test can restart Dovecot under it)."""

    def __init__(self, config, pool) -> None:
        self.daemon = Daemon(config, pool=pool)
        self.thread = threading.Thread(target=self.daemon.run, daemon=True)

    def __enter__(self) -> Daemon:
        self.thread.start()
        return self.daemon

    def __exit__(self, *exc: object) -> None:
        self.daemon.stop()
        self.thread.join(30)
        assert not self.thread.is_alive()


def good_mails(count: int, tag: str = "") -> list[bytes]:
    return [job_mail(n, tag=tag) if n % 3 else talent_mail(n, tag=tag) for n in range(count)]


def test_kill_9_in_the_middle_of_a_batch_then_restart_processes_every_mail_once(dovecot, imap_user, url, tmp_path):
    """GIVEN 150 mails WHEN the daemon (its own process) is SIGKILLed in the middle of a batch and run
    again THEN every UID has exactly one ledger row, done, and every Message-ID one mail row."""
    bulk_deliver(dovecot, imap_user, good_mails(150))
    daemon_config(tmp_path, url, [dovecot.account(imap_user)], **{"daemon.batch_size": 25})
    config = str(tmp_path / "hayaoshi.toml")
    proc = start_cli("run", "--config", config, log=tmp_path / "run.log")
    try:
        wait_until(lambda: done_count(url) >= 30, timeout=120, what="30 mails done")
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    at_kill = ledger_rows(url)
    assert any(r["state"] == "claimed" for r in at_kill), "the kill did not land inside a batch"
    again = run_cli("run", "--once", "--config", config)
    assert again.returncode == 0, again.stderr
    rows = ledger_rows(url)
    assert sorted(r["uid"] for r in rows) == list(range(1, 151))
    assert {r["state"] for r in rows} == {"done"}
    assert len({(r["uidvalidity"], r["uid"]) for r in rows}) == 150
    counts = mail_counts(url)
    assert len(counts) == 150 and set(counts.values()) == {1}
    assert sum(r["attempts"] for r in rows) <= 151  # at most the one in hand ran twice


def test_dovecot_restart_during_idle_reconnects_and_catches_up(dovecot, imap_user, url, tmp_path, pool, caplog):
    account = {**dovecot.account(imap_user), "poll_seconds": 300}  # only IDLE and the reconnect can find mail
    config = daemon_config(tmp_path, url, [account])
    caplog.set_level(logging.INFO, logger="hayaoshi")
    with Running(config, pool):
        dovecot.deliver(imap_user, job_mail(1))
        wait_until(lambda: done_count(url) == 1, 30, "the first mail")
        time.sleep(0.5)  # in IDLE now
        dovecot.restart()
        dovecot.deliver(imap_user, job_mail(2))
        wait_until(lambda: done_count(url) == 2, 30, "the mail delivered after the restart")
        dovecot.deliver(imap_user, job_mail(3))
        wait_until(lambda: done_count(url) == 3, 30, "a mail by IDLE after reconnecting")
    assert "reconnecting in" in caplog.text
    assert "working again" in caplog.text
    assert set(mail_counts(url).values()) == {1}


@pytest.mark.parametrize("lost", ["uidlist", "uidlist-and-index"])
def test_a_lost_uid_list_loses_nothing_and_repeats_nothing(dovecot, imap_user, url, tmp_path, pool, lost):
    """GIVEN 20 mails processed WHEN Dovecot loses its UID list (only dovecot-uidlist: the same UIDVALIDITY
    with every mail renumbered; with the index too: a new UIDVALIDITY) and 3 mails arrive THEN the 3 are
    processed and the 20 are recognised by Message-ID / hash, not processed again."""
    bulk_deliver(dovecot, imap_user, good_mails(20))
    config = daemon_config(tmp_path, url, [dovecot.account(imap_user)])
    first = Daemon(config, pool=pool)
    assert first.run(once=True) == 0
    before = dovecot.uidvalidity(imap_user)
    maildir = dovecot.root / "home" / imap_user.name / "Maildir"
    for path in maildir.iterdir():
        if path.name == "dovecot-uidlist" or (lost == "uidlist-and-index" and path.name.startswith("dovecot.index")):
            path.unlink()
    for n in (100, 101, 102):
        dovecot.deliver(imap_user, job_mail(n))
    assert (dovecot.uidvalidity(imap_user) != before) == (lost == "uidlist-and-index")
    second = Daemon(config, pool=pool)
    assert second.run(once=True) == 0
    rows = ledger_rows(url)
    later = [r for r in rows if r["id"] > 20]
    assert len(later) == 23 and {r["state"] for r in later} == {"done"}
    assert sum(r["duplicate_of"] is not None for r in later) == 20
    assert sum(r["attempts"] for r in later) == 3  # only the new mails went through the pipeline
    counts = mail_counts(url)
    assert len(counts) == 23 and set(counts.values()) == {1}
    status = read_status(config, make_engine(url)).to_json()
    assert status["accounts"][0]["folders"][0]["processed"] == 23


def test_a_thousand_hostile_mails_among_good_ones(dovecot, imap_user, url, tmp_path, pool):
    """GIVEN 100 good and 30 broken-but-readable mails mixed with 1,000 hostile ones (oversized, MIME
    nested 40 deep, 600 parts, a parse of seconds) WHEN the daemon runs THEN every good and broken one is
    done, every hostile one quarantined with its reason, and the daemon still takes new mail."""
    hostile: list[tuple[str, bytes]] = []
    for n in range(1000):
        kind = n % 100
        if kind < 1:
            hostile.append(("parse-time", slow_mail(n)))
        elif kind < 34:
            hostile.append(("size", oversize_mail(n, 310_000)))
        elif kind < 67:
            hostile.append(("mime-depth", deep_mime_mail(n)))
        else:
            hostile.append(("mime-parts", many_parts_mail(n)))
    good = good_mails(100, tag="g") + [broken_mail(n) for n in range(30)]
    bad = [raw for _reason, raw in hostile]
    mixed = [raw for i in range(len(good)) for raw in (good[i], *bad[i * 8 : i * 8 + 8])] + bad[len(good) * 8 :]
    assert len(mixed) == 1130
    bulk_deliver(dovecot, imap_user, mixed)
    config = daemon_config(tmp_path, url, [dovecot.account(imap_user)],
                           **{"limits.max_bytes": 300_000, "limits.parse_seconds": 0.5})
    with Running(config, pool) as daemon:
        wait_until(lambda: sum(r["state"] in ("done", "quarantined") for r in ledger_rows(url)) == 1130, 600,
                   "all 1,130 mails")
        dovecot.deliver(imap_user, job_mail(5000))
        wait_until(lambda: done_count(url) == 131, 30, "a new mail after the storm")
        assert all(w.thread.is_alive() for w in daemon.workers)
    rows = ledger_rows(url)
    by_mid = {r["message_id"]: r for r in rows}
    for reason, raw in hostile:
        mid = raw.split(b"Message-ID: ", 1)[1].split(b"\r\n", 1)[0].decode()
        assert by_mid[mid]["state"] == "quarantined" and by_mid[mid]["reason"].startswith(reason + ":"), mid
    assert sum(r["state"] == "done" for r in rows) == 131
    status = read_status(config, make_engine(url)).to_json()
    assert len(status["quarantine"]) == 1000 and all(q["reason"] for q in status["quarantine"])


def test_no_flag_of_the_users_mail_changes(dovecot, imap_user, url, tmp_path, pool):
    for n in range(6):
        dovecot.deliver(imap_user, job_mail(n))
    dovecot.doveadm("flags", "add", "-u", imap_user.name, "\\Seen", "mailbox", "INBOX", "uid", "2")
    dovecot.doveadm("flags", "add", "-u", imap_user.name, "\\Flagged", "mailbox", "INBOX", "uid", "4")
    before = dovecot.flags(imap_user)
    config = daemon_config(tmp_path, url, [dovecot.account(imap_user)])
    assert Daemon(config, pool=pool).run(once=True) == 0
    assert done_count(url) == 6
    assert dovecot.flags(imap_user) == before


def test_a_refused_login_is_said_once_and_not_hammered_while_other_accounts_work(
        dovecot, imap_user, url, tmp_path, pool, caplog, monkeypatch):
    wrong = dovecot.add_user()
    monkeypatch.setenv(wrong.password_env, "not-" + wrong.password)
    good = dovecot.account(imap_user)
    bad = dovecot.account(wrong, name="wrong")
    config = daemon_config(tmp_path, url, [good, bad], **{"daemon.backoff_cap_seconds": 0.3})
    caplog.set_level(logging.INFO, logger="hayaoshi")
    dovecot.deliver(imap_user, job_mail(1))
    with Running(config, pool):
        wait_until(lambda: done_count(url) == 1, 30, "the good account's mail")
        time.sleep(2)  # several re-checks of the wrong password
        dovecot.deliver(imap_user, job_mail(2))
        wait_until(lambda: done_count(url) == 2, 30, "the good account still working")
    ours = [r for r in caplog.records if r.name == "hayaoshi.daemon.worker" and "refused the login" in r.message]
    assert len(ours) == 1 and ours[0].levelno == logging.ERROR
    assert "account=wrong" in ours[0].getMessage()
    attempts = dovecot.log().count(f"user=<{wrong.name}>")
    assert 1 <= attempts <= 2  # the server was asked once, not every 0.3 s
    assert wrong.password not in caplog.text and imap_user.password not in caplog.text
    status = read_status(config, make_engine(url))
    assert "refused the login" in (status.folders[1].error or "")
    assert wrong.password not in str(status)


def test_a_missing_folder_is_a_configuration_error_naming_the_folders(dovecot, imap_user, url, tmp_path, pool):
    config = daemon_config(tmp_path, url, [{**dovecot.account(imap_user), "folders": ["案件"]}])
    daemon = Daemon(config, pool=pool)
    assert daemon.run(once=True) == 1
    assert daemon.workers[0].failure.message == "no folder '案件'; the server has: INBOX, Drafts, Sent"


def test_tls_certificates_are_verified(dovecot_tls, url, tmp_path, pool, monkeypatch):
    user = dovecot_tls.add_user()
    monkeypatch.setenv(user.password_env, user.password)
    dovecot_tls.deliver(user, job_mail(1))
    base = dovecot_tls.account(user, security="ssl", port=dovecot_tls.ssl_port, host="localhost")
    unverified = Daemon(daemon_config(tmp_path, url, [base]), pool=pool)
    assert unverified.run(once=True) == 1
    assert "could not be verified" in unverified.workers[0].failure.message
    trusted = Daemon(daemon_config(tmp_path, url, [{**base, "ca_file": str(dovecot_tls.ca_file)}]), pool=pool)
    assert trusted.run(once=True) == 0
    assert done_count(url) == 1


def test_new_mail_arrives_by_idle_within_two_seconds(dovecot, imap_user, url, tmp_path, pool):
    account = {**dovecot.account(imap_user), "poll_seconds": 300}
    config = daemon_config(tmp_path, url, [account])
    with Running(config, pool):
        dovecot.deliver(imap_user, job_mail(1))
        wait_until(lambda: done_count(url) == 1, 30, "the first mail")
        latencies = []
        for n in range(2, 7):
            time.sleep(0.3)
            started = time.monotonic()
            dovecot.deliver(imap_user, job_mail(n))
            wait_until(lambda n=n: done_count(url) == n, 10, f"mail {n}")
            latencies.append(time.monotonic() - started)
    assert max(latencies) < 2.0, latencies
