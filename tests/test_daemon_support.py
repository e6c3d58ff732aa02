"""Factories and helpers for the daemon's tests (this module holds no tests).

Mails: `job_mail` / `talent_mail` (good), `broken_mail` (damaged but readable: processed, with
defects), and the hostile ones the daemon must quarantine with a reason: `oversize_mail`,
`deep_mime_mail`, `many_parts_mail`, `slow_mail` (superlinear in the extractor: ~1 s per 4,000
repetitions squared). Configs: `daemon_config`. Oracles read the database directly: `ledger_rows`,
`mail_counts`.
"""

from __future__ import annotations

import base64
import contextlib
import mailbox
import os
import subprocess
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, text

from hayaoshi.config.settings import Config, load_config
from hayaoshi.daemon.limits import Bounds
from hayaoshi.daemon.parsers import ParserPool

ROOT = Path(__file__).resolve().parent.parent
SKILLS = ("Java", "Python", "PHP", "C#", "Go", "Ruby", "TypeScript", "AWS")
STATIONS = ("品川駅", "渋谷駅", "新宿駅", "大宮駅", "横浜駅", "池袋駅")


def _headers(n: int, subject: str, message_id: str | None, extra: str = "") -> str:
    mid = f"Message-ID: {message_id}\r\n" if message_id else ""
    return (f"From: 営業{n} <sales{n % 7}@partner{n % 5}.example.jp>\r\nTo: ses@ourses.co.jp\r\n"
            f"Subject: {subject}\r\n{mid}Date: Sun, 29 Nov 2026 09:{n % 60:02d}:00 +0900\r\n"
            f"MIME-Version: 1.0\r\n{extra}")


def job_mail(n: int, *, message_id: str | None = "auto", tag: str = "") -> bytes:
    message_id = f"<job{n}{tag}@partner.example.jp>" if message_id == "auto" else message_id
    skill, station = SKILLS[n % len(SKILLS)], STATIONS[n % len(STATIONS)]
    body = (f"【案件名】案件{n} 業務システム開発{tag}\r\n【必須スキル】{skill}開発経験3年以上\r\n"
            f"【場所】{station}\r\n【単価】{55 + n % 20}万円\r\n【期間】1月～長期\r\n【面談】1回\r\n")
    return (_headers(n, f"【案件】{skill}開発 {n}{tag}", message_id,
                     "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
            + "\r\n" + body).encode()


def talent_mail(n: int, *, message_id: str | None = "auto", tag: str = "") -> bytes:
    message_id = f"<talent{n}{tag}@partner.example.jp>" if message_id == "auto" else message_id
    skill = SKILLS[n % len(SKILLS)]
    body = (f"■氏名：T.{chr(65 + n % 26)}（男性）　■年齢：{25 + n % 20}歳　■最寄駅：{STATIONS[n % 6]}\r\n"
            f"■稼働：即日可能　■単価：{50 + n % 25}万円　■所属：弊社正社員\r\n■スキル：{skill}({2 + n % 8}年)\r\n")
    return (_headers(n, f"【要員情報】{skill}エンジニアのご紹介 {n}{tag}", message_id,
                     "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
            + "\r\n" + body).encode()


def broken_mail(n: int) -> bytes:
    """Damaged but readable: a wrong charset label, broken base64, no Date, a stray 8-bit header."""
    kind = n % 3
    if kind == 0:  # labelled ISO-2022-JP, really Shift_JIS
        return (f"From: p{n}@partner.example.jp\r\nSubject: broken {n}\r\nMessage-ID: <broken{n}@x.example.jp>\r\n"
                "Content-Type: text/plain; charset=ISO-2022-JP\r\n\r\n").encode() + \
            f"【単価】60万円 品川駅 Java {n}\r\n".encode("cp932")
    if kind == 1:  # base64 cut in the middle
        payload = base64.b64encode(f"【案件】Python開発 {n} 単価65万".encode())[:-5]
        return (f"From: p{n}@partner.example.jp\r\nSubject: b64 {n}\r\nMessage-ID: <broken{n}@x.example.jp>\r\n"
                "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n").encode() \
            + payload + b"\r\n"
    return (f"From: p{n}@partner.example.jp\r\nSubject: raw \xe6\x97\xa5 {n}\r\nMessage-ID: <broken{n}@x.example.jp>"
            "\r\n\r\n案件です\r\n").encode("utf-8", "surrogateescape")


def oversize_mail(n: int, size: int) -> bytes:
    head = _headers(n, f"big {n}", f"<big{n}@hostile.example>", "Content-Type: text/plain; charset=UTF-8\r\n")
    return head.encode() + b"\r\n" + b"x" * size


def deep_mime_mail(n: int, depth: int = 40) -> bytes:
    head = _headers(n, f"deep {n}", f"<deep{n}@hostile.example>", "Content-Type: multipart/mixed; boundary=b0\r\n")
    parts = [head + "\r\n"]
    for level in range(1, depth + 1):
        parts.append(f"--b{level - 1}\r\nContent-Type: multipart/mixed; boundary=b{level}\r\n\r\n")
    parts.append(f"--b{depth}\r\nContent-Type: text/plain\r\n\r\nhi\r\n")
    parts += [f"--b{level}--\r\n" for level in range(depth, -1, -1)]
    return "".join(parts).encode()


def many_parts_mail(n: int, parts: int = 600) -> bytes:
    head = _headers(n, f"parts {n}", f"<parts{n}@hostile.example>", "Content-Type: multipart/mixed; boundary=P\r\n")
    body = "".join(f"--P\r\nContent-Type: text/plain\r\n\r\npart {i}\r\n" for i in range(parts)) + "--P--\r\n"
    return (head + "\r\n" + body).encode()


def slow_mail(n: int, repeat: int = 6000) -> bytes:
    """One very long line: the extractor's time grows with its square (4,000 repetitions: ~1 s)."""
    head = _headers(n, f"slow {n}", f"<slow{n}@hostile.example>",
                    "Content-Type: text/plain; charset=UTF-8\r\nContent-Transfer-Encoding: 8bit\r\n")
    return (head + "\r\n" + "【単価】60万 Java 品川駅 " * repeat).encode()


def daemon_config(tmp_path: Path, db_url: str, accounts: list[dict[str, Any]], **settings: Any) -> Config:
    """A Config as load_config builds it: every account key filled, settings given as dotted names."""
    lines = []
    sections: dict[str, dict[str, Any]] = {}
    for name, value in {"extract.ginza": False, "daemon.parse_workers": 1, "daemon.backoff_base_seconds": 0.2,
                        "daemon.backoff_cap_seconds": 2.0, "daemon.progress_seconds": 1, **settings}.items():
        section, key = name.rsplit(".", 1)
        sections.setdefault(section, {})[key] = value
    sections.setdefault("database", {})["url"] = db_url
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines += [f"{key} = {_toml(value)}" for key, value in values.items()]
    for account in accounts:
        lines.append("[[accounts]]")
        lines += [f"{key} = {_toml(value)}" for key, value in account.items() if value is not None]
    path = tmp_path / "hayaoshi.toml"
    path.write_text("\n".join(lines) + "\n", "utf-8")
    return load_config(path, env={})


def _toml(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_toml(v) for v in value) + "]"
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def maildir_account(path: Path, name: str = "local", **overrides: Any) -> dict[str, Any]:
    return {"name": name, "type": "maildir", "path": str(path), "folders": ["INBOX"], "poll_seconds": 1,
            "address": "sales@ourco.example.jp", **overrides}


def deliver_maildir(path: Path, raws: list[bytes]) -> None:
    box = mailbox.Maildir(path, factory=None, create=True)
    for raw in raws:
        box.add(raw)


def table_rows(db_url: str, table: str) -> list[dict[str, Any]]:
    """Every row of a table, by id: read through a connection of its own, as another program would."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(text(f"SELECT * FROM {table} ORDER BY id"))]
    finally:
        engine.dispose()


def ledger_rows(db_url: str) -> list[dict[str, Any]]:
    return table_rows(db_url, "ledger")


@contextlib.contextmanager
def warm_pool(**bounds: Any) -> Iterator[ParserPool]:
    """One warm parser child for a test module (a daemon that is handed a pool leaves it running)."""
    pool = ParserPool(Bounds(**bounds), use_ginza=False, size=1)
    pool.start()
    try:
        yield pool
    finally:
        pool.close()


def mail_counts(db_url: str) -> Counter:
    """Message-ID -> how many mail rows hold it (the store's own oracle of "processed once")."""
    engine = create_engine(db_url)
    try:
        with engine.connect() as conn:
            return Counter(r[0] for r in conn.execute(text("SELECT message_id FROM mail")))
    finally:
        engine.dispose()


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 300,
            **popen: Any) -> subprocess.CompletedProcess[str]:
    """`hayaoshi run|status …` as a separate process (python -m hayaoshi.daemon_cli)."""
    return subprocess.run([sys.executable, "-m", "hayaoshi.daemon_cli", *args], capture_output=True, text=True,
                          timeout=timeout, env={**os.environ, **(env or {})}, cwd=ROOT, check=False, **popen)


def start_cli(*args: str, log: Path, env: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    with open(log, "ab") as handle:  # the child has its own copy of the descriptor
        return subprocess.Popen([sys.executable, "-m", "hayaoshi.daemon_cli", *args], stdout=handle,
                                stderr=handle, env={**os.environ, **(env or {})}, cwd=ROOT)


def bulk_deliver(dovecot: Any, user: Any, raws: list[bytes]) -> None:
    """Many mails at once: straight into the user's Maildir/new, as a delivery agent writes them (doveadm
    save takes 20 ms a mail). The first goes through doveadm, which creates the Maildir."""
    if not raws:
        return
    maildir = dovecot.root / "home" / user.name / "Maildir"
    if not (maildir / "new").is_dir():
        dovecot.deliver(user, raws[0])
        raws = raws[1:]
    owner = maildir.stat()
    box = mailbox.Maildir(maildir, factory=None, create=False)
    for raw in raws:
        key = box.add(raw)
        os.chown(maildir / "new" / key, owner.st_uid, owner.st_gid)
