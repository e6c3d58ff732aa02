"""Postings into matching values, and the keys that make values comparable.

`job_from_posting` / `engineer_from_posting` turn the extractor's `Posting` into the `Job` /
`Engineer` that matching reads. The small key functions below (station, company, nationality,
Japanese level) are shared by the per-pair reference in `explain.py`, the column index in
`index.py` and clustering, so all three compare values the same way; `quote_skill` cuts the
part of an evidence line that a requirement row quotes.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from datetime import date, datetime

from hayaoshi.errors import MatchError
from hayaoshi.extract.model import Employment, Posting, PostingKind
from hayaoshi.extract.normalize import normalize
from hayaoshi.match.model import Engineer, Job

NO_NAME = "(氏名なし)"

# Second-level labels under which a company's own name is the third label from the right:
# example.co.jp, example.ne.jp, example.com.cn. Enough for partner mail; no public-suffix list.
_SECOND_LEVEL = frozenset({"co", "ne", "or", "ac", "go", "gr", "ed", "lg", "ad", "com", "net", "org", "gov", "edu"})
_JAPANESE = frozenset({"日本", "日本国", "japan", "jp", "jpn", "japanese"})
_NATIVE = ("ネイティブ", "母国語", "母語", "NATIVE")
_JLPT = re.compile(r"N\s*([1-5])")
_SEPARATORS = frozenset("、,，/／・;；|｜ 　\t\n")


def job_from_posting(
    posting: Posting,
    id: str,
    company: str | None,
    received_at: datetime | None = None,
    expires_at: datetime | None = None,
) -> Job:
    """A 案件 posting as a `Job`; `company` is the sender's mail domain."""
    if posting.kind is not PostingKind.JOB:
        raise MatchError(f"posting {id}: a {posting.kind} posting is not a 案件")
    required = tuple(dict.fromkeys(posting.required_skills))
    preferred = tuple(s for s in dict.fromkeys(posting.preferred_skills) if s not in required)
    if not required and not preferred and posting.skills:
        required = tuple(dict.fromkeys(posting.skills))
    return Job(
        id=id,
        title=posting.title,
        company=company,
        required_skills=required,
        preferred_skills=preferred,
        skill_years=dict(posting.skill_years),
        rate_min=posting.rate_min,
        rate_max=posting.rate_max,
        start=posting.start,
        station=posting.station,
        location=posting.location,
        remote=posting.remote.value if posting.remote else None,
        foreigners_ok=posting.foreigners_ok,
        japanese_level=posting.japanese_level,
        age_max=posting.age_max,
        max_chain=posting.max_chain,
        freelance_ok=posting.freelance_ok,
        interviews=posting.interviews,
        settlement_hours=posting.settlement_hours,
        headcount=posting.headcount,
        evidence=dict(posting.evidence),
        received_at=received_at,
        expires_at=expires_at,
    )


def engineer_from_posting(
    posting: Posting,
    id: str,
    company: str | None,
    expires_at: datetime | None = None,
) -> Engineer:
    """A partner's 人材 posting as an `Engineer` of the pool (never one of our own).

    The partner's employee (or contract employee, or an unstated contract) is one company away
    from us; the partner's freelancer is two (the partner contracts the freelancer).
    """
    if posting.kind is not PostingKind.TALENT:
        raise MatchError(f"posting {id}: a {posting.kind} posting is not a 人材")
    employment = posting.employment
    return Engineer(
        id=id,
        name=posting.name or NO_NAME,
        own=False,
        company=company,
        chain_distance=2 if employment is Employment.FREELANCE else 1,
        skills=tuple(dict.fromkeys(posting.skills)),
        skill_years=dict(posting.skill_years),
        rate=posting.rate_min or posting.rate_max,
        available_from=posting.start,
        age=posting.age,
        gender=posting.gender,
        nationality=posting.nationality,
        japanese_level=posting.japanese_level,
        employment=employment.value if employment else None,
        station=posting.station,
        remote=posting.remote.value if posting.remote else None,
        evidence=dict(posting.evidence),
        expires_at=expires_at,
        warnings=tuple(posting.warnings),
        sheet_skills=tuple(posting.sheet_skills) if posting.sheet_skills is not None else None,
    )


def station_key(station: str | None) -> str | None:
    """`品川駅`, `品川`, `ＪＲ品川` compare equal only in the first two: width folded, 駅 dropped."""
    if not station:
        return None
    key = unicodedata.normalize("NFKC", station).strip().removesuffix("駅").strip()
    return key or None


def company_key(domain: str | None) -> str | None:
    """The company's own domain: `sales.example.co.jp` and `t.k@example.co.jp` → `example.co.jp`."""
    if not domain:
        return None
    name = domain.strip().lower().rsplit("@", 1)[-1].strip(".")
    labels = [label for label in name.split(".") if label]
    if not labels:
        return None
    keep = 3 if len(labels) >= 3 and labels[-2] in _SECOND_LEVEL and len(labels[-1]) == 2 else 2
    return ".".join(labels[-keep:])


def is_foreign(nationality: str | None) -> bool | None:
    """None when the nationality is not stated (it never excludes: the rep asks)."""
    if not nationality or not nationality.strip():
        return None
    key = unicodedata.normalize("NFKC", nationality).strip().lower().removesuffix("籍").removesuffix("人")
    return key not in _JAPANESE


def level_rank(level: str | None) -> int | None:
    """JLPT N1 → 5 … N5 → 1, native → 6; None for words that cannot be ranked (ビジネスレベル)."""
    if not level:
        return None
    text = unicodedata.normalize("NFKC", level).upper()
    if any(word in text for word in _NATIVE):
        return 6
    found = _JLPT.search(text)
    return 6 - int(found.group(1)) if found else None


def as_day(moment: date | datetime | None) -> date | None:
    """The calendar day of an expiry (a datetime keeps its own time zone's day)."""
    if moment is None:
        return None
    return moment.date() if isinstance(moment, datetime) else moment


# ---- evidence: the part of a mail's line a requirement row quotes ----


def shorten(text: str, limit: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@functools.lru_cache(maxsize=16384)
def quote_skill(raw: str, skill: str) -> str:
    """The part of a skills line that names `skill`, with the line's label when it has one.

    "【スキル】Java(2年11ヶ月)、Spring、AWS(EC2/S3)" → "【スキル】Java(2年11ヶ月)". Matching is
    case- and width-insensitive and respects ASCII word boundaries (Java is not in JavaScript).
    """
    norm = normalize(raw)
    text, needle = norm.text.lower(), normalize(skill).text.lower()
    at = -1
    pos = text.find(needle)
    while pos >= 0:
        before = text[pos - 1] if pos else " "
        after = text[pos + len(needle)] if pos + len(needle) < len(text) else " "
        if not _word_char(before) and not _word_char(after):
            at = pos
            break
        pos = text.find(needle, pos + 1)
    if at < 0 or len(text) != len(norm.text):
        return shorten(raw)
    label_end = _label_end(norm.text)
    if at < label_end:
        label_end = 0
    start = at
    while start > label_end and norm.text[start - 1] not in _SEPARATORS and norm.text[start - 1] not in "(（":
        start -= 1
    end, depth = at + len(needle), 0
    while end < len(norm.text):
        ch = norm.text[end]
        if ch in "(（[［":
            depth += 1
        elif ch in ")）]］":
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and ch in _SEPARATORS:
            break
        end += 1
    label, gap = norm.raw_span(0, label_end).lstrip(), norm.raw_span(label_end, start)
    space = gap[: len(gap) - len(gap.lstrip())] if label else ""  # as the line spaces its label
    return (label + space + norm.raw_span(start, end).strip()).strip() or shorten(raw)


def _word_char(ch: str) -> bool:
    """Characters that continue an ASCII skill name: `Java` is not in `JavaScript`, `C` not in `C#`."""
    return ch.isascii() and (ch.isalnum() or ch in "#+")


def _label_end(text: str) -> int:
    """Where a leading label ends (`【スキル】`, `■スキル：`, `ロスター 12行目 スキル: `); 0 when none.

    A label is a bracketed head, or text up to a colon within 30 characters with no list
    separator or parenthesis before it (so `Java(7年)：…` is not one).
    """
    stripped = len(text) - len(text.lstrip())
    if text[stripped:].startswith("【") and "】" in text:
        return text.index("】") + 1
    colons = [at for at in (text.find("：", stripped), text.find(":", stripped)) if at >= 0]
    if colons and min(colons) <= stripped + 30 and not any(ch in "、,，/(（" for ch in text[: min(colons)]):
        return min(colons) + 1
    return 0
