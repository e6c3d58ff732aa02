"""The same 案件 arriving from several senders: one cluster, matched once.

Partners forward the same opening with their own wording, rate and place in the 商流. Two jobs are
the same work when they come from different senders, agree where both speak (station, start
within a month, rate ranges overlapping allowing for each company's cut) and are alike in what
they ask: their skill sets (Jaccard ≥ 0.5) and their normalised titles (character bigram
Jaccard). A cluster grows pair by pair, in input order, while it keeps to one station and starts
within a month of each other: a forward that omits the station cannot bridge two openings.

`cluster` does not compare every pair: a pair is compared only when it shares a token of the
prefix filter of its skill sets (a set-similarity join: sets with Jaccard ≥ t must share one of
their |x| − ⌈t·|x|⌉ + 1 rarest tokens), blocked further by station; a job with no skills is
compared through the same filter over title bigrams.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from itertools import combinations

from hayaoshi.match.convert import company_key, station_key
from hayaoshi.match.explain import Terms, job_terms
from hayaoshi.match.job_columns import JobColumns
from hayaoshi.match.model import Job

SKILL_SIMILARITY = 0.5  # skill sets' Jaccard, when both jobs name skills
TITLE_SIMILARITY = 0.3  # titles' bigram Jaccard, beside similar skills
TITLE_ONLY_SIMILARITY = 0.6  # titles' bigram Jaccard, when one job names no skill
SKILLS_ONLY_SIMILARITY = 0.8  # skill sets' Jaccard, when a title is missing (and stations agree)
START_WINDOW_DAYS = 31
RATE_SLACK = 100_000  # each company in the chain takes its cut: 70万 and 65万 are the same work

_TAG = re.compile(r"【[^】]*】|\[[^\]]*\]|［[^］]*］|＜[^＞]*＞|<[^>]*>")
# Words every title has or any sender adds; they say nothing about which work it is.
_NOISE = (
    "案件", "募集", "急募", "至急", "新規", "再送", "増員", "追加", "のご紹介", "ご紹介", "求む", "システム", "向け",
    "会社", "様",
)  # fmt: skip


def same_work(a: Job, b: Job) -> bool:
    """True when two postings are the same 案件 from two senders (see the module docstring)."""
    return _same(_Key(a), _Key(b))


def cluster(jobs: Sequence[Job]) -> list[list[Job]]:
    """Every job in exactly one cluster; clusters and members in input order. Deterministic."""
    keys = [_Key(job) for job in jobs]
    parent = list(range(len(jobs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # What a cluster has seen, kept on its root: the known stations and the span of known starts.
    stations = [frozenset((k.station,)) if k.station else frozenset() for k in keys]
    starts = [(k.start, k.start) if k.start is not None else None for k in keys]
    for i, j in sorted(_candidate_pairs(keys)):
        ri, rj = root(i), root(j)
        if ri == rj or not _same(keys[i], keys[j]):
            continue
        seen = stations[ri] | stations[rj]
        span = _span(starts[ri], starts[rj])
        if len(seen) > 1 or (span is not None and span[1] - span[0] > START_WINDOW_DAYS):
            continue
        low, high = min(ri, rj), max(ri, rj)
        parent[high] = low
        stations[low], starts[low] = seen, span
    groups: dict[int, list[Job]] = {}
    for i, job in enumerate(jobs):
        groups.setdefault(root(i), []).append(job)
    return list(groups.values())


def best_source_order(cluster: Iterable[Job], depth: Mapping[str, int | None]) -> list[Job]:
    """The sources of one 案件, best first: the shortest 商流 (unknown last), then the highest rate."""

    def key(job: Job) -> tuple[bool, int, bool, int, str]:
        d = depth.get(job.id)
        return (d is None, d or 0, job.rate_max is None, -(job.rate_max or 0), job.id)

    return sorted(cluster, key=key)


def title_bigrams(title: str | None, skills: Iterable[str] = ()) -> frozenset[str]:
    """Character bigrams of a title without tags (【急募】), stock words, the job's own skill names
    (compared on their own), punctuation or spaces."""
    if not title:
        return frozenset()
    text = unicodedata.normalize("NFKC", title).lower()
    untagged = _TAG.sub(" ", text)
    if untagged.strip():
        text = untagged
    for word in (*_NOISE, *(unicodedata.normalize("NFKC", s).lower() for s in skills)):
        text = text.replace(word, " ")
    text = "".join(ch for ch in text if ch.isalnum())
    if len(text) < 2:
        return frozenset({text}) if text else frozenset()
    return frozenset(text[i : i + 2] for i in range(len(text) - 1))


class _Key:
    """What comparison needs of a job, computed once."""

    __slots__ = ("company", "job", "rate", "skills", "start", "station", "title")

    def __init__(self, job: Job) -> None:
        self.job = job
        self.company = company_key(job.company)
        self.station = station_key(job.station)
        self.start = job.start.toordinal() if job.start else None
        low, high = job.rate_min or job.rate_max, job.rate_max or job.rate_min
        self.rate = (low, high) if low and high else None
        self.skills = frozenset((*job.required_skills, *job.preferred_skills))
        self.title = title_bigrams(job.title, self.skills)


def _span(a: tuple[int, int] | None, b: tuple[int, int] | None) -> tuple[int, int] | None:
    if a is None or b is None:
        return a or b
    return min(a[0], b[0]), max(a[1], b[1])


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _same(a: _Key, b: _Key) -> bool:
    if a.job is b.job:
        return True
    if a.company is not None and a.company == b.company:
        return False
    if a.station is not None and b.station is not None and a.station != b.station:
        return False
    if a.start is not None and b.start is not None and abs(a.start - b.start) > START_WINDOW_DAYS:
        return False
    if a.rate is not None and b.rate is not None:
        if a.rate[0] > b.rate[1] + RATE_SLACK or b.rate[0] > a.rate[1] + RATE_SLACK:
            return False
    if a.skills and b.skills:
        skills = _jaccard(a.skills, b.skills)
        if skills < SKILL_SIMILARITY:
            return False
        if a.title and b.title:
            return _jaccard(a.title, b.title) >= TITLE_SIMILARITY
        return skills >= SKILLS_ONLY_SIMILARITY and a.station is not None and b.station is not None
    if a.title and b.title:
        return _jaccard(a.title, b.title) >= TITLE_ONLY_SIMILARITY
    return False


def _prefixes(sets: Sequence[frozenset[str]], threshold: float) -> list[list[str]]:
    """Each set's prefix-filter tokens: its |x| − ⌈t·|x|⌉ + 1 rarest (then alphabetical) tokens."""
    freq = Counter(token for s in sets for token in s)
    out = []
    for s in sets:
        ordered = sorted(s, key=lambda token: (freq[token], token))
        out.append(ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1] if ordered else [])
    return out


def _candidate_pairs(keys: Sequence[_Key]) -> set[tuple[int, int]]:
    pairs: set[tuple[int, int]] = set()
    # Skills: blocks of (prefix token, station); a job with no station meets every station.
    blocks: dict[str, dict[str | None, list[int]]] = defaultdict(lambda: defaultdict(list))
    for i, prefix in enumerate(_prefixes([k.skills for k in keys], SKILL_SIMILARITY)):
        for token in prefix:
            blocks[token][keys[i].station].append(i)
    for by_station in blocks.values():
        unplaced = by_station.get(None, [])
        for station, members in by_station.items():
            pairs.update(combinations(members, 2))
            if station is not None:
                pairs.update((min(i, j), max(i, j)) for i in unplaced for j in members)
    # Titles: a job with no skill is compared with every job whose title is alike enough.
    titled = _prefixes([k.title for k in keys], TITLE_ONLY_SIMILARITY)
    by_bigram: dict[str, list[int]] = defaultdict(list)
    for i, prefix in enumerate(titled):
        for token in prefix:
            by_bigram[token].append(i)
    for i, key in enumerate(keys):
        if not key.skills:
            for token in titled[i]:
                pairs.update((min(i, j), max(i, j)) for j in by_bigram[token] if j != i)
    return pairs


class OpenJobs:
    """The open 案件 that stand for their cluster (one per cluster, as `Store.open_jobs` lists them),
    kept for one new job at a time: `same(job)` gives those `same_work` says are the same work,
    without comparing the job with every open one.

    Each job's comparison key is computed once, when it is added. A new job is compared only with
    the jobs that can pass `_same`: those sharing one of its prefix-filter skills (Jaccard ≥ t needs
    one of any |x| − ⌈t·|x|⌉ + 1 of x's tokens; the rarest are probed), and, through the title
    filter, those a title-only comparison could join. The result equals a scan of every open job
    (tests/test_match_cluster.py). Not thread-safe: the pipeline holds it under its lock.
    """

    def __init__(self, jobs: Iterable[tuple[int, Job]] = ()) -> None:
        self._keys: dict[int, _Key] = {}
        self._order: dict[int, int] = {}
        self._next = 0
        self._by_skill: dict[str, set[int]] = defaultdict(set)
        self._by_bigram: dict[str, set[int]] = defaultdict(set)
        self._by_company: dict[str, set[int]] = defaultdict(set)  # never the same work (`_same`)
        self.columns = JobColumns()  # what `engine.rank_jobs` scores, keyed by posting id
        self._slot: dict[int, int] = {}
        # Each job's terms for `rank_jobs`, made once per (settings, day).
        self._terms: dict[int, Terms] = {}
        self._terms_for: tuple[object, date] | None = None
        for posting_id, job in jobs:
            self.add(posting_id, job)

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, posting_id: object) -> bool:
        return posting_id in self._keys

    def job(self, posting_id: int) -> Job:
        return self._keys[posting_id].job

    def jobs(self) -> list[tuple[int, Job]]:
        """Every open job, newest addition first (the order `Store.open_jobs` gives)."""
        return [(pid, self._keys[pid].job) for pid in sorted(self._keys, key=self._order.__getitem__, reverse=True)]

    def add(self, posting_id: int, job: Job) -> None:
        if posting_id in self._keys:
            return
        key = self._keys[posting_id] = _Key(job)
        self._order[posting_id] = self._next
        self._next += 1
        self._slot[posting_id] = self.columns.add(posting_id, job)
        for skill in key.skills:
            self._by_skill[skill].add(posting_id)
        for bigram in key.title:
            self._by_bigram[bigram].add(posting_id)
        if key.company is not None:
            self._by_company[key.company].add(posting_id)

    def remove(self, posting_id: int) -> None:
        key = self._keys.pop(posting_id, None)
        if key is None:
            return
        del self._order[posting_id]
        self.columns.remove(self._slot.pop(posting_id))
        self._terms.pop(posting_id, None)
        for skill in key.skills:
            self._by_skill[skill].discard(posting_id)
        for bigram in key.title:
            self._by_bigram[bigram].discard(posting_id)
        if key.company is not None:
            self._by_company[key.company].discard(posting_id)

    def same(self, job: Job, *, exclude: int | None = None) -> list[int]:
        """The posting ids of the open jobs that are the same work as `job`, newest first."""
        key = _Key(job)
        found: set[int] = set()
        if key.skills:
            found |= self._probe(self._by_skill, key.skills, SKILL_SIMILARITY)
        if key.title:  # title-only comparisons: either side without skills
            titled = self._probe(self._by_bigram, key.title, TITLE_ONLY_SIMILARITY)
            found |= titled if not key.skills else {pid for pid in titled if not self._keys[pid].skills}
        found.discard(exclude)  # type: ignore[arg-type]
        if key.company is not None:  # a sender's own postings are never the same work: not compared one by one
            found -= self._by_company.get(key.company, set())
        same = [pid for pid in found if _same(key, self._keys[pid])]
        return sorted(same, key=self._order.__getitem__, reverse=True)

    # --- as the job pool of `engine.rank_jobs` (what `index.JobIndex` offers, kept up to date) ---

    def terms(self, posting_id: int, settings: object, today: date) -> Terms:
        if self._terms_for != (settings, today):
            self._terms, self._terms_for = {}, (settings, today)
        terms = self._terms.get(posting_id)
        if terms is None:
            terms = self._terms[posting_id] = job_terms(self._keys[posting_id].job, settings, today)  # type: ignore[arg-type]
        return terms

    @staticmethod
    def _probe(index: Mapping[str, set[int]], tokens: frozenset[str], threshold: float) -> set[int]:
        ordered = sorted(tokens, key=lambda token: (len(index.get(token, ())), token))
        prefix = ordered[: len(ordered) - math.ceil(threshold * len(ordered) - 1e-9) + 1]
        out: set[int] = set()
        for token in prefix:
            out |= index.get(token, set())
        return out
