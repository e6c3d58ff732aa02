"""What drafting reads and returns: plain frozen dataclasses and enums, no I/O.

`compose.py` turns a mail, its ranking and the pool into a `DraftContent`; `mime.py` turns that
into the bytes of a draft; `drafts.py` stores and appends them. `store/drafts.py` keeps the
`DraftKind` and `DraftState` of each draft written.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from hayaoshi.errors import ConfigError
from hayaoshi.match.engine import match_settings
from hayaoshi.match.model import MatchSettings

ENCODINGS = ("utf-8", "iso-2022-jp")


class DraftKind(enum.StrEnum):
    JOB_REPLY = "job_reply"  # proposing our candidates for a 案件
    TALENT_REPLY = "talent_reply"  # answering a partner's 人材 with our open 案件
    QUESTIONS = "questions"  # asking what the posting left out, all in one mail


class DraftState(enum.StrEnum):
    PENDING = "pending"  # recorded with its Message-ID, not yet confirmed in the drafts folder
    APPENDED = "appended"  # in the drafts folder, waiting for the rep
    SENT = "sent"  # the rep sent it (or a reply to its source, after it left the drafts folder)
    DELETED = "deleted"  # gone from the drafts folder with no sent mail to show for it
    FAILED = "failed"  # could not be appended after every attempt


@dataclass(frozen=True, slots=True)
class DraftSettings:
    """The `drafts.*` settings, with what drafting needs from `company.*` and `matching.*`."""

    threshold: float = 0.6
    top: int = 3
    encoding: str = "utf-8"
    signature: str = ""
    payment_terms: str = ""
    company: str = ""
    questions: bool = True
    template_dir: str = ""
    skill_sheet_dir: str = ""
    parallel_days: int = 14
    max_attempts: int = 5
    own_domains: tuple[str, ...] = ()
    match: MatchSettings = field(default_factory=MatchSettings)

    def __post_init__(self) -> None:
        if self.encoding not in ENCODINGS:
            raise ConfigError(f"drafts.encoding must be one of {', '.join(ENCODINGS)}, not {self.encoding!r}")
        if self.top < 1:
            raise ConfigError(f"drafts.top must be at least 1, not {self.top}")
        if not 0.0 <= self.threshold <= 1.0:
            raise ConfigError(f"drafts.threshold must be between 0 and 1, not {self.threshold}")

    @property
    def margin(self) -> int:
        return self.match.margin

    @classmethod
    def from_config(cls, config: Any) -> DraftSettings:
        """From a `Config` (or any mapping by dotted name); a bad value is a ConfigError."""
        return cls(
            threshold=float(config["drafts.threshold"]),
            top=int(config["drafts.top"]),
            encoding=str(config["drafts.encoding"]).strip().lower().replace("_", "-"),
            signature=str(config["drafts.signature"]),
            payment_terms=str(config["drafts.payment_terms"]),
            company=str(config["company.name"]),
            questions=bool(config["drafts.questions"]),
            template_dir=str(config["drafts.template_dir"]),
            skill_sheet_dir=str(config["drafts.skill_sheet_dir"]),
            parallel_days=int(config["drafts.parallel_days"]),
            own_domains=tuple(d.lower().lstrip("@") for d in config["company.domains"]),
            match=match_settings(config),
        )


@dataclass(frozen=True, slots=True)
class Context:
    """What the writer knows beyond the mail, the ranking and the pool."""

    today: date
    new_sender: str | None = None  # set when the sender was never seen before: the rep is told
    notes: tuple[str, ...] = ()  # further notes for the rep (a shorter 商流 elsewhere, a missing sheet)
    parallel: Mapping[str, int] = field(default_factory=dict)  # engineer id -> our other live proposals
    partner_parallel: str | None = None  # the 並行 a partner's 人材 mail states
    depth: Mapping[str, int | None] = field(default_factory=dict)  # job id -> its 商流 depth
    sheets: Mapping[str, tuple[str, ...]] = field(default_factory=dict)  # engineer id -> attached files
    rate_negotiable: bool = False  # the job's rate said スキル見合い / 応相談


@dataclass(frozen=True, slots=True)
class DraftContent:
    """One reply, ready for MIME. `body` is what the rep sees: the notes block (if any) on top,
    then `client_text`, the part the recipient reads."""

    kind: DraftKind
    subject: str
    body: str
    to: str  # an address, or "" when the mail gave none that is usable
    cc: tuple[str, ...]
    in_reply_to: str | None  # the source's Message-ID, without <>
    references: tuple[str, ...]  # without <>, oldest first, the source's own id last
    notes_for_rep: tuple[str, ...]
    client_text: str
    to_name: str | None = None
    candidates: tuple[str, ...] = ()  # engineer ids (job reply) or job ids (talent reply)
