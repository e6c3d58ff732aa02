"""MaildirMailbox, the embedded default, on a Maildir under tmp_path (local files, no server)."""

from __future__ import annotations

import json
import mailbox
import os
import threading
import time

import pytest

from hayaoshi.ingest.mailbox import FailureKind, MailboxError
from hayaoshi.ingest.maildir import UID_FILE, MaildirMailbox

pytestmark = pytest.mark.unit


def mail(n: int, message_id: str | None = None) -> bytes:
    message_id = message_id or f"<{n}@partner.example.jp>"
    return (f"From: sales@partner.example.jp\r\nSubject: 案件 {n}\r\nMessage-ID: {message_id}\r\n"
            "Content-Type: text/plain; charset=UTF-8\r\n\r\n単価 60万円\r\n").encode()


def deliver(path, raw: bytes, folder: str | None = None, when: float | None = None) -> str:
    """What a delivery agent does: tmp/ then new/; `when` is the time in the Maildir name."""
    md = mailbox.Maildir(path, factory=None, create=True)
    if folder:
        md = md.get_folder(folder) if folder in md.list_folders() else md.add_folder(folder)
    key = md.add(raw)
    if when is not None:
        folder_path = path if not folder else path / f".{folder}"
        renamed = f"{int(when)}.M{int(when % 1 * 1e6)}P1.test"
        os.rename(folder_path / "new" / key, folder_path / "new" / renamed)
        key = renamed
    return key


@pytest.fixture
def box(tmp_path):
    return MaildirMailbox(tmp_path / "Maildir", account="local", wall_clock=lambda: 1_795_000_000)


def test_an_empty_maildir_is_created_with_inbox(box):
    assert box.folders() == ["INBOX"]
    assert box.list_uids("INBOX") == []
    assert box.uidvalidity("INBOX") == 1_795_000_000


def test_uids_follow_arrival_order_and_stay_stable(box):
    root = box.path
    deliver(root, mail(2), when=1_700_000_002)
    deliver(root, mail(1), when=1_700_000_001.5)
    assert box.list_uids("INBOX") == [1, 2]
    assert [m.raw for m in box.fetch("INBOX", [1, 2])] == [mail(1), mail(2)]

    deliver(root, mail(3), when=1_700_000_000)  # late, with an older name: still the next UID
    assert box.list_uids("INBOX", since_uid=2) == [3]
    assert [m.raw for m in box.fetch("INBOX", [3])] == [mail(3)]
    assert box.list_uids("INBOX") == [1, 2, 3]


def test_uids_survive_a_reader_moving_mail_to_cur_and_are_never_reused(box):
    root = box.path
    deliver(root, mail(1))
    deliver(root, mail(2))
    box.list_uids("INBOX")
    md = mailbox.Maildir(root, factory=None)
    first, second = sorted(md.keys(), key=lambda k: md.get_bytes(k) != mail(1))
    message = md.get_message(first)
    message.set_subdir("cur")
    message.add_flag("S")  # a mail client read it
    md[first] = message
    md.remove(second)
    deliver(root, mail(3))
    assert box.list_uids("INBOX") == [1, 3]
    [read] = box.fetch("INBOX", [1])
    assert read.flags == ("\\Seen",)


def test_fetch_changes_no_flag_and_reports_identity(box):
    root = box.path
    deliver(root, mail(1))
    names_before = sorted(os.listdir(root / "new")) + sorted(os.listdir(root / "cur"))
    [fetched] = box.fetch("INBOX", box.list_uids("INBOX"))
    assert sorted(os.listdir(root / "new")) + sorted(os.listdir(root / "cur")) == names_before
    assert (fetched.ref.account, fetched.ref.folder, fetched.ref.uid) == ("local", "INBOX", 1)
    assert fetched.ref.uidvalidity == 1_795_000_000
    assert fetched.flags == () and fetched.size == len(mail(1))
    assert fetched.internaldate is not None and fetched.internaldate.tzinfo is not None
    assert fetched.message_id == "<1@partner.example.jp>"


def test_losing_the_uid_file_means_a_new_uidvalidity(tmp_path):
    wall = [1_795_000_000.0]
    box = MaildirMailbox(tmp_path / "m", wall_clock=lambda: wall[0])
    deliver(box.path, mail(1))
    assert box.uidvalidity("INBOX") == 1_795_000_000
    (box.path / UID_FILE).unlink()
    wall[0] += 60
    assert box.uidvalidity("INBOX") == 1_795_000_060
    (box.path / UID_FILE).write_text("{not json")
    wall[0] += 60
    assert box.uidvalidity("INBOX") == 1_795_000_120
    assert json.loads((box.path / UID_FILE).read_text())["uidvalidity"] == 1_795_000_120


def test_japanese_subfolders(box):
    deliver(box.path, mail(1), folder="案件")
    assert box.folders() == ["INBOX", "案件"]
    [fetched] = box.fetch("案件", box.list_uids("案件"))
    assert fetched.ref.folder == "案件" and fetched.raw == mail(1)


def test_a_missing_folder_names_what_exists(box):
    deliver(box.path, mail(1), folder="下書き")
    with pytest.raises(MailboxError) as failed:
        box.list_uids("Drafts")
    assert failed.value.kind is FailureKind.CONFIGURATION
    assert str(failed.value) == "no folder 'Drafts'; the server has: INBOX, 下書き"


def test_append_draft_is_flagged_and_idempotent(box):
    draft = mail(9, message_id="<draft-1@example.co.jp>")
    assert box.drafts_folder() == "Drafts"
    uid = box.append_draft(draft)
    assert uid == 1
    assert box.append_draft(draft) == 1  # a retry after a crash finds it by Message-ID
    assert box.folders() == ["INBOX", "Drafts"]
    assert box.search_message_id("Drafts", "<draft-1@example.co.jp>") == [1]
    assert box.search_message_id("Drafts", "<draft-2@example.co.jp>") == []
    assert box.message_ids("Drafts") == {"<draft-1@example.co.jp>"}
    [stored] = box.fetch("Drafts", [1])
    assert stored.raw == draft  # byte for byte: not re-generated by the email package
    assert stored.flags == ("\\Draft",)
    assert [name.split(":")[1] for name in os.listdir(box.path / ".Drafts" / "cur")] == ["2,D"]


def test_a_draft_needs_a_message_id(box):
    with pytest.raises(ValueError, match="Message-ID"):
        box.append_draft(b"Subject: no id\r\n\r\nbody\r\n")


def test_wait_for_changes_notices_a_delivery(tmp_path):
    box = MaildirMailbox(tmp_path / "m", poll_interval=0.05)
    box.list_uids("INBOX")

    def later():
        time.sleep(0.3)
        deliver(box.path, mail(1))

    thread = threading.Thread(target=later)
    thread.start()
    started = time.monotonic()
    assert box.wait_for_changes("INBOX", timeout=10) is True
    thread.join()
    assert time.monotonic() - started < 2
    assert box.list_uids("INBOX") == [1]


def test_wait_for_changes_times_out_with_an_injected_clock(tmp_path):
    now, slept = [0.0], []

    def sleep(seconds):
        slept.append(seconds)
        now[0] += seconds

    box = MaildirMailbox(tmp_path / "m", poll_interval=0.5, clock=lambda: now[0], sleep=sleep)
    box.list_uids("INBOX")
    assert box.wait_for_changes("INBOX", timeout=2) is False
    assert slept == [0.5, 0.5, 0.5, 0.5]
    deliver(box.path, mail(1))  # between a listing and the next wait: reported at once
    assert box.wait_for_changes("INBOX", timeout=2) is True


def test_an_existing_maildir_is_required_when_creation_is_off(tmp_path):
    with pytest.raises(MailboxError) as failed:
        MaildirMailbox(tmp_path / "absent", create=False).connect()
    assert failed.value.kind is FailureKind.CONFIGURATION
