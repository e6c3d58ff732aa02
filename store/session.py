"""One transaction per unit of work, with the database's errors turned into the store's."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import IntegrityError, SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from hayaoshi.errors import StoreError


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
