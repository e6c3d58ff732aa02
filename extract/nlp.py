"""spaCy over SudachiPy: the tokenizer, the skill span_ruler, and GiNZA on demand.

spaCy's own Japanese tokenizer asks Sudachi for readings, part of speech and inflection of
every token: 2.7 ms on a 400-character mail here. The skill rules need only the surfaces, so
`SudachiSurfaceTokenizer` asks for those (0.3 ms) and the span_ruler runs on the result.
GiNZA's NER (about 130 ms a mail) is loaded once, on first need, and only asked where the rules
found no place.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab
from sudachipy import Dictionary, SplitMode

from hayaoshi.extract.taxonomy import Taxonomy

logger = logging.getLogger(__name__)

_ASCII_PUNCT = re.compile(r"[^A-Za-z0-9\s]")
_ASCII_PARTS = re.compile(r"[A-Za-z0-9]+|\s+|[^A-Za-z0-9\s]")

# Sudachi refuses input over 49,149 bytes; three bytes a character keeps a chunk below that.
_CHUNK_CHARS = 12_000


def _chunks(text: str) -> list[tuple[int, str]]:
    if len(text) <= _CHUNK_CHARS:
        return [(0, text)]
    out: list[tuple[int, str]] = []
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + _CHUNK_CHARS)
        if end < len(text):
            cut = text.rfind("\n", pos, end)
            end = cut + 1 if cut > pos else end
        out.append((pos, text[pos:end]))
        pos = end
    return out


class SudachiSurfaceTokenizer:
    """Sudachi (split mode A, the finest) producing surfaces only; whitespace kept in the Doc.

    A Sudachi tokenizer belongs to the thread that made it, so each thread gets its own from
    the shared dictionary.
    """

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab
        self._dictionary = Dictionary(dict="core")
        self._local = threading.local()

    def _tokenizer(self):
        tok = getattr(self._local, "tok", None)
        if tok is None:
            tok = self._dictionary.create(SplitMode.A)
            self._local.tok = tok
        return tok

    def _pos_tokenizer(self):
        tok = getattr(self._local, "pos", None)
        if tok is None:
            tok = self._dictionary.create(SplitMode.C)
            self._local.pos = tok
        return tok

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        tok = self._tokenizer()
        for _, chunk in _chunks(text):
            for m in tok.tokenize(chunk):
                surface = m.surface()
                if surface == " " and words and not spaces[-1] and not words[-1].isspace():
                    spaces[-1] = True
                    continue
                if len(surface) > 1 and surface.isascii() and _ASCII_PUNCT.search(surface):
                    # Sudachi keeps `.NET` whole but splits `/.NET`: split ASCII punctuation off
                    # every time, so a pattern and a text always tokenize alike.
                    for part in _ASCII_PARTS.findall(surface):
                        words.append(part)
                        spaces.append(False)
                    continue
                words.append(surface)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

    # spaCy calls these when a pipeline is saved; this tokenizer is rebuilt, never saved.
    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> SudachiSurfaceTokenizer:
        return self


@dataclass(frozen=True, slots=True)
class SkillSpan:
    canonical: str
    start: int  # character offsets in the text given to `find_skills`
    end: int


# `テストメール`, `テスト送信`: the word, not the phase.
_NOT_SKILL_AFTER = re.compile(r"メール|送信|配信|環境です|業(?!務)")
_CLOCK_BEFORE = re.compile(r"\d{1,2}:\d{2}\s*$")

# Short names are matched with their case as written (C, Go, PM, SE), so that an English "go"
# or a company called "C社" is not a skill.
CASE_SENSITIVE_MAX = 2


class SkillNLP:
    """The loaded pipeline. Build once at start-up; `find` is reentrant."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.taxonomy = taxonomy
        nlp = spacy.blank("ja")
        nlp.tokenizer = SudachiSurfaceTokenizer(nlp.vocab)
        ruler = nlp.add_pipe(
            "span_ruler",
            config={
                "spans_key": "skills",
                "phrase_matcher_attr": "LOWER",
                "validate": True,
                "spans_filter": {"@misc": "spacy.first_longest_spans_filter.v1"},
                "overwrite": True,
            },
        )
        patterns = []
        self._case_sensitive: dict[str, set[str]] = {}
        for skill in taxonomy.skills:
            for alias in (skill.canonical, *skill.aliases):
                patterns.append({"label": skill.canonical, "pattern": alias})
                if len(alias) <= CASE_SENSITIVE_MAX and alias.isascii():
                    self._case_sensitive.setdefault(skill.canonical, set()).update(
                        {alias, alias.upper()}
                    )
        ruler.add_patterns(patterns)
        self.nlp: Language = nlp
        self._ginza: Language | None = None
        self._ginza_lock = threading.Lock()

    def find(self, text: str) -> list[SkillSpan]:
        doc = self.nlp(text)
        out: list[SkillSpan] = []
        for span in doc.spans["skills"]:
            start, end = span.start_char, span.end_char
            name = span.label_
            case = self._case_sensitive.get(name)
            surface = span.text
            if case is not None and len(surface) <= CASE_SENSITIVE_MAX:
                if surface not in case or not _isolated(text, start, end):
                    continue
            if _NOT_SKILL_AFTER.match(text, end):
                continue
            out.append(SkillSpan(name, start, end))
        return out

    def place_names(self, text: str) -> list[str]:
        """Sudachi's place-name tokens (名詞,固有名詞,地名) in a short text such as a subject."""
        tok = self.nlp.tokenizer._pos_tokenizer()  # type: ignore[attr-defined]
        return [
            m.surface()
            for m in tok.tokenize(text[:2000])
            if m.part_of_speech()[1:3] == ("固有名詞", "地名")
        ]

    def ginza(self) -> Language:
        """GiNZA, loaded on first use (2 s) and kept; offline: the model ships as a package."""
        with self._ginza_lock:
            if self._ginza is None:
                logger.info("loading GiNZA (ja_ginza) for place names")
                self._ginza = spacy.load("ja_ginza", exclude=["compound_splitter"])
            return self._ginza


def _isolated(text: str, start: int, end: int) -> bool:
    """A one- or two-letter name must stand apart: not `C社`, not `Cランク`, not `SE職`... is ok."""
    after = text[end : end + 1]
    before = text[start - 1 : start] if start else ""
    # Initials: `R.K`, `K・S`, `T.R(32歳)` name engineers, not the R language.
    if after in ".・" and text[end + 1 : end + 2].isupper():
        return False
    if before in ".・" and start >= 2 and text[start - 2].isupper():
        return False
    if _CLOCK_BEFORE.search(text, max(0, start - 8), start):
        return False  # `3:15 PM` in a quoted Outlook header
    if before and (before.isascii() and before.isalnum()):
        return False
    if not after:
        return True
    if after in "#+":
        return False
    if after.isascii():
        return not after.isalpha()
    # A CJK letter right after a one-letter name is a company or grade (C社, Cランク); C言語 is
    # its own alias.
    return end - start > 1 or after in "、。・/,()[]【】「」 \n:;~"
