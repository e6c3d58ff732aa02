"""The daemon over a local Maildir and SQLite: the whole pipeline with no server (the pipeline tier)."""

from __future__ import annotations

import json
import logging
import re
import shutil
import signal
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from hayaoshi.daemon.runner import Daemon
from hayaoshi.daemon.seed import seed_maildir
from hayaoshi.daemon.status import read_status
from hayaoshi.ingest.mailbox import message_id_of
from hayaoshi.ingest.maildir import UID_FILE
from hayaoshi.store.db import make_engine
from hayaoshi.store.ledger import LedgerState
from hayaoshi.tests.test_daemon_support import (
    ROOT,
    broken_mail,
    daemon_config,
    deep_mime_mail,
    deliver_maildir,
    job_mail,
    ledger_rows,
    mail_counts,
    maildir_account,
    many_parts_mail,
    oversize_mail,
    run_cli,
    slow_mail,
    start_cli,
    talent_mail,
    warm_pool,
)

pytestmark = pytest.mark.pipeline
DEMO = ROOT / "demo"


@pytest.fixture(scope="module")
def pool():
    with warm_pool(max_bytes=300_000, parse_seconds=1.0) as pool:
        yield pool


@pytest.fixture
def maildir(tmp_path) -> Path:
    path = tmp_path / "Maildir"
    seed_maildir(path, DEMO / "mail")
    return path


@pytest.fixture
def url(tmp_path) -> str:
    return f"sqlite:///{tmp_path / 'var' / 'h.db'}"


def run_once(config, pool, **kw) -> Daemon:
    daemon = Daemon(config, pool=pool, **kw)
    daemon.code = daemon.run(once=True)
    return daemon


def files(path: Path) -> dict[str, bytes]:
    return {str(p.relative_to(path)): p.read_bytes() for p in sorted(path.rglob("*"))
            if p.is_file() and not p.name.startswith(".hayaoshi-uids")}


def test_once_processes_every_mail_once_and_leaves_the_maildir_as_it_was(tmp_path, maildir, url, pool):
    """GIVEN the nine demo mails unread in a Maildir WHEN `run --once` THEN each is processed once (one
    ledger row done, one mail row) and no file of the inbox moved, so no flag of the user's mail
    changed; the reply drafts are in the Drafts folder, flagged as drafts."""
    before = files(maildir)
    config = daemon_config(tmp_path, url, [maildir_account(maildir)], **{"roster.path": str(DEMO / "roster.csv")})
    daemon = run_once(config, pool)
    assert daemon.code == 0
    rows = ledger_rows(url)
    assert [(r["uid"], r["state"], r["attempts"]) for r in rows] == [(uid, "done", 1) for uid in range(1, 10)]
    counts = mail_counts(url)
    assert len(counts) == 9 and set(counts.values()) == {1}
    after = files(maildir)
    drafts = {name: raw for name, raw in after.items() if name.startswith(".Drafts/cur/")}
    assert {name: raw for name, raw in after.items() if not name.startswith(".Drafts/")} == before
    assert all(name.startswith("new/") for name in before)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(text("SELECT state, folder, subject FROM draft")).all()
    finally:
        engine.dispose()
    assert rows and all(state == "appended" and folder == "Drafts" for state, folder, _ in rows)
    assert len(drafts) == len(rows), sorted(drafts)
    assert all(name.startswith(".Drafts/cur/") and name.endswith(":2,D")
                                            for name in drafts)
    assert sum(found.drafts for found in daemon.tally.found) == 0  # not kept without keep_found


def test_a_second_run_processes_only_what_is_new(tmp_path, maildir, url, pool):
    config = daemon_config(tmp_path, url, [maildir_account(maildir)])
    run_once(config, pool)
    deliver_maildir(maildir, [job_mail(1), talent_mail(2)])
    second = run_once(config, pool)
    assert second.tally.counts == {LedgerState.DONE: 2}
    assert [r["uid"] for r in ledger_rows(url)] == list(range(1, 12))
    assert set(mail_counts(url).values()) == {1}


def test_hostile_mails_are_quarantined_with_reasons_and_the_rest_goes_on(tmp_path, url, pool):
    """GIVEN good, broken-but-readable and hostile mails mixed WHEN run THEN the good and broken ones are
    done, each hostile one is quarantined with the bound it broke, and status lists them."""
    box = tmp_path / "Maildir"
    hostile = {"size": oversize_mail(1, 310_000), "mime-depth": deep_mime_mail(2), "mime-parts": many_parts_mail(3),
               "parse-time": slow_mail(4)}
    good = [job_mail(n) for n in range(5)] + [broken_mail(n) for n in range(3)]
    deliver_maildir(box, [good[0], *hostile.values(), *good[1:]])
    config = daemon_config(tmp_path, url, [maildir_account(box)],
                           **{"limits.max_bytes": 300_000, "limits.parse_seconds": 1.0})
    daemon = run_once(config, pool)
    assert daemon.code == 0
    rows = {r["uid"]: r for r in ledger_rows(url)}
    reasons = sorted(r["reason"].split(":")[0] for r in rows.values() if r["state"] == "quarantined")
    assert reasons == sorted(hostile)
    assert sum(r["state"] == "done" for r in rows.values()) == len(good)
    status = read_status(config, make_engine(url)).to_json()
    assert status["accounts"][0]["folders"][0]["processed"] == len(good)
    assert status["accounts"][0]["folders"][0]["quarantined"] == len(hostile)
    assert {q["message_id"] for q in status["quarantine"]} == {
        "<big1@hostile.example>", "<deep2@hostile.example>", "<parts3@hostile.example>", "<slow4@hostile.example>"}
    assert all(q["reason"] for q in status["quarantine"])


class FailingPipeline:
    """The real pipeline, except for mails whose subject holds "FAIL"."""

    def __init__(self, real) -> None:
        self.real, self.store = real, real.store

    def process(self, raw: bytes, **kw):
        if b"FAIL" in raw:
            raise ValueError("extractor bug on this mail")
        return self.real.process(raw, **kw)

    def pool_changed(self) -> None:
        self.real.pool_changed()


def test_a_failing_mail_is_retried_then_quarantined_and_others_go_on(tmp_path, url, pool):
    from hayaoshi.pipeline import Pipeline

    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(1), job_mail(2, tag="FAIL"), job_mail(3)])
    config = daemon_config(tmp_path, url, [maildir_account(box)],
                           **{"daemon.retry_seconds": 0, "daemon.max_attempts": 3})
    states = []
    for _ in range(3):
        daemon = run_once(config, pool, pipeline=FailingPipeline(Pipeline(config)))
        states.append({r["uid"]: (r["state"], r["attempts"]) for r in ledger_rows(url)}[2])
    assert states == [("failed", 1), ("failed", 2), ("quarantined", 3)]
    row = {r["uid"]: r for r in ledger_rows(url)}[2]
    assert row["reason"] == "failed 3 times; last: ValueError: extractor bug on this mail"
    assert daemon.tally.counts == {LedgerState.QUARANTINED: 1}
    assert [r["state"] for r in ledger_rows(url)] == ["done", "quarantined", "done"]


class FailingLatePipeline:
    """The real pipeline with its units (so the daemon processes runs of mails in one transaction);
    a mail whose subject holds "FAIL" fails once it is stored, and every mail takes long enough for
    the next one's parse to be done (so that runs form)."""

    def __init__(self, real) -> None:
        self.real, self.store = real, real.store

    def unit(self, what: str):
        return self.real.unit(what)

    def process(self, raw: bytes, **kw):
        processed = self.real.process(raw, **kw)
        time.sleep(0.2)
        if b"FAIL" in raw:
            raise ValueError("a bug once the mail is stored")
        return processed

    def pool_changed(self) -> None:
        self.real.pool_changed()


def test_a_mail_failing_once_stored_rolls_its_run_back_and_only_it_fails(tmp_path, url, pool, caplog):
    """GIVEN five mails, the third failing after its records are written, in a run of mails sharing
    one transaction WHEN `run --once` THEN the run is rolled back and its mails processed one at a
    time: four done once each, the third failed with one attempt and nothing of it stored."""
    from hayaoshi.pipeline import Pipeline

    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(1), job_mail(2), job_mail(3, tag="FAIL"), job_mail(4), job_mail(5)])
    config = daemon_config(tmp_path, url, [maildir_account(box)])
    with caplog.at_level(logging.WARNING, logger="hayaoshi.daemon.worker"):
        daemon = run_once(config, pool, pipeline=FailingLatePipeline(Pipeline(config)))
    assert daemon.tally.counts == {LedgerState.DONE: 4, LedgerState.FAILED: 1}
    rows = sorted(ledger_rows(url), key=lambda r: r["uid"])
    assert [(r["state"], r["attempts"]) for r in rows] == [("done", 1)] * 2 + [("failed", 1)] + [("done", 1)] * 2
    assert rows[2]["reason"] == "ValueError: a bug once the mail is stored"
    assert mail_counts(url) == {f"job{n}@partner.example.jp": 1 for n in (1, 2, 4, 5)}
    runs = [int(m.group(1)) for r in caplog.records
            if (m := re.search(r"uid 3: .* the run of (\d+) message\(s\) it was in is rolled back", r.getMessage()))]
    assert len(runs) == 1 and runs[0] >= 2  # uid 3 shared its run with an earlier mail


class CountingOpener:
    """The daemon's mailboxes, with the UIDs each one fetched (in order of opening); from the
    `failing_from`-th mailbox on, every fetch fails as a broken connection would."""

    def __init__(self, failing_from: int | None = None) -> None:
        self.boxes: list[list[list[int]]] = []
        self.failing_from = failing_from

    def __call__(self, account):
        from hayaoshi.daemon.mailboxes import open_mailbox
        from hayaoshi.ingest.mailbox import FailureKind, MailboxError

        box, fetched, n = open_mailbox(account), [], len(self.boxes) + 1
        self.boxes.append(fetched)
        fetch = box.fetch

        def counted(folder, uids):
            fetched.append(sorted(uids))
            if self.failing_from is not None and n >= self.failing_from:
                raise MailboxError(FailureKind.TRANSIENT, "connection reset (test)")
            return fetch(folder, uids)

        box.fetch = counted
        return box


def test_a_backlog_is_fetched_ahead_on_a_second_connection_and_each_mail_done_once(tmp_path, url, pool):
    """GIVEN 12 mails and batches of 5 WHEN `run --once` THEN the first batch is fetched on the
    folder's connection and the next two on a second one while the batch before is processed; every
    mail is done once."""
    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(n) for n in range(1, 13)])
    config = daemon_config(tmp_path, url, [maildir_account(box)], **{"daemon.batch_size": 5})
    opener = CountingOpener()
    daemon = run_once(config, pool, open_mailbox_for=opener)
    assert daemon.tally.counts == {LedgerState.DONE: 12}
    assert [(r["state"], r["attempts"]) for r in ledger_rows(url)] == [("done", 1)] * 12
    # Each row's Message-ID (read by the parse child, ahead of the mail's turn) as the daemon reads it.
    assert [r["message_id"] for r in ledger_rows(url)] == [message_id_of(job_mail(n)) for n in range(1, 13)]
    fetches = {tuple(uids): n for n, box_fetches in enumerate(opener.boxes) for uids in box_fetches}
    assert sorted(fetches) == [(1, 2, 3, 4, 5), (6, 7, 8, 9, 10), (11, 12)]
    assert fetches[(6, 7, 8, 9, 10)] == fetches[(11, 12)] != fetches[(1, 2, 3, 4, 5)]


def test_a_failed_fetch_ahead_is_fetched_again_on_the_folders_connection(tmp_path, url, pool, caplog):
    """GIVEN 12 mails, batches of 5, and every connection after the folder's failing its fetches WHEN
    `run --once` THEN the batches fetched ahead are fetched again on the folder's connection (said in
    the log), and every mail is done once."""
    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(n) for n in range(1, 13)])
    config = daemon_config(tmp_path, url, [maildir_account(box)], **{"daemon.batch_size": 5,
                                                                      "drafts.enabled": False})
    opener = CountingOpener(failing_from=2)
    with caplog.at_level(logging.INFO, logger="hayaoshi.daemon.worker"):
        daemon = run_once(config, pool, open_mailbox_for=opener)
    assert daemon.tally.counts == {LedgerState.DONE: 12}
    assert [(r["state"], r["attempts"]) for r in ledger_rows(url)] == [("done", 1)] * 12
    assert opener.boxes[0] == [[1, 2, 3, 4, 5], [6, 7, 8, 9, 10], [11, 12]]
    again = [r.getMessage() for r in caplog.records if "fetched again here" in r.getMessage()]
    assert len(again) == 2 and all("connection reset (test)" in m for m in again)


def test_a_lost_uid_list_means_a_new_uidvalidity_and_nothing_twice(tmp_path, maildir, url, pool):
    """GIVEN nine mails processed WHEN the Maildir's UID list is lost (a new UIDVALIDITY) and two mails
    arrive THEN only the two are processed; the nine are recognised by Message-ID."""
    config = daemon_config(tmp_path, url, [maildir_account(maildir)])
    run_once(config, pool)
    (maildir / UID_FILE).unlink()
    time.sleep(1.1)  # the new UIDVALIDITY is the time in seconds
    deliver_maildir(maildir, [job_mail(1), job_mail(2)])
    daemon = run_once(config, pool)
    assert daemon.tally.counts == {LedgerState.DONE: 11}
    rows = ledger_rows(url)
    validities = sorted({r["uidvalidity"] for r in rows})
    assert len(validities) == 2
    new = [r for r in rows if r["uidvalidity"] == validities[1]]
    assert sum(r["duplicate_of"] is not None for r in new) == 9
    assert sum(r["attempts"] for r in new) == 2  # only the two new mails ran through the pipeline
    assert set(mail_counts(url).values()) == {1}
    assert read_status(config, make_engine(url)).to_json()["accounts"][0]["folders"][0]["processed"] == 11


def test_the_roster_is_imported_again_when_it_changes(tmp_path, maildir, url, pool):
    roster = tmp_path / "roster.csv"
    shutil.copy(DEMO / "roster.csv", roster)
    config = daemon_config(tmp_path, url, [maildir_account(maildir)], **{"roster.path": str(roster)})
    daemon = Daemon(config, pool=pool)
    try:
        assert daemon.roster.check() is True
        assert daemon.roster.check() is False  # unchanged
        roster.write_text(roster.read_text("utf-8").replace("62万", "66万"), "utf-8")
        assert daemon.roster.check() is True
        with daemon.store.engine.connect() as conn:
            assert conn.execute(text("SELECT rate FROM engineer WHERE employee_no = 'E001'")).scalar() == 660000
    finally:
        daemon.close()


def test_a_running_daemon_sees_new_mail_and_stops_cleanly(tmp_path, url, pool):
    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(1)])
    config = daemon_config(tmp_path, url, [maildir_account(box)])
    daemon = Daemon(config, pool=pool)
    thread = threading.Thread(target=daemon.run)
    thread.start()
    try:
        _wait(lambda: len([r for r in ledger_rows(url) if r["state"] == "done"]) == 1)
        deliver_maildir(box, [talent_mail(2)])
        _wait(lambda: len([r for r in ledger_rows(url) if r["state"] == "done"]) == 2)
    finally:
        daemon.stop()
        thread.join(30)
    assert not thread.is_alive()
    assert read_status(config, make_engine(url)).folders[0].last_poll is not None


def test_the_running_daemon_schedules_the_weekly_digest(tmp_path, url, pool):
    """With `digest.to` set, the daemon's scheduler has the digest's cron (Monday 08:00 Tokyo by
    default) beside the polls; a wrong cron stops the start with what to write instead."""
    box = tmp_path / "Maildir"
    deliver_maildir(box, [])
    digest = {"digest.to": ["boss@ourco.example.jp"], "smtp.host": "127.0.0.1", "smtp.port": 2525,
              "smtp.security": "none", "smtp.from": "hayaoshi@ourco.example.jp"}
    config = daemon_config(tmp_path, url, [maildir_account(box)], **digest)
    daemon = Daemon(config, pool=pool)
    thread = threading.Thread(target=daemon.run)
    thread.start()
    try:
        _wait(lambda: daemon._scheduler is not None)
        job = daemon._scheduler.get_job("digest")
        assert job is not None
        when = job.next_run_time
        assert (when.weekday(), when.hour, when.minute, str(when.tzinfo)) == (0, 8, 0, "Asia/Tokyo")
        assert {j.id for j in daemon._scheduler.get_jobs()} >= {"poll:local/INBOX", "retention", "digest"}
    finally:
        daemon.stop()
        thread.join(30)
    daemon_config(tmp_path, url, [maildir_account(box)], **{**digest, "digest.cron": "0 8 * * 1"})
    done = run_cli("run", "--once", "--config", str(tmp_path / "hayaoshi.toml"))
    assert done.returncode == 2 and "write the weekday as mon..sun" in done.stderr


def _wait(condition, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except Exception:  # the ledger table may not exist yet
            pass
        time.sleep(0.05)
    raise AssertionError("timed out")


def test_sigterm_finishes_the_message_in_hand_and_lets_go_of_the_rest(tmp_path, url):
    """GIVEN a daemon (its own process) in a backlog of 300 mails WHEN it gets SIGTERM THEN it exits 0
    within seconds, no row is left claimed, and a second run completes the rest, each mail once."""
    box = tmp_path / "Maildir"
    deliver_maildir(box, [job_mail(n) if n % 3 else talent_mail(n) for n in range(300)])
    daemon_config(tmp_path, url, [maildir_account(box)])
    proc = start_cli("run", "--config", str(tmp_path / "hayaoshi.toml"), log=tmp_path / "run.log")
    try:
        _wait(lambda: sum(r["state"] == "done" for r in ledger_rows(url)) >= 20, timeout=120)
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(30) == 0
    finally:
        if proc.poll() is None:
            proc.kill()
    rows = ledger_rows(url)
    assert {r["state"] for r in rows} <= {"done", "pending"}
    assert any(r["state"] == "pending" for r in rows) or len(rows) < 300
    assert "stopping after the message in hand" in (tmp_path / "run.log").read_text("utf-8")
    done = run_cli("run", "--once", "--config", str(tmp_path / "hayaoshi.toml"))
    assert done.returncode == 0, done.stderr
    rows = ledger_rows(url)
    assert len(rows) == 300 and {r["state"] for r in rows} == {"done"}
    assert {r["attempts"] for r in rows} == {1}
    assert len(mail_counts(url)) == 300 and set(mail_counts(url).values()) == {1}


def test_status_command_text_and_json(tmp_path, maildir, url, pool, monkeypatch):
    monkeypatch.setenv("HAYAOSHI_TEST_SECRET", "s3cret-pass-word")
    imap = {"name": "team", "host": "127.0.0.1", "port": 1, "security": "none", "username": "u",
            "password_env": "HAYAOSHI_TEST_SECRET", "folders": ["INBOX"], "address": "team@ourco.example.jp"}
    config = daemon_config(tmp_path, url, [maildir_account(maildir), imap])
    run_once(config, pool)
    path = str(tmp_path / "hayaoshi.toml")
    shown = run_cli("status", "--config", path, "--json")
    assert shown.returncode == 0, shown.stderr
    data = json.loads(shown.stdout)
    assert data["quarantine"] == []
    assert [a["name"] for a in data["accounts"]] == ["local", "team"]
    local, team = (a["folders"][0] for a in data["accounts"])
    assert set(local) == {"name", "processed", "quarantined", "last_poll"}
    assert (local["name"], local["processed"], local["quarantined"]) == ("INBOX", 9, 0)
    assert local["last_poll"] and team["last_poll"] is None
    table = run_cli("status", "--config", path)
    assert "local    INBOX   9" in table.stdout
    assert "team/INBOX: failing since" in table.stdout and "connection refused" in table.stdout
    assert "s3cret-pass-word" not in shown.stdout + table.stdout + shown.stderr + table.stderr


def test_run_once_prints_what_was_found_and_matched(tmp_path, maildir, url):
    daemon_config(tmp_path, url, [maildir_account(maildir)], **{"roster.path": str(DEMO / "roster.csv")})
    done = run_cli("run", "--once", "--config", str(tmp_path / "hayaoshi.toml"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("9 processed, 0 quarantined, 0 failed")
    assert "【急募】PHP/渋谷/～60万/1月～" in done.stdout and "→ M.S ◎" in done.stdout
    assert "account=local folder=INBOX run=" in done.stderr  # one line per event, with a correlation id
    assert "単価" not in done.stderr  # no mail text in the log


def test_a_config_error_is_said_at_start(tmp_path, url):
    (tmp_path / "bad.toml").write_text('[[accounts]]\nname = "x"\ntype = "maildir"\n', "utf-8")
    done = run_cli("run", "--once", "--config", str(tmp_path / "bad.toml"))
    assert done.returncode == 2
    assert "accounts #1: path is required (type = maildir)" in done.stderr
    (tmp_path / "none.toml").write_text('[database]\nurl = "sqlite://"\n', "utf-8")
    assert "no [[accounts]]" in run_cli("run", "--config", str(tmp_path / "none.toml")).stderr


def test_an_account_without_a_from_address_is_said_at_start(tmp_path, url):
    """Drafts need a From: a username that is not an address, and no `address`, stops the start."""
    daemon_config(tmp_path, url, [maildir_account(tmp_path / "Maildir", address=None)])
    done = run_cli("run", "--once", "--config", str(tmp_path / "hayaoshi.toml"))
    assert done.returncode == 2
    assert "account 'local': set `address`" in done.stderr
    daemon_config(tmp_path, url, [maildir_account(tmp_path / "Maildir", address=None)], **{"drafts.enabled": False})
    assert "set `address`" not in run_cli("run", "--once", "--config", str(tmp_path / "hayaoshi.toml")).stderr


def test_a_missing_maildir_is_a_configuration_error_naming_it(tmp_path, url, pool):
    config = daemon_config(tmp_path, url, [maildir_account(tmp_path / "nowhere")])
    daemon = run_once(config, pool)
    assert daemon.code == 1
    assert "not a Maildir" in daemon.workers[0].failure.message


def test_seeding_twice_delivers_nothing_new(tmp_path):
    assert seed_maildir(tmp_path / "md", DEMO / "mail") == 9
    assert seed_maildir(tmp_path / "md", DEMO / "mail") == 0


def test_the_demo_runs_in_a_fresh_tree(tmp_path):
    """`make demo`'s steps in a copy of the repository's demo files with no var/ (a fresh clone):
    seed, run once, list the drafts and show one."""
    import subprocess
    import sys

    shutil.copytree(DEMO, tmp_path / "demo")
    cli = [sys.executable, "-m", "hayaoshi.cli"]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(list(args), cwd=tmp_path, capture_output=True, text=True, timeout=300, check=False)

    assert not (tmp_path / "var").exists()
    seeded = run(sys.executable, "-m", "hayaoshi.daemon.seed", "var/demo-maildir", "demo/mail")
    assert seeded.returncode == 0, seeded.stderr
    once = run(*cli, "run", "--config", "demo/hayaoshi.toml", "--once")
    assert once.returncode == 0, once.stderr
    assert once.stdout.startswith("9 processed, 0 quarantined")
    assert "reply draft(s) in the drafts folder" in once.stdout
    listed = run(*cli, "drafts", "--config", "demo/hayaoshi.toml")
    assert listed.returncode == 0 and "appended" in listed.stdout
    shown = run(*cli, "drafts", "--config", "demo/hayaoshi.toml", "--show", "1")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("From: 株式会社デモSES <sales@demo-ses.example.jp>")
    assert "In-Reply-To:" in shown.stdout


def test_skill_sheets_are_read_by_the_daemon_and_a_bomb_does_not_stop_it(tmp_path, url, pool):
    """A talent mail with its sheet and one with an xlsx bomb, through the daemon's parser child: the
    pool engineer takes the sheet's years; the bomb is refused with a reason, its mail still done."""
    from hayaoshi.tests import sheet_factory as make
    from hayaoshi.tests.test_sheets_mail import ONE, XLSX, eml

    good = eml(ONE, ("スキルシート_TK.xlsx", make.vertical_xlsx(), XLSX))
    bomb = eml(ONE, ("bomb.xlsx", make.bomb_xlsx(), XLSX)).replace(b"<sheets-test@", b"<sheets-bomb@")
    box = tmp_path / "Maildir"
    deliver_maildir(box, [good, bomb])
    config = daemon_config(tmp_path, url, [maildir_account(box)], **{"limits.max_bytes": 2_000_000,
                                                                      "limits.parse_seconds": 10.0})
    daemon = Daemon(config)  # its own pool: the module's has a 300 kB bound
    assert daemon.run(once=True) == 0
    assert [r["state"] for r in ledger_rows(url)] == ["done", "done"]
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            rows = [json.loads(d) if isinstance(d, str) else d for (d,) in
                    conn.execute(text("SELECT data FROM posting ORDER BY id"))]
    finally:
        engine.dispose()
    assert [p["sheets"][0]["status"] for p in rows] == ["read", "refused"]
    assert rows[0]["skill_years"]["Java"] == 10.7 and rows[1]["sheets"][0]["reason"].startswith("zip-bomb")
