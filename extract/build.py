"""Turn one segment of a mail into a Posting: labelled values first, then unlabelled text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from hayaoshi.extract.labels import Field
from hayaoshi.extract.model import Employment, Posting, PostingKind, Remote
from hayaoshi.extract.nlp import SkillSpan
from hayaoshi.extract.normalize import Normalized
from hayaoshi.extract.places import find_station, parse_place
from hayaoshi.extract.segment import NAME_LINE, Segment
from hayaoshi.extract.subject import SubjectData, clean_title
from hayaoshi.extract.values import (
    find_age,
    find_age_max,
    find_employment,
    find_foreigners_ok,
    find_freelance_ok,
    find_gender,
    find_interviews,
    find_japanese_level,
    find_max_chain,
    find_nationality,
    parse_chain_depth,
    parse_foreigners_value,
    parse_headcount,
    parse_interviews,
    parse_nationality_value,
    parse_rate,
    parse_remote,
    parse_settlement,
    parse_start,
    parse_years,
)

# Java(7年), Java_5年8ヶ月, C#(約122ヶ月), Java開発経験3年以上, Laravel歴7年以上, Java:7年,
# Pythonでの開発経験(3年以上), AWSの設計・構築経験3年以上, Flutterでの開発経験が2年以上.
# Only connective words may stand between the skill and its years, so `Javaでの開発に携わって
# きました(IT経験約15年)` gives Java no years.
_SKILL_YEARS = re.compile(
    r"\s*[(_:\-]?\s*(?:での|を用いた|を使った|を使用した|による|の|で)?\s*"
    r"(?:(?:開発|実務|使用|利用|設計|構築|業務|運用|導入|保守|実装)[・/]?){0,3}\s*(?:経験|歴)?\s*(?:年数)?\s*"
    r"(?:が|は)?\s*[:(]?\s*(?:約|計)?\s*(?:(\d{1,2}(?:\.\d)?)\s*年\s*(?:(\d{1,2})\s*[ヶかカケヵ箇]\s*月)?|"
    r"(\d{1,3})\s*[ヶかカケヵ箇]\s*月)"
)


def years_span(text: str, end: int) -> tuple[float | None, int]:
    """The years stated right after a skill ending at `end`, and where that statement ends."""
    m = _SKILL_YEARS.match(text, end)
    if not m or m.end() - end > 24:
        return None, end
    years = (float(m.group(1)) + (int(m.group(2)) / 12 if m.group(2) else 0.0)
             if m.group(1) else int(m.group(3)) / 12)
    years = round(years, 2)
    return (years if 0 < years <= 50 else None), m.end()


def years_after(text: str, end: int) -> float | None:
    """The years stated right after a skill that ends at `end`, if any."""
    return years_span(text, end)[0]


_START_CUE = re.compile(r"稼働|開始|参画|入場|可能|より|から|~|即日|期間")
_RATE_CUE = re.compile(r"単価|単金|金額|希望|万/月|万円")
_SETTLE_CUE = re.compile(r"精算|清算")
# A job's Japanese level is read only next to what it qualifies: `外国籍:可(N1以上)`.
_JA_WINDOW = re.compile(r"(?:日本語|JLPT|外国籍|外国人)[^。\n【■]{0,20}")
_NOT_RATE = re.compile(r"請求|税込|税抜|支払|合計|小計|振込|年収|資本金|売上")
_ONE_LINE = 80
_HEADS_WANTED = re.compile(r"(\d{1,2})\s*名\s*(?:まで|程度|ほど)?\s*(?:の)?\s*(?:募集|増員|を?探し|を?求め)")
_PER_START_HEADS = re.compile(r"\d\s*月\s*~?\s*:?\s*\d{1,2}(?:\s*~\s*\d{1,2})?\s*名")


class PostingBuilder:
    """Holds a mail's shared analysis; `build` is called once per segment."""

    def __init__(self, norm: Normalized, lines: list[str], starts: list[int], fields: list[Field],
                 skills: list[SkillSpan], contacts: set[int], ref: date,
                 place_names: Callable[[str], list[str]]) -> None:
        self.place_names = place_names
        self.shared: Segment | None = None  # lines above numbered postings, common to them
        self.subject_years: dict[str, float] = {}  # `【人材】Java経験10年/32歳`
        self.norm = norm
        self.lines = lines
        self.starts = starts
        self.fields = fields
        self.skills = skills
        self.contacts = contacts
        self.ref = ref

    # ------------------------------------------------------------------ helpers

    def _evidence_of(self, f: Field) -> str:
        raw = self.norm.raw_span(f.label_start, f.end)
        return raw.strip()

    def _line_raw(self, i: int) -> str:
        return self.norm.raw_span(self.starts[i], self.starts[i] + len(self.lines[i])).strip()

    def _first(self, fields: list[Field], *keys: str) -> Field | None:
        for f in fields:
            if f.key in keys and f.value:
                return f
        return None

    def _text_lines(self, seg: Segment) -> list[int]:
        return [i for i in range(seg.start, seg.end) if i not in self.contacts]

    def _scan(self, seg: Segment, finder: Callable[[str], Any], cue: re.Pattern[str] | None = None,
              ) -> tuple[Any, str] | None:
        """The first line of the segment where `finder` finds a value: (value, raw line)."""
        for i in self._text_lines(seg):
            line = self.lines[i]
            if cue is not None and not cue.search(line):
                continue
            found = finder(line)
            if found is not None:
                return found, self._line_raw(i)
        return None

    def wants_place(self, seg: Segment) -> bool:
        return any(f.key == "place" for f in self.fields if seg.start <= f.line < seg.end) is False

    # ------------------------------------------------------------------ the build

    def build(self, kind: PostingKind, seg: Segment, fields: list[Field], *,
              subject: SubjectData | None, subject_skills: list[str],
              subject_title: str | None) -> Posting:
        p = Posting(kind=kind)
        ev = p.evidence
        self._skills(p, seg, fields, subject_skills)
        self._rate(p, seg, fields, subject)
        self._start(p, seg, fields, subject)
        self._place(p, seg, fields, subject)
        self._remote(p, seg, fields, subject)
        f = self._first(fields, "settlement")
        settle = parse_settlement(f.value) if f else None
        if settle:
            p.settlement_hours, ev["settlement_hours"] = settle, self._evidence_of(f)
        elif (rf := self._first(fields, "rate")) and (settle := parse_settlement(rf.value)):
            p.settlement_hours, ev["settlement_hours"] = settle, self._evidence_of(rf)
        elif f is None and (hit := self._scan(seg, parse_settlement, _SETTLE_CUE)):
            p.settlement_hours, ev["settlement_hours"] = hit
        if kind is PostingKind.JOB:
            self._job(p, seg, fields, subject_title, subject)
        else:
            self._talent(p, seg, fields, subject)
        return p

    def _skills(self, p: Posting, seg: Segment, fields: list[Field], subject_skills: list[str],
                ) -> None:
        lo, hi = self.starts[seg.start], (
            self.starts[seg.end] if seg.end < len(self.starts) else len(self.norm.text))
        preferred_ranges = [(f.start, f.end) for f in fields if f.key == "preferred"]
        skip_ranges = [(self.starts[i], self.starts[i] + len(self.lines[i])) for i in self.contacts]
        required: list[str] = []
        preferred: list[str] = []
        evidence: list[str] = []
        text = self.norm.text
        for span in self.skills:
            if not lo <= span.start < hi or any(a <= span.start < b for a, b in skip_ranges):
                continue
            name = span.canonical
            in_pref = any(a <= span.start < b for a, b in preferred_ranges)
            bucket = preferred if in_pref and p.kind is PostingKind.JOB else required
            if name not in bucket:
                bucket.append(name)
                evidence.append(self.norm.raw_span(span.start, span.end))
            years = years_after(text, span.end)
            if years is not None and years > p.skill_years.get(name, 0):
                p.skill_years[name] = years
        for name in subject_skills:
            if name not in required and name not in preferred:
                required.append(name)
            if name in self.subject_years and name not in p.skill_years:
                p.skill_years[name] = self.subject_years[name]
        preferred = [s for s in preferred if s not in required]
        if p.kind is PostingKind.JOB:
            p.required_skills, p.preferred_skills = required, preferred
            p.skills = required + preferred
        else:
            p.skills = required + [s for s in preferred if s not in required]
        if p.skills:
            p.evidence["skills"] = "、".join(evidence) if evidence else "(subject)"

    def _rate(self, p: Posting, seg: Segment, fields: list[Field], subject: SubjectData | None,
              ) -> None:
        f = self._first(fields, "rate")
        rate = parse_rate(f.value) if f else None
        source = self._evidence_of(f) if f else None
        if f is None:
            hit = self._scan(seg, lambda s: r if not _NOT_RATE.search(s) and (r := parse_rate(s)) and (
                r.min or r.max) else None, _RATE_CUE)
            if hit:
                rate, source = hit
        if rate is None and p.kind is PostingKind.TALENT:
            # `① Y.S／45歳／男性／西船橋駅／即日／62万`: a bare amount on the engineer's own line.
            hit = self._scan(seg, lambda s: r if NAME_LINE.search(s) and (r := parse_rate(s)) and (
                r.min or r.max) else None)
            if hit:
                rate, source = hit
        if rate is not None and (rate.min or rate.max or rate.negotiable):
            p.rate_min, p.rate_max, p.rate_negotiable = rate.min, rate.max, rate.negotiable
            p.evidence["rate"] = source or ""
        elif subject is not None and subject.rate:
            p.rate_min, p.rate_max, p.rate_negotiable = subject.rate
            p.evidence["rate"] = "(subject)"

    def _start(self, p: Posting, seg: Segment, fields: list[Field], subject: SubjectData | None,
               ) -> None:
        for f in fields:
            if f.key == "start" and f.value:
                found = parse_start(f.value, self.ref)
                if found:
                    p.start, p.evidence["start"] = found[0], self._evidence_of(f)
                    return
        hit = self._scan(seg, lambda s: parse_start(s, self.ref), _START_CUE)
        if hit and re.search(r"\d\s*月|即|随時|来月|翌月|\d/\d", hit[1]):
            p.start, p.evidence["start"] = hit[0][0], hit[1]
        elif subject is not None and subject.start:
            p.start, p.evidence["start"] = subject.start, "(subject)"

    def _place(self, p: Posting, seg: Segment, fields: list[Field], subject: SubjectData | None,
               ) -> None:
        for f in fields:
            if f.key == "place" and f.value:
                station, location = parse_place(f.value.split("\n")[0])
                if station and not p.station:
                    p.station, p.evidence["station"] = station, self._evidence_of(f)
                if location and not p.location:
                    p.location, p.evidence["location"] = location, self._evidence_of(f)
        if p.station is None:
            hit = self._scan(seg, find_station)
            if hit:
                p.station, p.evidence["station"] = hit[0][0], hit[1]
        if p.station is None and subject is not None and subject.station:
            p.station, p.evidence["station"] = subject.station, "(subject)"
        elif p.station is None and subject is not None and subject.place_candidates:
            # `【急募】PHP/渋谷/~60万`: a bare piece of the subject that Sudachi knows as a place.
            known = set(self.place_names(" ".join(subject.place_candidates)))
            for piece in subject.place_candidates:
                if piece in known:
                    p.station, p.evidence["station"] = piece, "(subject)"
                    break

    def _remote(self, p: Posting, seg: Segment, fields: list[Field], subject: SubjectData | None,
                ) -> None:
        for key in ("remote", "place", "start", "notes", "work"):
            for f in fields:
                if f.key == key and f.value and (r := parse_remote(f.value)):
                    p.remote, p.evidence["remote"] = r[0], self._evidence_of(f)
                    return
        hit = self._scan(seg, parse_remote)
        if hit:
            p.remote, p.evidence["remote"] = hit[0][0], hit[1]
        elif subject is not None and subject.remote:
            p.remote, p.evidence["remote"] = Remote(subject.remote), "(subject)"

    def _labelled_or_scan(self, p: Posting, seg: Segment, fields: list[Field], attr: str,
                          keys: tuple[str, ...], finder: Callable[[str], Any], *,
                          with_label: bool = False) -> None:
        for f in fields:
            # `【B　P】不可`: the label carries half the meaning, so some finders read both.
            text = f"{f.label}:{f.value}" if with_label else f.value
            if f.key in keys and f.value and (found := finder(text)) is not None:
                setattr(p, attr, found[0])
                p.evidence[attr] = self._evidence_of(f)
                return
        hit = self._scan(seg, finder)
        if hit is None and self.shared is not None:
            # `※2件とも貴社社員まで` above numbered 案件 holds for each of them.
            hit = self._scan(self.shared, finder)
        if hit:
            setattr(p, attr, hit[0][0])
            p.evidence[attr] = hit[1]

    def _job(self, p: Posting, seg: Segment, fields: list[Field], subject_title: str | None,
             subject: SubjectData | None) -> None:
        ev = p.evidence
        f = self._first(fields, "title")
        if f and len(first := f.value.split("\n")[0]) <= _ONE_LINE:
            at = self.norm.text.find(first, f.start)
            p.title = self.norm.raw_span(at, at + len(first)).strip() or None
            ev["title"] = self._evidence_of(f)
        elif seg.header:
            p.title = seg.header
            ev["title"] = seg.header
        elif subject_title:
            p.title = clean_title(subject_title)
            if p.title:
                ev["title"] = subject_title
        f = self._first(fields, "interviews")
        n = parse_interviews(f.value) if f else None
        if n is not None and f is not None:
            p.interviews, ev["interviews"] = n, self._evidence_of(f)
        elif hit := self._scan(seg, find_interviews):
            p.interviews, ev["interviews"] = hit[0][0], hit[1]
        elif subject is not None and subject.interviews:
            p.interviews, ev["interviews"] = subject.interviews, "(subject)"
        for f in fields:
            if f.key in ("foreigners", "nationality") and f.value:
                ok = parse_foreigners_value(f.value)
                if ok is not None:
                    p.foreigners_ok, ev["foreigners_ok"] = ok, self._evidence_of(f)
                    break
        if p.foreigners_ok is None and (hit := self._scan(seg, find_foreigners_ok)):
            p.foreigners_ok, ev["foreigners_ok"] = hit[0][0], hit[1]
        self._labelled_or_scan(p, seg, fields, "age_max", ("age",), find_age_max)
        self._labelled_or_scan(p, seg, fields, "max_chain", ("chain", "affiliation", "notes"),
                               find_max_chain, with_label=True)
        self._labelled_or_scan(p, seg, fields, "freelance_ok", ("chain", "affiliation", "notes"),
                               find_freelance_ok, with_label=True)
        f = self._first(fields, "chain")
        if f is not None:
            p.chain_depth = parse_chain_depth(f.value)
        jp = self._scan(seg, lambda s: find_japanese_level(w.group(0))
                        if (w := _JA_WINDOW.search(s)) else None)
        if jp:
            p.japanese_level, ev["japanese_level"] = jp[0][0], jp[1]
        f = self._first(fields, "headcount")
        if f and (n := parse_headcount(f.value)):
            p.headcount, ev["headcount"] = n, self._evidence_of(f)
        elif hit := self._scan(seg, lambda s: (int(m.group(1)),) if (m := _HEADS_WANTED.search(s)) else None):
            p.headcount, ev["headcount"] = hit[0][0], hit[1]
        elif hit := self._scan(seg, lambda s: (parse_headcount(s),) if _PER_START_HEADS.search(s) else None):
            # `1月~:1名 2月~:2~3名`: heads per start date, summed.
            p.headcount, ev["headcount"] = hit[0][0], hit[1]

    def _talent(self, p: Posting, seg: Segment, fields: list[Field], subject: SubjectData | None,
                ) -> None:
        ev = p.evidence
        name = self._first(fields, "name")
        if name:
            p.name = re.split(r"[(/\s_]", name.value, maxsplit=1)[0] or None
        age = None
        for f in fields:
            if f.key == "age" and f.value and (age := find_age(f.value, labelled=True)):
                p.age, ev["age"] = age[0], self._evidence_of(f)
                break
        if p.age is None and name and (age := find_age(name.value)):
            p.age, ev["age"] = age[0], self._evidence_of(name)
        if p.age is None and (hit := self._scan(seg, find_age)):
            p.age, ev["age"] = hit[0][0], hit[1]
        if p.age is None and subject is not None and subject.age:
            p.age, ev["age"] = subject.age, "(subject)"
        self._labelled_or_scan(p, seg, fields, "gender", ("gender", "name", "age"), find_gender)
        if p.gender is None and subject is not None and subject.gender:
            p.gender, ev["gender"] = subject.gender, "(subject)"
        for f in fields:
            if f.key == "nationality" and f.value and (nat := parse_nationality_value(f.value)):
                p.nationality, ev["nationality"] = nat, self._evidence_of(f)
                break
        if p.nationality is None and (hit := self._scan(seg, find_nationality)):
            p.nationality, ev["nationality"] = hit[0][0], hit[1]
        f = self._first(fields, "japanese")
        if f is not None:
            jp = find_japanese_level(f.value)
            p.japanese_level = jp[0] if jp else f.value.split("\n")[0].strip()[:20] or None
            ev["japanese_level"] = self._evidence_of(f)
        elif hit := self._scan(seg, lambda s: find_japanese_level(s)
                               if re.search(r"日本語|JLPT", s) else None):
            p.japanese_level, ev["japanese_level"] = hit[0][0], hit[1]
        self._labelled_or_scan(p, seg, fields, "employment", ("affiliation",), find_employment)
        if isinstance(p.employment, str) and not isinstance(p.employment, Employment):
            p.employment = Employment(p.employment)
        f = self._first(fields, "career")
        if f and (years := parse_years(f.value)):
            p.career_years = years
        f = self._first(fields, "parallel")
        if f:
            p.parallel = f.value.split("\n")[0][:40]
