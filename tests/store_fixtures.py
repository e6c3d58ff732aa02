"""Fixtures for the store and matching tests: one suite, run on SQLite and on PostgreSQL.

Load them from tests/conftest.py with `pytest_plugins = ["hayaoshi.tests.store_fixtures"]`.

- `pg_server`: a throwaway PostgreSQL 15 cluster for the session (tests/pg.py), or the server of
  `HAYAOSHI_TEST_PG_URL`; skips when neither is there.
- `db_url`: a fresh empty database per test, parametrised over ["sqlite", "postgresql"]. On
  PostgreSQL each test gets its own schema (via `search_path`), dropped afterwards.
- `store`: `open_store(db_url)` with our own domain `ourses.co.jp` and the default expiries.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, make_url, text

from hayaoshi.tests import pg

OWN_DOMAIN = "ourses.co.jp"
BACKENDS = ["sqlite", pytest.param("postgresql", marks=pytest.mark.live)]


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """The URL of an empty PostgreSQL database for the session."""
    given = os.environ.get("HAYAOSHI_TEST_PG_URL")
    if given:
        yield given
        return
    if not pg.available():
        pytest.skip(f"PostgreSQL 15 is not installed ({pg.PG_BIN} has no initdb): install postgresql-15 "
                    "or set HAYAOSHI_TEST_PG_URL")
    try:
        cluster = pg.start_cluster()
    except RuntimeError as err:
        pytest.skip(f"could not start a throwaway PostgreSQL cluster: {err}")
    assert cluster is not None
    try:
        yield cluster.url
    finally:
        cluster.stop()


def _pg_schema_url(server: str) -> Iterator[str]:
    schema = "t_" + uuid.uuid4().hex[:12]
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
        url = make_url(server).update_query_dict({"options": f"-csearch_path={schema}"})
        yield url.render_as_string(hide_password=False)
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
    finally:
        admin.dispose()


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'var' / 'hayaoshi.db'}"
        return
    yield from _pg_schema_url(request.getfixturevalue("pg_server"))


@pytest.fixture
def store(db_url: str):
    from hayaoshi.store.db import open_store
    from hayaoshi.store.model import StoreSettings

    opened = open_store(db_url, StoreSettings(own_domains=(OWN_DOMAIN,)))
    try:
        yield opened
    finally:
        opened.close()


@pytest.fixture(scope="session")
def skill_nlp():
    """The taxonomy's SkillNLP, built once (the extractor fixture's when that is built)."""
    from hayaoshi.extract.nlp import SkillNLP
    from hayaoshi.extract.taxonomy import load_taxonomy

    return SkillNLP(load_taxonomy())
