"""Write the golden corpus of 案件 (job) mails.

Output: tests/samples/mail/job_*/<name>.eml with <name>.expected.json beside it.

Run from anywhere:  python tests/samples/make_job_corpus.py

Every mail here was written for the project (no real mail is copied). The expected values are
hand-annotated against docs/fields.md; they are NOT produced by the extractor. Skill words in the
mails come only from docs/core_skills.txt, so each posting's expected skill set is unambiguous.

The .eml files are written with CRLF line endings (email.policy.SMTP). Keep `*.eml -text` in
.gitattributes so git does not rewrite them.
"""

from __future__ import annotations

import json
import zlib
from datetime import datetime, timedelta, timezone
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail"
JST = timezone(timedelta(hours=9))

# `start` may be given as this marker: the mail's own date (即日 / 即 / 随時), per docs/fields.md.
MAIL_DATE = "MAIL_DATE"


def posting(
    *,
    title,
    req=(),
    pref=(),
    years=None,
    rate=(None, None),
    neg=False,
    start=None,
    station=None,
    location=None,
    remote=None,
    settle=None,
    interviews=None,
    foreigners=None,
    age_max=None,
    jp=None,
    chain=None,
    freelance=None,
    headcount=None,
):
    """One expected job posting with every key of `hayaoshi parse` (minus evidence)."""
    req, pref = list(req), list(pref)
    assert not set(req) & set(pref), (title, "a skill is either required or preferred")
    return {
        "kind": "job",
        "title": title,
        "skills": req + pref,
        "required_skills": req,
        "preferred_skills": pref,
        "skill_years": {k: float(v) for k, v in (years or {}).items()},
        "rate_min": rate[0],
        "rate_max": rate[1],
        "rate_negotiable": neg,
        "start": start,
        "station": station,
        "location": location,
        "remote": remote,
        "settlement_hours": list(settle) if settle else None,
        "interviews": interviews,
        "foreigners_ok": foreigners,
        "age_max": age_max,
        "age": None,
        "gender": None,
        "nationality": None,
        "japanese_level": jp,
        "employment": None,
        "max_chain": chain,
        "freelance_ok": freelance,
        "headcount": headcount,
    }


# ---------------------------------------------------------------------------------------------
# The mails. Companies, people and addresses are fictional; phone numbers are made up.
# Annotation notes that docs/fields.md does not settle word for word are marked "decision:".
# ---------------------------------------------------------------------------------------------

MAILS: list[dict] = []


def _recipient(body: str) -> tuple[str, str]:
    """The To header follows the greeting: a named contact, a partner list, or everyone."""
    first = body.strip().split("\n", 1)[0].split("\u3000", 1)[0].split(" ", 1)[0]
    if first.startswith("ご担当者"):
        return ("営業ご担当者様", "sales@example.com")
    if first == "各位":
        return ("", "bp-list@example.com")
    return ("パートナー各位", "partners@example.com")


def mail(folder, name, date, sender, subject, body, postings, to=None, cte="8bit"):
    MAILS.append(
        dict(
            folder=folder,
            name=name,
            date=date,
            sender=sender,
            subject=subject,
            body=body,
            postings=postings,
            to=to or _recipient(body),
            cte=cte,
        )
    )


SIG_SAKURA = """
━━━━━━━━━━━━━━━━━━━━━━━━━━
株式会社サクラリンク　営業部
佐藤 健一
〒103-0025 東京都中央区日本橋茅場町1-2-3 サンプルビル5F
TEL：03-5555-0101　FAX：03-5555-0102
Mail：sato@example.jp
URL：https://www.example.jp/
━━━━━━━━━━━━━━━━━━━━━━━━━━
"""

SIG_MIDORI = """
--------------------------------------------------
株式会社ミドリ企画
営業本部　高橋 由美
TEL 03-3210-4455 / 携帯 090-2345-6789
takahashi@example.jp
--------------------------------------------------
"""

SIG_BLUE = """
◇――――――――――――――――――――――◇
ブルーオーシャン・テクノ株式会社
事業推進部　中村 亮
〒220-0012 神奈川県横浜市西区みなとみらい3-3-3
TEL：045-222-3333（代表）
派14-300123
E-mail：nakamura@example.jp
◇――――――――――――――――――――――◇
"""

SIG_HAYATE = """
―――――――――――――――――――――――――
株式会社ハヤテシステムズ　営業推進部
伊藤 美咲（Ito Misaki）
〒110-0006 東京都台東区秋葉原2-3-4 第5サンプルビル 7F
TEL：03-4321-8765　携帯：090-1234-5678
労働者派遣事業 派13-314863
有料職業紹介事業 13-ユ-308812
E-mail：ito@example.jp
―――――――――――――――――――――――――
"""

SIG_SOLARIS = """
=================================
株式会社ソラリス・パートナーズ
営業部　渡辺 翔太
〒150-0002 東京都渋谷区渋谷1-2-3 ソラリスビル 12F
TEL: 03-6789-1234（代表）／ 03-6789-1235（直通）
FAX: 03-6789-1236
携帯: 080-9876-5432
派13-314863 ／ 有料職業紹介 13-ユ-301234
https://www.example.jp/
=================================
"""

SIG_ASAHI = """
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
株式会社アサヒデータ　ソリューション営業部
小林 誠
〒330-0854 埼玉県さいたま市大宮区桜木町4-5-6
TEL：048-600-7788　FAX：048-600-7789
kobayashi@example.jp
＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊＊
"""

SIG_UNIVERSE = """
────────────────────────
株式会社ユニバース・ワークス
営業グループ　森 直樹
TEL：03-5432-1098　携帯：070-1111-2222
〒141-0031 東京都品川区西五反田8-9-10
mori@example.jp ／ https://www.example.jp/
────────────────────────
"""

SIG_GREEN = """
********************************************
株式会社グリーンフィールド
営業部　吉田 さくら
〒160-0022 東京都新宿区新宿5-6-7 グリーンビル3F
TEL：03-6206-1200　FAX：03-6206-1201
一般労働者派遣事業 派13-315550
yoshida@example.jp
********************************************
"""

SIG_FOREST = """
--
株式会社フォレストゲート　営業部
石井 大輔
TEL：03-3456-7890　携帯：080-3456-7890
〒101-0047 東京都千代田区内神田1-2-3
ishii@example.jp
"""

SIG_KITE = """
■□■□■□■□■□■□■□■□■□■□■□■□
株式会社カイトブリッジ
営業部　山口 恵
〒460-0008 愛知県名古屋市中区栄2-4-6
TEL：052-201-3344
yamaguchi@example.jp
■□■□■□■□■□■□■□■□■□■□■□■□
"""

SIG_NAMI = """
==============================
ナミテック株式会社
営業部　松本 聡
TEL：03-6450-7721 ／ FAX：03-6450-7722
〒104-0061 東京都中央区銀座1-10-6
matsumoto@example.jp
==============================
"""

SIG_ORANGE = """
＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿
株式会社オレンジフィールド
営業推進室　井上 彩
TEL：06-6123-4567（大阪本社）／03-6123-4567（東京支店）
〒530-0001 大阪府大阪市北区梅田1-1-1
inoue@example.jp
＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿＿
"""

SIG_KOHAKU = """
-----------------------------------------
株式会社コハクシステム
営業部　木村 拓真
TEL 03-5201-8899　携帯 090-8765-4321
〒135-0064 東京都江東区青海2-7-4
労働者派遣事業許可番号：派13-312345
kimura@example.jp
-----------------------------------------
"""

SIG_HIKARI = """
━━━━━━━━━━━━━━━━━━
ひかりソフトサービス株式会社
営業部　林 千尋
TEL：03-3980-1122
hayashi@example.jp
━━━━━━━━━━━━━━━━━━
"""

SIG_TSUBAME = """
------------------------------------------------
株式会社ツバメネクサス
ビジネスパートナー推進部　清水 悠
〒105-0013 東京都港区浜松町2-2-15
TEL：03-5733-9000（代表）　直通：03-5733-9012
清水 携帯：080-5555-6767
https://www.example.jp/
shimizu@example.jp
------------------------------------------------
"""

# ============================== job_labels ==============================

mail(
    "job_labels", "brackets_full_set_with_remarks", (2026, 11, 2, 9, 30),
    ("株式会社サクラリンク 佐藤 健一", "sato@example.jp"),
    "【案件のご紹介】保険会社向け 契約管理システム更改（Java／茅場町）",
    """
パートナー各位

いつもお世話になっております。
株式会社サクラリンク営業部の佐藤でございます。

下記案件のご紹介です。ご提案をお待ちしております。

【案件名】保険会社向け 契約管理システム更改
【作業内容】Java(Spring Boot)による詳細設計～結合テスト
【必須スキル】・Java開発経験3年以上 ・Oracle
【尚可スキル】・Linux
【期間】12月～長期
【場所】茅場町駅（リモート併用：週2出社）
【単価】60～70万円（スキル見合い）
【精算】140-180h
【面談】1回（オンライン）
【商流】エンド→元請→弊社
【外国籍】不可
【年齢】45歳まで
【備考】貴社社員まで（個人事業主不可）

以上、よろしくお願いいたします。
""" + SIG_SAKURA,
    [posting(
        title="保険会社向け 契約管理システム更改",
        req=["Java", "Spring Boot", "詳細設計", "結合テスト", "Oracle"], pref=["Linux"],
        years={"Java": 3}, rate=(600000, 700000), neg=True, start="2026-12-01",
        station="茅場町", remote="hybrid", settle=(140, 180), interviews=1,
        foreigners=False, age_max=45, chain=0, freelance=False,
    )],
)

mail(
    "job_labels", "square_fullwidth_colon", (2026, 11, 4, 10, 5),
    ("株式会社ミドリ企画 高橋 由美", "takahashi@example.jp"),
    "【新規案件】入出荷管理システム開発／PHP／大手町／1月～",
    """
ご担当者様

お世話になっております。
株式会社ミドリ企画の高橋です。

新規案件のご紹介となります。
ご紹介いただける方がいらっしゃいましたらご連絡ください。

━━━━━━━━━━━━━━━━━━━━
■案件名：物流倉庫 入出荷管理システム開発
■業務内容：PHP（Laravel）を用いた基本設計～単体テスト
■必須スキル：PHP開発経験2年以上、MySQL
■尚可スキル：Docker、AWS
■開始時期：1月～
■勤務地：大手町駅
■単価：～65万円
■精算：140h～180h
■面談回数：2回（弊社＋企業様）
■募集人数：2名
━━━━━━━━━━━━━━━━━━━━

よろしくお願いいたします。
""" + SIG_MIDORI,
    [posting(
        title="物流倉庫 入出荷管理システム開発",
        req=["PHP", "Laravel", "基本設計", "単体テスト", "MySQL"], pref=["Docker", "AWS"],
        years={"PHP": 2}, rate=(None, 650000), start="2027-01-01", station="大手町",
        settle=(140, 180), interviews=2, headcount=2,
    )],
)

mail(
    "job_labels", "diamond_spaced_labels", (2026, 11, 5, 8, 45),
    ("ブルーオーシャン・テクノ株式会社 中村 亮", "nakamura@example.jp"),
    "◆案件情報◆ 会員ポイント基盤刷新（TypeScript/React）",
    """
各位

お世話になっております。
ブルーオーシャン・テクノ株式会社の中村です。
標記の件、下記のとおり案件情報をお送りいたします。

◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇
◆ 案件名 ：大手小売向け 会員ポイント基盤刷新
◆ 内　容 ：TypeScript、React、Node.jsによる詳細設計～製造
◆ ス キ ル ：
　・TypeScriptでの開発経験3年以上
　・Reactでの画面開発経験
◆ 期　間 ：即日～長期
◆ 場　所 ：渋谷駅（基本リモート）
◆ 金　額 ：70万円前後
◆ 精　算 ：160h～200h
◆ 面　談 ：一回
◆ 外国籍 ：可（N1以上）
◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇◇

ご検討のほどよろしくお願いいたします。
""" + SIG_BLUE,
    [posting(
        title="大手小売向け 会員ポイント基盤刷新",
        req=["TypeScript", "React", "Node.js", "詳細設計", "製造"],
        years={"TypeScript": 3}, rate=(700000, 700000), start=MAIL_DATE, station="渋谷",
        remote="full", settle=(160, 200), interviews=1, foreigners=True, jp="N1",
    )],
)

mail(
    "job_labels", "triangle_value_on_next_line", (2026, 11, 6, 13, 20),
    ("株式会社ユニバース・ワークス 森 直樹", "mori@example.jp"),
    "▼案件のご案内▼ 証券会社向け 顧客管理システム追加開発",
    """
パートナー企業様

いつも大変お世話になっております。
株式会社ユニバース・ワークスの森です。

下記の案件につきまして、要員様をご紹介いただけますと幸いです。

▼案件名
証券会社向け 顧客管理システム追加開発

▼作業内容
C#（.NET）による画面の改修、要件定義～基本設計の支援

▼必須スキル
・C#での開発経験5年以上
・要件定義の経験

▼尚可スキル
・PostgreSQLの知識

▼期間
2027年1月～長期

▼勤務地
水天宮前駅

▼単価
75万円

▼精算幅
140-180h

▼面談
1回

▼その他
外国籍の方NG／年齢は40代前半まで

以上です。よろしくお願いいたします。
""" + SIG_UNIVERSE,
    [posting(
        title="証券会社向け 顧客管理システム追加開発",
        req=["C#", ".NET", "要件定義", "基本設計"], pref=["PostgreSQL"],
        years={"C#": 5}, rate=(750000, 750000), start="2027-01-01", station="水天宮前",
        settle=(140, 180), interviews=1, foreigners=False, age_max=44,
    )],
)

mail(
    "job_labels", "nakaguro_fullwidth_space_labels", (2026, 11, 9, 11, 0),
    ("株式会社アサヒデータ 小林 誠", "kobayashi@example.jp"),
    "案件のご紹介：自治体向け 税務システム改修（COBOL）",
    """
ご担当者様

いつも大変お世話になっております。
株式会社アサヒデータの小林でございます。

下記案件につきまして、ご提案可能な要員様がいらっしゃいましたら
ご連絡いただけますと幸いです。

・案 件 名：自治体向け 税務システム改修
・内　　容：COBOLによる詳細設計～単体テスト
・ス キ ル：COBOL開発経験5年以上、JP1の知識
・期　　間：12月～
・場　　所：北千住
・単　　価：～70万（スキル見合い）
・精　　算：140-180h（上下割）
・面　　談：２回
・人　　数：１名
・備　　考：外国籍不可、年齢不問

何卒よろしくお願い申し上げます。
""" + SIG_ASAHI,
    [posting(
        title="自治体向け 税務システム改修",
        req=["COBOL", "詳細設計", "単体テスト", "JP1"],
        years={"COBOL": 5}, rate=(None, 700000), neg=True, start="2026-12-01",
        station="北千住", settle=(140, 180), interviews=2, foreigners=False, headcount=1,
    )],
)

mail(
    "job_labels", "halfwidth_colon_spaced_skill_label", (2026, 11, 10, 15, 40),
    ("株式会社コハクシステム 木村 拓真", "kimura@example.jp"),
    "通信会社向け 料金計算システム保守（Java）のご案内",
    """
お取引先各位

平素より大変お世話になっております。
株式会社コハクシステムの木村です。

下記案件のご案内です。

==================================================
案件名      : 通信会社向け 料金計算システム保守
作業内容    : Javaで作られた既存システムの保守、改修時の詳細設計
ス キ ル  : Java、SQL、Linux
             Shell
開始時期    : 来月より
作業場所    : 東京都江東区（常駐）
単価        : 55万～62万
精算        : 145 - 185
面談        : 弊社面談のみ
==================================================

ご不明点がございましたらお気軽にお問い合わせください。
""" + SIG_KOHAKU,
    [posting(
        title="通信会社向け 料金計算システム保守",
        req=["運用保守", "Java", "詳細設計", "SQL", "Linux", "Shell"],
        rate=(550000, 620000), start="2026-12-01", location="東京都江東区", remote="onsite",
        settle=(145, 185), interviews=1,
    )],
)

mail(
    "job_labels", "numbered_fullwidth_labels", (2026, 11, 11, 9, 0),
    ("ひかりソフトサービス株式会社 林 千尋", "hayashi@example.jp"),
    "【案件】製薬会社向け 臨床データ管理システム構築／Python",
    """
ご担当者様

いつもお世話になっております。
ひかりソフトサービスの林です。
以下の案件について、ご提案をお待ちしております。

１．案件名
　　製薬会社向け 臨床データ管理システム構築
２．作業内容
　　Pythonを用いたデータ連携処理の開発（基本設計～結合テスト）
３．必要スキル
　　・Python開発経験3年以上
　　・AWS（Lambda／S3）の利用経験
４．作業期間
　　2027年1月～2027年6月（延長予定）
５．作業場所
　　大門駅（一部リモート）
６．単価
　　～72万円（精算：140-180h）
７．面談
　　2回
８．その他
　　外国籍：不可

よろしくお願いいたします。
""" + SIG_HIKARI,
    [posting(
        title="製薬会社向け 臨床データ管理システム構築",
        req=["Python", "基本設計", "結合テスト", "AWS", "Lambda", "S3"],
        years={"Python": 3}, rate=(None, 720000), start="2027-01-01", station="大門",
        remote="hybrid", settle=(140, 180), interviews=2, foreigners=False,
    )],
)

mail(
    "job_labels", "skill_subheadings_required_preferred", (2026, 11, 12, 17, 30),
    ("株式会社ツバメネクサス 清水 悠", "shimizu@example.jp"),
    "旅行予約サイト 会員機能リニューアル（Vue.js）のご紹介",
    """
ビジネスパートナー各位

お世話になっております。
株式会社ツバメネクサスの清水です。

下記案件をご紹介いたします。

【案件名】
旅行予約サイト 会員機能リニューアル

【スキル】
＜必須＞
・Vue.jsでの開発経験2年以上
・JavaScript
・Git
＜尚可＞
・TypeScript
・Docker

－－－－－－－－－－－－－－－－－－－－
【期間】12月中旬～
【場所】大崎駅（週3出社）
【単価】～68万
【精算】140～180h
【面談】1～2回
【商流】元請→弊社（貴社まで）
【人数】1名
－－－－－－－－－－－－－－－－－－－－

ご検討よろしくお願いいたします。
""" + SIG_TSUBAME,
    [posting(
        title="旅行予約サイト 会員機能リニューアル",
        req=["Vue.js", "JavaScript", "Git"], pref=["TypeScript", "Docker"],
        years={"Vue.js": 2}, rate=(None, 680000), start="2026-12-11", station="大崎",
        remote="hybrid", settle=(140, 180), interviews=2, chain=0, headcount=1,
    )],
)

mail(
    "job_labels", "angle_bracket_preferred_heading", (2026, 11, 13, 10, 10),
    ("株式会社カイトブリッジ 山口 恵", "yamaguchi@example.jp"),
    "【ご紹介】生産管理システム再構築／Go言語／川崎",
    """
ご担当者様

お世話になっております。
株式会社カイトブリッジの山口です。
新規案件のご紹介をさせていただきます。

ーーーーーーーーーーーーーーーーーーーー
【案件名】自動車部品メーカー向け 生産管理システム再構築
【業務内容】
Go言語での新規開発（詳細設計～製造）
【必須】
・Go言語での開発経験2年以上
・Kubernetesの利用経験
<下記のご経験があれば尚可>
・Terraform
・GCP
ーーーーーーーーーーーーーーーーーーーー
【開始】1/5～2027/3末（以降延長予定）
【場所】川崎駅（リモート不可）
【単金】80万
【清算】精算固定
【面談】1回（弊社同席）
【国籍】日本国籍限定
ーーーーーーーーーーーーーーーーーーーー

ご検討のほど、よろしくお願いいたします。
""" + SIG_KITE,
    [posting(
        title="自動車部品メーカー向け 生産管理システム再構築",
        req=["Go", "詳細設計", "製造", "Kubernetes"], pref=["Terraform", "GCP"],
        years={"Go": 2}, rate=(800000, 800000), start="2027-01-05", station="川崎",
        remote="onsite", interviews=1, foreigners=False,
    )],
)

mail(
    "job_labels", "spaced_bracket_welcome_section", (2026, 11, 16, 8, 55),
    ("ナミテック株式会社 松本 聡", "matsumoto@example.jp"),
    "【案件】金融機関向け 口座開設システム改善（Java/Spring Boot）",
    """
パートナー各位

いつもお世話になっております。
ナミテック株式会社の松本です。

下記案件の要員を募集しております。

============================================
【 案 件 名 】 金融機関向け 口座開設システム改善
【 作業内容 】 Java、Spring Bootを用いた機能追加（基本設計～総合テスト）
【 必須スキル 】
　Java開発経験4年以上
　Spring Boot
【 歓迎スキル 】
　Oracle
　Jenkins
【 開始時期 】 2027年2月1日～
【 勤 務 地 】 人形町駅
【 単　　金 】 66～72万
【 精 算 幅 】 140～180h
【 面談回数 】 2回
【 年　　齢 】 50歳まで
============================================

以上、よろしくお願いいたします。
""" + SIG_NAMI,
    [posting(
        title="金融機関向け 口座開設システム改善",
        req=["Java", "Spring Boot", "基本設計", "総合テスト"], pref=["Oracle", "Jenkins"],
        years={"Java": 4}, rate=(660000, 720000), start="2027-02-01", station="人形町",
        settle=(140, 180), interviews=2, age_max=50,
    )],
)

# ============================== job_rates ==============================

mail(
    "job_rates", "at_mark_rate_settlement_in_parens_licence_signature", (2026, 11, 2, 14, 0),
    ("株式会社ハヤテシステムズ 伊藤 美咲", "ito@example.jp"),
    "【急ぎ】勤怠管理システム改修／PHP／神田／@50",
    """
協力会社各位

いつもお世話になっております。
株式会社ハヤテシステムズの伊藤です。
急ぎの案件がございますので、ご紹介させていただきます。

案件名　　社内向け 勤怠管理システム改修
作業内容　PHP、jQueryによる画面改修および単体テスト
必須　　　PHP実務経験1年以上
期間　　　即日～長期
場所　　　神田駅
単価　　　@50（140-180）
面談　　　1回（弊社同席）　※即設定可能
人数　　　1名

ご検討のほど、よろしくお願いいたします。
""" + SIG_HAYATE,
    [posting(
        title="社内向け 勤怠管理システム改修",
        req=["PHP", "jQuery", "単体テスト"], years={"PHP": 1},
        rate=(500000, 500000), start=MAIL_DATE, station="神田", settle=(140, 180),
        interviews=1, headcount=1,
    )],
)

mail(
    "job_rates", "max_prefix", (2026, 11, 3, 10, 30),
    ("株式会社ミドリ企画 高橋 由美", "takahashi@example.jp"),
    "【MAX62万】ECサイト 受注管理機能追加／Ruby／五反田",
    """
各位

お世話になっております。
ミドリ企画の高橋です。

■案件名：ECサイト 受注管理機能追加
■内容：Rubyによる受注管理機能の追加開発、詳細設計から担当
■必須：Ruby開発経験2年以上、MySQL
■尚可：AWS（EC2）
■期間：12月～
■場所：五反田駅（リモート併用）
■単価：MAX62万
■精算：140~180h
■面談：1回

よろしくお願いいたします。
""" + SIG_MIDORI,
    [posting(
        title="ECサイト 受注管理機能追加",
        req=["Ruby", "詳細設計", "MySQL"], pref=["AWS", "EC2"], years={"Ruby": 2},
        rate=(None, 620000), start="2026-12-01", station="五反田", remote="hybrid",
        settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_rates", "max_suffix_yen", (2026, 11, 4, 16, 0),
    ("株式会社コハクシステム 木村 拓真", "kimura@example.jp"),
    "問い合わせ管理ツール改修（VBA）のご紹介",
    """
ご担当者様

いつもお世話になっております。
コハクシステムの木村です。

◆案件名：コールセンター向け 問い合わせ管理ツール改修
◆作業内容：VBAによるツール改修、および既存ツールの保守
◆スキル：VBA開発経験2年以上
◆期間：12月～長期
◆場所：東京都品川区（常駐）
◆単価：45万円MAX
◆精算：160h～200h
◆面談：1回
◆外国籍：不可

よろしくお願いいたします。
""" + SIG_KOHAKU,
    [posting(
        title="コールセンター向け 問い合わせ管理ツール改修",
        req=["VBA", "運用保守"], years={"VBA": 2}, rate=(None, 450000), start="2026-12-01",
        location="東京都品川区", remote="onsite", settle=(160, 200), interviews=1,
        foreigners=False,
    )],
)

mail(
    "job_rates", "upper_limit_settlement_pending", (2026, 11, 5, 11, 15),
    ("株式会社サクラリンク 佐藤 健一", "sato@example.jp"),
    "【案件】設備点検アプリ開発（Kotlin）／新橋／1月～",
    """
パートナー各位

いつもお世話になっております。
サクラリンクの佐藤です。

【案件名】電力会社向け 設備点検アプリ開発
【作業内容】Kotlinでの開発（詳細設計～単体テスト）
【必須】Kotlin開発経験2年以上
【尚可】Swift
【期間】1月～
【場所】新橋駅（週2出社）
【単価】上限70万
【精算】精算確認中
【面談】2回
【年齢】45歳まで

ご提案お待ちしております。
""" + SIG_SAKURA,
    [posting(
        title="電力会社向け 設備点検アプリ開発",
        req=["Kotlin", "詳細設計", "単体テスト"], pref=["Swift"], years={"Kotlin": 2},
        rate=(None, 700000), start="2027-01-01", station="新橋", remote="hybrid",
        interviews=2, age_max=45,
    )],
)

mail(
    "job_rates", "around_rate_settlement_in_parens", (2026, 11, 6, 9, 50),
    ("ブルーオーシャン・テクノ株式会社 中村 亮", "nakamura@example.jp"),
    "不動産会社向け 物件管理システム刷新（C#）",
    """
ご担当者様

お世話になっております。
ブルーオーシャン・テクノの中村です。

・案件名：不動産会社向け 物件管理システム刷新
・作業内容：C#による基本設計～結合テスト
・必須スキル：C#開発経験3年以上、SQL
・期間：即日～
・場所：秋葉原駅
・単価：68万前後（140－180h）
・面談：1回
・商流：エンド→弊社

ご検討をお願いいたします。
""" + SIG_BLUE,
    [posting(
        title="不動産会社向け 物件管理システム刷新",
        req=["C#", "基本設計", "結合テスト", "SQL"], years={"C#": 3},
        rate=(680000, 680000), start=MAIL_DATE, station="秋葉原", settle=(140, 180),
        interviews=1,
    )],
)

mail(
    "job_rates", "range_with_kome_hours", (2026, 11, 9, 13, 0),
    ("株式会社フォレストゲート 石井 大輔", "ishii@example.jp"),
    "【案件】生徒管理システム改修／PHP／池袋／42-45万",
    """
ご担当者様

いつもお世話になっております。
フォレストゲートの石井です。

【案件名】学習塾向け 生徒管理システム改修
【業務内容】PHP（CakePHP）での改修、単体テスト
【必須スキル】PHP開発経験1年以上
【期間】12月～
【勤務地】池袋駅（フル出社）
【単価】42-45万 ※140-180H
【精算】140-180h
【面談】1回
【備考】外国籍NG

よろしくお願いいたします。
""" + SIG_FOREST,
    [posting(
        title="学習塾向け 生徒管理システム改修",
        req=["PHP", "CakePHP", "単体テスト"], years={"PHP": 1}, rate=(420000, 450000),
        start="2026-12-01", station="池袋", remote="onsite", settle=(140, 180),
        interviews=1, foreigners=False,
    )],
)

mail(
    "job_rates", "rate_with_min", (2026, 11, 10, 10, 20),
    ("株式会社グリーンフィールド 吉田 さくら", "yoshida@example.jp"),
    "【PL】損害保険会社向け 保険金支払システム開発",
    """
各位

お世話になっております。
グリーンフィールドの吉田です。

■ 案件名 ： 損害保険会社向け 保険金支払システム開発
■ 作業内容 ： Java、Spring Bootを用いた詳細設計～結合テスト
■ 必須 ： Java開発経験5年以上、PL経験
■ 期間 ： 1月～
■ 場所 ： 豊洲駅（リモート併用）
■ 単価 ： 73万(Min68万)
■ 精算 ： 140-180h
■ 面談 ： 2回
■ 商流 ： 貴社まで

よろしくお願いいたします。
""" + SIG_GREEN,
    [posting(
        title="損害保険会社向け 保険金支払システム開発",
        req=["Java", "Spring Boot", "詳細設計", "結合テスト", "PL"], years={"Java": 5},
        rate=(680000, 730000), start="2027-01-01", station="豊洲", remote="hybrid",
        settle=(140, 180), interviews=2, chain=0,
    )],
)

# decision: 「完全スキル見合い（MAX55～58万円）」 -> the range gives min/max (550000/580000);
# MAX only labels the range as a ceiling. スキル見合い -> negotiable.
mail(
    "job_rates", "full_skill_match_with_max_range", (2026, 11, 11, 14, 30),
    ("株式会社ユニバース・ワークス 森 直樹", "mori@example.jp"),
    "食品卸向け 受発注システム改修（Java）",
    """
パートナー企業各位

いつもお世話になっております。
ユニバース・ワークスの森です。

【案件名】食品卸向け 受発注システム改修
【作業内容】Java（Struts）による改修、単体テスト
【必須】Java開発経験2年以上
【期間】12月～長期
【場所】蒲田駅
【単価】完全スキル見合い（MAX55～58万円）
【精算】140-180h
【面談】1回

ご提案お待ちしております。
""" + SIG_UNIVERSE,
    [posting(
        title="食品卸向け 受発注システム改修",
        req=["Java", "Struts", "単体テスト"], years={"Java": 2}, rate=(550000, 580000),
        neg=True, start="2026-12-01", station="蒲田", settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_rates", "please_propose_rate_fixed_settlement", (2026, 11, 12, 9, 10),
    ("株式会社アサヒデータ 小林 誠", "kobayashi@example.jp"),
    "【PMO】融資審査システム要件定義支援",
    """
ご担当者様

いつも大変お世話になっております。
アサヒデータの小林でございます。

■件名：地方銀行向け 融資審査システム要件定義支援
■作業内容：要件定義、基本設計のとりまとめ（PMO）
■必須スキル：PMO経験、要件定義の経験
■期間：2027年1月～
■場所：大手町駅（週3出社）
■単価：ご提示ください
■精算：固定
■面談：2回
■外国籍：不可

何卒よろしくお願い申し上げます。
""" + SIG_ASAHI,
    [posting(
        title="地方銀行向け 融資審査システム要件定義支援",
        req=["要件定義", "基本設計", "PMO"], neg=True, start="2027-01-01", station="大手町",
        remote="hybrid", interviews=2, foreigners=False,
    )],
)

mail(
    "job_rates", "hourly_wage_is_not_monthly_rate", (2026, 11, 13, 15, 0),
    ("株式会社ソラリス・パートナーズ 渡辺 翔太", "watanabe@example.jp"),
    "【時給案件】受注データ集計ツール改修（Python）",
    """
ご担当者様

お世話になっております。
株式会社ソラリス・パートナーズの渡辺です。

下記、時給でのご契約となる案件です。

【案件名】通販会社向け 受注データ集計ツール改修
【作業内容】Pythonによる集計ツールの改修
【必須】Python経験1年以上
【期間】即日～
【場所】西新宿駅（基本出社）
【単価】時給2,800円～
【面談】1回
【備考】勤怠良好な方

よろしくお願いいたします。
""" + SIG_SOLARIS,
    [posting(
        title="通販会社向け 受注データ集計ツール改修",
        req=["Python"], years={"Python": 1}, start=MAIL_DATE, station="西新宿",
        remote="onsite", interviews=1,
    )],
)

mail(
    "job_rates", "skill_match_alone", (2026, 11, 16, 10, 0),
    ("株式会社ツバメネクサス 清水 悠", "shimizu@example.jp"),
    "【案件】予約システム更改PMO／浜松町",
    """
ビジネスパートナー各位

いつもお世話になっております。
ツバメネクサスの清水です。

＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝
案件名：航空会社向け 予約システム更改PMO
作業内容：PMO（進捗・課題管理）
スキル：PMO経験3年以上
期間：12月～
場所：浜松町駅（リモート併用）
単価：スキル見合い
精算：140-180h
面談：1～2回
年齢：50歳まで
＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝＝

よろしくお願いいたします。
""" + SIG_TSUBAME,
    [posting(
        title="航空会社向け 予約システム更改PMO",
        req=["PMO"], years={"PMO": 3}, neg=True, start="2026-12-01", station="浜松町",
        remote="hybrid", settle=(140, 180), interviews=2, age_max=50,
    )],
)

mail(
    "job_rates", "fullwidth_digits_about_fixed", (2026, 11, 17, 11, 30),
    ("ひかりソフトサービス株式会社 林 千尋", "hayashi@example.jp"),
    "配車管理システム改修（C言語）のご紹介",
    """
ご担当者様

お世話になっております。
ひかりソフトサービスの林です。

　■案件名：　物流会社向け 配車管理システム改修
　■作業内容：　C言語による改修、単体テスト
　■スキル：　C言語開発経験3年以上、Linux
　■期間：　１２月～
　■場所：　東京都大田区
　■単価：　６０万程度（固定）
　■面談回数：　１回

よろしくお願いいたします。
""" + SIG_HIKARI,
    [posting(
        title="物流会社向け 配車管理システム改修",
        req=["C", "単体テスト", "Linux"], years={"C": 3}, rate=(600000, 600000),
        start="2026-12-01", location="東京都大田区", interviews=1,
    )],
)

mail(
    "job_rates", "yen_with_thousands_comma", (2026, 11, 18, 9, 40),
    ("株式会社オレンジフィールド 井上 彩", "inoue@example.jp"),
    "【案件】運営管理ツール開発／Unity／恵比寿",
    """
お取引先各位

いつもお世話になっております。
オレンジフィールドの井上です。

【案件名】ゲーム会社向け 運営管理ツール開発
【作業内容】Unity、C#による管理ツール開発
【必須】Unity開発経験2年以上、C#
【尚可】Git
【期間】12月中旬～
【場所】恵比寿駅（リモート併用：週1出社）
【単価】650,000円（税別）
【精算】140h～180h
【面談】1回
【人数】2名

よろしくお願いいたします。
""" + SIG_ORANGE,
    [posting(
        title="ゲーム会社向け 運営管理ツール開発",
        req=["Unity", "C#"], pref=["Git"], years={"Unity": 2}, rate=(650000, 650000),
        start="2026-12-11", station="恵比寿", remote="hybrid", settle=(140, 180),
        interviews=1, headcount=2,
    )],
)

mail(
    "job_rates", "from_rate_negotiable", (2026, 11, 19, 16, 45),
    ("株式会社カイトブリッジ 山口 恵", "yamaguchi@example.jp"),
    "【ご相談】データ移行支援（SQL）／立川／45万～相談可",
    """
ご担当者様

いつもお世話になっております。
カイトブリッジの山口です。
急ぎで下記の方を探しております。お心当たりがあればご連絡ください。

【案件概要】倉庫会社向け データ移行支援
【作業内容】SQLによるデータ移行、移行結果の確認
【必須】SQLの実務経験
【期間】随時～長期
【場所】立川駅
【単価】45万～相談可
【精算】140-180h
【面談】1回
【外国籍】可

何卒よろしくお願いいたします。
""" + SIG_KITE,
    [posting(
        title="倉庫会社向け データ移行支援",
        req=["SQL"], rate=(450000, None), neg=True, start=MAIL_DATE, station="立川",
        settle=(140, 180), interviews=1, foreigners=True,
    )],
)

# ============================== job_dates ==============================
# Relative dates are read against the Date header (JST). A month with no year is the next such
# month on or after the mail's month (docs/fields.md).

mail(
    "job_dates", "start_immediately", (2026, 11, 24, 8, 30),
    ("ナミテック株式会社 松本 聡", "matsumoto@example.jp"),
    "【即日】社内ポータル改修（Java）",
    """
パートナー各位

おはようございます。ナミテックの松本です。
本日より参画可能な方を探しております。

【案件名】医療機器メーカー向け 社内ポータル改修
【作業内容】Java、JavaScriptによる改修
【必須】Java開発経験2年以上
【期間】即日
【場所】御茶ノ水駅
【単価】55～60万
【精算】140-180h
【面談】1回
【外国籍】不可

よろしくお願いいたします。
""" + SIG_NAMI,
    [posting(
        title="医療機器メーカー向け 社内ポータル改修",
        req=["Java", "JavaScript"], years={"Java": 2}, rate=(550000, 600000),
        start=MAIL_DATE, station="御茶ノ水", settle=(140, 180), interviews=1,
        foreigners=False,
    )],
)

mail(
    "job_dates", "several_start_options_earliest", (2026, 11, 17, 13, 5),
    ("株式会社グリーンフィールド 吉田 さくら", "yoshida@example.jp"),
    "Salesforce案件のご紹介",
    """
各位

いつもお世話になっております。
グリーンフィールドの吉田です。

■案件名：保険代理店向け 顧客管理システム追加開発
■内容：Salesforceの設定・開発
■必須：Salesforce開発経験2年以上
■期間：即日/12月～/1月～（ご都合に合わせます）
■場所：京橋駅（週2出社）
■単価：70～80万
■精算：140-180h
■面談：2回

よろしくお願いいたします。
""" + SIG_GREEN,
    [posting(
        title="保険代理店向け 顧客管理システム追加開発",
        req=["Salesforce"], years={"Salesforce": 2}, rate=(700000, 800000),
        start=MAIL_DATE, station="京橋", remote="hybrid", settle=(140, 180), interviews=2,
    )],
)

# decision (from the rule "on or after the mail's month"): 「11月～」 in a mail of 2026-11-25
# is 2026-11-01, the current month, even though that day has passed.
mail(
    "job_dates", "month_equal_to_mail_month", (2026, 11, 25, 10, 40),
    ("株式会社ハヤテシステムズ 伊藤 美咲", "ito@example.jp"),
    "【11月～】在庫照会画面の改修（Angular）",
    """
協力会社各位

お世話になっております。
ハヤテシステムズの伊藤です。

・案件名：物流会社向け 在庫照会画面の改修
・作業内容：Angular、TypeScriptによる画面改修
・スキル：Angularでの開発経験1年以上、TypeScript
・期間：11月～長期
・場所：品川駅（リモート併用）
・単価：～60万
・精算：140-180h
・面談：1回

よろしくお願いいたします。
""" + SIG_HAYATE,
    [posting(
        title="物流会社向け 在庫照会画面の改修",
        req=["Angular", "TypeScript"], years={"Angular": 1}, rate=(None, 600000),
        start="2026-11-01", station="品川", remote="hybrid", settle=(140, 180),
        interviews=1,
    )],
)

mail(
    "job_dates", "early_month_with_year", (2026, 11, 18, 17, 10),
    ("株式会社サクラリンク 佐藤 健一", "sato@example.jp"),
    "【2月上旬～】販売管理システム再構築 要件定義",
    """
パートナー各位

いつもお世話になっております。
サクラリンクの佐藤です。

【案件名】製紙会社向け 販売管理システム再構築
【作業内容】要件定義～基本設計
【必須スキル】要件定義の経験、PL経験
【期間】2027年2月上旬～
【場所】東京都千代田区（週2出社）
【単価】80～90万
【精算】140-180h
【面談】2回
【年齢】50歳まで

ご提案お待ちしております。
""" + SIG_SAKURA,
    [posting(
        title="製紙会社向け 販売管理システム再構築",
        req=["要件定義", "基本設計", "PL"], rate=(800000, 900000), start="2027-02-01",
        location="東京都千代田区", remote="hybrid", settle=(140, 180), interviews=2,
        age_max=50,
    )],
)

# Spring Boot is in 作業内容 and again under 尚可: named outside the 尚可 section, so required only.
mail(
    "job_dates", "mid_month_or_next_month", (2026, 11, 19, 9, 25),
    ("株式会社コハクシステム 木村 拓真", "kimura@example.jp"),
    "乗務員管理システム改修（Java）のご案内",
    """
ご担当者様

平素より大変お世話になっております。
コハクシステムの木村です。

◆案件名：鉄道会社向け 乗務員管理システム改修
◆作業内容：Java、Spring Bootでの詳細設計～単体テスト
◆必須：Java開発経験3年以上
◆尚可：Spring Boot
◆期間：2026年12月中旬～ or １月～
◆場所：上野駅（出社）
◆単価：60～68万
◆精算：140-180h
◆面談：1回
◆商流：1社先まで

よろしくお願いいたします。
""" + SIG_KOHAKU,
    [posting(
        title="鉄道会社向け 乗務員管理システム改修",
        req=["Java", "Spring Boot", "詳細設計", "単体テスト"], years={"Java": 3},
        rate=(600000, 680000), start="2026-12-11", station="上野", remote="onsite",
        settle=(140, 180), interviews=1, chain=1,
    )],
)

mail(
    "job_dates", "late_month", (2026, 11, 20, 11, 50),
    ("株式会社フォレストゲート 石井 大輔", "ishii@example.jp"),
    "【フルリモート】商品検索改善（Python/Django）",
    """
ご担当者様

お世話になっております。
フォレストゲートの石井です。

【案件名】アパレル通販サイト 商品検索改善
【作業内容】Python（Django）による改修
【必須】Python開発経験3年以上、Django
【尚可】Redis
【期間】12月下旬～
【場所】フルリモート
【単価】～75万
【精算】140-180h
【面談】2回

よろしくお願いいたします。
""" + SIG_FOREST,
    [posting(
        title="アパレル通販サイト 商品検索改善",
        req=["Python", "Django"], pref=["Redis"], years={"Python": 3},
        rate=(None, 750000), start="2026-12-21", remote="full", settle=(140, 180),
        interviews=2,
    )],
)

# decision: 「4/1～2028/3末」 (month/day with no year) -> the next April 1st: 2027-04-01.
mail(
    "job_dates", "month_day_slash_to_fiscal_year_end", (2026, 11, 23, 14, 15),
    ("株式会社オレンジフィールド 井上 彩", "inoue@example.jp"),
    "【4月～】学務システム更改／PHP",
    """
お取引先各位

いつもお世話になっております。
オレンジフィールドの井上です。
来年度からの案件となりますが、先行してご案内いたします。

■案件名：大学向け 学務システム更改
■作業内容：基本設計～総合テスト
■スキル：PHP、PostgreSQL
■期間：4/1～2028/3末（延長の可能性あり）
■場所：東京都八王子市（常駐）
■単価：55万～60万
■精算：140-180h
■面談：2回
■人数：3名

よろしくお願いいたします。
""" + SIG_ORANGE,
    [posting(
        title="大学向け 学務システム更改",
        req=["基本設計", "総合テスト", "PHP", "PostgreSQL"], rate=(550000, 600000),
        start="2027-04-01", location="東京都八王子市", remote="onsite", settle=(140, 180),
        interviews=2, headcount=3,
    )],
)

mail(
    "job_dates", "next_month_word", (2026, 11, 25, 16, 20),
    ("ブルーオーシャン・テクノ株式会社 中村 亮", "nakamura@example.jp"),
    "【翌月～】工程管理システム開発（React）",
    """
各位

お世話になっております。
ブルーオーシャン・テクノの中村です。

【案件名】建設会社向け 工程管理システム開発
【作業内容】Reactによる画面開発
【必須】Reactでの開発経験2年以上
【尚可】Next.js
【期間】翌月～長期
【場所】市ケ谷駅（リモート併用）
【単価】60～70万
【精算】140-180h
【面談】1回

よろしくお願いいたします。
""" + SIG_BLUE,
    [posting(
        title="建設会社向け 工程管理システム開発",
        req=["React"], pref=["Next.js"], years={"React": 2}, rate=(600000, 700000),
        start="2026-12-01", station="市ケ谷", remote="hybrid", settle=(140, 180),
        interviews=1,
    )],
)

mail(
    "job_dates", "long_term_alone_is_no_date", (2026, 11, 26, 10, 0),
    ("株式会社ミドリ企画 高橋 由美", "takahashi@example.jp"),
    "統計システムの保守（COBOL）",
    """
ご担当者様

お世話になっております。
ミドリ企画の高橋です。

■案件名：官公庁向け 統計システムの保守
■作業内容：既存システムの保守・改修（COBOL）
■スキル：COBOL経験5年以上
■期間：長期
■場所：霞ケ関駅
■単価：50～55万
■精算：140-180h
■面談：1回
■外国籍：不可

よろしくお願いいたします。
""" + SIG_MIDORI,
    [posting(
        title="官公庁向け 統計システムの保守",
        req=["運用保守", "COBOL"], years={"COBOL": 5}, rate=(500000, 550000),
        station="霞ケ関", settle=(140, 180), interviews=1, foreigners=False,
    )],
)

mail(
    "job_dates", "start_per_headcount", (2026, 11, 27, 9, 45),
    ("株式会社ユニバース・ワークス 森 直樹", "mori@example.jp"),
    "【増員】与信システム開発（Java）1月～",
    """
パートナー企業各位

いつもお世話になっております。
ユニバース・ワークスの森です。
増員のため、下記のとおり募集いたします。

【案件名】カード会社向け 与信システム開発
【作業内容】Java、Oracleを用いた詳細設計～結合テスト
【必須】Java開発経験3年以上、Oracle
【期間】１月～：１名　２月～：２～３名
【場所】新川崎駅
【単価】～65万
【精算】140-180h
【面談】1回

ご提案をお待ちしております。
""" + SIG_UNIVERSE,
    [posting(
        title="カード会社向け 与信システム開発",
        req=["Java", "Oracle", "詳細設計", "結合テスト"], years={"Java": 3},
        rate=(None, 650000), start="2027-01-01", station="新川崎", settle=(140, 180),
        interviews=1, headcount=4,
    )],
)

mail(
    "job_dates", "exact_day_with_end_date", (2026, 11, 30, 13, 30),
    ("株式会社ツバメネクサス 清水 悠", "shimizu@example.jp"),
    "番組編成システム更改（C#）",
    """
ビジネスパートナー各位

いつもお世話になっております。
ツバメネクサスの清水です。

◆案件名：放送局向け 番組編成システム更改
◆作業内容：C#、.NETによる詳細設計～製造
◆必須：C#開発経験3年以上
◆期間：2027年1月4日～2027年3月31日（以降延長予定）
◆場所：赤坂駅（週3出社）
◆単価：65～70万
◆精算：140-180h
◆面談：2回

よろしくお願いいたします。
""" + SIG_TSUBAME,
    [posting(
        title="放送局向け 番組編成システム更改",
        req=["C#", ".NET", "詳細設計", "製造"], years={"C#": 3}, rate=(650000, 700000),
        start="2027-01-04", station="赤坂", remote="hybrid", settle=(140, 180),
        interviews=2,
    )],
)

mail(
    "job_dates", "immediately_to_long_term", (2026, 11, 9, 18, 0),
    ("株式会社カイトブリッジ 山口 恵", "yamaguchi@example.jp"),
    "【即～】物件検索機能追加（PHP/Laravel）",
    """
ご担当者様

お疲れ様です。カイトブリッジの山口です。
急募の案件がございます。

【案件名】不動産ポータル 物件検索機能追加
【作業内容】PHP、Laravelでの改修
【必須】PHP開発経験3年以上、Laravel
【期間】即～長期
【場所】六本木一丁目駅（一部リモート）
【単価】～63万
【精算】140-180h
【面談】1回

ご検討よろしくお願いいたします。
""" + SIG_KITE,
    [posting(
        title="不動産ポータル 物件検索機能追加",
        req=["PHP", "Laravel"], years={"PHP": 3}, rate=(None, 630000), start=MAIL_DATE,
        station="六本木一丁目", remote="hybrid", settle=(140, 180), interviews=1,
    )],
)

# ============================== job_place ==============================
# station: the name without 駅 / line; location: only a plain area (都内, 東京都港区, 大阪市内).

mail(
    "job_place", "station_with_eki_onsite", (2026, 11, 2, 11, 0),
    ("株式会社アサヒデータ 小林 誠", "kobayashi@example.jp"),
    "貿易管理システム追加開発（Java）／水天宮前",
    """
ご担当者様

いつも大変お世話になっております。
アサヒデータの小林でございます。

【案件名】商社向け 貿易管理システム追加開発
【作業内容】Java、Strutsによる詳細設計～単体テスト
【必須】Java開発経験3年以上、Struts
【期間】12月～
【場所】水天宮前駅（常駐）
【単価】60～65万
【精算】140-180h
【面談】1回

何卒よろしくお願い申し上げます。
""" + SIG_ASAHI,
    [posting(
        title="商社向け 貿易管理システム追加開発",
        req=["Java", "Struts", "詳細設計", "単体テスト"], years={"Java": 3},
        rate=(600000, 650000), start="2026-12-01", station="水天宮前", remote="onsite",
        settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_place", "station_without_eki", (2026, 11, 3, 15, 20),
    ("株式会社フォレストゲート 石井 大輔", "ishii@example.jp"),
    "営業店端末の更改（C#）／北千住",
    """
ご担当者様

お世話になっております。
フォレストゲートの石井です。

■案件名：信用金庫向け 営業店端末の更改
■作業内容：C#による詳細設計～結合テスト
■必須：C#開発経験2年以上、SQL
■期間：1月～
■場所：北千住（基本出社）
■単価：～60万
■精算：140-180h
■面談：2回

よろしくお願いいたします。
""" + SIG_FOREST,
    [posting(
        title="信用金庫向け 営業店端末の更改",
        req=["C#", "詳細設計", "結合テスト", "SQL"], years={"C#": 2}, rate=(None, 600000),
        start="2027-01-01", station="北千住", remote="onsite", settle=(140, 180),
        interviews=2,
    )],
)

# decision: 「虎ノ門 or 自宅」 gives the station; the remote style comes from the リモート label.
mail(
    "job_place", "station_or_home", (2026, 11, 4, 9, 0),
    ("株式会社グリーンフィールド 吉田 さくら", "yoshida@example.jp"),
    "配信管理システム開発（Go言語）",
    """
各位

いつもお世話になっております。
グリーンフィールドの吉田です。

【案件名】広告会社向け 配信管理システム開発
【作業内容】Go言語での機能開発、AWS環境の構築
【必須】Go言語での開発経験2年以上、AWS
【期間】12月～
【場所】虎ノ門 or 自宅
【リモート】リモート併用（週2出社）
【単価】70～80万
【精算】140-180h
【面談】1回

よろしくお願いいたします。
""" + SIG_GREEN,
    [posting(
        title="広告会社向け 配信管理システム開発",
        req=["Go", "AWS"], years={"Go": 2}, rate=(700000, 800000), start="2026-12-01",
        station="虎ノ門", remote="hybrid", settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_place", "station_office_and_remote", (2026, 11, 5, 14, 10),
    ("株式会社ツバメネクサス 清水 悠", "shimizu@example.jp"),
    "貨物追跡システム改修（Python）",
    """
ビジネスパートナー各位

お世話になっております。
ツバメネクサスの清水です。

◆案件名：航空貨物会社向け 貨物追跡システム改修
◆作業内容：Python、Flaskによる改修
◆スキル：Python開発経験2年以上、Flask
◆期間：即日～
◆場所：浜松町（出社とリモート併用）
◆単価：～62万
◆精算：140-180h
◆面談：1回

よろしくお願いいたします。
""" + SIG_TSUBAME,
    [posting(
        title="航空貨物会社向け 貨物追跡システム改修",
        req=["Python", "Flask"], years={"Python": 2}, rate=(None, 620000), start=MAIL_DATE,
        station="浜松町", remote="hybrid", settle=(140, 180), interviews=1,
    )],
)

# decision: 「三鷹～ バスで10分」 is a place given by its station: station 三鷹, location null.
mail(
    "job_place", "station_then_bus", (2026, 11, 6, 10, 35),
    ("株式会社サクラリンク 佐藤 健一", "sato@example.jp"),
    "実験データ管理システム開発（Java）／三鷹",
    """
パートナー各位

いつもお世話になっております。
サクラリンクの佐藤です。

・案件名：研究所向け 実験データ管理システム開発
・作業内容：Javaを用いた開発（詳細設計～単体テスト）
・必須スキル：Java開発経験3年以上
・尚可スキル：PostgreSQL
・期間：12月～
・場所：三鷹～ バスで10分（常駐）
・単価：55～60万
・精算：140-180h
・面談：2回
・年齢：45歳まで

よろしくお願いいたします。
""" + SIG_SAKURA,
    [posting(
        title="研究所向け 実験データ管理システム開発",
        req=["Java", "詳細設計", "単体テスト"], pref=["PostgreSQL"], years={"Java": 3},
        rate=(550000, 600000), start="2026-12-01", station="三鷹", remote="onsite",
        settle=(140, 180), interviews=2, age_max=45,
    )],
)

# decision: 「栄駅周辺」 is a place given by its station: station 栄, location null.
mail(
    "job_place", "station_area_plus_telework", (2026, 11, 9, 8, 40),
    ("株式会社カイトブリッジ 山口 恵", "yamaguchi@example.jp"),
    "部品在庫管理システム開発（Java）／栄",
    """
ご担当者様

いつもお世話になっております。
カイトブリッジの山口です。
下記案件をご紹介いたします。

【案件名】自動車関連会社向け 部品在庫管理システム開発
【作業内容】Javaでの基本設計～結合テスト
【必須】Java開発経験3年以上
【尚可】Spring Bootでの開発経験
【期間】1月～
【場所】栄駅周辺＋テレワーク（目安：出社50％／在宅50％）
【単価】50～60万
【精算】140-180h
【面談】1回
【外国籍】不可

よろしくお願いいたします。
""" + SIG_KITE,
    [posting(
        title="自動車関連会社向け 部品在庫管理システム開発",
        req=["Java", "基本設計", "結合テスト"], pref=["Spring Boot"], years={"Java": 3},
        rate=(500000, 600000), start="2027-01-01", station="栄", remote="hybrid",
        settle=(140, 180), interviews=1, foreigners=False,
    )],
)

mail(
    "job_place", "plain_area_tonai_onsite", (2026, 11, 10, 16, 0),
    ("株式会社ミドリ企画 高橋 由美", "takahashi@example.jp"),
    "代理店システム改修（COBOL）／都内",
    """
ご担当者様

お世話になっております。
ミドリ企画の高橋です。

■案件名：保険会社向け 代理店システム改修
■作業内容：COBOLによる改修、単体テスト
■必須：COBOL開発経験3年以上
■期間：12月～
■勤務地：都内（常駐）
■単価：50～58万
■精算：140-180h
■面談：1回

よろしくお願いいたします。
""" + SIG_MIDORI,
    [posting(
        title="保険会社向け 代理店システム改修",
        req=["COBOL", "単体テスト"], years={"COBOL": 3}, rate=(500000, 580000),
        start="2026-12-01", location="都内", remote="onsite", settle=(140, 180),
        interviews=1,
    )],
)

mail(
    "job_place", "plain_area_ward_nice_to_have", (2026, 11, 11, 11, 45),
    ("ナミテック株式会社 松本 聡", "matsumoto@example.jp"),
    "会員サイト刷新（PHP/Laravel）",
    """
パートナー各位

いつもお世話になっております。
ナミテックの松本です。

【案件名】化粧品メーカー向け 会員サイト刷新
【作業内容】PHP、Laravelでの詳細設計～結合テスト
【スキル】
・PHP開発経験3年以上
・Laravel
＜あればなおよし＞
・Vue.js
【期間】1月～
【勤務地】東京都港区
【単価】～70万
【精算】140-180h
【面談】2回

よろしくお願いいたします。
""" + SIG_NAMI,
    [posting(
        title="化粧品メーカー向け 会員サイト刷新",
        req=["PHP", "Laravel", "詳細設計", "結合テスト"], pref=["Vue.js"], years={"PHP": 3},
        rate=(None, 700000), start="2027-01-01", location="東京都港区", settle=(140, 180),
        interviews=2,
    )],
)

mail(
    "job_place", "fully_at_home", (2026, 11, 12, 13, 0),
    ("株式会社オレンジフィールド 井上 彩", "inoue@example.jp"),
    "【完全在宅】入出金明細機能開発（Kotlin）",
    """
お取引先各位

いつもお世話になっております。
オレンジフィールドの井上です。

◆案件名：ネット銀行向け 入出金明細機能開発
◆作業内容：Kotlin、Spring Bootによる開発
◆必須：Kotlin開発経験2年以上、Spring Boot
◆期間：12月～
◆勤務地：完全在宅
◆単価：70～75万
◆精算：140-180h
◆面談：2回
◆外国籍：可（N1以上）

よろしくお願いいたします。
""" + SIG_ORANGE,
    [posting(
        title="ネット銀行向け 入出金明細機能開発",
        req=["Kotlin", "Spring Boot"], years={"Kotlin": 2}, rate=(700000, 750000),
        start="2026-12-01", remote="full", settle=(140, 180), interviews=2,
        foreigners=True, jp="N1",
    )],
)

mail(
    "job_place", "plain_area_osaka_hybrid", (2026, 11, 13, 9, 30),
    ("株式会社オレンジフィールド 井上 彩", "inoue@example.jp"),
    "運賃計算システム改修（Java）／大阪市内",
    """
お取引先各位

いつもお世話になっております。
オレンジフィールドの井上です。
新着の案件をご案内いたします。

【案件名】電鉄会社向け 運賃計算システム改修
【作業内容】Java、Oracleによる改修（詳細設計～結合テスト）
【必須】Java開発経験3年以上、Oracle
【期間】12月～
【場所】大阪市内（週2出社）
【単価】55～62万
【精算】140-180h
【面談】1回

よろしくお願いいたします。
""" + SIG_ORANGE,
    [posting(
        title="電鉄会社向け 運賃計算システム改修",
        req=["Java", "Oracle", "詳細設計", "結合テスト"], years={"Java": 3},
        rate=(550000, 620000), start="2026-12-01", location="大阪市内", remote="hybrid",
        settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_place", "station_with_railway_line", (2026, 11, 16, 15, 15),
    ("株式会社アサヒデータ 小林 誠", "kobayashi@example.jp"),
    "物流センター管理システム開発（C#）／大宮",
    """
ご担当者様

いつも大変お世話になっております。
アサヒデータの小林でございます。

■案件名：流通業向け 物流センター管理システム開発
■作業内容：C#での開発（基本設計～単体テスト）
■必須：C#開発経験3年以上
■期間：1月～
■場所：JR京浜東北線 大宮駅（リモート不可）
■単価：～58万
■精算：140-180h
■面談：1回

何卒よろしくお願い申し上げます。
""" + SIG_ASAHI,
    [posting(
        title="流通業向け 物流センター管理システム開発",
        req=["C#", "基本設計", "単体テスト"], years={"C#": 3}, rate=(None, 580000),
        start="2027-01-01", station="大宮", remote="onsite", settle=(140, 180), interviews=1,
    )],
)

mail(
    "job_place", "two_stations_first_wins", (2026, 11, 17, 10, 50),
    ("株式会社ハヤテシステムズ 伊藤 美咲", "ito@example.jp"),
    "会員管理機能追加（Node.js）",
    """
協力会社各位

お世話になっております。
ハヤテシステムズの伊藤です。

【案件名】音楽配信サービス 会員管理機能追加
【作業内容】Node.js、TypeScriptによる開発
【必須】Node.jsでの開発経験2年以上、TypeScript
【尚可】MongoDB
【期間】12月～
【場所】千代田線／代々木公園駅 または 渋谷駅（週1出社）
【単価】65～75万
【精算】140-180h
【面談】2回

よろしくお願いいたします。
""" + SIG_HAYATE,
    [posting(
        title="音楽配信サービス 会員管理機能追加",
        req=["Node.js", "TypeScript"], pref=["MongoDB"], years={"Node.js": 2},
        rate=(650000, 750000), start="2026-12-01", station="代々木公園", remote="hybrid",
        settle=(140, 180), interviews=2,
    )],
)

# ============================== job_conditions ==============================

mail(
    "job_conditions", "company_limit_freelance_ok_age_range", (2026, 11, 2, 16, 20),
    ("株式会社コハクシステム 木村 拓真", "kimura@example.jp"),
    "管理画面改修（PHP）のご紹介",
    """
ご担当者様

平素より大変お世話になっております。
コハクシステムの木村です。

【案件名】ホテル予約サイト 管理画面改修
【作業内容】PHP、Laravelによる改修
【必須】PHP開発経験2年以上
【期間】12月～
【場所】新宿駅（リモート併用）
【単価】～60万
【精算】140-180h
【面談】1回
【外国籍】不問
【年齢】35歳-45歳まで
【所属】貴社まで（プロパー及びフリーランス可）

よろしくお願いいたします。
""" + SIG_KOHAKU,
    [posting(
        title="ホテル予約サイト 管理画面改修",
        req=["PHP", "Laravel"], years={"PHP": 2}, rate=(None, 600000), start="2026-12-01",
        station="新宿", remote="hybrid", settle=(140, 180), interviews=1, foreigners=True,
        age_max=45, chain=0, freelance=True,
    )],
)

# decision: 「御社プロパー社員でお願い致します」 limits the chain (0) but says nothing explicit
# about freelancers: freelance_ok stays null. 「顧客面談あり」 has no number: interviews null.
mail(
    "job_conditions", "proper_only_nationality_typo", (2026, 11, 4, 13, 0),
    ("ひかりソフトサービス株式会社 林 千尋", "hayashi@example.jp"),
    "保全システム更改（COBOL）",
    """
ご担当者様

いつもお世話になっております。
ひかりソフトサービスの林です。

■案件名：生命保険会社向け 保全システム更改
■作業内容：COBOLによる詳細設計～結合テスト
■必須：COBOL開発経験3年以上
■尚可：Javaの経験
■期間：1月～
■場所：新宿三丁目駅
■単価：55～65万
■精算：140-180h
■面談：顧客面談あり
■外国歴：不可
■年齢：～49歳
■備考：御社プロパー社員でお願い致します

よろしくお願いいたします。
""" + SIG_HIKARI,
    [posting(
        title="生命保険会社向け 保全システム更改",
        req=["COBOL", "詳細設計", "結合テスト"], pref=["Java"], years={"COBOL": 3},
        rate=(550000, 650000), start="2027-01-01", station="新宿三丁目", settle=(140, 180),
        foreigners=False, age_max=49, chain=0,
    )],
)

# decision: 「B  P：不可」 (spaces inside the label) is BP不可 -> max_chain 0.
# decision: 「可（日本語ビジネスレベル以上）」 -> japanese_level "ビジネスレベル"
# (the stated level).
mail(
    "job_conditions", "bp_spaced_label_business_japanese", (2026, 11, 5, 10, 25),
    ("株式会社ユニバース・ワークス 森 直樹", "mori@example.jp"),
    "在庫連携システム開発（Python/AWS）",
    """
パートナー企業各位

いつもお世話になっております。
ユニバース・ワークスの森です。

【案件名】EC事業者向け 在庫連携システム開発
【作業内容】Python、AWS（Lambda）を用いた開発
【必須】Python開発経験3年以上、AWS
【期間】12月～
【場所】汐留駅（週2出社）
【単価】65～75万
【精算】140-180h
【面談】2回
【備考】
B  P：不可
外国籍：可（日本語ビジネスレベル以上）
年齢は30代まで

よろしくお願いいたします。
""" + SIG_UNIVERSE,
    [posting(
        title="EC事業者向け 在庫連携システム開発",
        req=["Python", "AWS", "Lambda"], years={"Python": 3}, rate=(650000, 750000),
        start="2026-12-01", station="汐留", remote="hybrid", settle=(140, 180),
        interviews=2, foreigners=True, age_max=39, jp="ビジネスレベル", chain=0,
    )],
)

mail(
    "job_conditions", "bp_up_to_you_foreigners_ok_age_ng", (2026, 11, 6, 15, 30),
    ("株式会社グリーンフィールド 吉田 さくら", "yoshida@example.jp"),
    "営業支援システム追加開発（Salesforce）",
    """
各位

いつもお世話になっております。
グリーンフィールドの吉田です。

◆案件名：製薬会社向け 営業支援システム追加開発
◆作業内容：Salesforceの開発、基本設計～単体テスト
◆必須：Salesforce開発経験2年以上
◆期間：即日～
◆場所：日本橋駅
◆単価：70～80万
◆精算：140-180h
◆面談：1～2回
◆BP：御社まで
◆国籍：外国人O.K.
◆年齢：45歳以上NG

よろしくお願いいたします。
""" + SIG_GREEN,
    [posting(
        title="製薬会社向け 営業支援システム追加開発",
        req=["Salesforce", "基本設計", "単体テスト"], years={"Salesforce": 2},
        rate=(700000, 800000), start=MAIL_DATE, station="日本橋", settle=(140, 180),
        interviews=2, foreigners=True, age_max=44, chain=0,
    )],
)

mail(
    "job_conditions", "one_company_away_freelance_ok_n2", (2026, 11, 9, 11, 10),
    ("株式会社サクラリンク 佐藤 健一", "sato@example.jp"),
    "倉庫ロボット連携システム開発（C++）",
    """
パートナー各位

いつもお世話になっております。
サクラリンクの佐藤です。

【案件名】物流会社向け 倉庫ロボット連携システム開発
【作業内容】C++による開発（詳細設計～単体テスト）
【必須】C++開発経験3年以上、Linux
【期間】1月～
【場所】船橋駅（常駐）
【単価】60～70万
【精算】140-180h
【面談】2回
【商流】1社先まで（個人事業主可）
【外国籍】可（N2以上）
【年齢】44歳以下

よろしくお願いいたします。
""" + SIG_SAKURA,
    [posting(
        title="物流会社向け 倉庫ロボット連携システム開発",
        req=["C++", "詳細設計", "単体テスト", "Linux"], years={"C++": 3},
        rate=(600000, 700000), start="2027-01-01", station="船橋", remote="onsite",
        settle=(140, 180), interviews=2, foreigners=True, age_max=44, jp="N2", chain=1,
        freelance=True,
    )],
)

mail(
    "job_conditions", "two_companies_away_japanese_only", (2026, 11, 10, 9, 20),
    ("株式会社ソラリス・パートナーズ 渡辺 翔太", "watanabe@example.jp"),
    "決済システム開発（Java/Spring Boot）",
    """
ご担当者様

お世話になっております。
ソラリス・パートナーズの渡辺です。

■案件名：電子マネー事業者向け 決済システム開発
■作業内容：Java、Spring Bootによる開発（基本設計～結合テスト）
■必須：Java開発経験5年以上、Spring Boot
■期間：12月～
■場所：品川駅（週2出社）
■単価：75～85万
■精算：140-180h
■面談：2回（オンライン）
■商流：2社先まで
■国籍：日本人のみ
■年齢：年齢不問

よろしくお願いいたします。
""" + SIG_SOLARIS,
    [posting(
        title="電子マネー事業者向け 決済システム開発",
        req=["Java", "Spring Boot", "基本設計", "結合テスト"], years={"Java": 5},
        rate=(750000, 850000), start="2026-12-01", station="品川", remote="hybrid",
        settle=(140, 180), interviews=2, foreigners=False, chain=2,
    )],
)

mail(
    "job_conditions", "no_subcontracting_headcount_range", (2026, 11, 11, 17, 0),
    ("株式会社フォレストゲート 石井 大輔", "ishii@example.jp"),
    "【2～3名募集】住民情報システム移行（Java）",
    """
ご担当者様

いつもお世話になっております。
フォレストゲートの石井です。

【案件名】自治体向け 住民情報システム移行
【作業内容】移行方式の設計、移行ツールの開発（Java）
【必須】Java開発経験3年以上、SQL
【期間】1月～
【場所】さいたま新都心駅（常駐）
【単価】55～65万
【精算】140-180h
【面談】1回
【募集人数】2〜3名
【備考】再委託不可／フリーランス不可

よろしくお願いいたします。
""" + SIG_FOREST,
    [posting(
        title="自治体向け 住民情報システム移行",
        req=["Java", "SQL"], years={"Java": 3}, rate=(550000, 650000), start="2027-01-01",
        station="さいたま新都心", remote="onsite", settle=(140, 180), interviews=1,
        chain=0, freelance=False, headcount=3,
    )],
)

mail(
    "job_conditions", "interview_count_inside_remarks", (2026, 11, 12, 14, 45),
    ("株式会社ミドリ企画 高橋 由美", "takahashi@example.jp"),
    "ポイント管理システム改修（Java）",
    """
ご担当者様

お世話になっております。
ミドリ企画の高橋です。

・案件名：百貨店向け ポイント管理システム改修
・作業内容：Java、JavaScriptによる改修
・必須：Java開発経験2年以上、JavaScript
・期間：12月～
・場所：銀座駅（リモート併用）
・単価：～58万
・精算：140-180h
・商流：エンド→元請→弊社
・備考：面談1回、個人事業主不可、勤怠良好な方

よろしくお願いいたします。
""" + SIG_MIDORI,
    [posting(
        title="百貨店向け ポイント管理システム改修",
        req=["Java", "JavaScript"], years={"Java": 2}, rate=(None, 580000),
        start="2026-12-01", station="銀座", remote="hybrid", settle=(140, 180),
        interviews=1, freelance=False,
    )],
)

mail(
    "job_conditions", "own_employees_foreigners_welcome_in_remarks", (2026, 11, 13, 12, 0),
    ("ブルーオーシャン・テクノ株式会社 中村 亮", "nakamura@example.jp"),
    "オンライン学習サイト改修（Ruby）",
    """
各位

お世話になっております。
ブルーオーシャン・テクノの中村です。

【案件名】教育サービス向け オンライン学習サイト改修
【作業内容】Rubyによる機能追加
【必須】Ruby開発経験2年以上
【尚可】Vue.js
【期間】1月～
【場所】フルリモート
【単価】60～70万
【精算】140-180h
【面談】2回
【備考】
貴社社員まで
※外国人大丈夫です。
50歳まで

よろしくお願いいたします。
""" + SIG_BLUE,
    [posting(
        title="教育サービス向け オンライン学習サイト改修",
        req=["Ruby"], pref=["Vue.js"], years={"Ruby": 2}, rate=(600000, 700000),
        start="2027-01-01", remote="full", settle=(140, 180), interviews=2,
        foreigners=True, age_max=50, chain=0,
    )],
)

# ============================== job_multi ==============================

mail(
    "job_multi", "two_jobs_circled_numbers", (2026, 11, 16, 9, 0),
    ("株式会社ユニバース・ワークス 森 直樹", "mori@example.jp"),
    "【案件2件】新着案件のご紹介",
    """
パートナー企業各位

お世話になっております。
株式会社ユニバース・ワークスの森です。
本日は下記2件の案件をご紹介いたします。

━━━━━━━━━━━━━━━━━━━━
案件①
━━━━━━━━━━━━━━━━━━━━
【案件名】不動産会社向け 契約書管理システム開発
【作業内容】Java、Spring Bootでの詳細設計～結合テスト
【必須】Java開発経験3年以上
【尚可】AWS
【期間】12月～
【場所】目黒駅（週2出社）
【単価】60～70万
【精算】140-180h
【面談】1回
【外国籍】不可

━━━━━━━━━━━━━━━━━━━━
案件②
━━━━━━━━━━━━━━━━━━━━
【案件名】通販会社向け 商品管理画面改修
【作業内容】PHPによる画面改修、単体テスト
【必須】PHP開発経験2年以上、MySQL
【期間】即日～
【場所】フルリモート
【単価】～55万
【精算】160-200h
【面談】2回
【外国籍】可

以上、ご提案をお待ちしております。
""" + SIG_UNIVERSE,
    [
        posting(
            title="不動産会社向け 契約書管理システム開発",
            req=["Java", "Spring Boot", "詳細設計", "結合テスト"], pref=["AWS"],
            years={"Java": 3}, rate=(600000, 700000), start="2026-12-01", station="目黒",
            remote="hybrid", settle=(140, 180), interviews=1, foreigners=False,
        ),
        posting(
            title="通販会社向け 商品管理画面改修",
            req=["PHP", "単体テスト", "MySQL"], years={"PHP": 2}, rate=(None, 550000),
            start=MAIL_DATE, remote="full", settle=(160, 200), interviews=2, foreigners=True,
        ),
    ],
)

# The list at the top only names the three 案件; it is not a posting of its own.
mail(
    "job_multi", "index_then_three_jobs", (2026, 11, 18, 8, 0),
    ("株式会社グリーンフィールド 吉田 さくら", "yoshida@example.jp"),
    "【案件情報】本日の新着案件3件",
    """
各位

いつもお世話になっております。
株式会社グリーンフィールドの吉田です。
本日の新着案件をお送りします。

■本日の案件一覧
　案件1：銀行向け 外為システム更改
　案件2：小売チェーン向け 店舗発注システム開発
　案件3：自治体向け 電子申請システム保守

━━━━━━━━━━━━━━━━━━━━━━
■案件1
━━━━━━━━━━━━━━━━━━━━━━
案件名：銀行向け 外為システム更改
作業内容：COBOL、Javaによる基本設計～結合テスト
必須スキル：COBOL開発経験5年以上、Java
期間：1月～
場所：大手町駅（常駐）
単価：65～75万
精算：140-180h
面談：2回
外国籍：不可
年齢：50歳まで

━━━━━━━━━━━━━━━━━━━━━━
■案件2
━━━━━━━━━━━━━━━━━━━━━━
案件名：小売チェーン向け 店舗発注システム開発
作業内容：Java、Spring Boot、Reactによる開発（詳細設計～単体テスト）
必須スキル：Java開発経験3年以上、React
尚可スキル：Docker、Kubernetes
期間：12月～
場所：中野駅（リモート併用）
単価：～68万
精算：140-180h
面談：1回
人数：2名

━━━━━━━━━━━━━━━━━━━━━━
■案件3
━━━━━━━━━━━━━━━━━━━━━━
案件名：自治体向け 電子申請システム保守
作業内容：既存システムの保守、問い合わせ対応
必須スキル：Java、Oracle、Linux
期間：即日～
場所：東京都立川市（常駐）
単価：50～55万
精算：固定
面談：1回
商流：2社先まで

ご検討のほど、よろしくお願いいたします。
""" + SIG_GREEN,
    [
        posting(
            title="銀行向け 外為システム更改",
            req=["COBOL", "Java", "基本設計", "結合テスト"], years={"COBOL": 5},
            rate=(650000, 750000), start="2027-01-01", station="大手町", remote="onsite",
            settle=(140, 180), interviews=2, foreigners=False, age_max=50,
        ),
        posting(
            title="小売チェーン向け 店舗発注システム開発",
            req=["Java", "Spring Boot", "React", "詳細設計", "単体テスト"],
            pref=["Docker", "Kubernetes"], years={"Java": 3}, rate=(None, 680000),
            start="2026-12-01", station="中野", remote="hybrid", settle=(140, 180),
            interviews=1, headcount=2,
        ),
        posting(
            title="自治体向け 電子申請システム保守",
            req=["運用保守", "Java", "Oracle", "Linux"], rate=(500000, 550000),
            start=MAIL_DATE, location="東京都立川市", remote="onsite", interviews=1,
            chain=2,
        ),
    ],
)

# decision (docs/fields.md "values common to the mail are used only when the posting says
# nothing of its own"): No.1 has no 期間, so it takes the subject's 【12月～開始】; No.2 keeps
# its own 1月～.
mail(
    "job_multi", "numbered_no1_no2_subject_start_shared", (2026, 11, 20, 10, 0),
    ("株式会社ツバメネクサス 清水 悠", "shimizu@example.jp"),
    "【12月～開始】案件2件のご紹介",
    """
ビジネスパートナー各位

いつもお世話になっております。
ツバメネクサスの清水です。
下記2件、要員を募集しております。

No.1
【案件名】旅行会社向け 予約管理システム改修
【作業内容】C#による詳細設計～単体テスト
【必須】C#開発経験3年以上
【場所】西船橋駅
【単価】55～60万
【精算】140-180h
【面談】1回

No.2
【案件名】保険会社向け 代理店ポータル開発
【作業内容】TypeScript、Angularによる開発
【必須】TypeScriptでの開発経験2年以上、Angular
【期間】1月～
【場所】東京駅（週3出社）
【単価】65～72万
【精算】140-180h
【面談】2回

よろしくお願いいたします。
""" + SIG_TSUBAME,
    [
        posting(
            title="旅行会社向け 予約管理システム改修",
            req=["C#", "詳細設計", "単体テスト"], years={"C#": 3}, rate=(550000, 600000),
            start="2026-12-01", station="西船橋", settle=(140, 180), interviews=1,
        ),
        posting(
            title="保険会社向け 代理店ポータル開発",
            req=["TypeScript", "Angular"], years={"TypeScript": 2}, rate=(650000, 720000),
            start="2027-01-01", station="東京", remote="hybrid", settle=(140, 180),
            interviews=2,
        ),
    ],
)

# ============================== job_flat ==============================
# HTML mails flattened to one long line: every label on the same line. base64 so that the
# 8bit line-length limit (998 octets) does not apply.

mail(
    "job_flat", "one_line_bracket_labels", (2026, 11, 19, 12, 0),
    ("株式会社ハヤテシステムズ 伊藤 美咲", "ito@example.jp"),
    "【案件】事故受付システム改修（Java）",
    "パートナー各位 いつもお世話になっております。株式会社ハヤテシステムズの伊藤です。"
    "下記案件のご紹介です。 "
    "【案件名】保険会社向け 事故受付システム改修 "
    "【作業内容】Java、Spring Bootによる詳細設計～結合テスト "
    "【必須スキル】・Java開発経験4年以上 ・Oracle "
    "【尚可スキル】・Jenkins ・Git "
    "【期間】12月～長期 "
    "【場所】竹橋駅（リモート併用：週2出社） "
    "【単価】60～68万円（スキル見合い） "
    "【精算】140-180h "
    "【面談】1回（弊社同席） "
    "【商流】エンド→元請→弊社 "
    "【外国籍】不可 "
    "【年齢】45歳まで "
    "【備考】貴社社員まで（個人事業主不可） "
    "以上、よろしくお願いいたします。 "
    "株式会社ハヤテシステムズ 営業推進部 伊藤 美咲 TEL：03-4321-8765 携帯：090-1234-5678 "
    "派13-314863 E-mail：ito@example.jp",
    [posting(
        title="保険会社向け 事故受付システム改修",
        req=["Java", "Spring Boot", "詳細設計", "結合テスト", "Oracle"],
        pref=["Jenkins", "Git"], years={"Java": 4}, rate=(600000, 680000), neg=True,
        start="2026-12-01", station="竹橋", remote="hybrid", settle=(140, 180),
        interviews=1, foreigners=False, age_max=45, chain=0, freelance=False,
    )],
    cte="base64",
)

mail(
    "job_flat", "one_line_square_labels_with_subheadings", (2026, 11, 25, 19, 5),
    ("株式会社ステラ・コネクト 山本 拓也", "yamamoto@example.com"),
    "予約アプリ改修（Flutter）",
    "ご担当者様　お世話になっております。株式会社ステラ・コネクトの山本です。"
    "下記案件のご紹介です。　"
    "■案件名：カーシェア事業者向け 予約アプリ改修　"
    "■内容：Flutterによる改修（詳細設計～単体テスト）　"
    "■スキル：＜必須＞Flutter開発経験2年以上、Git　＜尚可＞Kotlin、Swift　"
    "■期間：即日～　"
    "■場所：品川駅（基本テレワーク）　"
    "■単価：～70万　"
    "■精算：140-180h　"
    "■面談：2回　"
    "■人数：1名　"
    "■外国籍：不可　"
    "ご検討よろしくお願いいたします。　"
    "株式会社ステラ・コネクト　山本 拓也　TEL 03-2468-1357　FAX 03-2468-1358　"
    "yamamoto@example.com",
    [posting(
        title="カーシェア事業者向け 予約アプリ改修",
        req=["Flutter", "詳細設計", "単体テスト", "Git"], pref=["Kotlin", "Swift"],
        years={"Flutter": 2}, rate=(None, 700000), start=MAIL_DATE, station="品川",
        remote="full", settle=(140, 180), interviews=2, foreigners=False, headcount=1,
    )],
    cte="base64",
)

# ============================== job_subject ==============================
# The data is only in the subject; the body is a greeting and a signature. title = the subject
# with its 【…】 / […] tags removed.

mail(
    "job_subject", "urgent_php_shibuya", (2026, 11, 20, 18, 30),
    ("株式会社フォレストゲート 石井 大輔", "ishii@example.jp"),
    "【急募】PHP/渋谷/～60万/1月～",
    """
ご担当者様

お世話になっております。
株式会社フォレストゲートの石井です。

件名の案件について、ご提案可能な方がいらっしゃいましたら
スキルシートを添えてご連絡ください。

どうぞよろしくお願いいたします。
""" + SIG_FOREST,
    [posting(
        title="PHP/渋谷/～60万/1月～",
        req=["PHP"], rate=(None, 600000), start="2027-01-01", station="渋谷",
    )],
)

mail(
    "job_subject", "python_aws_full_remote", (2026, 11, 24, 9, 15),
    ("株式会社カイトブリッジ 山口 恵", "yamaguchi@example.jp"),
    "【案件】Python・AWS／フルリモート／～65万／即日～",
    """
ご担当者様

いつもお世話になっております。
カイトブリッジの山口です。

件名の案件にて、ご紹介いただける方を募集しております。
詳細はお問い合わせいただければご説明いたします。

よろしくお願いいたします。
""" + SIG_KITE,
    [posting(
        title="Python・AWS／フルリモート／～65万／即日～",
        req=["Python", "AWS"], rate=(None, 650000), start=MAIL_DATE, remote="full",
    )],
)

mail(
    "job_subject", "square_bracket_tag_csharp", (2026, 11, 26, 13, 45),
    ("ナミテック株式会社 松本 聡", "matsumoto@example.jp"),
    "[案件] C#/.NET/大手町駅/60～70万/12月～/面談1回",
    """
パートナー各位

いつもお世話になっております。
ナミテックの松本です。

件名のとおり、要員を募集しております。
お心当たりがございましたらご連絡をお願いいたします。
""" + SIG_NAMI,
    [posting(
        title="C#/.NET/大手町駅/60～70万/12月～/面談1回",
        req=["C#", ".NET"], rate=(600000, 700000), start="2026-12-01", station="大手町",
        interviews=1,
    )],
)


def build(mail: dict) -> tuple[bytes, dict]:
    when = datetime(*mail["date"], tzinfo=JST)
    folder, name = mail["folder"], mail["name"]
    # short enough that the header is never folded; stable across runs and reorderings
    msgid = f"{when:%Y%m%d%H%M%S}.{zlib.crc32(f'{folder}/{name}'.encode()):08x}@example.jp"

    msg = EmailMessage(policy=policy.SMTP)
    display, addr = mail["sender"]
    msg["From"] = Address(display_name=display, addr_spec=addr)
    to_display, to_addr = mail.get("to", ("", "partners@example.com"))
    msg["To"] = Address(display_name=to_display, addr_spec=to_addr)
    msg["Subject"] = mail["subject"]
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = f"<{msgid}>"
    body = mail["body"].strip("\n") + "\n"
    msg.set_content(body, charset="utf-8", cte=mail.get("cte", "8bit"))
    raw = msg.as_bytes(policy=policy.SMTP)

    postings = []
    for p in mail["postings"]:
        p = dict(p)
        if p["start"] == MAIL_DATE:
            p["start"] = when.date().isoformat()
        postings.append(p)
    expected = {
        "message_id": msgid,
        "subject": mail["subject"],
        "kind": "job",
        "defects": [],
        "postings": postings,
    }
    return raw, expected


def main() -> None:
    seen = set()
    for mail in MAILS:
        key = (mail["folder"], mail["name"])
        assert key not in seen, key
        seen.add(key)
        raw, expected = build(mail)
        folder = OUT / mail["folder"]
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{mail['name']}.eml").write_bytes(raw)
        (folder / f"{mail['name']}.expected.json").write_text(
            json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
        )
    print(f"wrote {len(MAILS)} mails under {OUT}")


if __name__ == "__main__":
    main()
