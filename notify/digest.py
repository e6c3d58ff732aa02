"""The weekly digest as a mail: Jinja2 templates (HTML and text) and a MIME message.

The message is `multipart/alternative` of the text part and a `multipart/related` holding the
HTML and its charts as inline PNG images, which the HTML references by Content-ID (RFC 2392):

    multipart/alternative
    ├── text/plain; charset=utf-8
    └── multipart/related
        ├── text/html; charset=utf-8
        ├── image/png  Content-ID: <volume.…@domain>
        └── image/png  Content-ID: <skills.…@domain>

No header takes text from mail: the subject is made of the week's dates, the addresses come from
the configuration and are refused when they hold a control character, and every header value is
stripped of CR, LF and NUL all the same (a header injection needs only one of them).
The templates live in `config/templates/` (a team may edit them); the HTML one autoescapes.
"""

from __future__ import annotations

import base64
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid, parseaddr
from pathlib import Path
from typing import Any

from hayaoshi.errors import ConfigError, NotifyError
from hayaoshi.notify.digest_model import DigestData

TEMPLATES = Path(__file__).resolve().parent.parent / "config" / "templates"
HTML_TEMPLATE = "digest.html.j2"
TEXT_TEMPLATE = "digest.txt.j2"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_WEEKDAYS = "月火水木金土日"


# ------------------------------------------------------------------------------ headers


def header_text(value: str) -> str:
    """A header value with every control character (CR, LF, NUL, TAB...) made a space."""
    return " ".join(_CONTROL.sub(" ", value).split())


def address(value: str, setting: str = "address") -> Address:
    """One mail address from the configuration (`Name <a@b.jp>` or `a@b.jp`); a control
    character in it is refused, not cleaned: it is a typo or an injection attempt."""
    if _CONTROL.search(value):
        raise ConfigError(f"{setting}: a mail address may not contain control characters (CR, LF, NUL)")
    name, addr = parseaddr(value)
    if addr.count("@") != 1 or not all(addr.split("@")) or " " in addr:
        raise ConfigError(f"{setting}: {value!r} is not a mail address")
    username, domain = addr.split("@")
    try:
        return Address(display_name=header_text(name), username=username, domain=domain)
    except (ValueError, TypeError) as err:
        raise ConfigError(f"{setting}: {value!r} is not a mail address: {err}") from err


def subject(data: DigestData) -> str:
    """`【hayaoshi】週次レポート 2026/11/23–11/29` (the year again when the week spans two)."""
    first, last = data.first_day, data.last_day
    end = f"{last:%m/%d}" if last.year == first.year else f"{last:%Y/%m/%d}"
    return f"【hayaoshi】週次レポート {first:%Y/%m/%d}–{end}"


# ------------------------------------------------------------------------------ rendering


def man(yen: float | None) -> str:
    """Yen a month as 万: 650000 → 65万, 625000 → 62.5万; None → —."""
    if yen is None:
        return "—"
    return f"{yen / 10_000:.1f}".removesuffix(".0") + "万"


def number(value: float | None) -> str:
    """A count or a mean: 7 → 7, 1.25 → 1.25, 0.5 → 0.5."""
    if value is None:
        return "—"
    return f"{value:.2f}".rstrip("0").rstrip(".")


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def duration(seconds: float | None) -> str:
    """42秒, 15分, 3.5時間, 2.0日; None → —."""
    if seconds is None:
        return "—"
    if seconds < 120:
        return f"{seconds:.0f}秒"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f}分"
    if seconds < 48 * 3600:
        return f"{seconds / 3600:.1f}時間"
    return f"{seconds / 86400:.1f}日"


def day(value: date | None) -> str:
    """11/23(月)."""
    return "—" if value is None else f"{value.month}/{value.day}({_WEEKDAYS[value.weekday()]})"


def when(value: datetime | None) -> str:
    return "—" if value is None else f"{value.month}/{value.day} {value:%H:%M}"


def rank(value: Any) -> str:
    return "—" if value is None else str(value)


@functools.lru_cache(maxsize=4)
def environment(templates: Path = TEMPLATES) -> Any:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(templates)),
        autoescape=jinja2.select_autoescape(enabled_extensions=("html.j2",), default_for_string=False),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(man=man, number=number, percent=percent, duration=duration, day=day, when=when,
                       rank=rank)
    return env


def render(data: DigestData, image_src: Mapping[str, str], templates: Path = TEMPLATES) -> tuple[str, str]:
    """(text, html); `image_src` maps a chart's name to what the HTML's <img src> says."""
    import jinja2

    values = {"d": data, "subject": subject(data), "images": dict(image_src)}
    try:
        env = environment(templates)
        text = env.get_template(TEXT_TEMPLATE).render(values)
        html = env.get_template(HTML_TEMPLATE).render(values)
    except jinja2.TemplateError as err:
        raise ConfigError(f"digest template in {templates}: {err}") from err
    return text, html


def data_uri(png: bytes) -> str:
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def preview_html(data: DigestData, images: Mapping[str, bytes], templates: Path = TEMPLATES) -> str:
    """The HTML of the digest with its charts inlined as data: URIs, to open in a browser."""
    return render(data, {name: data_uri(png) for name, png in images.items()}, templates)[1]


# ------------------------------------------------------------------------------ the message


@dataclass(frozen=True, slots=True)
class Recipients:
    sender: Address
    to: tuple[Address, ...]

    @classmethod
    def parse(cls, sender: str, to: Sequence[str]) -> Recipients:
        if not sender:
            raise ConfigError("smtp.from is not set: the digest needs a sender address")
        if not to:
            raise ConfigError("digest.to is not set: the digest needs at least one recipient")
        return cls(address(sender, "smtp.from"), tuple(address(a, "digest.to") for a in to))


def build_message(data: DigestData, images: Mapping[str, bytes], recipients: Recipients, *,
                  sent_at: datetime | None = None, templates: Path = TEMPLATES) -> EmailMessage:
    """The digest as a multipart mail (text, HTML, inline charts) ready for `smtp.send`."""
    domain = recipients.sender.domain
    cids = {name: make_msgid(idstring=name, domain=domain) for name in images}
    text, html = render(data, {name: "cid:" + cid[1:-1] for name, cid in cids.items()}, templates)
    msg = EmailMessage(policy=policy.SMTP)
    msg["Subject"] = header_text(subject(data))
    msg["From"] = recipients.sender
    msg["To"] = recipients.to
    msg["Date"] = format_datetime(sent_at or datetime.now(tz=UTC))
    msg["Message-ID"] = make_msgid(idstring="digest", domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: no auto-replies to a report
    # base64 keeps every part 7-bit, whatever the server says of 8BITMIME.
    msg.set_content(text, subtype="plain", charset="utf-8", cte="base64")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="base64")
    html_part = msg.get_payload()[1]
    for name, png in images.items():
        html_part.add_related(png, maintype="image", subtype="png", cid=cids[name], disposition="inline",
                              filename=f"{name}.png")
    _check_headers(msg)
    return msg


def _check_headers(msg: EmailMessage) -> None:
    """The last guard: no header of any part may hold CR, LF or NUL once unfolded."""
    for part in msg.walk():
        for name, value in part.items():
            if _CONTROL.search(str(value).replace("\t", " ")):
                raise NotifyError(f"digest: header {name} holds a control character")
