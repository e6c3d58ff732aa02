"""Rankings: every available engineer for a job, every open job for an engineer.

Pure functions: no I/O, no state between calls; indexes are read, never changed.

A ranking lists the `settings.top` best candidates that pass every hard condition and score at
least `settings.min_score`, best first (ties by id). Candidates that fail a hard condition are
listed as exclusions with their reasons, the best would-be scores first (ties by id), at most
`settings.excluded` (and counted, all of them): the strongest are the ones a rep wonders about
("why not our Java veteran?"), and a reason is written only for those listed.

`rank_engineers` never scores the whole pool in Python: the index gives, in array operations, the
hard-condition mask and the score of every engineer (to the bit what `explain.score` says), numpy
picks the best by score then id, and only those get their rows and reasons written, so the
result is exactly the brute-force one (`scan_engineers`).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

import numpy as np

from hayaoshi.match.convert import as_day
from hayaoshi.match.explain import (
    SCORE_UNITS,
    Terms,
    fails,
    job_terms,
    reasons,
    requirements,
    score,
)
from hayaoshi.match.index import EngineerIndex, JobIndex, is_candidate
from hayaoshi.match.model import Engineer, Exclusion, Job, Match, MatchSettings, Ranking, Tier

if TYPE_CHECKING:
    from hayaoshi.match.cluster import OpenJobs

MAX_EXCLUDED = MatchSettings().excluded  # the default; the `matching.excluded` setting
NO_TITLE = "(案件名なし)"


def rank_engineers(job: Job, pool: EngineerIndex, settings: MatchSettings, today: date) -> Ranking:
    """The engineers for a job, best first, and the excluded ones with their reasons."""
    terms = job_terms(job, settings, today)
    live = pool.candidate_mask(job) & pool.live_mask(today)
    excluded = pool.excluded_mask(terms)
    units = pool.score_units(terms)
    listable = live & ~excluded & (units / SCORE_UNITS >= settings.min_score)
    engineers = pool.engineers
    failing = np.flatnonzero(live & excluded)
    return Ranking(
        matches=[
            _match(terms, engineers[i], engineers[i].id, engineers[i].name, int(units[i]) / SCORE_UNITS, settings)
            for i in _top(np.flatnonzero(listable), units, pool.id_rank, settings.top)
        ],
        excluded=[
            Exclusion(engineers[i].id, engineers[i].name, reasons(terms, engineers[i]))
            for i in _top(failing, units, pool.id_rank, settings.excluded)
        ],
        excluded_total=len(failing),
    )


def rank_jobs(engineer: Engineer, jobs: JobIndex | OpenJobs, settings: MatchSettings, today: date) -> Ranking:
    """The open jobs for an engineer (a partner's 人材 or one of ours), best first. `jobs`: an index
    built once (`JobIndex`) or the pipeline's open 案件 kept up to date (`cluster.OpenJobs`).

    Every open job sharing a skill is scored in array operations (`job_columns.JobColumns.score`,
    to the bit what `explain.score_units` and `explain.fails` say); rows and reasons are written
    for the listed ones only. Equal to `_rank_pairs` over `explain.score` and `explain.fails`
    (tests/test_match_index.py)."""
    columns = jobs.columns
    slots, units, failing = columns.score(engineer, settings.margin, settings.start_grace_days, today)
    listable = ~failing & (units / SCORE_UNITS >= settings.min_score)
    terms_of, keys, job_of = jobs.terms, columns.keys, columns.jobs

    def listed(picked: np.ndarray, k: int) -> list[tuple[Terms, Job, int]]:
        best = _best_jobs(slots[picked], units[picked], k, job_of)
        return [(terms_of(keys[slot], settings, today), job_of[slot], value) for slot, value in best]

    return Ranking(
        matches=[_match(t, engineer, job.id, job.title or NO_TITLE, value / SCORE_UNITS, settings)
                 for t, job, value in listed(listable, settings.top)],
        excluded=[Exclusion(job.id, job.title or NO_TITLE, reasons(t, engineer))
                  for t, job, _value in listed(failing, settings.excluded)],
        excluded_total=int(failing.sum()),
    )


def _best_jobs(slots: np.ndarray, units: np.ndarray, k: int, job_of: list[Any]) -> list[tuple[int, int]]:
    """(slot, units) of the k best, the highest score first, ties by job id (as `_rank_pairs` sorts)."""
    if k <= 0 or slots.size == 0:
        return []
    if slots.size > k:  # only those scoring at least the k-th best can be listed
        keep = units >= np.partition(units, slots.size - k)[slots.size - k]
        slots, units = slots[keep], units[keep]
    rows = sorted((-value, job_of[slot].id, slot) for value, slot in zip(units.tolist(), slots.tolist(), strict=True))
    return [(slot, -value) for value, _id, slot in rows[:k]]


def scan_engineers(job: Job, engineers: Iterable[Engineer], settings: MatchSettings, today: date) -> Ranking:
    """`rank_engineers` by brute force, one engineer at a time: the reference for tests and small pools."""
    terms = job_terms(job, settings, today)
    pairs = (
        (terms, e, e.id, e.name)
        for e in engineers
        if is_candidate(job, e) and not _expired(e.expires_at, today)
    )
    return _rank_pairs(pairs, settings)


def match_settings(config: Any) -> MatchSettings:
    """The `matching.*` settings of the registry (a `Config`, or any mapping by dotted name)."""
    return MatchSettings(
        margin=config["matching.margin"],
        start_grace_days=config["matching.start_grace_days"],
        tier_top=config["matching.tier_top"],
        tier_good=config["matching.tier_good"],
        min_score=config["matching.min_score"],
        top=config["matching.top"],
        excluded=config["matching.excluded"],
    )


def tier(value: float, settings: MatchSettings) -> Tier:
    if value >= settings.tier_top:
        return Tier.TOP
    if value >= settings.tier_good:
        return Tier.GOOD
    return Tier.FAIR


def _rank_pairs(pairs: Iterable[tuple[Terms, Engineer, str, str]], settings: MatchSettings) -> Ranking:
    kept: list[tuple[float, str, str, Terms, Engineer]] = []
    dropped: list[tuple[float, str, str, Terms, Engineer]] = []
    for terms, engineer, id_, name in pairs:
        value = score(terms, engineer)
        if fails(terms, engineer):
            dropped.append((value, id_, name, terms, engineer))
        elif value >= settings.min_score:
            kept.append((value, id_, name, terms, engineer))
    kept.sort(key=lambda r: (-r[0], r[1]))
    dropped.sort(key=lambda r: (-r[0], r[1]))
    return Ranking(
        matches=[_match(t, e, id_, name, value, settings) for value, id_, name, t, e in kept[: settings.top]],
        # The reasons are written for the exclusions listed only.
        excluded=[Exclusion(id_, name, reasons(t, e)) for _, id_, name, t, e in dropped[: settings.excluded]],
        excluded_total=len(dropped),
    )


def _match(terms: Terms, engineer: Engineer, id_: str, name: str, value: float, settings: MatchSettings) -> Match:
    return Match(id=id_, name=name, score=value, tier=tier(value, settings), requirements=requirements(terms, engineer))


def _top(positions: np.ndarray, units: np.ndarray, id_rank: np.ndarray, k: int) -> list[int]:
    """The k positions with the highest score, ties by id: the order `_rank_pairs` sorts in."""
    if k <= 0 or positions.size == 0:
        return []
    if positions.size > k:
        # One integer key, unique per engineer: the score first, then the smaller id.
        key = units[positions] * (len(id_rank) + 1) - id_rank[positions]
        positions = positions[np.argpartition(-key, k - 1)[:k]]
    return positions[np.lexsort((id_rank[positions], -units[positions]))].tolist()


def _expired(moment: date | datetime | None, today: date) -> bool:
    day = as_day(moment)
    return day is not None and day < today
