"""What an IMAP failure means for the caller, and the account's connection settings; pure, no I/O
except reading the password where the account says it is.

Kept apart from imap.py so the classification can be tested on exception objects alone.
"""

from __future__ import annotations

import imaplib
import ipaddress
import os
import re
import socket
import ssl
from collections.abc import Mapping
from typing import Any

from imapclient.exceptions import CapabilityError, LoginError

from hayaoshi.ingest.mailbox import FailureKind, MailboxError

SECURITIES = ("ssl", "starttls", "none")
# RFC 5530 response codes. A login refused with UNAVAILABLE is the server's trouble, not the password's.
_AUTH_CODES = ("AUTHENTICATIONFAILED", "AUTHORIZATIONFAILED", "EXPIRED", "PRIVACYREQUIRED")
_TRANSIENT_CODES = ("UNAVAILABLE", "SERVERBUG", "INUSE", "LIMIT", "OVERQUOTA", "CONTACTADMIN")
_CODE = re.compile(r"\[([A-Z-]+)")
_BYTES_REPR = re.compile(r"""\bb['"](.*?)['"]""")


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost; a name is not resolved, so DNS cannot make it so."""
    host = host.strip().strip("[]").rstrip(".").lower()
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_security(account: Mapping[str, Any]) -> str:
    """The account's `security`; "none" is refused unless the host is loopback (the password would
    cross the network in clear)."""
    security = str(account.get("security") or "ssl").lower()
    name, host = account.get("name") or account.get("host"), str(account.get("host") or "")
    if security not in SECURITIES:
        raise MailboxError(FailureKind.CONFIGURATION,
                           f"account {name!r}: security must be ssl, starttls or none, not {security!r}")
    if not host:
        raise MailboxError(FailureKind.CONFIGURATION, f"account {name!r}: host is required")
    if security == "none" and not is_loopback(host):
        raise MailboxError(FailureKind.CONFIGURATION,
                           f"account {name!r}: security = none is only allowed on a loopback host, "
                           f"and {host!r} is not one; use ssl (port 993) or starttls (port 143)")
    return security


def tls_context(account: Mapping[str, Any]) -> ssl.SSLContext:
    """A verifying context (certificate chain and host name), trusting `ca_file` when set."""
    ca_file = str(account.get("ca_file") or "") or None
    try:
        return ssl.create_default_context(cafile=ca_file)
    except (OSError, ssl.SSLError) as err:
        reason = getattr(err, "strerror", None) or getattr(err, "reason", None) or type(err).__name__
        raise MailboxError(FailureKind.CONFIGURATION,
                           f"account {account.get('name')!r}: ca_file {ca_file} cannot be used: {reason}") from err


def read_password(account: Mapping[str, Any]) -> str:
    """The password from `password_env` or `password_file` (its first line). Errors name the variable
    or the file, never a value."""
    name = account.get("name")
    env, path = account.get("password_env") or "", account.get("password_file") or ""
    if env and path:
        raise MailboxError(FailureKind.CONFIGURATION,
                           f"account {name!r}: set password_env or password_file, not both")
    if env:
        value = os.environ.get(env)
        if not value:
            state = "is empty" if value == "" else "is not set"
            raise MailboxError(FailureKind.CONFIGURATION,
                               f"account {name!r}: the environment variable {env} (password_env) {state}")
        return value
    if path:
        try:
            with open(path, encoding="utf-8") as handle:
                value = handle.readline().rstrip("\r\n")
        except (OSError, UnicodeDecodeError) as err:
            why = getattr(err, "strerror", None) or "not UTF-8 text"
            raise MailboxError(FailureKind.CONFIGURATION,
                               f"account {name!r}: cannot read password_file {path}: {why}") from None
        if not value:
            raise MailboxError(FailureKind.CONFIGURATION,
                               f"account {name!r}: password_file {path} has an empty first line")
        return value
    raise MailboxError(FailureKind.CONFIGURATION,
                       f"account {name!r}: set password_env or password_file (never the password itself)")


def _codes(text: str) -> set[str]:
    return set(_CODE.findall(text.upper()))


def classify(err: BaseException, *, account: str, host: str, port: int) -> MailboxError | None:
    """The MailboxError an exception from the socket, TLS or imapclient means; None when it is not a
    mailbox failure (a bug: let it propagate). The text of `err` is the server's or the OS's, which
    never holds the password: imapclient sends LOGIN without echoing it."""
    where = f"account {account!r} ({host}:{port})"
    text = _BYTES_REPR.sub(r"\1", str(err))  # imaplib passes the server's bytes: "b'[CODE] text'"
    if isinstance(err, MailboxError):
        return err
    if isinstance(err, ssl.SSLError):
        # Set by the ssl module's C code; absent on an instance made in Python.
        reason = getattr(err, "verify_message", None) or getattr(err, "reason", None) or err.strerror or text
        if isinstance(err, ssl.SSLCertVerificationError):
            return MailboxError(FailureKind.CONFIGURATION,
                                f"{where}: the TLS certificate of {host} could not be verified ({reason}); "
                                "if the server uses a company CA, name its certificate in ca_file")
        if isinstance(err, ssl.SSLEOFError | ssl.SSLZeroReturnError | ssl.SSLSyscallError):
            return MailboxError(FailureKind.TRANSIENT, f"{where}: the TLS connection was cut ({reason})")
        return MailboxError(FailureKind.CONFIGURATION,
                            f"{where}: TLS failed ({reason}); check security and port "
                            "(ssl is usually port 993, starttls port 143)")
    if isinstance(err, socket.gaierror):
        if err.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            return MailboxError(FailureKind.CONFIGURATION, f"{where}: the host {host!r} is not known (DNS)")
        return MailboxError(FailureKind.TRANSIENT, f"{where}: name lookup failed ({err.strerror})")
    if isinstance(err, TimeoutError):
        return MailboxError(FailureKind.TRANSIENT, f"{where}: the server did not answer in time")
    if isinstance(err, ConnectionRefusedError):
        return MailboxError(FailureKind.TRANSIENT, f"{where}: connection refused (is the server up?)")
    if isinstance(err, OSError):
        return MailboxError(FailureKind.TRANSIENT, f"{where}: network error ({err.strerror or err})")
    if isinstance(err, imaplib.IMAP4.abort):  # imapclient's AbortError: the connection is unusable
        return MailboxError(FailureKind.TRANSIENT, f"{where}: the connection was lost ({text})")
    if isinstance(err, LoginError):
        codes = _codes(text)
        if codes & set(_TRANSIENT_CODES) or "socket error" in text or "EOF" in text:
            return MailboxError(FailureKind.TRANSIENT, f"{where}: the server cannot log in now ({text})")
        return MailboxError(FailureKind.AUTHENTICATION,
                            f"{where}: the server refused the login ({text}); check the username and the "
                            "password; not retried until the password changes")
    if isinstance(err, CapabilityError):
        return MailboxError(FailureKind.CONFIGURATION, f"{where}: the server lacks a needed capability ({text})")
    if isinstance(err, imaplib.IMAP4.error):
        codes = _codes(text)
        if codes & set(_AUTH_CODES):
            return MailboxError(FailureKind.AUTHENTICATION, f"{where}: {text}")
        if "NONEXISTENT" in codes or "TRYCREATE" in codes:
            return MailboxError(FailureKind.CONFIGURATION, f"{where}: {text}")
        return MailboxError(FailureKind.TRANSIENT, f"{where}: the server refused a command ({text})")
    return None
