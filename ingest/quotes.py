"""Split a reply's quoted earlier mail from the text to read (docs/fields.md, "Quoting and
forwarding"). A forwarded mail is read as if it were the mail: forward markers never cut.

One pass over the lines; a line is only matched against the header patterns when a cheap
prefilter says it could be one, and long lines never are, so a 1 MB body stays linear.
"""

from __future__ import annotations

import re

_MAX_HEADER_LINE = 300  # reply headers are short; longer lines are text

# Could this line start a reply/forward header at all? (the prefilter)
_CANDIDATE = re.compile(r"\s*(?:-{2}|On\s|\d{4}[年/]|\*?(?:From|差出人|送信者)\*?\s*[:：]|Begin\s)")
_FORWARD = re.compile(
    r"\s*(?:-{2,}\s*(?:Forwarded message|転送メッセージ|転送されたメッセージ)\s*-{2,}"
    r"|Begin forwarded message\s*[:：])\s*$",
    re.IGNORECASE,
)
_ORIGINAL = re.compile(
    r"\s*-{2,}\s*(?:Original Message|元のメッセージ|オリジナル\s?メッセージ)\s*-{2,}\s*$",
    re.IGNORECASE,
)
_REPLY_HEADERS = (
    re.compile(r"\s*On\s.*\swrote\s*[:：]\s*$"),  # Gmail, Thunderbird, Apple Mail
    re.compile(r".*于\s*\d{4}年\d{1,2}月\d{1,2}日.*写道\s*[：:]\s*$"),  # Gmail, Chinese UI
    # Gmail, Japanese UI: 2026年11月20日(金) 9:15 山田 太郎 <x@y>:
    re.compile(r"\s*\d{4}年\d{1,2}月\d{1,2}日\s*[(（][月火水木金土日][)）]\s*\d{1,2}:\d{2}.*@.*[:：]\s*$"),
    # iPhone, Japanese UI: 2026/11/20 9:15、山田 <x@y>のメール:
    re.compile(r"\s*\d{4}/\d{1,2}/\d{1,2}\s+\d{1,2}:\d{2}、.*の(?:メール|メッセージ)\s*[:：]\s*$"),
)
_WRAPPED_START = re.compile(r"\s*(?:On\s|\d{4}[年/])")  # a header a mailer may wrap in two
_FROM = re.compile(r"\s*\*?(?:From|差出人|送信者)\*?\s*[:：]", re.IGNORECASE)
_SENT = re.compile(r"\s*\*?(?:Sent|送信日時)\*?\s*[:：]", re.IGNORECASE)
_SUBJECT = re.compile(r"\s*\*?(?:Subject|件名)\*?\s*[:：]", re.IGNORECASE)
# A header field of a forwarded mail, as mailers write them under the forward marker.
_FIELD = re.compile(
    r"\s*\*?(?:From|Date|Sent|To|Cc|Subject|差出人|送信者|送信日時|日付|宛先|件名)\*?\s*[:：]",
    re.IGNORECASE,
)
_RULE = re.compile(r"\s*[_\-=─━]{8,}\s*$")  # Outlook's line above its header block
_FORWARD_SUBJECT = re.compile(r"\s*(?:(?:\[[^\]]*\]|【[^】]*】)\s*)*(?:fwd?|転送)\s*[:：]", re.IGNORECASE)
_QUOTE_MARKS = (">", "＞")


def split_quoted(body: str, subject: str) -> tuple[str, str]:
    """Return (text to read, text not to read); ("", not-read) when nothing is left to read.

    Not read: quoted lines, everything from a reply header on, and the header fields of a
    forwarded mail (its From:/Date:/Subject: lines would read as labels; its body is read).
    """
    lines = body.split("\n")
    forwarded = _FORWARD_SUBJECT.match(subject) is not None
    read: list[str] = []
    quoted: list[str] = []
    cut = None
    forward_at = -10  # the last forward marker: the header block under it is the forward's
    envelope = False  # inside a forwarded mail's header fields
    for i, line in enumerate(lines):
        head = line.lstrip(" \t\u3000")
        if envelope and (_FIELD.match(line) or (not head and i == forward_at + 1)):
            (quoted if head else read).append(line)
            continue
        envelope = False
        if head.startswith(_QUOTE_MARKS):
            quoted.append(line)
            continue
        if head and len(line) <= _MAX_HEADER_LINE and (_CANDIDATE.match(line) or "写道" in line):
            kind = _header_kind(lines, i)
            if kind == "forward" or (kind == "original" and forwarded):
                forward_at, envelope = i, True
            elif kind == "original" or kind == "reply":
                cut = i
                break
            elif kind == "outlook" and (forwarded or i - forward_at <= 2):
                quoted.append(line)  # the From: line of a forwarded Outlook header block
                forward_at, envelope = i, True
                continue
            elif kind == "outlook":
                cut = i
                break
        read.append(line)
    if cut is None and not quoted:
        return body, ""
    tail: list[str] = []
    if cut is not None:
        while read and (_RULE.match(read[-1]) or not read[-1].strip()):
            tail.insert(0, read.pop())  # the rule line and the blank lines before a header
        tail += lines[cut:]
    text = "\n".join(read).rstrip()
    return (text if text.strip() else ""), "\n".join(quoted + tail).strip("\n")


def _header_kind(lines: list[str], i: int) -> str | None:
    """What line i starts: "forward", "original", "reply", "outlook" (a From block) or None."""
    line = lines[i]
    if _FORWARD.match(line):
        return "forward"
    if _ORIGINAL.match(line):
        return "original"
    candidates = [line]
    if _WRAPPED_START.match(line) and i + 1 < len(lines):
        candidates.append(line.rstrip() + " " + lines[i + 1].strip())
    for text in candidates:
        if len(text) <= _MAX_HEADER_LINE * 2 and any(p.match(text) for p in _REPLY_HEADERS):
            return "reply"
    if _FROM.match(line):
        block = lines[i + 1 : i + 5]
        if any(_SENT.match(x) for x in block) and any(_SUBJECT.match(x) for x in block):
            return "outlook"
    return None
