"""The skill taxonomy: `config/skills.csv`, a file the sales team extends without code.

Columns: canonical, category, aliases (separated by `|`). Lines starting with `#` are comments.
Matching is case-insensitive after NFKC, so case and width variants need no alias.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from hayaoshi.errors import ConfigError
from hayaoshi.extract.normalize import fold

CATEGORIES = frozenset(
    {
        "language",
        "framework",
        "database",
        "cloud",
        "os",
        "middleware",
        "network",
        "package",
        "tool",
        "phase",
        "role",
    }
)


@dataclass(frozen=True, slots=True)
class Skill:
    canonical: str
    category: str
    aliases: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Taxonomy:
    skills: tuple[Skill, ...]

    def by_name(self) -> dict[str, Skill]:
        return {s.canonical: s for s in self.skills}

    def category_of(self, canonical: str) -> str | None:
        skill = self.by_name().get(canonical)
        return skill.category if skill else None


def default_taxonomy_text() -> str:
    return resources.files("hayaoshi.config").joinpath("skills.csv").read_text("utf-8")


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    """Read and validate the taxonomy; any problem is a ConfigError naming the line."""
    text = path.read_text("utf-8") if path else default_taxonomy_text()
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    reader = csv.DictReader(io.StringIO("\n".join(lines)))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != [
        "canonical",
        "category",
        "aliases",
    ]:
        raise ConfigError("skills.csv: the header must be canonical,category,aliases")
    seen: dict[str, str] = {}
    skills: list[Skill] = []
    for n, row in enumerate(reader, start=2):
        canonical = (row.get("canonical") or "").strip()
        category = (row.get("category") or "").strip()
        if not canonical:
            raise ConfigError(f"skills.csv row {n}: empty canonical name")
        if category not in CATEGORIES:
            raise ConfigError(f"skills.csv row {n}: unknown category {category!r}")
        aliases = tuple(a.strip() for a in (row.get("aliases") or "").split("|") if a.strip())
        for name in (canonical, *aliases):
            key = fold(name).lower()
            if key in seen and seen[key] != canonical:
                raise ConfigError(
                    f"skills.csv row {n}: {name!r} already names {seen[key]!r}"
                )
            seen[key] = canonical
        skills.append(Skill(canonical, category, aliases))
    return Taxonomy(tuple(skills))
