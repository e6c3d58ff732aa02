"""Turn mail bytes into text the way Japanese mail clients (Outlook, Thunderbird) show them.

Every fallback is recorded as a defect string ``"code: detail"`` (codes in docs/fields.md);
text is never dropped: a byte nothing can decode becomes U+FFFD and is counted.
"""

from __future__ import annotations

import binascii
import codecs
import functools
import re
import unicodedata

# Labels are compared lower-cased with "_" read as "-" (see _normalise_label).
_SJIS_LABELS = frozenset(
    "shift-jis sjis x-sjis ms-kanji csshiftjis windows-31j cp932 ms932 x-ms-cp932".split()
)
_JIS_LABELS = frozenset(
    "iso-2022-jp iso-2022-jp-1 iso-2022-jp-2 iso-2022-jp-3 iso-2022-jp-2004 iso-2022-jp-ms"
    " csiso2022jp csiso2022jp2 cp50220 cp50221 cp50222".split()
)
_EUC_LABELS = frozenset(
    "euc-jp eucjp x-euc-jp ujis cseucpkdfmtjapanese euc-jis-2004 euc-jisx0213 eucjp-ms"
    " x-eucjp-ms cp51932".split()
)
_ASCII_LABELS = frozenset("us-ascii ascii ansi-x3.4-1968 iso646-us us cp367 ibm367 csascii".split())
# Labels that (nearly) never fail strictly, so "it decoded" proves nothing.
_LATIN_LABELS = _ASCII_LABELS | frozenset(
    "iso-8859-1 iso8859-1 latin-1 latin1 l1 iso-ir-100 csisolatin1 cp819 ibm819 windows-1252"
    " cp1252".split()
)
# Python codecs that are not mail charsets: a label naming one is treated as unknown.
_NOT_MAIL_CHARSETS = frozenset(
    "unicode-escape raw-unicode-escape undefined idna punycode mbcs oem".split()
)

# A designation of a Japanese set (RFC 1468, ESC ( I, JIS X 0212/0213); found in 7-bit data it
# means ISO-2022-JP, whatever the label says.
_JIS_ESCAPE = re.compile(rb"\x1b(?:\$[@B]|\(I|\$\([BDOQ])")
_CP932_STRAYS = re.compile(r"[\x80\uf8f0-\uf8f3]")
_ESCAPED = re.compile(r"[\udc00-\udcff]")
_KANA = re.compile(r"[\u3041-\u30ff]")
_HIRAGANA = re.compile(r"[\u3041-\u3096]")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")

# CP50220 reads JIS-Roman (ESC ( J) as ASCII, as Windows does, and JIS X 0213 plane 1 as
# JIS X 0208 (its superset); SO/SI shift to half-width katakana and back (CP50221).
_JIS_ALIASES = ((b"\x1b(J", b"\x1b(B"), (b"\x1b(H", b"\x1b(B"), (b"\x1b$(B", b"\x1b$B"),
                (b"\x1b$(@", b"\x1b$@"), (b"\x1b$(O", b"\x1b$B"), (b"\x1b$(Q", b"\x1b$B"),
                (b"\x1b&@", b""), (b"\x0e", b"\x1b(I"), (b"\x0f", b"\x1b(B"))
_DESIGNATIONS = (b"\x1b(B", b"\x1b(I", b"\x1b$B", b"\x1b$@", b"\x1b$(D", b"\x1b$(P")
_FAMILIES = {**dict.fromkeys(_SJIS_LABELS, "cp932"), **dict.fromkeys(_EUC_LABELS, "euc-jp"),
             **dict.fromkeys(_JIS_LABELS, "iso-2022-jp")}
_HANDLER, _JIS_HANDLER = "hayaoshi-count", "hayaoshi-jis"
# Where Python's JIS codecs and cp932 (Windows) map the same JIS X 0208 code differently.
_JIS_TO_CP932 = tuple(zip("〜‖−¢£¬", "～∥－￠￡￢", strict=True))
_SOUND_MARKS = {0x3099: "\u309b", 0x309A: "\u309c"}


def _normalise_label(label: str | None) -> str:
    return (label or "").strip().strip("\"'").strip().lower().replace("_", "-")


def _family(label: str) -> str:
    return _FAMILIES.get(label, label)


def decode_text(data: bytes, declared: str | None) -> tuple[str, list[str]]:
    """Decode a body's or a header's bytes; return the text and the defects met on the way."""
    label, shown = _normalise_label(declared), (declared or "").strip().strip("\"'")
    ascii_only = data.isascii()
    jis = ascii_only and _JIS_ESCAPE.search(data) is not None
    if not label:
        if ascii_only and not jis:
            return data.decode("ascii"), []
        return _fixed_order(data, "missing", "", "utf-8")
    family = _family(label)
    if family == "iso-2022-jp":
        if ascii_only:
            return decode_iso2022jp(data)
        return _fixed_order(data, "mislabeled", shown, family)
    if jis:  # raw ISO-2022-JP under another label: decoding it as ASCII would show escapes
        text, defects = decode_iso2022jp(data)
        return text, [f"charset-mislabeled: declared {shown}, decoded as iso-2022-jp", *defects]
    if family in _LATIN_LABELS:
        return _decode_latin(data, label, shown, ascii_only)
    try:
        text = _strict(data, family)
    except LookupError:
        return _fixed_order(data, "unknown", shown, "utf-8")
    if text is not None:
        return text, []
    return _fixed_order(data, "mislabeled", shown, family)


def _strict(data: bytes, family: str) -> str | None:
    """Decode strictly with one family; None when it fails, LookupError for an unknown label."""
    try:
        if family == "cp932":  # Python maps the non-SJIS bytes 80, A0, FD-FF: not a clean decode
            text = data.decode("cp932")
            return None if _CP932_STRAYS.search(text) else text
        if family == "euc-jp":
            try:
                return data.decode("euc_jp")
            except UnicodeDecodeError:
                # NEC row 13 (①, ㈱) is not in Python's euc_jp; JIS X 0213 puts it in place.
                return data.decode("euc_jis_2004")
        if family in ("utf-8", "utf8"):
            return data.decode("utf-8-sig")
        if codecs.lookup(family).name in _NOT_MAIL_CHARSETS:
            raise LookupError(family)
        return data.decode(family)
    except UnicodeDecodeError:
        return None


def _fixed_order(data: bytes, why: str, label: str, fallback: str) -> tuple[str, list[str]]:
    """Try utf-8, iso-2022-jp, cp932, euc-jp (docs/fields.md); the first strict decoding wins.

    `why`: missing, unknown or mislabeled; `fallback`: the codec replacing bad bytes otherwise."""
    found = _first_decoding(data)
    defects = []
    if why == "missing":
        what = "ISO-2022-JP escapes" if data.isascii() else "8-bit text"
        codec = f", decoded as {found[1]}" if found else ""
        defects.append(f"charset-missing: {what} without a charset label{codec}")
    elif why == "unknown":
        defects.append(f"charset-unknown: {label}")
    elif found:
        defects.append(f"charset-mislabeled: declared {label}, decoded as {found[1]}")
    if found:
        return found[0], defects
    if fallback == "iso-2022-jp" or _JIS_ESCAPE.search(data):
        text, more = decode_iso2022jp(data)
        return text, defects + more
    text, bad, codec = _decode_replacing(data, fallback)
    return text, [*defects, f"undecodable-bytes: {bad} bad bytes ({codec})"]


def _first_decoding(data: bytes) -> tuple[str, str] | None:
    if _JIS_ESCAPE.search(data):
        # Only ISO-2022-JP makes sense of its escapes; any other codec would show them raw.
        text, defects = decode_iso2022jp(data)
        return None if defects else (text, "iso-2022-jp")
    text = _strict(data, "utf-8")
    if text is not None:
        return text, "utf-8"
    sjis, euc = _strict(data, "cp932"), _strict(data, "euc-jp")
    if sjis is not None and (euc is None or not _looks_like_euc(sjis, euc)):
        return sjis, "cp932"
    return None if euc is None else (euc, "euc-jp")


def _looks_like_euc(sjis: str, euc: str) -> bool:
    """EUC-JP bytes often also decode as cp932 (as half-width katakana); prose has hiragana."""
    if _HIRAGANA.search(sjis):
        return False
    non_ascii = sum(1 for ch in euc if ch > "\x7f")
    return non_ascii > 0 and len(_HIRAGANA.findall(euc)) >= 0.1 * non_ascii


def _decode_latin(data: bytes, label: str, shown: str, ascii_only: bool) -> tuple[str, list[str]]:
    """Latin-1 never fails, so Japanese under an ASCII/Latin-1 label must be recognised."""
    if ascii_only:
        return data.decode("ascii"), []
    for family, needs_kana in (("utf-8", False), ("cp932", True), ("euc-jp", True)):
        text = _strict(data, family)
        if text is not None and (not needs_kana or _KANA.search(text)):
            return text, [f"charset-mislabeled: declared {shown}, decoded as {family}"]
    if label not in _ASCII_LABELS and (text := _strict(data, label)) is not None:
        return text, []
    return _fixed_order(data, "mislabeled", shown, "ascii" if label in _ASCII_LABELS else label)


def _count_handler(err: UnicodeError) -> tuple[str, int]:
    # Each bad byte becomes a lone surrogate, counted and replaced by U+FFFD afterwards.
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return "".join(chr(0xDC00 + b) for b in err.object[err.start : err.end]), err.end


def _decode_replacing(data: bytes, family: str) -> tuple[str, int, str]:
    """Decode with U+FFFD for each byte that does not fit; return text, bad-byte count, codec."""
    _register_handlers()
    codec = {"euc-jp": "euc_jp", "utf8": "utf-8"}.get(family, family)
    text = data.decode(codec, _HANDLER)  # the codec is known: labels failing lookup use utf-8
    if codec == "cp932":
        text = _CP932_STRAYS.sub("\udc80", text)  # counted as bad bytes like the others
    bad = len(_ESCAPED.findall(text))
    return _ESCAPED.sub("\ufffd", text), bad, codec


# --- ISO-2022-JP as CP50220 --------------------------------------------------------------


def _sjis_to_jis(s1: int, s2: int) -> bytes | None:
    if not (0x81 <= s1 <= 0x9F or 0xE0 <= s1 <= 0xEF) or not 0x40 <= s2 <= 0xFC or s2 == 0x7F:
        return None
    j1 = ((s1 - 0x40 if s1 >= 0xE0 else s1) - 0x81) * 2 + 0x21
    if s2 >= 0x9F:
        return bytes((j1 + 1, s2 - 0x7E))
    return bytes((j1, s2 - 0x1F - (s2 >= 0x80)))


@functools.cache
def _jis_table() -> tuple[tuple[str, ...], dict[str, bytes]]:
    """JIS X 0208 code (j1 * 256 + j2) → character as cp932 shows it; and the reverse map."""
    table = ["\ufffd"] * 0x8000
    reverse: dict[str, bytes] = {}
    for j1 in range(0x21, 0x7F):
        s1 = ((j1 - 0x21) >> 1) + (0x81 if j1 < 0x5F else 0xC1)  # JIS row pair → SJIS lead
        for j2 in range(0x21, 0x7F):
            s2 = (j2 + 0x1F + (j2 >= 0x60)) if j1 & 1 else j2 + 0x7E
            ch = bytes((s1, s2)).decode("cp932", "replace")
            if ch != "\ufffd" and len(ch) == 1:
                table[j1 * 256 + j2] = ch
                reverse.setdefault(ch, bytes((j1, j2)))  # lowest code wins, as CP50220 does
    return tuple(table), reverse


def _register_handlers() -> None:
    # Each time (a dict store): the names are process-wide, this keeps them pointing here.
    codecs.register_error(_HANDLER, _count_handler)
    codecs.register_error(_JIS_HANDLER, _jis_handler)


def _jis_handler(err: UnicodeError) -> tuple[str, int]:
    """Where Python's iso2022_jp gives up: NEC row 13 and NEC-selected IBM codes come from
    cp932; a JIS X 0212 or failing katakana run is read up to the next escape; the rest is bad."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    data, i = err.object, err.start
    if data.startswith((b"\x1b$(D", b"\x1b$(P", b"\x1b(I"), i):
        end = data.find(b"\x1b", i + 1)
        end = len(data) if end < 0 else end
        start = i + (3 if data[i + 1] == 0x28 else 4)
        kana = data[i + 1] == 0x28
        return "".join(_jis_byte(b, kana) for b in data[start:end]), end
    if data[i] < 0x21:  # a space in a two-byte run: Python stops, CP50220 shows it
        return chr(data[i]), i + 1
    pair = data[i : i + 2]
    if len(pair) == 2 and 0x21 <= min(pair) and max(pair) <= 0x7E and _jis0208_at(data, i):
        ch = _jis_table()[0][pair[0] * 256 + pair[1]]
        return ("\udcff\udcff" if ch == "\ufffd" else ch), i + 2
    return "\udcff", i + 1  # counted, then shown as U+FFFD


def _jis_byte(b: int, kana: bool) -> str:
    if b < 0x21:
        return chr(b)
    return chr(0xFF40 + b) if kana and b < 0x60 else "\udcff"


def _jis0208_at(data: bytes, i: int) -> bool:
    """Is the byte at i in a JIS X 0208 run (the last known designation before it)?"""
    j = data.rfind(b"\x1b", 0, i)
    while j >= 0 and not data.startswith(_DESIGNATIONS, j):
        j = data.rfind(b"\x1b", 0, j)
    return j >= 0 and data.startswith((b"\x1b$B", b"\x1b$@"), j)


def decode_iso2022jp(data: bytes) -> tuple[str, list[str]]:
    """Decode ISO-2022-JP as Windows' CP50220 does (NEC row 13, IBM extensions, ～ as U+FF5E).

    Python's iso2022_jp codec does the work in C; the six characters where JIS and cp932 map
    differently are mapped after, the cp932-only codes by _jis_handler.
    """
    _register_handlers()
    if b"\x1b" in data or b"\x0e" in data or b"\x0f" in data:
        for old, new in _JIS_ALIASES:
            data = data.replace(old, new) if old in data else data
    text = data.decode("iso2022_jp", _JIS_HANDLER)
    for jis, windows in _JIS_TO_CP932:  # a few C scans: cheaper than str.translate
        text = text.replace(jis, windows) if jis in text else text
    text = text.replace("\x1b", "\udcff")  # an escape sequence CP50220 does not know
    bad = len(_ESCAPED.findall(text))
    if bad:
        return _ESCAPED.sub("\ufffd", text), [f"undecodable-bytes: {bad} bad bytes (iso-2022-jp)"]
    return text, []


def _widen_katakana(match: re.Match[str]) -> str:
    # NFKC composes ｶﾞ into ガ; a lone sound mark becomes the spacing ゛/゜ cp932 can encode.
    return unicodedata.normalize("NFKC", match.group()).translate(_SOUND_MARKS)


@functools.lru_cache(maxsize=4096)
def _jis_pair(ch: str) -> bytes | None:
    try:
        sjis = ch.encode("cp932")
    except UnicodeEncodeError:
        return None
    pair = _sjis_to_jis(sjis[0], sjis[1]) if len(sjis) == 2 else None
    if pair is None:  # IBM extensions (FA40-FC4B) live in JIS as NEC row 13 / NEC-selected
        pair = _jis_table()[1].get(ch)
    return pair


def encode_iso2022jp(text: str) -> bytes:
    """Encode a draft as CP50220; raise UnicodeEncodeError for what cp932 cannot hold."""
    text = _HALFWIDTH_KANA.sub(_widen_katakana, text)
    out = bytearray()
    kanji = False
    for i, ch in enumerate(text):
        if ch < "\x80":
            if ch in "\x1b\x0e\x0f":
                raise UnicodeEncodeError("iso-2022-jp", text, i, i + 1, "shift control in text")
            if kanji:
                out += b"\x1b(B"
                kanji = False
            out.append(ord(ch))
            continue
        pair = _jis_pair(ch)
        if pair is None:
            raise UnicodeEncodeError("iso-2022-jp", text, i, i + 1, "not in CP50220")
        if not kanji:
            out += b"\x1b$B"
            kanji = True
        out += pair
    if kanji:
        out += b"\x1b(B"
    return bytes(out)


# --- RFC 2047 headers -------------------------------------------------------------------

_FOLD = re.compile(r"\r?\n(?=[ \t])")
_ENCODED_WORD = re.compile(r"=\?([^?\s]+)\?([bBqQ])\?([^?\s]*)\?=")
_BROKEN_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?")


def _word_bytes(encoding: str, payload: str) -> bytes | None:
    """The bytes an encoded-word carries; None when it is broken."""
    if not payload.isascii():
        return None
    if encoding in "qQ":
        return binascii.a2b_qp(payload.encode(), header=True)
    raw = payload.rstrip("=").encode()
    if len(raw) % 4 == 1:  # six stray bits: not base64 at all (lost padding alone is tolerated)
        return None
    try:
        return binascii.a2b_base64(raw + b"=" * (-len(raw) % 4), strict_mode=True)
    except binascii.Error:
        return None


def decode_header_value(raw: str) -> tuple[str, list[str]]:
    """Unfold and decode a header value (RFC 2047 words, raw 8-bit or raw ISO-2022-JP text)."""
    defects: list[str] = []
    text = _FOLD.sub("", raw).replace("\r", "").replace("\n", "")
    if _ESCAPED.search(text) or "\x1b" in text:
        # The parser kept 8-bit bytes as surrogates (surrogateescape): recover and decode them.
        text, defects = decode_text(text.encode("utf-8", "surrogateescape"), None)
    if "=?" not in text:
        return text.strip(), defects
    pieces: list[str | tuple[str, bytearray]] = []  # literal text, or (charset, joined bytes)
    pos = 0
    for m in [*_ENCODED_WORD.finditer(text), None]:
        gap = text[pos : m.start() if m else len(text)]
        last = pieces[-1] if pieces else None
        adjacent = isinstance(last, tuple) and (gap == "" or gap.isspace()) and m is not None
        if _BROKEN_WORD.search(gap):
            defects.append(f"header-encoding: unterminated encoded-word in {gap[:60]!r}")
        if gap and not adjacent:  # RFC 2047 6.2: space between adjacent words is dropped
            pieces.append(gap)
        if m is None:
            break
        pos = m.end()
        charset, data = m.group(1).split("*", 1)[0], _word_bytes(m.group(2), m.group(3))
        if data is None:
            defects.append(f"header-encoding: broken encoded-word {m.group()[:60]!r}")
            pieces.append(m.group())
        elif adjacent and isinstance(last, tuple) and _same_charset(last[0], charset):
            last[1].extend(data)  # senders split one character across two words
        else:
            pieces.append((charset, bytearray(data)))
    out = []
    for piece in pieces:
        if isinstance(piece, tuple):
            decoded, found = decode_text(bytes(piece[1]), piece[0])
            piece, defects = decoded, defects + found
        out.append(piece)
    return "".join(out).strip(), defects


def _same_charset(a: str, b: str) -> bool:
    return _family(_normalise_label(a)) == _family(_normalise_label(b))
