"""Whether a rep edited a draft before sending it: the two texts compared, not their bytes.

A mail program that sends a draft re-encodes it (another transfer encoding, lines re-wrapped,
format=flowed, sometimes an HTML part added): the bytes always differ. What is compared is the
text a recipient reads (the decoder's body: the plain part, or the HTML's text), NFKC-normalised,
with quoted lines (`>`) and every space and line break removed. Its SHA-256 is kept with the
draft's row (the draft's bytes are dropped once it is in the folder: they hold personal data).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hayaoshi.errors import MailRejected
from hayaoshi.ingest.decode import decode_message

_SPACE = re.compile(r"\s+")


def text_fingerprint(raw: bytes) -> str | None:
    """The SHA-256 of a mail's normalised text; None when it cannot be decoded."""
    try:
        body = decode_message(raw).body
    except MailRejected:
        return None
    return text_hash(body)


def text_hash(text: str) -> str:
    """The fingerprint of a text as its reader gets it (`text_fingerprint` of a mail is this of its
    body). A draft's is this of the text it was built from, without decoding the draft again: its
    encoding gives the same text back, to what the fingerprint keeps (tests/test_drafts_review.py)."""
    lines = (line for line in unicodedata.normalize("NFKC", text).splitlines() if not line.lstrip().startswith(">"))
    return hashlib.sha256(_SPACE.sub("", "".join(lines)).encode("utf-8")).hexdigest()


def was_edited(sent_raw: bytes, draft_hash: str | None) -> bool | None:
    """Whether the sent mail's text differs from the draft's; None when that cannot be told."""
    if draft_hash is None:
        return None
    sent = text_fingerprint(sent_raw)
    return None if sent is None else sent != draft_hash
