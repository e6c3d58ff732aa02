"""Open jobs as numpy columns: one engineer scored against thousands of 案件 in array operations.

`engine.rank_jobs` runs for every partner's 人材 mail against every open 案件 sharing a skill: at a
week's backlog that is thousands of jobs per mail, too many to score one by one in Python. These
columns hold each job's fields once (a slot per job, kept as jobs are added and removed), and
`JobColumns.score` gives every candidate's hard-condition verdict and score for one engineer, the
same float operations in the same order as `explain.score_units` and `explain.fails`, so the numbers
agree to the bit (tests/test_match_index.py checks them against the reference on random pools).

Skill credits are summed per job in the job's own order of skills (floating-point addition is not
associative): each (job, skill) pair carries its place in the job, the pairs are sorted by it, and
`np.bincount` adds a job's credits in that order, as the reference's loop does.
"""

from __future__ import annotations

from collections.abc import Hashable
from datetime import date

import numpy as np

from hayaoshi.match import explain as ex
from hayaoshi.match.convert import as_day, company_key, is_foreign, level_rank, station_key
from hayaoshi.match.model import Engineer, Job

_NEVER = date.max.toordinal()
_BIG = np.iinfo(np.int64).max  # "no limit": nothing is greater
_SMALL = np.iinfo(np.int64).min  # "no level asked": nothing is smaller
_PLACE_BITS = 20  # a skill's place in its job, in the low bits of the pair's sort key
_FULL, _ONSITE = 1, 3  # a job's `remote`, as the reference compares it ("full", "onsite", else 0)

# The columns: name, dtype, value of an empty slot.
_COLUMNS: tuple[tuple[str, type, object], ...] = (
    ("alive", bool, False),
    ("expires", np.int64, _NEVER),  # the day after which the job is gone
    ("start", np.int64, -1),  # the job's start day, -1 not stated
    ("ceiling", np.float64, np.nan),  # rate_max when positive
    ("age_max", np.int64, _BIG),
    ("max_chain", np.int64, _BIG),
    ("need_level", np.int64, _SMALL),  # the JLPT rank asked of a foreigner
    ("no_foreigners", bool, False),
    ("no_freelance", bool, False),
    ("company", np.int64, -1),
    ("station", np.int64, -1),
    ("remote", np.int8, 0),
    ("n_required", np.int64, 0),
    ("n_preferred", np.int64, 0),
)


class _Pairs:
    """One skill's (job slot, sort key, years asked, required?) entries, grown in place."""

    __slots__ = ("asked", "key", "n", "required", "slot")

    def __init__(self) -> None:
        self.n = 0
        self.slot = np.empty(8, dtype=np.int64)
        self.key = np.empty(8, dtype=np.int64)
        self.asked = np.empty(8, dtype=np.float64)
        self.required = np.empty(8, dtype=bool)

    def add(self, slot: int, place: int, asked: float, required: bool) -> None:
        if self.n == len(self.slot):
            for name in ("slot", "key", "asked", "required"):
                old = getattr(self, name)
                new = np.empty(2 * len(old), dtype=old.dtype)
                new[: self.n] = old
                setattr(self, name, new)
        n = self.n
        self.slot[n], self.key[n] = slot, (slot << _PLACE_BITS) | place
        self.asked[n], self.required[n] = asked, required
        self.n = n + 1


class JobColumns:
    """Jobs as columns, one slot each. `add` gives a job the next slot; `remove` marks it dead (its
    slot is not reused: the owner rebuilds the columns when it reads the jobs again). Not
    thread-safe: the owner (an `index.JobIndex`, the pipeline's `cluster.OpenJobs`) guards it."""

    def __init__(self) -> None:
        self.keys: list[Hashable] = []  # slot -> the owner's key for the job (a position, a posting id)
        self.jobs: list[Job | None] = []  # slot -> the job (None once removed)
        self._cols = {name: np.full(16, default, dtype=dtype) for name, dtype, default in _COLUMNS}
        self._pairs: dict[str, _Pairs] = {}
        self._skillless: list[int] = []
        self._stations: dict[str, int] = {}
        self._companies: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self.jobs)

    def add(self, key: Hashable, job: Job) -> int:
        """The job's slot. Its pairs and columns are what `explain.job_terms` and the reference read."""
        slot = len(self.jobs)
        if slot == len(self._cols["alive"]):
            for name, (_n, _dtype, default) in zip(self._cols, _COLUMNS, strict=True):
                old = self._cols[name]
                self._cols[name] = np.concatenate((old, np.full(len(old), default, dtype=old.dtype)))
        self.keys.append(key)
        self.jobs.append(job)
        c = self._cols
        c["alive"][slot] = True
        if job.expires_at is not None:
            c["expires"][slot] = as_day(job.expires_at).toordinal()
        if job.start is not None:
            c["start"][slot] = job.start.toordinal()
        if job.rate_max and job.rate_max > 0:
            c["ceiling"][slot] = float(job.rate_max)
        if job.age_max is not None:
            c["age_max"][slot] = job.age_max
        if job.max_chain is not None:
            c["max_chain"][slot] = job.max_chain
        need = level_rank(job.japanese_level)
        if need is not None:
            c["need_level"][slot] = need
        c["no_foreigners"][slot] = job.foreigners_ok is False
        c["no_freelance"][slot] = job.freelance_ok is False
        company = company_key(job.company)
        if company is not None:
            c["company"][slot] = self._companies.setdefault(company, len(self._companies))
        station = station_key(job.station)
        if station is not None:
            c["station"][slot] = self._stations.setdefault(station, len(self._stations))
        c["remote"][slot] = _FULL if job.remote == "full" else _ONSITE if job.remote == "onsite" else 0
        # The skills as `job_terms` has them: required deduplicated, preferred without the required.
        required = tuple(dict.fromkeys(job.required_skills))
        preferred = tuple(s for s in dict.fromkeys(job.preferred_skills) if s not in required)
        c["n_required"][slot], c["n_preferred"][slot] = len(required), len(preferred)
        asked = {s: float(y) for s, y in job.skill_years.items() if y and y > 0}
        for is_required, skills in ((True, required), (False, preferred)):
            for place, skill in enumerate(skills[: 1 << _PLACE_BITS]):
                pairs = self._pairs.get(skill)
                if pairs is None:
                    pairs = self._pairs[skill] = _Pairs()
                pairs.add(slot, place, asked.get(skill, np.nan), is_required)
        if not required and not preferred:
            self._skillless.append(slot)
        return slot

    def remove(self, slot: int) -> None:
        self._cols["alive"][slot] = False
        self.jobs[slot] = None

    def score(self, engineer: Engineer, margin: int, grace: int, today: date,
              ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(slots, score units, fails) of the live jobs sharing a skill with the engineer, and of
        those asking none: `explain.score_units` and `explain.fails` of each, to the bit."""
        n = len(self.jobs)
        c = {name: column[:n] for name, column in self._cols.items()}
        candidate = np.zeros(n, dtype=bool)
        candidate[self._skillless] = True
        mine = [(skill, pairs) for skill in dict.fromkeys(engineer.skills)
                if (pairs := self._pairs.get(skill)) is not None]
        for _skill, pairs in mine:
            candidate[pairs.slot[: pairs.n]] = True
        today_day = today.toordinal()
        slots = np.flatnonzero(candidate & c["alive"] & (c["expires"] >= today_day))
        if slots.size == 0:
            return slots, np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)

        # Skill coverage: each pair's credit, added up per job in the job's order of skills.
        required_sum, preferred_sum = self._credit_sums(engineer, mine, n)
        n_required, n_preferred = c["n_required"][slots], c["n_preferred"][slots]
        with np.errstate(invalid="ignore", divide="ignore"):
            covered = np.where(n_required > 0, required_sum[slots] / n_required, ex.NO_REQUIRED)
            preferred = np.where(n_preferred > 0, preferred_sum[slots] / n_preferred, 1.0)

        # Rate: the engineer's cost (a partner's rate plus our margin) against each ceiling.
        ceiling = c["ceiling"][slots]
        price = None if engineer.rate is None else engineer.rate if engineer.own else engineer.rate + margin
        if price is None:
            rate = np.full(slots.size, ex.RATE_UNKNOWN)
            too_dear = np.zeros(slots.size, dtype=bool)
        else:
            price_f = float(price)
            with np.errstate(invalid="ignore"):
                too_dear = price_f > ceiling  # NaN (no ceiling) compares False
                fit = np.minimum(1.0, ex.RATE_AT_CEILING + ex.RATE_SLOPE * (ceiling - price_f) / ceiling)
            rate = np.where(np.isnan(ceiling), ex.RATE_UNKNOWN, np.where(too_dear, 0.0, fit))

        # Start: available by the job's start (or today, when that is past or not stated).
        start = c["start"][slots]
        by = np.where(start >= 0, np.maximum(start, today_day), today_day)
        available = engineer.available_from
        if available is None:
            on_time = np.full(slots.size, ex.START_UNKNOWN)
            too_late = np.zeros(slots.size, dtype=bool)
        else:
            late = available.toordinal() - by
            on_time = np.where(late <= 0, 1.0, np.where(late <= grace, ex.START_LATE, 0.0))
            too_late = (start >= 0) & (late > grace)

        place = self._place(engineer, c["remote"][slots], c["station"][slots])
        total = ex.W_REQUIRED * covered
        total = total + ex.W_PREFERRED * preferred
        total = total + ex.W_RATE * rate
        total = total + ex.W_START * on_time
        total = total + ex.W_PLACE * place
        units = np.floor(total * ex.SCORE_UNITS + 0.5).astype(np.int64)

        fails = too_late | too_dear
        if is_foreign(engineer.nationality):
            fails |= c["no_foreigners"][slots]
            level = level_rank(engineer.japanese_level)
            if level is not None:
                fails |= level < c["need_level"][slots]
        if engineer.age is not None:
            fails |= engineer.age > c["age_max"][slots]
        fails |= engineer.chain_distance > c["max_chain"][slots]
        if engineer.employment == "freelance":
            fails |= c["no_freelance"][slots]
        if not engineer.own:
            company = self._companies.get(company_key(engineer.company) or "")
            if company is not None:
                fails |= c["company"][slots] == company
        return slots, units, fails

    def _credit_sums(self, engineer: Engineer, mine: list[tuple[str, _Pairs]], n: int,
                     ) -> tuple[np.ndarray, np.ndarray]:
        """Per slot, the sum of the engineer's credits for its required and its preferred skills."""
        if not mine:
            return np.zeros(n), np.zeros(n)
        years_of = engineer.skill_years
        slot, key, credit, required = [], [], [], []
        for skill, pairs in mine:
            asked = pairs.asked[: pairs.n]
            years = years_of.get(skill)
            if years is None or years != years:
                got = np.where(np.isnan(asked), 1.0, ex.CREDIT_YEARS_UNKNOWN)
            else:
                have = years + ex.YEARS_EPSILON
                got = np.where(np.isnan(asked), 1.0, np.where(
                    have >= asked, 1.0, np.where(have >= ex.NEAR_MISS * asked, ex.CREDIT_NEAR, ex.CREDIT_SHORT)))
            slot.append(pairs.slot[: pairs.n])
            key.append(pairs.key[: pairs.n])
            credit.append(got)
            required.append(pairs.required[: pairs.n])
        order = np.argsort(np.concatenate(key), kind="stable")
        slots, credits, is_required = np.concatenate(slot)[order], np.concatenate(credit)[order], \
            np.concatenate(required)[order]
        return (np.bincount(slots[is_required], credits[is_required], minlength=n),
                np.bincount(slots[~is_required], credits[~is_required], minlength=n))

    def _place(self, engineer: Engineer, remote: np.ndarray, station: np.ndarray) -> np.ndarray:
        """`explain`'s place credit: a fully remote job fits anyone; else the engineer's home station."""
        if engineer.remote == "full":
            credit = np.where(remote == _ONSITE, 0.0, ex.PLACE_FULL_VS_HYBRID)
        else:
            home = station_key(engineer.station)
            if home is None:
                credit = np.full(remote.size, ex.PLACE_NO_STATION)
            else:
                sid = self._stations.get(home, -2)
                credit = np.where(station == sid, 1.0, ex.PLACE_OTHER_STATION)
        return np.where(remote == _FULL, 1.0, credit)
