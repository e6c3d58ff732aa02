"""A readable table of parsed mails, for people (`hayaoshi parse --format table`)."""

from __future__ import annotations

import unicodedata

from hayaoshi.extract.model import ParsedMail, Posting


def display_width(text: str) -> int:
    """Columns a terminal gives the text: full-width (CJK) characters take two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def cell(text: str, width: int) -> str:
    """The text cut and padded to `width` terminal columns."""
    out = ""
    used = 0
    for ch in text:
        w = display_width(ch)
        if used + w > width:
            break
        out += ch
        used += w
    return out + " " * (width - used)


def _rate(p: Posting) -> str:
    if p.rate_min is None and p.rate_max is None:
        return "応相談" if p.rate_negotiable else "-"
    lo = f"{p.rate_min // 10000}" if p.rate_min else ""
    hi = f"{p.rate_max // 10000}" if p.rate_max else ""
    return f"{lo}万" if lo == hi else f"{lo}~{hi}万"


_COLUMNS = (("kind", 7), ("who / what", 26), ("skills", 30), ("rate", 10), ("start", 10),
            ("station", 10), ("remote", 7))


def format_table(rows: list[tuple[str, ParsedMail]]) -> str:
    lines = ["  ".join(cell(name, w) for name, w in _COLUMNS)]
    lines.append("  ".join("-" * w for _, w in _COLUMNS))
    for path, mail in rows:
        lines.append(f"{path}  [{mail.kind}] {mail.subject}")
        for p in mail.postings:
            who = p.title or " ".join(
                x for x in (p.name, f"{p.age}歳" if p.age else None, p.nationality) if x
            )
            values = (str(p.kind), who or "-", ", ".join(p.skills) or "-", _rate(p),
                      p.start.isoformat() if p.start else "-", p.station or "-",
                      str(p.remote) if p.remote else "-")
            lines.append("  ".join(cell(v, w) for v, (_, w) in zip(values, _COLUMNS, strict=True)))
            if p.sheets:
                lines.append("    sheets: " + "; ".join(
                    f"{s['filename']} {s['status']}" + (f" ({s['reason']})" if s["reason"] else "") for s in p.sheets))
            if p.warnings:
                lines.append(f"    warnings: {' / '.join(p.warnings)}")
        if mail.defects:
            lines.append(f"    defects: {'; '.join(mail.defects)}")
    return "\n".join(lines) + "\n"
