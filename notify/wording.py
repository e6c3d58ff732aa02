"""The words of a draft: labels, dates, rates, the opinion of fit, and what to ask.

Pure functions over matching's values. Two rules run through this module:

- what the recipient reads never carries our margin, a partner's own rate, another company's
  wording of the 商流, or the citations matching keeps for the rep (`ロスター 12行目`, `メール:`);
- every value says where it is unknown ("確認中") rather than guessing.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date

from hayaoshi.match.convert import is_foreign
from hayaoshi.match.explain import Terms, fmt_years, man, skill_fit
from hayaoshi.match.model import Engineer, Job, Requirement, Status

UNKNOWN = "確認中"
MARK = {Status.MET: "○", Status.PARTIAL: "△", Status.UNMET: "×"}
# The 工程 of config/skills.csv (category "phase"), upstream first.
PHASES = ("要件定義", "基本設計", "詳細設計", "製造", "単体テスト", "結合テスト", "総合テスト", "受入テスト",
          "性能テスト", "テスト", "運用保守")
_EMPLOYMENT = {"employee": "正社員", "contract": "契約社員", "freelance": "個人事業主"}
_GENDER = {"male": "男性", "female": "女性", "男": "男性", "女": "女性", "男性": "男性", "女性": "女性"}
_REMOTE = {"full": "フルリモート", "hybrid": "リモート併用", "onsite": "常駐（出社）"}
_CORPORATE = re.compile(r"株式会社|有限会社|合同会社|合資会社|一般社団法人|㈱|㈲|\(株\)|（株）|\(有\)|（有）")
# C0 and C1 controls, DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029]")
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# Rates and chain words that a 案件名 taken from a subject can carry (`PHP/渋谷/～60万/1月～`).
_RATE_IN_TITLE = re.compile(
    r"(?:単価|単金|金額)?\s*[:：]?\s*(?:MAX|max|Max|上限|〜|～|~|-|－)?\s*[@＠]?\s*[0-9０-９]+(?:[.．][0-9０-９]+)?"
    r"\s*(?:万円?|万|K|k)\s*(?:MAX|max|まで|前後|程度|以下|迄)?(?:\s*[〜～~\-－]\s*[0-9０-９]+\s*万円?)?"
    r"|[@＠][0-9０-９]{2,3}(?![0-9０-９])"
    r"|エンド直|元請(?:直)?|プライム|[一二三1-3１-３]次(?:請け?)?|商流[^/／・\s]*",
)
_SPLITTERS = re.compile(r"\s*[/／|｜]\s*(?:[/／|｜]\s*)*")


# ---------------------------------------------------------------- text hygiene


def clean_text(text: str | None) -> str:
    """Mail text made safe for a body: newlines as \\n, other controls gone (never silently: a
    control character has no meaning in a draft)."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", text.replace("\t", " "))


def one_line(text: str | None, limit: int = 200) -> str:
    """Mail text for one line of a draft: every control and newline a space, spaces collapsed."""
    if not text:
        return ""
    text = " ".join(_CONTROL.sub(" ", text.replace("\r", " ").replace("\n", " ").replace("\t", " ")).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def japanese_dates(text: str) -> str:
    """`2026-12-01` → `2026年12月1日` in text the recipient reads."""
    return _ISO_DATE.sub(lambda m: f"{int(m[1])}年{int(m[2])}月{int(m[3])}日", text)


# ---------------------------------------------------------------- values


def yen(value: int | None) -> str:
    return f"{man(value)}円" if value else UNKNOWN


def start_label(day: date | None, today: date) -> str:
    if day is None:
        return UNKNOWN
    if day <= today:
        return "即日～"
    if day.day == 1:
        return f"{day.year}年{day.month}月～"
    return f"{day.year}年{day.month}月{day.day}日～"


def station_label(station: str | None) -> str:
    if not station or not station.strip():
        return UNKNOWN
    station = one_line(station, 60)
    return station if station.endswith("駅") else f"{station}駅"


def remote_label(remote: str | None) -> str:
    return _REMOTE.get(str(remote), UNKNOWN) if remote else UNKNOWN


def place_label(job: Job) -> str:
    station = station_label(job.station) if job.station else None
    location = one_line(job.location, 60) if job.location else None
    if station and location:
        return f"{location}（{station}）"
    if station or location:
        return station or location or UNKNOWN
    return "フルリモート" if job.remote == "full" else UNKNOWN


def profile(engineer: Engineer) -> str:
    """`T.K（32歳・男性）`: the name as the pool holds it (initials), age and gender when known."""
    parts = [f"{engineer.age}歳"] if engineer.age else []
    gender = _GENDER.get(str(engineer.gender or "").strip().lower()) or _GENDER.get(str(engineer.gender or ""))
    if gender:
        parts.append(gender)
    name = one_line(engineer.name, 40) or "（氏名未記載）"
    return f"{name}（{'・'.join(parts)}）" if parts else name


def employment_label(engineer: Engineer) -> str:
    """The employer and contract type with the distance in the 商流, as the client reads it."""
    kind = _EMPLOYMENT.get(str(engineer.employment)) if engineer.employment else None
    if engineer.chain_distance <= 0:
        return f"弊社{kind or '社員'}"
    return f"{engineer.chain_distance}社先・{kind or '雇用形態' + UNKNOWN}"


def nationality_label(engineer: Engineer) -> str:
    if not engineer.nationality:
        return UNKNOWN
    nationality = one_line(engineer.nationality, 30)
    if is_foreign(engineer.nationality):
        return f"{nationality}（日本語 {one_line(engineer.japanese_level, 30) or UNKNOWN}）"
    return nationality


def shows_nationality(job: Job, engineer: Engineer) -> bool:
    """The job limits it, or the engineer is not Japanese (the client should not learn it at the interview)."""
    return job.foreigners_ok is False or bool(job.japanese_level) or bool(is_foreign(engineer.nationality))


def parallel_label(engineer: Engineer, ours: int, stated: str | None) -> str:
    """並行: whether the engineer is proposed elsewhere, from our drafts and the partner's mail."""
    stated = one_line(stated, 40) if stated else None
    if stated and re.fullmatch(r"(?:並行\s*[:：]?\s*)?(?:なし|無し|無|ナシ|no|NO)", stated):
        stated = "なし"
    if ours > 0:
        return "あり" if not stated or stated in ("なし", "あり") else f"あり（{stated}）"
    if stated:
        return stated if stated in ("なし", "あり") else f"あり（{stated}）"
    return "なし" if engineer.own else UNKNOWN


def rep_comment(engineer: Engineer) -> str | None:
    """The rep's own words about the engineer (the roster's 備考): reassurance, the seed's ④A."""
    if not engineer.own or not engineer.note:
        return None
    return one_line(engineer.note, 300) or None


def offered_rate(engineer: Engineer, margin: int) -> int | None:
    """What we ask the client: our engineer's rate, or a partner's rate plus our margin."""
    if engineer.rate is None:
        return None
    return engineer.rate if engineer.own else engineer.rate + margin


def split_citation(evidence: str) -> tuple[str, str | None]:
    """`Java 7年（ロスター 12行目 スキル: Java(7年)）` → (`Java 7年`, `ロスター 12行目 …`)."""
    text = evidence.rstrip()
    if not text.endswith("）"):
        return text, None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        if text[i] == "）":
            depth += 1
        elif text[i] == "（":
            depth -= 1
            if depth == 0:
                return text[:i].rstrip(), text[i + 1 : -1]
    return text, None


def client_row(row: Requirement, engineer: Engineer, margin: int) -> tuple[str, str, str]:
    """(mark, requirement, evidence) of a requirement row as the client reads it: the value
    without its citation, our offer in place of the rate arithmetic, dates in Japanese."""
    label = japanese_dates(one_line(row.requirement, 80))
    if row.requirement.startswith("単価"):
        offer = offered_rate(engineer, margin)
        return MARK[row.status], label, f"ご提案単価 {yen(offer)}" if offer else f"ご提案単価 {UNKNOWN}"
    if row.evidence is None:
        evidence = "経験の記載なし" if row.requirement.startswith(("必須", "尚可")) else "記載なし"
    else:
        value, _ = split_citation(row.evidence)
        evidence = value.removesuffix("・通勤要確認")
        if row.requirement.startswith("商流"):
            evidence = employment_label(engineer)
    evidence = evidence.replace(" から", "から")
    return MARK[row.status], label, japanese_dates(one_line(evidence, 80))


# ---------------------------------------------------------------- the opinion of fit (④B)


def _years(engineer: Engineer, skill: str) -> float | None:
    years = engineer.skill_years.get(skill)
    return years if years is not None and years == years and years > 0 else None


def fit_opinion(terms: Terms, engineer: Engineer) -> str:
    """One line saying why the engineer fits: `Java 7年、詳細設計からの経験が本件の工程に合います。`"""
    status = {s: skill_fit(terms, engineer, s)[0] for s in (*terms.required, *terms.preferred)}
    wanted = [*terms.required, *terms.preferred]
    skills = [s for s in terms.required if s not in PHASES and status.get(s) is Status.MET]
    skills.sort(key=lambda s: -(_years(engineer, s) or 0.0))
    if skills and _years(engineer, skills[0]):  # years say more than names: only skills with years then
        skills = [s for s in skills if _years(engineer, s)]
    strengths = "・".join(f"{s} {fmt_years(y)}" if (y := _years(engineer, s)) else s for s in skills[:2])
    phases = sorted((p for p in wanted if p in PHASES and p in engineer.skills), key=PHASES.index)
    phase = None
    if len(phases) >= 2:
        phase = f"{phases[0]}からの経験"
    elif phases:
        phase = f"{phases[0]}の経験"
    if strengths and phase:
        line = f"{strengths}、{phase}が本件の工程に合います。"
    elif strengths:
        line = f"{strengths}の経験が本件の中心スキルに合います。"
    elif phase:
        line = f"{phase}が本件の工程に合います。"
    else:
        preferred = [s for s in terms.preferred if status.get(s) is Status.MET]
        line = f"{'、'.join(preferred[:2])}の経験が本件で活かせます。" if preferred else "本件の条件に沿う要員です。"
    short = [s for s in terms.required if status.get(s) is Status.PARTIAL and _years(engineer, s)]
    if short:
        line = line.removesuffix("。") + f"（{short[0]}は{fmt_years(_years(engineer, short[0]) or 0)}）。"
    return line


# ---------------------------------------------------------------- the record check (④C)


def record_warnings(engineer: Engineer, today: date) -> list[str]:
    """Things in the engineer's record a client would read as a lie if they found them first.
    A partner's engineer carries the check of its mail against its skill sheet (extract/check.py)."""
    out: list[str] = list(engineer.warnings)
    if engineer.age:
        for skill, years in engineer.skill_years.items():
            if years and years == years and years > engineer.age - 15:
                out.append(f"{skill} {fmt_years(years)} は年齢 {engineer.age}歳 と合いません")
    if engineer.available_from and (today - engineer.available_from).days > 60:
        out.append(f"稼働可能日 {engineer.available_from.isoformat()} が古いままです（現況を確認）")
    if engineer.rate is None:
        out.append("単価が未登録です（本文は「確認中」）")
    if engineer.chain_distance > 0 and not engineer.employment:
        out.append("所属（雇用形態）が不明です：パートナーに確認してください")
    return out


# ---------------------------------------------------------------- what a partner reads of a job


def mask_title(title: str | None, job: Job) -> tuple[str, bool]:
    """The 案件名 a third party may read: rates and 商流 words taken out. (text, whether masked)."""
    if title and title.strip():
        text = one_line(title, 80)
        masked = _RATE_IN_TITLE.sub("", text)
        parts = [p.strip(" 　・,、") for p in _SPLITTERS.split(masked)]
        masked = "／".join(p for p in parts if p)
        masked = re.sub(r"[（(]\s*[)）]|【\s*】", "", masked).strip(" 　・,、／")
        if masked:
            return masked, masked != text
    skills = "・".join(job.required_skills[:2])
    return (f"{skills}案件" if skills else "案件"), bool(title)


def offered_range(job: Job, margin: int) -> str | None:
    """The rate range we can offer a partner: the job's, with our margin kept back."""
    high = job.rate_max - margin if job.rate_max and job.rate_max > margin else None
    low = job.rate_min - margin if job.rate_min and job.rate_min > margin else None
    if high and low and low < high:
        return f"{man(low)[:-1]}～{man(high)}円"
    if high:
        return f"～{man(high)}円"
    if low:
        return f"{man(low)}円～"
    return None


def settlement_label(hours: tuple[int, int] | None) -> str:
    return f"{hours[0]}h～{hours[1]}h" if hours else UNKNOWN


def our_chain(depth: int | None) -> str:
    """Our place in the 商流 (the source's depth plus one), never the source's own wording."""
    if depth is None or depth < 0:
        return UNKNOWN
    tiers = ["元請"] + [f"{n}次" for n in range(2, depth + 1)]
    return " → ".join(["エンド", *tiers[:depth], "弊社", "貴社"])


def partner_limit(job: Job) -> str:
    """The job's 商流 limit as it reaches the partner (one company further than us)."""
    parts = []
    if job.max_chain is not None:
        if job.max_chain <= 1:
            parts.append("貴社所属の方まで")
        else:
            parts.append(f"貴社の{job.max_chain - 1}社先まで")
    if job.freelance_ok is False:
        parts.append("個人事業主不可")
    elif job.freelance_ok is True:
        parts.append("個人事業主可")
    return "・".join(parts) if parts else UNKNOWN


def foreigners_label(job: Job) -> str:
    if job.foreigners_ok is False:
        return "不可"
    level = f"（日本語 {one_line(job.japanese_level, 30)}以上）" if job.japanese_level else ""
    if job.foreigners_ok is True:
        return f"可{level}"
    return f"日本語 {one_line(job.japanese_level, 30)}以上" if job.japanese_level else UNKNOWN


def skills_label(job: Job, skills: Iterable[str]) -> str:
    out = [f"{s}（{fmt_years(job.skill_years[s])}以上）" if job.skill_years.get(s) else s for s in skills]
    return "、".join(out) if out else "なし"


# ---------------------------------------------------------------- salutation


def salutation(name: str | None) -> str:
    """`株式会社サクラリンク 佐藤 健一` → `株式会社サクラリンク\\n佐藤 健一 様`; no name → `ご担当者様`."""
    name = one_line(unicodedata.normalize("NFKC", name or ""), 60).strip("\"' ")
    if not name or "@" in name:
        return "ご担当者様"
    tokens = name.split(" ")
    corp = [i for i, token in enumerate(tokens) if _CORPORATE.search(token)]
    if corp:
        end = corp[-1] + (2 if _CORPORATE.fullmatch(tokens[corp[-1]]) and corp[-1] + 1 < len(tokens) else 1)
        company, person = " ".join(tokens[:end]), " ".join(tokens[end:])
        return f"{company}\n{person} 様" if person else f"{company}\nご担当者様"
    return f"{name} 様"
