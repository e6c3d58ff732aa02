"""An account's `Mailbox`: IMAP on a server, or a local Maildir (`type = "maildir"`)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from hayaoshi.ingest.mailbox import Mailbox


def open_mailbox(account: Mapping[str, Any], *, base: Path | None = None) -> Mailbox:
    """A new, not yet connected mailbox for one thread (a Mailbox is not thread-safe). A Maildir's
    relative path is read from `base` (the working directory when None). Raises MailboxError
    (CONFIGURATION) for an account that cannot work, e.g. `security = none` on a remote host."""
    if account.get("type") == "maildir":
        from hayaoshi.ingest.maildir import MaildirMailbox

        path = Path(str(account["path"])).expanduser()
        if base is not None and not path.is_absolute():
            path = base / path
        # create=False: a mistyped path is a configuration error, not a new empty mailbox.
        return MaildirMailbox(path, account=str(account["name"]),
                              drafts_folder=str(account.get("drafts_folder") or "Drafts"), create=False)
    from hayaoshi.ingest.imap import ImapMailbox

    return ImapMailbox(account)
