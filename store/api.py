"""What the rest of hayaoshi may ask of the store: a Protocol over plain values.

`hayaoshi.store.db.open_store` returns the SQL implementation (`repo.Store`); tests of other
stages can hand in a fake with these methods.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractContextManager
from datetime import datetime
from typing import Any, Protocol

from hayaoshi.extract.model import ParsedMail, PostingKind
from hayaoshi.match.model import Engineer, Job, Ranking
from hayaoshi.store.model import ImportReport, RosterRow


class StoreLike(Protocol):
    def record_mail(self, parsed: ParsedMail, *, sender: str | None, received_at: datetime,
                    message_id: str | None, subject: str, body: str | None) -> list[int]:
        """Store a mail and its postings (idempotent by Message-ID); the postings' ids."""
        ...

    def record_mail_new(self, parsed: ParsedMail, *, sender: str | None, received_at: datetime,
                        message_id: str | None, subject: str, body: str | None) -> tuple[list[int], bool]:
        """`record_mail`, and whether the mail was new."""
        ...

    def unit(self, what: str) -> AbstractContextManager[None]:
        """One transaction for this thread's calls inside it (store/session.py)."""
        ...

    def in_unit(self) -> bool: ...

    def engineers(self, now: datetime) -> list[Engineer]:
        """Our own engineers and the partners' engineers not yet expired at `now`."""
        ...

    def open_jobs(self, now: datetime) -> list[tuple[int, Job]]:
        """Job postings not yet expired, one per cluster, newest first."""
        ...

    def open_job_sources(self, now: datetime) -> list[tuple[int, Job, int | None]]:
        """`open_jobs` with each job's 商流 depth."""
        ...

    def posting(self, posting_id: int) -> tuple[Any, dict[str, Any]]:
        """(the posting's row, its parse-contract dict)."""
        ...

    def save_ranking(self, posting_id: int, ranking: Ranking, kind: PostingKind | None = None) -> None:
        """Replace the stored ranking of a posting."""
        ...

    def set_cluster(self, posting_ids: Iterable[int], cluster_id: int | None = None) -> int | None: ...

    def upsert_roster(self, rows: Sequence[RosterRow], *, dry_run: bool = False) -> ImportReport: ...
