"""Write the golden corpus of 人材 / mixed / other / charset / encoding / reply-forward mails.

    python tests/samples/make_talent_corpus.py            # (re)write the mails and expected.json
    python tests/samples/make_talent_corpus.py --check    # only validate what is on disk

Folders written (under tests/samples/mail/): talent_labels, talent_multi, mixed, other, charset,
encoding, reply_forward. Also tests/samples/must_not_match.json.

Every mail here was written for the project (no real mail is copied). The expected values are
hand-annotated against docs/fields.md; they are NOT produced by the extractor. Technical words in
the mails come only from docs/core_skills.txt (canonical spellings or the listed aliases), so each
posting's expected skill set is unambiguous; greetings and signatures carry no skill words.

Normal mails are built with the stdlib `email` package (policy SMTP, CRLF). The charset cases are
built byte by byte here, including a small CP50220-style ISO-2022-JP encoder (text -> cp932 ->
JIS X 0208 row/cell, NEC row 13 as row 0x2D) because Python's iso2022_jp codec cannot write ①, ㈱, №.
Keep `*.eml -text` in .gitattributes so git does not rewrite the CRLF bytes.
"""

from __future__ import annotations

import base64
import io
import json
import sys
import zipfile
from datetime import datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail"
JST = timezone(timedelta(hours=9))
FOLDERS = ("talent_labels", "talent_multi", "mixed", "other", "charset", "encoding",
           "reply_forward")

# `start` may be given as this marker: the mail's own date (即日 / 即 / 随時), per docs/fields.md.
MAIL_DATE = "MAIL_DATE"

POSTING_KEYS = (
    "kind", "title", "skills", "required_skills", "preferred_skills", "skill_years",
    "rate_min", "rate_max", "rate_negotiable", "start", "station", "location", "remote",
    "settlement_hours", "interviews", "foreigners_ok", "age_max", "age", "gender", "nationality",
    "japanese_level", "employment", "max_chain", "freelance_ok", "headcount",
)


# --------------------------------------------------------------------------------------------
# expected postings
# --------------------------------------------------------------------------------------------

def _empty(kind: str) -> dict:
    p = {k: None for k in POSTING_KEYS}
    p.update(kind=kind, skills=[], required_skills=[], preferred_skills=[], skill_years={},
             rate_negotiable=False)
    return p


def talent(*, skills, years=None, rate=(None, None), neg=False, start=None, station=None,
           location=None, remote=None, age=None, gender=None, nationality=None, jp=None,
           employment=None, settle=None, interviews=None) -> dict:
    """One expected engineer posting. skills = every skill named (compared as a set)."""
    assert len(set(skills)) == len(skills), skills
    assert set(years or {}) <= set(skills), (skills, years)
    p = _empty("talent")
    p.update(
        skills=list(skills),
        skill_years={k: round(float(v), 2) for k, v in (years or {}).items()},
        rate_min=rate[0], rate_max=rate[1], rate_negotiable=neg, start=start,
        station=station, location=location, remote=remote, age=age, gender=gender,
        nationality=nationality, japanese_level=jp, employment=employment,
        settlement_hours=list(settle) if settle else None, interviews=interviews,
    )
    return p


def job(*, title, skills, req, pref=(), years=None, rate=(None, None), neg=False, start=None,
        station=None, location=None, remote=None, settle=None, interviews=None, foreigners=None,
        age_max=None, jp=None, chain=None, freelance=None, headcount=None) -> dict:
    """One expected 案件. `skills` is required ∪ preferred in order of first appearance."""
    req, pref = list(req), list(pref)
    assert not set(req) & set(pref), (title, "a skill is either required or preferred")
    assert sorted(skills) == sorted(req + pref), (title, skills, req, pref)
    assert set(years or {}) <= set(skills), (title, years)
    p = _empty("job")
    p.update(
        title=title, skills=list(skills), required_skills=req, preferred_skills=pref,
        skill_years={k: round(float(v), 2) for k, v in (years or {}).items()},
        rate_min=rate[0], rate_max=rate[1], rate_negotiable=neg, start=start,
        station=station, location=location, remote=remote,
        settlement_hours=list(settle) if settle else None, interviews=interviews,
        foreigners_ok=foreigners, age_max=age_max, japanese_level=jp, max_chain=chain,
        freelance_ok=freelance, headcount=headcount,
    )
    return p


# --------------------------------------------------------------------------------------------
# CP50220-style ISO-2022-JP (written by hand: the stdlib codec has no NEC row 13)
# --------------------------------------------------------------------------------------------

def _sjis_to_jis(s1: int, s2: int) -> tuple[int, int]:
    j1 = (s1 - 0x81) * 2 + 0x21 if s1 <= 0x9F else (s1 - 0xC1) * 2 + 0x21
    if s2 >= 0x9F:
        return j1 + 1, s2 - 0x7E
    return j1, s2 - 0x1F - (1 if s2 >= 0x80 else 0)


def _jis_to_sjis(j1: int, j2: int) -> tuple[int, int]:
    s1 = (j1 + 1) // 2 + (0x70 if j1 <= 0x5E else 0xB0)
    if j1 % 2:
        s2 = j2 + 0x1F
        if s2 >= 0x7F:
            s2 += 1
    else:
        s2 = j2 + 0x7E
    return s1, s2


def jis_encode(text: str) -> bytes:
    """One line of text as ISO-2022-JP (CP50220 flavour), ending in ASCII mode."""
    out = bytearray()
    mode = "ascii"
    for ch in text:
        if ord(ch) < 0x80:
            if mode != "ascii":
                out += b"\x1b(B"
                mode = "ascii"
            out += ch.encode("ascii")
            continue
        sj = ch.encode("cp932")
        if len(sj) != 2:
            raise ValueError(f"{ch!r} is not in JIS X 0208 (+NEC row 13)")
        s1, s2 = sj
        if not (0x81 <= s1 <= 0x9F or 0xE0 <= s1 <= 0xEA):
            raise ValueError(f"{ch!r} is a cp932 IBM extension, not writable in ISO-2022-JP")
        j1, j2 = _sjis_to_jis(s1, s2)
        if mode != "jis":
            out += b"\x1b$B"
            mode = "jis"
        out += bytes((j1, j2))
    if mode != "ascii":
        out += b"\x1b(B"
    return bytes(out)


def jis_decode(data: bytes) -> str:
    """Inverse of jis_encode, used only to prove the bytes round-trip."""
    out = []
    i, mode = 0, "ascii"
    while i < len(data):
        if data[i] == 0x1B:
            seq = data[i:i + 3]
            mode = "jis" if seq in (b"\x1b$B", b"\x1b$@") else "ascii"
            i += 3
        elif mode == "jis":
            s1, s2 = _jis_to_sjis(data[i], data[i + 1])
            out.append(bytes((s1, s2)).decode("cp932"))
            i += 2
        else:
            out.append(chr(data[i]))
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------------------------
# headers by hand
# --------------------------------------------------------------------------------------------

def encoded_words(text: str, charset: str, chunk: int = 12) -> str:
    """RFC 2047 B-encoded words, each holding whole characters, folded with CRLF SP."""
    words = []
    for i in range(0, len(text), chunk):
        part = text[i:i + chunk]
        data = jis_encode(part) if charset.upper() == "ISO-2022-JP" else part.encode(
            "cp932" if charset.upper() == "SHIFT_JIS" else charset)
        words.append(f"=?{charset}?B?{base64.b64encode(data).decode('ascii')}?=")
    return "\r\n ".join(words)


def mid_char_split_subject(text: str) -> str:
    """Two UTF-8 encoded-words whose byte split falls INSIDE a multi-byte character."""
    data = text.encode("utf-8")
    cut = 7  # 【 is 3 bytes, 人 is 3 bytes: byte 7 is the 2nd byte of 材
    assert (data[cut] & 0xC0) == 0x80, "the cut must fall inside a character"
    a, b = data[:cut], data[cut:]
    return (f"=?UTF-8?B?{base64.b64encode(a).decode('ascii')}?=\r\n"
            f" =?UTF-8?B?{base64.b64encode(b).decode('ascii')}?=")


def crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# --------------------------------------------------------------------------------------------
# the mails
# --------------------------------------------------------------------------------------------

MAILS: list[dict] = []


def mail(folder, name, *, date, sender, subject, body, postings, kind, to=("", "sales@example.jp"),
         defects=(), build="std", **opts):
    MAILS.append(dict(folder=folder, name=name, date=date, sender=sender, to=to, subject=subject,
                      body=body, postings=postings, kind=kind, defects=list(defects),
                      build=build, opts=opts))


SIG_BRIGHT = """
--
株式会社ブライトリンク 営業部
小林 健太
TEL：03-1234-5678
Mail：kobayashi@brightlink.example.jp
"""

SIG_NORTH = """
━━━━━━━━━━━━━━━━━━━━
株式会社ノースブリッジ　営業部
木村 一郎
〒105-0011 東京都港区芝公園1-2-3
TEL：03-6789-0123　FAX：03-6789-0124
Mail：kimura@northbridge.example.jp
━━━━━━━━━━━━━━━━━━━━
"""

# ============================ talent_labels =================================================

mail("talent_labels", "marks_several_labels_one_line",
     date=(2026, 11, 16, 10, 12), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     subject="【人材情報】弊社正社員のご紹介（T.K／32歳）",
     body="""
営業ご担当者様

いつもお世話になっております。
株式会社ブライトリンクの小林でございます。

弊社正社員のエンジニアをご紹介いたします。
案件がございましたらご提案いただけますと幸いです。

■氏名：T.K（男性）　■年齢：32歳　■最寄駅：JR京浜東北線 大宮駅
■稼働：即日可能　■単価：65万円　■所属：弊社正社員
■スキル：Java(7年)、Spring、AWS(EC2/S3)、PostgreSQL
■並行：なし

スキルシートはご要望に応じてお送りいたします。
何卒よろしくお願いいたします。
""" + SIG_BRIGHT,
     kind="talent",
     postings=[talent(skills=["Java", "Spring", "AWS", "EC2", "S3", "PostgreSQL"],
                      years={"Java": 7}, rate=(650000, 650000), start=MAIL_DATE, station="大宮",
                      age=32, gender="male", employment="employee")])

mail("talent_labels", "bracket_fullwidth_space_labels",
     date=(2026, 11, 17, 11, 5), sender=("石井 誠", "ishii@aoba-techno.example.jp"),
     subject="【要員情報】Ｋ．Ｔ（45歳）のご紹介",
     body="""
各位

お世話になっております。
合同会社アオバテクノの石井です。

下記要員のご紹介です。ご検討よろしくお願いいたします。

【氏　名】Ｋ．Ｔ
【年　齢】45歳
【性　別】男性
【最寄駅】京王線　調布駅
【稼　働】12月～
【単　価】60〜70万
【所　属】個人事業主
【経験年数】約17年
【スキル】Java（Spring Boot, Struts）、Oracle、Linux
【並　行】提案のみ

以上、よろしくお願いいたします。

合同会社アオバテクノ　石井 誠
TEL: 042-123-4567
""",
     kind="talent",
     postings=[talent(skills=["Java", "Spring Boot", "Struts", "Oracle", "Linux"],
                      rate=(600000, 700000), start="2026-12-01", station="調布", age=45,
                      gender="male", employment="freelance")])

mail("talent_labels", "spaced_label_skill_months_contract",
     date=(2026, 11, 18, 14, 20), sender=("藤田 真理子", "fujita@sakura-sol.example.jp"),
     subject="要員のご紹介（KH／30歳／C#）",
     body="""
ご担当者様

いつも大変お世話になっております。
株式会社サクラソリューションズの藤田でございます。

弊社契約社員をご紹介させていただきます。

名　　前：KH(男性)
年　　齢：30歳
国　　籍：日本
最 寄 駅：千代田線／代々木公園駅
雇用形態：契約社員
稼　　働：2027年1月～
単　　価：57万／月
ス キ ル：C#(約122ヶ月)、Oracle(約108ヶ月)、Java(約35ヶ月)、PHP(5ヶ月)
並　　行：並行営業中

ご検討のほどよろしくお願い申し上げます。

株式会社サクラソリューションズ
藤田 真理子
〒110-0006 東京都台東区秋葉原1-2-3
TEL 03-5555-0101
""",
     kind="talent",
     postings=[talent(skills=["C#", "Oracle", "Java", "PHP"],
                      years={"C#": 122 / 12, "Oracle": 108 / 12, "Java": 35 / 12, "PHP": 5 / 12},
                      rate=(570000, 570000), start="2027-01-01", station="代々木公園", age=30,
                      gender="male", nationality="日本", employment="contract")])

mail("talent_labels", "name_line_paren_slashes_n1",
     date=(2026, 11, 19, 10, 48), sender=("高田 亮", "takada@kawasemi-sys.example.jp"),
     subject="【人材情報】張W（38歳／女性）Python",
     body="""
営業ご担当者様

お世話になっております。
株式会社カワセミシステムの高田です。

弊社エンジニアをご紹介いたします。

張W（38歳／中国籍／女性）
日本語：N１
最寄駅：南草津駅/瀬田駅
スキル：Python(5年)、Django、MySQL、Docker
稼働：即日
単価：55万
所属：弊社正社員
並行：なし

よろしくお願いいたします。

株式会社カワセミシステム 高田
TEL：077-123-4567
""",
     kind="talent",
     postings=[talent(skills=["Python", "Django", "MySQL", "Docker"], years={"Python": 5},
                      rate=(550000, 550000), start=MAIL_DATE, station="南草津", age=38,
                      gender="female", nationality="中国", jp="N1", employment="employee")])

mail("talent_labels", "name_line_dots_negotiable_rate",
     date=(2026, 11, 20, 15, 30), sender=("岡本 大輔", "okamoto@naniwa-digital.example.jp"),
     subject="【要員】R.K（41歳）PHP／Laravel",
     body="""
ご担当者様

お世話になっております。株式会社ナニワデジタルの岡本です。
下記要員のご紹介です。

R.K（41歳・男性・日本人）
最寄駅：大国町（大阪メトロ）
スキル：PHP(8年)、Laravel、JavaScript、Vue.js、MySQL、AWS
稼働：12月～
単価：85万円（応相談）
所属：BP社員
並行：提案中1件

何卒よろしくお願いいたします。

株式会社ナニワデジタル　岡本 大輔
TEL：06-1234-5678
""",
     kind="talent",
     postings=[talent(skills=["PHP", "Laravel", "JavaScript", "Vue.js", "MySQL", "AWS"],
                      years={"PHP": 8}, rate=(850000, 850000), neg=True, start="2026-12-01",
                      station="大国町", age=41, gender="male", nationality="日本",
                      employment="employee")])

mail("talent_labels", "name_line_slash_station_jlpt",
     date=(2026, 11, 24, 10, 5), sender=("佐々木 翔", "sasaki@midori-tech.example.jp"),
     subject="【人材情報】劉YZ／31歳／Java",
     body="""
各位

お世話になっております。
株式会社ミドリテックの佐々木です。

下記技術者をご紹介いたします。

劉YZ/31歳/男性/中国籍/西川口駅
JLPT N1
スキル：Java_5年8ヶ月、Spring Boot、Oracle
工程：基本設計、詳細設計、製造、単体テスト
単価：50万
稼働：12月～
所属：一社下社員

ご検討よろしくお願いいたします。

株式会社ミドリテック　佐々木 翔
""",
     kind="talent",
     postings=[talent(skills=["Java", "Spring Boot", "Oracle", "基本設計", "詳細設計", "製造",
                              "単体テスト"],
                      years={"Java": 5 + 8 / 12}, rate=(500000, 500000), start="2026-12-01",
                      station="西川口", age=31, gender="male", nationality="中国", jp="N1",
                      employment="employee")])

mail("talent_labels", "fullwidth_digits_and_letters",
     date=(2026, 11, 25, 13, 40), sender=("西村 由紀", "nishimura@kousei-sys.example.jp"),
     subject="【人材情報】弊社社員（３４歳）のご紹介",
     body="""
ご担当者様

お世話になっております。株式会社コウセイシステムの西村です。
弊社社員をご紹介いたします。

【氏名】Ｍ．Ｏ（男性）
【年齢】３４歳
【最寄駅】東京メトロ東西線　葛西駅
【スキル】Ｐｙｔｈｏｎ（４年）、ＡＷＳ、Ｌｉｎｕｘ、ＳＱＬ
【単価】６２万円
【稼働】１２月～
【所属】弊社正社員

よろしくお願いいたします。
株式会社コウセイシステム　西村
""",
     kind="talent",
     postings=[talent(skills=["Python", "AWS", "Linux", "SQL"], years={"Python": 4},
                      rate=(620000, 620000), start="2026-12-01", station="葛西", age=34,
                      gender="male", employment="employee")])

mail("talent_labels", "japanese_kentei_level",
     date=(2026, 11, 26, 11, 22), sender=("森田 香織", "morita@hikari-net.example.jp"),
     subject="エンジニアのご紹介（NT／29歳／女性）",
     body="""
ご担当者様

いつもお世話になっております。
株式会社ヒカリネットの森田でございます。

下記エンジニアをご紹介いたします。

【氏名】NT
【年齢】29歳
【性別】女性
【国籍】ベトナム
【日本語】日本語検定1級
【最寄駅】東武東上線　成増駅
【スキル】Java(4年)、JavaScript(3年)、React、TypeScript
【単価】50万
【稼働】12月～
【所属】弊社正社員
【並行】なし

ご検討のほど、よろしくお願いいたします。
株式会社ヒカリネット　森田
""",
     kind="talent",
     postings=[talent(skills=["Java", "JavaScript", "React", "TypeScript"],
                      years={"Java": 4, "JavaScript": 3}, rate=(500000, 500000),
                      start="2026-12-01", station="成増", age=29, gender="female",
                      nationality="ベトナム", jp="N1", employment="employee")])

mail("talent_labels", "subject_only_talent",
     date=(2026, 11, 27, 16, 10), sender=("村上 隆", "murakami@hokuto-sys.example.jp"),
     subject="【人材情報】38歳男性／Java（Spring）／要件定義～／9月～",
     body="""
ご担当者様

いつもお世話になっております。
株式会社ホクトシステムの村上でございます。

件名の技術者をご紹介いたします。
ご興味をお持ちいただけましたら、スキルシートをお送りいたします。

ご検討のほど、よろしくお願いいたします。

株式会社ホクトシステム
村上 隆
TEL：011-234-5678
""",
     kind="talent",
     postings=[talent(skills=["Java", "Spring", "要件定義"], start="2027-09-01", age=38,
                      gender="male")])

mail("talent_labels", "freelance_full_remote_wish",
     date=(2026, 11, 2, 10, 30), sender=("坂本 陽介", "sakamoto@umi-works.example.jp"),
     subject="【フリーランス】M.S（35歳）のご紹介",
     body="""
ご担当者様

お世話になっております。株式会社ウミワークスの坂本です。
弊社でお付き合いのあるフリーランスの方をご紹介いたします。

■氏名：M.S
■年齢：35歳
■性別：男
■最寄駅：JR横須賀線　鎌倉駅
■スキル：Go(3年)、Kubernetes、Terraform、GCP
■希望：フルリモート希望
■単価：70万
■稼働：即日
■所属：フリーランス

よろしくお願いいたします。
株式会社ウミワークス　坂本
""",
     kind="talent",
     postings=[talent(skills=["Go", "Kubernetes", "Terraform", "GCP"], years={"Go": 3},
                      rate=(700000, 700000), start=MAIL_DATE, station="鎌倉", remote="full",
                      age=35, gender="male", employment="freelance")])

mail("talent_labels", "propa_onsite_ok_c_language",
     date=(2026, 11, 4, 15, 5), sender=("上田 彩", "ueda@sora-engineering.example.jp"),
     subject="プロパー技術者のご提案（S.N／27歳）",
     body="""
ご担当者様

お世話になっております。株式会社ソラエンジニアリングの上田です。
弊社プロパーの技術者をご提案いたします。

イニシャル：S.N（27歳/女性）
最寄駅：相鉄線　二俣川駅
所属：弊社プロパー
勤務形態：常駐可
スキル：C言語(3年)、C++(2年)、Linux、シェル
単価：45万
稼働：12月～
並行：なし

ご検討のほど、よろしくお願いいたします。
株式会社ソラエンジニアリング　上田
""",
     kind="talent",
     postings=[talent(skills=["C", "C++", "Linux", "Shell"], years={"C": 3, "C++": 2},
                      rate=(450000, 450000), start="2026-12-01", station="二俣川",
                      remote="onsite", age=27, gender="female", employment="employee")])

mail("talent_labels", "career_years_not_skill_years",
     date=(2026, 11, 5, 10, 40), sender=("中島 剛", "nakajima@tsubasa-soft.example.jp"),
     subject="【要員情報】COBOL技術者（52歳）",
     body="""
ご担当者様

お世話になっております。株式会社ツバサソフトの中島です。
ベテランの技術者をご紹介いたします。

【氏名】Y.O（男性）
【年齢】52歳
【最寄駅】東武伊勢崎線　草加駅
【IT経験】19年4か月
【スキル】COBOL(12年)、DB2、UNIX、シェル
【工程】基本設計～総合テスト
【単価】55万円
【稼働】12月～
【所属】弊社正社員

何卒よろしくお願いいたします。
株式会社ツバサソフト　中島
""",
     kind="talent",
     postings=[talent(skills=["COBOL", "DB2", "UNIX", "Shell", "基本設計", "総合テスト"],
                      years={"COBOL": 12}, rate=(550000, 550000), start="2026-12-01",
                      station="草加", age=52, gender="male", employment="employee")])

mail("talent_labels", "value_on_next_line",
     date=(2026, 11, 6, 11, 11), sender=("長谷川 聡", "hasegawa@kirin-data.example.jp"),
     subject="弊社要員のご紹介（A.I）",
     body="""
ご担当者様

お世話になっております。株式会社キリンデータの長谷川です。
若手の要員をご紹介いたします。

【氏名】
A.I（男性）
【年齢】
26歳
【最寄駅】
東急東横線　日吉駅
【スキル】
JavaScript(2年)、TypeScript(1年)、Vue.js、Node.js、Git
【稼働】
即日
【単価】
42万円
【所属】
弊社正社員

よろしくお願いいたします。
株式会社キリンデータ　長谷川
""",
     kind="talent",
     postings=[talent(skills=["JavaScript", "TypeScript", "Vue.js", "Node.js", "Git"],
                      years={"JavaScript": 2, "TypeScript": 1}, rate=(420000, 420000),
                      start=MAIL_DATE, station="日吉", age=26, gender="male",
                      employment="employee")])

mail("talent_labels", "roles_and_phase_range",
     date=(2026, 11, 9, 14, 0), sender=("三浦 早紀", "miura@stella-partners.example.jp"),
     subject="【人材情報】Salesforceエンジニア（40歳／女性）",
     body="""
ご担当者様

お世話になっております。株式会社ステラパートナーズの三浦です。
下記エンジニアをご紹介いたします。

■氏名：E.S（女性）
■年齢：40歳
■最寄駅：JR埼京線　武蔵浦和駅
■スキル：Salesforce(6年)、JavaScript、SQL
■工程：要件定義～運用保守
■役割：PMO・リーダー経験あり
■単価：75万円
■稼働：2027年1月～
■所属：弊社正社員
■並行：あり

ご検討よろしくお願いいたします。
株式会社ステラパートナーズ　三浦
""",
     kind="talent",
     postings=[talent(skills=["Salesforce", "JavaScript", "SQL", "要件定義", "運用保守", "PMO",
                              "PL"],
                      years={"Salesforce": 6}, rate=(750000, 750000), start="2027-01-01",
                      station="武蔵浦和", age=40, gender="female", employment="employee")])

mail("talent_labels", "signature_numbers_ignored",
     date=(2026, 11, 10, 17, 20), sender=("吉川 直樹", "yoshikawa@lightwave.example.jp"),
     subject="【人材情報】H.Y（28歳）のご紹介",
     body="""
ご担当者様

お世話になっております。株式会社ライトウェーブの吉川です。
弊社社員をご紹介いたします。

【氏名】H.Y（男性）
【年齢】28歳
【最寄駅】JR常磐線　松戸駅
【スキル】PHP(4年)、CakePHP、MySQL、Linux
【単価】48万円
【稼働】12月～
【所属】弊社正社員
【備考】2026年入社、勤怠良好です

よろしくお願いいたします。

━━━━━━━━━━━━━━━━
株式会社ライトウェーブ
営業部　吉川 直樹
〒110-0006 東京都台東区秋葉原2-3-4 ライトビル5F
TEL：03-1234-5678／FAX：03-1234-5679
労働者派遣事業許可番号 派13-314863
━━━━━━━━━━━━━━━━
""",
     kind="talent",
     postings=[talent(skills=["PHP", "CakePHP", "MySQL", "Linux"], years={"PHP": 4},
                      rate=(480000, 480000), start="2026-12-01", station="松戸", age=28,
                      gender="male", employment="employee")])

mail("talent_labels", "start_options_earliest",
     date=(2026, 11, 12, 10, 20), sender=("野村 拓也", "nomura@asahi-link.example.jp"),
     subject="【要員】Ruby技術者のご紹介（K.W）",
     body="""
ご担当者様

お世話になっております。株式会社アサヒリンクの野村です。
下記要員のご紹介です。

◆名前：K.W（男性）
◆年齢：33歳
◆最寄駅：JR総武線　市川駅
◆スキル：Ruby(5年)、JavaScript、PostgreSQL、Docker
◆稼働：即日/12月～
◆単価：60万
◆所属：弊社契約社員

ご検討のほど、よろしくお願いいたします。
株式会社アサヒリンク　野村
""",
     kind="talent",
     postings=[talent(skills=["Ruby", "JavaScript", "PostgreSQL", "Docker"], years={"Ruby": 5},
                      rate=(600000, 600000), start=MAIL_DATE, station="市川", age=33,
                      gender="male", employment="contract")])

# ============================ talent_multi ==================================================

mail("talent_multi", "two_engineers_repeated_name_blocks",
     date=(2026, 11, 13, 10, 0), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     subject="【人材情報】弊社エンジニア2名のご紹介",
     body="""
営業ご担当者様

いつもお世話になっております。
株式会社ブライトリンクの小林でございます。

弊社エンジニア2名をご紹介いたします。

【氏　名】S.T（男性）
【年　齢】27歳
【最寄駅】JR中央線　三鷹駅
【スキル】Java(3年)、Spring Boot、MySQL、Git
【単　価】48万円
【稼　働】12月～
【所　属】弊社正社員
━━━━━━━━━━━━━━━━
【氏　名】M.A（女性）
【年　齢】31歳
【最寄駅】小田急線　町田駅
【スキル】JavaScript(5年)、TypeScript(3年)、React、Next.js
【単　価】62万円
【稼　働】即日
【所　属】個人事業主

ご検討のほど、よろしくお願いいたします。
""" + SIG_BRIGHT,
     kind="talent",
     postings=[
         talent(skills=["Java", "Spring Boot", "MySQL", "Git"], years={"Java": 3},
                rate=(480000, 480000), start="2026-12-01", station="三鷹", age=27,
                gender="male", employment="employee"),
         talent(skills=["JavaScript", "TypeScript", "React", "Next.js"],
                years={"JavaScript": 5, "TypeScript": 3}, rate=(620000, 620000),
                start=MAIL_DATE, station="町田", age=31, gender="female",
                employment="freelance"),
     ])

mail("talent_multi", "three_engineers_numbered_no",
     date=(2026, 11, 16, 13, 30), sender=("佐々木 翔", "sasaki@midori-tech.example.jp"),
     subject="要員情報（3名）のご案内",
     body="""
各位

お世話になっております。株式会社ミドリテックの佐々木です。
今月ご提案可能な要員をご案内いたします。

No.1
名前：H.I
年齢：45歳
性別：男性
最寄駅：西武池袋線　所沢駅
スキル：COBOL(15年)、DB2、AIX
工程：要件定義～総合テスト
単価：60万
稼働：1月～
所属：弊社契約社員

No.2
名前：L.W
年齢：35歳
性別：男性
国籍：中国
日本語：N１
最寄駅：JR京浜東北線　川口駅
スキル：Python(6年)、AWS(Lambda)、Terraform
単価：70万
稼働：即日
所属：一社下社員

No.3
名前：E.K
年齢：24歳
性別：女性
最寄駅：東京メトロ有楽町線　月島駅
スキル：HTML、CSS、JavaScript(1年6ヶ月)、jQuery
単価：40万
稼働：12月～
所属：弊社正社員

以上3名、ご検討よろしくお願いいたします。
株式会社ミドリテック　佐々木 翔
""",
     kind="talent",
     postings=[
         talent(skills=["COBOL", "DB2", "AIX", "要件定義", "総合テスト"], years={"COBOL": 15},
                rate=(600000, 600000), start="2027-01-01", station="所沢", age=45,
                gender="male", employment="contract"),
         talent(skills=["Python", "AWS", "Lambda", "Terraform"], years={"Python": 6},
                rate=(700000, 700000), start=MAIL_DATE, station="川口", age=35, gender="male",
                nationality="中国", jp="N1", employment="employee"),
         talent(skills=["HTML", "CSS", "JavaScript", "jQuery"], years={"JavaScript": 1.5},
                rate=(400000, 400000), start="2026-12-01", station="月島", age=24,
                gender="female", employment="employee"),
     ])

mail("talent_multi", "two_engineers_numbered_marks",
     date=(2026, 11, 17, 16, 0), sender=("坂本 陽介", "sakamoto@umi-works.example.jp"),
     subject="【要員情報】弊社要員2名のご紹介",
     body="""
ご担当者様

お世話になっております。株式会社ウミワークスの坂本です。
下記2名をご紹介いたします。

■要員①
イニシャル：R.S（男性）　年齢：38歳　最寄駅：つくばエクスプレス 北千住駅
スキル：Linux(10年)、Windows Server、Cisco、Ansible
工程：基本設計～運用保守
単価：60万～（相談可）　稼働：12月～　所属：フリーランス

■要員②
イニシャル：A.K（女性）　年齢：42歳　最寄駅：京急本線 京急川崎駅
スキル：Salesforce(7年)、JavaScript、SQL、PL経験あり
単価：80万　稼働：2027年2月～　所属：弊社正社員

よろしくお願いいたします。
株式会社ウミワークス　坂本
""",
     kind="talent",
     postings=[
         talent(skills=["Linux", "Windows Server", "Cisco", "Ansible", "基本設計", "運用保守"],
                years={"Linux": 10}, rate=(600000, None), neg=True, start="2026-12-01",
                station="北千住", age=38, gender="male", employment="freelance"),
         talent(skills=["Salesforce", "JavaScript", "SQL", "PL"], years={"Salesforce": 7},
                rate=(800000, 800000), start="2027-02-01", station="京急川崎", age=42,
                gender="female", employment="employee"),
     ])

mail("talent_multi", "two_engineers_name_lines_numbered",
     date=(2026, 11, 18, 11, 30), sender=("高田 亮", "takada@kawasemi-sys.example.jp"),
     subject="【人材情報】2名のご紹介",
     body="""
営業ご担当者様

お世話になっております。株式会社カワセミシステムの高田です。
弊社の技術者2名をご紹介いたします。

【人材1】
孫H（33歳／中国籍／男性）
日本語：JLPT N1
最寄駅：都営新宿線　船堀駅
スキル：Java(9年)、Struts、Oracle、UNIX
単価：60〜65万
稼働：12月～
所属：弊社正社員

【人材2】
T.H（52歳・男性・日本人）
最寄駅：JR武蔵野線　新松戸駅
スキル：AWS、Azure
役割：PM、PMO
工程：要件定義、基本設計
単価：90万円
稼働：1月～
所属：個人事業主

よろしくお願いいたします。
株式会社カワセミシステム 高田
""",
     kind="talent",
     postings=[
         talent(skills=["Java", "Struts", "Oracle", "UNIX"], years={"Java": 9},
                rate=(600000, 650000), start="2026-12-01", station="船堀", age=33,
                gender="male", nationality="中国", jp="N1", employment="employee"),
         talent(skills=["AWS", "Azure", "PM", "PMO", "要件定義", "基本設計"],
                rate=(900000, 900000), start="2027-01-01", station="新松戸", age=52,
                gender="male", nationality="日本", employment="freelance"),
     ])

mail("talent_multi", "two_engineers_one_line_labels",
     date=(2026, 11, 19, 17, 0), sender=("野村 拓也", "nomura@asahi-link.example.jp"),
     subject="若手エンジニア2名のご紹介",
     body="""
ご担当者様

お世話になっております。株式会社アサヒリンクの野村です。
若手エンジニア2名をご紹介いたします。

■氏名：K.M　■年齢：26歳　■性別：男性　■単価：45万円　■稼働：即日　■所属：弊社正社員　■最寄駅：横浜駅
■スキル：Java(2年)、SQL、HTML、CSS

■氏名：S.Y　■年齢：24歳　■性別：女性　■単価：40万円　■稼働：12月～　■所属：弊社正社員　■最寄駅：JR南武線 武蔵小杉駅
■スキル：Python(1年)、SQL、Git

ご検討のほど、よろしくお願いいたします。
株式会社アサヒリンク　野村
""",
     kind="talent",
     postings=[
         talent(skills=["Java", "SQL", "HTML", "CSS"], years={"Java": 2}, rate=(450000, 450000),
                start=MAIL_DATE, station="横浜", age=26, gender="male", employment="employee"),
         talent(skills=["Python", "SQL", "Git"], years={"Python": 1}, rate=(400000, 400000),
                start="2026-12-01", station="武蔵小杉", age=24, gender="female",
                employment="employee"),
     ])

# ============================ mixed =========================================================

JOB_INSURANCE = job(
    title="保険会社向け 契約管理システム改修",
    skills=["Java", "Spring Boot", "基本設計", "テスト", "SQL", "AWS"],
    req=["Java", "Spring Boot", "基本設計", "テスト", "SQL"], pref=["AWS"], years={"Java": 3},
    rate=(600000, 700000), neg=True, start="2026-12-01", station="品川", remote="hybrid",
    settle=(140, 180), interviews=1, foreigners=False, age_max=45, chain=0, freelance=False,
    headcount=2)

mail("mixed", "job_then_talent_sections",
     date=(2026, 11, 20, 10, 40), sender=("中村 恵", "nakamura@minato-sys.example.jp"),
     subject="【案件・要員情報】株式会社ミナトシステムズより",
     body="""
各位

いつもお世話になっております。
株式会社ミナトシステムズの中村でございます。

弊社の案件と要員をご案内いたします。

━━━━━━━━━━━━━━━━━━━━
■案件情報
━━━━━━━━━━━━━━━━━━━━
【案件名】保険会社向け 契約管理システム改修
【作業内容】Java(Spring Boot)による基本設計～テスト
【必須スキル】・Java開発経験3年以上　・SQL
【尚可スキル】・AWS
【期間】12月～長期
【場所】品川駅（リモート併用：週2出社）
【単価】60～70万円（スキル見合い）
【精算】140-180h
【面談】1回（WEB）
【人数】2名
【外国籍】不可
【年齢】45歳まで
【備考】貴社社員まで（個人事業主不可）

━━━━━━━━━━━━━━━━━━━━
■要員情報
━━━━━━━━━━━━━━━━━━━━
【氏名】Y.N（男性）
【年齢】34歳
【最寄駅】東急田園都市線　溝の口駅
【スキル】PHP(6年)、Laravel、MySQL、AWS
【工程】基本設計～製造
【単価】58万円
【稼働】即日
【所属】弊社正社員
【並行】なし

ご検討のほど、よろしくお願いいたします。

株式会社ミナトシステムズ　中村 恵
TEL：03-4567-8901
""",
     kind="mixed",
     postings=[
         JOB_INSURANCE,
         talent(skills=["PHP", "Laravel", "MySQL", "AWS", "基本設計", "製造"], years={"PHP": 6},
                rate=(580000, 580000), start=MAIL_DATE, station="溝の口", age=34,
                gender="male", employment="employee"),
     ])

mail("mixed", "talent_then_job_marks",
     date=(2026, 11, 24, 14, 15), sender=("西村 由紀", "nishimura@kousei-sys.example.jp"),
     subject="要員のご紹介と案件のご案内",
     body="""
ご担当者様

お世話になっております。株式会社コウセイシステムの西村です。
弊社要員のご紹介と、あわせて弊社案件のご案内です。

◆要員
■氏名：K.O（女性）　■年齢：29歳　■国籍：韓国　■日本語：JLPT N2
■最寄駅：東西線 門前仲町駅
■スキル：Python(3年)、Django、PostgreSQL、Docker
■単価：52万円　■稼働：12月～　■所属：BP社員

◆案件
■案件名：動画配信サービス 会員管理機能の開発
■内容：Go言語による詳細設計～単体テスト
■必須：Go経験2年以上、MySQL
■尚可：Kubernetes、GCP
■期間：1月～
■場所：六本木一丁目駅
■リモート：基本リモート
■単価：～75万
■精算：140-180h
■面談：2回
■外国籍：可
■商流：1社先まで
■人数：1名

よろしくお願いいたします。
株式会社コウセイシステム　西村
""",
     kind="mixed",
     postings=[
         talent(skills=["Python", "Django", "PostgreSQL", "Docker"], years={"Python": 3},
                rate=(520000, 520000), start="2026-12-01", station="門前仲町", age=29,
                gender="female", nationality="韓国", jp="N2", employment="employee"),
         job(title="動画配信サービス 会員管理機能の開発",
             skills=["Go", "詳細設計", "単体テスト", "MySQL", "Kubernetes", "GCP"],
             req=["Go", "詳細設計", "単体テスト", "MySQL"], pref=["Kubernetes", "GCP"],
             years={"Go": 2}, rate=(None, 750000), start="2027-01-01", station="六本木一丁目",
             remote="full", settle=(140, 180), interviews=2, foreigners=True, chain=1,
             headcount=1),
     ])

mail("mixed", "job_bullets_talent_name_line",
     date=(2026, 11, 25, 10, 55), sender=("王 偉", "wang@kato-solution.example.jp"),
     subject="本日の案件・要員情報",
     body="""
パートナー各位

お世話になっております。株式会社華通ソリューションの王です。
本日の案件と要員をお送りいたします。

【案件情報】
◇案件名：自治体向け 住民情報システム移行
・作業内容：C#による詳細設計～結合テスト
・必須スキル：C#開発経験5年以上、Oracle
・尚可スキル：Windows Server
・期　間：即日～長期
・場　所：東京都港区
・勤務形態：常駐
・単　価：～70万（スキル見合い）
・精　算：140-180h
・面　談：1～2回
・外国籍：不可
・年　齢：50歳まで
・商　流：貴社まで（プロパー及びフリーランス可）

【要員情報】
王L/33歳/男性/中国籍/蕨駅
・日本語：ビジネスレベル
・スキル：Java(8年)、Spring、Oracle、JavaScript
・単　価：62万
・稼　働：12月～
・所　属：弊社正社員
・並　行：並行営業中

以上、よろしくお願いいたします。
株式会社華通ソリューション　王 偉
""",
     kind="mixed",
     postings=[
         job(title="自治体向け 住民情報システム移行",
             skills=["C#", "詳細設計", "結合テスト", "Oracle", "Windows Server"],
             req=["C#", "詳細設計", "結合テスト", "Oracle"], pref=["Windows Server"],
             years={"C#": 5}, rate=(None, 700000), neg=True, start=MAIL_DATE,
             location="東京都港区", remote="onsite", settle=(140, 180), interviews=2,
             foreigners=False, age_max=50, chain=0, freelance=True),
         talent(skills=["Java", "Spring", "Oracle", "JavaScript"], years={"Java": 8},
                rate=(620000, 620000), start="2026-12-01", station="蕨", age=33,
                gender="male", nationality="中国", jp="ビジネスレベル", employment="employee"),
     ])

# ============================ other =========================================================

mail("other", "interview_scheduling",
     date=(2026, 11, 19, 15, 40), sender=("木村 一郎", "kimura@northbridge.example.jp"),
     subject="面談日程のご相談（T.K様）",
     body="""
株式会社ブライトリンク
小林様

お世話になっております。株式会社ノースブリッジの木村です。

先日ご提案いただいたT.K様につきまして、お客様との面談を設定させていただきたく存じます。
下記の候補日時でご都合はいかがでしょうか。

①11月24日（火）10:00～11:00
②11月25日（水）15:00～16:00
③11月26日（木）13:00～14:00

面談はWEBで実施いたします。接続先は日程確定後にお送りします。
単価・精算条件につきましては、面談後に改めてご相談させてください。

お手数ですが、ご確認のほどよろしくお願いいたします。
""" + SIG_NORTH,
     kind="other", postings=[])

mail("other", "thanks_after_interview",
     date=(2026, 11, 24, 18, 5), sender=("木村 一郎", "kimura@northbridge.example.jp"),
     subject="本日の面談のお礼",
     body="""
株式会社ブライトリンク
小林様

お世話になっております。株式会社ノースブリッジの木村です。

本日はお忙しいところ、面談のお時間をいただき誠にありがとうございました。
T.K様にもよろしくお伝えください。

結果につきましては、お客様より回答があり次第ご連絡いたします。
今後ともよろしくお願いいたします。
""" + SIG_NORTH,
     kind="other", postings=[])

mail("other", "newsletter_partner_magazine",
     date=(2026, 11, 11, 12, 0), sender=("パートナー通信編集部", "magazine@northbridge.example.jp"),
     subject="【メルマガ】パートナー通信 2026年11月号",
     body="""
パートナー通信 2026年11月号
━━━━━━━━━━━━━━━━━━━━

いつも弊社をご愛顧いただき、誠にありがとうございます。
今月のパートナー通信をお届けします。

■今月のトピック
1. 年末交流会のご案内（12月11日（金）18:30～　会場：浜松町）
2. 20代～30代が活躍中の現場が増えています
3. フリーランスエンジニア向けセミナー開催のお知らせ

■年末交流会
本年も大変お世話になりました。ささやかではございますが、交流会を開催いたします。
参加ご希望の方は12月4日（金）までにご返信ください。

■編集後記
寒くなってまいりましたので、皆さまどうぞご自愛ください。

━━━━━━━━━━━━━━━━━━━━
配信停止をご希望の方は、本メールにその旨ご返信ください。
発行：株式会社ノースブリッジ　パートナー推進室
""",
     kind="other", postings=[])

mail("other", "out_of_office_auto_reply",
     date=(2026, 11, 20, 19, 0), sender=("佐藤 美咲", "sato@tsukushi-it.example.jp"),
     subject="自動応答: 【案件のご紹介】保険会社向け 契約管理システム改修",
     body="""
お問い合わせありがとうございます。

誠に恐れ入りますが、11月20日（金）から11月24日（火）まで不在にしております。
11月25日（水）より順次対応いたします。

お急ぎの場合は sales@tsukushi-it.example.jp までご連絡ください。

株式会社つくしIT　佐藤 美咲
""",
     kind="other", postings=[])

mail("other", "unsubscribe_request",
     date=(2026, 11, 12, 11, 30), sender=("田村 浩二", "tamura@fuji-kikaku.example.jp"),
     subject="配信停止のお願い",
     body="""
株式会社ノースブリッジ
ご担当者様

いつもご連絡いただきありがとうございます。
株式会社フジ企画の田村です。

大変恐縮ですが、今後は案件情報・人材情報のメール配信は不要となりました。
お手数ですが、配信リストから下記アドレスの削除をお願いいたします。

tamura@fuji-kikaku.example.jp

よろしくお願いいたします。
株式会社フジ企画　田村
""",
     kind="other", postings=[])

mail("other", "invoice_sending_with_pdf",
     date=(2026, 11, 2, 10, 0), sender=("経理部 山口", "keiri@brightlink.example.jp"),
     subject="【請求書送付】2026年10月分",
     body="""
株式会社ノースブリッジ
経理ご担当者様

いつもお世話になっております。
株式会社ブライトリンク経理部の山口です。

2026年10月分の請求書を添付にてお送りいたします。

請求金額：1,320,000円（税込）
お支払期限：2026年11月30日

ご確認のほど、よろしくお願いいたします。

株式会社ブライトリンク　経理部
山口 さやか
〒110-0006 東京都台東区秋葉原4-5-6
TEL：03-1234-5678
""",
     kind="other", postings=[],
     attachment=dict(filename="請求書_202610.pdf", maintype="application", subtype="pdf",
                     data=b"%PDF-1.4\n% fake invoice for the test corpus\n%%EOF\n"))

mail("other", "year_end_holiday_notice",
     date=(2026, 11, 27, 10, 0), sender=("株式会社ミナトシステムズ", "info@minato-sys.example.jp"),
     subject="年末年始休業のお知らせ",
     body="""
お取引先各位

平素は格別のご高配を賜り、厚く御礼申し上げます。
誠に勝手ながら、弊社では下記の期間を年末年始休業とさせていただきます。

休業期間：2026年12月29日（火）～2027年1月4日（月）

2027年1月5日（火）より通常営業いたします。
休業期間中にいただいたご連絡は、1月5日以降に順次対応いたします。

ご不便をおかけいたしますが、何卒よろしくお願い申し上げます。

株式会社ミナトシステムズ
""",
     kind="other", postings=[])

mail("other", "interview_result_declined",
     date=(2026, 11, 26, 17, 30), sender=("木村 一郎", "kimura@northbridge.example.jp"),
     subject="面談結果のご連絡（S.M様）",
     body="""
株式会社テックリンク
森様

お世話になっております。株式会社ノースブリッジの木村です。

先日はS.M様の面談にご協力いただき、ありがとうございました。
誠に残念ながら、お客様より今回はお見送りとの回答をいただきました。

また別の機会にご相談させていただければ幸いです。
引き続きよろしくお願いいたします。
""" + SIG_NORTH,
     kind="other", postings=[])

mail("other", "purchase_order_sending",
     date=(2026, 11, 30, 10, 30), sender=("木村 一郎", "kimura@northbridge.example.jp"),
     subject="【注文書送付】12月分のご契約について",
     body="""
株式会社ブライトリンク
小林様

お世話になっております。株式会社ノースブリッジの木村です。

12月分の注文書を添付にてお送りいたします。
ご確認の上、注文請書のご返送をお願いいたします。

引き続きよろしくお願いいたします。
""" + SIG_NORTH,
     kind="other", postings=[])

mail("other", "office_move_notice",
     date=(2026, 11, 9, 10, 0), sender=("株式会社ライトウェーブ", "info@lightwave.example.jp"),
     subject="事務所移転のお知らせ",
     body="""
お取引先各位

拝啓　時下ますますご清栄のこととお慶び申し上げます。
このたび弊社は下記へ事務所を移転することとなりましたので、お知らせいたします。

新住所：〒110-0006 東京都台東区秋葉原3-4-5 秋葉原ライトビル8F
新電話番号：03-1234-5678
業務開始日：2026年12月7日（月）

今後とも変わらぬお引き立てのほど、よろしくお願い申し上げます。
敬具

株式会社ライトウェーブ
""",
     kind="other", postings=[])

mail("other", "timesheet_reminder",
     date=(2026, 11, 27, 15, 0), sender=("業務管理部", "gyomu@minato-sys.example.jp"),
     subject="【ご依頼】11月分作業報告書のご提出について",
     body="""
パートナー各位

いつもお世話になっております。
株式会社ミナトシステムズ業務管理部です。

11月分の作業報告書（勤怠表）を、12月2日（水）までにご提出ください。
提出先はこれまでと同じアドレスです。

ご協力のほど、よろしくお願いいたします。
""",
     kind="other", postings=[])

mail("other", "new_account_rep_greeting",
     date=(2026, 11, 4, 10, 10), sender=("井上 葵", "inoue@northbridge.example.jp"),
     subject="担当者変更のご挨拶",
     body="""
株式会社ブライトリンク
小林様

いつもお世話になっております。
株式会社ノースブリッジの井上と申します。

12月1日より、貴社のご担当が山本から私、井上に変更となります。
前任同様、よろしくお願い申し上げます。

近日中に改めてご挨拶に伺えればと存じます。
""",
     kind="other", postings=[])

# ============================ charset =======================================================

mail("charset", "iso2022jp_nec_chars",
     date=(2026, 11, 10, 13, 0), sender=("青木 裕子", "aoki@sample-tech.example.jp"),
     subject="【案件】通信会社向け 顧客管理システム更改",
     build="jis",
     body="""
パートナー各位

いつもお世話になっております。
㈱サンプルテックの青木です。

下記案件のご紹介です。

【案件名】通信会社向け 顧客管理システム更改
【作業内容】Java(Spring)による詳細設計～結合テスト
【必須スキル】
①　Java開発経験5年以上
②　Oracleを用いた開発経験
【尚可スキル】
①　Linux環境での開発経験
②　Jenkins
【期間】12月～長期
【場所】新宿駅（週1出社）
【単価】60～70万円
【精算】140-180h
【面談】1回
【外国籍】不可
【年齢】45歳まで
【商流】エンド→元請→弊社
【備考】貴社社員まで

ご提案お待ちしております。

━━━━━━━━━━━━━━━━━━━━
㈱サンプルテック　営業部　青木 裕子
TEL：03-2345-6789
派遣事業許可№ 派13-314863
━━━━━━━━━━━━━━━━━━━━
""",
     kind="job",
     postings=[job(title="通信会社向け 顧客管理システム更改",
                   skills=["Java", "Spring", "詳細設計", "結合テスト", "Oracle", "Linux",
                           "Jenkins"],
                   req=["Java", "Spring", "詳細設計", "結合テスト", "Oracle"],
                   pref=["Linux", "Jenkins"], years={"Java": 5}, rate=(600000, 700000),
                   start="2026-12-01", station="新宿", remote="hybrid", settle=(140, 180),
                   interviews=1, foreigners=False, age_max=45, chain=0)])

mail("charset", "shift_jis_label_cp932_chars",
     date=(2026, 11, 11, 10, 25), sender=("松本 亜美", "matsumoto@hayate-sys.example.jp"),
     subject="【人材情報】A.Y（27歳／女性）のご紹介",
     build="bytes", charset_label="Shift_JIS", body_codec="cp932", header_charset="SHIFT_JIS",
     body="""
ご担当者様

お世話になっております。
㈱ハヤテシステムズの松本です。

弊社社員をご紹介いたします。

【氏名】A.Y（女性）
【年齢】27歳
【最寄駅】京浜東北線　蒲田駅
【スキル】JavaScript(3年)、TypeScript、Vue.js、Node.js、MySQL
【単価】55万円
【稼働】12月～
【所属】弊社契約社員
【備考】①勤怠良好　②コミュニケーション良好

よろしくお願いいたします。
㈱ハヤテシステムズ　松本
""",
     kind="talent",
     postings=[talent(skills=["JavaScript", "TypeScript", "Vue.js", "Node.js", "MySQL"],
                      years={"JavaScript": 3}, rate=(550000, 550000), start="2026-12-01",
                      station="蒲田", age=27, gender="female", employment="contract")])

mail("charset", "mislabeled_us_ascii_utf8_bytes",
     date=(2026, 11, 12, 14, 50), sender=("原田 修", "harada@kaede-sys.example.jp"),
     subject="【人材情報】D.N（36歳）のご紹介",
     build="bytes", charset_label="us-ascii", body_codec="utf-8",
     defects=["charset-mislabeled"],
     body="""
ご担当者様

お世話になっております。株式会社カエデシステムの原田です。
弊社社員をご紹介いたします。

【氏名】D.N（男性）
【年齢】36歳
【最寄駅】JR山手線　田町駅
【スキル】Java(10年)、Spring Boot、AWS、PostgreSQL
【単価】72万円
【稼働】1月～
【所属】弊社正社員

よろしくお願いいたします。
株式会社カエデシステム　原田
""",
     kind="talent",
     postings=[talent(skills=["Java", "Spring Boot", "AWS", "PostgreSQL"], years={"Java": 10},
                      rate=(720000, 720000), start="2027-01-01", station="田町", age=36,
                      gender="male", employment="employee")])

mail("charset", "mislabeled_latin1_cp932_bytes",
     date=(2026, 11, 13, 11, 45), sender=("石田 学", "ishida@kusunoki-soft.example.jp"),
     subject="【案件】不動産会社向け 物件管理システム開発",
     build="bytes", charset_label="iso-8859-1", body_codec="cp932",
     defects=["charset-mislabeled"],
     body="""
パートナー各位

お世話になっております。株式会社クスノキソフトの石田です。
下記案件のご紹介です。

【案件名】不動産会社向け 物件管理システム開発
【作業内容】PHP(Laravel)による詳細設計～製造
【必須スキル】PHP開発経験3年以上、MySQL
【尚可スキル】AWS
【期間】12月～
【場所】神田駅
【勤務形態】リモート併用
【単価】55～60万円
【精算】140-180h
【面談】1回
【外国籍】可（N1以上）
【年齢】40代前半まで
【商流】1社先まで
【人数】2名

ご提案お待ちしております。
株式会社クスノキソフト　石田
""",
     kind="job",
     postings=[job(title="不動産会社向け 物件管理システム開発",
                   skills=["PHP", "Laravel", "詳細設計", "製造", "MySQL", "AWS"],
                   req=["PHP", "Laravel", "詳細設計", "製造", "MySQL"], pref=["AWS"],
                   years={"PHP": 3}, rate=(550000, 600000), start="2026-12-01", station="神田",
                   remote="hybrid", settle=(140, 180), interviews=1, foreigners=True,
                   age_max=44, jp="N1", chain=1, headcount=2)])

mail("charset", "charset_missing_cp932_bytes",
     date=(2026, 11, 16, 16, 30), sender=("岩崎 徹", "iwasaki@kotobuki-it.example.jp"),
     subject="【人材情報】Y.K（44歳）のご紹介",
     build="bytes", charset_label=None, body_codec="cp932",
     defects=["charset-missing"],
     body="""
ご担当者様

お世話になっております。寿ITサービスの岩崎です。
下記の方をご紹介いたします。

■氏名：Y.K（男性）
■年齢：44歳
■最寄駅：JR中央線　国分寺駅
■スキル：VBA(8年)、SQL、Oracle
■単価：50万円
■稼働：即日
■所属：個人事業主

よろしくお願いいたします。
寿ITサービス　岩崎
""",
     kind="talent",
     postings=[talent(skills=["VBA", "SQL", "Oracle"], years={"VBA": 8}, rate=(500000, 500000),
                      start=MAIL_DATE, station="国分寺", age=44, gender="male",
                      employment="freelance")])

mail("charset", "charset_unknown_label",
     date=(2026, 11, 17, 10, 50), sender=("大野 美穂", "ohno@tabi-net.example.jp"),
     subject="【案件】旅行予約サイトの機能追加",
     build="bytes", charset_label="x-unknown-jp", body_codec="utf-8",
     defects=["charset-unknown"],
     body="""
パートナー各位

お世話になっております。株式会社タビネットの大野です。
下記案件のご紹介です。

【案件名】旅行予約サイトの機能追加
【作業内容】Rubyによる製造～単体テスト
【必須スキル】Ruby開発経験3年以上、PostgreSQL
【尚可スキル】Docker、AWS
【期間】即日～
【場所】東京都千代田区
【リモート】フルリモート
【単価】～65万（スキル見合い）
【精算】固定
【面談】1回（弊社同席）
【外国籍】不可
【備考】個人事業主可

よろしくお願いいたします。
株式会社タビネット　大野
""",
     kind="job",
     postings=[job(title="旅行予約サイトの機能追加",
                   skills=["Ruby", "製造", "単体テスト", "PostgreSQL", "Docker", "AWS"],
                   req=["Ruby", "製造", "単体テスト", "PostgreSQL"], pref=["Docker", "AWS"],
                   years={"Ruby": 3}, rate=(None, 650000), neg=True, start=MAIL_DATE,
                   location="東京都千代田区", remote="full", interviews=1, foreigners=False,
                   freelance=True)])

mail("charset", "subject_split_mid_character",
     date=(2026, 11, 18, 16, 45), sender=("小川 健", "ogawa@mirai-apps.example.jp"),
     subject="【人材情報】弊社正社員のご紹介（S.O／33歳）",
     build="bytes", charset_label="UTF-8", body_codec="utf-8", split_subject=True,
     body="""
ご担当者様

お世話になっております。株式会社ミライアプリの小川です。
弊社正社員をご紹介いたします。

【氏名】S.O（男性）
【年齢】33歳
【最寄駅】JR京葉線　新浦安駅
【スキル】Kotlin(4年)、Swift(2年)、Flutter
【単価】65万円
【稼働】12月～
【所属】弊社正社員

よろしくお願いいたします。
株式会社ミライアプリ　小川
""",
     kind="talent",
     postings=[talent(skills=["Kotlin", "Swift", "Flutter"], years={"Kotlin": 4, "Swift": 2},
                      rate=(650000, 650000), start="2026-12-01", station="新浦安", age=33,
                      gender="male", employment="employee")])

mail("charset", "iso2022jp_subject_encoded_word",
     date=(2026, 11, 19, 11, 35), sender=("川口 直人", "kawaguchi@naniwa-digital.example.jp"),
     subject="【急募】Python開発／大阪市内／12月開始",
     build="jis",
     body="""
パートナー各位

お世話になっております。株式会社ナニワデジタルの川口です。
急募案件のご紹介です。

【案件名】物流倉庫の在庫分析基盤構築
【作業内容】Pythonによる基本設計～テスト
【必須スキル】Python開発経験2年以上、SQL
【尚可スキル】AWS(S3/Lambda)
【期間】12月～
【場所】大阪市内
【勤務形態】常駐
【単価】50～60万円
【精算】140-180h
【面談】2回
【外国籍】不可
【年齢】45歳まで
【備考】BP不可

よろしくお願いいたします。
株式会社ナニワデジタル　川口
""",
     kind="job",
     postings=[job(title="物流倉庫の在庫分析基盤構築",
                   skills=["Python", "基本設計", "テスト", "SQL", "AWS", "S3", "Lambda"],
                   req=["Python", "基本設計", "テスト", "SQL"], pref=["AWS", "S3", "Lambda"],
                   years={"Python": 2}, rate=(500000, 600000), start="2026-12-01",
                   location="大阪市内", remote="onsite", settle=(140, 180), interviews=2,
                   foreigners=False, age_max=45, chain=0)])

mail("charset", "halfwidth_katakana_shift_jis",
     date=(2026, 11, 20, 11, 15), sender=("今井 誠", "imai@kaze-sys.example.jp"),
     subject="【人材情報】T.M（39歳）のご紹介",
     build="bytes", charset_label="Shift_JIS", body_codec="cp932", header_charset="SHIFT_JIS",
     body="""
ご担当者様

お世話になっております。株式会社カゼシステムの今井です。
ｴﾝｼﾞﾆｱのご紹介です。

■ｲﾆｼｬﾙ：T.M（男性）
■年齢：39歳
■最寄駅：JR宇都宮線 浦和駅
■ｽｷﾙ：Java(12年)、ｼｪﾙ、Linux、Jenkins、Git
■単価：68万円
■稼働：即日
■所属：弊社正社員
■並行：ﾅｼ

よろしくお願いいたします。
株式会社カゼシステム　今井
""",
     kind="talent",
     postings=[talent(skills=["Java", "Shell", "Linux", "Jenkins", "Git"], years={"Java": 12},
                      rate=(680000, 680000), start=MAIL_DATE, station="浦和", age=39,
                      gender="male", employment="employee")])

mail("charset", "euc_jp_labelled_no_date",
     date=None, sender=("久保 恵子", "kubo@tennoji-soft.example.jp"),
     subject="【人材情報】N.H（31歳／女性）のご紹介",
     build="bytes", charset_label="EUC-JP", body_codec="euc_jp", header_charset="EUC-JP",
     body="""
ご担当者様

お世話になっております。株式会社天王寺ソフトの久保です。
弊社社員をご紹介いたします。

【氏名】N.H（女性）
【年齢】31歳
【最寄駅】JR阪和線　天王寺駅
【スキル】C#(5年)、.NET、Azure、SQL
【単価】58万円
【稼働】2027年1月〜
【所属】弊社正社員

よろしくお願いいたします。
株式会社天王寺ソフト　久保
""",
     kind="talent",
     postings=[talent(skills=["C#", ".NET", "Azure", "SQL"], years={"C#": 5},
                      rate=(580000, 580000), start="2027-01-01", station="天王寺", age=31,
                      gender="female", employment="employee")])

# ============================ encoding ======================================================

HTML_TABLE = """<html><head><meta charset="utf-8"></head><body>
<p>パートナー各位<br>
いつもお世話になっております。<br>
株式会社ヤマブキシステムの飯田です。<br>
下記案件のご紹介です。</p>
<table border="1" cellpadding="4">
<tr><td>案件名</td><td>小売業向け 在庫管理システム再構築</td></tr>
<tr><td>作業内容</td><td>Java(Spring Boot)による基本設計～結合テスト</td></tr>
<tr><td>必須スキル</td><td>Java実務経験3年以上<br>PostgreSQL</td></tr>
<tr><td>尚可スキル</td><td>React<br>AWS</td></tr>
<tr><td>期間</td><td>1月～長期</td></tr>
<tr><td>場所</td><td>渋谷駅</td></tr>
<tr><td>勤務形態</td><td>週3出社</td></tr>
<tr><td>単価</td><td>60万</td></tr>
<tr><td>精算</td><td>140-180h</td></tr>
<tr><td>面談</td><td>2回</td></tr>
<tr><td>外国籍</td><td>可（N1以上）</td></tr>
<tr><td>年齢</td><td>50歳まで</td></tr>
<tr><td>商流</td><td>1社先まで</td></tr>
<tr><td>人数</td><td>1名</td></tr>
</table>
<p>ご提案お待ちしております。<br>
株式会社ヤマブキシステム　飯田</p>
</body></html>
"""

mail("encoding", "html_only_table",
     date=(2026, 11, 24, 11, 40), sender=("飯田 健二", "iida@yamabuki-sys.example.jp"),
     subject="【案件】小売業向け 在庫管理システム再構築",
     body=HTML_TABLE, subtype="html",
     kind="job",
     postings=[job(title="小売業向け 在庫管理システム再構築",
                   skills=["Java", "Spring Boot", "基本設計", "結合テスト", "PostgreSQL",
                           "React", "AWS"],
                   req=["Java", "Spring Boot", "基本設計", "結合テスト", "PostgreSQL"],
                   pref=["React", "AWS"], years={"Java": 3}, rate=(600000, 600000),
                   start="2027-01-01", station="渋谷", remote="hybrid", settle=(140, 180),
                   interviews=2, foreigners=True, age_max=50, jp="N1", chain=1,
                   headcount=1)])

HTML_ENTITIES = """<html><body>
<p>&lt;&lt;急募&gt;&gt; 下記案件のご紹介です。</p>
<p>【案件名】物流&amp;倉庫管理システム刷新<br>
【作業内容】Python(FastAPI)による開発<br>
【必須スキル】Python開発経験3年以上、PostgreSQL<br>
【尚可スキル】AWS(Lambda)、Terraform<br>
【期間】即日～<br>
【場所】大手町駅（リモート併用）<br>
【単価】&#65374;70万<br>
【精算】140-180h<br>
【面談】&nbsp;1回<br>
【外国籍】NG<br>
【年齢】40代前半まで<br>
【商流】貴社まで（プロパー及びフリーランス可）</p>
<p>よろしくお願いいたします。<br>株式会社オオテシステム　福田</p>
</body></html>
"""

mail("encoding", "html_entities",
     date=(2026, 11, 25, 15, 20), sender=("福田 慎也", "fukuda@ote-sys.example.jp"),
     subject="【急募】物流倉庫システム刷新／Python／即日",
     body=HTML_ENTITIES, subtype="html",
     kind="job",
     postings=[job(title="物流&倉庫管理システム刷新",
                   skills=["Python", "FastAPI", "PostgreSQL", "AWS", "Lambda", "Terraform"],
                   req=["Python", "FastAPI", "PostgreSQL"], pref=["AWS", "Lambda", "Terraform"],
                   years={"Python": 3}, rate=(None, 700000), start=MAIL_DATE, station="大手町",
                   remote="hybrid", settle=(140, 180), interviews=1, foreigners=False,
                   age_max=44, chain=0, freelance=True)])

ALT_PLAIN = """
パートナー各位

お世話になっております。株式会社トウヨウデータの松井です。
下記案件のご紹介です。

■案件名：金融機関向け 勘定系バッチ改修
■内容：COBOLによる詳細設計～単体テスト
■必須：COBOL開発経験5年以上、DB2
■尚可：JP1
■期間：12月～
■場所：東陽町駅
■勤務形態：常駐
■単価：～58万円
■精算：140-180h
■面談：1～2回
■外国籍：不可
■年齢：～55歳
■人数：2～3名
■商流：2社先まで

よろしくお願いいたします。
株式会社トウヨウデータ　松井
"""

ALT_HTML = """<html><body>
<p>パートナー各位</p>
<p>お世話になっております。株式会社トウヨウデータの松井です。<br>下記案件のご紹介です。</p>
<p><b>■案件名：</b>金融機関向け 勘定系バッチ改修<br>
<b>■内容：</b>COBOLによる詳細設計～単体テスト<br>
<b>■必須：</b>COBOL開発経験5年以上、DB2<br>
<b>■尚可：</b>JP1<br>
<b>■期間：</b>12月～<br>
<b>■場所：</b>東陽町駅<br>
<b>■勤務形態：</b>常駐<br>
<b>■単価：</b>～58万円<br>
<b>■精算：</b>140-180h<br>
<b>■面談：</b>1～2回<br>
<b>■外国籍：</b>不可<br>
<b>■年齢：</b>～55歳<br>
<b>■人数：</b>2～3名<br>
<b>■商流：</b>2社先まで</p>
<p>よろしくお願いいたします。<br>株式会社トウヨウデータ　松井</p>
</body></html>
"""

mail("encoding", "multipart_alternative_plain_preferred",
     date=(2026, 11, 26, 10, 15), sender=("松井 亮介", "matsui@toyo-data.example.jp"),
     subject="【案件】金融機関向け 勘定系バッチ改修",
     body=ALT_PLAIN, alternative_html=ALT_HTML,
     kind="job",
     postings=[job(title="金融機関向け 勘定系バッチ改修",
                   skills=["COBOL", "詳細設計", "単体テスト", "DB2", "JP1"],
                   req=["COBOL", "詳細設計", "単体テスト", "DB2"], pref=["JP1"],
                   years={"COBOL": 5}, rate=(None, 580000), start="2026-12-01",
                   station="東陽町", remote="onsite", settle=(140, 180), interviews=2,
                   foreigners=False, age_max=55, chain=2, headcount=3)])

mail("encoding", "quoted_printable_body",
     date=(2026, 11, 27, 11, 50), sender=("吉田 葵", "yoshida@ebisu-web.example.jp"),
     subject="【案件】ECサイト 画面改修／TypeScript",
     cte="quoted-printable",
     body="""
パートナー各位

お世話になっております。株式会社エビスウェブの吉田です。
下記案件のご紹介です。

【案件名】ECサイト 画面改修
【作業内容】TypeScript(React)での画面開発
【必須スキル】TypeScript経験2年以上、Next.js
【尚可スキル】Node.js、GitHub Actions
【期間】2027年1月～
【場所】東京都渋谷区
【リモート】フルリモート
【単価】65万前後
【精算】固定
【面談】1回
【外国籍】可
【年齢】年齢不問
【備考】フリーランス可

よろしくお願いいたします。
株式会社エビスウェブ　吉田
""",
     kind="job",
     postings=[job(title="ECサイト 画面改修",
                   skills=["TypeScript", "React", "Next.js", "Node.js", "GitHub Actions"],
                   req=["TypeScript", "React", "Next.js"], pref=["Node.js", "GitHub Actions"],
                   years={"TypeScript": 2}, rate=(650000, 650000), start="2027-01-01",
                   location="東京都渋谷区", remote="full", interviews=1, foreigners=True,
                   freelance=True)])

mail("encoding", "base64_body",
     date=(2026, 11, 30, 10, 40), sender=("清水 理恵", "shimizu@jiyu-tech.example.jp"),
     subject="【人材情報】Y.S（29歳／女性）のご紹介",
     cte="base64",
     body="""
ご担当者様

お世話になっております。株式会社ジユウテックの清水です。
弊社社員をご紹介いたします。

◆氏名：Y.S　◆年齢：29歳　◆性別：女性
◆最寄駅：東急東横線 自由が丘駅
◆スキル：Python(4年)、Django、Flask、PostgreSQL、Docker、Git
◆単価：58万円
◆稼働：1月～
◆所属：弊社正社員
◆並行：あり

よろしくお願いいたします。
株式会社ジユウテック　清水
""",
     kind="talent",
     postings=[talent(skills=["Python", "Django", "Flask", "PostgreSQL", "Docker", "Git"],
                      years={"Python": 4}, rate=(580000, 580000), start="2027-01-01",
                      station="自由が丘", age=29, gender="female", employment="employee")])


def _fake_xlsx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        zi = zipfile.ZipInfo("[Content_Types].xml", date_time=(2026, 11, 30, 0, 0, 0))
        z.writestr(zi, '<?xml version="1.0" encoding="UTF-8"?><Types '
                       'xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
        zi = zipfile.ZipInfo("placeholder.txt", date_time=(2026, 11, 30, 0, 0, 0))
        z.writestr(zi, "fake skill sheet for the test corpus\n")
    return buf.getvalue()


mail("encoding", "attachment_rfc2231_filename",
     date=(2026, 11, 30, 15, 0), sender=("今村 拓真", "imamura@tsudanuma-sys.example.jp"),
     subject="【人材情報】T.K（34歳）スキルシート添付",
     body="""
ご担当者様

お世話になっております。株式会社ツダヌマシステムの今村です。
弊社社員をご紹介いたします。詳細はスキルシートをご確認ください。

【氏名】T.K（男性）
【年齢】34歳
【最寄駅】JR総武線　津田沼駅
【スキル】Go(4年)、Python、MySQL、Redis、Docker
【単価】63万円
【稼働】12月～
【所属】弊社正社員

よろしくお願いいたします。
株式会社ツダヌマシステム　今村
""",
     kind="talent",
     attachment=dict(filename="スキルシート_TK.xlsx", maintype="application",
                     subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                     data=None),
     postings=[talent(skills=["Go", "Python", "MySQL", "Redis", "Docker"], years={"Go": 4},
                      rate=(630000, 630000), start="2026-12-01", station="津田沼", age=34,
                      gender="male", employment="employee")])

# ============================ reply_forward =================================================

mail("reply_forward", "reply_gt_quoted_job_not_read",
     date=(2026, 11, 17, 15, 10), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     subject="Re: 【案件のご紹介】株式会社ノースブリッジ",
     body="""
株式会社ノースブリッジ
木村様

お世話になっております。株式会社ブライトリンクの小林です。

ご提案ありがとうございます、面談調整いたします。

引き続きよろしくお願いいたします。

2026年11月17日(火) 10:02 木村 一郎 <kimura@northbridge.example.jp>:
> パートナー各位
>
> いつもお世話になっております。
> 株式会社ノースブリッジの木村です。
>
> 【案件名】損害保険会社向け 代理店システム改修
> 【作業内容】Java(Spring Boot)による基本設計～テスト
> 【必須スキル】Java開発経験3年以上、SQL
> 【期間】12月～長期
> 【場所】品川駅（週2出社）
> 【単価】60～70万円
> 【面談】1回
> 【外国籍】不可
""",
     kind="other", postings=[])

mail("reply_forward", "reply_outlook_original_message_not_read",
     date=(2026, 11, 18, 10, 30), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     subject="RE: 【案件のご紹介】物流システム開発支援",
     body="""
山下様

お世話になっております。株式会社ブライトリンクの小林です。
ご提案ありがとうございます、面談調整いたします。
候補日は追ってご連絡いたします。

-----Original Message-----
From: 山下 智也 <yamashita@kaede-sys.example.jp>
Sent: Tuesday, November 17, 2026 11:12 AM
To: kobayashi@brightlink.example.jp
Subject: 【案件のご紹介】物流システム開発支援

小林様

お世話になっております。株式会社カエデシステムの山下です。
下記案件のご紹介です。

【案件名】物流システム開発支援
【作業内容】C#による詳細設計～製造
【必須スキル】C#開発経験3年以上
【期間】12月～
【場所】浜松町駅
【単価】～60万
【面談】1回
""",
     kind="other", postings=[])

mail("reply_forward", "forward_gmail_talent_read",
     date=(2026, 11, 12, 10, 45), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     to=("営業部", "sales@brightlink.example.jp"),
     subject="Fwd: 【人材情報】弊社エンジニアのご紹介（S.K／29歳）",
     body="""
営業部 各位

協力会社様から人材情報をいただきました。共有いたします。

---------- Forwarded message ---------
From: 鈴木 花子 <suzuki@partner-b.example.jp>
Date: 2026年11月10日(火) 11:02
Subject: 【人材情報】弊社エンジニアのご紹介（S.K／29歳）
To: <kobayashi@brightlink.example.jp>


株式会社ブライトリンク
小林様

お世話になっております。パートナーB株式会社の鈴木です。
弊社エンジニアをご紹介いたします。

【氏名】S.K（男性）
【年齢】29歳
【最寄駅】JR総武線　西船橋駅
【スキル】Ruby(4年)、Vue.js、MySQL、AWS
【単価】60万
【稼働】12月～
【所属】弊社正社員

よろしくお願いいたします。
パートナーB株式会社　鈴木
""",
     kind="talent",
     postings=[talent(skills=["Ruby", "Vue.js", "MySQL", "AWS"], years={"Ruby": 4},
                      rate=(600000, 600000), start="2026-12-01", station="西船橋", age=29,
                      gender="male", employment="employee")])

mail("reply_forward", "forward_outlook_job_read",
     date=(2026, 11, 11, 13, 20), sender=("小林 健太", "kobayashi@brightlink.example.jp"),
     to=("営業部", "sales@brightlink.example.jp"),
     subject="FW: 【案件】Python／大手町／～65万／12月～",
     body="""
営業部各位

下記案件の共有です。該当者がいればご連絡ください。

-----Original Message-----
From: 高橋 健 <takahashi@client-a.example.jp>
Sent: Wednesday, November 11, 2026 9:40 AM
To: kobayashi@brightlink.example.jp
Subject: 【案件】Python／大手町／～65万／12月～

株式会社ブライトリンク
小林様

いつもお世話になっております。
下記案件のご紹介です。

【案件名】電力会社向け 需要予測基盤の開発
【作業内容】Pythonによる詳細設計～単体テスト
【必須スキル】Python開発経験3年以上、SQL
【尚可スキル】AWS、Docker
【期間】12月～長期
【場所】大手町駅（週2出社）
【単価】～65万
【精算】140-180h
【面談】2回
【外国籍】不可
【年齢】40歳まで
【商流】エンド→弊社
【備考】貴社まで

よろしくお願いいたします。
高橋
""",
     kind="job",
     postings=[job(title="電力会社向け 需要予測基盤の開発",
                   skills=["Python", "詳細設計", "単体テスト", "SQL", "AWS", "Docker"],
                   req=["Python", "詳細設計", "単体テスト", "SQL"], pref=["AWS", "Docker"],
                   years={"Python": 3}, rate=(None, 650000), start="2026-12-01",
                   station="大手町", remote="hybrid", settle=(140, 180), interviews=2,
                   foreigners=False, age_max=40, chain=0)])

mail("reply_forward", "reply_chinese_quote_header_not_read",
     date=(2026, 11, 20, 11, 5), sender=("王 偉", "wang@kato-solution.example.jp"),
     subject="Re: 【案件のご紹介】流通業向け 受発注システム刷新",
     body="""
木村様

お世話になっております。株式会社華通ソリューションの王です。
ご提案ありがとうございます、面談調整いたします。
よろしくお願いいたします。

王 偉

木村 一郎 <kimura@northbridge.example.jp> 于2026年11月20日周五 09:15写道：

パートナー各位

いつもお世話になっております。株式会社ノースブリッジの木村です。

【案件名】流通業向け 受発注システム刷新
【作業内容】Java(Spring Boot)による詳細設計～結合テスト
【必須スキル】Java開発経験3年以上、Oracle
【期間】1月～
【場所】品川駅
【単価】～68万
【外国籍】可（N1以上）
""",
     kind="other", postings=[])

mail("reply_forward", "reply_new_engineer_above_quote",
     date=(2026, 11, 16, 15, 30), sender=("森 雄一", "mori@techlink.example.jp"),
     subject="Re: 【案件のご紹介】損害保険会社向け 代理店システム開発",
     body="""
株式会社ノースブリッジ
木村様

お世話になっております。株式会社テックリンクの森です。
下記案件に弊社社員をご提案いたします。

【氏名】S.M（男性）
【年齢】36歳
【最寄駅】JR中央線　中野駅
【スキル】Java(10年)、Spring Boot、PostgreSQL、AWS
【工程】詳細設計～テスト
【単価】68万
【稼働】1月～
【所属】弊社正社員

ご検討のほど、よろしくお願いいたします。

2026年11月16日(月) 10:05 木村 一郎 <kimura@northbridge.example.jp>:
> パートナー各位
>
> 【案件名】損害保険会社向け 代理店システム開発
> 【作業内容】Java(Spring Boot)による基本設計～結合テスト
> 【必須スキル】Java開発経験5年以上、Oracle
> 【尚可スキル】Kubernetes
> 【期間】1月～
> 【場所】新宿駅
> 【単価】～70万
> 【外国籍】不可
""",
     kind="talent",
     postings=[talent(skills=["Java", "Spring Boot", "PostgreSQL", "AWS", "詳細設計", "テスト"],
                      years={"Java": 10}, rate=(680000, 680000), start="2027-01-01",
                      station="中野", age=36, gender="male", employment="employee")])

mail("reply_forward", "reply_japanese_date_header_quoted_talent",
     date=(2026, 11, 18, 17, 0), sender=("木村 一郎", "kimura@northbridge.example.jp"),
     subject="Re: 弊社エンジニアのご紹介",
     body="""
株式会社ブライトリンク
小林様

お世話になっております。株式会社ノースブリッジの木村です。

ご提案いただいたT.K様、書類選考を通過いたしました。
面談日程は別途ご連絡いたします。

2026年11月18日(水) 14:05 小林 健太 <kobayashi@brightlink.example.jp>:
> 営業ご担当者様
>
> ■氏名：T.K（男性）　■年齢：32歳　■最寄駅：JR京浜東北線 大宮駅
> ■稼働：即日可能　■単価：65万円　■所属：弊社正社員
> ■スキル：Java(7年)、Spring、AWS(EC2/S3)、PostgreSQL
""",
     kind="other", postings=[])


# --------------------------------------------------------------------------------------------
# strings that must NOT yield a value
# --------------------------------------------------------------------------------------------

MUST_NOT_MATCH = [
    {"text": "JavaScript(3年)", "field": "skills", "skill": "Java",
     "why": "Java is never found inside JavaScript (token boundary)"},
    {"text": "HTML/CSS/JavaScriptの実務経験", "field": "skills", "skill": "Java",
     "why": "JavaScript only; no Java token"},
    {"text": "C社様向けの開発案件です", "field": "skills", "skill": "C",
     "why": "C社 is a company placeholder, not the C language"},
    {"text": "C#(6年)", "field": "skills", "skill": "C",
     "why": "C# is its own skill, never also C"},
    {"text": "C++(2年)", "field": "skills", "skill": "C",
     "why": "C++ is its own skill, never also C"},
    {"text": "Goal：年内リリース", "field": "skills", "skill": "Go",
     "why": "Go inside the English word Goal"},
    {"text": "Google Cloud", "field": "skills", "skill": "Go",
     "why": "Google Cloud is GCP; Go is not a token here"},
    {"text": "ITパスポート取得済み", "field": "skills", "skill": "結合テスト",
     "why": "IT is not an alias of 結合テスト"},
    {"text": "本メールはテストメールです", "field": "skills", "skill": "テスト",
     "why": "テスト inside テストメール is not the test phase"},
    {"text": "Java(Spring Boot)による開発", "field": "skills", "skill": "Spring",
     "why": "the text Spring Boot is only Spring Boot (longest match wins)"},
    {"text": "SpringBoot", "field": "skills", "skill": "Spring",
     "why": "alias of Spring Boot only"},
    {"text": "MySQL", "field": "skills", "skill": "SQL",
     "why": "SQL inside MySQL is not a separate token"},
    {"text": "PostgreSQL", "field": "skills", "skill": "SQL",
     "why": "SQL inside PostgreSQL is not a separate token"},
    {"text": "SES事業部", "field": "skills", "skill": "SE",
     "why": "SES is the business model, not the SE role"},
    {"text": "Sent: Wednesday, November 11, 2026 4:40 PM", "field": "skills", "skill": "PM",
     "why": "PM in an Outlook Sent: time is not the PM role"},
    {"text": "Outlookの設定をご確認ください", "field": "skills", "skill": "単体テスト",
     "why": "UT inside Outlook is not a token"},
    {"text": "Date: 2026-11-20 00:15 UTC", "field": "skills", "skill": "単体テスト",
     "why": "UTC is not the UT alias"},
    {"text": "Redistribution of this mail is prohibited", "field": "skills", "skill": "Redis",
     "why": "Redis inside Redistribution"},
    {"text": "製造業向け生産管理システム", "field": "skills", "skill": "製造",
     "why": "製造業 (manufacturing industry) is not the 製造 phase"},
    {"text": "Reactive Streams", "field": "skills", "skill": "React",
     "why": "React inside Reactive"},
    {"text": "TEL：03-1234-5678", "field": "rate_max",
     "why": "a phone number is never a rate"},
    {"text": "〒110-0006 東京都台東区秋葉原1-2-3", "field": "rate_max",
     "why": "a postcode is never a rate"},
    {"text": "労働者派遣事業許可番号 派13-314863", "field": "rate_max",
     "why": "a licence number is never a rate"},
    {"text": "派遣事業許可№ 派13-314863", "field": "rate_max",
     "why": "a licence number after № (NFKC: No) is never a rate"},
    {"text": "時給2,800円～", "field": "rate_min",
     "why": "an hourly rate is not a monthly rate: rate_min stays null"},
    {"text": "時給2,800円～", "field": "rate_max",
     "why": "an hourly rate is not a monthly rate: rate_max stays null"},
    {"text": "請求金額：1,320,000円（税込）", "field": "rate_max",
     "why": "an invoice amount is not a rate"},
    {"text": "資本金：1,000万円", "field": "rate_max",
     "why": "company capital is not a rate"},
    {"text": "交通費：上限3万円まで支給", "field": "rate_max",
     "why": "a travel allowance cap is not the rate ceiling"},
    {"text": "2026年12月～", "field": "age",
     "why": "a year is not an age"},
    {"text": "2026年入社", "field": "age",
     "why": "a year of joining is not an age"},
    {"text": "経験年数：約17年", "field": "skill_years",
     "why": "career length is not a skill's years"},
    {"text": "IT経験19年4か月", "field": "skill_years",
     "why": "career length is not a skill's years"},
    {"text": "20代～30代が活躍中の現場です", "field": "age_max",
     "why": "describes the team, not an age limit"},
    {"text": "支払サイト：月末締め翌月末払い", "field": "start",
     "why": "翌月 here is the payment term, not a start date"},
    {"text": "営業時間 9:00-18:00", "field": "settlement_hours",
     "why": "office hours are not a settlement range"},
    {"text": "面談候補日：①11月24日（火）②11月25日（水）", "field": "interviews",
     "why": "numbered date options are not a number of interviews"},
    {"text": "顧客面談あり", "field": "interviews",
     "why": "no number given: interviews stays null (docs/fields.md)"},
    {"text": "商流：エンド→元請→弊社", "field": "max_chain",
     "why": "describes the chain above us, not a limit (docs/fields.md)"},
    {"text": "国籍：中国", "field": "foreigners_ok",
     "why": "an engineer's nationality goes in nationality only"},
    {"text": "日本語：N1", "field": "nationality",
     "why": "日本語 (the language) is not 日本 nationality"},
    {"text": "最寄駅：日本橋駅", "field": "nationality",
     "why": "日本 inside the station name 日本橋"},
    {"text": "従業員数：120名", "field": "headcount",
     "why": "company size is not the number of people asked"},
    {"text": "フリーランスエンジニア向けセミナー開催のお知らせ", "field": "freelance_ok",
     "why": "a seminar notice says nothing about accepting freelancers"},
    {"text": "〒110-0006", "field": "station",
     "why": "a postcode is not a station"},
]


# --------------------------------------------------------------------------------------------
# building the bytes
# --------------------------------------------------------------------------------------------

_FOLDER_CODE = {"talent_labels": "tl", "talent_multi": "tm", "mixed": "mx", "other": "ot",
                "charset": "cs", "encoding": "en", "reply_forward": "rf"}


def _msgid(m: dict) -> str:
    """Short enough never to be folded: <stamp>.<folder code><n>.hayaoshi@example.jp"""
    stamp = f"{datetime(*m['date']):%Y%m%d%H%M%S}" if m["date"] else "20261100000000"
    n = [x["name"] for x in MAILS if x["folder"] == m["folder"]].index(m["name"]) + 1
    return f"{stamp}.{_FOLDER_CODE[m['folder']]}{n:02d}.hayaoshi@example.jp"


def _body_text(m: dict) -> str:
    return m["body"].strip("\n") + "\n"


def build_std(m: dict) -> bytes:
    o = m["opts"]
    when = datetime(*m["date"], tzinfo=JST)
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = Address(display_name=m["sender"][0], addr_spec=m["sender"][1])
    msg["To"] = Address(display_name=m["to"][0], addr_spec=m["to"][1])
    msg["Subject"] = m["subject"]
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{_msgid(m)}>"
    msg.set_content(_body_text(m), subtype=o.get("subtype", "plain"), charset="utf-8",
                    cte=o.get("cte", "8bit"))
    if o.get("alternative_html"):
        msg.add_alternative(o["alternative_html"], subtype="html", charset="utf-8", cte="8bit")
        msg.set_boundary(f"==alt-{m['name']}==")
    att = o.get("attachment")
    if att:
        data = att["data"] if att["data"] is not None else _fake_xlsx()
        msg.add_attachment(data, maintype=att["maintype"], subtype=att["subtype"],
                           filename=att["filename"])
        msg.set_boundary(f"==mixed-{m['name']}==")
    return msg.as_bytes(policy=policy.SMTP)


def build_bytes(m: dict) -> bytes:
    """Hand-built single-part text mail: the charset label and the body bytes are chosen freely."""
    o = m["opts"]
    codec = o["body_codec"]
    hcs = o.get("header_charset", "UTF-8")
    lines = [f"From: {encoded_words(m['sender'][0], hcs)} <{m['sender'][1]}>",
             f"To: {m['to'][1]}"]
    if o.get("split_subject"):
        lines.append("Subject: " + mid_char_split_subject(m["subject"]))
    else:
        lines.append("Subject: " + encoded_words(m["subject"], hcs))
    if m["date"]:
        lines.append("Date: " + format_datetime(datetime(*m["date"], tzinfo=JST)))
    lines.append(f"Message-ID: <{_msgid(m)}>")
    lines.append("MIME-Version: 1.0")
    label = o["charset_label"]
    lines.append("Content-Type: text/plain" + (f"; charset={label}" if label else ""))
    lines.append("Content-Transfer-Encoding: 8bit")
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
    body = crlf(_body_text(m)).encode(codec)
    return head + body


def build_jis(m: dict) -> bytes:
    """Hand-built ISO-2022-JP mail (7bit), CP50220 flavour: NEC row 13 allowed."""
    lines = [f"From: {encoded_words(m['sender'][0], 'ISO-2022-JP')} <{m['sender'][1]}>",
             f"To: {m['to'][1]}",
             "Subject: " + encoded_words(m["subject"], "ISO-2022-JP"),
             "Date: " + format_datetime(datetime(*m["date"], tzinfo=JST)),
             f"Message-ID: <{_msgid(m)}>",
             "MIME-Version: 1.0",
             'Content-Type: text/plain; charset="ISO-2022-JP"',
             "Content-Transfer-Encoding: 7bit"]
    head = ("\r\n".join(lines) + "\r\n\r\n").encode("ascii")
    body_lines = _body_text(m).split("\n")
    body = b"\r\n".join(jis_encode(line) for line in body_lines)
    return head + body


def resolve_postings(m: dict) -> list[dict]:
    out = []
    for p in m["postings"]:
        p = json.loads(json.dumps(p, ensure_ascii=False))
        if p["start"] == MAIL_DATE:
            assert m["date"], (m["name"], "no Date: a relative start would depend on --now")
            p["start"] = datetime(*m["date"]).date().isoformat()
        out.append(p)
    return out


def expected_of(m: dict) -> dict:
    postings = resolve_postings(m)
    kinds = {p["kind"] for p in postings}
    kind = {frozenset(): "other", frozenset({"job"}): "job", frozenset({"talent"}): "talent",
            frozenset({"job", "talent"}): "mixed"}[frozenset(kinds)]
    assert kind == m["kind"], (m["name"], kind, m["kind"])
    return {"message_id": _msgid(m), "subject": m["subject"], "kind": kind,
            "defects": m["defects"], "postings": postings}


def write_all() -> None:
    seen = set()
    for m in MAILS:
        assert m["folder"] in FOLDERS, m["folder"]
        assert (m["folder"], m["name"]) not in seen, m["name"]
        seen.add((m["folder"], m["name"]))
        raw = {"std": build_std, "bytes": build_bytes, "jis": build_jis}[m["build"]](m)
        folder = OUT / m["folder"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{m['name']}.eml").write_bytes(raw)
        (folder / f"{m['name']}.expected.json").write_text(
            json.dumps(expected_of(m), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (HERE / "must_not_match.json").write_text(
        json.dumps(MUST_NOT_MATCH, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {len(MAILS)} mails under {OUT} and {len(MUST_NOT_MATCH)} must-not-match strings")


# --------------------------------------------------------------------------------------------
# validation (stdlib only; it checks the files, it never extracts postings)
# --------------------------------------------------------------------------------------------

_TYPES = {
    "kind": (str,), "title": (str, type(None)), "skills": (list,), "required_skills": (list,),
    "preferred_skills": (list,), "skill_years": (dict,), "rate_min": (int, type(None)),
    "rate_max": (int, type(None)), "rate_negotiable": (bool,), "start": (str, type(None)),
    "station": (str, type(None)), "location": (str, type(None)), "remote": (str, type(None)),
    "settlement_hours": (list, type(None)), "interviews": (int, type(None)),
    "foreigners_ok": (bool, type(None)), "age_max": (int, type(None)), "age": (int, type(None)),
    "gender": (str, type(None)), "nationality": (str, type(None)),
    "japanese_level": (str, type(None)), "employment": (str, type(None)),
    "max_chain": (int, type(None)), "freelance_ok": (bool, type(None)),
    "headcount": (int, type(None)),
}
_ENUMS = {"kind": {"job", "talent"}, "remote": {"full", "hybrid", "onsite", None},
          "gender": {"male", "female", None}, "employment": {"employee", "contract", "freelance",
                                                             None}}
_CODES = {"charset-missing", "charset-unknown", "charset-mislabeled", "undecodable-bytes",
          "header-encoding", "mime"}


def check() -> int:
    import email
    import re
    from collections import Counter

    problems, counts, ids = [], Counter(), set()
    core = set()
    for line in (HERE.parent.parent / "docs" / "core_skills.txt").read_text().splitlines():
        if ":" in line and not line.startswith(("-", "CORE", "Key")):
            core |= {s.strip() for s in line.split(":", 1)[1].split(",")}
    by_name = {(m["folder"], m["name"]): m for m in MAILS}
    for folder in FOLDERS:
        for eml in sorted((OUT / folder).glob("*.eml")):
            counts[folder] += 1
            where = f"{folder}/{eml.name}"
            raw = eml.read_bytes()
            if re.search(rb"(?<!\r)\n", raw):
                problems.append(f"{where}: bare LF")
            msg = email.message_from_bytes(raw, policy=policy.default)
            if msg.defects:
                problems.append(f"{where}: stdlib defects {msg.defects}")
            for h in ("From", "To", "Subject", "Message-ID"):
                if msg[h] is None:
                    problems.append(f"{where}: no {h}")
            if b"=?" not in raw.split(b"\r\n\r\n", 1)[0].split(b"From:", 1)[1].split(b"\r\n")[0]:
                problems.append(f"{where}: From display name is not encoded")
            if msg["Date"] is None and folder != "charset":
                problems.append(f"{where}: no Date")
            if msg["Date"] is not None:
                d = msg["Date"].datetime
                if (d.year, d.month) != (2026, 11) or d.utcoffset() != timedelta(hours=9):
                    problems.append(f"{where}: Date {msg['Date']}")
            for part in msg.walk():
                if part.is_multipart():
                    continue
                part.get_payload(decode=True)  # must not raise
            exp_path = eml.parent / (eml.name[:-4] + ".expected.json")
            if not exp_path.exists():
                problems.append(f"{where}: no expected.json")
                continue
            exp = json.loads(exp_path.read_text(encoding="utf-8"))
            if set(exp) != {"message_id", "subject", "kind", "defects", "postings"}:
                problems.append(f"{where}: top keys {sorted(exp)}")
            if exp["message_id"] != msg["Message-ID"].strip("<>"):
                problems.append(f"{where}: message_id mismatch")
            if exp["message_id"] in ids:
                problems.append(f"{where}: duplicate message_id")
            ids.add(exp["message_id"])
            m = by_name.get((folder, eml.name[:-4]))
            if m and not m["opts"].get("split_subject") and str(msg["Subject"]) != exp["subject"]:
                problems.append(f"{where}: stdlib subject {str(msg['Subject'])!r}")
            if exp["kind"] not in {"job", "talent", "mixed", "other"}:
                problems.append(f"{where}: kind {exp['kind']}")
            if not isinstance(exp["defects"], list) or set(exp["defects"]) - _CODES:
                problems.append(f"{where}: defects {exp['defects']}")
            kinds = {p.get("kind") for p in exp["postings"]}
            want = {"other": set(), "job": {"job"}, "talent": {"talent"},
                    "mixed": {"job", "talent"}}[exp["kind"]]
            if kinds != want:
                problems.append(f"{where}: kind {exp['kind']} vs postings {kinds}")
            for i, p in enumerate(exp["postings"]):
                if set(p) != set(POSTING_KEYS):
                    problems.append(f"{where}[{i}]: keys {sorted(set(p) ^ set(POSTING_KEYS))}")
                    continue
                for k, types in _TYPES.items():
                    v = p[k]
                    if not isinstance(v, types) or (isinstance(v, bool) and bool not in types):
                        problems.append(f"{where}[{i}]: {k}={v!r} has the wrong type")
                for k, allowed in _ENUMS.items():
                    if p[k] not in allowed:
                        problems.append(f"{where}[{i}]: {k}={p[k]!r}")
                for s in p["skills"] + p["required_skills"] + p["preferred_skills"]:
                    if s not in core:
                        problems.append(f"{where}[{i}]: {s!r} is not a core skill name")
                for s, y in p["skill_years"].items():
                    if s not in p["skills"] or not isinstance(y, float):
                        problems.append(f"{where}[{i}]: skill_years {s}={y!r}")
                if p["start"] and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", p["start"]):
                    problems.append(f"{where}[{i}]: start {p['start']}")
                sh = p["settlement_hours"]
                if sh is not None and (len(sh) != 2 or not all(isinstance(x, int) for x in sh)):
                    problems.append(f"{where}[{i}]: settlement_hours {sh}")
                if p["kind"] == "talent" and (p["title"] is not None or p["required_skills"]
                                              or p["preferred_skills"]):
                    problems.append(f"{where}[{i}]: talent with title/required/preferred")
                if p["kind"] == "job":
                    if set(p["skills"]) != set(p["required_skills"]) | set(p["preferred_skills"]):
                        problems.append(f"{where}[{i}]: skills != required ∪ preferred")
                    for k in ("age", "gender", "nationality", "employment"):
                        if p[k] is not None:
                            problems.append(f"{where}[{i}]: job with {k}")
    mnm = json.loads((HERE / "must_not_match.json").read_text(encoding="utf-8"))
    if len(mnm) < 30:
        problems.append(f"must_not_match.json: only {len(mnm)} entries")
    for e in mnm:
        if set(e) - {"text", "field", "why", "skill"} or not {"text", "field", "why"} <= set(e):
            problems.append(f"must_not_match.json: bad entry {e}")
        if e["field"] == "skills" and e.get("skill") not in core:
            problems.append(f"must_not_match.json: skill {e.get('skill')!r}")
        if e["field"] != "skills" and e["field"] not in POSTING_KEYS:
            problems.append(f"must_not_match.json: field {e['field']!r}")
    for p in problems:
        print("PROBLEM", p)
    for folder in FOLDERS:
        print(f"{folder:15s} {counts[folder]:3d}")
    print(f"{'total':15s} {sum(counts.values()):3d}   must_not_match: {len(mnm)}")
    return 1 if problems else 0


if __name__ == "__main__":
    if "--check" not in sys.argv:
        write_all()
    sys.exit(check())
