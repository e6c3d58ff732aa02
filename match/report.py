"""Rankings as the `hayaoshi match` contract (JSON) and as a table for people."""

from __future__ import annotations

from typing import Any

from hayaoshi.extract.model import Posting
from hayaoshi.match.model import Ranking

_PARTNER_PREFIX = "talent:"


def _public_id(candidate_id: str) -> str:
    # The contract: 社員番号 for roster engineers, the posting id for partner engineers and jobs.
    return candidate_id.removeprefix(_PARTNER_PREFIX)


def ranking_json(posting: Posting, ranking: Ranking) -> dict[str, Any]:
    return {
        "kind": str(posting.kind),
        "title": posting.title,
        "matches": [
            {
                "id": _public_id(m.id),
                "name": m.name,
                "score": round(m.score, 4),
                "tier": str(m.tier),
                "requirements": [
                    {"requirement": r.requirement, "status": str(r.status), "evidence": r.evidence}
                    for r in m.requirements
                ],
            }
            for m in ranking.matches
        ],
        "excluded": [
            {"id": _public_id(x.id), "name": x.name, "reasons": list(x.reasons)} for x in ranking.excluded
        ],
        "excluded_total": max(ranking.excluded_total, len(ranking.excluded)),
    }


_MARK = {"met": "○", "partial": "△", "unmet": "×"}


def ranking_table(posting: Posting, ranking: Ranking, *, excluded: int = 5) -> str:
    head = posting.title or posting.name or "(無題)"
    lines = [f"[{posting.kind}] {head}"]
    if not ranking.matches:
        lines.append("  (該当なし)")
    for n, m in enumerate(ranking.matches, start=1):
        lines.append(f"  {n:>2}. {m.tier} {m.score:.2f}  {_public_id(m.id)}  {m.name}")
        for r in m.requirements:
            evidence = f"  — {r.evidence}" if r.evidence else ""
            lines.append(f"        {_MARK.get(str(r.status), '?')} {r.requirement}{evidence}")
    if ranking.excluded:
        total = max(ranking.excluded_total, len(ranking.excluded))
        lines.append(f"  除外 {total}名:")
        for x in ranking.excluded[:excluded]:
            lines.append(f"      {_public_id(x.id)} {x.name}: {' / '.join(x.reasons)}")
        if total > min(excluded, len(ranking.excluded)):
            lines.append(f"      … ほか {total - min(excluded, len(ranking.excluded))}名")
    return "\n".join(lines)
