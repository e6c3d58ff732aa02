"""Compare `hayaoshi parse` output with a golden `expected.json`: used by the tests and the bench.

Skill lists compare as sets; `evidence` is checked for presence, not wording; defects compare
by code (the part before the colon).
"""

from __future__ import annotations

from typing import Any

POSTING_FIELDS = (
    "kind", "title", "skills", "required_skills", "preferred_skills", "skill_years", "rate_min",
    "rate_max", "rate_negotiable", "start", "station", "location", "remote", "settlement_hours",
    "interviews", "foreigners_ok", "age_max", "age", "gender", "nationality", "japanese_level",
    "employment", "max_chain", "freelance_ok", "headcount",
)
_SETS = {"skills", "required_skills", "preferred_skills"}


def _norm(field: str, value: Any) -> Any:
    if field in _SETS:
        return sorted(value or [])
    if field == "title" and isinstance(value, str):
        return " ".join(value.split())
    if field == "skill_years" and isinstance(value, dict):
        return {k: round(float(v), 1) for k, v in value.items()}
    return value


def defect_codes(defects: list[str]) -> list[str]:
    return sorted({d.split(":", 1)[0].strip() for d in defects})


def compare(got: dict[str, Any], expected: dict[str, Any]) -> list[str]:
    """Every difference, as `field: got … expected …`; empty when they agree."""
    diffs: list[str] = []
    for key in ("message_id", "subject", "kind"):
        if got.get(key) != expected.get(key):
            diffs.append(f"{key}: got {got.get(key)!r}, expected {expected.get(key)!r}")
    if defect_codes(got.get("defects", [])) != defect_codes(expected.get("defects", [])):
        diffs.append(f"defects: got {got.get('defects')}, expected {expected.get('defects')}")
    gp, ep = got.get("postings", []), expected.get("postings", [])
    if len(gp) != len(ep):
        diffs.append(f"postings: got {len(gp)}, expected {len(ep)}")
    for i, (g, e) in enumerate(zip(gp, ep, strict=False)):
        for field in POSTING_FIELDS:
            if _norm(field, g.get(field)) != _norm(field, e.get(field)):
                diffs.append(f"postings[{i}].{field}: got {g.get(field)!r}, expected {e.get(field)!r}")
    return diffs


def field_scores(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> dict[str, dict[str, int]]:
    """Per field: values stated and got right, stated and missed/wrong, invented where none."""
    table: dict[str, dict[str, int]] = {
        f: {"stated": 0, "exact": 0, "invented": 0, "silent": 0} for f in POSTING_FIELDS[1:]
    }
    table["kind(mail)"] = {"stated": 0, "exact": 0, "invented": 0, "silent": 0}
    for got, exp in pairs:
        row = table["kind(mail)"]
        row["stated"] += 1
        row["exact"] += got.get("kind") == exp.get("kind")
        for g, e in zip(got.get("postings", []), exp.get("postings", []), strict=False):
            for field in POSTING_FIELDS[1:]:
                ev, gv = _norm(field, e.get(field)), _norm(field, g.get(field))
                empty = ev in (None, [], {}, False) and field != "rate_negotiable"
                row = table[field]
                if empty:
                    row["silent"] += 1
                    if gv not in (None, [], {}, False):
                        row["invented"] += 1
                else:
                    row["stated"] += 1
                    row["exact"] += gv == ev
    return table


def skill_f1(pairs: list[tuple[dict[str, Any], dict[str, Any]]]) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for got, exp in pairs:
        for g, e in zip(got.get("postings", []), exp.get("postings", []), strict=False):
            gs, es = set(g.get("skills") or []), set(e.get("skills") or [])
            tp += len(gs & es)
            fp += len(gs - es)
            fn += len(es - gs)
        for extra in got.get("postings", [])[len(exp.get("postings", [])):]:
            fp += len(extra.get("skills") or [])
        for missing in exp.get("postings", [])[len(got.get("postings", [])):]:
            fn += len(missing.get("skills") or [])
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1
