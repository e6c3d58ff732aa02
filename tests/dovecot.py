"""A throwaway Dovecot on loopback for the live mailbox tests.

Register the fixtures once, in tests/conftest.py::

    pytest_plugins = ["hayaoshi.tests.dovecot"]

(the test modules that need them declare the same line, so they also run before conftest does).
Fixtures: `dovecot` (a plain-text server, one per session), `dovecot_tls` (STARTTLS and implicit TLS
with a self-signed certificate, one per session), `imap_user` (a fresh user whose password sits in
an environment variable) and `imap_account` (that user's account mapping, as config/settings.py
builds one). Without Dovecot the fixtures skip with SKIP_REASON.

Dovecot runs as a foreground subprocess (`dovecot -F -c <conf>`) from a generated configuration:
nothing under /etc/dovecot is read or changed, and only 127.0.0.1 is listened on. Mail is written and
inspected with `doveadm`, never through the code under test, so the tests have an independent oracle.
"""

from __future__ import annotations

import contextlib
import grp
import os
import pwd
import re
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

SKIP_REASON = "dovecot-imapd is not installed (make test installs it)"
HOST = "127.0.0.1"
_SBIN = ("/usr/sbin", "/usr/local/sbin", "/sbin")


def _which(name: str) -> str | None:
    return shutil.which(name) or shutil.which(name, path=os.pathsep.join(_SBIN))


def dovecot_version() -> tuple[int, int] | None:
    """(major, minor) of the installed Dovecot, None when it is not installed."""
    binary = _which("dovecot")
    if binary is None:
        return None
    out = subprocess.run([binary, "--version"], capture_output=True, text=True, check=False).stdout
    found = re.match(r"(\d+)\.(\d+)", out)
    return (int(found[1]), int(found[2])) if found else None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class MailUser:
    name: str
    password: str
    password_env: str  # the environment variable the `imap_user` fixture puts the password in


def render_config(version: tuple[int, int], values: dict[str, Any]) -> str:
    """The whole dovecot.conf: 2.3 and 2.4 differ in most setting names."""
    conf, tls = (_CONF_24, _TLS_24) if version >= (2, 4) else (_CONF_23, _TLS_23)
    return conf.format(**{**values, "tls": tls.format(**values) if values["tls"] else "ssl = no"})


_COMMON = """\
protocols = imap
listen = {host}
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
default_login_user = {login_user}
default_internal_user = {internal_user}
default_internal_group = {internal_group}
first_valid_uid = {uid}
first_valid_gid = {gid}
auth_failure_delay = 0
auth_mechanisms = plain login
# Keep-alive "* OK Still here" every second, and new mail noticed at once even without inotify.
imap_idle_notify_interval = 1 secs
mailbox_idle_check_interval = 1 secs
{tls}
{rootless}
service imap-login {{
  chroot =
  inet_listener imap {{
    port = {port}
  }}
  inet_listener imaps {{
    port = {ssl_port}
    ssl = yes
  }}
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Drafts {{
    special_use = \\Drafts
    auto = subscribe
  }}
  mailbox Sent {{
    special_use = \\Sent
    auto = subscribe
  }}
}}
"""
_CONF_23 = _COMMON + """\
disable_plaintext_auth = no
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {root}/passwd.d/%u
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%u
}}
mail_location = maildir:~/Maildir
"""
_TLS_23 = "ssl = yes\nssl_cert = <{root}/cert.pem\nssl_key = <{root}/key.pem\n"
# Dovecot 2.4 (Debian 13) renamed most settings; written from its documentation.
_CONF_24 = "dovecot_config_version = {version}\ndovecot_storage_version = {version}\n" + _COMMON + """\
auth_allow_cleartext = yes
passdb passwd-file {{
  passwd_file_path = {root}/passwd.d/%{{user}}
}}
userdb static {{
  fields {{
    uid = {uid}
    gid = {gid}
    home = {root}/home/%{{user}}
  }}
}}
mail_driver = maildir
mail_path = ~/Maildir
"""
_TLS_24 = "ssl = yes\nssl_server_cert_file = {root}/cert.pem\nssl_server_key_file = {root}/key.pem\n"


class Dovecot:
    """One Dovecot instance under a temporary directory; `close()` stops it and removes everything."""

    def __init__(self, *, tls: bool = False) -> None:
        binary, doveadm, version = _which("dovecot"), _which("doveadm"), dovecot_version()
        if binary is None or doveadm is None or version is None:
            raise RuntimeError(SKIP_REASON)
        self.binary, self._doveadm, self.version, self.tls = binary, doveadm, version, tls
        # Not pytest's tmp_path: that is mode 0700 under /tmp/pytest-of-root, and the mail user
        # (nobody, when the tests run as root) must be able to reach its home.
        self.root = Path(tempfile.mkdtemp(prefix="hayaoshi-dovecot-"))
        self.root.chmod(0o755)
        self.host, self.port = HOST, free_port()
        self.ssl_port = free_port() if tls else 0
        self.ca_file: Path | None = None
        self.conf = self.root / "dovecot.conf"
        self._proc: subprocess.Popen[bytes] | None = None
        self._lock = threading.RLock()  # restart() may run in a test's timer thread while close() waits
        try:
            self._write_config()
            self.start()
        except BaseException:
            self.close()
            raise

    # --- life cycle ---------------------------------------------------------------------------

    def _write_config(self) -> None:
        if os.geteuid() == 0:
            mail = pwd.getpwnam("nobody")
            uid, gid, login_user, internal_user = mail.pw_uid, mail.pw_gid, "dovenull", "dovecot"
            internal_group = grp.getgrgid(pwd.getpwnam("dovecot").pw_gid).gr_name
        else:  # a rootless Dovecot: every process runs as the tester
            me = pwd.getpwuid(os.getuid())
            uid, gid, login_user, internal_user = me.pw_uid, me.pw_gid, me.pw_name, me.pw_name
            internal_group = grp.getgrgid(me.pw_gid).gr_name
        for sub in ("run", "state"):
            (self.root / sub).mkdir()
        (self.root / "home").mkdir()
        os.chown(self.root / "home", uid, gid)
        # One passwd-file per user: Dovecot re-reads a changed passwd-file at most once a second,
        # so users added in quick succession to one file would be missed.
        (self.root / "passwd.d").mkdir()
        self._internal_uid = pwd.getpwnam(internal_user).pw_uid  # Dovecot's auth process reads them
        values = {
            "root": self.root, "host": self.host, "port": self.port, "ssl_port": self.ssl_port,
            "uid": uid, "gid": gid, "login_user": login_user, "internal_user": internal_user,
            "internal_group": internal_group,
            # Without root nothing can chroot: anvil's chroot goes too (imap-login's is off anyway).
            "rootless": "" if os.geteuid() == 0 else "service anvil {\n  chroot =\n}",
            "tls": self.tls, "version": ".".join(map(str, self.version)) + ".0",
        }
        if self.tls:
            self.ca_file = self._make_certificate()
        self.conf.write_text(render_config(self.version, values), "utf-8")

    def _make_certificate(self) -> Path:
        """A self-signed certificate for localhost and 127.0.0.1; it is also the tests' ca_file."""
        openssl = shutil.which("openssl")
        if openssl is None:
            raise RuntimeError("openssl is not installed (make test installs it)")
        subprocess.run(
            [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
             "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
             "-keyout", str(self.root / "key.pem"), "-out", str(self.root / "cert.pem")],
            check=True, capture_output=True,
        )
        (self.root / "key.pem").chmod(0o600)
        return self.root / "cert.pem"

    def start(self, timeout: float = 15.0) -> None:
        with self._lock:
            if self._proc is not None:
                return
            stderr = self.root / "stderr.log"  # errors before log_path is open (a bad setting)
            with open(stderr, "ab") as err:
                # A session of its own: its process group is exactly this Dovecot's processes.
                self._proc = subprocess.Popen([self.binary, "-F", "-c", str(self.conf)], start_new_session=True,
                                              stdin=subprocess.DEVNULL, stdout=err, stderr=err)
            deadline = time.monotonic() + timeout
            while time.monotonic() < deadline:
                if self._proc.poll() is not None:
                    self._proc = None
                    said = stderr.read_text("utf-8", errors="replace").strip()
                    raise RuntimeError(f"dovecot exited at start: {said}\n{self.log()}")
                if self._greets():
                    return
                time.sleep(0.05)
            self.stop()
            raise RuntimeError(f"dovecot did not greet on {self.host}:{self.port} in {timeout} s\n{self.log()}")

    def _greets(self) -> bool:
        """A whole IMAP session (greeting, LOGOUT): a bare connect-and-close leaves a login process
        that delays the master's shutdown by seconds."""
        try:
            with socket.create_connection((self.host, self.port), timeout=2) as sock:
                greeting = sock.recv(1024)
                sock.sendall(b"a LOGOUT\r\n")
                while sock.recv(1024):
                    pass
                return greeting.startswith(b"* OK")
        except OSError:
            return False

    def stop(self) -> None:
        """SIGTERM to this Dovecot's process group, as a system shutdown does.

        SIGTERM to the master alone is not enough: the master forwards it, and an imap process
        that gets it from its master only stops taking new clients, keeping its sessions open
        (seen with 2.3.19). Signalled from outside, each imap process says BYE and exits.
        """
        with self._lock:
            proc, self._proc = self._proc, None
            if proc is None:
                return
            with contextlib.suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGTERM)
            try:
                # The imap processes say BYE at once; the master may then wait seconds for its
                # helpers. Nothing of this throwaway instance is worth keeping: kill what is left.
                proc.wait(timeout=0.5)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
            deadline = time.monotonic() + 10
            while _living_members(proc.pid) and time.monotonic() < deadline:
                time.sleep(0.02)

    def restart(self) -> None:
        with self._lock:
            self.stop()
            self.start()

    def close(self) -> None:
        with self._lock:
            self.stop()
            shutil.rmtree(self.root, ignore_errors=True)

    def log(self) -> str:
        path = self.root / "dovecot.log"
        return path.read_text("utf-8", errors="replace") if path.exists() else ""

    # --- users and mail -----------------------------------------------------------------------

    def add_user(self, name: str | None = None, password: str | None = None) -> MailUser:
        """A new login (user names: letters, digits, "-", "_")."""
        name = name or f"user{secrets.token_hex(4)}"
        if not re.fullmatch(r"[A-Za-z0-9_-]+", name):
            raise ValueError(f"user name {name!r}: letters, digits, - and _ only")
        password = password or secrets.token_urlsafe(12)
        path = self.root / "passwd.d" / name
        path.write_text(f"{name}:{{PLAIN}}{password}::::::\n", "utf-8")
        path.chmod(0o600)
        os.chown(path, self._internal_uid, -1)
        env = "HAYAOSHI_TEST_PASSWORD_" + name.upper().replace("-", "_")
        return MailUser(name=name, password=password, password_env=env)

    def account(self, user: MailUser, **overrides: Any) -> dict[str, Any]:
        """An account mapping with every ACCOUNT_SETTINGS key, as load_config builds one."""
        account: dict[str, Any] = {
            "name": f"test-{user.name}", "host": self.host, "port": self.port, "security": "none",
            "username": user.name, "password_env": user.password_env, "password_file": "",
            "ca_file": "", "folders": ["INBOX"], "drafts_folder": "", "poll_seconds": 60, "idle": True,
            "address": f"{user.name}@hayaoshi.test",
        }
        account.update(overrides)
        return account

    def doveadm(self, *args: str, stdin: bytes | None = None) -> str:
        done = subprocess.run([self._doveadm, "-c", str(self.conf), *args], input=stdin,
                              capture_output=True, check=False)
        if done.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)}: {done.stderr.decode(errors='replace').strip()}")
        return done.stdout.decode("utf-8", errors="replace")

    def deliver(self, user: MailUser, raw: bytes, folder: str = "INBOX") -> None:
        """Store a mail as a delivery agent would (`doveadm save`): IDLE clients are told."""
        self.doveadm("save", "-u", user.name, "-m", folder, stdin=raw)

    def create_folder(self, user: MailUser, folder: str) -> None:
        self.doveadm("mailbox", "create", "-u", user.name, folder)

    def uidvalidity(self, user: MailUser, folder: str = "INBOX") -> int:
        out = self.doveadm("-f", "flow", "mailbox", "status", "-u", user.name, "uidvalidity", folder)
        return int(re.search(r"uidvalidity=(\d+)", out)[1])

    def bump_uidvalidity(self, user: MailUser, folder: str = "INBOX") -> int:
        """Give the folder a new UIDVALIDITY, as a server migration or a rebuilt index does."""
        new = self.uidvalidity(user, folder) + 1
        self.doveadm("mailbox", "update", "-u", user.name, "--uid-validity", str(new), folder)
        return new

    def flags(self, user: MailUser, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> flags, read by doveadm: the oracle for "no flag of the user's mail was changed"."""
        out = self.doveadm("-f", "flow", "fetch", "-u", user.name, "uid flags", "mailbox", folder)
        return {int(uid): set(flags.split()) for uid, flags in re.findall(r"uid=(\d+) flags=(.*)", out)}


def _living_members(pgid: int) -> list[int]:
    """Processes of the group that are not zombies: orphans are reaped by init whenever it gets to
    it, but a zombie holds no socket, so only the living ones keep the port."""
    alive = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        if int(fields[2]) == pgid and fields[0] != "Z":  # fields: state, ppid, pgrp, ...
            alive.append(int(stat.parent.name))
    return alive


def _server(tls: bool) -> Iterator[Dovecot]:
    if dovecot_version() is None:
        pytest.skip(SKIP_REASON)
    if tls and shutil.which("openssl") is None:
        pytest.skip("openssl is not installed (make test installs it)")
    server = Dovecot(tls=tls)
    try:
        yield server
    finally:
        server.close()


@pytest.fixture(scope="session")
def dovecot() -> Iterator[Dovecot]:
    """A plain-text Dovecot on 127.0.0.1 (the account's security is "none": loopback only)."""
    yield from _server(tls=False)


@pytest.fixture(scope="session")
def dovecot_tls() -> Iterator[Dovecot]:
    """Dovecot with a self-signed certificate: `.port` offers STARTTLS, `.ssl_port` implicit TLS,
    `.ca_file` is the certificate to trust."""
    yield from _server(tls=True)


@pytest.fixture
def imap_user(dovecot: Dovecot, monkeypatch: pytest.MonkeyPatch) -> MailUser:
    """A fresh user on the plain server; its password is in the environment variable it names."""
    user = dovecot.add_user()
    monkeypatch.setenv(user.password_env, user.password)
    return user


@pytest.fixture
def imap_account(dovecot: Dovecot, imap_user: MailUser) -> dict[str, Any]:
    return dovecot.account(imap_user)


@pytest.fixture
def imap_reader(dovecot: Dovecot, imap_user: MailUser) -> Iterator[Any]:
    """An IMAP client of its own, logged in as `imap_user`: what the mailbox looks like to any mail program."""
    from imapclient import IMAPClient

    client = IMAPClient(dovecot.host, dovecot.port, ssl=False)
    client.login(imap_user.name, imap_user.password)
    yield client
    client.logout()
