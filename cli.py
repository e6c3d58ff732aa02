"""The `hayaoshi` command line."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

from hayaoshi.errors import HayaoshiError

logger = logging.getLogger("hayaoshi")


def _eml_paths(args: list[str]) -> Iterator[tuple[str, Path]]:
    """Each PATH as given; a folder gives its .eml files, sorted, recursively."""
    for arg in args:
        path = Path(arg)
        if path.is_dir():
            for found in sorted(path.rglob("*.eml")):
                yield str(found), found
        else:
            yield arg, path


def _parse_now(value: str | None) -> datetime | None:
    if value is None:
        return None
    from hayaoshi.extract.extractor import JST

    when = datetime.fromisoformat(value)
    return when if when.tzinfo else when.replace(tzinfo=JST)


def cmd_parse(ns: argparse.Namespace) -> int:
    from hayaoshi.extract.extractor import Extractor
    from hayaoshi.extract.table import format_table
    from hayaoshi.ingest.decode import decode_message
    from hayaoshi.ingest.quotes import split_quoted

    now = _parse_now(ns.now)
    extractor = Extractor(Path(ns.taxonomy) if ns.taxonomy else None, use_ginza=not ns.no_ginza)
    status = 0
    rows = []
    for shown, path in _eml_paths(ns.paths):
        try:
            raw = path.read_bytes()
            mail = decode_message(raw)
            text, _quoted = split_quoted(mail.body, mail.subject)
            parsed = extractor.extract(mail, body=text, now=now)
        except (OSError, HayaoshiError) as err:
            print(f"{shown}: {err}", file=sys.stderr)
            status = 1
            continue
        if ns.format == "json":
            sys.stdout.write(json.dumps(parsed.to_json(shown), ensure_ascii=False) + "\n")
        else:
            rows.append((shown, parsed))
    if ns.format == "table":
        sys.stdout.write(format_table(rows))
    return status


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="hayaoshi", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log at INFO level")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("parse", help="extract postings from .eml files; one JSON line per mail")
    p.add_argument("paths", nargs="+", metavar="PATH", help="a .eml file or a folder of them")
    p.add_argument("--now", help="ISO datetime for mails without a Date header")
    p.add_argument("--format", choices=("json", "table"), default="json")
    p.add_argument("--taxonomy", help="a skills.csv to use instead of the bundled one")
    p.add_argument("--no-ginza", action="store_true", help="never load GiNZA (rules only)")
    p.set_defaults(func=cmd_parse)
    return parser


def main(argv: list[str] | None = None) -> int:
    ns = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.INFO if ns.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s %(message)s",
    )
    return int(ns.func(ns))


if __name__ == "__main__":
    sys.exit(main())
