"""The skills column: the direct look-up of list cells agrees with `SkillNLP.find`."""

from __future__ import annotations

import random

import pytest

from hayaoshi.extract.normalize import fold
from hayaoshi.store.skills import SkillReader

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

CELLS = [
    "Java(7年)、Spring、AWS",
    "Java（7年）、Spring Boot、PostgreSQL",
    "C#(10年)、.NET、SQL Server、要件定義、基本設計",
    "Python 3年, Django, Docker",
    "PL/SQL(5年)、Oracle、運用・保守",
    "Go(3年)、Kubernetes、GCP",
    "Java_5年8ヶ月、COBOL(約12年)",
    "C、C++、R",
    "React、Next.js、TypeScript（4年6ヶ月）",
]


@pytest.fixture(scope="module")
def reader(skill_nlp):
    return SkillReader(skill_nlp)


@pytest.mark.parametrize("cell", CELLS)
def test_list_cells_take_the_fast_path_and_agree_with_spacy(reader, cell):
    text = fold(cell)
    fast = reader._list_cell(text)
    slow: dict = {}
    reader._find([text], slow)
    assert fast is not None
    assert fast == slow[text]


@pytest.mark.parametrize(("cell", "skills", "years"), [
    ("AWS(EC2/S3)、Java8", ("AWS", "EC2", "S3", "Java"), {}),
    ("Java/Spring 7年", ("Java", "Spring"), {"Spring": 7.0}),
    ("Javaを中心に7年、直近はGo", ("Java", "Go"), {}),
    ("go、c", (), {}),  # one- and two-letter names keep their case, as in mail
])
def test_other_cells_go_through_spacy(reader, cell, skills, years):
    text = fold(cell)
    assert reader._list_cell(text) is None
    assert reader.read([text])[text] == (skills, years)


def test_random_list_cells_agree(reader, skill_nlp):
    rng = random.Random(3)
    names = [s.canonical for s in skill_nlp.taxonomy.skills]
    for _ in range(300):
        cell = fold("、".join(f"{n}({rng.randint(1, 9)}年)" if rng.random() < 0.4 else n for n in rng.sample(names, 4)))
        fast = reader._list_cell(cell)
        slow: dict = {}
        reader._find([cell], slow)
        if fast is not None:
            assert fast == slow[cell], cell
