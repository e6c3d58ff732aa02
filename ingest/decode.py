"""Raw RFC 5322 bytes to a DecodedMail: the headers the pipeline reads, one text body to read,
the attachments, and every decoding problem as a defect ("code: detail", docs/fields.md).

The stdlib parser runs with the compat32 policy (the modern policy is several times slower and
quadratic on huge headers); headers and parameters are decoded here, with Japanese charset
rules, from the raw values the parser keeps.
"""

from __future__ import annotations

import binascii
import email.utils
import re
import urllib.parse
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.message import Message
from email.parser import BytesParser
from email.policy import compat32

from hayaoshi.errors import MailRejected
from hayaoshi.ingest.charset import decode_header_value, decode_text
from hayaoshi.ingest.html import html_to_text

JST = timezone(timedelta(hours=9))
FORWARD_SEPARATOR = "---------- Forwarded message ---------"


@dataclass(frozen=True, slots=True)
class Attachment:
    filename: str | None
    content_type: str
    size: int  # decoded payload size in bytes
    payload: bytes = field(repr=False)  # later stages read skill sheets


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 25 * 1024 * 1024
    max_depth: int = 30  # MIME nesting; the top message is level 0
    max_parts: int = 500
    max_header_bytes: int = 1 * 1024 * 1024  # a longer header is ignored, with a defect


@dataclass(frozen=True, slots=True)
class DecodedMail:
    message_id: str | None  # without <>
    subject: str
    from_name: str | None
    from_addr: str | None  # lower-cased
    reply_to: str | None  # lower-cased address
    date: datetime | None  # timezone-aware; a naive Date is read as +09:00 (with a defect)
    in_reply_to: str | None
    references: tuple[str, ...]
    body: str  # text/plain preferred, else the HTML converted; forwarded mails appended
    body_source: str  # "plain" | "html" | "none"
    attachments: tuple[Attachment, ...]
    defects: tuple[str, ...]
    size: int


_DEFAULT_LIMITS = Limits()
_Params = dict[str, str | tuple[str, bytes]]  # RFC 2231 values are (charset, bytes)
_BOUNDARY = re.compile(rb'boundary[ \t]*=[ \t]*(?:"([^"\r\n]+)"|([^\s;"]+))')
_PARAM_PIECE = re.compile(r'(?:"(?:[^"\\]|\\.)*"?|[^;"])+')
_PARAM_NAME = re.compile(r"([^*\s]+)(?:\*(\d+))?(\*)?")
_QUOTED_PAIR = re.compile(r"\\(.)")
_MSG_ID = re.compile(r"<([^<>\s]+)>")
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_B64_JUNK = re.compile(rb"[^A-Za-z0-9+/=]")
_QP_BAD = re.compile(r"=(?![0-9A-Fa-f]{2}|\r?\n|\Z)")


class _Walk:
    """What one decode_message call gathers while it walks the MIME tree."""

    __slots__ = ("attachments", "defects", "limits", "parts")

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.parts = 0
        self.defects: list[str] = []
        self.attachments: list[Attachment] = []

    def add(self, defects: list[str], where: str) -> None:
        self.defects.extend(f"{defect} (in {where})" for defect in defects)


@dataclass(slots=True)
class _Body:
    plain: list[str] = field(default_factory=list)
    html: list[str] = field(default_factory=list)
    forwards: list[tuple[str, str]] = field(default_factory=list)  # (text, body_source)


def decode_message(raw: bytes, limits: Limits = _DEFAULT_LIMITS) -> DecodedMail:
    """Decode one raw mail; raise MailRejected when it exceeds a bound of `limits`."""
    if len(raw) > limits.max_bytes:
        raise MailRejected(f"size: {len(raw)} bytes > {limits.max_bytes}")
    _check_structure(raw, limits.max_depth, limits.max_parts)
    walk = _Walk(limits)
    try:
        msg = BytesParser(policy=compat32).parsebytes(raw)
        body = _collect(msg, 0, walk)
    except RecursionError as err:  # a belt to _check_structure's braces
        raise MailRejected("mime-depth: nesting too deep to parse") from err
    headers = _headers(msg, walk)
    subject = _header(headers, "subject", walk) or ""
    from_name, from_addr = _address(headers, "from", walk)
    text, source = _compose(body)
    references = _MSG_ID.findall(headers.get("references", ""))
    return DecodedMail(
        message_id=_message_id(headers.get("message-id")),
        subject=subject,
        from_name=from_name,
        from_addr=from_addr,
        reply_to=_address(headers, "reply-to", walk)[1],
        date=_date(headers.get("date"), walk),
        in_reply_to=_message_id(headers.get("in-reply-to")),
        references=tuple(references) or tuple(headers.get("references", "").split()),
        body=text,
        body_source=source,
        attachments=tuple(walk.attachments),
        defects=tuple(dict.fromkeys(walk.defects)),
        size=len(raw),
    )


def _check_structure(raw: bytes, max_depth: int, max_parts: int, depth: int = 0) -> None:
    """Bound MIME nesting on the raw bytes, before the stdlib parser (it recurses once per level
    and takes ~1 s to hit RecursionError on a 2,000-deep mail). C-speed unless the mail declares
    more containers than max_depth; then one pass in file order (boundaries lower-cased)."""
    low = raw.lower()
    if depth + low.count(b"boundary") + low.count(b"message/") <= max_depth:
        return  # it cannot nest deeper than it declares
    needles = (b"boundary", b"message/", b"\n--")
    found = [low.find(needle) for needle in needles]
    stack: list[bytes] = []  # open multipart boundaries; b"" for a message/rfc822 level
    parts = 1
    while any(pos >= 0 for pos in found):
        pos = min(p for p in found if p >= 0)
        kind = found.index(pos)
        found[kind] = low.find(needles[kind], pos + 1)
        if kind == 2:  # a delimiter line closes whatever was opened inside its multipart
            end = low.find(b"\n", pos + 3)
            line = low[pos + 3 : end if end >= 0 else len(low)].rstrip()
            for i in range(len(stack) - 1, -1, -1):
                if stack[i] and line in (stack[i], stack[i] + b"--"):
                    parts += line == stack[i]
                    del stack[i + (line == stack[i]) :]
                    break
            if parts > max_parts:
                raise MailRejected(f"mime-parts: more than {max_parts} parts")
            continue
        if kind == 0 and (m := _BOUNDARY.match(low, pos)):
            stack.append((m.group(1) or m.group(2)).rstrip())
        elif kind == 1 and low.rfind(b"content-type:", max(0, pos - 40), pos) >= 0:
            stack.append(b"")
            parts += 1
        if depth + len(stack) > max_depth:
            raise MailRejected(f"mime-depth: more than {max_depth} nested levels")


def _collect(part: Message, depth: int, walk: _Walk) -> _Body:
    walk.parts += 1
    if walk.parts > walk.limits.max_parts:
        raise MailRejected(f"mime-parts: more than {walk.limits.max_parts} parts")
    if depth > walk.limits.max_depth:
        raise MailRejected(f"mime-depth: more than {walk.limits.max_depth} nested levels")
    walk.defects.extend(f"mime: {type(defect).__name__}" for defect in part.defects)
    headers = _headers(part, walk)
    ctype, params = _content_type(part, headers)
    disposition, dparams = _parse_params(headers.get("content-disposition", ""))
    payload = part.get_payload()
    if ctype.startswith("multipart/") and isinstance(payload, list):
        children = [_collect(child, depth + 1, walk) for child in payload]
        if ctype == "multipart/alternative" and children:
            plain = [c for c in children if any(t.strip() for t in c.plain)]
            return plain[0] if plain else next((c for c in reversed(children) if c.html), children[-1])
        merged = _Body()
        for child in children:
            merged.plain += child.plain
            merged.html += child.html
            merged.forwards += child.forwards
        return merged
    if ctype in ("message/rfc822", "message/global"):
        sub = payload[0] if isinstance(payload, list) and payload else None
        if sub is None and isinstance(payload, str):  # encoded although RFC 2046 forbids it
            data = _transfer_decode(part, headers, walk, ctype)
            _check_structure(data, walk.limits.max_depth, walk.limits.max_parts, depth + 1)
            sub = BytesParser(policy=compat32).parsebytes(data)
        if isinstance(sub, Message):
            return _Body(forwards=[_forward(sub, _collect(sub, depth + 1, walk), walk)])
    if isinstance(payload, list):  # message/delivery-status and other header blocks
        data = b"".join(p.as_bytes() for p in payload if isinstance(p, Message))
    else:
        data = _transfer_decode(part, headers, walk, ctype)
    text_type = ctype in ("text/plain", "text/html") or ctype.startswith("multipart/")
    if disposition.lower() == "attachment" or not text_type:
        name = _param_text(dparams, "filename", walk) or _param_text(params, "name", walk)
        walk.attachments.append(Attachment(name or None, ctype, len(data), data))
        return _Body()
    charset = params.get("charset")
    if isinstance(charset, tuple):
        charset = charset[1].decode("ascii", "replace")
    if charset is None and ctype == "text/html":  # a label only in <meta charset=...>
        meta = _META_CHARSET.search(data, 0, 4096)
        charset = meta.group(1).decode("ascii") if meta else None
    text, found = decode_text(data, charset)
    walk.add(found, f"{ctype} body")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _Body(html=[text]) if ctype == "text/html" else _Body(plain=[text])


def _compose(body: _Body) -> tuple[str, str]:
    """The body to read: plain parts joined by a blank line, else HTML; then forwarded mails."""
    plain = [t.strip("\n").rstrip() for t in body.plain if t.strip()]
    if plain:
        text, source = "\n\n".join(plain), "plain"
    elif body.html:
        text, source = "\n\n".join(t for t in map(html_to_text, body.html) if t), "html"
    else:
        text, source = "", "plain" if body.plain else "none"
    for forwarded, forwarded_source in body.forwards:
        text = f"{text}\n\n{forwarded}" if text else forwarded
        source = forwarded_source if source == "none" else source
    return text, source


def _forward(sub: Message, body: _Body, walk: _Walk) -> tuple[str, str]:
    """A forwarded message/rfc822 as the extractor reads it: a Gmail-style header, its text."""
    headers = _headers(sub, walk)
    lines = [FORWARD_SEPARATOR]
    for name in ("From", "Date", "Subject"):
        value = _header(headers, name.lower(), walk, f"forwarded {name}")
        if value is not None:
            lines.append(f"{name}: {value}")
    text, source = _compose(body)
    return "\n".join(lines) + "\n\n" + text, source


def _headers(part: Message, walk: _Walk) -> dict[str, str]:
    """The first value of each header, by lower-cased name, as the parser kept it."""
    out: dict[str, str] = {}
    for name, value in part.raw_items():
        if len(value) > walk.limits.max_header_bytes:
            walk.defects.append(
                f"mime: {name} header of {len(value)} bytes ignored "
                f"(> {walk.limits.max_header_bytes})"
            )
            continue
        out.setdefault(name.lower(), str(value))
    return out


def _header(headers: dict[str, str], name: str, walk: _Walk, where: str = "") -> str | None:
    value = headers.get(name)
    if value is None:
        return None
    text, found = decode_header_value(value)
    walk.add(found, where or name.title())
    return text


def _address(headers: dict[str, str], name: str, walk: _Walk) -> tuple[str | None, str | None]:
    value = headers.get(name)
    if value is None:
        return None, None
    display, addr = email.utils.parseaddr(value.replace("\r", "").replace("\n", ""))
    if "@" not in addr:  # no address at all: keep what was written as the name
        display, addr = display or addr, ""
    text, found = decode_header_value(display)
    walk.add(found, name.title())
    return text or None, addr.strip().lower() or None


def _message_id(value: str | None) -> str | None:
    if value is None:
        return None
    m = _MSG_ID.search(value)
    return m.group(1) if m else value.strip() or None


def _date(value: str | None, walk: _Walk) -> datetime | None:
    if value is None:
        return None
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        walk.defects.append(f"date: unparsable Date header {value.strip()[:60]!r}")
        return None
    if when.tzinfo is None:  # no zone, or RFC 5322's "-0000" (zone unknown)
        walk.defects.append("date: Date header without a time zone; read as +09:00")
        when = when.replace(tzinfo=JST)
    return when


def _content_type(part: Message, headers: dict[str, str]) -> tuple[str, _Params]:
    value = headers.get("content-type")
    if value is None:  # text/plain, or message/rfc822 inside multipart/digest
        return part.get_default_type(), {}
    main, params = _parse_params(value)
    main = main.lower()
    return (main if main.count("/") == 1 else "text/plain"), params  # RFC 2045 5.2


def _parse_params(value: str) -> tuple[str, _Params]:
    """Split `main; name=value; ...`; RFC 2231 values (name*=, name*0*=) become (charset, bytes)."""
    pieces = _PARAM_PIECE.findall(value.replace("\r", "").replace("\n", ""))
    plain: _Params = {}
    extended: dict[str, dict[int, tuple[bool, str]]] = {}
    for piece in pieces[1:]:
        name, sep, raw = piece.partition("=")
        named = _PARAM_NAME.fullmatch(name.strip().lower())
        if not sep or named is None:
            continue
        raw = raw.strip()
        if raw.startswith('"'):
            raw = _QUOTED_PAIR.sub(r"\1", raw[1:-1] if raw.endswith('"') and len(raw) > 1 else raw[1:])
        base, index, star = named.groups()
        if index is None and star is None:
            plain.setdefault(base, raw)
        else:
            extended.setdefault(base, {}).setdefault(int(index or 0), (bool(star), raw))
    for base, segments in extended.items():
        charset, data = "", bytearray()
        for i, (encoded, raw) in sorted(segments.items()):
            if encoded and i == 0 and raw.count("'") >= 2:
                charset, _, raw = raw.split("'", 2)  # charset'language'value
            if encoded:
                data += urllib.parse.unquote_to_bytes(raw)
            else:
                data += raw.encode("utf-8", "surrogateescape")
        plain[base] = (charset, bytes(data))  # RFC 2231 wins over the plain parameter
    return (pieces[0].strip() if pieces else ""), plain


def _param_text(params: _Params, name: str, walk: _Walk) -> str | None:
    value = params.get(name)
    if value is None:
        return None
    if isinstance(value, tuple):
        text, found = decode_text(value[1], value[0] or None)
    else:
        text, found = decode_header_value(value)
    walk.add(found, f"{name} parameter")
    return text


def _transfer_decode(part: Message, headers: dict[str, str], walk: _Walk, ctype: str) -> bytes:
    # compat32's get_payload() already replaces 8-bit bytes; decode=True keeps them exact.
    payload = part.get_payload()
    if not isinstance(payload, str):
        return b""
    cte = headers.get("content-transfer-encoding", "").split(";")[0].strip().lower()
    if cte == "base64":
        return _base64(payload.encode("utf-8", "surrogateescape"), walk, ctype)
    if cte == "quoted-printable" and (bad := len(_QP_BAD.findall(payload))):
        walk.defects.append(f"mime: bad quoted-printable in {ctype}: {bad} '=' kept as text")
    elif cte not in ("", "7bit", "8bit", "binary", "quoted-printable", "x-uuencode", "uuencode"):
        walk.defects.append(f"mime: unknown Content-Transfer-Encoding {cte!r} in {ctype}")
    data = part.get_payload(decode=True)
    return data if isinstance(data, bytes) else b""


def _base64(data: bytes, walk: _Walk, ctype: str) -> bytes:
    compact = data.translate(None, b" \t\r\n")
    try:
        return binascii.a2b_base64(compact, strict_mode=True)
    except binascii.Error:
        pass
    junk = len(_B64_JUNK.findall(compact))
    out, lost = bytearray(), 0
    for chunk in _B64_JUNK.sub(b"", compact).split(b"="):  # "=" inside: joined encodings
        lost += len(chunk) % 4 == 1  # six stray bits cannot make a byte
        chunk = chunk[: len(chunk) - 1] if len(chunk) % 4 == 1 else chunk
        out += binascii.a2b_base64(chunk + b"=" * (-len(chunk) % 4)) if chunk else b""
    if junk or lost:
        found = [f"{junk} invalid characters skipped"] if junk else []
        found += [f"{lost} truncated group(s)"] if lost else []
        walk.defects.append(f"mime: bad base64 in {ctype}: {', '.join(found)}")
    return bytes(out)
