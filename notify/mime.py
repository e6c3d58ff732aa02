"""A `DraftContent` as the bytes of an RFC 5322 message, ready for IMAP APPEND.

Written by hand rather than with `email.generator`, for two reasons: Python's `iso2022_jp`
codec cannot write the NEC and IBM characters Japanese mail is full of (①, ㈱, Ⅱ), and every
header value taken from a mail must go through one sanitiser. CP50220-style ISO-2022-JP comes
from `ingest.charset.encode_iso2022jp`, the inverse of what ingest reads.

Header injection: a subject, a name or a Message-ID taken from a mail may carry CR, LF or NUL
(decoded from an encoded-word, or raw). `clean_header` turns every control character into a
space before anything is written, so no value can start a header line of its own (RFC 5322 §2.2,
§3.2.2; CVE-2023-27043-style parsing confusion is why addresses are checked, not parsed).
"""

from __future__ import annotations

import base64
import mimetypes
import re
import uuid
from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Protocol
from urllib.parse import quote

from hayaoshi.ingest.charset import encode_iso2022jp
from hayaoshi.notify.model import ENCODINGS, DraftContent

MAX_REFERENCES = 20  # RFC 5322 §3.6.4 lets a long References be trimmed: keep the first and the last ones
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_BRACKETED = re.compile(r"<([^<>\s]+)>")
_ID_CHARS = re.compile(r"[!-;=?-~]+")  # visible ASCII but < and >
_ADDRESS = re.compile(r"[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_DOMAIN = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?")
_REPLY_PREFIX = re.compile(r"^(?:\s*(?:re|ｒｅ|返信|aw|sv)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+", re.IGNORECASE)
_SAFE_ASCII = re.compile(r"[ -~]*")
_WORD_BYTES = {"UTF-8": 39, "ISO-2022-JP": 36}  # an encoded-word stays under 75 characters
_LINE_LIMIT = 998


class AttachmentLike(Protocol):
    filename: str | None
    content_type: str
    payload: bytes


# ---------------------------------------------------------------- sanitising


def clean_header(value: str | None, limit: int = 900) -> str:
    """A header value with every control character (CR, LF, NUL, DEL, C1, U+2028/9) a space."""
    if not value:
        return ""
    text = " ".join(_CONTROL.sub(" ", value).split())
    return text[:limit]


def clean_message_id(value: str | None) -> str | None:
    """`<id@host>` from a value taken from a mail (with or without <>); None when nothing usable is left."""
    text = clean_header(value, 400).strip()
    if not text:
        return None
    found = _BRACKETED.search(text)
    core = found[1] if found else text
    return f"<{core}>" if _ID_CHARS.fullmatch(core) else None


def clean_address(value: str | None) -> str | None:
    """A bare ASCII addr-spec, or None: anything else (a name, a second address, a newline) is refused."""
    text = clean_header(value, 320).strip().strip("<>")
    return text if _ADDRESS.fullmatch(text) else None


def reply_subject(subject: str | None) -> str:
    """`Re: ` once, however many `Re:`/`RE[2]:`/`Ｒｅ：`/`返信:` the original had."""
    text = clean_header(subject, 400)
    rest = _REPLY_PREFIX.sub("", text).strip()
    return f"Re: {rest}" if rest else "Re:"


def new_message_id(from_addr: str | None) -> str:
    """`<hayaoshi.<uuid>@<the From domain>>`: unique, and ours at a glance."""
    domain = (from_addr or "").rsplit("@", 1)[-1] if from_addr and "@" in from_addr else ""
    if not _DOMAIN.fullmatch(domain):
        domain = "hayaoshi.invalid"
    return f"<hayaoshi.{uuid.uuid4().hex}@{domain.lower()}>"


def jis_unencodable(text: str) -> list[str]:
    """The characters CP50220 cannot write (emoji, 𠮷, most of Unicode beyond cp932)."""
    bad = []
    for ch in dict.fromkeys(text):
        if ch in "\r\n":
            continue
        try:
            encode_iso2022jp(ch)
        except UnicodeEncodeError:
            bad.append(ch)
    return bad


# ---------------------------------------------------------------- headers


def _chunks(text: str, charset: str) -> Iterable[bytes]:
    """Pieces of `text` encoded whole (an ISO-2022-JP piece ends back in ASCII; no character split)."""
    limit = _WORD_BYTES[charset]
    encode = encode_iso2022jp if charset == "ISO-2022-JP" else (lambda s: s.encode("utf-8"))
    piece = ""
    for ch in text:
        if piece and len(encode(piece + ch)) > limit:
            yield encode(piece)
            piece = ""
        piece += ch
    if piece:
        yield encode(piece)


def encode_words(text: str, charset: str) -> list[str]:
    """RFC 2047 B encoded-words for `text`."""
    return [f"=?{charset}?B?{base64.b64encode(chunk).decode('ascii')}?=" for chunk in _chunks(text, charset)]


def _plain(value: str) -> bool:
    return bool(_SAFE_ASCII.fullmatch(value)) and "=?" not in value


def header_text(value: str, charset: str) -> str:
    """A cleaned unstructured value: as is when plain ASCII, else encoded-words folded by lines."""
    value = clean_header(value)
    if _plain(value):
        return value
    return "\r\n ".join(encode_words(value, charset))


def address_header(name: str | None, addr: str, charset: str) -> str:
    name = clean_header(name, 120).replace('"', "").replace("\\", "")
    if not name:
        return addr
    if _plain(name) and re.fullmatch(r"[A-Za-z0-9 !#$%&'*+/=?^_`{|}~.-]*", name):
        return f'"{name}" <{addr}>'
    return "\r\n ".join([*encode_words(name, charset), f"<{addr}>"])


def _fold(name: str, value: str) -> bytes:
    """`Name: value` with long space-separated values folded before 78 columns where possible."""
    line, lines = f"{name}:", []
    for word in value.replace("\r\n ", " ").split(" ") if value else [""]:
        if len(line) + 1 + len(word) > 76 and line.strip() and line != f"{name}:":
            lines.append(line)
            line = " " + word
        else:
            line = f"{line} {word}"
    lines.append(line)
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


def references(content: DraftContent) -> list[str]:
    """The source's References then its Message-ID (RFC 5322 §3.6.4), cleaned, deduplicated, trimmed."""
    ids = [clean_message_id(r) for r in (*content.references, content.in_reply_to or "")]
    unique = list(dict.fromkeys(i for i in ids if i))
    if len(unique) > MAX_REFERENCES:
        unique = [unique[0], *unique[-(MAX_REFERENCES - 1) :]]
    return unique


# ---------------------------------------------------------------- body and parts


def _body(text: str, charset: str) -> tuple[bytes, str]:
    """(bytes with CRLF line ends, Content-Transfer-Encoding)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if charset == "ISO-2022-JP":
        # encode_iso2022jp returns to ASCII at the end of each line, as RFC 1468 asks.
        return b"\r\n".join(encode_iso2022jp(line) for line in lines), "7bit"
    data = [line.encode("utf-8") for line in lines]
    if any(len(line) > _LINE_LIMIT for line in data):
        return _base64_lines(b"\n".join(data).replace(b"\n", b"\r\n")), "base64"
    joined = b"\r\n".join(data)
    return joined, "7bit" if joined.isascii() else "8bit"


def _base64_lines(data: bytes) -> bytes:
    encoded = base64.b64encode(data)
    return b"\r\n".join(encoded[i : i + 76] for i in range(0, len(encoded), 76))


def _filename(name: str | None, content_type: str) -> str:
    name = clean_header(name, 120).replace("/", "_").replace("\\", "_").replace('"', "")
    if name:
        return name
    return "attachment" + (mimetypes.guess_extension(content_type) or ".bin")


def _attachment(part: AttachmentLike, charset: str) -> bytes:
    name = _filename(part.filename, part.content_type)
    ctype = clean_header(part.content_type, 100).lower()
    if not re.fullmatch(r"[a-z0-9!#$&^_.+-]+/[a-z0-9!#$&^_.+-]+", ctype):
        ctype = mimetypes.guess_type(name)[0] or "application/octet-stream"
    shown = name if _plain(name) else " ".join(encode_words(name, charset))
    head = (f'Content-Type: {ctype};\r\n name="{shown}"\r\n'
            f'Content-Disposition: attachment;\r\n filename="{shown}";\r\n'
            f" filename*=UTF-8''{quote(name, safe='')}\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n")
    return head.encode("ascii") + _base64_lines(bytes(part.payload)) + b"\r\n"


# ---------------------------------------------------------------- the message


def build_draft(content: DraftContent, from_addr: str, encoding: str = "utf-8",
                attachments: Sequence[AttachmentLike] = (), *, from_name: str | None = None,
                message_id: str | None = None, date: datetime | None = None,
                source: str | None = None) -> bytes:
    """The draft's bytes (CRLF). `message_id` defaults to a new one; `source` (the source mail's
    Message-ID, default `content.in_reply_to`) goes in `X-Hayaoshi-Source`. Characters the
    encoding cannot hold must have been replaced before (compose does it, with a note)."""
    if encoding not in ENCODINGS:
        raise ValueError(f"encoding must be one of {ENCODINGS}, not {encoding!r}")
    charset = "ISO-2022-JP" if encoding == "iso-2022-jp" else "UTF-8"
    sender = clean_address(from_addr)
    if sender is None:
        raise ValueError(f"not a usable From address: {from_addr!r}")
    own_id = clean_message_id(message_id) or new_message_id(sender)
    when = date or datetime.now(tz=UTC)
    out = bytearray()
    out += _fold("Date", format_datetime(when))
    out += f"From: {address_header(from_name, sender, charset)}\r\n".encode("ascii")
    to = clean_address(content.to)
    if to:
        out += f"To: {address_header(content.to_name, to, charset)}\r\n".encode("ascii")
    cc = [a for a in (clean_address(c) for c in content.cc) if a]
    if cc:
        out += _fold("Cc", ", ".join(cc))
    out += f"Subject: {header_text(reply_subject(content.subject), charset)}\r\n".encode("ascii")
    out += f"Message-ID: {own_id}\r\n".encode("ascii")
    parent = clean_message_id(content.in_reply_to)
    if parent:
        out += f"In-Reply-To: {parent}\r\n".encode("ascii")
    chain = references(content)
    if chain:
        out += _fold("References", " ".join(chain))
    origin = clean_message_id(source if source is not None else content.in_reply_to)
    if origin:
        out += f"X-Hayaoshi-Source: {origin}\r\n".encode("ascii")
    out += b"MIME-Version: 1.0\r\n"
    body, transfer = _body(content.body, charset)
    text_head = (f"Content-Type: text/plain; charset={charset}\r\n"
                 f"Content-Transfer-Encoding: {transfer}\r\n").encode("ascii")
    if not attachments:
        return bytes(out + text_head + b"\r\n" + (body if body.endswith(b"\r\n") else body + b"\r\n"))
    boundary = f"=_hayaoshi_{uuid.uuid4().hex}"
    out += f'Content-Type: multipart/mixed;\r\n boundary="{boundary}"\r\n\r\n'.encode("ascii")
    out += b"This is a multi-part message in MIME format.\r\n"
    out += f"--{boundary}\r\n".encode("ascii") + text_head + b"\r\n" + body + b"\r\n"
    for part in attachments:
        out += f"--{boundary}\r\n".encode("ascii") + _attachment(part, charset)
    out += f"--{boundary}--\r\n".encode("ascii")
    return bytes(out)
