"""The schema comes from the Alembic revisions, on SQLite and PostgreSQL alike, and upgrades keep rows."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from hayaoshi.errors import StoreError
from hayaoshi.store.db import MIGRATIONS, alembic_config, current_revision, downgrade, make_engine, open_store, upgrade
from hayaoshi.store.tables import METADATA

pytest_plugins = ["hayaoshi.tests.store_fixtures"]

TABLES = {"company", "mail", "posting", "engineer", "match_result", "alembic_version"}
HEAD = ScriptDirectory.from_config(alembic_config()).get_current_head()


def test_open_store_creates_the_tables_by_migration(store):
    tables = set(inspect(store.engine).get_table_names())
    assert TABLES <= tables
    assert current_revision(store.engine) == HEAD


def test_migrated_schema_matches_the_tables_module(store):
    """GIVEN a database made by the revisions WHEN compared with tables.py THEN nothing differs."""
    with store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), METADATA)
    assert diff == []


def test_opening_twice_is_a_no_op(db_url):
    first = open_store(db_url)
    first.close()
    second = open_store(db_url)
    try:
        assert current_revision(second.engine) == HEAD
    finally:
        second.close()


def test_sqlite_file_folder_created_and_wal(tmp_path):
    url = f"sqlite:///{tmp_path / 'deep' / 'er' / 'h.db'}"
    store = open_store(url)
    try:
        assert (tmp_path / "deep" / "er" / "h.db").exists()
        with store.engine.connect() as conn:
            assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
    finally:
        store.close()


def test_in_memory_sqlite_is_one_database_for_all_threads():
    store = open_store("sqlite://")
    try:
        assert "engineer" in inspect(store.engine).get_table_names()
    finally:
        store.close()


def test_a_bad_url_is_a_store_error():
    with pytest.raises(StoreError, match="not a database URL"):
        open_store("not a url")


_REVISION_NEXT = '''
"""A test-only revision: a column with a default, added to a table that has rows."""
import sqlalchemy as sa
from alembic import op

revision = "9000_test"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("engineer") as batch:
        batch.add_column(sa.Column("grade", sa.String(8), nullable=False, server_default="B"))


def downgrade():
    with op.batch_alter_table("engineer") as batch:
        batch.drop_column("grade")
'''


def test_a_database_at_0001_is_upgraded_in_place(db_url, tmp_path):
    """GIVEN a database at 0001 with an engineer WHEN a newer revision is applied (and undone, and
    applied again) THEN the engineer is still there, with the new column filled."""
    engine = make_engine(db_url)
    try:
        upgrade(engine, "0001")
        now = datetime(2026, 11, 29, tzinfo=UTC).replace(tzinfo=None)
        with engine.begin() as conn:
            conn.execute(text(
                "INSERT INTO engineer (source, employee_no, name, skills, skill_years, chain_distance, evidence,"
                " created_at, updated_at) VALUES ('own', 'E001', 'T.K', '[\"Java\"]', '{}', 0, '{}', :n, :n)"),
                {"n": now})
        scripts = tmp_path / "migrations"
        shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
        (scripts / "versions" / "9000_test_grade.py").write_text(_REVISION_NEXT.replace("{head}", HEAD), "utf-8")

        upgrade(engine, "head", script_location=scripts)
        assert current_revision(engine) == "9000_test"
        downgrade(engine, "0001", script_location=scripts)
        upgrade(engine, "head", script_location=scripts)

        with engine.connect() as conn:
            rows = conn.execute(text("SELECT employee_no, name, grade FROM engineer")).all()
        assert [tuple(r) for r in rows] == [("E001", "T.K", "B")]
    finally:
        engine.dispose()


def test_json_columns_are_written_as_json_dumps_writes_them():
    """The JSON columns' serializer (one C encoder kept, store/db.py `_json`) writes what
    json.dumps(ensure_ascii=False, compact separators) writes, and refuses what it refuses."""
    import json

    from hayaoshi.store.db import _json

    values = [
        [{"requirement": "Java（3年以上）", "status": "met", "evidence": "Java 5年 ・Spring Boot\n「必須」"}],
        {"rate": 650000, "ratio": 0.1 + 0.2, "big": 10**20, "none": None, "yes": True, "no": False,
         "nan": float("nan")},
        {"quote": '"\\\\/', "control": "\x00\x1f\t\r\u2028", "kana": "ｱｲｳ①㈱", "emoji": "🙂", "empty": [],
         "nested": {"a": [{}]}},
        "文字列", 1.5, None, [],
    ]
    for value in values:
        assert _json(value) == json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    with pytest.raises(TypeError, match="not JSON serializable"):
        _json({"when": datetime(2026, 11, 30, tzinfo=UTC)})
