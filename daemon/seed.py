"""`seed_maildir`: put sample .eml files into a Maildir, as a delivery agent would (for `make demo`).

    python -m hayaoshi.daemon.seed var/demo-maildir demo/mail
"""

from __future__ import annotations

import mailbox
import sys
from pathlib import Path

from hayaoshi.ingest.mailbox import message_id_of


def seed_maildir(path: str | Path, eml_dir: str | Path) -> int:
    """Deliver every `*.eml` of `eml_dir` (sorted by name) into the Maildir at `path` (created when
    missing), bytes unchanged, into new/ as unread mail. A mail whose Message-ID is already there is
    skipped, so seeding twice delivers nothing new. Returns how many were delivered."""
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # a fresh clone has no var/
    box = mailbox.Maildir(Path(path), factory=None, create=True)
    present = {message_id_of(box.get_bytes(key)) for key in box.keys()}
    delivered = 0
    for eml in sorted(Path(eml_dir).glob("*.eml")):
        raw = eml.read_bytes()
        message_id = message_id_of(raw)
        if message_id is not None and message_id in present:
            continue
        box.add(raw)  # bytes are written as they are: tmp/, then new/
        present.add(message_id)
        delivered += 1
    return delivered


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) != 2:
        print("usage: python -m hayaoshi.daemon.seed MAILDIR EML_DIR", file=sys.stderr)
        return 2
    count = seed_maildir(args[0], args[1])
    print(f"{args[0]}: {count} mail(s) delivered")
    return 0


if __name__ == "__main__":
    sys.exit(main())
