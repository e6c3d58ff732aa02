"""Progress through a backlog: a bar on a terminal, otherwise one log line every few seconds.

Only a backlog (more than `threshold` messages in one poll run) reports progress; the usual poll run
of one or two mails says nothing beyond its own log lines.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from collections.abc import Callable
from typing import TextIO

logger = logging.getLogger(__name__)

_BAR = 30


class Progress:
    def __init__(self, label: str, total: int, *, every: float = 10.0, threshold: int = 100,
                 stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic,
                 log: logging.LoggerAdapter | logging.Logger | None = None) -> None:
        self.label, self.total, self.every = label, total, every
        self.done = 0
        self._clock, self._log = clock, log or logger
        self._stream = stream if stream is not None else sys.stderr
        self.active = total > threshold
        self.tty = self.active and bool(getattr(self._stream, "isatty", lambda: False)())
        self._start = self._last = clock()
        self._lock = threading.Lock()
        if self.active and not self.tty:
            self._log.info("backlog of %d messages: processing", total)

    def step(self, count: int = 1) -> None:
        with self._lock:
            self.done += count
            if not self.active:
                return
            now = self._clock()
            if self.tty and (now - self._last >= 0.1 or self.done >= self.total):
                self._last = now
                self._draw(now)
            elif not self.tty and now - self._last >= self.every:
                self._last = now
                rate = self.done / max(now - self._start, 1e-9)
                self._log.info("progress %d/%d (%d%%), %.0f mails/s, about %s left", self.done, self.total,
                               100 * self.done // max(self.total, 1), rate, _eta(self.total - self.done, rate))

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-9)
        filled = _BAR * self.done // max(self.total, 1)
        self._stream.write(f"\r{self.label} [{'#' * filled}{'.' * (_BAR - filled)}] {self.done}/{self.total} "
                           f"{rate:.0f}/s {_eta(self.total - self.done, rate)} ")
        self._stream.flush()

    def close(self) -> None:
        if not self.active:
            return
        elapsed = self._clock() - self._start
        if self.tty:
            self._draw(self._clock())
            self._stream.write("\n")
            self._stream.flush()
        self._log.info("backlog: %d of %d messages in %.1f s", self.done, self.total, elapsed)


def _eta(left: int, rate: float) -> str:
    if rate <= 0:
        return "?"
    seconds = int(left / rate)
    return f"{seconds // 60}m{seconds % 60:02d}s"
