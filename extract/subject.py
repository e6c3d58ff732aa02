"""Data carried by the subject line alone: `【急募】PHP/渋谷/~60万/1月~`."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from hayaoshi.extract.places import parse_place
from hayaoshi.extract.values import (
    find_age,
    find_gender,
    find_interviews,
    parse_rate,
    parse_remote,
    parse_start,
)

_PREFIX = re.compile(r"^\s*(?:(?:re|fw|fwd|転送|返信)\s*(?:\[\d+\])?\s*[::]\s*)+", re.IGNORECASE)
_TAGS = re.compile(r"[【\[<《≪][^】\]>》≫]*[】\]>》≫]|[★☆◆◇■□●○◎※!]+")
_TALENT_WORDS = re.compile(
    r"人材(?:情報|紹介|のご|提案|】)|【人材|要員|技術者(?:の|を)?(?:ご紹介|ご提案|情報)|技術者】|人財|"
    r"エンジニア(?:の)?(?:ご紹介|ご提案|情報)|プロパー|弊社社員|弊社正社員|"
    r"自社社員|自社エンジニア|スキルシート|ご提案|案件(?:を)?(?:ください|探して|希望|募集中)|稼働可能|即日稼働可"
)
_JOB_WORDS = re.compile(r"案件|募集|急募|求人|増員|求む|探しています|のご相談")
_SPLIT = re.compile(r"[/|、,・]|\s+")


def is_reply(subject: str) -> bool:
    return bool(re.match(r"^\s*(?:re|返信)\s*(?:\[\d+\])?\s*[::]", subject, re.IGNORECASE))


def strip_prefixes(subject: str) -> str:
    return _PREFIX.sub("", subject).strip()


def clean_title(subject: str) -> str | None:
    text = _TAGS.sub(" ", strip_prefixes(subject))
    text = re.sub(r"\s+", " ", text).strip(" /|-")
    return text or None


def kind_hint(subject: str) -> tuple[float, float]:
    """(job, talent) evidence from the subject's words."""
    s = strip_prefixes(subject)
    talent = 1.5 if _TALENT_WORDS.search(s) else 0.0
    job = 1.0 if _JOB_WORDS.search(s) and not re.search(r"案件(?:を)?(?:ください|探して|希望)", s) else 0.0
    return job, talent


@dataclass(slots=True)
class SubjectData:
    rate: tuple[int | None, int | None, bool] | None = None
    start: date | None = None
    station: str | None = None
    remote: str | None = None
    age: int | None = None
    gender: str | None = None
    interviews: int | None = None
    items: int = 0  # how many values the subject states (rate, start, remote, place)
    pieces: list[str] = field(default_factory=list)
    place_candidates: list[str] = field(default_factory=list)


_BARE_PLACE = re.compile(r"^[一-龥ァ-ヶー々ノ]{2,8}$")


def parse_subject(norm_subject: str, ref: date) -> SubjectData:
    """What the subject states. A bare place name (`渋谷`) is left in `place_candidates` for the
    caller to check with Sudachi, only when the body names no station."""
    s = strip_prefixes(norm_subject)
    data = SubjectData()
    data.pieces = [p for p in _SPLIT.split(_TAGS.sub("/", s)) if p]
    if "万" in s or "@" in s:
        r = parse_rate(s)
        if r and (r.min or r.max):
            data.rate = (r.min, r.max, r.negotiable)
    st = parse_start(s, ref) if re.search(r"\d\s*月|即日|即~|来月|翌月", s) else None
    data.start = st[0] if st else None
    rem = parse_remote(s)
    data.remote = str(rem[0]) if rem else None
    for piece in data.pieces:
        if "駅" in piece:
            station, _ = parse_place(piece, labelled=False)
            if station:
                data.station = station
                break
    if data.station is None:
        data.place_candidates = [p for p in data.pieces if _BARE_PLACE.match(p)]
    iv = find_interviews(s)
    data.interviews = iv[0] if iv else None
    age = find_age(s)
    data.age = age[0] if age else None
    data.items = sum(x is not None for x in (data.rate, data.start, data.remote, data.station)) + (
        1 if data.place_candidates else 0)
    gender = find_gender(s)
    data.gender = gender[0] if gender else None
    return data
