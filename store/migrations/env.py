"""Alembic environment for the team database.

`hayaoshi.store.db.upgrade` runs it with a live connection in `config.attributes["connection"]`.
To write a new revision, compare the tables with a database at head, for example:

    python -c "from hayaoshi.store.db import revision; revision('sqlite:///var/dev.db', 'add x')"

then edit the generated file into explicit `op.*` calls and add a test for the data it moves.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from alembic import context
from sqlalchemy import create_engine

from hayaoshi.store.tables import METADATA, UTCDateTime

config = context.config


def _render_item(kind: str, obj: Any, _autogen: Any) -> str | bool:
    """Revisions spell plain SQL types, never hayaoshi's Python classes (they may change)."""
    if kind == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime()"
    if kind == "type" and isinstance(obj, sa.Enum):
        values = ", ".join(repr(v) for v in obj.enums)
        return f"sa.Enum({values}, name={obj.name!r}, native_enum=False, length={obj.length})"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=METADATA,
        render_item=_render_item,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )


def run_migrations_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=METADATA,
        literal_binds=True,
        dialect_opts={"paramstyle": "named"},
    )
    with context.begin_transaction():
        context.run_migrations()


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = create_engine(config.get_main_option("sqlalchemy.url"))
    try:
        with engine.connect() as conn:
            _configure(conn)
            with context.begin_transaction():
                context.run_migrations()
    finally:
        engine.dispose()


if context.is_offline_mode():
    run_migrations_offline()
else:
    run_migrations_online()
