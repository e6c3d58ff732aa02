"""`hayaoshi digest --preview`, the `[digest]` / `[smtp]` settings, and the daemon's weekly job."""

from __future__ import annotations

import argparse
import re
from datetime import datetime

import pytest

from hayaoshi.config.settings import SETTINGS, load_config
from hayaoshi.digest_cli import add_digest_parser
from hayaoshi.errors import ConfigError
from hayaoshi.notify.digest_job import JOB_ID, DigestSettings, add_digest_job
from hayaoshi.notify.smtp import SmtpSettings
from hayaoshi.store.tables import JST
from hayaoshi.tests.test_digest_seed import seed

pytest_plugins = ["hayaoshi.tests.store_fixtures"]


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser()
    add_digest_parser(parser.add_subparsers(dest="command", required=True))
    ns = parser.parse_args(["digest", *argv])
    return ns.func(ns)


def write_config(tmp_path, db_url: str, extra: str = "") -> str:
    path = tmp_path / "hayaoshi.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n[company]\ndomains = ["ourses.co.jp"]\n{extra}', "utf-8")
    return str(path)


def test_preview_writes_the_html_with_inlined_charts_and_the_text(store, db_url, tmp_path, capsys):
    """GIVEN the seeded store WHEN `hayaoshi digest --preview out/digest.html --now 2026-11-30T08:00`
    THEN the HTML holds both charts as data: URIs and the week's figures, and digest.txt the text."""
    seed(store)
    out = tmp_path / "out" / "digest.html"
    assert run("--preview", str(out), "--config", write_config(tmp_path, db_url), "--now", "2026-11-30T08:00") == 0
    html = out.read_text("utf-8")
    assert len(re.findall(r'<img src="data:image/png;base64,', html)) == 2 and "cid:" not in html
    assert "【hayaoshi】週次レポート 2026/11/23–11/29" in html
    text = out.with_suffix(".txt").read_text("utf-8")
    assert "案件 4件（前4週の週平均 2.5件）" in text.splitlines()
    assert "wrote" in capsys.readouterr().out


def test_send_without_recipients_fails_clearly(tmp_path, capsys):
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}", '[smtp]\nhost = "127.0.0.1"\n'
                          'security = "none"\nfrom = "a@ourses.co.jp"\n')
    assert run("--send", "--config", config) == 2
    assert "digest.to" in capsys.readouterr().err


def test_a_bad_now_is_reported(tmp_path, capsys):
    config = write_config(tmp_path, f"sqlite:///{tmp_path / 'db.sqlite'}")
    assert run("--preview", str(tmp_path / "x.html"), "--config", config, "--now", "next monday") == 2
    assert "--now" in capsys.readouterr().err


def test_preview_or_send_is_required():
    with pytest.raises(SystemExit):
        run("--config", "x.toml")


# ------------------------------------------------------------------------------ settings


def test_the_digest_and_smtp_settings_and_their_defaults(tmp_path):
    names = {s.name for s in SETTINGS}
    assert {"digest.to", "digest.cron", "digest.timezone", "smtp.host", "smtp.port", "smtp.security",
            "smtp.username", "smtp.password_env", "smtp.from", "smtp.ca_file"} <= names
    config = load_config(None, {"HAYAOSHI_DIGEST_TO": "a@ourses.co.jp, b@ourses.co.jp",
                                "HAYAOSHI_SMTP_HOST": "smtp.ourses.co.jp"})
    digest = DigestSettings.from_config(config)
    assert digest == DigestSettings(to=("a@ourses.co.jp", "b@ourses.co.jp"), cron="0 8 * * mon",
                                    timezone="Asia/Tokyo")
    smtp = SmtpSettings.from_config(config)
    assert (smtp.host, smtp.port, smtp.security) == ("smtp.ourses.co.jp", 587, "starttls")


def test_a_password_in_the_smtp_table_is_refused(tmp_path):
    path = tmp_path / "hayaoshi.toml"
    path.write_text('[smtp]\nhost = "h"\npassword = "secret"\n', "utf-8")
    with pytest.raises(ConfigError) as err:
        load_config(path, {})
    assert "secret" not in str(err.value) and "smtp.password_env" in str(err.value)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"cron": "0 8 * * 1"}, "mon..sun"),
    ({"cron": "0 8 * * mon,3"}, "mon..sun"),
    ({"cron": "0 8 * *"}, "five fields"),
    ({"cron": "0 25 * * mon"}, "digest.cron"),
    ({"timezone": "Mars/Olympus"}, "digest.timezone"),
], ids=["numeric-weekday", "numeric-in-a-list", "four-fields", "bad-hour", "bad-zone"])
def test_wrong_digest_settings_fail_at_start_up(kwargs, match):
    with pytest.raises(ConfigError, match=match):
        DigestSettings(to=(), **kwargs)


@pytest.mark.parametrize(("kwargs", "match"), [
    ({"host": ""}, "smtp.host"),
    ({"host": "smtp.example.co.jp", "security": "tls"}, "smtp.security"),
    ({"host": "smtp.example.co.jp", "username": "u"}, "smtp.password_env"),
    ({"host": "smtp.example.co.jp", "ca_file": "/nonexistent/ca.pem"}, "smtp.ca_file"),
    ({"host": "smtp.example.co.jp", "port": 0}, "port"),
], ids=["no-host", "bad-security", "login-without-password", "missing-ca", "bad-port"])
def test_wrong_smtp_settings_are_refused(kwargs, match):
    with pytest.raises(ConfigError, match=match):
        SmtpSettings(**kwargs)


# ------------------------------------------------------------------------------ the daemon's job


def test_the_default_schedule_is_monday_8_in_tokyo():
    trigger = DigestSettings(to=("a@b.jp",)).trigger()
    fire = trigger.get_next_fire_time(None, datetime(2026, 11, 25, 12, 0, tzinfo=JST))
    assert fire == datetime(2026, 11, 30, 8, 0, tzinfo=JST) and fire.weekday() == 0


def test_add_digest_job_adds_the_weekly_cron(tmp_path):
    from apscheduler.schedulers.background import BackgroundScheduler

    config = load_config(None, {"HAYAOSHI_DIGEST_TO": "boss@ourses.co.jp", "HAYAOSHI_SMTP_HOST": "127.0.0.1",
                                "HAYAOSHI_SMTP_SECURITY": "none", "HAYAOSHI_SMTP_FROM": "h@ourses.co.jp"})
    scheduler = BackgroundScheduler(timezone="Asia/Tokyo")
    job = add_digest_job(scheduler, config, store=object())
    assert job.id == JOB_ID and str(job.trigger).startswith("cron[")
    assert [j.id for j in scheduler.get_jobs()] == [JOB_ID]


def test_no_recipients_no_job_and_wrong_smtp_stops_the_start():
    from apscheduler.schedulers.background import BackgroundScheduler

    scheduler = BackgroundScheduler()
    assert add_digest_job(scheduler, load_config(None, {}), store=object()) is None
    assert scheduler.get_jobs() == []
    wrong = load_config(None, {"HAYAOSHI_DIGEST_TO": "boss@ourses.co.jp", "HAYAOSHI_SMTP_HOST": "smtp.example.jp",
                               "HAYAOSHI_SMTP_SECURITY": "none"})
    with pytest.raises(ConfigError, match="loopback"):
        add_digest_job(scheduler, wrong, store=object())


def test_the_scheduled_run_uses_the_daemons_clock_and_never_raises(monkeypatch, caplog):
    from apscheduler.schedulers.background import BackgroundScheduler

    from hayaoshi.notify import digest_job

    config = load_config(None, {"HAYAOSHI_DIGEST_TO": "boss@ourses.co.jp", "HAYAOSHI_SMTP_HOST": "127.0.0.1",
                                "HAYAOSHI_SMTP_SECURITY": "none", "HAYAOSHI_SMTP_FROM": "h@ourses.co.jp"})
    now = datetime(2026, 11, 30, 8, 0, tzinfo=JST)
    calls = []

    def fake_send(store, cfg, when):
        calls.append(when)
        raise ConfigError("boom")

    monkeypatch.setattr(digest_job, "send_digest", fake_send)
    job = add_digest_job(BackgroundScheduler(), config, store=object(), clock=lambda: now)
    job.func(*job.args)
    assert calls == [now] and "the weekly digest failed" in caplog.text
