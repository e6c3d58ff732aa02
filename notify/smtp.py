"""Sending a mail through the company's SMTP server (`[smtp]` settings), with smtplib.

- `ssl`: implicit TLS (port 465); `starttls`: plain then STARTTLS (port 587), refused if the
  server does not offer it. Both verify the server's certificate and host name, against the
  system's CAs or `smtp.ca_file`.
- `none`: no encryption, only to a loopback host (a local relay such as Postfix on 127.0.0.1).
- The password is read from the environment variable `smtp.password_env` when sending, and is
  never logged nor put in an error message.

Failures are classified (`SendError.kind`) so that the caller can retry the transient ones and
report the others: the server unreachable or busy (4xx) is transient; a refused login, an
untrusted certificate or a server without STARTTLS is not.
"""

from __future__ import annotations

import base64
import enum
import ipaddress
import logging
import os
import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Any

from hayaoshi.errors import ConfigError, NotifyError

logger = logging.getLogger(__name__)

SECURITIES = ("ssl", "starttls", "none")
TIMEOUT = 30.0


class Failure(enum.StrEnum):
    TRANSIENT = "transient"  # unreachable, timed out, 4xx: try again later
    AUTH = "auth"  # the login was refused: report, do not retry
    CONFIG = "config"  # wrong settings: certificate, no STARTTLS, no password
    REFUSED = "refused"  # 5xx on the sender or every recipient


class SendError(NotifyError):
    def __init__(self, message: str, kind: Failure) -> None:
        super().__init__(message)
        self.kind = kind

    @property
    def transient(self) -> bool:
        return self.kind is Failure.TRANSIENT


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or `localhost`: names other than localhost are not resolved (a DNS answer
    must not turn encryption off)."""
    if host.lower().rstrip(".") == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True, slots=True)
class SmtpSettings:
    host: str
    port: int = 587
    security: str = "starttls"
    username: str = ""
    password_env: str = ""
    sender: str = ""  # `smtp.from`
    ca_file: str = ""
    timeout: float = TIMEOUT

    def __post_init__(self) -> None:
        if not self.host:
            raise ConfigError("smtp.host is not set")
        if self.security not in SECURITIES:
            raise ConfigError(f"smtp.security must be one of {', '.join(SECURITIES)}, not {self.security!r}")
        if self.security == "none" and not is_loopback(self.host):
            raise ConfigError(f"smtp.security = none is only for a loopback host, not {self.host!r}: "
                              "use ssl or starttls")
        if not 0 < self.port < 65536:
            raise ConfigError(f"smtp.port {self.port} is not a port")
        if self.username and not self.password_env:
            raise ConfigError("smtp.username is set but smtp.password_env is not: name the environment "
                              "variable holding the password")
        if self.ca_file and not os.path.isfile(self.ca_file):
            raise ConfigError(f"smtp.ca_file {self.ca_file!r} does not exist")

    @classmethod
    def from_config(cls, config: Any) -> SmtpSettings:
        return cls(host=config["smtp.host"], port=config["smtp.port"], security=config["smtp.security"],
                   username=config["smtp.username"], password_env=config["smtp.password_env"],
                   sender=config["smtp.from"], ca_file=config["smtp.ca_file"])

    def password(self, env: Mapping[str, str]) -> str:
        value = env.get(self.password_env)
        if not value:
            raise SendError(f"the environment variable {self.password_env} (smtp.password_env) is not set",
                            Failure.CONFIG)
        return value


def tls_context(settings: SmtpSettings) -> ssl.SSLContext:
    """Certificate and host name verified, TLS 1.2 at least."""
    context = ssl.create_default_context(cafile=settings.ca_file or None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


def _connect(settings: SmtpSettings) -> smtplib.SMTP:
    if settings.security == "ssl":
        return smtplib.SMTP_SSL(settings.host, settings.port, timeout=settings.timeout,
                                context=tls_context(settings))
    client = smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout)
    try:
        if settings.security == "starttls":
            client.ehlo()
            if not client.has_extn("starttls"):
                raise SendError(f"{settings.host}:{settings.port} does not offer STARTTLS "
                                "(smtp.security = starttls)", Failure.CONFIG)
            client.starttls(context=tls_context(settings))
            client.ehlo()
    except BaseException:
        client.close()
        raise
    return client


def send(message: EmailMessage, settings: SmtpSettings, env: Mapping[str, str] | None = None) -> list[str]:
    """Send `message` to its To/Cc/Bcc; returns the recipients the server refused (the others
    received it). Raises `SendError` when no recipient did."""
    env = os.environ if env is None else env
    where = f"{settings.host}:{settings.port}"
    password = settings.password(env) if settings.username else None
    try:
        with _connect(settings) as client:
            if settings.username:
                _login(client, settings.username, password or "")
            refused = client.send_message(message)
    except SendError:
        raise
    except smtplib.SMTPAuthenticationError as err:
        raise SendError(f"{where}: the login of {settings.username} was refused ({err.smtp_code})",
                        Failure.AUTH) from None  # the server's answer may echo what we sent
    except smtplib.SMTPNotSupportedError as err:
        raise SendError(f"{where}: {err}", Failure.CONFIG) from err
    except ssl.SSLCertVerificationError as err:
        raise SendError(f"{where}: the server's certificate is not trusted ({err.verify_message}); "
                        "set smtp.ca_file to the company CA", Failure.CONFIG) from err
    except smtplib.SMTPRecipientsRefused as err:
        codes = sorted({code for code, _ in err.recipients.values()})
        raise SendError(f"{where}: every recipient was refused ({codes})", _by_code(codes[0])) from err
    except (smtplib.SMTPSenderRefused, smtplib.SMTPDataError) as err:
        raise SendError(f"{where}: the server refused the mail ({err.smtp_code})", _by_code(err.smtp_code)) from err
    except smtplib.SMTPResponseException as err:
        raise SendError(f"{where}: the server answered {err.smtp_code}", _by_code(err.smtp_code)) from err
    except (smtplib.SMTPException, ssl.SSLError, OSError) as err:
        raise SendError(f"{where}: {type(err).__name__}: {err}", Failure.TRANSIENT) from err
    if refused:
        logger.warning("%s refused %d of the recipients", where, len(refused))
    logger.info("mail sent through %s", where)
    return sorted(refused)


def _login(client: smtplib.SMTP, username: str, password: str) -> None:
    """smtplib's login, or AUTH PLAIN in UTF-8 (RFC 4616) for the credentials smtplib cannot send:
    it encodes them as ASCII."""
    try:
        client.login(username, password)
        return
    except UnicodeEncodeError:
        pass
    mechanisms = client.esmtp_features.get("auth", "").upper().split()
    if "PLAIN" not in mechanisms:
        raise SendError("a user name or password that is not ASCII needs AUTH PLAIN, which the server does "
                        "not offer", Failure.CONFIG)
    token = base64.b64encode(b"\0" + username.encode() + b"\0" + password.encode()).decode("ascii")
    code, answer = client.docmd("AUTH", "PLAIN " + token)
    if code != 235:
        raise smtplib.SMTPAuthenticationError(code, answer)


def _by_code(code: int) -> Failure:
    return Failure.TRANSIENT if 400 <= code < 500 else Failure.REFUSED
