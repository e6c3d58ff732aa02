"""Shared fixtures: the extractor is built once per test session (spaCy + taxonomy: ~1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

# The real servers: Dovecot (IMAP) and a throwaway PostgreSQL, each started once per session
# on loopback; without the Debian packages their tests skip and say so (make test installs them).
pytest_plugins = ["hayaoshi.tests.dovecot", "hayaoshi.tests.store_fixtures"]

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(scope="session")
def extractor():
    from hayaoshi.extract.extractor import Extractor

    return Extractor()
