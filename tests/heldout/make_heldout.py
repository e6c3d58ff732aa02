#!/usr/bin/env python3
"""Generate the held-out evaluation set for hayaoshi.

Every mail and every expected value below is written by hand (the annotator's
decision, following docs/fields.md); nothing here runs the extractor.

    python3 tests/heldout/make_heldout.py          # (re)write the .eml / .expected.json files
    python3 tests/heldout/make_heldout.py --check  # only validate what is on disk
"""
import json
import re
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from email import charset as email_charset
from email import message_from_bytes, policy
from email.header import Header
from email.mime.application import MIMEApplication
from email.mime.multipart import MIMEMultipart
from email.mime.text import MIMEText
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
JST = timezone(timedelta(hours=9))

CORE_SKILLS = [
    "Java", "JavaScript", "TypeScript", "Python", "PHP", "Ruby", "Go", "C", "C++", "C#", "VB.NET", "VBA",
    "Kotlin", "Swift", "Scala", "COBOL", "RPG", "PL/SQL", "SQL", "HTML", "CSS", "Shell",
    "Spring", "Spring Boot", "Struts", "Laravel", "CakePHP", "Django", "Flask", "FastAPI", "Ruby on Rails",
    "React", "Vue.js", "Angular", "Next.js", "Node.js", "jQuery", "ASP.NET", ".NET", "Flutter", "Unity",
    "PostgreSQL", "MySQL", "Oracle", "SQL Server", "MongoDB", "Redis", "DB2",
    "AWS", "EC2", "S3", "Lambda", "Azure", "GCP",
    "Linux", "Windows Server", "UNIX", "AIX",
    "Docker", "Kubernetes", "Terraform", "Ansible", "Git", "Jenkins", "GitHub Actions",
    "SAP", "Salesforce", "ServiceNow",
    "Cisco", "Apache", "Tomcat", "Nginx", "WebLogic", "JP1",
    "要件定義", "基本設計", "詳細設計", "製造", "単体テスト", "結合テスト", "総合テスト", "テスト", "運用保守",
    "PM", "PMO", "PL", "SE", "PG",
]

KEYS = ["kind", "title", "skills", "required_skills", "preferred_skills", "skill_years", "rate_min",
        "rate_max", "rate_negotiable", "start", "station", "location", "remote", "settlement_hours",
        "interviews", "foreigners_ok", "age_max", "age", "gender", "nationality", "japanese_level",
        "employment", "max_chain", "freelance_ok", "headcount"]


def _base(kind):
    return {k: None for k in KEYS} | {
        "kind": kind, "skills": [], "required_skills": [], "preferred_skills": [],
        "skill_years": {}, "rate_negotiable": False}


def job(required, preferred=(), **kw):
    p = _base("job")
    p["required_skills"] = list(required)
    p["preferred_skills"] = [s for s in preferred if s not in required]
    p["skills"] = list(required) + p["preferred_skills"]
    for k, v in kw.items():
        assert k in KEYS, k
        p[k] = v
    p["skill_years"] = {k: float(v) for k, v in p["skill_years"].items()}
    return p


def talent(skills, **kw):
    p = _base("talent")
    p["skills"] = list(skills)
    for k, v in kw.items():
        assert k in KEYS, k
        p[k] = v
    p["skill_years"] = {k: float(v) for k, v in p["skill_years"].items()}
    return p


def sig(company, name, dept="営業部", zipc="", addr="", tel="", fax="", mail="", lic="", url="", bar="━"):
    line = bar * 28
    out = [line, company, f"{dept}　{name}" if dept else name]
    if zipc:
        out.append(f"〒{zipc}　{addr}")
    if tel:
        out.append(f"TEL：{tel}" + (f"　FAX：{fax}" if fax else ""))
    if mail:
        out.append(f"Mail：{mail}")
    if url:
        out.append(f"URL：{url}")
    if lic:
        out.append(lic)
    out.append(line)
    return "\n".join(out)


MAILS = []


def mail(name, kind, subject, body, frm, date, postings, to="partners@example.jp", fmt="b64",
         html=None, attach=None):
    MAILS.append(dict(name=name, kind=kind, subject=subject, body=body, frm=frm, date=date,
                      postings=postings, to=to, fmt=fmt, html=html, attach=attach))


def d(day, hh, mm):
    return datetime(2026, 11, day, hh, mm, tzinfo=JST)


# --------------------------------------------------------------------------------------------
# JOB mails (20)
# --------------------------------------------------------------------------------------------

mail("job_full_labels_bracket", "job",
     "【案件のご紹介】物流会社向け 配送管理システム刷新（Java/品川）",
     """パートナー企業各位

いつも大変お世話になっております。
株式会社ミナトテックの高橋でございます。

下記案件の要員を募集しております。
ご提案いただける方がいらっしゃいましたら、スキルシートを添付の上ご連絡ください。

━━━━━━━━━━━━━━━━━━━━━━━━━━━━
【案件名】物流会社向け 配送管理システム刷新
【作業内容】
大手物流会社様の配送管理システムを全面的に刷新するプロジェクトです。
現行システムの仕様を読み解きながら、新システムの詳細設計～単体テストまでを
ご担当いただきます。配送計画・車両割当の機能が中心で、既存チーム（8名）の
一員として、Java（Spring Boot）による製造を進めていただきます。
画面側は別チームが担当しております。
【必須スキル】
・Java開発経験3年以上
・Spring Bootを用いた開発経験
・SQLを用いた開発経験
【尚可スキル】
・AWSでの開発経験
・PostgreSQLの利用経験
【期間】12月～長期
【場所】品川駅（リモート併用：週2出社）
【単価】60～70万円（スキル見合い）
【精算】140-180h
【面談】1回（オンライン）
【人数】2名
【商流】エンド→元請→弊社
【外国籍】不可
【年齢】45歳まで
【備考】貴社社員まで（個人事業主不可）
━━━━━━━━━━━━━━━━━━━━━━━━━━━━

ご提案の際は、所属・最寄駅・稼働開始日・並行状況を併せてお知らせください。
何卒よろしくお願い申し上げます。

""" + sig("株式会社ミナトテック", "高橋 誠", "営業本部", "105-0013", "東京都港区浜松町2-4-1 ミナトビル5F",
          "03-5412-7788", "03-5412-7789", "takahashi.minato@example.jp", "労働者派遣事業許可番号 派13-314863"),
     ("高橋 誠", "takahashi.minato@example.jp"), d(2, 9, 12),
     [job(["Java", "Spring Boot", "詳細設計", "単体テスト", "製造", "SQL"], ["AWS", "PostgreSQL"],
          title="物流会社向け 配送管理システム刷新", skill_years={"Java": 3},
          rate_min=600000, rate_max=700000, rate_negotiable=True, start="2026-12-01",
          station="品川", remote="hybrid", settlement_hours=[140, 180], interviews=1,
          foreigners_ok=False, age_max=45, max_chain=0, freelance_ok=False, headcount=2)])

mail("job_terse_labels", "job",
     "【案件】PHP/Laravel 求人サイト改修 12月～",
     """お世話になっております。ハルカゼの木村です。
案件共有です。

案件名：求人サイト改修
スキル：PHP、Laravel、MySQL
単価：～58万円
場所：渋谷（フルリモート可）
開始：12月～
面談：1回

よろしくお願いします。

--
株式会社ハルカゼ 木村
TEL 03-6455-2210 / kimura.harukaze@example.jp
""",
     ("木村 亮", "kimura.harukaze@example.jp"), d(2, 10, 40),
     [job(["PHP", "Laravel", "MySQL"], title="求人サイト改修", rate_max=580000,
          start="2026-12-01", station="渋谷", remote="full", interviews=1)], fmt="8bit")

mail("job_subject_only", "job",
     "【急募】Python/Django/新宿駅/～65万/即日～/面談1回",
     """各位

お世話になっております。
株式会社アオバソリューション営業部の佐々木です。

件名の案件にてご提案可能な方がいらっしゃいましたら
スキルシートを添付の上、ご返信いただけますと幸いです。

何卒よろしくお願い申し上げます。

""" + sig("株式会社アオバソリューション", "佐々木 美穂", "営業部", "160-0023", "東京都新宿区西新宿7-10-3 第2アオバビル3F",
          "03-3365-4402", "", "sasaki.aoba@example.jp", "派13-305517", "https://www.example.jp/aoba", bar="-"),
     ("佐々木 美穂", "sasaki.aoba@example.jp"), d(2, 15, 55),
     [job(["Python", "Django"], title="Python/Django/新宿駅/～65万/即日～/面談1回",
          rate_max=650000, start="2026-11-02", station="新宿", interviews=1)])

mail("job_fullwidth_padded_typos", "job",
     "【案件】C#/大手町/65～72万/12月～",
     """協力会社各位

お世話になっております。
株式会社サクラシステムズ　営業部の佐藤でございます。

下記案件につきまして、要員を募集しております。

・案 件 名　：　保険会社向け　契約管理システム改修
・作業内容　：　既存システムの改修に伴う基本設計～結合テスト
・必須スキル：　Ｃ＃での開発経験（３年以上）
　　　　　　　　ＳＱＬ　Ｓｅｒｖｅｒを用いた開発経験
・尚　　可　：　Ａｚｕｒｅの利用経験
・期　　間　：　１２月～長期
・場　　所　：　大手町駅
・単　　金　：　６５万～７２万
・清　　算　：　１４０ｈ～１８０ｈ
・面　　談　：　２回（弊社＋企業様）
・外国歴　　：　不可
・年　　齢　：　～４９歳
・人　　数　：　１名

以上、よろしくお願いいたします。

""" + sig("株式会社サクラシステムズ", "佐藤 健", "営業部", "101-0047", "東京都千代田区内神田1-8-2 サクラビル4F",
          "03-3254-1190", "03-3254-1191", "sato.sakura@example.jp", "派13-308842"),
     ("佐藤 健", "sato.sakura@example.jp"), d(4, 11, 3),
     [job(["C#", "基本設計", "結合テスト", "SQL Server"], ["Azure"],
          title="保険会社向け　契約管理システム改修", skill_years={"C#": 3},
          rate_min=650000, rate_max=720000, start="2026-12-01", station="大手町",
          settlement_hours=[140, 180], interviews=2, foreigners_ok=False, age_max=49, headcount=1)],
     fmt="qp")

mail("job_values_next_line", "job",
     "案件のご紹介：小売業向け 基幹システム移行（COBOL→Java）",
     """ご担当者様

いつもお世話になっております。
株式会社コダマ情報の渡辺です。

下記案件のご紹介です。ご検討のほどよろしくお願いいたします。

■案件名
　小売業向け 基幹システム移行支援

■作業内容
　現行のCOBOL資産をJavaへ移行するプロジェクトにおいて、
　移行方式の検討および詳細設計、製造、単体テストをご担当いただきます。

■必須スキル
　・COBOLでの開発経験（5年以上）
　・Javaでの開発経験
■尚可スキル
　・Oracleでの開発経験
　・Linux環境での作業経験
■期間
　2027年1月～長期
■勤務地
　東京都江東区（常駐）
■単価
　～75万
■精算
　固定
■面談
　1～2回
■商流
　1社先まで
■備考
　外国籍不可、50代前半まで

""" + sig("株式会社コダマ情報", "渡辺 大輔", "ビジネス推進部", "135-0016", "東京都江東区東陽4-2-9",
          "03-5633-0120", "", "watanabe.kodama@example.jp", "労働者派遣事業 派13-311078"),
     ("渡辺 大輔", "watanabe.kodama@example.jp"), d(4, 14, 20),
     [job(["COBOL", "Java", "詳細設計", "製造", "単体テスト"], ["Oracle", "Linux"],
          title="小売業向け 基幹システム移行支援", skill_years={"COBOL": 5},
          rate_max=750000, start="2027-01-01", location="東京都江東区", remote="onsite",
          interviews=2, foreigners_ok=False, age_max=54, max_chain=1)])

mail("job_two_circled_numbers", "job",
     "【案件情報】2件のご案内（証券・自治体）",
     """パートナー各位

お世話になっております。ツバサ技研の中村です。
現在募集中の案件を2件ご案内いたします。
※2件とも貴社社員までとさせていただきます。

①【案件名】証券会社向け 顧客管理システム追加開発
　【内容】Java（Spring）を用いた基本設計～結合テスト
　【必須】Java経験5年以上、基本設計の経験
　【尚可】リーダー経験
　【期間】12月～
　【場所】茅場町駅（基本出社）
　【単価】70～80万
　【精算】140-180h
　【面談】2回
　【外国籍】不可

②【案件名】自治体向け 申請受付システム 運用保守
　【内容】稼働中システムの運用保守、問い合わせ対応、軽微な改修
　【必須】PHP経験2年以上、Linuxの基本操作
　【尚可】Shellでのツール作成経験
　【期間】即日～長期
　【場所】都内（リモート併用）
　【単価】～55万
　【精算】140-180h
　【面談】1回
　【外国籍】可（N1以上）
　【人数】2名

ご提案お待ちしております。

""" + sig("株式会社ツバサ技研", "中村 翔", "営業グループ", "220-0011", "神奈川県横浜市西区高島2-6-32 横浜東口ビル7F",
          "045-441-2875", "045-441-2876", "nakamura.tsubasa@example.jp", "派14-302219"),
     ("中村 翔", "nakamura.tsubasa@example.jp"), d(5, 9, 30),
     [job(["Java", "Spring", "基本設計", "結合テスト"], ["PL"],
          title="証券会社向け 顧客管理システム追加開発", skill_years={"Java": 5},
          rate_min=700000, rate_max=800000, start="2026-12-01", station="茅場町", remote="onsite",
          settlement_hours=[140, 180], interviews=2, foreigners_ok=False, max_chain=0),
      job(["運用保守", "PHP", "Linux"], ["Shell"],
          title="自治体向け 申請受付システム 運用保守", skill_years={"PHP": 2},
          rate_max=550000, start="2026-11-05", location="都内", remote="hybrid",
          settlement_hours=[140, 180], interviews=1, foreigners_ok=True, japanese_level="N1",
          max_chain=0, headcount=2)])

mail("job_three_no_numbered", "job",
     "【案件情報】3件のご案内（11/5配信）",
     """BP各位

お疲れ様です。株式会社サクラシステムズの佐藤です。
本日の案件情報をお送りいたします。

━━━━━━━━━━━━━━━━━━━━━━
No.1
━━━━━━━━━━━━━━━━━━━━━━
案件名　：通販サイト リニューアル
概要　　：React、TypeScriptを用いた画面開発
必須　　：React実務経験2年以上／TypeScript
尚可　　：Next.js
場所　　：恵比寿駅 or 自宅
期間　　：1月～
単価　　：MAX68万
精算　　：140～180h
面談　　：1回
外国籍　：NG
━━━━━━━━━━━━━━━━━━━━━━
No.2
━━━━━━━━━━━━━━━━━━━━━━
案件名　：動画配信サービス 管理画面開発
概要　　：Ruby（Ruby on Rails）による管理画面の追加機能開発
必須　　：Ruby on Rails開発経験3年以上
尚可　　：AWS(EC2/S3)、Docker
場所　　：フルリモート
期間　　：12月～
単価　　：60～65万
精算　　：精算確認中
面談　　：2回
外国籍　：不可
━━━━━━━━━━━━━━━━━━━━━━
No.3
━━━━━━━━━━━━━━━━━━━━━━
案件名　：社内SE（情報システム部門）
概要　　：社内システムの運用保守および利用部門からの問い合わせ対応
必須　　：Windows Serverの運用経験、Linuxの基本操作
場所　　：横浜駅（常駐）
期間　　：即日
単価　　：45万円MAX
精算　　：固定
面談　　：1回（弊社同席）
年齢　　：35歳-45歳まで
━━━━━━━━━━━━━━━━━━━━━━

以上3件、よろしくお願いいたします。

""" + sig("株式会社サクラシステムズ", "佐藤 健", "営業部", "101-0047", "東京都千代田区内神田1-8-2 サクラビル4F",
          "03-3254-1190", "03-3254-1191", "sato.sakura@example.jp", "派13-308842"),
     ("佐藤 健", "sato.sakura@example.jp"), d(5, 16, 45),
     [job(["React", "TypeScript"], ["Next.js"], title="通販サイト リニューアル",
          skill_years={"React": 2}, rate_max=680000, start="2027-01-01", station="恵比寿",
          settlement_hours=[140, 180], interviews=1, foreigners_ok=False),
      job(["Ruby", "Ruby on Rails"], ["AWS", "EC2", "S3", "Docker"], title="動画配信サービス 管理画面開発",
          skill_years={"Ruby on Rails": 3}, rate_min=600000, rate_max=650000, start="2026-12-01",
          remote="full", interviews=2, foreigners_ok=False),
      job(["SE", "運用保守", "Windows Server", "Linux"], title="社内SE（情報システム部門）",
          rate_max=450000, start="2026-11-05", station="横浜", remote="onsite", interviews=1,
          age_max=45)],
     fmt="8bit")

mail("job_angle_sublists", "job",
     "【案件】Python 連携基盤構築／大手町／66～72万",
     """お世話になっております。
株式会社イロドリの小林でございます。

標題の件、下記にてご紹介させていただきます。

【案件名】
金融機関向け データ連携基盤構築
【業務内容】
各システム間のデータ連携処理の設計・製造・テストをご担当いただきます。
Pythonを用いた連携処理の開発が中心となります。
【スキル】
＜必須＞
・Pythonでの開発経験（3年以上）
・SQLでのデータ抽出経験
・Linuxの基本操作
＜尚可＞
・AWS（Lambda、S3）の利用経験
・Terraformの利用経験
＜あればなおよし＞
・金融機関でのご経験
【開始時期】2026年12月中旬～ or １月～
【勤務地】大手町駅周辺＋テレワーク（目安：出社50％／在宅50％）
【単価】66～72万
【精算幅】140h～180h
【面談回数】一回
【外国籍】不可
【年齢】年齢不問
【所属】BP：御社まで
【募集人数】1名

ご不明点はお気軽にお問い合わせください。

""" + sig("株式会社イロドリ", "小林 健太", "営業部 第二課", "150-0002", "東京都渋谷区渋谷3-12-18 イロドリ渋谷ビル6F",
          "03-6427-3310", "", "kobayashi.irodori@example.jp", "派13-316024"),
     ("小林 健太", "kobayashi.irodori@example.jp"), d(6, 10, 5),
     [job(["製造", "テスト", "Python", "SQL", "Linux"], ["AWS", "Lambda", "S3", "Terraform"],
          title="金融機関向け データ連携基盤構築", skill_years={"Python": 3},
          rate_min=660000, rate_max=720000, start="2026-12-11", station="大手町", remote="hybrid",
          settlement_hours=[140, 180], interviews=1, foreigners_ok=False, max_chain=0, headcount=1)])

_long = ("お世話になっております。株式会社コダマ情報の渡辺です。下記案件をご紹介いたします。"
         "【案件名】製薬会社向け 営業支援システム構築【作業内容】Salesforceの要件定義～基本設計、お客様との仕様調整"
         "【必須スキル】Salesforce開発経験2年以上、要件定義の経験【尚可スキル】JavaScript【期間】1月～長期"
         "【場所】日本橋駅（週3出社）【単価】80万～90万【精算】140-180h【面談】2回【外国籍】不可【年齢】50歳まで"
         "【備考】再委託不可　ご提案お待ちしております。"
         "株式会社コダマ情報 ビジネス推進部 渡辺 大輔 〒135-0016 東京都江東区東陽4-2-9 TEL：03-5633-0120 "
         "Mail：watanabe.kodama@example.jp 労働者派遣事業 派13-311078")
mail("job_one_long_line_alt", "job",
     "【新着案件】Salesforce 要件定義～ 日本橋 80～90万",
     _long,
     ("渡辺 大輔", "watanabe.kodama@example.jp"), d(6, 13, 30),
     [job(["Salesforce", "要件定義", "基本設計"], ["JavaScript"], title="製薬会社向け 営業支援システム構築",
          skill_years={"Salesforce": 2}, rate_min=800000, rate_max=900000, start="2027-01-01",
          station="日本橋", remote="hybrid", settlement_hours=[140, 180], interviews=2,
          foreigners_ok=False, age_max=50, max_chain=0)],
     html="<html><body><div>" + _long.replace("【", "<br>【") + "</div></body></html>")

mail("job_at_rate_tab_labels", "job",
     "案件情報（VB.NET／田町）",
     """各位

お世話になっております。ヤマブキの伊藤です。
下記、至急でご提案をお願いいたします。

    案件名　会計システム 追加開発
    内容　　VB.NETによる画面追加・帳票改修（詳細設計～結合テスト）
    必須　　VB.NET 実務3年以上、SQL Server
    期間　　12月～
    場所　　田町
    単価　　@50（140-180）
    面談　　1回（弊社同席）　※即設定可能
    人数　　1名
    備考　　外国籍可

----------------------------------------------------------------------
株式会社ヤマブキ　営業部　伊藤 沙織
〒108-0014 東京都港区芝5-29-11 ヤマブキ三田ビル2F
TEL：03-5765-8821　FAX：03-5765-8822
Mail：ito.yamabuki@example.jp
一般労働者派遣事業 派13-309931
----------------------------------------------------------------------
""",
     ("伊藤 沙織", "ito.yamabuki@example.jp"), d(9, 9, 2),
     [job(["VB.NET", "詳細設計", "結合テスト", "SQL Server"], title="会計システム 追加開発",
          skill_years={"VB.NET": 3}, rate_min=500000, rate_max=500000, start="2026-12-01",
          station="田町", settlement_hours=[140, 180], interviews=1, foreigners_ok=True, headcount=1)])

mail("job_hourly_rate", "job",
     "【短期】テスト要員募集（単体テスト・結合テスト）／大宮",
     """お世話になっております。
株式会社ホシノネットの田村です。

短期のテスト案件をご紹介いたします。

■案件名：会員向けサービス テスト支援
■作業内容：テスト仕様書に基づく結合テストの実施、不具合の報告
■必須：テスト実施経験
■尚可：SQLの基本操作
■期間：12月～2027年3月（延長の可能性あり）
■場所：JR京浜東北線 大宮駅（常駐）
■単価：時給2,800円～
■精算：なし（時給のため）
■面談：1回
■人数：3名
■外国籍：不可

よろしくお願いいたします。

""" + sig("株式会社ホシノネット", "田村 直樹", "営業部", "330-0854", "埼玉県さいたま市大宮区桜木町1-7-5",
          "048-641-5530", "048-641-5531", "tamura.hoshino@example.jp", "派11-300412"),
     ("田村 直樹", "tamura.hoshino@example.jp"), d(9, 15, 10),
     [job(["テスト", "単体テスト", "結合テスト"], ["SQL"], title="会員向けサービス テスト支援",
          start="2026-12-01", station="大宮", remote="onsite", interviews=1, foreigners_ok=False,
          headcount=3)])

mail("job_headcount_per_start", "job",
     "【増員】通信キャリア向け Java案件 1月～",
     """パートナー企業各位

いつもお世話になっております。
株式会社ミナトテックの高橋です。

増員案件のご案内です。

【案件名】通信キャリア向け 料金システム再構築
【作業内容】Java（Spring Boot）による製造～単体テスト
【必須】Java（2年以上）、Spring Boot
【尚可】Oracle、Git
【期間】１月～：１名　２月～：２～３名
【場所】浜松町（出社とリモート併用）
【単価】55～65万（経験に応じて相談可）
【精算】140－180h
【面談】1回
【外国籍】可（日本語N2以上）
【年齢】40歳まで
【商流】元請→弊社
【所属】貴社まで（プロパー及びフリーランス可）

以上、ご検討よろしくお願いいたします。

""" + sig("株式会社ミナトテック", "高橋 誠", "営業本部", "105-0013", "東京都港区浜松町2-4-1 ミナトビル5F",
          "03-5412-7788", "03-5412-7789", "takahashi.minato@example.jp", "労働者派遣事業許可番号 派13-314863"),
     ("高橋 誠", "takahashi.minato@example.jp"), d(10, 9, 40),
     [job(["Java", "Spring Boot", "製造", "単体テスト"], ["Oracle", "Git"], title="通信キャリア向け 料金システム再構築",
          skill_years={"Java": 2}, rate_min=550000, rate_max=650000, rate_negotiable=True,
          start="2027-01-01", station="浜松町", remote="hybrid", settlement_hours=[140, 180],
          interviews=1, foreigners_ok=True, japanese_level="N2", age_max=40, max_chain=0,
          freelance_ok=True, headcount=4)],
     fmt="qp")

mail("job_mainframe_osaka", "job",
     "【大阪】COBOL 運用保守案件のご紹介",
     """関西パートナー各位

お世話になっております。
株式会社カザミ大阪営業所の森です。

◆案件名：生命保険会社向け 基幹システム運用保守
◆作業内容：COBOLで作られた既存システムの運用保守、障害発生時の調査対応。
　　　　　　JP1の操作も一部ご担当いただきます。
◆必須スキル：COBOL経験5年以上、JP1の操作経験
◆尚可スキル：DB2、Shell
◆場所：大阪市内（常駐）
◆期間：即～長期
◆単価：50～60万
◆精算：140～180ｈ
◆面談：１回
◆年齢：年齢不問
◆外国籍：不可
◆人数：1名

何卒よろしくお願いいたします。

""" + sig("合同会社カザミ 大阪営業所", "森 和也", "", "530-0001", "大阪府大阪市北区梅田1-11-4 大阪駅前第4ビル9F",
          "06-6345-2018", "06-6345-2019", "mori.kazami@example.jp", "派27-301655", bar="＝"),
     ("森 和也", "mori.kazami@example.jp"), d(10, 11, 15),
     [job(["運用保守", "COBOL", "JP1"], ["DB2", "Shell"], title="生命保険会社向け 基幹システム運用保守",
          skill_years={"COBOL": 5}, rate_min=500000, rate_max=600000, start="2026-11-10",
          location="大阪市内", remote="onsite", settlement_hours=[140, 180], interviews=1,
          foreigners_ok=False, headcount=1)],
     fmt="8bit")

mail("job_full_remote_chain_limit", "job",
     "【フルリモート】AWS環境構築・移行支援（Terraform）",
     """お世話になっております。
株式会社アオバソリューションの佐々木です。

下記案件のご提案をお願いいたします。

▼案件名
AWS環境構築・移行支援
▼作業内容
既存環境からAWSへの移行に伴う基本設計～構築をご担当いただきます。
Terraform、Ansibleによる環境構築の自動化、Docker・Kubernetesを用いた環境整備が中心です。
▼必須
・AWSの設計・構築経験3年以上
・EC2、S3の構築経験
・Terraformを用いた構築経験
▼尚可
・GitHub Actionsの利用経験
▼期間　1月～
▼場所　フルリモート
▼単価　～85万
▼精算　140-200h
▼面談　2回
▼商流　エンド→元請→弊社
▼備考　1社先まで、外国籍の方NG

""" + sig("株式会社アオバソリューション", "佐々木 美穂", "営業部", "160-0023", "東京都新宿区西新宿7-10-3 第2アオバビル3F",
          "03-3365-4402", "", "sasaki.aoba@example.jp", "派13-305517", "https://www.example.jp/aoba", bar="-"),
     ("佐々木 美穂", "sasaki.aoba@example.jp"), d(11, 10, 20),
     [job(["AWS", "基本設計", "Terraform", "Ansible", "Docker", "Kubernetes", "EC2", "S3"], ["GitHub Actions"],
          title="AWS環境構築・移行支援", skill_years={"AWS": 3}, rate_max=850000, start="2027-01-01",
          remote="full", settlement_hours=[140, 200], interviews=2, foreigners_ok=False, max_chain=1)])

mail("job_iso2022jp_pmo", "job",
     "【PMO】大手メーカー向け 基幹刷新（東京駅）",
     """各位

お世話になっております。株式会社クレストの山口です。
PMO案件のご紹介です。

【案件名】大手メーカー向け 基幹刷新PMO支援
【作業内容】
基幹システム刷新プロジェクトにおけるPMO業務。
進捗・課題管理、会議体の運営、各ベンダーとの調整をご担当いただきます。
【必須】PMO経験（3年以上）、SAP導入プロジェクトの経験
【尚可】PM経験
【期間】12月〜
【場所】東京駅（週2出社）
【単価】90〜100万
【精算】140-180h
【面談】2回
【外国籍】不可
【年齢】40代前半まで
【商流】貴社社員まで

よろしくお願いいたします。

--------------------------------------------
株式会社クレスト　営業部　山口 恵
〒103-0027 東京都中央区日本橋2-3-21
TEL：03-3273-6612
Mail：yamaguchi.crest@example.jp
派13-317250
--------------------------------------------
""",
     ("山口 恵", "yamaguchi.crest@example.jp"), d(11, 14, 0),
     [job(["PMO", "SAP"], ["PM"], title="大手メーカー向け 基幹刷新PMO支援", skill_years={"PMO": 3},
          rate_min=900000, rate_max=1000000, start="2026-12-01", station="東京", remote="hybrid",
          settlement_hours=[140, 180], interviews=2, foreigners_ok=False, age_max=44, max_chain=0)],
     fmt="iso2022jp")

mail("job_outlook_fw_original_message", "job",
     "FW: 【案件】ホテル予約システム開発（Go/フルリモート）",
     """営業部各位

BP様より下記案件のご紹介がありました。
該当者がいれば共有お願いします。

鈴木

-----Original Message-----
From: 小林 健太 <kobayashi.irodori@example.jp>
Sent: Tuesday, November 10, 2026 10:15 AM
To: suzuki.minato@example.jp
Subject: 【案件】ホテル予約システム開発（Go/フルリモート）

株式会社ミナトテック
鈴木様

いつもお世話になっております。株式会社イロドリの小林です。
下記案件のご紹介です。

【案件名】ホテル予約システム開発
【作業内容】Go言語による予約機能の開発（詳細設計～テスト）
【必須】Go言語での開発経験2年以上、MySQL
【尚可】Kubernetes、GCP
【期間】1月～
【場所】フルリモート
【単価】70～75万
【精算】140-180h
【面談】1回
【外国籍】不可
【人数】1名
【備考】個人事業主不可

""" + sig("株式会社イロドリ", "小林 健太", "営業部 第二課", "150-0002", "東京都渋谷区渋谷3-12-18 イロドリ渋谷ビル6F",
          "03-6427-3310", "", "kobayashi.irodori@example.jp", "派13-316024"),
     ("鈴木 拓也", "suzuki.minato@example.jp"), d(10, 11, 2),
     [job(["Go", "詳細設計", "テスト", "MySQL"], ["Kubernetes", "GCP"], title="ホテル予約システム開発",
          skill_years={"Go": 2}, rate_min=700000, rate_max=750000, start="2027-01-01", remote="full",
          settlement_hours=[140, 180], interviews=1, foreigners_ok=False, freelance_ok=False,
          headcount=1)],
     to="sales-all@example.jp")

mail("job_sap_skill_negotiable", "job",
     "SAP導入支援案件のご紹介（要件定義）",
     """株式会社ミナトテック
高橋様

お世話になっております。
株式会社ヤマブキの伊藤です。

SAPの案件をご紹介させてください。

【案件名】食品メーカー向け SAP導入支援
【作業内容】SAP導入に伴う要件定義、各部門へのヒアリング、移行計画の策定
【必須】SAP導入経験、要件定義の経験
【期間】2027年1月～2027年12月（延長可能性あり）
【場所】東京都港区（リモート併用）
【単価】スキル見合い
【面談】2回（弊社＋企業様）
【外国籍】不可
【備考】御社プロパー社員でお願い致します。

ご検討のほど、よろしくお願いいたします。

----------------------------------------------------------------------
株式会社ヤマブキ　営業部　伊藤 沙織
〒108-0014 東京都港区芝5-29-11 ヤマブキ三田ビル2F
TEL：03-5765-8821　FAX：03-5765-8822
Mail：ito.yamabuki@example.jp
一般労働者派遣事業 派13-309931
----------------------------------------------------------------------
""",
     ("伊藤 沙織", "ito.yamabuki@example.jp"), d(12, 16, 30),
     [job(["SAP", "要件定義"], title="食品メーカー向け SAP導入支援", rate_negotiable=True,
          start="2027-01-01", location="東京都港区", remote="hybrid", interviews=2,
          foreigners_ok=False, max_chain=0)],
     to="takahashi.minato@example.jp")

_html18 = """<html><head><meta charset="utf-8"></head><body>
<p>パートナー各位</p>
<p>お世話になっております。株式会社クレストの山口です。<br>下記案件のご紹介です。</p>
<table border="1">
<tr><td>案件名</td><td>通販サイト 受注管理機能追加</td></tr>
<tr><td>作業内容</td><td>PHP（CakePHP）による受注管理機能の追加開発。基本設計からご担当いただきます。</td></tr>
<tr><td>必須スキル</td><td>CakePHPでの開発経験1年以上</td></tr>
<tr><td>尚可スキル</td><td>jQuery、HTML/CSS</td></tr>
<tr><td>期間</td><td>12月～</td></tr>
<tr><td>場所</td><td>池袋駅（リモート併用）</td></tr>
<tr><td>単価</td><td>50～55万</td></tr>
<tr><td>精算</td><td>140-180h</td></tr>
<tr><td>面談</td><td>1回</td></tr>
<tr><td>外国籍</td><td>可</td></tr>
<tr><td>人数</td><td>1名</td></tr>
<tr><td>備考</td><td>&lt;&lt;増員枠&gt;&gt;</td></tr>
</table>
<p>よろしくお願いいたします。</p>
<p>--------------------------------------------<br>
株式会社クレスト　営業部　山口 恵<br>
〒103-0027 東京都中央区日本橋2-3-21<br>
TEL：03-3273-6612<br>
Mail：yamaguchi.crest@example.jp<br>
派13-317250<br>
--------------------------------------------</p>
</body></html>
"""
mail("job_html_only_table", "job",
     "【案件】CakePHP／池袋／12月～",
     None,
     ("山口 恵", "yamaguchi.crest@example.jp"), d(13, 10, 10),
     [job(["PHP", "CakePHP", "基本設計"], ["jQuery", "HTML", "CSS"], title="通販サイト 受注管理機能追加",
          skill_years={"CakePHP": 1}, rate_min=500000, rate_max=550000, start="2026-12-01",
          station="池袋", remote="hybrid", settlement_hours=[140, 180], interviews=1,
          foreigners_ok=True, headcount=1)],
     html=_html18)

mail("job_max_rate_bp_ng", "job",
     "ポイント管理システム案件（Node.js/TypeScript）",
     """お世話になっております。ハルカゼの木村です。
下記案件、ご提案可能な方がいらっしゃいましたらご連絡ください。

-------------------------------------------
・案件名：ポイント管理システム 機能追加
・作業内容：Node.js（TypeScript）による会員向け機能の開発、単体テスト
・ス キ ル  : Node.js、TypeScript、PostgreSQL
・あれば尚可 : Vue.js
・開始：即日/12月～/1月～
・場所：北千住
・単価：MAX62万（145 - 185）
・面談：1～2回
・外国籍：外国籍の方NG
・年齢：年齢は30代まで
・備考：B  P：不可
-------------------------------------------

よろしくお願いします。

--
株式会社ハルカゼ 木村
〒120-0034 東京都足立区千住3-92
TEL 03-6455-2210 / kimura.harukaze@example.jp
派13-312207
""",
     ("木村 亮", "kimura.harukaze@example.jp"), d(16, 9, 25),
     [job(["Node.js", "TypeScript", "単体テスト", "PostgreSQL"], ["Vue.js"], title="ポイント管理システム 機能追加",
          rate_max=620000, start="2026-11-16", station="北千住", settlement_hours=[145, 185],
          interviews=2, foreigners_ok=False, age_max=39, max_chain=0)])

mail("job_prose_casual", "job",
     "Flutterエンジニア募集のご相談",
     """株式会社ツバサ技研
中村様

お世話になっております。株式会社カザミの森です。
先日はお打ち合わせのお時間をいただき、ありがとうございました。

早速ですが、弊社直請けの案件でFlutterエンジニアを1名探しております。
会員向けサービスの新規開発で、Flutterでの開発経験が2年以上ある方を想定しています。
基本設計から製造までお任せできる方だと大変ありがたいです。

開始は1月からで、単価は65万前後（精算140～180h）を考えております。
場所は五反田駅で、週1出社、それ以外は在宅となります。
面談は弊社のみの1回です。外国籍の方も可（日本語N1以上）です。

お心当たりの方がいらっしゃいましたら、ぜひご紹介ください。

""" + sig("合同会社カザミ", "森 和也", "", "141-0022", "東京都品川区東五反田1-13-12",
          "03-6721-4480", "", "mori.kazami@example.jp", "派13-301655", bar="＝"),
     ("森 和也", "mori.kazami@example.jp"), d(16, 17, 5),
     [job(["Flutter", "基本設計", "製造"], title="Flutterエンジニア募集のご相談", skill_years={"Flutter": 2},
          rate_min=650000, rate_max=650000, start="2027-01-01", station="五反田", remote="hybrid",
          settlement_hours=[140, 180], interviews=1, foreigners_ok=True, japanese_level="N1",
          headcount=1)],
     to="nakamura.tsubasa@example.jp", fmt="qp")

# --------------------------------------------------------------------------------------------
# TALENT mails (13)
# --------------------------------------------------------------------------------------------

mail("talent_labels_on_one_line", "talent",
     "【人材情報】Java/Spring Boot 32歳男性 即日可",
     """パートナー企業各位

お世話になっております。株式会社ホシノネットの田村です。
弊社エンジニアのご紹介です。

■氏名：T.K（男性）　■年齢：32歳　■最寄駅：JR京浜東北線 大宮駅
■稼働：即日可能　■単価：65万円　■所属：弊社正社員
■スキル：Java(7年)、Spring Boot(4年)、AWS(EC2/S3)、PostgreSQL
■経験工程：詳細設計～テスト
■希望：リモート併用
■並行：なし
■PR：物流系システムの開発にて詳細設計～単体テストを担当。勤怠良好で、現場からの評価も高いエンジニアです。

スキルシートをご希望の際はご返信ください。
案件がございましたら、商流・精算幅・支払いサイトを併せてご教示いただけますと幸いです。

""" + sig("株式会社ホシノネット", "田村 直樹", "営業部", "330-0854", "埼玉県さいたま市大宮区桜木町1-7-5",
          "048-641-5530", "048-641-5531", "tamura.hoshino@example.jp", "派11-300412"),
     ("田村 直樹", "tamura.hoshino@example.jp"), d(2, 11, 45),
     [talent(["Java", "Spring Boot", "AWS", "EC2", "S3", "PostgreSQL", "詳細設計", "テスト", "単体テスト"],
             skill_years={"Java": 7, "Spring Boot": 4}, rate_min=650000, rate_max=650000,
             start="2026-11-02", station="大宮", remote="hybrid", age=32, gender="male",
             employment="employee")])

mail("talent_three_engineers", "talent",
     "【要員情報】3名のご紹介（11月4日時点）",
     """BP各位

いつもお世話になっております。
株式会社サクラシステムズの佐藤でございます。

弊社および協力会社の要員をご紹介いたします。
ご検討いただける案件がございましたらご連絡ください。

【1】氏名：張W（38歳／中国籍／女性）
　最寄駅：東西線 西葛西駅
　日本語：N１
　スキル：Java(10年)、Spring、Oracle、要件定義～結合テスト
　単価：62万
　稼働：12月～
　所属：弊社正社員

【2】氏名：R.K（41歳・男性・日本人）
　最寄駅：小田急線 町田駅
　スキル：PHP(12年)、Laravel(5年)、MySQL、Linux
　単価：～68万（応相談）
　稼働：即日
　所属：個人事業主

【3】氏名：Ｋ．Ｔ（29歳・男性）
　最寄駅：東急東横線 武蔵小杉駅
　スキル：Linux(4年)、Windows Server(3年)、Cisco、Shell
　単価：48万
　稼働：1月～
　所属：BP社員
　希望：フルリモート希望

以上、よろしくお願いいたします。

""" + sig("株式会社サクラシステムズ", "佐藤 健", "営業部", "101-0047", "東京都千代田区内神田1-8-2 サクラビル4F",
          "03-3254-1190", "03-3254-1191", "sato.sakura@example.jp", "派13-308842"),
     ("佐藤 健", "sato.sakura@example.jp"), d(4, 9, 15),
     [talent(["Java", "Spring", "Oracle", "要件定義", "結合テスト"], skill_years={"Java": 10},
             rate_min=620000, rate_max=620000, start="2026-12-01", station="西葛西", age=38,
             gender="female", nationality="中国", japanese_level="N1", employment="employee"),
      talent(["PHP", "Laravel", "MySQL", "Linux"], skill_years={"PHP": 12, "Laravel": 5},
             rate_max=680000, rate_negotiable=True, start="2026-11-04", station="町田", age=41,
             gender="male", nationality="日本", employment="freelance"),
      talent(["Linux", "Windows Server", "Cisco", "Shell"], skill_years={"Linux": 4, "Windows Server": 3},
             rate_min=480000, rate_max=480000, start="2027-01-01", station="武蔵小杉", remote="full",
             age=29, gender="male", employment="employee")],
     fmt="8bit")

mail("talent_two_padded_brackets", "talent",
     "【弊社要員】2名のご紹介（12月中旬～／即日）",
     """ご担当者様

お世話になっております。
株式会社ツバサ技研の中村です。

下記2名、ご提案可能な案件がございましたらご紹介いただけますと幸いです。

【氏　　名】S.M
【年　　齢】27歳
【性　　別】女性
【最 寄 駅】京王線　調布駅
【稼働開始】2026年12月中旬～
【単　　価】50万円（140-180h）
【所　　属】弊社契約社員
【スキル】
　JavaScript(3年)、TypeScript(2年)、HTML、CSS、Vue.js(2年)、React(1年)
　工程：基本設計、詳細設計、製造、単体テスト
【面　　談】平日17時以降であれば対応できます

【氏　　名】Y.H
【年　　齢】45歳
【性　　別】男性
【国　　籍】日本
【最 寄 駅】京成線　青砥駅
【稼働開始】即日
【単　　価】70万円
【所　　属】弊社正社員（無期雇用）
【スキル】
　C#(15年)、VB.NET(8年)、SQL、SQL Server、Oracle
　工程：要件定義～運用保守、PL経験あり

よろしくお願いいたします。

""" + sig("株式会社ツバサ技研", "中村 翔", "営業グループ", "220-0011", "神奈川県横浜市西区高島2-6-32 横浜東口ビル7F",
          "045-441-2875", "045-441-2876", "nakamura.tsubasa@example.jp", "派14-302219"),
     ("中村 翔", "nakamura.tsubasa@example.jp"), d(5, 11, 20),
     [talent(["JavaScript", "TypeScript", "HTML", "CSS", "Vue.js", "React", "基本設計", "詳細設計", "製造",
              "単体テスト"],
             skill_years={"JavaScript": 3, "TypeScript": 2, "Vue.js": 2, "React": 1},
             rate_min=500000, rate_max=500000, start="2026-12-11", station="調布",
             settlement_hours=[140, 180], age=27, gender="female", employment="contract"),
      talent(["C#", "VB.NET", "SQL", "SQL Server", "Oracle", "要件定義", "運用保守", "PL"],
             skill_years={"C#": 15, "VB.NET": 8}, rate_min=700000, rate_max=700000, start="2026-11-05",
             station="青砥", age=45, gender="male", nationality="日本", employment="employee")])

mail("talent_skill_months", "talent",
     "【人材情報】C#・Java／34歳男性／1月～／三鷹",
     """お世話になっております。
株式会社コダマ情報の渡辺です。

一社下の技術者をご紹介いたします。

【名前】M.O（34歳・男性）
【最寄】JR中央線 三鷹駅
【経験年数】IT経験12年4か月
【スキル】
言語：C#(約50ヶ月) / Java(約35ヶ月) / Python(18ヶ月) / SQL(約100ヶ月)
環境：Oracle(約60ヶ月) / PostgreSQL(約15ヶ月) / Linux(約24ヶ月)
工程：基本設計(約36ヶ月) / 詳細設計(約60ヶ月) / 製造(約90ヶ月)
【稼働】1月～
【単価】60万円
【所属】一社下社員

詳細はスキルシートをご確認ください。

""" + sig("株式会社コダマ情報", "渡辺 大輔", "ビジネス推進部", "135-0016", "東京都江東区東陽4-2-9",
          "03-5633-0120", "", "watanabe.kodama@example.jp", "労働者派遣事業 派13-311078"),
     ("渡辺 大輔", "watanabe.kodama@example.jp"), d(6, 15, 0),
     [talent(["C#", "Java", "Python", "SQL", "Oracle", "PostgreSQL", "Linux", "基本設計", "詳細設計", "製造"],
             skill_years={"C#": 4.17, "Java": 2.92, "Python": 1.5, "SQL": 8.33, "Oracle": 5,
                          "PostgreSQL": 1.25, "Linux": 2, "基本設計": 3, "詳細設計": 5, "製造": 7.5},
             rate_min=600000, rate_max=600000, start="2027-01-01", station="三鷹", age=34,
             gender="male", employment="employee")])

mail("talent_subject_only_attachment", "talent",
     "【人材情報】38歳男性／Python・Django／要件定義～／12月～／65万",
     """各位

お世話になっております。
株式会社アオバソリューションの佐々木です。

件名の技術者をご紹介いたします。
スキルシートを添付いたしましたので、ご確認のほどよろしくお願いいたします。

""" + sig("株式会社アオバソリューション", "佐々木 美穂", "営業部", "160-0023", "東京都新宿区西新宿7-10-3 第2アオバビル3F",
          "03-3365-4402", "", "sasaki.aoba@example.jp", "派13-305517", "https://www.example.jp/aoba", bar="-"),
     ("佐々木 美穂", "sasaki.aoba@example.jp"), d(9, 10, 30),
     [talent(["Python", "Django", "要件定義"], rate_min=650000, rate_max=650000, start="2026-12-01",
             age=38, gender="male")],
     attach=("skillsheet_KN.xlsx", b"PK\x03\x04" + bytes(60)))

mail("talent_gmail_forward", "talent",
     "Fwd: 【弊社プロパー】Ruby on Railsエンジニアのご紹介（即日可）",
     """営業各位

パートナー様からの人材情報です。Ruby案件をお持ちの方はご確認ください。

---------- Forwarded message ---------
From: 松本 愛 <matsumoto.hoshino@example.jp>
Date: 2026年11月10日(火) 11:42
Subject: 【弊社プロパー】Ruby on Railsエンジニアのご紹介（即日可）
To: <sales-all@example.jp>


株式会社ミナトテック
営業ご担当者様

お世話になっております。株式会社ホシノネットの松本です。
弊社プロパーのエンジニアをご紹介いたします。

■イニシャル：A.S
■年齢：30歳
■性別：男性
■最寄駅：東急田園都市線 二子玉川駅
■稼働開始：即日
■希望単価：58万円
■所属：弊社プロパー
■スキル：Ruby(6年)、Ruby on Rails(5年)、MySQL、Docker、AWS
■工程：基本設計～テスト
■備考：常駐可。現場では3名のリーダー経験あり。

ご検討のほどよろしくお願いいたします。

""" + sig("株式会社ホシノネット", "松本 愛", "営業部", "330-0854", "埼玉県さいたま市大宮区桜木町1-7-5",
          "048-641-5530", "048-641-5531", "matsumoto.hoshino@example.jp", "派11-300412"),
     ("鈴木 拓也", "suzuki.minato@example.jp"), d(10, 13, 5),
     [talent(["Ruby", "Ruby on Rails", "MySQL", "Docker", "AWS", "基本設計", "テスト", "PL"],
             skill_years={"Ruby": 6, "Ruby on Rails": 5}, rate_min=580000, rate_max=580000,
             start="2026-11-10", station="二子玉川", remote="onsite", age=30, gender="male",
             employment="employee")],
     to="sales-all@example.jp")

mail("talent_freelance_full_remote", "talent",
     "【フリーランス】Go・Python／フルリモート希望／1月～",
     """お世話になっております。
合同会社カザミ大阪営業所の森です。

フリーランスエンジニアのご紹介です。

氏名：N.Y（35歳／男性）
最寄駅：大阪メトロ御堂筋線 江坂駅
所属：個人事業主（弊社と直接契約）
稼働：2027年1月～
単価：75万
稼働形態：フルリモート希望
スキル：
・Go(4年)
・Python(6年)
・GCP、Kubernetes、Terraform
・要件定義～運用保守まで一貫して対応可能

ご提案可能な案件がございましたら、ご連絡お待ちしております。

""" + sig("合同会社カザミ 大阪営業所", "森 和也", "", "530-0001", "大阪府大阪市北区梅田1-11-4 大阪駅前第4ビル9F",
          "06-6345-2018", "06-6345-2019", "mori.kazami@example.jp", "派27-301655", bar="＝"),
     ("森 和也", "mori.kazami@example.jp"), d(11, 9, 50),
     [talent(["Go", "Python", "GCP", "Kubernetes", "Terraform", "要件定義", "運用保守"],
             skill_years={"Go": 4, "Python": 6}, rate_min=750000, rate_max=750000, start="2027-01-01",
             station="江坂", remote="full", age=35, gender="male", employment="freelance")],
     fmt="qp")

mail("talent_contract_padded_labels", "talent",
     "【要員のご紹介】31歳男性／Cisco／Linux,WindowsServer,AWS／PMO経験有",
     """お世話になっております。
株式会社イロドリの小林です。

下記要員のご紹介です。

◆ 名　前 ：H.I
◆ 年　齢 ：31歳
◆ 性　別 ：男性
◆ 最寄駅 ：埼京線／板橋駅
◆ 所　属 ：弊社契約社員
◆ 稼　働 ：12月～（現場終了予定のため）
◆ 金　額 ：55万～60万
◆ スキル：
　Cisco(5年)、Linux(3年)、WindowsServer(3年)、AWS(1年)
　PMO(1年)

ご検討よろしくお願いいたします。

""" + sig("株式会社イロドリ", "小林 健太", "営業部 第二課", "150-0002", "東京都渋谷区渋谷3-12-18 イロドリ渋谷ビル6F",
          "03-6427-3310", "", "kobayashi.irodori@example.jp", "派13-316024"),
     ("小林 健太", "kobayashi.irodori@example.jp"), d(12, 10, 35),
     [talent(["Cisco", "Linux", "Windows Server", "AWS", "PMO"],
             skill_years={"Cisco": 5, "Linux": 3, "Windows Server": 3, "AWS": 1, "PMO": 1},
             rate_min=550000, rate_max=600000, start="2026-12-01", station="板橋", age=31,
             gender="male", employment="contract")],
     fmt="8bit")

mail("talent_foreign_slash_name_lines", "talent",
     "【人材】中国籍エンジニア2名（N1/N2）のご紹介",
     """パートナー各位

お世話になっております。株式会社クレストの山口です。
弊社エンジニア2名をご紹介いたします。

氏名：劉YZ/31歳/男性/中国籍/西川口駅
日本語：N１
スキル：Java(6年)、Spring Boot(3年)、MySQL、Linux
工程：詳細設計～結合テスト
単価：55万
稼働：即日
所属：弊社正社員
並行：提案のみ

氏名：陳KM/29歳/女性/中国籍/蕨駅
日本語：JLPT N2
スキル：Python(4年)、Django、AWS(Lambda)、PostgreSQL
工程：基本設計～単体テスト
単価：52万
稼働：12月～
所属：一社下社員
並行：なし

よろしくお願いいたします。

--------------------------------------------
株式会社クレスト　営業部　山口 恵
〒103-0027 東京都中央区日本橋2-3-21
TEL：03-3273-6612
Mail：yamaguchi.crest@example.jp
派13-317250
--------------------------------------------
""",
     ("山口 恵", "yamaguchi.crest@example.jp"), d(13, 14, 40),
     [talent(["Java", "Spring Boot", "MySQL", "Linux", "詳細設計", "結合テスト"],
             skill_years={"Java": 6, "Spring Boot": 3}, rate_min=550000, rate_max=550000,
             start="2026-11-13", station="西川口", age=31, gender="male", nationality="中国",
             japanese_level="N1", employment="employee"),
      talent(["Python", "Django", "AWS", "Lambda", "PostgreSQL", "基本設計", "単体テスト"],
             skill_years={"Python": 4}, rate_min=520000, rate_max=520000, start="2026-12-01",
             station="蕨", age=29, gender="female", nationality="中国", japanese_level="N2",
             employment="employee")])

mail("talent_prose_recommendation", "talent",
     "弊社正社員エンジニアのご紹介（Java／PL）",
     """株式会社ミナトテック
高橋様

いつも大変お世話になっております。株式会社ホシノネットの田村でございます。

弊社正社員のエンジニアをご紹介させてください。

R.K（41歳・男性・日本人）
最寄駅は東京メトロ丸ノ内線の南阿佐ケ谷駅です。

これまで金融系を中心に、Javaでの開発に携わってきました（IT経験約15年）。
直近ではPLとして要件定義から総合テストまでを担当し、5名程度のチームをまとめてきました。
Oracleを用いた開発経験も豊富です。
弊社に入社して5年、勤怠も安定しており、現場からは毎回延長のご依頼をいただいております。

現在の現場が12月末で終了予定のため、1月より稼働可能です。
希望単価は73万(Min68万)です。
リモート併用を希望しております。

貴社でご提案可能な案件がございましたら、ぜひお声がけください。
スキルシートは別途お送りいたします。

""" + sig("株式会社ホシノネット", "田村 直樹", "営業部", "330-0854", "埼玉県さいたま市大宮区桜木町1-7-5",
          "048-641-5530", "048-641-5531", "tamura.hoshino@example.jp", "派11-300412"),
     ("田村 直樹", "tamura.hoshino@example.jp"), d(17, 9, 10),
     [talent(["Java", "PL", "要件定義", "総合テスト", "Oracle"], rate_min=680000, rate_max=730000,
             start="2027-01-01", station="南阿佐ケ谷", remote="hybrid", age=41, gender="male",
             nationality="日本", employment="employee")],
     to="takahashi.minato@example.jp")

mail("talent_fullwidth_values_next_line", "talent",
     "★人材情報★PHP・Laravel／36歳男性／即日",
     """お世話になっております。
株式会社ハルカゼの木村です。

【氏名】
Ｋ．Ｍ
【年齢】
３６歳
【性別】
男性
【最寄駅】
都営浅草線　戸越駅
【スキル】
ＰＨＰ（８年）、ＣａｋｅＰＨＰ（３年）、Ｌａｒａｖｅｌ（４年）、ＭｙＳＱＬ、ｊＱｕｅｒｙ
【稼働】
即日
【勤務形態】
常駐可
【単価】
６０万円（応相談）
【所属】
弊社フリーランス

よろしくお願いします。

--
株式会社ハルカゼ 木村
〒120-0034 東京都足立区千住3-92
TEL 03-6455-2210 / kimura.harukaze@example.jp
派13-312207
""",
     ("木村 亮", "kimura.harukaze@example.jp"), d(18, 11, 0),
     [talent(["PHP", "CakePHP", "Laravel", "MySQL", "jQuery"],
             skill_years={"PHP": 8, "CakePHP": 3, "Laravel": 4}, rate_min=600000, rate_max=600000,
             rate_negotiable=True, start="2026-11-18", station="戸越", remote="onsite", age=36,
             gender="male", employment="freelance")],
     fmt="qp")

mail("talent_iso2022jp_two_engineers", "talent",
     "【人材情報】基幹系 2名のご紹介（COBOL／RPG）",
     """各位

いつもお世話になっております。
株式会社ヤマブキの伊藤です。

基幹系システムの経験者2名をご紹介いたします。

■氏名：Y.S　■年齢：47歳　■性別：男性
■最寄駅：JR総武線 船橋駅
■スキル：COBOL(20年)、DB2、JP1、Shell
■工程：要件定義〜運用保守
■単価：65万〜70万
■稼働：12月〜
■所属：弊社正社員

■氏名：M.T　■年齢：52歳　■性別：女性
■最寄駅：JR常磐線 松戸駅
■スキル：RPG(18年)、COBOL(5年)
■工程：基本設計〜製造
■単価：60万
■稼働：即日
■所属：契約社員

よろしくお願いいたします。

----------------------------------------------------------------------
株式会社ヤマブキ　営業部　伊藤 沙織
〒108-0014 東京都港区芝5-29-11 ヤマブキ三田ビル2F
TEL：03-5765-8821　FAX：03-5765-8822
Mail：ito.yamabuki@example.jp
一般労働者派遣事業 派13-309931
----------------------------------------------------------------------
""",
     ("伊藤 沙織", "ito.yamabuki@example.jp"), d(19, 13, 20),
     [talent(["COBOL", "DB2", "JP1", "Shell", "要件定義", "運用保守"], skill_years={"COBOL": 20},
             rate_min=650000, rate_max=700000, start="2026-12-01", station="船橋", age=47,
             gender="male", employment="employee"),
      talent(["RPG", "COBOL", "基本設計", "製造"], skill_years={"RPG": 18, "COBOL": 5},
             rate_min=600000, rate_max=600000, start="2026-11-19", station="松戸", age=52,
             gender="female", employment="contract")],
     fmt="iso2022jp")

mail("talent_planned_stock", "talent",
     "【予定要員】1月～稼働可／Java_5年8ヶ月／H.K(32歳_男性)",
     """お世話になっております。
株式会社コダマ情報の渡辺です。

年明けから稼働可能な予定要員のご紹介です。

【氏 名】H.K(32歳_男性)　常駐可
【スキル】Java_5年8ヶ月、Spring(2年)、JavaScript_1年6ヶ月、Oracle
【工程】詳細設計、製造、単体テスト、結合テスト
【最寄】大国町（大阪メトロ）
【稼働】1月～（現在の現場が12月末終了予定）
【単 価】60万円
【所属】弊社正社員
【並行】並行営業中

ご検討のほど、よろしくお願いいたします。

""" + sig("株式会社コダマ情報", "渡辺 大輔", "ビジネス推進部", "135-0016", "東京都江東区東陽4-2-9",
          "03-5633-0120", "", "watanabe.kodama@example.jp", "労働者派遣事業 派13-311078"),
     ("渡辺 大輔", "watanabe.kodama@example.jp"), d(20, 10, 0),
     [talent(["Java", "Spring", "JavaScript", "Oracle", "詳細設計", "製造", "単体テスト", "結合テスト"],
             skill_years={"Java": 5.67, "Spring": 2, "JavaScript": 1.5}, rate_min=600000, rate_max=600000,
             start="2027-01-01", station="大国町", remote="onsite", age=32, gender="male",
             employment="employee")],
     fmt="8bit")

# --------------------------------------------------------------------------------------------
# MIXED mails (2)
# --------------------------------------------------------------------------------------------

mail("mixed_job_then_talent", "mixed",
     "【案件・人材情報】11/12配信",
     """パートナー各位

お世話になっております。株式会社ミナトテックの高橋です。
本日の案件・人材情報をお届けします。

■■■ 案件情報 ■■■
【案件名】不動産会社向け 物件管理システム開発
【作業内容】C#による画面開発および単体テスト
【必須】C#経験3年以上、SQL Server
【期間】12月～
【場所】新橋駅（週2出社）
【単価】～65万
【面談】1回
【外国籍】不可

■■■ 人材情報 ■■■
【氏名】K.N（26歳／女性）
【最寄駅】JR埼京線 十条駅
【スキル】Java(3年)、JavaScript(2年)、HTML、CSS
【単価】45万
【稼働】即日
【所属】弊社正社員

ご不明な点がございましたらお気軽にご連絡ください。

""" + sig("株式会社ミナトテック", "高橋 誠", "営業本部", "105-0013", "東京都港区浜松町2-4-1 ミナトビル5F",
          "03-5412-7788", "03-5412-7789", "takahashi.minato@example.jp", "労働者派遣事業許可番号 派13-314863"),
     ("高橋 誠", "takahashi.minato@example.jp"), d(12, 8, 30),
     [job(["C#", "単体テスト", "SQL Server"], title="不動産会社向け 物件管理システム開発",
          skill_years={"C#": 3}, rate_max=650000, start="2026-12-01", station="新橋", remote="hybrid",
          interviews=1, foreigners_ok=False),
      talent(["Java", "JavaScript", "HTML", "CSS"], skill_years={"Java": 3, "JavaScript": 2},
             rate_min=450000, rate_max=450000, start="2026-11-12", station="十条", age=26,
             gender="female", employment="employee")])

mail("mixed_talent_then_job", "mixed",
     "要員のご紹介と募集案件のご案内",
     """株式会社サクラシステムズ
佐藤様

お世話になっております。株式会社アオバソリューションの佐々木です。
弊社要員のご紹介と、あわせて募集中案件のご案内です。

【1】要員のご紹介
　氏名：T.O（44歳・男性）
　最寄駅：小田急線 新百合ヶ丘駅
　スキル：Salesforce(6年)、ServiceNow(2年)、要件定義、基本設計
　単価：80万
　稼働：2027年1月～
　所属：弊社正社員

【2】募集中の案件
　案件名：保険代理店向け 顧客管理基盤構築
　作業内容：ServiceNowの導入に伴う基本設計～結合テスト
　必須：ServiceNow開発経験1年以上
　尚可：JavaScript
　場所：フルリモート
　期間：12月～
　単価：70～80万（スキル見合い）
　精算：140-180h
　面談：2回
　商流：2社先まで
　外国籍：可

何卒よろしくお願いいたします。

""" + sig("株式会社アオバソリューション", "佐々木 美穂", "営業部", "160-0023", "東京都新宿区西新宿7-10-3 第2アオバビル3F",
          "03-3365-4402", "", "sasaki.aoba@example.jp", "派13-305517", "https://www.example.jp/aoba", bar="-"),
     ("佐々木 美穂", "sasaki.aoba@example.jp"), d(24, 10, 15),
     [talent(["Salesforce", "ServiceNow", "要件定義", "基本設計"], skill_years={"Salesforce": 6, "ServiceNow": 2},
             rate_min=800000, rate_max=800000, start="2027-01-01", station="新百合ヶ丘", age=44,
             gender="male", employment="employee"),
      job(["ServiceNow", "基本設計", "結合テスト"], ["JavaScript"], title="保険代理店向け 顧客管理基盤構築",
          skill_years={"ServiceNow": 1}, rate_min=700000, rate_max=800000, rate_negotiable=True,
          start="2026-12-01", remote="full", settlement_hours=[140, 180], interviews=2,
          foreigners_ok=True, max_chain=2)],
     to="sato.sakura@example.jp", fmt="qp")

# --------------------------------------------------------------------------------------------
# OTHER mails (5)
# --------------------------------------------------------------------------------------------

mail("other_interview_scheduling", "other",
     "面談日程のご調整（T.K様）",
     """株式会社ホシノネット
田村様

お世話になっております。ミナトテックの高橋です。
先日ご提案いただきましたT.K様につきまして、
お客様より面談のご希望をいただきました。

下記の候補日時でご都合はいかがでしょうか。
・11月18日（水）10:00～11:00
・11月19日（木）15:00～16:00
・11月20日（金）13:00～14:00

オンラインでの実施を予定しております。
ご都合のよい日時をご返信いただけますと幸いです。

""" + sig("株式会社ミナトテック", "高橋 誠", "営業本部", "105-0013", "東京都港区浜松町2-4-1 ミナトビル5F",
          "03-5412-7788", "03-5412-7789", "takahashi.minato@example.jp", "労働者派遣事業許可番号 派13-314863"),
     ("高橋 誠", "takahashi.minato@example.jp"), d(13, 17, 20), [], to="tamura.hoshino@example.jp")

mail("other_reply_quoting_job", "other",
     "Re: 【案件ご紹介】在庫管理システム改修の件",
     """佐藤様

お世話になっております。株式会社ツバサ技研の中村です。
案件のご紹介、誠にありがとうございます。

あいにく現在、条件に合う要員がおりませんため、
今回はご提案を見送らせていただきます。
また機会がございましたら、何卒よろしくお願いいたします。

中村

2026年11月12日(木) 9:15 佐藤 健 <sato.sakura@example.jp>:
> ツバサ技研
> 中村様
>
> お世話になっております。サクラシステムズの佐藤です。
>
> 【案件名】在庫管理システム改修
> 【作業内容】Java（Spring Boot）による詳細設計～単体テスト
> 【必須】Java経験3年以上
> 【期間】12月～
> 【場所】品川駅（週2出社）
> 【単価】60～68万
> 【精算】140-180h
> 【面談】1回
> 【外国籍】不可
>
> よろしくお願いいたします。
""",
     ("中村 翔", "nakamura.tsubasa@example.jp"), d(12, 18, 5), [], to="sato.sakura@example.jp",
     fmt="8bit")

mail("other_newsletter_year_end", "other",
     "【ツバサ技研通信 11月号】年末年始休業と事務所移転のお知らせ",
     """━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
　ツバサ技研通信　2026年11月号
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

日頃より格別のお引き立てを賜り、厚く御礼申し上げます。

■年末年始休業のお知らせ
誠に勝手ながら、下記の期間を年末年始休業とさせていただきます。
　休業期間：2026年12月29日（火）～2027年1月4日（月）
　※1月5日（火）より通常営業となります。

■事務所移転のお知らせ
業務拡大に伴い、2027年1月より下記へ移転いたします。
　新住所：〒220-0012 神奈川県横浜市西区みなとみらい3-6-1 みなとみらいセンタービル12F
　新電話番号：045-222-7310（FAX：045-222-7311）

■社員研修レポート
10月に新入社員向けの合同研修を実施いたしました。
今年は14名が参加し、ビジネスマナーや報告・連絡・相談の基本を学びました。

今後ともツバサ技研をよろしくお願いいたします。

※本メールの配信停止をご希望の方は、お手数ですが本メールにその旨ご返信ください。

""" + sig("株式会社ツバサ技研", "広報担当", "総務部", "220-0011", "神奈川県横浜市西区高島2-6-32 横浜東口ビル7F",
          "045-441-2875", "045-441-2876", "info.tsubasa@example.jp", "派14-302219"),
     ("ツバサ技研 広報", "info.tsubasa@example.jp"), d(25, 12, 0), [], to="undisclosed-recipients@example.jp")

mail("other_out_of_office", "other",
     "自動応答: 面談日程のご調整（T.K様）",
     """本メールは自動応答です。

誠に恐れ入りますが、11月16日（月）～11月18日（水）の期間、出張のため不在にしております。
いただいたメールは11月19日（木）以降、順次確認のうえご返信いたします。

お急ぎの場合は、営業部代表（03-5412-7788）までお電話ください。

株式会社ホシノネット　田村
""",
     ("田村 直樹", "tamura.hoshino@example.jp"), d(16, 8, 1), [], to="takahashi.minato@example.jp",
     fmt="8bit")

mail("other_invoice", "other",
     "【請求書送付】2026年10月分 ご請求書の送付について",
     """株式会社ミナトテック
経理ご担当者様

いつもお世話になっております。
株式会社コダマ情報　経理部の吉田でございます。

2026年10月分のご請求書をお送りいたします。
内容をご確認のうえ、お支払いのほどよろしくお願い申し上げます。

　請求書番号：INV-202610-0087
　ご請求金額：715,000円（税込）
　お支払期限：2026年12月31日（木）
　お振込先　：みずなみ銀行　東陽町支店　普通　1234567

※請求書原本は本日郵送にてお送りしております。

ご不明な点がございましたら、下記までお問い合わせください。

""" + sig("株式会社コダマ情報", "吉田 由美", "経理部", "135-0016", "東京都江東区東陽4-2-9",
          "03-5633-0121", "", "yoshida.kodama@example.jp"),
     ("吉田 由美", "yoshida.kodama@example.jp"), d(5, 13, 0), [], to="keiri.minato@example.jp")


# --------------------------------------------------------------------------------------------
# building
# --------------------------------------------------------------------------------------------

def crlf(text):
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def text_part(text, fmt, subtype="plain"):
    if fmt == "iso2022jp":
        return MIMEText(crlf(text), subtype, "iso-2022-jp")
    cs = email_charset.Charset("utf-8")
    cs.body_encoding = {"b64": email_charset.BASE64, "qp": email_charset.QP, "8bit": None}[fmt]
    part = MIMEText("", subtype, "utf-8")
    del part["Content-Transfer-Encoding"]
    part.set_payload(crlf(text), cs)
    return part


def build(m, idx):
    cs = "iso-2022-jp" if m["fmt"] == "iso2022jp" else "utf-8"
    if m["body"] is None:                      # html only
        msg = text_part(m["html"], m["fmt"], "html")
    elif m["html"] is not None:                # multipart/alternative
        msg = MIMEMultipart("alternative")
        msg.attach(text_part(m["body"], m["fmt"]))
        msg.attach(text_part(m["html"], m["fmt"], "html"))
    elif m["attach"] is not None:
        msg = MIMEMultipart("mixed")
        msg.attach(text_part(m["body"], m["fmt"]))
        fname, data = m["attach"]
        att = MIMEApplication(data, "vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        att.add_header("Content-Disposition", "attachment", filename=fname)
        msg.attach(att)
    else:
        msg = text_part(m["body"], m["fmt"])
    msg["From"] = formataddr(m["frm"], charset=cs)
    msg["To"] = m["to"]
    msg["Subject"] = Header(m["subject"], cs)
    msg["Date"] = format_datetime(m["date"])
    mid = f"{m['date']:%Y%m%d%H%M%S}.{idx:03d}.{m['name'].replace('_', '-')}@example.jp"
    msg["Message-ID"] = f"<{mid}>"
    if "MIME-Version" not in msg:
        msg["MIME-Version"] = "1.0"
    raw = msg.as_bytes(policy=policy.compat32.clone(linesep="\r\n"))
    expected = {"message_id": mid, "subject": m["subject"], "kind": m["kind"], "defects": [],
                "postings": m["postings"]}
    return raw, expected


# --------------------------------------------------------------------------------------------
# validation (structure only; also a crude alias scan that flags words the annotator may have missed)
# --------------------------------------------------------------------------------------------

ALIASES = {s: [s] for s in CORE_SKILLS}
ALIASES.update({
    "Spring Boot": ["Spring Boot", "SpringBoot"], "Vue.js": ["Vue", "Vue.js", "VueJS"],
    "React": ["React", "React.js", "ReactJS"], "Node.js": ["Node", "Node.js", "NodeJS"],
    "Next.js": ["Next.js", "NextJS"], "Go": ["Go", "Golang", "Go言語"], "C": ["C言語", "C"],
    "PostgreSQL": ["PostgreSQL", "Postgres", "ポスグレ"], "SQL Server": ["SQL Server", "SQLServer", "MSSQL"],
    "Oracle": ["Oracle", "オラクル"], "Windows Server": ["Windows Server", "WindowsServer"],
    "Shell": ["Shell", "シェル", "ShellScript", "シェルスクリプト", "bash"],
    "製造": ["製造", "実装", "プログラミング", "コーディング"], "単体テスト": ["単体テスト", "UT"],
    "総合テスト": ["総合テスト", "システムテスト"],
    "運用保守": ["運用保守", "運用・保守", "保守運用", "保守・運用", "運用", "保守"],
    "PM": ["PM", "プロジェクトマネージャー", "プロジェクトマネージャ"],
    "PL": ["PL", "プロジェクトリーダー", "リーダー"], "PG": ["PG", "プログラマー"],
    "AWS": ["AWS", "Amazon Web Services"], "GCP": ["GCP", "Google Cloud"], "Azure": ["Azure"],
    "Salesforce": ["Salesforce", "SFDC", "セールスフォース"],
})


def scan(text):
    text = unicodedata.normalize("NFKC", text)
    pairs = sorted(((a, s) for s, al in ALIASES.items() for a in al), key=lambda x: -len(x[0]))
    found = set()
    taken = [False] * len(text)
    for alias, skill in pairs:
        ascii_alias = alias[0].isascii() and alias[-1].isascii()
        pat = re.escape(alias)
        if ascii_alias:
            pat = r"(?<![A-Za-z0-9.#+])" + pat + r"(?![A-Za-z#+]|\.[A-Za-z])"
        for mo in re.finditer(pat, text, flags=re.I):
            if any(taken[mo.start():mo.end()]):
                continue
            found.add(skill)
            for i in range(mo.start(), mo.end()):
                taken[i] = True
    return found


def mail_text(msg):
    out = [str(msg["subject"])]
    for part in msg.walk():
        if part.get_content_maintype() == "text":
            t = part.get_content()
            if part.get_content_subtype() == "html":
                t = re.sub(r"<[^>]+>", "\n", t).replace("&lt;", "<").replace("&gt;", ">")
            out.append(t)
    return "\n".join(out)


def validate():
    problems = []
    counts = {}
    emls = sorted(HERE.glob("*.eml"))
    for eml in emls:
        exp_path = eml.with_suffix(".expected.json")
        raw = eml.read_bytes()
        if b"\n" in raw.replace(b"\r\n", b""):
            problems.append(f"{eml.name}: bare LF")
        msg = message_from_bytes(raw, policy=policy.default)
        if msg.defects:
            problems.append(f"{eml.name}: parser defects {msg.defects}")
        exp = json.loads(exp_path.read_text(encoding="utf-8"))
        counts[exp["kind"]] = counts.get(exp["kind"], 0) + 1
        if set(exp) != {"message_id", "subject", "kind", "defects", "postings"}:
            problems.append(f"{eml.name}: top keys {sorted(exp)}")
        if str(msg["message-id"]).strip("<>") != exp["message_id"]:
            problems.append(f"{eml.name}: message-id mismatch")
        if str(msg["subject"]) != exp["subject"]:
            problems.append(f"{eml.name}: subject mismatch {msg['subject']!r}")
        kinds = {p["kind"] for p in exp["postings"]}
        want = {"job": {"job"}, "talent": {"talent"}, "mixed": {"job", "talent"}, "other": set()}[exp["kind"]]
        if kinds != want:
            problems.append(f"{eml.name}: kind {exp['kind']} vs postings {kinds}")
        text = mail_text(msg)
        for p in exp["postings"]:
            if list(p) != KEYS:
                problems.append(f"{eml.name}: posting keys {list(p)}")
            for k in ("skills", "required_skills", "preferred_skills"):
                if not isinstance(p[k], list) or any(s not in CORE_SKILLS for s in p[k]):
                    problems.append(f"{eml.name}: bad {k} {p[k]}")
            if set(p["skills"]) != set(p["required_skills"]) | set(p["preferred_skills"]) and p["kind"] == "job":
                problems.append(f"{eml.name}: skills != req|pref")
            if set(p["required_skills"]) & set(p["preferred_skills"]):
                problems.append(f"{eml.name}: req/pref overlap")
            if p["kind"] == "talent" and (p["title"] is not None or p["required_skills"] or p["preferred_skills"]):
                problems.append(f"{eml.name}: talent title/req/pref not empty")
            if not all(k in p["skills"] and isinstance(v, float) for k, v in p["skill_years"].items()):
                problems.append(f"{eml.name}: skill_years {p['skill_years']}")
            for k in ("rate_min", "rate_max", "interviews", "age_max", "age", "max_chain", "headcount"):
                if p[k] is not None and type(p[k]) is not int:
                    problems.append(f"{eml.name}: {k} not int")
            for k in ("rate_negotiable",):
                if type(p[k]) is not bool:
                    problems.append(f"{eml.name}: {k} not bool")
            for k in ("foreigners_ok", "freelance_ok"):
                if p[k] is not None and type(p[k]) is not bool:
                    problems.append(f"{eml.name}: {k} not bool/null")
            for k in ("title", "station", "location", "nationality", "japanese_level"):
                if p[k] is not None and not isinstance(p[k], str):
                    problems.append(f"{eml.name}: {k} not str")
            if p["start"] is not None and not re.fullmatch(r"2026-1[12]-\d\d|2027-\d\d-\d\d", p["start"]):
                problems.append(f"{eml.name}: start {p['start']}")
            sh = p["settlement_hours"]
            if sh is not None and not (isinstance(sh, list) and len(sh) == 2 and all(type(x) is int for x in sh)):
                problems.append(f"{eml.name}: settlement_hours {sh}")
            for k, allowed in (("remote", {"full", "hybrid", "onsite"}), ("gender", {"male", "female"}),
                               ("employment", {"employee", "contract", "freelance"}),
                               ("kind", {"job", "talent"})):
                if p[k] is not None and p[k] not in allowed:
                    problems.append(f"{eml.name}: {k} {p[k]}")
            for s in ("station", "location"):
                if p[s] and unicodedata.normalize("NFKC", p[s]) not in unicodedata.normalize("NFKC", text):
                    problems.append(f"{eml.name}: {s} {p[s]!r} not in text")
            if p["title"] and p["title"] not in text:
                problems.append(f"{eml.name}: title not in text")
        # alias scan: what the mail names vs what the postings list (quoted '>' lines excluded)
        unquoted = "\n".join(l for l in text.splitlines() if not l.lstrip().startswith(">"))
        named = scan(unquoted)
        listed = set().union(*[set(p["skills"]) for p in exp["postings"]]) if exp["postings"] else set()
        if named != listed:
            problems.append(f"{eml.name}: alias scan named-not-listed={sorted(named - listed)} "
                            f"listed-not-named={sorted(listed - named)}")
    return emls, counts, problems


def main():
    if "--check" not in sys.argv:
        for old in list(HERE.glob("*.eml")) + list(HERE.glob("*.expected.json")):
            old.unlink()
        names = set()
        for i, m in enumerate(MAILS, 1):
            assert m["name"] not in names, m["name"]
            names.add(m["name"])
            raw, exp = build(m, i)
            (HERE / f"{m['name']}.eml").write_bytes(raw)
            (HERE / f"{m['name']}.expected.json").write_text(
                json.dumps(exp, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    emls, counts, problems = validate()
    print(f"{len(emls)} mails: " + ", ".join(f"{k}={v}" for k, v in sorted(counts.items())))
    for p in problems:
        print("PROBLEM:", p)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
