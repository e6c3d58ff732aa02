"""A throwaway PostgreSQL 15 cluster on loopback, for the store and matching tests.

`start_cluster()` runs initdb into a temporary folder, starts the server on a free port with
fsync off (the data is thrown away), creates the database `hayaoshi_test` and returns a
`PgCluster` whose `url` SQLAlchemy opens; `stop()` stops the server and removes the folder.
It returns None when the binaries are not installed (`apt-get install postgresql-15`), so the
tests that need it skip. initdb refuses to run as root: as root, every step runs as `postgres`.
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

PG_BIN = Path(os.environ.get("HAYAOSHI_PG_BIN", "/usr/lib/postgresql/15/bin"))
DATABASE = "hayaoshi_test"


@dataclass
class PgCluster:
    root: Path
    port: int
    run_as: str | None

    @property
    def url(self) -> str:
        return f"postgresql+psycopg://postgres@127.0.0.1:{self.port}/{DATABASE}"

    def stop(self) -> None:
        try:
            _run(self.run_as, [str(PG_BIN / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                               "-w", "stop"], check=False)
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def available() -> bool:
    return all((PG_BIN / name).exists() for name in ("initdb", "pg_ctl", "createdb"))


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _run(user: str | None, argv: list[str], *, check: bool = True) -> subprocess.CompletedProcess[str]:
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    done = subprocess.run(argv, capture_output=True, text=True, timeout=120, check=False)
    if check and done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}): {done.stderr.strip() or done.stdout}")
    return done


def start_cluster() -> PgCluster | None:
    """A running cluster, or None when PostgreSQL 15 is not installed here."""
    if not available():
        return None
    run_as = None
    root = Path(tempfile.mkdtemp(prefix="hayaoshi-pg-", dir="/tmp"))
    if os.geteuid() == 0:
        run_as = "postgres"
        entry = pwd.getpwnam(run_as)
        os.chown(root, entry.pw_uid, entry.pw_gid)
    root.chmod(0o700)
    data, sockets = root / "data", root / "sock"
    cluster = None
    try:
        _run(run_as, ["mkdir", "-p", str(sockets)])
        _run(run_as, [str(PG_BIN / "initdb"), "-D", str(data), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                      "--no-locale", "--no-sync"])
        for _attempt in range(3):  # another process may take the free port before the server does
            port = _free_port()
            options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off "
                       "-c synchronous_commit=off -c full_page_writes=off -c max_connections=50")
            started = _run(run_as, [str(PG_BIN / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"),
                                    "-o", options, "-w", "-t", "60", "start"], check=False)
            if started.returncode == 0:
                cluster = PgCluster(root, port, run_as)
                break
        if cluster is None:
            log = (root / "server.log").read_text("utf-8", "replace")[-2000:]
            raise RuntimeError(f"PostgreSQL did not start: {log}")
        _run(run_as, [str(PG_BIN / "createdb"), "-h", "127.0.0.1", "-p", str(cluster.port), "-U", "postgres",
                      DATABASE])
        return cluster
    except BaseException:
        if cluster is not None:
            cluster.stop()
        else:
            shutil.rmtree(root, ignore_errors=True)
        raise
