"""One transaction per unit of work, with the database's errors turned into the store's.

`unit` opens a transaction that every store of the same engine joins while it is open on this
thread (`Store`, `DraftStore`, the daemon's `Ledger`): the daemon records a mail, its rankings, its
reply drafts and its ledger outcome in one commit. `after_commit` defers what must only happen once
that commit is made (handing a draft to the thread that appends it: that thread reads it back).
"""

from __future__ import annotations

import threading
from collections import namedtuple
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager, nullcontext
from operator import itemgetter
from typing import Any

from sqlalchemy import Connection, CursorResult, Dialect, Engine, Executable, Table, bindparam
from sqlalchemy.exc import DBAPIError, IntegrityError, MultipleResultsFound, NoResultFound, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hayaoshi.errors import StoreError

_units = threading.local()  # .open: {engine: (session, callbacks after the commit)} of this thread


@contextmanager
def transaction(sessions: sessionmaker[Session], what: str, conflict: type[StoreError]) -> Iterator[Session]:
    """A session in a transaction: committed at the end, rolled back on any error. A unique or
    foreign-key violation raises `conflict` (callers retry or report it), anything else StoreError."""
    try:
        with sessions() as session, session.begin():
            yield session
    except IntegrityError as err:
        raise conflict(f"{what}: {err}") from err
    except SQLAlchemyError as err:
        raise StoreError(f"{what}: {err}") from err


def _open() -> dict[Engine, tuple[Session, list[Callable[[], None]]]]:
    found = getattr(_units, "open", None)
    if found is None:
        found = _units.open = {}
    return found


def unit_session(engine: Engine) -> Session | None:
    """The session of the unit open on `engine` in this thread, if one is."""
    entry = _open().get(engine)
    return entry[0] if entry is not None else None


def session_for(engine: Engine, sessions: sessionmaker[Session], what: str,
                conflict: type[StoreError]) -> AbstractContextManager[Session]:
    """The open unit's session (committed at the unit's end), else a transaction of its own."""
    session = unit_session(engine)
    return nullcontext(session) if session is not None else transaction(sessions, what, conflict)


@contextmanager
def unit(engine: Engine, sessions: sessionmaker[Session], what: str, conflict: type[StoreError]) -> Iterator[None]:
    """One transaction for every store call on `engine` this thread makes inside it. Any error rolls
    all of it back and is raised as the store's (`conflict` for a unique key another writer took
    first: the caller may run the unit again). Nested: the outer unit's transaction."""
    units = _open()
    if engine in units:
        yield
        return
    callbacks: list[Callable[[], None]] = []
    with transaction(sessions, what, conflict) as session:
        units[engine] = (session, callbacks)
        try:
            yield
        finally:
            del units[engine]
    for callback in callbacks:  # committed
        callback()


def after_commit(engine: Engine, callback: Callable[[], None]) -> None:
    """`callback` once the unit open on `engine` has committed (never, if it rolls back); at once
    when no unit is open."""
    entry = _open().get(engine)
    if entry is None:
        callback()
    else:
        entry[1].append(callback)


# (SQL, positional parameter order or None, bind processors, values bound by the statement, converters)
_Compiled = tuple[str, tuple[str, ...] | None, dict[str, Any], dict[str, Any], dict[str, Callable[[Any], Any]]]


class Prepared:
    """A Core statement of the per-mail path, compiled once per dialect and run through the driver
    (`exec_driver_sql`): SQLAlchemy's per-execution work (cache key, parameter assembly, execution
    context) is a few hundred microseconds a mail over a dozen statements. The values go through
    the columns' own bind converters, as `execute` would do; results come back as the driver gives
    them (enum columns as their strings). For statements with named bind parameters only (no
    `in_` lists, no server-side defaults to fill)."""

    __slots__ = ("_by_dialect", "statement")

    def __init__(self, statement: Executable) -> None:
        self.statement = statement
        self._by_dialect: dict[str, _Compiled] = {}

    def _compiled(self, dialect: Dialect) -> _Compiled:
        found = self._by_dialect.get(dialect.name)
        if found is None:
            compiled = self.statement.compile(dialect=dialect)
            order = tuple(compiled.positiontup) if compiled.positional and compiled.positiontup else None
            processors = {name: fn for name, fn in compiled._bind_processors.items() if fn is not None}
            fixed = {name: value for name, value in compiled.construct_params(_check=False).items()
                     if not compiled.binds[name].required}  # values the statement itself binds
            converters = {name: processors.get(name, _same) for name in compiled.binds}
            found = self._by_dialect[dialect.name] = (str(compiled), order, processors, fixed, converters)
        return found

    def run(self, conn: Connection, params: Mapping[str, Any]) -> CursorResult[Any] | Rows:
        sql, order, processors, fixed, _converters = self._compiled(conn.dialect)
        values = {**fixed, **params}
        for name, convert in processors.items():
            values[name] = convert(values[name])
        args = tuple(values[name] for name in order) if order else values
        if conn.dialect.name == "sqlite":
            return _sqlite(conn, sql, args)
        return conn.exec_driver_sql(sql, args)

    def converters(self, dialect: Dialect) -> dict[str, Callable[[Any], Any]]:
        """Each parameter's bind converter (the identity where the type has none), for callers that
        convert values once for many rows (`run_converted`)."""
        return self._compiled(dialect)[4]

    def run_converted(self, conn: Connection, rows: list[dict[str, Any]]) -> CursorResult[Any] | Rows:
        """One executemany of rows whose values are in the database's form already (`converters`)."""
        sql, order = self._compiled(conn.dialect)[:2]
        args = list(map(itemgetter(*order), rows)) if order else rows
        if conn.dialect.name == "sqlite":
            return _sqlite(conn, sql, args, many=True)
        return conn.exec_driver_sql(sql, args)


class Rows:
    """What the per-mail path reads of a result (`first`, `scalar`, `scalar_one`, `rowcount`), as
    SQLite's driver gives it; rows are named tuples, read by column name as SQLAlchemy's are."""

    __slots__ = ("_rows", "rowcount")

    def __init__(self, rows: list[Any], rowcount: int) -> None:
        self._rows, self.rowcount = rows, rowcount

    def first(self) -> Any:
        return self._rows[0] if self._rows else None

    def scalar(self) -> Any:
        return self._rows[0][0] if self._rows else None

    def scalar_one(self) -> Any:
        if not self._rows:
            raise NoResultFound("No row was found when one was required")
        if len(self._rows) > 1:
            raise MultipleResultsFound("Multiple rows were found when exactly one was required")
        return self._rows[0][0]


_row_types: dict[tuple[str, ...], type] = {}


def _sqlite(conn: Connection, sql: str, args: Any, *, many: bool = False) -> Rows:
    """The statement on SQLite's own connection under `conn` (the same transaction), without
    SQLAlchemy's execution context and result objects: ≈ 26 µs less a statement, a dozen a mail. The
    driver's errors are SQLAlchemy's, as `exec_driver_sql` raises them (a unique key taken first is
    an IntegrityError). For PostgreSQL `exec_driver_sql` stays: its connection handling (a server
    gone mid-transaction invalidates the pooled connection) is SQLAlchemy's."""
    dbapi = conn.dialect.loaded_dbapi
    cursor = conn.connection.driver_connection.cursor()
    try:
        if many:
            cursor.executemany(sql, args)
        else:
            cursor.execute(sql, args)
        names = cursor.description
        rows: list[Any] = []
        if names is not None:
            key = tuple(column[0] for column in names)
            row_type = _row_types.get(key)
            if row_type is None:
                row_type = _row_types.setdefault(key, namedtuple("Row", key, rename=True))  # type: ignore[misc]
            rows = [row_type._make(row) for row in cursor.fetchall()]
        return Rows(rows, cursor.rowcount)
    except dbapi.Error as err:
        raise DBAPIError.instance(sql, args, err, dbapi.Error, dialect=conn.dialect) from err
    finally:
        cursor.close()


def _same(value: Any) -> Any:
    return value


def insert_returning_id(table: Table) -> Prepared:
    """A precompiled INSERT of one row of `table`, every column but the id named (one not given is
    NULL, as with Core's insert of the given ones: for tables whose columns have no defaults), the
    new id returned."""
    return Prepared(table.insert().values({c.key: bindparam(c.key, None, required=False)
                                           for c in table.columns if c.key != "id"}).returning(table.c.id))
