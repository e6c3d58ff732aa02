"""`hayaoshi run` and `hayaoshi status`: the mailbox daemon's commands.

cli.py adds them with `add_daemon_parsers(sub)`; `python -m hayaoshi.daemon_cli run|status ...` runs
them on their own.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from hayaoshi.errors import ConfigError, HayaoshiError

logger = logging.getLogger("hayaoshi.daemon")


def _config(ns: argparse.Namespace) -> Any:
    from hayaoshi.config.settings import default_config_path, load_config

    path = Path(ns.config) if ns.config else default_config_path()
    return load_config(path)


def cmd_run(ns: argparse.Namespace) -> int:
    from hayaoshi.daemon.runner import Daemon

    # The daemon's log lines are its output: INFO unless the logging was set up otherwise.
    if logging.getLogger("hayaoshi").level == logging.NOTSET:
        logging.getLogger("hayaoshi").setLevel(logging.INFO)
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    try:
        daemon = Daemon(_config(ns), keep_found=ns.once)
    except ConfigError as err:  # restarting will not mend it (systemd: RestartPreventExitStatus=2)
        print(f"hayaoshi run: {err}", file=sys.stderr)
        return 2
    except HayaoshiError as err:  # e.g. the database is not up yet: worth a restart
        print(f"hayaoshi run: {err}", file=sys.stderr)
        return 1
    signals = {"n": 0}

    def on_signal(signum: int, _frame: object) -> None:
        signals["n"] += 1
        if signals["n"] == 1:
            logger.info("%s: stopping after the message in hand", signal.Signals(signum).name)
            daemon.stop()
        else:  # asked twice: the ledger takes a hard stop like a crash (claims are taken over)
            logger.warning("%s again: stopping now", signal.Signals(signum).name)
            os._exit(130)

    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, on_signal)
    code = daemon.run(once=ns.once)
    if ns.once:
        sys.stdout.write(once_summary(daemon))
    return code


def once_summary(daemon: Any) -> str:
    """What a `--once` run found and matched, for a person (not a log: mail subjects appear)."""
    from hayaoshi.store.ledger import LedgerState

    tally = daemon.tally
    lines = [f"{tally.counts.get(LedgerState.DONE, 0)} processed, "
             f"{tally.counts.get(LedgerState.QUARANTINED, 0)} quarantined, "
             f"{tally.counts.get(LedgerState.FAILED, 0)} failed (to be retried)"]
    for found in sorted(tally.found, key=lambda f: (f.ref.account, f.ref.folder, f.ref.uid)):
        lines.append(f"{found.ref.account}/{found.ref.folder} uid {found.ref.uid} [{found.kind}] {found.subject}")
        for kind, title, best in found.postings:
            lines.append(f"    {'案件' if kind == 'job' else '人材'} {title}")
            lines.append(f"      → {' / '.join(best) if best else '(no match)'}")
    drafts = sum(found.drafts for found in tally.found)
    lines.append(f"drafts: {drafts} reply draft(s) in the drafts folder" if drafts else "drafts: none")
    for worker in daemon.workers:
        if worker.failure is not None:
            lines.append(f"{worker.account}/{worker.folder}: {worker.failure.message}")
    return "\n".join(lines) + "\n"


def cmd_status(ns: argparse.Namespace) -> int:
    from hayaoshi.daemon.status import format_status, read_status
    from hayaoshi.store.db import make_engine

    try:
        config = _config(ns)
        engine = make_engine(config["database.url"])
    except HayaoshiError as err:
        print(f"hayaoshi status: {err}", file=sys.stderr)
        return 2
    try:
        status = read_status(config, engine)
    except Exception as err:
        print(f"hayaoshi status: cannot read the database: {str(err).splitlines()[0]}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    if ns.json:
        sys.stdout.write(json.dumps(status.to_json(), ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_status(status))
    return 0


def add_daemon_parsers(subparsers: Any) -> None:
    """Add `run` and `status` to the `hayaoshi` command's subparsers."""
    p = subparsers.add_parser("run", help="watch the mailboxes and process every new mail (until SIGTERM)")
    p.add_argument("--config", metavar="FILE", help="hayaoshi.toml (default: ./hayaoshi.toml if present)")
    p.add_argument("--once", action="store_true", help="process everything new, print what was found, and exit")
    p.set_defaults(func=cmd_run)

    p = subparsers.add_parser("status", help="accounts, last poll, counts and the quarantine with reasons")
    p.add_argument("--config", metavar="FILE", help="hayaoshi.toml (default: ./hayaoshi.toml if present)")
    p.add_argument("--json", action="store_true", help="print it as JSON")
    p.set_defaults(func=cmd_status)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="hayaoshi", description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="log at DEBUG level")
    add_daemon_parsers(parser.add_subparsers(dest="command", required=True))
    ns = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    if ns.verbose:
        logging.getLogger("hayaoshi").setLevel(logging.DEBUG)
    return int(ns.func(ns))


if __name__ == "__main__":
    sys.exit(main())
