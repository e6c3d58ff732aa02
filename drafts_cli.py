"""`hayaoshi drafts`: the reply drafts the daemon wrote, and what became of them.

`hayaoshi drafts [--config FILE] [--json]` lists them, newest first; `--show ID` prints one as the
rep will read it, fetched back from the account's drafts folder (its bytes are not kept in the
database once it is there: they hold personal data).
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import sys
from pathlib import Path
from typing import Any

from hayaoshi.errors import HayaoshiError


def add_drafts_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Add `drafts` to the `hayaoshi` command's subparsers."""
    p = subparsers.add_parser("drafts", help="the reply drafts written, their state, and one in full")
    p.add_argument("--config", metavar="FILE", help="hayaoshi.toml (default: ./hayaoshi.toml if present)")
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.add_argument("--limit", type=int, default=50, help="how many of the newest drafts to list (default 50)")
    p.add_argument("--show", type=int, metavar="ID", help="print draft ID as the rep will read it")
    p.set_defaults(func=cmd_drafts)
    return p


def cmd_drafts(ns: argparse.Namespace) -> int:
    from hayaoshi.config.settings import default_config_path, load_config
    from hayaoshi.store.db import make_engine
    from hayaoshi.store.drafts import DraftStore

    try:
        config = load_config(Path(ns.config) if ns.config else default_config_path())
        engine = make_engine(config["database.url"])
    except HayaoshiError as err:
        print(f"hayaoshi drafts: {err}", file=sys.stderr)
        return 2
    try:
        drafts = DraftStore(engine)
        if ns.show is not None:
            record = drafts.get(ns.show)
            if record is None:
                print(f"hayaoshi drafts: no draft {ns.show}", file=sys.stderr)
                return 1
        else:
            rows = drafts.recent(ns.limit)
    except HayaoshiError as err:
        print(f"hayaoshi drafts: {err}", file=sys.stderr)
        return 1
    finally:
        engine.dispose()
    if ns.show is not None:
        return _show(config, record)
    if ns.json:
        sys.stdout.write(json.dumps([_row(r) for r in rows], ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(_table(rows))
    return 0


def _row(r: Any) -> dict[str, Any]:
    return {"id": r.id, "account": r.account, "kind": str(r.kind), "state": str(r.state), "to": r.recipient,
            "subject": r.subject, "candidates": list(r.candidates), "folder": r.folder, "uid": r.uid,
            "created_at": r.created_at.isoformat() if r.created_at else None,
            "outcome_at": r.outcome_at.isoformat() if r.outcome_at else None, "error": r.error}


def _table(rows: list[Any]) -> str:
    if not rows:
        return "no drafts yet\n"
    lines = [f"{'id':>4}  {'state':<9} {'kind':<12} {'to':<32} subject"]
    for r in rows:
        lines.append(f"{r.id:>4}  {r.state!s:<9} {r.kind!s:<12} {(r.recipient or '-')[:32]:<32} {r.subject}")
    return "\n".join(lines) + "\n"


def _show(config: Any, record: Any) -> int:
    raw = record.raw
    if raw is None and record.folder and record.uid:
        raw = _fetch(config, record)
    if raw is None:
        print(f"hayaoshi drafts: draft {record.id} ({record.state}) is no longer in the drafts folder",
              file=sys.stderr)
        return 1
    sys.stdout.write(render_draft(raw))
    return 0


def _fetch(config: Any, record: Any) -> bytes | None:
    from hayaoshi.daemon.mailboxes import open_mailbox

    account = next((a for a in config.accounts if str(a["name"]) == record.account), None)
    if account is None:
        return None
    mailbox = open_mailbox(dict(account))
    try:
        mailbox.connect()
        for message in mailbox.fetch(record.folder, [record.uid]):
            return message.raw
    except HayaoshiError as err:
        print(f"hayaoshi drafts: {err}", file=sys.stderr)
    finally:
        mailbox.close()
    return None


def render_draft(raw: bytes) -> str:
    """A draft as text: its headers a rep checks, the plain-text body, and the attachments' names."""
    message = email.message_from_bytes(raw, policy=email.policy.default)
    lines = [f"{name}: {message[name]}" for name in ("From", "To", "Subject", "In-Reply-To") if message[name]]
    body = message.get_body(preferencelist=("plain",))
    attachments = [part.get_filename() or "(no name)" for part in message.iter_attachments()]
    lines.append("")
    lines.append(body.get_content().rstrip() if body is not None else "(no text part)")
    if attachments:
        lines.append("")
        lines.append("添付: " + ", ".join(attachments))
    return "\n".join(lines) + "\n"
