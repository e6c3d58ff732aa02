"""The digest through a real SMTP server (aiosmtpd) on loopback: received, parsed, checked.

Plain SMTP on 127.0.0.1 (`security = none`), STARTTLS and implicit TLS with a self-signed
certificate trusted through `smtp.ca_file`, a login whose password comes from the environment,
and the classified failures: an untrusted certificate, a refused login, a server that is down.
"""

from __future__ import annotations

import logging
import re
import shutil
import socket
import ssl
import subprocess
from email import message_from_bytes, policy
from pathlib import Path

import pytest

from hayaoshi.config.settings import load_config
from hayaoshi.errors import ConfigError
from hayaoshi.notify.digest_job import digest_message, send_digest
from hayaoshi.notify.smtp import Failure, SendError, SmtpSettings, send
from hayaoshi.tests.test_digest_seed import NOW, seed

aiosmtpd = pytest.importorskip("aiosmtpd", reason="aiosmtpd is a dev dependency: pip install -e '.[dev]'")
from aiosmtpd.controller import Controller  # noqa: E402
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

pytest_plugins = ["hayaoshi.tests.store_fixtures"]
pytestmark = pytest.mark.live

PASSWORD = "s3cret-パスワード"  # smtplib sends only ASCII credentials: this one goes by our AUTH PLAIN
ASCII_PASSWORD = "s3cret-password"


class Inbox:
    """The aiosmtpd handler: keeps what it was given."""

    def __init__(self) -> None:
        self.received: list[tuple[str, list[str], bytes, bool]] = []

    async def handle_DATA(self, server, session, envelope):
        # STARTTLS sets session.ssl; implicit TLS shows on the transport.
        tls = session.ssl is not None or server.transport.get_extra_info("ssl_object") is not None
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.original_content or
                              envelope.content, tls))
        return "250 OK"


def authenticator(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"hayaoshi" and \
        auth_data.password in (PASSWORD.encode(), ASCII_PASSWORD.encode())
    return AuthResult(success=ok, handled=False)  # not handled: the server answers 235 or 535


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def certificate(tmp_path_factory) -> tuple[Path, Path]:
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("openssl is not installed (make test installs it)")
    root = tmp_path_factory.mktemp("smtp-tls")
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", str(root / "key.pem"),
                    "-out", str(root / "cert.pem")], check=True, capture_output=True)
    return root / "cert.pem", root / "key.pem"


def server_context(certificate) -> ssl.SSLContext:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(*map(str, certificate))
    return context


@pytest.fixture
def smtp_server(request):
    """Start an aiosmtpd server on 127.0.0.1 with the given keyword arguments; stop it after."""
    started = []

    def start(**kwargs) -> tuple[Inbox, int]:
        inbox, port = Inbox(), free_port()
        controller = Controller(inbox, hostname="127.0.0.1", port=port, **kwargs)
        controller.start()
        started.append(controller)
        return inbox, port

    yield start
    for controller in started:
        controller.stop()


def config(tmp_path, port: int, **smtp) -> object:
    values = {"host": "127.0.0.1", "from": "hayaoshi <hayaoshi@ourses.co.jp>", **smtp}
    lines = ["[digest]", 'to = ["部長 <boss@ourses.co.jp>", "team@ourses.co.jp"]', "[smtp]", f"port = {port}"]
    lines += [f'{key} = "{value}"' for key, value in values.items()]
    path = tmp_path / "hayaoshi.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return load_config(path, {})


def test_the_digest_arrives_whole_through_a_real_smtp_server(store, smtp_server, tmp_path):
    """GIVEN the seeded store and an SMTP server on loopback WHEN the digest is sent THEN the server
    received one mail for both recipients, with a text and an HTML part, both charts as image/png
    referenced by Content-ID, and the week's figures in the text (default A–D rule)."""
    seed(store)
    inbox, port = smtp_server()
    refused = send_digest(store, config(tmp_path, port, security="none"), NOW)
    assert refused == []
    [(mail_from, rcpt, raw, tls)] = inbox.received
    assert mail_from == "hayaoshi@ourses.co.jp" and rcpt == ["boss@ourses.co.jp", "team@ourses.co.jp"]
    assert not tls
    mail = message_from_bytes(raw, policy=policy.default)
    assert mail["Subject"] == "【hayaoshi】週次レポート 2026/11/23–11/29"
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    images = [p for p in mail.walk() if p.get_content_type() == "image/png"]
    assert len(images) == 2
    for image in images:
        assert image.get_content().startswith(b"\x89PNG\r\n\x1a\n")
        assert f'cid:{image["Content-ID"].strip("<>")}' in html
    for line in [
        "案件 4件（前4週の週平均 2.5件）",
        "人材 2件（前4週の週平均 0.5件）",
        "メール 7通（うち案件・人材以外 1通）",
        "  11/23(月)     2（0.75）     0（0）",
        "直近28日: A 0社 / B 1社 / C 2社 / D 2社",  # delta 4 posts: C; gamma 2, none useful: D
        " 1. アルファ株式会社（顧客）現在B 過去D ↑ 今週ペースB  案件6 人材0 ○以上2 今週2",
        " 1. Java  案件2 / 供給2（自社1・BP1） 単価中央値 案件70万・要員62.5万 リモート可 100%（2件中2）",
        "リモート: フル1 / 併用1 / 出社1 / 記載なし0（記載のある案件のうちリモート可 67%）",
        "60日以内に現案件が終わる（予定）: 1名",
        "  - E001 T.K  12/15(火)から  Java, Spring, SQL  65万",
        "待機中（案件なし）: 1名",
        "到着→取込: p50 40秒 / p95 10分（7通）",
    ]:
        assert line in text.splitlines(), line
    assert re.search(r"案件</td><td[^>]*>4件</td><td[^>]*>2.5件</td>", html) and "アルファ株式会社" in html
    if "下書き 6件" in text:  # the drafts ledger is there
        assert "到着→下書き: p50 60秒 / p95 5分（4件）" in text.splitlines()
        assert "到着→送信: p50 30分 / p95 60分（2件）" in text.splitlines()
        assert "下書き 6件: 送信 2（うち編集して送信 1） / 破棄 1 / 未処理 2 / 失敗 1" in text


@pytest.mark.parametrize("password", [ASCII_PASSWORD, PASSWORD], ids=["ascii", "utf8"])
def test_starttls_with_the_company_ca_and_a_login(store, smtp_server, tmp_path, certificate, monkeypatch, caplog,
                                                  password):
    seed(store)
    inbox, port = smtp_server(tls_context=server_context(certificate), require_starttls=True,
                              authenticator=authenticator, auth_require_tls=True)
    monkeypatch.setenv("HAYAOSHI_TEST_SMTP_PASSWORD", password)
    cfg = config(tmp_path, port, security="starttls", host="localhost", username="hayaoshi",
                 password_env="HAYAOSHI_TEST_SMTP_PASSWORD", ca_file=certificate[0])
    with caplog.at_level(logging.DEBUG):
        assert send_digest(store, cfg, NOW) == []
    [(_, _, raw, tls)] = inbox.received
    assert tls and b"multipart/alternative" in raw
    assert password not in caplog.text


def test_implicit_tls(store, smtp_server, tmp_path, certificate):
    seed(store)
    inbox, port = smtp_server(ssl_context=server_context(certificate))
    assert send_digest(store, config(tmp_path, port, security="ssl", ca_file=certificate[0]), NOW) == []
    assert len(inbox.received) == 1 and inbox.received[0][3]


def test_an_untrusted_certificate_is_a_configuration_failure(store, smtp_server, tmp_path, certificate):
    seed(store)
    inbox, port = smtp_server(tls_context=server_context(certificate), require_starttls=True)
    with pytest.raises(SendError) as err:
        send_digest(store, config(tmp_path, port, security="starttls"), NOW, sleep=pytest.fail)
    assert err.value.kind is Failure.CONFIG and "smtp.ca_file" in str(err.value)
    assert inbox.received == []


def test_a_refused_login_is_an_auth_failure_without_the_password(store, smtp_server, tmp_path, certificate,
                                                                 caplog):
    seed(store)
    _, port = smtp_server(tls_context=server_context(certificate), require_starttls=True,
                          authenticator=authenticator, auth_require_tls=True)
    cfg = config(tmp_path, port, security="starttls", username="hayaoshi", password_env="PW", ca_file=certificate[0])
    message = digest_message(store, cfg, NOW)
    with caplog.at_level(logging.DEBUG), pytest.raises(SendError) as err:
        send(message, SmtpSettings.from_config(cfg), {"PW": "wrong-パスワード"})
    assert err.value.kind is Failure.AUTH
    assert "wrong" not in str(err.value) and "wrong" not in caplog.text
    with pytest.raises(SendError, match="PW") as err:
        send(message, SmtpSettings.from_config(cfg), {})
    assert err.value.kind is Failure.CONFIG


def test_a_server_that_is_down_is_retried_then_reported(store, tmp_path):
    """GIVEN no server on the port WHEN the digest is sent THEN it is tried three times, waiting
    between (an injected sleep), and the transient failure is raised."""
    seed(store)
    waits: list[float] = []
    with pytest.raises(SendError) as err:
        send_digest(store, config(tmp_path, free_port(), security="none"), NOW, sleep=waits.append)
    assert err.value.kind is Failure.TRANSIENT and len(waits) == 2
    assert 48 <= waits[0] <= 72 and 240 <= waits[1] <= 360


@pytest.mark.parametrize(("host", "ok"), [("127.0.0.1", True), ("localhost", True), ("::1", True),
                                          ("127.0.0.53", True), ("mail.example.co.jp", False),
                                          ("10.0.0.1", False)])
def test_no_encryption_only_on_loopback(host, ok):
    if ok:
        assert SmtpSettings(host=host, port=25, security="none").security == "none"
    else:
        with pytest.raises(ConfigError, match="loopback"):
            SmtpSettings(host=host, port=25, security="none")


def test_hayaoshi_digest_send(store, db_url, smtp_server, tmp_path, capsys):
    """`hayaoshi digest --send --now …` mails the digest of the week before to digest.to."""
    import argparse

    from hayaoshi.digest_cli import add_digest_parser

    seed(store)
    inbox, port = smtp_server()
    path = tmp_path / "hayaoshi.toml"
    path.write_text(f'[database]\nurl = "{db_url}"\n[company]\ndomains = ["ourses.co.jp"]\n'
                    f'[digest]\nto = ["boss@ourses.co.jp"]\n[smtp]\nhost = "127.0.0.1"\nport = {port}\n'
                    'security = "none"\nfrom = "hayaoshi@ourses.co.jp"\n', "utf-8")
    parser = argparse.ArgumentParser()
    add_digest_parser(parser.add_subparsers(dest="command"))
    ns = parser.parse_args(["digest", "--send", "--config", str(path), "--now", "2026-11-30T08:00"])
    assert ns.func(ns) == 0
    assert "digest sent to 1 recipient(s)" in capsys.readouterr().out
    [(_, rcpt, raw, _)] = inbox.received
    assert rcpt == ["boss@ourses.co.jp"]
    text = message_from_bytes(raw, policy=policy.default).get_body(("plain",)).get_content()
    assert "案件 4件（前4週の週平均 2.5件）" in text.splitlines()
