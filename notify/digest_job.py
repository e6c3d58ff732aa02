"""The digest as a job: its settings, one digest made and sent, and the daemon's weekly cron.

`add_digest_job(scheduler, config, store)` adds the cron job to the daemon's APScheduler (when
`digest.to` names someone); `send_digest` is what it runs, and what `hayaoshi digest --send` runs.
A transient SMTP failure is retried twice (after about one and five minutes); the others are
reported at once.
"""

from __future__ import annotations

import logging
import random
import re
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from hayaoshi.errors import ConfigError
from hayaoshi.notify.digest import Recipients, build_message
from hayaoshi.notify.digest_model import DigestData
from hayaoshi.notify.smtp import SendError, SmtpSettings, send

logger = logging.getLogger(__name__)

JOB_ID = "digest"
RETRY_DELAYS = (60.0, 300.0)  # seconds before the second and third attempts
_NUMERIC_WEEKDAY = re.compile(r"(^|[,\-])\d")  # a weekday given as a number (not a step: */2)


@dataclass(frozen=True, slots=True)
class DigestSettings:
    to: tuple[str, ...]
    cron: str = "0 8 * * mon"
    timezone: str = "Asia/Tokyo"

    def __post_init__(self) -> None:
        self.zone()
        self.trigger()

    @classmethod
    def from_config(cls, config: Any) -> DigestSettings:
        return cls(to=tuple(config["digest.to"]), cron=config["digest.cron"], timezone=config["digest.timezone"])

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError) as err:
            raise ConfigError(f"digest.timezone {self.timezone!r} is not a time zone (e.g. Asia/Tokyo)") from err

    def trigger(self) -> Any:
        """The APScheduler trigger of `cron` in `timezone`.

        APScheduler 3 numbers weekdays from Monday = 0, unlike cron's Sunday = 0, so a numeric
        weekday field would silently move the digest by a day: it is refused; write mon..sun.
        """
        from apscheduler.triggers.cron import CronTrigger

        fields = self.cron.split()
        if len(fields) != 5:
            raise ConfigError(f"digest.cron {self.cron!r}: write five fields, minute hour day month weekday")
        if _NUMERIC_WEEKDAY.search(fields[4]):
            raise ConfigError(f"digest.cron {self.cron!r}: write the weekday as mon..sun, not a number")
        try:
            return CronTrigger.from_crontab(self.cron, timezone=self.zone())
        except ValueError as err:
            raise ConfigError(f"digest.cron {self.cron!r}: {err}") from err


def make_digest(store: Any, config: Any, now: datetime, *, japanese_font: bool = True,
                ) -> tuple[DigestData, dict[str, bytes]]:
    """(the DigestData of the week before `now`, its charts as PNG bytes)."""
    from hayaoshi.match.engine import match_settings
    from hayaoshi.notify.charts import render_charts
    from hayaoshi.notify.digest_data import build_digest

    settings = DigestSettings.from_config(config)
    data = build_digest(store, now, tz=settings.zone(), match=match_settings(config))
    return data, render_charts(data, japanese_font)


def digest_message(store: Any, config: Any, now: datetime) -> EmailMessage:
    settings = DigestSettings.from_config(config)
    recipients = Recipients.parse(config["smtp.from"], settings.to)
    data, images = make_digest(store, config, now)
    return build_message(data, images, recipients)


def send_digest(store: Any, config: Any, now: datetime | None = None, *,
                sender: Callable[[EmailMessage, SmtpSettings], Sequence[str]] = send,
                sleep: Callable[[float], None] = time.sleep, delays: Sequence[float] = RETRY_DELAYS) -> list[str]:
    """Make and send the digest of the week before `now` (default: the clock) to `digest.to`.

    Returns the recipients the server refused. Raises `SendError` when it could not be sent, after
    the retries for a transient failure, or `ConfigError` for wrong settings.
    """
    smtp = SmtpSettings.from_config(config)
    settings = DigestSettings.from_config(config)
    now = now or datetime.now(tz=settings.zone())
    message = digest_message(store, config, now)
    for attempt in range(len(delays) + 1):
        try:
            refused = list(sender(message, smtp))
            logger.info("digest %s sent to %d recipients", message["Subject"], len(settings.to) - len(refused))
            return refused
        except SendError as err:
            if not err.transient or attempt == len(delays):
                logger.error("digest not sent: %s", err)
                raise
            wait = delays[attempt] * random.uniform(0.8, 1.2)  # jitter: not every daemon at once
            logger.warning("digest not sent (%s); trying again in %.0f s", err, wait)
            sleep(wait)
    raise AssertionError("unreachable")


def check_digest(config: Any) -> DigestSettings | None:
    """The digest's settings when `digest.to` names someone, checked (ConfigError); else None."""
    settings = DigestSettings.from_config(config)
    if not settings.to:
        return None
    SmtpSettings.from_config(config)
    Recipients.parse(config["smtp.from"], settings.to)
    return settings


def add_digest_job(scheduler: Any, config: Any, store: Any, *, clock: Callable[[], datetime] | None = None) -> Any:
    """Add the weekly digest to the daemon's APScheduler scheduler; None when `digest.to` is empty.

    The settings are checked here, at start-up: a wrong cron, time zone or SMTP setting stops the
    daemon with a clear message instead of failing on Monday morning. `clock` (the daemon's
    injected clock) gives the `now` of each run; by default the system clock.
    """
    settings = check_digest(config)
    if settings is None:
        logger.info("digest.to is empty: the weekly digest is off")
        return None
    return scheduler.add_job(
        _run, settings.trigger(), args=(store, config, clock), id=JOB_ID, name="weekly digest", replace_existing=True,
        coalesce=True, max_instances=1, misfire_grace_time=6 * 3600,
    )


def _run(store: Any, config: Any, clock: Callable[[], datetime] | None) -> None:
    """The scheduled run: failures are logged, never raised into the scheduler's thread."""
    try:
        send_digest(store, config, clock() if clock else None)
    except Exception:  # the scheduler would only log it, without our context
        logger.exception("the weekly digest failed")
