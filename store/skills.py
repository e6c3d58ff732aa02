"""A roster's skills column through the extractor's taxonomy: `Java(7年)、Spring、AWS`.

Most cells are lists of names separated by `、` or `,`. When every item of a cell is exactly a
taxonomy name (optionally with years in the extractor's `Java(7年)` forms), the names are looked
up directly; any other cell goes through `SkillNLP.find`, many cells per call (the call itself
costs about a millisecond). Both paths give the same result on list cells (a test checks it), and
10,000 rows take a fraction of the time spaCy alone would.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from hayaoshi.extract.build import years_span  # the extractor's rule for `Java(7年)`, shared
from hayaoshi.extract.nlp import CASE_SENSITIVE_MAX, SkillNLP
from hayaoshi.extract.normalize import fold

# Separators that no taxonomy name contains (`/` and `・` do: PL/SQL, 運用・保守).
_ITEMS = re.compile(r"[、,;|\n]")
_CUTS = re.compile(r"[(_:\s]|\d")
_BATCH_CHARS = 8_000

Skills = tuple[tuple[str, ...], dict[str, float]]


def _years_at(text: str, end: int) -> tuple[float | None, int]:
    """Years stated right after a skill name ending at `end`, as the extractor reads them."""
    return years_span(text, end)


class SkillReader:
    """Build once per import (it indexes the taxonomy); `read` maps cell text → skills."""

    def __init__(self, nlp: SkillNLP) -> None:
        self.nlp = nlp
        self._names: dict[str, str] = {}
        self._case: dict[str, set[str]] = {}
        for skill in nlp.taxonomy.skills:
            for alias in (skill.canonical, *skill.aliases):
                self._names[fold(alias).lower()] = skill.canonical
                if len(alias) <= CASE_SENSITIVE_MAX and alias.isascii():
                    self._case.setdefault(skill.canonical, set()).update({alias, alias.upper()})

    def read(self, texts: Sequence[str]) -> dict[str, Skills]:
        """Each distinct non-empty (normalised) text to (skills in order, years per skill)."""
        out: dict[str, Skills] = {}
        slow: list[str] = []
        for text in dict.fromkeys(t for t in texts if t):
            found = self._list_cell(text)
            if found is None:
                slow.append(text)
            else:
                out[text] = found
        batch: list[str] = []
        size = 0
        for text in slow:
            if batch and size + len(text) >= _BATCH_CHARS:
                self._find(batch, out)
                batch, size = [], 0
            batch.append(text)
            size += len(text) + 1
        if batch:
            self._find(batch, out)
        return out

    def _name(self, piece: str) -> str | None:
        canonical = self._names.get(piece.lower())
        if canonical is None:
            return None
        case = self._case.get(canonical)
        if case is not None and len(piece) <= CASE_SENSITIVE_MAX and piece not in case:
            return None
        return canonical

    def _list_cell(self, text: str) -> Skills | None:
        """The fast path: every item a taxonomy name, maybe with years; None otherwise."""
        names: list[str] = []
        years: dict[str, float] = {}
        for raw in _ITEMS.split(text):
            piece = raw.strip()
            if not piece:
                continue
            name = self._name(piece)
            if name is None:
                for cut in _CUTS.finditer(piece):
                    name = self._name(piece[: cut.start()].strip()) if cut.start() else None
                    if name is None:
                        continue
                    value, end = _years_at(piece, cut.start())
                    if value is not None and re.fullmatch(r"\s*\)?\s*", piece[end:]):
                        years[name] = max(value, years.get(name, 0.0))
                        break
                    name = None
                if name is None:
                    return None
            if name not in names:
                names.append(name)
        return tuple(names), years

    def _find(self, batch: list[str], out: dict[str, Skills]) -> None:
        starts: list[int] = []
        pos = 0
        for text in batch:
            starts.append(pos)
            pos += len(text) + 1
        found: list[tuple[list[str], dict[str, float]]] = [([], {}) for _ in batch]
        for span in self.nlp.find("\n".join(batch)):
            k = bisect.bisect_right(starts, span.start) - 1
            names, years = found[k]
            if span.canonical not in names:
                names.append(span.canonical)
            value, _ = _years_at(batch[k], span.end - starts[k])
            if value is not None and value > years.get(span.canonical, 0.0):
                years[span.canonical] = value
        for text, (names, years) in zip(batch, found, strict=True):
            out[text] = (tuple(names), years)
