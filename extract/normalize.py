"""Text normalisation with an offset map back to the raw text.

Every rule in `extract/` runs on normalised text (NFKC, one tilde, one hyphen, ASCII digits),
and every value it finds points back to the exact raw span through `Normalized.raw_span`, so
evidence always shows what the mail really said.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

# The seven look-alikes of 〜 that mails use in ranges (DOMAIN.md), folded to "~".
_TILDES = "〜～~〰∼⁓˜"
# Dashes folded to "-". The katakana long mark ー stays: it is a letter in words; the range
# regexes accept it between digits instead.
_DASHES = "‐‑‒–—―−－﹣"
_CIRCLED = {chr(0x2460 + i): f"({i + 1})" for i in range(20)}  # ①..⑳ → (1)..(20)
_CIRCLED.update({chr(0x2776 + i): f"({i + 1})" for i in range(10)})  # ❶..❿

_COMBINING_VOICED = {"\u3099", "\u309a"}


@lru_cache(maxsize=8192)
def _fold_char(ch: str) -> str:
    if ch in _TILDES:
        return "~"
    if ch in _DASHES:
        return "-"
    if ch in _CIRCLED:
        return _CIRCLED[ch]
    if ch == "\u3000":
        return " "
    if ch in "\u200b\ufeff\u00ad":
        return ""
    out = unicodedata.normalize("NFKC", ch)
    if out != ch:
        out = "".join(_fold_char(c) if c != ch else c for c in out)
    return out


class _Identity:
    """Offsets of a text whose characters map one to one: index i is i."""

    __slots__ = ()

    def __getitem__(self, i: int) -> int:
        return i


_IDENTITY = _Identity()


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalised text plus, for each of its characters, the index of the raw character."""

    raw: str
    text: str
    offsets: Sequence[int] | _Identity  # len(text) + 1 entries; the last is len(raw)

    def raw_span(self, start: int, end: int) -> str:
        """The raw text behind normalised characters [start, end)."""
        if start >= end:
            return ""
        return self.raw[self.offsets[start] : self.offsets[end]]


def normalize(raw: str) -> Normalized:
    """NFKC per character, tildes and dashes folded, circled digits spelled out.

    Half-width katakana with a separate voiced mark (ｶﾞ) is composed into one character, as
    NFKC on the whole string would do.
    """
    # Fast path: fold each distinct character once; when every one maps to exactly one
    # character (most mails), the offsets are the identity and no per-character loop is needed.
    table = {ord(c): _fold_char(c) for c in set(raw) if not (c.isascii() and c != "~")}
    if all(len(v) == 1 and v not in _COMBINING_VOICED for v in table.values()):
        text = raw.translate(table)
        return Normalized(raw=raw, text=text, offsets=_IDENTITY)
    out: list[str] = []
    offsets: list[int] = []
    for i, ch in enumerate(raw):
        if ch.isascii() and ch not in "~":
            out.append(ch)
            offsets.append(i)
            continue
        folded = _fold_char(ch)
        if folded in _COMBINING_VOICED and out:
            composed = unicodedata.normalize("NFC", out[-1] + folded)
            if len(composed) == 1:
                out[-1] = composed
                continue
        for c in folded:
            out.append(c)
            offsets.append(i)
    offsets.append(len(raw))
    return Normalized(raw=raw, text="".join(out), offsets=tuple(offsets))


def fold(raw: str) -> str:
    """Normalised text only, for short strings such as labels and subjects."""
    return "".join(ch if ch.isascii() and ch != "~" else _fold_char(ch) for ch in raw)
