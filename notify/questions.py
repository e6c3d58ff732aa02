"""What to ask: the facts a posting left out that our answer depends on, all in one mail.

A 案件 without a rate, a place, a start or its 商流 cannot be answered with a proposal that
wins (the seed's ④D: every question asked afterwards costs a day); neither can a partner's 人材
without a rate, a station, a start or an employer. Pure functions.
"""

from __future__ import annotations

from collections.abc import Iterable

from hayaoshi.match.convert import is_foreign
from hayaoshi.match.model import Engineer, Job


def job_questions(job: Job, *, chain_depth: int | None = None, rate_negotiable: bool = False,
                  candidates: Iterable[Engineer] = ()) -> list[str]:
    """Questions to the sender of a 案件, in the order a proposal needs the answers."""
    out: list[str] = []
    if not job.rate_max:
        out.append("ご予算（単価の上限）" if rate_negotiable else "単価（ご予算感）")
    if job.remote != "full" and not job.station and not job.location:
        out.append("作業場所（最寄駅）")
    if job.remote is None and (job.station or job.location):
        out.append("リモート可否（出社の頻度）")
    if job.start is None:
        out.append("開始時期")
    if job.settlement_hours is None:
        out.append("精算幅")
    if job.interviews is None:
        out.append("面談回数")
    if chain_depth is None and job.max_chain is None:
        out.append("商流（エンド様からの位置と、弊社パートナーの要員が可能か）")
    candidates = list(candidates)
    if job.foreigners_ok is None and any(is_foreign(e.nationality) for e in candidates):
        out.append("外国籍の方の可否（日本語レベルの条件）")
    if job.age_max is None and any(e.age and e.age >= 45 for e in candidates):
        out.append("年齢の条件")
    return out


def talent_questions(engineer: Engineer, jobs: Iterable[Job] = (), *, parallel: str | None = None,
                     listed: bool = False) -> list[str]:
    """Questions to a partner about their engineer; `listed`: jobs are being offered in this mail."""
    jobs = list(jobs)
    out: list[str] = []
    if engineer.rate is None:
        out.append("ご希望単価")
    if engineer.station is None and engineer.remote != "full":
        out.append("最寄駅")
    if engineer.available_from is None:
        out.append("稼働開始可能日")
    if engineer.employment is None:
        out.append("ご所属（貴社正社員／契約社員／個人事業主）")
    if engineer.age is None and any(j.age_max is not None for j in jobs):
        out.append("年齢")
    if engineer.nationality is None and any(j.foreigners_ok is False or j.japanese_level for j in jobs):
        out.append("国籍（外国籍の方は日本語レベル）")
    if listed and parallel is None:
        out.append("並行状況")
    return out
