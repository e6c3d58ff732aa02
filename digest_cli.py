"""`hayaoshi digest --preview FILE.html` and `hayaoshi digest --send`: the managers' weekly digest.

The digest covers the seven whole days before the day of `--now` (default: the clock) in
`digest.timezone`. `--preview` writes the HTML with its charts inlined (data: URIs) and the text
part beside it (FILE.txt); `--send` mails it to `digest.to` through `[smtp]`.
"""

from __future__ import annotations

import argparse
import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from hayaoshi.errors import HayaoshiError

logger = logging.getLogger(__name__)


def add_digest_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `digest` to the `hayaoshi` command's subparsers."""
    p = subparsers.add_parser("digest", help="the managers' weekly digest: preview it or mail it")
    what = p.add_mutually_exclusive_group(required=True)
    what.add_argument("--preview", metavar="FILE.html",
                      help="write the digest as HTML (charts inlined) and its text part as FILE.txt")
    what.add_argument("--send", action="store_true", help="mail the digest to digest.to through [smtp]")
    p.add_argument("--config", help="the configuration file (default: hayaoshi.toml when it exists)")
    p.add_argument("--now", help="ISO datetime taken as now: the digest covers the 7 days before its day")
    p.set_defaults(func=cmd_digest)
    return p


def parse_now(value: str | None, zone: Any) -> datetime:
    if value is None:
        return datetime.now(tz=zone)
    try:
        when = datetime.fromisoformat(value)
    except ValueError as err:
        raise argparse.ArgumentTypeError(f"--now {value!r} is not an ISO datetime (2026-11-30T08:00)") from err
    return when if when.tzinfo else when.replace(tzinfo=zone)


def cmd_digest(ns: argparse.Namespace) -> int:
    from hayaoshi.config.settings import default_config_path, load_config
    from hayaoshi.notify.digest_job import DigestSettings, send_digest
    from hayaoshi.store.db import open_store
    from hayaoshi.store.model import StoreSettings

    try:
        config = load_config(Path(ns.config) if ns.config else default_config_path())
        now = parse_now(ns.now, DigestSettings.from_config(config).zone())
        with open_store(config["database.url"], StoreSettings.from_config(config)) as store:
            if ns.send:
                refused = send_digest(store, config, now)
                sent = len(config["digest.to"]) - len(refused)
                print(f"digest sent to {sent} recipient(s)" + (f"; refused: {', '.join(refused)}" if refused else ""))
                return 1 if refused else 0
            return _preview(store, config, now, Path(ns.preview))
    except (HayaoshiError, argparse.ArgumentTypeError) as err:
        print(f"hayaoshi digest: {err}", file=sys.stderr)
        return 2


def _preview(store: Any, config: Any, now: datetime, path: Path) -> int:
    from hayaoshi.notify.digest import preview_html, render, subject
    from hayaoshi.notify.digest_job import make_digest

    data, images = make_digest(store, config, now)
    html = preview_html(data, images)
    text = render(data, {name: f"{name}.png" for name in images})[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(html, "utf-8")
        path.with_suffix(".txt").write_text(text, "utf-8")
    except OSError as err:
        print(f"hayaoshi digest: cannot write {path}: {err}", file=sys.stderr)
        return 2
    print(f"{subject(data)}: wrote {path} and {path.with_suffix('.txt')}")
    return 0
