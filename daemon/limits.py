"""Bounds on one mail: size, MIME depth, part count, and the time its parse may take.

Why the parse runs in a child process. Measured on this project's decoder and extractor: a 10 MB HTML
mail of nested <div>s takes 43 s to decode, and a 3 MB single-line body 130 s to extract (both
superlinear). A thread cannot be stopped in CPython, and a regex or a C parser holds the GIL, so a
deadline checked by elapsed time would only notice *after* the queue had stalled. A child process is
killed at the deadline and replaced; the mail is quarantined with `parse-time: …`.

So the *parse* (decode with the configured `Limits`, then extract) runs in a pool of warm child
processes (`daemon.parse_workers`, each with its own Extractor and GiNZA loaded at start; see
parsers.py), and the daemon hands the result to `Pipeline` through `parsers.GuardedExtractor`, the
extractor the pipeline is built with. Store and match then run in the daemon itself, only for a mail
whose parse finished in time: nothing is written for a mail that is quarantined. The pipeline decodes
the mail once more itself (0.5 ms for a usual mail; the child has just shown that this one decodes in
time).

A crash of the child (a segfault in a C parser, the OOM killer) is a failed attempt, retried and in
the end quarantined; the daemon lives on.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from hayaoshi.errors import IngestError, MailRejected
from hayaoshi.ingest.decode import Limits

_DECODER = Limits()  # the decoder's own ceilings: the pipeline decodes with these


@dataclass(frozen=True, slots=True)
class Bounds:
    max_bytes: int = _DECODER.max_bytes
    max_depth: int = _DECODER.max_depth
    max_parts: int = _DECODER.max_parts
    parse_seconds: float = 10.0

    @classmethod
    def from_config(cls, config: Any) -> Bounds:
        return cls(max_bytes=int(config["limits.max_bytes"]), max_depth=int(config["limits.max_depth"]),
                   max_parts=int(config["limits.max_parts"]), parse_seconds=float(config["limits.parse_seconds"]))

    def limits(self) -> Limits:
        """The decoder's Limits: the configured ones, never looser than the decoder's own (the pipeline
        decodes again with those, so a looser bound would not hold anyway)."""
        return Limits(max_bytes=min(self.max_bytes, _DECODER.max_bytes),
                      max_depth=min(self.max_depth, _DECODER.max_depth),
                      max_parts=min(self.max_parts, _DECODER.max_parts),
                      max_header_bytes=_DECODER.max_header_bytes)

    def check_size(self, size: int) -> None:
        """Before anything reads the mail."""
        limit = self.limits().max_bytes
        if size > limit:
            raise MailRejected(f"size: {size} bytes > {limit}")


class ParseTimeout(MailRejected):
    """The parse ran past `limits.parse_seconds`; its child process was killed."""


class ParseCrashed(IngestError):
    """The child process died while parsing (a crash, not the mail's time): a failed attempt."""


class ParseError(IngestError):
    """The extractor raised on this mail (a bug or an input it cannot handle): a failed attempt."""
