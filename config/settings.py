"""Every setting in one registry: name, type, default, help. Unknown keys fail at start-up.

A setting comes from, in order of precedence: the environment (`HAYAOSHI_` + the dotted name in
upper case with dots as underscores, e.g. `HAYAOSHI_DATABASE_URL`), the TOML file (`--config`,
default `hayaoshi.toml` when it exists), then the default here. Secrets are never settings: a
password is named by `password_env` or `password_file`, never written in the file.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from hayaoshi.errors import ConfigError


@dataclass(frozen=True, slots=True)
class Setting:
    name: str
    type: type
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("database.url", str, "sqlite:///var/hayaoshi.db",
            "SQLAlchemy URL of the team database: sqlite:///path or postgresql+psycopg://user@host/db"),
    Setting("roster.path", str, "", "the company's roster (.xlsx or .csv), imported at start"),
    Setting("company.name", str, "", "our company's name, as drafts sign it"),
    Setting("company.domains", list, [], "our own mail domains: mail from them is never a partner's"),
    Setting("extract.taxonomy", str, "", "a skills.csv to use instead of the bundled one"),
    Setting("extract.ginza", bool, True, "use GiNZA's NER for places the rules cannot find"),
    Setting("matching.margin", int, 50_000,
            "yen a month the company keeps on a partner's engineer: their rate plus this must fit the job"),
    Setting("matching.start_grace_days", int, 14,
            "an engineer available this many days after the job's start still qualifies"),
    Setting("matching.partner_expiry_days", int, 14, "a partner's engineer leaves the pool after this"),
    Setting("matching.job_expiry_days", int, 30, "a 案件 is closed this many days after it arrived"),
    Setting("matching.tier_top", float, 0.8, "score from which a match is ◎"),
    Setting("matching.tier_good", float, 0.6, "score from which a match is ○ (below: △)"),
    Setting("matching.min_score", float, 0.3, "matches scoring below this are not listed"),
    Setting("matching.top", int, 20, "how many matches a ranking lists"),
    Setting("matching.excluded", int, 10,
            "how many of the candidates failing a hard condition a ranking lists with their reasons (the best "
            "would-be scores first; all are counted)"),
    Setting("drafts.enabled", bool, True,
            "the daemon writes reply drafts into each account's drafts folder (false: it only stores and matches)"),
    Setting("drafts.threshold", float, 0.6,
            "a match scoring at least this is proposed in a reply draft (0..1, as matching scores)"),
    Setting("drafts.top", int, 3, "how many candidates (or 案件) one reply draft proposes at most"),
    Setting("drafts.encoding", str, "utf-8",
            "utf-8 or iso-2022-jp (CP50220 style, for recipients whose mail software needs it)"),
    Setting("drafts.signature", str, "", "the signature under every draft (several lines: a TOML multi-line string)"),
    Setting("drafts.payment_terms", str, "",
            "our 支払いサイト, quoted to partners, e.g. 月末締め翌月末払い（30日サイト）"),
    Setting("drafts.questions", bool, True,
            "ask, in the same draft, what a posting left out (rate, station, start, 商流...)"),
    Setting("drafts.template_dir", str, "",
            "a folder of the company's own *.j2 draft templates, replacing the bundled ones of the same name"),
    Setting("drafts.skill_sheet_dir", str, "",
            "a folder of our engineers' skill sheets, named by 社員番号 (E001.xlsx, E001_T.K.pdf)"),
    Setting("drafts.parallel_days", int, 14,
            "an engineer proposed in another draft within this many days is shown as 並行 あり"),
    Setting("retention.days", int, 180,
            "stored mail bodies and partners' personal data are purged after this (APPI)"),
    Setting("retention.hour", int, 3, "hour of the day (local time) of the daemon's daily purge"),
    Setting("roster.watch_seconds", int, 30,
            "the daemon checks the roster file this often and re-imports it when its mtime changed"),
    Setting("limits.max_bytes", int, 25 * 1024 * 1024,
            "a mail larger than this is quarantined unread (the decoder's own ceiling is 25 MiB)"),
    Setting("limits.max_depth", int, 30, "MIME nesting deeper than this quarantines the mail"),
    Setting("limits.max_parts", int, 500, "a mail with more MIME parts than this is quarantined"),
    Setting("limits.parse_seconds", float, 10.0,
            "decoding and extracting one mail may take this long; past it the mail is quarantined"),
    Setting("daemon.parse_workers", int, 2,
            "child processes that decode and extract mail under the time limit"),
    Setting("daemon.batch_size", int, 50,
            "messages claimed, fetched and handed to the parser processes together (another folder waits for a "
            "parser process at most one batch)"),
    Setting("daemon.max_attempts", int, 3, "a message that fails this many times is quarantined"),
    Setting("daemon.retry_seconds", int, 300, "a failed message is retried no sooner than this"),
    Setting("daemon.stale_claim_minutes", int, 10,
            "a message claimed this long ago by a daemon that never finished it is taken over"),
    Setting("daemon.backoff_base_seconds", float, 1.0,
            "first reconnect delay after a network failure; doubles per failure, with jitter"),
    Setting("daemon.backoff_cap_seconds", float, 300.0,
            "longest reconnect delay; also how often a refused login or a configuration error is re-checked"),
    Setting("daemon.progress_seconds", int, 10,
            "a backlog logs its progress this often (a progress bar instead, on a terminal)"),
    Setting("digest.to", list, [], "who receives the weekly digest (mail addresses); empty: no digest is sent"),
    Setting("digest.cron", str, "0 8 * * mon",
            "when the daemon sends the digest: minute hour day month weekday, weekday as mon..sun"),
    Setting("digest.timezone", str, "Asia/Tokyo", "the time zone of digest.cron and of the digest's days"),
    Setting("smtp.host", str, "", "the SMTP server the digest is sent through"),
    Setting("smtp.port", int, 587, "the SMTP port (465 for ssl, 587 for starttls)"),
    Setting("smtp.security", str, "starttls", "ssl, starttls or none (none only on a loopback host)"),
    Setting("smtp.username", str, "", "the SMTP login; empty: no login"),
    Setting("smtp.password_env", str, "", "the environment variable holding the SMTP password"),
    Setting("smtp.from", str, "", "the digest's sender: an address, or a name and an address as in a From header"),
    Setting("smtp.ca_file", str, "", "a company CA certificate to verify the SMTP server with"),
)

ACCOUNT_SETTINGS: tuple[Setting, ...] = (
    Setting("name", str, None, "a short name for the account, used in logs and status"),
    Setting("type", str, "imap", "imap, or maildir: a local Maildir read without a server"),
    Setting("path", str, "", "the Maildir's folder (type = maildir)"),
    Setting("host", str, None, "the IMAP server"),
    Setting("port", int, 993, "the IMAP port"),
    Setting("security", str, "ssl", "ssl, starttls or none (none only on a loopback host)"),
    Setting("username", str, None, "the login"),
    Setting("password_env", str, "", "the environment variable holding the password"),
    Setting("password_file", str, "", "a file holding the password (first line)"),
    Setting("ca_file", str, "", "a company CA certificate to verify the server with"),
    Setting("folders", list, ["INBOX"], "folders to watch"),
    Setting("drafts_folder", str, "", "where drafts go; empty: the server's SPECIAL-USE \\Drafts"),
    Setting("address", str, "", "the account's mail address, the From of its drafts; empty: the username"),
    Setting("poll_seconds", int, 60, "the safety-net poll interval"),
    Setting("idle", bool, True, "use IMAP IDLE where the server offers it"),
)

# What an account of each type must set.
ACCOUNT_TYPES: dict[str, tuple[str, ...]] = {"imap": ("name", "host", "username"), "maildir": ("name", "path")}

_BY_NAME = {s.name: s for s in SETTINGS}
_ACCOUNT_BY_NAME = {s.name: s for s in ACCOUNT_SETTINGS}


def _env_name(name: str) -> str:
    return "HAYAOSHI_" + name.upper().replace(".", "_")


def _coerce(setting: Setting, value: Any, where: str) -> Any:
    if setting.type is bool and isinstance(value, str):
        if value.lower() in ("1", "true", "yes", "on"):
            return True
        if value.lower() in ("0", "false", "no", "off"):
            return False
        raise ConfigError(f"{where}: {setting.name} must be true or false, not {value!r}")
    if setting.type is list and isinstance(value, str):
        return [v.strip() for v in value.split(",") if v.strip()]
    if setting.type in (int, float) and isinstance(value, str):
        try:
            return setting.type(value)
        except ValueError as err:
            raise ConfigError(f"{where}: {setting.name} must be a number, not {value!r}") from err
    if setting.type is float and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if not isinstance(value, setting.type) or (setting.type is int and isinstance(value, bool)):
        raise ConfigError(
            f"{where}: {setting.name} must be {setting.type.__name__}, not {type(value).__name__}"
        )
    return value


def _flatten(data: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            out.update(_flatten(value, name + "."))
        else:
            out[name] = value
    return out


@dataclass(frozen=True, slots=True)
class Config:
    values: Mapping[str, Any]
    accounts: tuple[Mapping[str, Any], ...] = field(default_factory=tuple)
    path: Path | None = None

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


def load_config(path: Path | None = None, env: Mapping[str, str] | None = None) -> Config:
    """Read the TOML file (if any), apply the environment, check every key."""
    env = os.environ if env is None else env
    data: dict[str, Any] = {}
    if path is not None:
        try:
            data = tomllib.loads(path.read_text("utf-8"))
        except FileNotFoundError as err:
            raise ConfigError(f"no configuration file {path}") from err
        except tomllib.TOMLDecodeError as err:
            raise ConfigError(f"{path}: {err}") from err
    raw_accounts = data.pop("accounts", [])
    where = str(path) if path else "configuration"
    values = {s.name: s.default for s in SETTINGS}
    for name, value in _flatten(data).items():
        setting = _BY_NAME.get(name)
        if setting is None:
            known = ", ".join(sorted(_BY_NAME))
            raise ConfigError(f"{where}: unknown setting {name!r}; the settings are: {known}")
        values[name] = _coerce(setting, value, where)
    for setting in SETTINGS:
        if _env_name(setting.name) in env:
            values[setting.name] = _coerce(setting, env[_env_name(setting.name)], "environment")
    accounts = []
    for n, account in enumerate(raw_accounts, start=1):
        got = {s.name: s.default for s in ACCOUNT_SETTINGS}
        for key, value in account.items():
            setting = _ACCOUNT_BY_NAME.get(key)
            if setting is None:
                raise ConfigError(f"{where}: accounts #{n}: unknown setting {key!r}")
            got[key] = _coerce(setting, value, f"{where}: accounts #{n}")
        if got["type"] not in ACCOUNT_TYPES:
            raise ConfigError(f"{where}: accounts #{n}: type must be imap or maildir, not {got['type']!r}")
        for required in ACCOUNT_TYPES[got["type"]]:
            if not got[required]:
                raise ConfigError(f"{where}: accounts #{n}: {required} is required (type = {got['type']})")
        if "password" in account:
            raise ConfigError(f"{where}: accounts #{n}: write password_env or password_file, "
                              "never the password itself")
        accounts.append(got)
    return Config(values=values, accounts=tuple(accounts), path=path)


def default_config_path() -> Path | None:
    path = Path("hayaoshi.toml")
    return path if path.exists() else None


def settings_markdown() -> str:
    """The settings as Markdown tables, for the README (`python -m hayaoshi.config.settings`)."""
    rows = ["| setting | type | default | meaning |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.type.__name__} | `{s.default!r}` | {s.help} |" for s in SETTINGS]
    rows += ["", "Each `[[accounts]]` table:", "", "| key | type | default | meaning |", "|---|---|---|---|"]
    rows += [f"| `{s.name}` | {s.type.__name__} | `{s.default!r}` | {s.help.replace('|', '/')} |"
             for s in ACCOUNT_SETTINGS]
    return "\n".join(rows)


if __name__ == "__main__":
    print(settings_markdown())
