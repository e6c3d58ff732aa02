"""Bounds on one mail: size, MIME depth, part count and parse time, the parse in a child process."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from hayaoshi.daemon.limits import Bounds, ParseCrashed, ParseTimeout
from hayaoshi.daemon.parsers import GuardedExtractor, ParserPool
from hayaoshi.errors import MailRejected
from hayaoshi.ingest.decode import decode_message
from hayaoshi.tests.test_daemon_support import deep_mime_mail, job_mail, many_parts_mail, slow_mail

pytestmark = pytest.mark.pipeline  # child processes; the pure checks are marked unit below
DEMO = Path(__file__).resolve().parent.parent / "demo" / "mail"


@pytest.fixture(scope="module")
def pool():
    pool = ParserPool(Bounds(max_bytes=300_000, parse_seconds=0.5), use_ginza=False, size=1)
    pool.start()
    try:
        yield pool
    finally:
        pool.close()


@pytest.mark.unit
def test_bounds_never_loosen_the_decoders_own():
    limits = Bounds(max_bytes=10**12, max_depth=10, max_parts=10**6).limits()
    assert (limits.max_bytes, limits.max_depth, limits.max_parts) == (25 * 1024 * 1024, 10, 500)


@pytest.mark.unit
def test_an_oversized_mail_is_refused_before_it_is_read():
    with pytest.raises(MailRejected, match=r"^size: 300001 bytes > 300000$"):
        Bounds(max_bytes=300_000).check_size(300_001)


def test_a_good_mail_parses_in_the_child_as_in_process(pool, extractor):
    raw = (DEMO / "02_two_jobs.eml").read_bytes()
    parsed = pool.parse(raw, None)
    mail = decode_message(raw)
    assert parsed.message_id == mail.message_id
    assert [p.title for p in parsed.postings] == [p.title for p in extractor.extract(mail).postings]


@pytest.mark.parametrize(("raw", "reason"), [
    (deep_mime_mail(1, depth=40), "mime-depth: more than 30 nested levels"),
    (many_parts_mail(1, parts=600), "mime-parts: more than 500 parts"),
    (job_mail(1) + b"x" * 300_000, "size: "),
], ids=["deep-mime", "many-parts", "oversize"])
def test_hostile_structure_is_rejected_with_its_reason(pool, raw, reason):
    with pytest.raises(MailRejected) as err:
        pool.parse(raw, None)
    assert err.value.reason.startswith(reason)


def test_a_parse_past_the_time_limit_is_stopped_and_the_next_mail_parses(pool):
    """GIVEN a mail the extractor needs seconds for WHEN parsed with a 0.5 s limit THEN it is refused
    with parse-time after about 0.5 s, and a fresh child parses the next mail."""
    started = time.monotonic()
    with pytest.raises(ParseTimeout) as err:
        pool.parse(slow_mail(1), None)
    assert time.monotonic() - started < 3
    assert err.value.reason == "parse-time: still parsing after 0.5 s"
    assert pool.parse(job_mail(2), None).postings


def test_a_child_that_dies_is_a_crash_not_a_verdict_on_the_mail(pool):
    worker = pool._workers[0]
    pool.parse(job_mail(3), None)  # started and ready
    pid = worker._proc.pid
    threading.Timer(0.2, os.kill, (pid, signal.SIGKILL)).start()
    with pytest.raises(ParseCrashed, match="died while parsing"):
        pool.parse(slow_mail(4, repeat=3000), None)
    assert pool.parse(job_mail(5), None).postings  # replaced


def test_the_pipeline_gets_the_staged_parse(pool):
    guard = GuardedExtractor(pool)
    raw = job_mail(6)
    parsed = pool.parse(raw, None)
    mail = decode_message(raw)
    with guard.staged(parsed):
        assert guard.extract(mail, body=mail.body) is parsed
    unstaged = guard.extract(mail, body=mail.body)  # outside: extracted in the pool, same answer
    assert unstaged is not parsed and unstaged.postings[0].title == parsed.postings[0].title


def test_a_staged_parse_of_another_mail_is_not_used(pool):
    guard = GuardedExtractor(pool)
    other = pool.parse(job_mail(7), None)
    mail = decode_message(job_mail(8))
    with guard.staged(other):
        assert guard.extract(mail, body=mail.body).message_id == mail.message_id
