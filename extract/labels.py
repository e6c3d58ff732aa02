"""Labelled lines: `【単価】…`, `■単価：…`, `・単　価：…`, `単価 @50`, `４．作業期間`, flattened lines.

`scan_fields` finds every label occurrence in normalised text and returns the value that goes
with it (the rest of the line up to the next label, or the following lines when the label
stands alone). The vocabulary below maps the labels teams write to one field key each.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# field key -> labels as written (after NFKC). Longest labels win, so 必須スキル beats 必須.
LABELS: dict[str, tuple[str, ...]] = {
    "title": ("案件名", "案件名称", "件名", "タイトル", "案件タイトル", "プロジェクト名", "PJ名",
              "業務名", "案件", "案件概要", "募集職種", "職種"),
    "work": ("作業内容", "業務内容", "内容", "案件内容", "仕事内容", "概要", "作業概要", "業務概要",
             "詳細", "案件詳細", "開発内容", "担当業務", "募集内容", "ポジション", "業務", "作業",
             "プロジェクト概要", "システム概要"),
    "required": ("必須スキル", "必須", "必須要件", "必須条件", "必要スキル", "必要要件", "必要経験",
                 "求めるスキル", "スキル要件", "応募条件", "必須経験", "MUST", "必須スキル・経験",
                 "要求スキル"),
    "preferred": ("尚可スキル", "尚可", "歓迎スキル", "歓迎", "歓迎要件", "歓迎条件", "尚可条件",
                  "あれば尚可", "あればなお可", "あればなおよし", "あれば尚良", "尚良", "尚可要件",
                  "WANT", "優遇", "あれば望ましい", "歓迎経験", "尚可経験"),
    "skills": ("スキル", "技術", "保有スキル", "主要スキル", "スキル詳細", "スキル概要", "言語",
               "開発言語", "使用言語", "環境", "開発環境", "使用技術", "技術要素", "技術スタック",
               "FW", "フレームワーク", "DB", "データベース", "OS", "インフラ", "ツール", "工程",
               "経験工程", "対応工程", "担当工程", "得意分野", "得意技術", "スキルセット", "資格",
               "経歴", "職務経歴", "PR", "自己PR", "アピール", "アピールポイント", "技術キーワード",
               "経験業務", "経験技術", "その他スキル", "クラウド", "ミドルウェア", "ミドル"),
    "rate": ("単価", "単金", "金額", "価格", "報酬", "予算", "希望単価", "単金額", "単価額", "月額",
             "想定単価", "単価感", "希望金額", "契約単価", "提示単価", "希望単金", "単価(税別)"),
    "settlement": ("精算", "清算", "精算幅", "精算条件", "精算時間", "清算幅", "精算方法",
                   "基準時間", "精算範囲"),
    "start": ("期間", "開始", "開始時期", "開始日", "稼働", "稼動", "稼働開始", "稼働時期",
              "稼働開始日", "稼働開始時期", "稼働可能日", "稼働可能時期", "稼働日", "参画時期",
              "参画可能時期", "参画日", "参画開始", "入場", "入場時期", "入場日", "作業期間",
              "契約期間", "時期", "就業期間", "稼働可能", "参画可能日", "開始予定", "稼動開始",
              "稼動時期", "参画可能", "稼働開始可能日", "参画開始日", "案件期間"),
    "place": ("場所", "勤務地", "作業場所", "勤務場所", "就業場所", "勤務先", "最寄駅", "最寄",
              "最寄り", "最寄り駅", "住所", "エリア", "拠点", "作業地", "現場", "所在地",
              "勤務地/最寄駅", "作業場所/最寄駅", "場所/最寄駅", "最寄駅/勤務地", "就業先",
              "勤務エリア", "作業エリア", "最寄駅(勤務地)", "現住所", "居住地", "在住"),
    "remote": ("リモート", "出社条件", "勤務形態", "テレワーク", "在宅", "働き方", "リモートワーク",
               "出社頻度", "在宅勤務", "勤務体系", "リモート可否", "リモート有無", "出社", "稼働形態"),
    "interviews": ("面談", "面接", "打ち合わせ", "打合せ", "打ち合せ", "面会", "面談回数", "面接回数",
                   "面回数", "打ち合わせ回数", "打合せ回数", "面談方法", "面談形式", "面談数"),
    "chain": ("商流", "所属制限", "所属条件", "商流制限", "BP", "再委託", "商流条件", "BP可否"),
    "affiliation": ("所属", "所属会社", "雇用形態", "社員区分", "雇用", "所属形態", "区分",
                    "契約形態", "雇用区分", "所属区分"),
    "foreigners": ("外国籍", "外国歴", "外国人", "国籍要件", "外国籍可否", "外国籍の方", "国籍条件"),
    "nationality": ("国籍",),
    "age": ("年齢", "年令", "年齢制限", "年齢条件", "年齢層", "年齢/性別", "年齢・性別"),
    "name": ("氏名", "名前", "イニシャル", "氏名(イニシャル)", "要員名", "技術者名", "人材名",
             "要員", "技術者", "エンジニア", "候補者"),
    "gender": ("性別",),
    "japanese": ("日本語", "日本語レベル", "日本語能力", "語学", "日本語力"),
    "headcount": ("人数", "募集人数", "募集人員", "人員", "募集数", "増員", "募集枠"),
    "notes": ("備考", "補足", "特記事項", "注意事項", "条件", "その他条件", "その他", "備考欄",
              "留意事項", "注意点", "人物像", "求める人物像", "特記", "その他備考", "NG条件"),
    "parallel": ("並行", "並行状況", "並行営業", "並行営業状況", "営業状況", "並行有無"),
    "career": ("経験年数", "IT経験", "実務経験", "経験期間", "IT歴", "業界経験", "開発経験年数",
               "社会人歴", "IT経験年数", "総経験年数", "経験", "開発経験", "エンジニア歴"),
}

_KEY_OF: dict[str, str] = {}
for _key, _labels in LABELS.items():
    for _label in _labels:
        _KEY_OF[_label.lower()] = _key


def _label_regex(label: str) -> str:
    # `単　価`, `ス キ ル`, `名　　前`: teams pad labels with spaces to align them.
    return r"\s*".join(re.escape(c) for c in label)


_ALT = "|".join(_label_regex(lb) for lb in sorted(_KEY_OF, key=len, reverse=True))
_OPEN = r"[【\[〔《≪<〈]"
_CLOSE = r"[】\]〕》≫>〉]"
_BULLET = r"[■□◆◇▼▽●○・◎★☆▶►▷◉◼♦*]"
_SEP = r"(?:\s*[:=]|\s*\.{2,}|\s*…+|\s*・{2,}|\s*-{2,}>?)"

# 【単価】, 【単　価】, 【下記のご経験があれば尚可】, 【必須スキル・経験】: a bracket holding a label
# and maybe a few words; `_bracket_key` decides which label it is.
_BRACKETED = re.compile(rf"{_OPEN}(?P<label>[^】\]〕》≫>〉\n]{{1,24}}){_CLOSE}{_SEP}?")
_PREFIX = re.compile(rf"^(?:{_ALT})", re.IGNORECASE)
_SUFFIX = re.compile(rf"(?:{_ALT})$", re.IGNORECASE)
# ■単価：…, ・単　価：…, ◆ 金額 ：…, ▼勤務地 (value on the next line), ■面談・・・・1回.
_BULLETED = re.compile(
    rf"(?:^|(?<=\s)){_BULLET}+\s*(?:\d{{1,2}}[.)]\s*)?(?P<label>{_ALT})(?:{_SEP}|\s+|$)",
    re.IGNORECASE,
)
# 単価：…, ４．作業期間：…, 単価 @50 at the start of a line.
_LINE_START = re.compile(
    rf"^\s*(?:\d{{1,2}}[.)]\s*)?(?P<label>{_ALT})(?:{_SEP}|\s+(?=\S)|\s*$)",
    re.IGNORECASE,
)
# 最寄り：中野駅・所属：弊社フリーランス / 面談：WEB2回: a label after a separator, with a colon.
_MID_LINE = re.compile(rf"(?<=[/|、・\s,])(?P<label>{_ALT})\s*:", re.IGNORECASE)

_HAS_OPEN = re.compile(_OPEN)
_HAS_BULLET = re.compile(_BULLET)
_SEPARATOR_LINE = re.compile(r"^\s*([━─=\-_＿*※~・+#]\s*){5,}$")


@dataclass(frozen=True, slots=True)
class Field:
    key: str
    label: str
    value: str  # normalised text; lines joined with "\n"
    line: int  # line index of the label
    last_line: int  # last line the value takes
    label_start: int  # offset of the label in the normalised body
    start: int  # offsets of the value in the normalised body
    end: int


def key_of(label: str) -> str | None:
    return _KEY_OF.get(re.sub(r"\s+", "", label).lower())


def is_separator(line: str) -> bool:
    return bool(_SEPARATOR_LINE.match(line))


def bracket_key(content: str) -> str | None:
    """The field a bracketed heading names: the whole, else its start, else its end."""
    text = re.sub(r"\s+", "", content)
    if "尚可" in text or "歓迎" in text or "なおよし" in text or "尚良" in text:
        return "preferred"
    key = key_of(text)
    if key:
        return key
    m = _PREFIX.match(text) or _SUFFIX.search(text)
    if m:
        key = key_of(m.group(0))
        if key == "title" and len(text) > len(m.group(0)):
            return None  # 【案件情報】, 【案件のご紹介】: a heading, not the title label
        return key
    return None


def _occurrences(line: str) -> list[tuple[int, int, str]]:
    """(label start, value start, label) for each label on one line, left to right."""
    found: dict[int, tuple[int, int, str]] = {}
    for rx in (_BRACKETED, _BULLETED, _LINE_START, _MID_LINE):
        # Cheap character tests first: most lines of a mail are prose with no label at all.
        if rx is _BRACKETED and not _HAS_OPEN.search(line):
            continue
        if rx is _BULLETED and not _HAS_BULLET.search(line):
            continue
        if rx is _MID_LINE and ":" not in line:
            continue
        for m in rx.finditer(line):
            start = m.start()
            if any(s <= start < v for s, v, _ in found.values()):
                continue
            label = m.group("label")
            if rx is _BRACKETED:
                key = bracket_key(label)
                if key is None:
                    continue
                label = f"{key}:{label}"
            found[start] = (start, m.end(), label)
            if rx is _LINE_START:
                break
    return [found[k] for k in sorted(found)]


def scan_fields(lines: list[str], line_starts: list[int]) -> list[Field]:
    """Every labelled value in the text, in order."""
    per_line = [_occurrences(line) for line in lines]
    fields: list[Field] = []
    n = len(lines)
    for i, occ in enumerate(per_line):
        for j, (lstart, vstart, label) in enumerate(occ):
            key = label.split(":", 1)[0] if ":" in label else key_of(label)
            label = label.split(":", 1)[-1]
            if key is None:
                continue
            line = lines[i]
            vend = occ[j + 1][0] if j + 1 < len(occ) else len(line)
            raw_value = line[vstart:vend]
            value = raw_value.strip(" \t/|、・")
            start = line_starts[i] + vstart + len(raw_value) - len(raw_value.lstrip(" \t/|、・"))
            end = line_starts[i] + vend
            last = i
            if j + 1 == len(occ):
                # The value goes on below: indented or bulleted lines with no label of their
                # own; for a label alone on its line, everything up to the next label.
                k = i + 1
                parts = [value] if value else []
                alone = not value
                while k < n:
                    nxt = lines[k]
                    if per_line[k] or is_separator(nxt):
                        break
                    if not nxt.strip():
                        if alone and not parts and k - i < 3:
                            k += 1
                            continue
                        break
                    if not alone and not _continues(key, line, nxt):
                        break
                    parts.append(nxt.strip())
                    last = k
                    end = line_starts[k] + len(nxt)
                    k += 1
                value = "\n".join(parts)
            fields.append(Field(key, label, value, i, last, line_starts[i] + lstart, start, end))
    return fields


_LIST_KEYS = frozenset({"required", "preferred", "skills", "work", "notes"})


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continues(key: str, label_line: str, nxt: str) -> bool:
    """Does `nxt` carry on the value of a label whose value began on `label_line`?"""
    if _indent(nxt) > _indent(label_line) and _indent(nxt) >= 2:
        return True
    if key not in _LIST_KEYS:
        return False
    # A bulleted item, or a short bare item as an HTML table cell with <br> gives (`React⏎AWS`).
    stripped = nxt.strip()
    return stripped[:1] in "・-*※" or (len(stripped) <= 40 and "。" not in stripped)
