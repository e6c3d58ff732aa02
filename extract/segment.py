"""Where postings start and end in a mail, and which lines are signature or contact details."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from hayaoshi.extract.labels import Field, is_separator

_CONTACT = re.compile(
    r"TEL|Tel|tel|FAX|Fax|fax|電話|携帯|〒|E-?mail|MAIL|Mail|mail\s*:|URL|https?://|www\.|"
    r"[\w.+-]+@[\w-]+\.[\w.]+|派\s*\d{2}-|労働者派遣|有料職業紹介|資本金|代表取締役|本社|営業部|"
    r"所在地|住所"
)
_COMPANY_LINE = re.compile(r"^\s*(?:株式会社|有限会社|合同会社)\S*\s*$|^\s*\S+(?:株式会社|\(株\))\s*$")

# 案件(1), 【案件2】, ■案件No.3, 求人1: numbered 案件.
_JOB_HEADER = re.compile(
    r"^\s*[■◆●◇□★☆▼【\[<(]*\s*(?:案件|求人|募集案件|ポジション|募集)\s*(?:情報)?\s*(?:No\.?|NO\.?|№)?\s*"
    r"[(\[]?\s*(\d{1,2})\s*[)\]]?(?!\s*[万名人年月日回h])"
)
# 人材1, 【要員2】, ■1人目, 技術者(2).
_TALENT_HEADER = re.compile(
    r"^\s*[■◆●◇□★☆▼【\[<(]*\s*(?:(?:人材|要員|技術者|エンジニア|人財)\s*(?:No\.?)?\s*[(\[]?\s*(\d{1,2})"
    r"(?!\s*[万名年月日歳才回])|(\d{1,2})\s*人目)"
)
# ①【案件名】… (① is "(1)" once normalised): a numbered posting that opens with a label.
_CIRCLED_HEADER = re.compile(r"^\s*\((\d{1,2})\)\s*(?=[【■◆\[<]|案件|人材|要員|技術者)")
# No.1, 【No.2】, ■No.3: numbered postings of either kind.
_NUMBER_HEADER = re.compile(r"^\s*[■◆●◇□★☆▼【\[<(]*\s*(?:No|NO|no|№)\s*\.?\s*(\d{1,2})(?!\d)")
# ◆要員 / ◆案件 alone on a line: the bare heading form of the sections below.
_BARE_SECTION = re.compile(
    r"^\s*[■◆●◇□★☆▼▽◎【\[<(]*\s*(案件|要員|人材|技術者|エンジニア|人財)\s*"
    r"(?:情報|のご紹介|のご案内|概要|詳細|紹介)?\s*[】\]>)]*\s*[::]?\s*$"
)
_HEADING = re.compile(r"^\s*[■◆●◇□★☆▼▽◎【\[<(=\-━]")
_TALENT_WORD = re.compile(r"人材|要員|技術者|エンジニア(?:の)?(?:ご紹介|情報)|人財")
_HAS_LABEL_VALUE = re.compile(r"[】\]>)]\s*\S.*[::]|[::]\s*\S")
# 【案件情報】 / 【人材情報】: section headings that separate a 案件 from an engineer in one mail.
_JOB_SECTION = re.compile(r"案件情報|案件のご紹介|案件詳細|募集案件|案件概要|ご紹介案件")
_TALENT_SECTION = re.compile(r"人材情報|要員情報|技術者情報|人材のご紹介|要員のご紹介|技術者のご紹介|"
                             r"エンジニア情報|人財情報|エンジニアのご紹介|ご提案人材|弊社要員")
# T.K(男性), 劉YZ/31歳, R.K(41歳・男性): an engineer's initials with age or gender.
NAME_LINE = re.compile(
    r"(?<![A-Za-z])(?:[A-Z]\s?[.・]\s?[A-Z]\.?|[A-Z]{2}(?![A-Za-z])|[一-龥]{1,2}[A-Z]{1,2}(?![A-Za-z]))\s*"
    r"[(/_・\s]\s*(?:\d{2}\s*[歳才]|男|女)"
)


@dataclass(frozen=True, slots=True)
class Segment:
    start: int  # first line
    end: int  # one past the last line
    hint: str | None  # "job" / "talent" when a header said so
    header: str | None  # the numbered header line's text after its number


def contact_lines(lines: list[str]) -> set[int]:
    # A flattened HTML mail is one long line holding the posting and the signature alike: only
    # short lines are taken for contact details.
    return {i for i, ln in enumerate(lines)
            if len(ln) <= 120 and (_CONTACT.search(ln) or _COMPANY_LINE.match(ln))}


def signature_start(lines: list[str], fields: list[Field]) -> int:
    """The first line of the closing signature block: the trailing run of contact details,
    separators, blank and short lines, after the last label. The addressee block at the top of
    a mail (`株式会社ミナトテック⏎高橋様`) is not a signature."""
    last_field = max((f.last_line for f in fields), default=-1)
    contacts = contact_lines(lines)
    start = len(lines)
    seen_contact = False
    i = len(lines) - 1
    while i > last_field:
        line = lines[i].strip()
        if i in contacts:
            seen_contact = True
        elif not (not line or is_separator(line) or (len(line) <= 30 and "。" not in line)):
            break
        start = i
        i -= 1
    if not seen_contact:
        return len(lines)
    # Keep the closing greeting out of the block but start at its first separator or contact.
    while start < len(lines) and not (start in contacts or is_separator(lines[start])):
        start += 1
    return start


def _numbered(lines: list[str], end: int) -> list[tuple[int, str, int, str]]:
    out = []
    for i in range(end):
        line = lines[i]
        m = _JOB_HEADER.match(line)
        if m:
            out.append((i, "job", int(m.group(1)), line[m.end():].strip(" :】]>)")))
            continue
        m = _NUMBER_HEADER.match(line) or _CIRCLED_HEADER.match(line)
        if m:
            out.append((i, "any", int(m.group(1)), line[m.end():].strip(" :】]>)")))
            continue
        m = _TALENT_HEADER.match(line)
        if m:
            out.append((i, "talent", int(m.group(1) or m.group(2)), line[m.end():].strip(" :】]>)")))
    return out


def split_postings(lines: list[str], fields: list[Field], end: int) -> list[Segment]:
    """Segments of lines [0, end), one per posting; one segment when nothing splits the mail."""
    heads = _numbered(lines, end)
    if len({(k, n) for _, k, n, _ in heads}) >= 2:
        starts = [h[0] for h in heads]
        blocks = []
        for idx, (line, kind, num, title) in enumerate(heads):
            stop = starts[idx + 1] if idx + 1 < len(starts) else end
            blocks.append((stop - line, line, stop, kind, num, title))
        best: dict[tuple[str, int], tuple[int, int, int, str, int, str]] = {}
        for block in blocks:
            key = (block[3], block[4])
            if key not in best or block[0] > best[key][0]:
                # An index line at the top (`案件①：…`) gives its title to the detailed block.
                title = block[5] or (best[key][5] if key in best else "")
                best[key] = (*block[:5], title)
        kept = sorted(best.values(), key=lambda b: b[1])
        return [Segment(b[1], b[2], None if b[3] == "any" else b[3], b[5] or None)
                for b in kept if b[0] > 1]

    sections = []
    for i in range(end):
        line = lines[i]
        if len(line.strip()) > 40:
            continue
        bare = _BARE_SECTION.match(line)
        kind = None
        if bare:
            kind = "job" if bare.group(1) == "案件" else "talent"
        elif _HEADING.match(line) and len(line.strip()) <= 30 and not _HAS_LABEL_VALUE.search(line):
            # 【1】要員のご紹介 / 【2】募集中の案件 / ◆ご紹介人材
            if _TALENT_WORD.search(line):
                kind = "talent"
            elif "案件" in line:
                kind = "job"
        if kind and not (sections and sections[-1][1] == kind and i - sections[-1][0] <= 2):
            sections.append((i, kind))
    if {k for _, k in sections} == {"job", "talent"}:
        out = []
        for idx, (line, kind) in enumerate(sections):
            stop = sections[idx + 1][0] if idx + 1 < len(sections) else end
            out.append(Segment(line, stop, kind, None))
        return out

    # Two engineers in one mail: the name label (or an initials line) again after other fields.
    names = [f.line for f in fields if f.key == "name" and f.value and f.line < end]
    if len(names) < 2:
        names = [i for i in range(end) if NAME_LINE.search(lines[i]) and not _in_field_of(fields, i)]
    names = sorted(set(names))
    if len(names) >= 2 and all(b - a >= 2 for a, b in itertools.pairwise(names)):
        starts = [_back_to_header(lines, n, floor) for n, floor in zip(names, [0, *names], strict=False)]
        starts[0] = min(starts[0], names[0])
        out = []
        for idx, s in enumerate(starts):
            stop = starts[idx + 1] if idx + 1 < len(starts) else end
            out.append(Segment(s, stop, "talent", None))
        return out
    return [Segment(0, end, None, None)]


def _in_field_of(fields: list[Field], line: int) -> bool:
    return any(f.line < line <= f.last_line and f.key in ("skills", "notes") for f in fields)


def _back_to_header(lines: list[str], line: int, floor: int) -> int:
    """Include a short heading line (`■1人目`, `【エンジニア1】`) just above a name line."""
    i = line
    while i - 1 > floor and lines[i - 1].strip() and len(lines[i - 1].strip()) <= 20 and (
        _TALENT_HEADER.match(lines[i - 1]) or is_separator(lines[i - 1])
    ):
        i -= 1
    return i
