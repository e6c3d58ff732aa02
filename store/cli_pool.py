"""`hayaoshi pool import FILE [--dry-run]` and `hayaoshi pool list [--json]`."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hayaoshi.errors import HayaoshiError
from hayaoshi.extract.table import cell
from hayaoshi.match.model import Engineer
from hayaoshi.store.model import ImportReport

_TOP_SKILLS = 5
_MAX_CHANGES = 200


def add_pool_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `pool import` and `pool list` to the `hayaoshi` command's subparsers."""
    pool = subparsers.add_parser("pool", help="the engineer pool: import the roster, list the pool")
    sub = pool.add_subparsers(dest="pool_command", required=True)
    p = sub.add_parser("import", help="add or update our own engineers from the roster (.xlsx or .csv)")
    p.add_argument("file", metavar="FILE", help="the roster: .xlsx, or .csv in UTF-8 or Shift_JIS (cp932)")
    p.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    p.add_argument("--config", help="the configuration file (default: hayaoshi.toml when it exists)")
    p.set_defaults(func=cmd_pool_import)
    p = sub.add_parser("list", help="the pool: our own engineers and partners' engineers not expired")
    p.add_argument("--config", help="the configuration file (default: hayaoshi.toml when it exists)")
    p.add_argument("--json", action="store_true", help="one JSON object per engineer")
    p.set_defaults(func=cmd_pool_list)
    return pool


def _open(ns: argparse.Namespace):
    from hayaoshi.config.settings import default_config_path, load_config
    from hayaoshi.store.db import open_store
    from hayaoshi.store.model import StoreSettings

    config = load_config(Path(ns.config) if ns.config else default_config_path())
    return config, open_store(config["database.url"], StoreSettings.from_config(config))


def cmd_pool_import(ns: argparse.Namespace) -> int:
    from hayaoshi.extract.nlp import SkillNLP
    from hayaoshi.extract.taxonomy import load_taxonomy
    from hayaoshi.store.roster import import_roster

    try:
        config, store = _open(ns)
        with store:
            taxonomy = config["extract.taxonomy"]
            nlp = SkillNLP(load_taxonomy(Path(taxonomy) if taxonomy else None))
            report = import_roster(store, Path(ns.file), dry_run=ns.dry_run, nlp=nlp)
    except HayaoshiError as err:
        print(f"hayaoshi pool import: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(format_report(report))
    for error in report.errors:
        print(f"{ns.file}: {error}", file=sys.stderr)
    return 1 if report.errors else 0


def format_report(report: ImportReport) -> str:
    head = "dry run, nothing written: " if report.dry_run else ""
    lines = [f"{head}{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
             f"{len(report.errors)} not read"]
    if report.ignored_columns:
        lines.append("columns not used: " + ", ".join(report.ignored_columns))
    if report.missing:
        shown = ", ".join(report.missing[:20]) + (" …" if len(report.missing) > 20 else "")
        lines.append(f"in the pool but not in this file (kept): {len(report.missing)}: {shown}")
    if report.dry_run:
        shown = report.changes[:_MAX_CHANGES]
        lines.extend(f"  {change}" for change in shown)
        if len(report.changes) > len(shown):
            lines.append(f"  … and {len(report.changes) - len(shown)} more changes")
    return "\n".join(lines) + "\n"


def cmd_pool_list(ns: argparse.Namespace) -> int:
    try:
        _config, store = _open(ns)
        with store:
            engineers = store.engineers(datetime.now(tz=UTC))
    except HayaoshiError as err:
        print(f"hayaoshi pool list: {err}", file=sys.stderr)
        return 2
    if ns.json:
        for e in engineers:
            sys.stdout.write(json.dumps(engineer_json(e), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_pool(engineers))
    return 0


def top_skills(e: Engineer, n: int = _TOP_SKILLS) -> list[str]:
    """The skills with the most years first, then as written."""
    order = {name: i for i, name in enumerate(e.skills)}
    return sorted(e.skills, key=lambda s: (-e.skill_years.get(s, 0.0), order[s]))[:n]


def engineer_json(e: Engineer) -> dict[str, Any]:
    return {
        "id": e.id, "own": e.own, "name": e.name, "company": e.company, "chain_distance": e.chain_distance,
        "available_from": e.available_from.isoformat() if e.available_from else None, "rate": e.rate,
        "skills": list(e.skills), "skill_years": dict(e.skill_years), "age": e.age, "station": e.station,
        "employment": e.employment, "nationality": e.nationality, "japanese_level": e.japanese_level,
        "expires_at": e.expires_at.isoformat() if e.expires_at else None,
    }


_COLUMNS = (("区分", 6), ("ID", 14), ("氏名", 12), ("稼働可能", 10), ("単価", 6), ("会社", 16), ("スキル", 44))


def format_pool(engineers: list[Engineer]) -> str:
    lines = ["  ".join(cell(name, w) for name, w in _COLUMNS).rstrip()]
    lines.append("  ".join("-" * w for _, w in _COLUMNS))
    for e in engineers:
        skills = "、".join(f"{s}({e.skill_years[s]:g}年)" if s in e.skill_years else s for s in top_skills(e))
        values = (
            "自社" if e.own else "BP",
            e.id,
            e.name or "-",
            e.available_from.isoformat() if e.available_from else "-",
            f"{e.rate / 10000:g}万" if e.rate else "-",
            "-" if e.own else (e.company or "-"),
            skills or "-",
        )
        lines.append("  ".join(cell(v, w) for v, (_, w) in zip(values, _COLUMNS, strict=True)).rstrip())
    own = sum(1 for e in engineers if e.own)
    lines.append(f"{len(engineers)} engineers: {own} own, {len(engineers) - own} partners'")
    return "\n".join(lines) + "\n"
