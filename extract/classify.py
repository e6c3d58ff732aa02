"""Is a stretch of mail a 案件, an engineer, or neither? Scores from labels and shapes.

A talent posting must never be lost as "other" (teams lose money that way), so ties go to
talent and a name line alone is enough for one.
"""

from __future__ import annotations

import re

from hayaoshi.extract.labels import Field
from hayaoshi.extract.model import PostingKind
from hayaoshi.extract.segment import NAME_LINE

_JOB_KEYS = {"title": 1.0, "work": 1.0, "required": 1.5, "preferred": 1.0, "settlement": 1.0,
             "interviews": 0.5, "chain": 1.0, "headcount": 1.0, "foreigners": 1.0}
_TALENT_KEYS = {"name": 2.0, "gender": 1.5, "nationality": 1.0, "japanese": 0.5, "parallel": 1.5,
                "career": 1.0}
_SHARED = {"rate": 0.5, "start": 0.5, "place": 0.5, "skills": 0.5, "remote": 0.3, "notes": 0.2}
_LIMIT = re.compile(r"まで|迄|以下|未満|代|不問|以上|NG|不可")
_EMPLOYEE = re.compile(r"正社員|契約社員|個人事業主|フリーランス|プロパー|社員|BP")
_TALENT_PROSE = re.compile(r"人材|要員|技術者|エンジニア(?:の|を)?(?:ご紹介|ご提案)|ご提案させて|ご紹介させて|"
                           r"稼働可能|並行|スキルシート|経歴書")
_JOB_PROSE = re.compile(r"案件|募集|ご提案ください|ご紹介ください|お声がけください|求めて")
# Conditions written in sentences (`単価は～62万円、精算は140-180h`, `面談は1回`,
# `外国籍の方は不可`): a 案件 described in prose, with no labels at all.
_JOB_CONDITIONS = (
    re.compile(r"(?:単価|単金|予算)[^。\n]{0,6}?\d{2,3}(?:\.\d)?\s*万"),
    re.compile(r"(?:精算|清算)[^。\n]{0,6}?\d{2,3}\s*h?\s*[-~]\s*\d{2,3}"),
    re.compile(r"(?:面談|面接)[^。\n]{0,8}?(?:\d|一|二)\s*回"),
    re.compile(r"外国籍[^。\n]{0,12}?(?:不可|NG|可)"),
    re.compile(r"(?:貴社|御社)[^。\n]{0,8}?まで"),
    re.compile(r"(?:開始|期間|参画)[^。\n]{0,6}?(?:\d{1,2}\s*月|即日)"),
    re.compile(r"(?:場所|勤務地|作業場所)[^。\n]{0,4}?[はが:]"),
)
_TALENT_CONDITIONS = (
    re.compile(r"(?<!\d)\d{2}\s*[歳才](?!\s*(?:まで|迄|以下|以上|未満|代))"),
    re.compile(r"男性|女性"),
    re.compile(r"稼働可能|参画可能|並行"),
    re.compile(r"希望単価|希望\s*\d{2}\s*万"),
    re.compile(r"最寄(?:り)?駅?[はが:]"),
)
# Newsletters and notices talk about 案件 and 人材 in general: without labels they are not one.
_BULK = re.compile(r"配信停止|メルマガ|メールマガジン|編集後記|お名刺交換|配信を希望|月刊|号\s*$|ニュースレター")
_THRESHOLD = 2.0


def classify(fields: list[Field], text: str, *, hint: str | None, subject_job: float,
             subject_talent: float, subject_data: int) -> PostingKind | None:
    job = subject_job
    talent = subject_talent
    seen: set[str] = set()
    for f in fields:
        if f.key in seen:
            continue
        seen.add(f.key)
        if f.key in _JOB_KEYS:
            job += _JOB_KEYS[f.key]
        elif f.key in _TALENT_KEYS:
            talent += _TALENT_KEYS[f.key]
        elif f.key in _SHARED:
            job += _SHARED[f.key]
            talent += _SHARED[f.key]
        elif f.key == "age":
            if _LIMIT.search(f.value):
                job += 1.0
            else:
                talent += 1.5
        elif f.key == "affiliation":
            if re.search(r"まで|迄|限定", f.value):
                job += 1.0
            elif _EMPLOYEE.search(f.value):
                talent += 1.0
    if NAME_LINE.search(text):
        talent += 2.0
    if _TALENT_PROSE.search(text):
        talent += 0.5
    if _JOB_PROSE.search(text):
        job += 0.5
    job += 0.5 * sum(1 for rx in _JOB_CONDITIONS if rx.search(text))
    talent += 0.5 * sum(1 for rx in _TALENT_CONDITIONS if rx.search(text))
    if subject_data >= 2:
        # `【急募】PHP/渋谷/~60万/1月~` with a body of greetings: the subject is the posting,
        # an engineer when the subject or body says so, else a 案件.
        if subject_talent or (talent > job and not subject_job):
            talent += 2.0
        else:
            job += 2.0
    if _BULK.search(text) and not fields:
        return None
    if hint == "job":
        job += 2.0
    elif hint == "talent":
        talent += 2.0
    if max(job, talent) < _THRESHOLD:
        return None
    return PostingKind.TALENT if talent >= job else PostingKind.JOB
