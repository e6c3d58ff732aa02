"""One root exception for the project, one subclass per stage."""

from __future__ import annotations


class HayaoshiError(Exception):
    """Root of every error hayaoshi raises on purpose."""


class ConfigError(HayaoshiError):
    """A setting, the taxonomy or a template is wrong; raised at start-up."""


class IngestError(HayaoshiError):
    """A mail could not be read from its source or decoded."""


class MailRejected(IngestError):
    """A mail is refused by a bound (size, MIME depth, part count, time); `reason` says which."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class ExtractError(HayaoshiError):
    """The extractor failed on a decoded mail."""


class StoreError(HayaoshiError):
    """The database refused or lost a write."""


class MatchError(HayaoshiError):
    """Matching could not run."""


class NotifyError(HayaoshiError):
    """A draft or digest could not be written or sent."""
