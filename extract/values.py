"""Field values: each rule is a regex paired with the function that turns its match into a value.

All functions take normalised text (see normalize.py) and return None when the text does not
state the value: never a guess. Relative dates take the reference date as an argument.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from hayaoshi.extract.model import Employment, Remote

_RANGE = r"\s*[~\-ー〜]\s*"
_KANJI_NUM = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5}

# ---------------------------------------------------------------- rates (yen per month)

_NEGOTIABLE = re.compile(r"スキル見合|見合い|応相談|要相談|相談可|ご?相談|ご提示|提示ください|調整可|要調整")
_HOURLY = re.compile(r"時給|時間単価|/\s*h(?![a-z])|円\s*/\s*時間")
_MAN = r"(\d{1,3}(?:\.\d)?)"
_RATE_RANGE = re.compile(rf"{_MAN}\s*(?:万円?)?{_RANGE}{_MAN}\s*万")
_RATE_MAN = re.compile(rf"{_MAN}\s*万")
_RATE_AT = re.compile(r"@\s*(\d{2,3}(?:\.\d)?)(?!\d)")
_RATE_YEN = re.compile(r"(\d{1,3}(?:,\d{3})+|\d{6,7})\s*円")
_MAX_BEFORE = re.compile(r"(?:MAX|max|Max|上限|~|最大|〜)\s*$")
_MAX_AFTER = re.compile(r"^\s*円?\s*(?:MAX|max|Max|上限|まで|迄)")
_MIN_BEFORE = re.compile(r"(?:MIN|min|Min|下限|最低)\s*$")
_MIN_AFTER = re.compile(r"^\s*円?\s*(?:MIN|min|Min|~(?!\s*\d)|以上|から|〜(?!\s*\d))")
_PAREN = re.compile(r"\([^()]*\)")


@dataclass(frozen=True, slots=True)
class Rate:
    min: int | None
    max: int | None
    negotiable: bool


def _yen(man: str) -> int:
    return round(float(man) * 10_000)


def _plausible(yen: int) -> bool:
    return 100_000 <= yen <= 3_000_000


def parse_rate(text: str) -> Rate | None:
    """`60~70万` → 600000..700000; `~70万`, `MAX70万` → ..700000; `@50`; `スキル見合い` → negotiable."""
    negotiable = bool(_NEGOTIABLE.search(text))
    if _HOURLY.search(text):
        return Rate(None, None, negotiable)
    m = _RATE_RANGE.search(text)
    if m:
        lo, hi = _yen(m.group(1)), _yen(m.group(2))
        if _plausible(lo) and _plausible(hi) and lo <= hi:
            return Rate(lo, hi, negotiable)
    amounts: list[tuple[int, int, int]] = []  # (yen, start, end)
    for rx, conv in ((_RATE_MAN, _yen), (_RATE_AT, _yen)):
        for m in rx.finditer(text):
            amounts.append((conv(m.group(1)), m.start(), m.end()))
    for m in _RATE_YEN.finditer(text):
        amounts.append((int(m.group(1).replace(",", "")), m.start(), m.end()))
    amounts = sorted(a for a in amounts if _plausible(a[0]))
    amounts.sort(key=lambda a: a[1])
    if not amounts:
        return Rate(None, None, True) if negotiable else None
    lo: int | None = None
    hi: int | None = None
    plain: int | None = None
    for yen, s, e in amounts:
        before, after = text[:s], text[e:]
        if _MIN_BEFORE.search(before):
            lo = yen if lo is None else lo
        elif _MAX_BEFORE.search(before) or _MAX_AFTER.match(after):
            hi = yen if hi is None else hi
        elif _MIN_AFTER.match(after):
            lo = yen if lo is None else lo
        elif plain is None:
            plain = yen
    if plain is not None:
        # `73万(Min68万)`: the plain amount is the other end of an explicit one.
        if lo is None and (hi is None or plain <= hi):
            lo = plain if hi is not None or lo is None else lo
        if hi is None and (lo is None or plain >= lo):
            hi = plain
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    return Rate(lo, hi, negotiable)


# ---------------------------------------------------------------- settlement hours

_HOURS = re.compile(rf"(?<!\d)(\d{{2,3}})\s*(?:h|H|時間)?{_RANGE}(\d{{2,3}})\s*(?:h|H|時間)?(?!\d|万|円)")


def parse_settlement(text: str) -> tuple[int, int] | None:
    for m in _HOURS.finditer(text):
        lo, hi = int(m.group(1)), int(m.group(2))
        if 80 <= lo < hi <= 300:
            return lo, hi
    return None


# ---------------------------------------------------------------- start date

_YMD = re.compile(r"(20\d\d)\s*[年/.\-]\s*(\d{1,2})\s*[月/.\-]\s*(\d{1,2})\s*日?")
_YM = re.compile(r"(20\d\d)\s*[年/.]\s*(\d{1,2})\s*月?\s*(上旬|中旬|下旬|初旬|頭|初め|末|中)?(?![\d/])")
_MD = re.compile(r"(?<![\d.年])(?<!\d/)(\d{1,2})\s*(?:/|月)\s*(\d{1,2})\s*日?(?![\d/])")
_M = re.compile(r"(?<![\d.年])(?<!\d/)(\d{1,2})\s*月\s*(上旬|中旬|下旬|初旬|頭|初め|末|中)?")
_NOW = re.compile(r"即日|即(?=[~\s/、,・可参入稼]|$)|随時|すぐ|ASAP|asap|即時")
_NEXT_MONTH = re.compile(r"来月|翌月")
_PART_DAY = {"上旬": 1, "初旬": 1, "頭": 1, "初め": 1, "中旬": 11, "中": 11, "下旬": 21}


def _month_on_or_after(ref: date, month: int) -> int:
    return ref.year if month >= ref.month else ref.year + 1


def _day(part: str | None) -> int:
    return _PART_DAY.get(part or "", 1)


def _safe(y: int, m: int, d: int) -> date | None:
    if not (1 <= m <= 12):
        return None
    d = min(max(d, 1), calendar.monthrange(y, m)[1])
    return date(y, m, d)


def parse_start(text: str, ref: date) -> tuple[date, tuple[int, int]] | None:
    """The earliest start the text offers, with its span. Dates right after a `~` are ends."""
    found: list[tuple[date, int, int]] = []
    taken: list[tuple[int, int]] = []

    def add(d: date | None, s: int, e: int) -> None:
        if d is None or any(a <= s < b for a, b in taken):
            return
        taken.append((s, e))
        if re.search(r"~\s*$", text[max(0, s - 3) : s]):
            return  # the end of a range: `4/1~2027/3末`
        found.append((d, s, e))

    for m in _YMD.finditer(text):
        add(_safe(int(m.group(1)), int(m.group(2)), int(m.group(3))), m.start(), m.end())
    for m in _YM.finditer(text):
        if m.group(3) == "末":
            taken.append((m.start(), m.end()))
            continue
        add(_safe(int(m.group(1)), int(m.group(2)), _day(m.group(3))), m.start(), m.end())
    for m in _MD.finditer(text):
        mo, d = int(m.group(1)), int(m.group(2))
        if 1 <= mo <= 12 and 1 <= d <= 31:
            add(_safe(_month_on_or_after(ref, mo), mo, d), m.start(), m.end())
    for m in _M.finditer(text):
        mo = int(m.group(1))
        if m.group(2) == "末" or not 1 <= mo <= 12:
            taken.append((m.start(), m.end()))
            continue
        if re.match(r"\s*(?:以上|以内|程度|間)", text[m.end() :]):
            continue  # `3月間`, `6月以上`: a length, not a month
        add(_safe(_month_on_or_after(ref, mo), mo, _day(m.group(2))), m.start(), m.end())
    for m in _NOW.finditer(text):
        add(ref, m.start(), m.end())
    for m in _NEXT_MONTH.finditer(text):
        y, mo = (ref.year + 1, 1) if ref.month == 12 else (ref.year, ref.month + 1)
        add(date(y, mo, 1), m.start(), m.end())
    if not found:
        return None
    best = min(found, key=lambda f: (f[0], f[1]))
    return best[0], (best[1], best[2])


# ---------------------------------------------------------------- remote

_REMOTE_RULES: tuple[tuple[re.Pattern[str], Remote], ...] = (
    (re.compile(r"(?:リモート|テレワーク|在宅)\s*(?:不可|NG|なし|無し)"), Remote.ONSITE),
    (re.compile(r"フルリモ|完全リモート|基本リモート|基本テレワーク|完全在宅|フル在宅|在宅勤務のみ|"
                r"リモートのみ|100%リモート|原則リモート|原則テレワーク|全日リモート|基本在宅|出社不要|出社なし"),
     Remote.FULL),
    (re.compile(r"リモート併用|テレワーク併用|在宅併用|週\s*\d\s*(?:日|回)?\s*(?:程度)?\s*出社|"
                r"月\s*\d\s*(?:日|回)?\s*(?:程度)?\s*出社|出社\s*(?:は|:)?\s*(?:週|月)\s*\d|週\s*\d\s*(?:日)?\s*(?:リモート|在宅|テレワーク)|"
                r"一部\s*(?:リモート|テレワーク|在宅)|出社\s*と\s*(?:リモート|在宅|テレワーク)|"
                r"(?:リモート|在宅|テレワーク)\s*と\s*出社|ハイブリッド|\+\s*(?:テレワーク|リモート|在宅)|"
                r"リモート\s*(?:可|あり|有り|OK)|テレワーク\s*(?:可|あり|有り)|在宅\s*\d+\s*%|"
                r"出社\s*\d+\s*%"),
     Remote.HYBRID),
    (re.compile(r"常駐|フル出社|基本出社|出社必須|全日出社|オンサイト|出社前提|完全出社|通勤前提|出社"),
     Remote.ONSITE),
)


def parse_remote(text: str) -> tuple[Remote, tuple[int, int]] | None:
    for rx, value in _REMOTE_RULES:
        m = rx.search(text)
        if m:
            return value, m.span()
    return None


# ---------------------------------------------------------------- interviews

_INTERVIEW_RANGE = re.compile(rf"(\d){_RANGE}(\d)\s*回")
_INTERVIEW_N = re.compile(r"(?<![\d.])([1-5一二三四五])\s*回")
_INTERVIEW_ONLY_US = re.compile(r"弊社面談のみ|弊社のみ")


def parse_interviews(text: str) -> int | None:
    m = _INTERVIEW_RANGE.search(text)
    if m:
        return max(int(m.group(1)), int(m.group(2)))
    m = _INTERVIEW_N.search(text)
    if m:
        return _KANJI_NUM[m.group(1)]
    if _INTERVIEW_ONLY_US.search(text):
        return 1
    return None


_INTERVIEW_FREE = re.compile(r"(?:面談|面接|打ち?合わ?せ)[^\n。/]{0,8}?(?:(\d)\s*[~\-]\s*)?([1-5一二三四五])\s*回")


def find_interviews(text: str) -> tuple[int, tuple[int, int]] | None:
    """`面談1回` inside prose or 備考."""
    m = _INTERVIEW_FREE.search(text)
    if not m:
        return None
    n = _KANJI_NUM[m.group(2)]
    if m.group(1):
        n = max(n, int(m.group(1)))
    return n, m.span()


# ---------------------------------------------------------------- conditions

_FOREIGN_NO = re.compile(
    r"(?:外国籍|外国人|外国歴|外国|国籍)[^\n。/]{0,6}?(?:不可|NG|ng|お断り|不可能|×)|日本国籍\s*(?:限定|のみ)|"
    r"日本人\s*(?:のみ|限定)|日本人に限"
)
_FOREIGN_YES = re.compile(
    r"(?:外国籍|外国人|外国歴)[^\n。/]{0,6}?(?:可|OK|O\.K\.|ok|不問|大丈夫|歓迎|相談)"
)


def find_foreigners_ok(text: str) -> tuple[bool, tuple[int, int]] | None:
    m = _FOREIGN_NO.search(text)
    if m:
        return False, m.span()
    m = _FOREIGN_YES.search(text)
    if m:
        return True, m.span()
    return None


def parse_foreigners_value(value: str) -> bool | None:
    """The value of a 外国籍 label alone: `可`, `不可`, `NG`, `不問`."""
    if re.search(r"不可|NG|ng|×|お断り|限定|のみ|不問可|ダメ", value):
        return "不問" in value and "不可" not in value
    if re.search(r"可|OK|O\.K\.|不問|大丈夫|○|相談", value):
        return True
    return None


_AGE_MAX_RULES: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"(\d{2})\s*代\s*前半\s*(?:まで|迄|位)"), lambda m: int(m.group(1)) + 4),
    (re.compile(r"(\d{2})\s*代\s*(?:後半)?\s*(?:まで|迄|位まで|以下)"), lambda m: int(m.group(1)) + 9),
    (re.compile(r"(\d{2})\s*[歳才]\s*以上\s*(?:NG|不可)"), lambda m: int(m.group(1)) - 1),
    (re.compile(r"(\d{2})\s*[歳才]\s*未満"), lambda m: int(m.group(1)) - 1),
    (re.compile(r"(\d{2})\s*[歳才]?\s*(?:位|くらい|前後)?\s*(?:まで|迄|以下)"), lambda m: int(m.group(1))),
    (re.compile(r"~\s*(\d{2})\s*[歳才]"), lambda m: int(m.group(1))),
)


def find_age_max(text: str) -> tuple[int, tuple[int, int]] | None:
    best: tuple[int, tuple[int, int]] | None = None
    for rx, conv in _AGE_MAX_RULES:
        m = rx.search(text)
        if m and (best is None or m.start() < best[1][0]):
            value = conv(m)  # type: ignore[operator]
            if 18 <= value <= 75:
                best = (value, m.span())
    return best


_AGE = re.compile(r"(?<!\d)(\d{2})\s*(?:歳|才)(?!\s*(?:まで|迄|以下|以上|未満|位|くらい|前後|~|代))")
_AGE_BARE = re.compile(r"^\s*(\d{2})\s*(?:歳|才)?(?!\d)")


def find_age(text: str, labelled: bool = False) -> tuple[int, tuple[int, int]] | None:
    m = _AGE.search(text) or (_AGE_BARE.search(text) if labelled else None)
    if m and 15 <= int(m.group(1)) <= 80:
        return int(m.group(1)), m.span()
    return None


_CHAIN_RULES: tuple[tuple[re.Pattern[str], object], ...] = (
    (re.compile(r"([1-3一二三])\s*社\s*(?:先|下)\s*(?:の)?\s*(?:社員|所属|プロパー|正社員)?\s*(?:まで|迄)"),
     lambda m: _KANJI_NUM[m.group(1)]),
    (re.compile(r"(?:貴社|御社|貴社様|御社様)\s*(?:社員|プロパー|正社員|所属|直|契約社員)?[^\n。/]{0,12}?"
                r"(?:まで|迄|限定|のみ)"), lambda m: 0),
    (re.compile(r"(?:貴社|御社)\s*(?:プロパー|正社員|社員)"), lambda m: 0),
    (re.compile(r"(?:B\s*P|再委託|再々委託)\s*[::]?\s*(?:不可|NG)|(?:B\s*P|再委託)\s*(?:は|の方は)?\s*不可"),
     lambda m: 0),
    (re.compile(r"(?:プロパー|自社社員)\s*(?:のみ|限定)"), lambda m: 0),
)


def find_max_chain(text: str) -> tuple[int, tuple[int, int]] | None:
    """The limit stated; when several are (`貴社社員、一社先まで可能`), the widest one."""
    best: tuple[int, tuple[int, int]] | None = None
    for rx, conv in _CHAIN_RULES:
        m = rx.search(text)
        if m and (best is None or conv(m) > best[0]):  # type: ignore[operator]
            best = (conv(m), m.span())  # type: ignore[operator]
    return best


_FREELANCE_NO = re.compile(r"(?:個人事業主|フリーランス|フリー)[^\n。、/]{0,4}?(?:不可|NG|お断り|×)")
_FREELANCE_YES = re.compile(r"(?:個人事業主|フリーランス)[^\n。、/]{0,6}?(?:可|OK|歓迎)")


def find_freelance_ok(text: str) -> tuple[bool, tuple[int, int]] | None:
    m = _FREELANCE_NO.search(text)
    if m:
        return False, m.span()
    m = _FREELANCE_YES.search(text)
    if m:
        return True, m.span()
    return None


_EMPLOYMENT_RULES: tuple[tuple[re.Pattern[str], Employment], ...] = (
    (re.compile(r"個人事業主|フリーランス|フリー(?!ター)"), Employment.FREELANCE),
    (re.compile(r"契約社員"), Employment.CONTRACT),
    (re.compile(r"正社員|プロパー|無期雇用|社員"), Employment.EMPLOYEE),
)


def find_employment(text: str) -> tuple[Employment, tuple[int, int]] | None:
    for rx, value in _EMPLOYMENT_RULES:
        m = rx.search(text)
        if m:
            return value, m.span()
    return None


_GENDER = re.compile(r"男性|女性|(?<=[(/・、\s_])(?:男|女)(?=[)/・、\s]|$)|^(?:男|女)$")


def find_gender(text: str) -> tuple[str, tuple[int, int]] | None:
    m = _GENDER.search(text)
    if not m:
        return None
    return ("male" if m.group(0).startswith("男") else "female"), m.span()


_COUNTRIES = ("日本", "中国", "韓国", "台湾", "ベトナム", "フィリピン", "インド", "ネパール",
              "ミャンマー", "タイ", "インドネシア", "バングラデシュ", "スリランカ", "パキスタン",
              "アメリカ", "米国", "イギリス", "フランス", "ドイツ", "ロシア", "ブラジル", "モンゴル",
              "マレーシア", "カナダ", "オーストラリア", "香港", "シンガポール", "ウズベキスタン")
_NATIONALITY = re.compile(
    rf"({'|'.join(_COUNTRIES)})\s*(?:国籍|籍|人|出身)|国籍\s*[::]?\s*({'|'.join(_COUNTRIES)})"
)


def find_nationality(text: str) -> tuple[str, tuple[int, int]] | None:
    m = _NATIONALITY.search(text)
    if not m:
        return None
    country = m.group(1) or m.group(2)
    return ("アメリカ" if country == "米国" else country), m.span()


def parse_nationality_value(value: str) -> str | None:
    found = find_nationality(value)
    if found:
        return found[0]
    m = re.match(rf"\s*({'|'.join(_COUNTRIES)})", value)
    return m.group(1) if m else None


_JLPT_STRICT = re.compile(
    r"(?<![A-Za-z])N\s*([1-5])(?!\d)|日本語(?:能力)?(?:検定|試験)\s*([1-5])\s*級|JLPT\s*N?\s*([1-5])"
)
_JA_WORDS = re.compile(r"ネイティブ|ビジネスレベル|ビジネス|日常会話|流暢")


def find_japanese_level(text: str) -> tuple[str, tuple[int, int]] | None:
    m = _JLPT_STRICT.search(text)
    if m:
        return "N" + (m.group(1) or m.group(2) or m.group(3)), m.span()
    m = _JA_WORDS.search(text)
    if m:
        word = m.group(0)
        return ("ビジネスレベル" if word == "ビジネス" else word), m.span()
    return None


_HEAD = re.compile(rf"(\d{{1,2}})(?:{_RANGE}(\d{{1,2}}))?\s*(?:名|人)")


def parse_headcount(text: str) -> int | None:
    total = 0
    for m in _HEAD.finditer(text):
        total += int(m.group(2) or m.group(1))
    return total or None


_YEARS = re.compile(
    r"(?:約|計)?\s*(\d{1,2}(?:\.\d)?)\s*年\s*(?:(\d{1,2})\s*(?:ヶ|か|カ|ケ|ヵ|箇)\s*月)?|"
    r"(?:約|計)?\s*(\d{1,3})\s*(?:ヶ|か|カ|ケ|ヵ|箇)\s*月"
)


def parse_years(text: str) -> float | None:
    m = _YEARS.search(text)
    if not m:
        return None
    if m.group(3):
        return round(int(m.group(3)) / 12, 2)
    years = float(m.group(1)) + (int(m.group(2)) / 12 if m.group(2) else 0.0)
    return round(years, 2)


_CHAIN_ARROW = re.compile(r"→|->|⇒|>|＞")
_END_DIRECT = re.compile(r"(?:エンド|元請|プライム|一次請け?)\s*(?:直|様直)")


def parse_chain_depth(value: str) -> int | None:
    """Companies between the end client and the sender: `エンド→元請→弊社` → 2, `エンド直` → 1."""
    if _END_DIRECT.search(value):
        return 1 if value.lstrip().startswith(("エンド", "プライム")) else 2
    arrows = _CHAIN_ARROW.findall(value)
    if arrows and re.search(r"弊社|当社|自社", value):
        # `元請→上位→弊社`: the end client above 元請 goes without saying.
        implied = 0 if re.match(r"\s*(?:エンド|顧客|ユーザー|お客様|クライアント)", value) else 1
        return len(arrows) + implied
    return None
