"""The daemon's pure parts: settings of accounts, failure reasons, progress, the status table."""

from __future__ import annotations

import io
import logging
from datetime import UTC, datetime

import pytest
from sqlalchemy.exc import IntegrityError

from hayaoshi.config.settings import SETTINGS, load_config
from hayaoshi.daemon.process import reason_of
from hayaoshi.daemon.progress import Progress
from hayaoshi.daemon.runner import check_accounts
from hayaoshi.daemon.status import FolderStatus, Quarantined, Status, format_status
from hayaoshi.errors import ConfigError, StoreError

pytestmark = pytest.mark.unit


def config_from(tmp_path, toml: str):
    path = tmp_path / "hayaoshi.toml"
    path.write_text(toml, "utf-8")
    return load_config(path, {})


def test_a_maildir_account_needs_a_path_not_a_host(tmp_path):
    config = config_from(tmp_path, '[[accounts]]\nname = "demo"\ntype = "maildir"\npath = "var/md"\n')
    assert config.accounts[0]["type"] == "maildir" and config.accounts[0]["folders"] == ["INBOX"]
    with pytest.raises(ConfigError, match=r"path is required \(type = maildir\)"):
        config_from(tmp_path, '[[accounts]]\nname = "demo"\ntype = "maildir"\n')
    with pytest.raises(ConfigError, match="type must be imap or maildir, not 'pop3'"):
        config_from(tmp_path, '[[accounts]]\nname = "x"\ntype = "pop3"\n')
    with pytest.raises(ConfigError, match=r"host is required \(type = imap\)"):
        config_from(tmp_path, '[[accounts]]\nname = "x"\nusername = "u"\n')


def test_daemon_settings_come_from_the_file_and_the_environment(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text("[limits]\nparse_seconds = 3\n[daemon]\nmax_attempts = 5\n", "utf-8")
    config = load_config(path, {"HAYAOSHI_DAEMON_MAX_ATTEMPTS": "7", "HAYAOSHI_LIMITS_MAX_BYTES": "1000"})
    assert (config["limits.parse_seconds"], config["daemon.max_attempts"], config["limits.max_bytes"]) == (3.0, 7, 1000)
    with pytest.raises(ConfigError, match=r"unknown setting 'daemon\.workers'"):
        config_from(tmp_path, "[daemon]\nworkers = 3\n")
    names = {s.name for s in SETTINGS}
    assert {"limits.parse_seconds", "daemon.max_attempts", "retention.hour", "roster.watch_seconds"} <= names


def test_the_daemon_refuses_accounts_it_cannot_tell_apart(tmp_path):
    two = '[[accounts]]\nname = "a"\ntype = "maildir"\npath = "x"\n' * 2
    with pytest.raises(ConfigError, match=r"account names must differ.*: a"):
        check_accounts(config_from(tmp_path, two))
    with pytest.raises(ConfigError, match=r"no \[\[accounts\]\]"):
        check_accounts(config_from(tmp_path, ""))
    twice = '[[accounts]]\nname = "a"\ntype = "maildir"\npath = "x"\nfolders = ["INBOX", "INBOX"]\n'
    with pytest.raises(ConfigError, match="a folder is listed twice"):
        check_accounts(config_from(tmp_path, twice))


def test_a_failure_reason_never_carries_the_sql_or_its_parameters():
    err = StoreError("recording a mail: (sqlite3.IntegrityError) UNIQUE constraint failed: mail.key\n"
                     "[SQL: INSERT INTO mail (body) VALUES (?)]\n[parameters: ('山田 太郎 32歳',)]")
    assert reason_of(err) == "StoreError: recording a mail: (sqlite3.IntegrityError) UNIQUE constraint failed: mail.key"
    wrapped = IntegrityError("INSERT INTO mail", {"body": "山田"}, Exception("UNIQUE"))
    assert "山田" not in reason_of(wrapped)
    assert reason_of(ValueError()) == "ValueError: "


class FakeClock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_a_backlog_logs_its_progress_every_few_seconds_off_a_terminal(caplog):
    clock = FakeClock()
    caplog.set_level(logging.INFO, logger="hayaoshi.daemon.progress")
    progress = Progress("a/INBOX", 1000, every=10, clock=clock, stream=io.StringIO())
    for _ in range(1000):
        clock.now += 0.125  # 8 mails/s
        progress.step()
    progress.close()
    lines = [r.getMessage() for r in caplog.records]
    assert lines[0] == "backlog of 1000 messages: processing"
    assert lines[1] == "progress 80/1000 (8%), 8 mails/s, about 1m55s left"
    assert len(lines) == 1 + 12 + 1
    assert lines[-1] == "backlog: 1000 of 1000 messages in 125.0 s"


def test_a_backlog_draws_a_bar_on_a_terminal_and_a_small_poll_says_nothing():
    clock, tty = FakeClock(), Tty()
    progress = Progress("a/INBOX", 200, clock=clock, stream=tty)
    for _ in range(200):
        clock.now += 0.01
        progress.step()
    progress.close()
    assert tty.getvalue().endswith("\ra/INBOX [" + "#" * 30 + "] 200/200 100/s 0m00s \n")
    quiet = Tty()
    small = Progress("a/INBOX", 3, clock=clock, stream=quiet)
    small.step(3)
    small.close()
    assert quiet.getvalue() == ""


def test_the_status_table():
    polled = datetime(2026, 11, 29, 8, 0, tzinfo=UTC)
    status = Status(
        folders=[FolderStatus("team", "INBOX", processed=120, quarantined=1, last_poll=polled),
                 FolderStatus("team", "案件", error="no folder '案件'; the server has: INBOX", error_at=polled)],
        quarantine=[Quarantined("team", "INBOX", 7, "<x@y>", "size: 30000000 bytes > 26214400")])
    shown = format_status(status)
    assert shown.splitlines()[0].split() == ["account", "folder", "processed", "quarantined", "waiting", "last",
                                             "poll"]
    assert "team     案件    0          0            0        never" in shown  # 案件 is 4 columns wide
    assert "team/案件: failing since" in shown and "the server has: INBOX" in shown
    assert shown.endswith("quarantine (1):\n  team/INBOX uid 7 <x@y>: size: 30000000 bytes > 26214400\n")
    assert status.to_json() == {
        "accounts": [{"name": "team", "folders": [
            {"name": "INBOX", "processed": 120, "quarantined": 1, "last_poll": "2026-11-29T08:00:00+00:00"},
            {"name": "案件", "processed": 0, "quarantined": 0, "last_poll": None}]}],
        "quarantine": [{"account": "team", "folder": "INBOX", "uid": 7, "message_id": "<x@y>",
                        "reason": "size: 30000000 bytes > 26214400"}]}


class _Writer:
    def __init__(self, error: Exception) -> None:
        self.error = error

    def write(self, processed, account):
        raise self.error


@pytest.mark.parametrize(("error", "propagates"), [(StoreError("database is locked"), True),
                                                   (ValueError("a template bug"), False)])
def test_a_database_failure_in_drafting_fails_the_attempt_and_a_bug_is_logged(error, propagates, caplog):
    """The database failing while a draft is recorded fails the mail's attempt (retried: storing and
    drafting are idempotent); any other error is logged and the mail is done, its postings stored."""
    from hayaoshi.daemon.drafting import FolderDrafts

    drafts = FolderDrafts({"name": "a"}, store=None, config=None, upkeep=False)
    drafts.writer = _Writer(error)  # type: ignore[assignment]
    log = logging.LoggerAdapter(logging.getLogger("test"), {})
    if propagates:
        with pytest.raises(StoreError):
            drafts.write(object(), log, 7)
    else:
        with caplog.at_level(logging.ERROR):
            assert drafts.write(object(), log, 7) == 0
        assert "uid 7: the reply draft could not be made" in caplog.text
