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


def cmd_match(ns: argparse.Namespace) -> int:
    from hayaoshi.config.settings import default_config_path, load_config
    from hayaoshi.match.report import ranking_json, ranking_table
    from hayaoshi.pipeline import Pipeline

    config = load_config(Path(ns.config) if ns.config else default_config_path())
    pipeline = Pipeline(config)
    try:
        processed = pipeline.process(Path(ns.mail).read_bytes(), now=_parse_now(ns.now))
    except (OSError, HayaoshiError) as err:
        print(f"{ns.mail}: {err}", file=sys.stderr)
        return 1
    if ns.json:
        out = {"postings": [ranking_json(r.posting, r.ranking) for r in processed.results]}
        sys.stdout.write(json.dumps(out, ensure_ascii=False) + "\n")
    else:
        if not processed.results:
            print(f"{ns.mail}: {processed.parsed.kind}: no 案件 or engineer in this mail")
        for r in processed.results:
            print(ranking_table(r.posting, r.ranking))
            if len(r.cluster) > 1:
                print(f"  同じ案件 {len(r.cluster)}件（商流の浅い順）: " + ", ".join(
                    f"{j.company or '?'}（商流{r.depth.get(j.id) or '?'}次・上限"
                    f"{j.rate_max // 10000 if j.rate_max else '-'}万）" for j in r.cluster))
    return 0


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

    p = sub.add_parser("match", help="parse a mail, store it, and rank engineers (or jobs) for it")
    p.add_argument("--mail", required=True, metavar="FILE.eml")
    p.add_argument("--config", metavar="FILE", help="hayaoshi.toml (default: ./hayaoshi.toml if present)")
    p.add_argument("--json", action="store_true", help="print the ranking as JSON")
    p.add_argument("--now", help="ISO datetime to use as now (default: the clock)")
    p.set_defaults(func=cmd_match)

    from hayaoshi.daemon_cli import add_daemon_parsers
    from hayaoshi.digest_cli import add_digest_parser
    from hayaoshi.drafts_cli import add_drafts_parser
    from hayaoshi.store.cli_pool import add_pool_parser

    add_daemon_parsers(sub)
    add_pool_parser(sub)
    add_digest_parser(sub)
    add_drafts_parser(sub)
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
