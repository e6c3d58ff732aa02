"""Team scale: two daemons on the same account and the same PostgreSQL database, at the same time."""

from __future__ import annotations

import signal
import time

import pytest

from hayaoshi.tests.test_daemon_support import (
    bulk_deliver,
    daemon_config,
    job_mail,
    ledger_rows,
    mail_counts,
    start_cli,
    talent_mail,
)

pytest_plugins = ["hayaoshi.tests.dovecot"]
pytestmark = pytest.mark.live
MAILS = 300


@pytest.mark.parametrize("db_url", ["postgresql"], indirect=True)
def test_two_daemons_on_postgresql_never_process_a_message_twice(dovecot, imap_user, db_url, tmp_path):
    """GIVEN 300 mails in one folder WHEN two daemons (two processes) watch it with one PostgreSQL
    database THEN they share the work, and every message is processed by exactly one of them, once."""
    bulk_deliver(dovecot, imap_user, [job_mail(n) if n % 3 else talent_mail(n) for n in range(MAILS)])
    daemon_config(tmp_path, db_url, [dovecot.account(imap_user)], **{"daemon.batch_size": 10})
    config = str(tmp_path / "hayaoshi.toml")
    procs = [start_cli("run", "--config", config, log=tmp_path / f"daemon{i}.log") for i in (1, 2)]
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if sum(r["state"] == "done" for r in ledger_rows(db_url)) == MAILS:
                    break
            except Exception:  # not migrated yet
                pass
            assert all(p.poll() is None for p in procs), "a daemon exited"
            time.sleep(0.2)
        for proc in procs:
            proc.send_signal(signal.SIGTERM)
        assert [proc.wait(60) for proc in procs] == [0, 0]
    finally:
        for proc in procs:
            if proc.poll() is None:
                proc.kill()
    rows = ledger_rows(db_url)
    assert sorted(r["uid"] for r in rows) == list(range(1, MAILS + 1))
    assert {r["state"] for r in rows} == {"done"}
    assert {r["attempts"] for r in rows} == {1}  # started once: nobody ran a message twice
    workers = {r["claimed_by"] for r in rows}
    assert len(workers) == 2, workers  # both took part
    counts = mail_counts(db_url)
    assert len(counts) == MAILS and set(counts.values()) == {1}
