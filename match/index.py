"""Indexes over the pool: skill → engineers (or jobs), and the engineers' fields as numpy columns.

A ranking must not score 100,000 engineers one by one in Python. `EngineerIndex` keeps an inverted
index of skills (positions plus the years of each holder) and one column per field the hard
conditions and the score read, so that `engine.py` can compute, for one job, every candidate's
hard-condition mask and score in a few array operations, and build rows (with the reference
functions of `explain.py`) for the best few only.

The columns mirror `explain.py` exactly, scores to the bit; `tests/test_match_index.py` checks
the two against each other on random pools. Both indexes are immutable after construction and
safe to share between threads.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable
from datetime import date

import numpy as np

from hayaoshi.match import explain as ex
from hayaoshi.match.convert import as_day, company_key, is_foreign, level_rank, station_key
from hayaoshi.match.explain import Terms
from hayaoshi.match.job_columns import JobColumns
from hayaoshi.match.model import Engineer, Job

_REMOTE = {"full": 1, "hybrid": 2, "onsite": 3}
_NEVER = date.max.toordinal()
_NAN = float("nan")
# The numpy columns: attribute, dtype, value when the field is not known.
_COLUMNS: tuple[tuple[str, type, object], ...] = (
    ("_rate", np.float64, _NAN),
    ("_avail", np.int64, -1),
    ("_age", np.int64, -1),
    ("_chain", np.int64, 0),
    ("_expires", np.int64, _NEVER),
    ("_partner", bool, False),
    ("_freelance", bool, False),
    ("_foreign", np.int8, 0),  # 0 not stated, 1 foreign, 2 Japanese
    ("_level", np.int8, -1),  # a foreigner's JLPT rank, -1 unknown
    ("_station", np.int64, -1),
    ("_company", np.int64, -1),  # a partner's company key id, -1 none
    ("_remote", np.int8, 0),
)


def _rows(engineers: tuple[Engineer, ...], start: int, stations: dict[str, int], companies: dict[str, int],
          ) -> tuple[dict[str, tuple[list[int], list[float]]], list[int], dict[str, list]]:
    """The index entries of `engineers`, numbered from `start`: skill postings (positions, years),
    the positions of the skill-less, and the column values. `stations` and `companies` grow."""
    postings: dict[str, tuple[list[int], list[float]]] = {}
    skillless: list[int] = []
    columns: dict[str, list] = {name: [default] * len(engineers) for name, _dtype, default in _COLUMNS}
    rate, avail, age, chain, expires = (columns[c] for c in ("_rate", "_avail", "_age", "_chain", "_expires"))
    partner, freelance, foreign, level = (columns[c] for c in ("_partner", "_freelance", "_foreign", "_level"))
    station, company, remote = (columns[c] for c in ("_station", "_company", "_remote"))
    for i, e in enumerate(engineers):
        if not e.skills:
            skillless.append(start + i)
        years = e.skill_years
        for skill in dict.fromkeys(e.skills):
            entry = postings.get(skill)
            if entry is None:
                entry = postings[skill] = ([], [])
            entry[0].append(start + i)
            y = years.get(skill)
            entry[1].append(_NAN if y is None else float(y))
        if e.rate is not None:
            rate[i] = float(e.rate)
        if e.available_from is not None:
            avail[i] = e.available_from.toordinal()
        if e.age is not None:
            age[i] = e.age
        chain[i] = e.chain_distance
        if e.expires_at is not None:
            expires[i] = as_day(e.expires_at).toordinal()
        partner[i] = not e.own
        freelance[i] = e.employment == "freelance"
        if e.nationality is not None:
            foreign[i] = {None: 0, True: 1, False: 2}[is_foreign(e.nationality)]
            if foreign[i] == 1:
                rank = level_rank(e.japanese_level)
                level[i] = -1 if rank is None else rank
        key = station_key(e.station)
        if key is not None:
            station[i] = stations.setdefault(key, len(stations))
        key = company_key(e.company)
        if key is not None and not e.own:
            company[i] = companies.setdefault(key, len(companies))
        remote[i] = _REMOTE.get(str(e.remote), 0) if e.remote else 0
    return postings, skillless, columns


class EngineerIndex:
    """The engineer pool, indexed by skill, with numpy columns for the prefilters and the score."""

    __slots__ = (
        "_age",
        "_avail",
        "_by_id",
        "_chain",
        "_companies",
        "_company",
        "_expires",
        "_foreign",
        "_freelance",
        "_level",
        "_partner",
        "_postings",
        "_rate",
        "_remote",
        "_sorted_ids",
        "_station",
        "_stations",
        "engineers",
        "id_rank",
        "skillless",
    )  # fmt: skip

    def __init__(self, engineers: Iterable[Engineer]) -> None:
        self.engineers: tuple[Engineer, ...] = tuple(engineers)
        self._by_id: dict[str, Engineer] | None = None
        self._stations, self._companies = {}, {}
        postings, skillless, columns = _rows(self.engineers, 0, self._stations, self._companies)
        self._postings = {s: (np.array(p, dtype=np.int64), np.array(y, dtype=np.float64))
                          for s, (p, y) in postings.items()}
        self.skillless = tuple(self.engineers[i] for i in skillless)
        for name, dtype, _default in _COLUMNS:
            setattr(self, name, np.array(columns[name], dtype=dtype))
        # Each engineer's place in id order (stable), to break score ties by id in numpy.
        n = len(self.engineers)
        self.id_rank = np.empty(n, dtype=np.int64)
        self.id_rank[sorted(range(n), key=lambda i: self.engineers[i].id)] = np.arange(n, dtype=np.int64)
        self._sorted_ids = sorted(e.id for e in self.engineers)  # kept by with_added, not sorted again

    def with_added(self, engineers: Iterable[Engineer]) -> EngineerIndex:
        """A new index: this one's engineers and `engineers` (new ids), as if built from all of them
        (rankings are identical: ties break by id, never by position). O(n) array copies instead of a
        rebuild's Python loop over the whole pool: a partner's 人材 mail joins the pool in well under
        a millisecond. This index is left as it was (threads may be ranking with it)."""
        added = tuple(engineers)
        if not added:
            return self
        n = len(self.engineers)
        new = object.__new__(EngineerIndex)
        new.engineers = self.engineers + added
        new._by_id = {**self._by_id, **{e.id: e for e in added}} if self._by_id is not None else None
        new._stations, new._companies = dict(self._stations), dict(self._companies)
        postings, skillless, columns = _rows(added, n, new._stations, new._companies)
        merged = dict(self._postings)
        for skill, (positions, years) in postings.items():
            old = merged.get(skill)
            p, y = np.array(positions, dtype=np.int64), np.array(years, dtype=np.float64)
            merged[skill] = (p, y) if old is None else (np.concatenate((old[0], p)), np.concatenate((old[1], y)))
        new._postings = merged
        new.skillless = self.skillless + tuple(new.engineers[i] for i in skillless)
        for name, dtype, _default in _COLUMNS:
            setattr(new, name, np.concatenate((getattr(self, name), np.array(columns[name], dtype=dtype))))
        # The id ranks: each added id's place among all ids, the old ranks shifted past it.
        old_ids = self._sorted_ids
        new_ids = sorted(e.id for e in added)
        new._sorted_ids = list(old_ids)
        for eid in new_ids:
            bisect.insort(new._sorted_ids, eid)
        old_array = np.array(old_ids, dtype=object)
        shift = np.searchsorted(np.array(new_ids, dtype=object), old_array, side="left") \
            if old_ids else np.zeros(0, dtype=np.int64)
        old_rank = np.empty(n, dtype=np.int64)
        if n:
            order = np.argsort(self.id_rank, kind="stable")  # positions in id order
            old_rank[order] = np.arange(n, dtype=np.int64) + shift.astype(np.int64)
        at = np.searchsorted(old_array, np.array([e.id for e in added], dtype=object), side="right") \
            if old_ids else np.zeros(len(added), dtype=np.int64)
        within = {eid: k for k, eid in enumerate(new_ids)}
        added_rank = np.array([int(at[k]) + within[e.id] for k, e in enumerate(added)], dtype=np.int64)
        new.id_rank = np.concatenate((old_rank, added_rank))
        return new

    def __len__(self) -> int:
        return len(self.engineers)

    def by_ids(self, ids: Iterable[str]) -> dict[str, Engineer]:
        """The engineers with these ids (a ranking's matches), by id."""
        if self._by_id is None:
            self._by_id = {e.id: e for e in self.engineers}
        return {i: self._by_id[i] for i in ids if i in self._by_id}

    @property
    def skills(self) -> frozenset[str]:
        return frozenset(self._postings)

    def holders(self, skill: str) -> int:
        """How many engineers list the skill."""
        entry = self._postings.get(skill)
        return 0 if entry is None else len(entry[0])

    def candidate_mask(self, job: Job) -> np.ndarray:
        """True for the engineers sharing a required or preferred skill (a job with none: all)."""
        skills = (*job.required_skills, *job.preferred_skills)
        if not skills:
            return np.ones(len(self.engineers), dtype=bool)
        mask = np.zeros(len(self.engineers), dtype=bool)
        for skill in skills:
            entry = self._postings.get(skill)
            if entry is not None:
                mask[entry[0]] = True
        return mask

    def candidates(self, job: Job) -> list[Engineer]:
        """The engineers sharing a skill with the job, in pool order."""
        return [self.engineers[i] for i in np.flatnonzero(self.candidate_mask(job))]

    def live_mask(self, today: date) -> np.ndarray:
        """False for the engineers whose entry has expired before `today`."""
        return self._expires >= today.toordinal()

    def excluded_mask(self, terms: Terms) -> np.ndarray:
        """True where `explain.reasons` is not empty: the indexable prefilters."""
        job = terms.job
        out = np.zeros(len(self.engineers), dtype=bool)
        foreign = self._foreign == 1
        if job.foreigners_ok is False:
            out |= foreign
        elif terms.need_level is not None:
            out |= foreign & (self._level >= 0) & (self._level < terms.need_level)
        if job.age_max is not None:
            out |= (self._age >= 0) & (self._age > job.age_max)
        if job.max_chain is not None:
            out |= self._chain > job.max_chain
        if job.freelance_ok is False:
            out |= self._freelance
        if job.start is not None:
            out |= (self._avail >= 0) & (self._avail - terms.start.toordinal() > terms.grace)
        if terms.ceiling is not None:
            out |= self._cost(terms) > terms.ceiling  # NaN (rate unknown) compares False
        if terms.company is not None:
            cid = self._companies.get(terms.company)
            if cid is not None:
                out |= self._company == cid
        return out

    def score_units(self, terms: Terms) -> np.ndarray:
        """`explain.score_units` for every engineer: the same float operations, in the same order."""
        total = ex.W_REQUIRED * self._coverage(terms, terms.required, ex.NO_REQUIRED)
        total = total + ex.W_PREFERRED * self._coverage(terms, terms.preferred, 1.0)
        total = total + ex.W_RATE * self._rate_credit(terms)
        total = total + ex.W_START * self._start_credit(terms)
        total = total + ex.W_PLACE * self._place_credit(terms)
        return np.floor(total * ex.SCORE_UNITS + 0.5).astype(np.int64)

    def _coverage(self, terms: Terms, skills: tuple[str, ...], empty: float) -> np.ndarray | float:
        if not skills:
            return empty
        credit = np.zeros(len(self.engineers))
        for skill in skills:
            entry = self._postings.get(skill)
            if entry is not None:
                credit[entry[0]] += self._skill_credit(entry[1], terms.asked.get(skill))
        return credit / len(skills)

    def _cost(self, terms: Terms) -> np.ndarray:
        return self._rate + np.where(self._partner, float(terms.margin), 0.0)

    @staticmethod
    def _skill_credit(years: np.ndarray, asked: float | None) -> np.ndarray | float:
        if asked is None:
            return 1.0
        years = years + ex.YEARS_EPSILON
        return np.where(
            years >= asked,
            1.0,
            np.where(np.isnan(years), ex.CREDIT_YEARS_UNKNOWN,
                     np.where(years >= ex.NEAR_MISS * asked, ex.CREDIT_NEAR, ex.CREDIT_SHORT)),
        )

    def _rate_credit(self, terms: Terms) -> np.ndarray | float:
        if terms.ceiling is None:
            return ex.RATE_UNKNOWN
        ceiling = float(terms.ceiling)
        price = self._cost(terms)
        with np.errstate(invalid="ignore"):
            fit = np.minimum(1.0, ex.RATE_AT_CEILING + ex.RATE_SLOPE * (ceiling - price) / ceiling)
            return np.where(np.isnan(price), ex.RATE_UNKNOWN, np.where(price > ceiling, 0.0, fit))

    def _start_credit(self, terms: Terms) -> np.ndarray:
        late = self._avail - terms.start.toordinal()
        return np.where(
            self._avail < 0,
            ex.START_UNKNOWN,
            np.where(late <= 0, 1.0, np.where(late <= terms.grace, ex.START_LATE, 0.0)),
        )

    def _place_credit(self, terms: Terms) -> np.ndarray | float:
        job = terms.job
        if job.remote == "full":
            return 1.0
        credit = np.where(self._station < 0, ex.PLACE_NO_STATION, ex.PLACE_OTHER_STATION)
        sid = self._stations.get(terms.station) if terms.station is not None else None
        if sid is not None:
            credit[self._station == sid] = 1.0
        credit[self._remote == _REMOTE["full"]] = 0.0 if job.remote == "onsite" else ex.PLACE_FULL_VS_HYBRID
        return credit


class JobIndex:
    """Open jobs indexed by skill, for ranking jobs for one engineer (a pool of thousands)."""

    __slots__ = ("_by_skill", "_terms", "_terms_for", "columns", "jobs", "skillless")

    def __init__(self, jobs: Iterable[Job]) -> None:
        self.jobs: tuple[Job, ...] = tuple(jobs)
        self.columns = JobColumns()  # what `engine.rank_jobs` scores, keyed by position
        for i, job in enumerate(self.jobs):
            self.columns.add(i, job)
        by_skill: dict[str, list[int]] = {}
        skillless: list[int] = []
        for i, job in enumerate(self.jobs):
            skills = dict.fromkeys((*job.required_skills, *job.preferred_skills))
            if not skills:
                skillless.append(i)
            for skill in skills:
                by_skill.setdefault(skill, []).append(i)
        self._by_skill: dict[str, tuple[int, ...]] = {s: tuple(v) for s, v in by_skill.items()}
        self.skillless: tuple[int, ...] = tuple(skillless)
        # Each job's terms, made once per (settings, day): an engineer is ranked against hundreds.
        self._terms: dict[int, Terms] = {}
        self._terms_for: tuple[object, date] | None = None

    def __len__(self) -> int:
        return len(self.jobs)

    def candidates(self, engineer: Engineer) -> list[Job]:
        """The jobs sharing a skill with the engineer, and the jobs asking no skill, in pool order."""
        return [job for _i, job in self.candidate_positions(engineer)]

    def candidate_positions(self, engineer: Engineer) -> list[tuple[int, Job]]:
        found: set[int] = set(self.skillless)
        for skill in engineer.skills:
            found.update(self._by_skill.get(skill, ()))
        return [(i, self.jobs[i]) for i in sorted(found)]

    def terms(self, position: int, settings: object, today: date) -> Terms:
        """`explain.job_terms` of the job at `position`, cached for the same settings and day."""
        if self._terms_for != (settings, today):
            self._terms, self._terms_for = {}, (settings, today)
        terms = self._terms.get(position)
        if terms is None:
            terms = self._terms[position] = ex.job_terms(self.jobs[position], settings, today)  # type: ignore[arg-type]
        return terms


def is_candidate(job: Job, engineer: Engineer) -> bool:
    """The pair the indexes consider: a shared skill, or a job asking none (the brute-force rule)."""
    skills = (*job.required_skills, *job.preferred_skills)
    return not skills or any(s in engineer.skills for s in skills)
