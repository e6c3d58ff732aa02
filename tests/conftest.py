"""Shared fixtures: the extractor is built once per test session (spaCy + taxonomy: ~1 s)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLES = Path(__file__).parent / "samples"


@pytest.fixture(scope="session")
def extractor():
    from hayaoshi.extract.extractor import Extractor

    return Extractor()
