#!/usr/bin/env python3
"""Generator of the second held-out corpus (tests/heldout2/).

Every mail below is hand-written fiction imitating how different companies write
SES sales mail; every expected value is a hand decision written here as a dict,
annotated against docs/fields.md.  Nothing here calls the extractor.

Run:  python3 tests/heldout2/make_heldout2.py          (writes *.eml + *.expected.json)
      python3 tests/heldout2/make_heldout2.py --check  (also validates)
"""
import hashlib
import json
import os
import re
import sys
import unicodedata
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from email.mime.text import MIMEText
from email.header import decode_header, make_header
from email.utils import format_datetime

OUT = os.path.dirname(os.path.abspath(__file__))
JST = timezone(timedelta(hours=9))

# --------------------------------------------------------------------------
# expected-posting helpers
# --------------------------------------------------------------------------
KEYS = ["kind", "title", "skills", "required_skills", "preferred_skills", "skill_years",
        "rate_min", "rate_max", "rate_negotiable", "start", "station", "location", "remote",
        "settlement_hours", "interviews", "foreigners_ok", "age_max", "age", "gender",
        "nationality", "japanese_level", "employment", "max_chain", "freelance_ok", "headcount"]


def _base():
    return {k: None for k in KEYS} | {"skills": [], "required_skills": [], "preferred_skills": [],
                                      "skill_years": {}, "rate_negotiable": False}


def J(title, req, pref=(), years=None, **kw):
    p = _base()
    p["kind"] = "job"
    p["title"] = title
    p["required_skills"] = list(req)
    p["preferred_skills"] = [s for s in pref if s not in req]
    p["skills"] = list(req) + p["preferred_skills"]
    p["skill_years"] = {k: round(float(v), 2) for k, v in (years or {}).items()}
    for k, v in kw.items():
        assert k in KEYS, k
        p[k] = list(v) if k == "settlement_hours" and v is not None else v
    return p


def T(skills, years=None, **kw):
    p = _base()
    p["kind"] = "talent"
    p["skills"] = list(skills)
    p["skill_years"] = {k: round(float(v), 2) for k, v in (years or {}).items()}
    for k, v in kw.items():
        assert k in KEYS, k
        p[k] = list(v) if k == "settlement_hours" and v is not None else v
    return p


def m(n):
    """months -> years"""
    return round(n / 12, 2)


MAILS = []


def mail(name, day, hm, frm, to, subject, body, kind, postings, enc="8bit", html=None,
         attach=None, scan=None):
    MAILS.append(dict(name=name, date=datetime(2026, 11, day, hm[0], hm[1], tzinfo=JST), frm=frm,
                      to=to, subject=subject, body=body, kind=kind, postings=postings, enc=enc,
                      html=html, attach=attach, scan=scan))


def D(day):
    return f"2026-11-{day:02d}"


# ==========================================================================
# JOB mails (22)
# ==========================================================================

# J01 large SIer, formal template, ━ separators, 20+ labels
mail("job_sier_template_sonpo_java", 4, (10, 12),
     ("ネクサス 高橋 誠", "m.takahashi@example.jp"),
     "partner-all@example.jp",
     "【案件情報】損害保険会社向け 契約管理システム更改（Java/Spring Boot）【K-2611-0412】",
     """\
パートナー各位

いつも大変お世話になっております。
株式会社ネクサス・ソリューションズ　パートナー推進部の高橋でございます。

下記案件につきまして、要員を募集しております。
該当される方がいらっしゃいましたら、スキルシートを添えてご提案いただけますと幸いです。

━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━
■案件番号　　：K-2611-0412
■案件名　　　：損害保険会社向け 契約管理システム更改
■業務内容　　：契約管理システムのオープン化に伴う詳細設計～結合テスト
　　　　　　　　現行のCOBOL資産を読み解き、Javaへ置き換えます。
■必須スキル　：・Java開発経験5年以上
　　　　　　　　・Spring Bootを用いた開発経験
　　　　　　　　・Oracleを用いたSQLの作成経験
■尚可スキル　：・損害保険業務の知見
　　　　　　　　・Linux上でのShell作成経験
■開発環境　　：Java 17／Spring Boot／Oracle 19c／Linux
■工程　　　　：詳細設計～結合テスト
■期間　　　　：2027年1月～2027年12月（延長見込み）
■勤務地　　　：東京都江東区
■最寄駅　　　：豊洲駅
■勤務形態　　：週3出社（残りは在宅）
■勤務時間　　：9:00～17:30（休憩60分）
■単価　　　　：75～85万円
■精算　　　　：140-180h
■支払サイト　：月末締め翌月末払い
■面談回数　　：2回（弊社＋お客様）
■募集人数　　：2名
■商流　　　　：エンド→弊社
■再委託　　　：1社先まで
■外国籍　　　：不可
■年齢　　　　：50歳まで
■服装　　　　：ビジネスカジュアル
━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━

※ご提案の際は、所属（貴社社員／1社先）と雇用形態、並行状況を必ずご記載ください。
※本メールにお心当たりのない場合は、お手数ですが破棄をお願いいたします。

━━━━━━━━━━━━━━━━━━━━━━━━━━
株式会社ネクサス・ソリューションズ
パートナー推進部　高橋 誠
〒135-0061 東京都江東区豊洲3-2-20 豊洲フロント12F
TEL：03-6219-4410　FAX：03-6219-4411
Mail：m.takahashi@example.jp
労働者派遣事業許可番号　派13-304512
━━━━━━━━━━━━━━━━━━━━━━━━━━
""", "job",
     [J("損害保険会社向け 契約管理システム更改",
        ["Java", "Spring Boot", "詳細設計", "結合テスト", "COBOL", "Oracle", "SQL", "Linux"],
        ["Shell"], {"Java": 5},
        rate_min=750000, rate_max=850000, start="2027-01-01", station="豊洲",
        location="東京都江東区", remote="hybrid", settlement_hours=(140, 180), interviews=2,
        headcount=2, max_chain=1, foreigners_ok=False, age_max=50)],
     enc="qp")

# J02 tiny company, chatty prose, conditions in sentences
mail("job_chatty_prose_small_company_php", 5, (18, 40),
     ("ことり工房 小林 さやか", "kobayashi@example.jp"),
     "eigyo@example.jp",
     "【ご相談】在庫管理システム改修のお手伝い（PHP）",
     """\
株式会社ブリッジワークス
営業ご担当者様

お疲れ様です、ことり工房の小林です。
いつもご連絡ありがとうございます。

実は弊社で請けている物流会社さんの在庫管理システムの改修で、手が足りなくなってしまいまして、
お力を貸していただける方がいないかご相談させてください。

中身としてはPHP（Laravel）で作られた既存システムの改修で、詳細設計から実装、単体テストまでを
お一人でこなしていただけると本当に助かります。MySQLのSQLが普通に書ければ大丈夫です。
画面まわりはjQueryが少しだけ残っています。

開始は12月からを予定していて、まずは3か月、その後は延長の見込みです。
場所は大崎駅の近くの弊社オフィスで、週2日出社、残りはリモートでお願いしています。
単価は～62万円、精算は140-180hでお願いできればと思っております。
面談は1回で、弊社のメンバーと軽くお話しいただくだけです。

すみませんが、外国籍の方は今回は不可とさせてください。
所属は貴社社員の方まででお願いできればと思います（フリーランスの方は不可です）。

ご紹介いただける方がいらっしゃいましたら、お気軽にご連絡ください。
どうぞよろしくお願いいたします。

--
合同会社ことり工房
小林 さやか
〒141-0032 東京都品川区大崎2-7-3 大崎ヒルズ4F
TEL 03-5436-2281 / 090-4412-7789
kobayashi@example.jp
""", "job",
     [J("在庫管理システム改修のお手伝い（PHP）",
        ["PHP", "Laravel", "詳細設計", "製造", "単体テスト", "MySQL", "SQL", "jQuery"],
        rate_max=620000, start="2026-12-01", station="大崎", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=0,
        freelance_ok=False)])

# J03 labels padded with full-width spaces, ISO-2022-JP
mail("job_padded_labels_csharp_iso2022jp", 6, (9, 5),
     ("サンライズ 渡辺 浩二", "watanabe@example.jp"),
     "bp@example.jp",
     "案件のご紹介　医療系Webシステム開発（C#）",
     """\
ビジネスパートナー各位

お世話になっております。
株式会社サンライズテクノの渡辺です。

下記案件のご紹介です。ご提案をお待ちしております。

案件名　　　：　医療機関向け予約管理システム開発
作業内容　　：　C#（ASP.NET）による画面および帳票の基本設計、詳細設計、製造
必須スキル　：　C#での開発経験3年以上、SQL Serverを使用した開発経験
尚可スキル　：　医療系システムの開発経験、Azureの利用経験
期間　　　　：　12月中旬〜長期
場所　　　　：　田町駅（基本出社）
単価　　　　：　60〜68万円（スキル見合い）
精算　　　　：　140〜180h
面談　　　　：　1回（WEB可）
人数　　　　：　1名
外国籍　　　：　可（日本語ビジネスレベル以上）
年齢　　　　：　45歳まで
商流　　　　：　元請→弊社（貴社まで）

以上、よろしくお願いいたします。

*****************************************
株式会社サンライズテクノ
営業部　渡辺 浩二
〒108-0023 東京都港区芝浦4-6-8
TEL 03-5442-7310
watanabe@example.jp
一般労働者派遣事業 派13-311027
*****************************************
""", "job",
     [J("医療機関向け予約管理システム開発",
        ["C#", "ASP.NET", "基本設計", "詳細設計", "製造", "SQL Server"], ["Azure"], {"C#": 3},
        rate_min=600000, rate_max=680000, rate_negotiable=True, start="2026-12-11",
        station="田町", remote="onsite", settlement_hours=(140, 180), interviews=1, headcount=1,
        foreigners_ok=True, japanese_level="ビジネスレベル", age_max=45, max_chain=0)],
     enc="jis")

# J04 ● lists, value on next line for 案件名, full remote
mail("job_maru_list_aws_full_remote", 9, (11, 20),
     ("アークライン 営業部 松井", "matsui@example.jp"),
     "partner@example.jp",
     "【AWS基盤構築】12月～／フルリモート／～75万",
     """\
お取引先様

いつもお世話になっております。
株式会社アークラインの松井でございます。
下記の案件につきまして、ご提案いただける方を探しております。

●案件名
　EC事業者向け AWS基盤の構築
●概要
　ECサイトのインフラ構築を担当いただきます。
　運用保守フェーズへの引き継ぎ資料の作成も含みます。
●必須
　・AWSでの構築経験2年以上
　・EC2／S3／Lambdaの利用経験
　・Terraformによる構築経験
　・Linuxの基本操作
●尚可
　・Docker／Kubernetesの利用経験
　・GitHub Actionsでのパイプライン作成経験
●期間：12月～長期
●場所：フルリモート
●単価：～75万円（140-180h）
●面談：1回
●商流：元請→弊社
●その他：外国籍不可、個人事業主可、40代まで

ご検討のほど、何卒よろしくお願い申し上げます。

------------------------------------------
株式会社アークライン　営業部
松井 亮
〒150-0043 東京都渋谷区道玄坂1-12-1
TEL：03-6416-2258
matsui@example.jp
------------------------------------------
""", "job",
     [J("EC事業者向け AWS基盤の構築",
        ["AWS", "運用保守", "EC2", "S3", "Lambda", "Terraform", "Linux"],
        ["Docker", "Kubernetes", "GitHub Actions"], {"AWS": 2},
        rate_max=750000, start="2026-12-01", remote="full", settlement_hours=(140, 180),
        interviews=1, foreigners_ok=False, freelance_ok=True, age_max=49)],
     enc="base64")

# J05 【】 labels with the value on the next line
mail("job_kakko_value_next_line_rails", 10, (13, 45),
     ("ミライズ 営業 中島 拓也", "nakajima@example.jp"),
     "partner@example.jp",
     "【案件】Ruby on Rails 自社サービス開発／恵比寿",
     """\
各位

お世話になっております。ミライズの中島です。
下記案件、ご提案可能な方がいらっしゃいましたらご連絡ください。

【案件名】
自社サービス（不動産ポータル）の機能追加開発

【業務内容】
Ruby on Railsを用いたバックエンドの機能追加。
React（TypeScript）のフロント修正も一部あり。

【必須スキル】
・Ruby on Railsでの実務経験3年以上
・PostgreSQLまたはMySQLの利用経験

【尚可スキル】
・AWS環境での開発経験
・Dockerを用いた開発環境の構築経験

【期間】
1月～長期

【場所】
恵比寿駅（リモート併用）

【単価】
～70万円

【精算】
固定

【面談】
1回

【外国籍】
不可

【備考】
フリーランスの方も可

よろしくお願いいたします。

株式会社ミライズ
中島 拓也
〒150-0013 東京都渋谷区恵比寿1-19-15
TEL 03-6277-5093
nakajima@example.jp
""", "job",
     [J("自社サービス（不動産ポータル）の機能追加開発",
        ["Ruby on Rails", "React", "TypeScript", "PostgreSQL", "MySQL"], ["AWS", "Docker"],
        {"Ruby on Rails": 3},
        rate_max=700000, start="2027-01-01", station="恵比寿", remote="hybrid", interviews=1,
        foreigners_ok=False, freelance_ok=True)])

# J06 HTML-derived mail flattened to one long line
mail("job_flattened_html_one_line_java", 11, (8, 30),
     ("ブルーオーシャン 営業部", "info-bo@example.jp"),
     "partner@example.jp",
     "【新着案件】金融系 Java 基本設計～ 品川 80万",
     "お世話になっております。株式会社ブルーオーシャンの営業部でございます。下記案件のご紹介です。 "
     "&lt;&lt;案件情報&gt;&gt; 案件名：銀行向け融資審査システム追加開発 作業内容：Javaによる基本設計～総合テスト "
     "必須スキル：Java（Struts）での開発経験、基本設計の経験 尚可スキル：金融系システムの開発経験、Oracle "
     "期間：12月～長期 勤務地：品川駅 単価：70～80万円 精算：140h～180h 面談：2回 外国籍：不可 年齢：～49歳 "
     "商流：貴社まで（個人事業主不可） ご提案お待ちしております。 ━━━━━━━━━━ 株式会社ブルーオーシャン 営業部 "
     "TEL：03-5781-3320 〒108-0075 東京都港区港南2-16-1 派13-316655 info-bo@example.jp\n",
     "job",
     [J("銀行向け融資審査システム追加開発",
        ["Java", "基本設計", "総合テスト", "Struts"], ["Oracle"],
        rate_min=700000, rate_max=800000, start="2026-12-01", station="品川",
        settlement_hours=(140, 180), interviews=2, foreigners_ok=False, age_max=49, max_chain=0,
        freelance_ok=False)],
     enc="base64")

# J07 Chinese-run partner, slightly unusual Japanese
mail("job_chinese_partner_python_n2", 12, (10, 2),
     ("華信テック 劉 偉", "liu.wei@example.jp"),
     "partner@example.jp",
     "【案件紹介】Python データ基盤開発 即日",
     """\
各位

お世話になります。華信テックの劉です。
以下の案件が御座います、ご紹介致します。
要員がいらっしゃいましたら、ご連絡をお願い致します。

案件名：物流会社 データ集計基盤 開発
内容：Python(Django)でデータ集計の画面と処理を開発します。詳細設計、製造、単体テストまで担当します。
スキル要求：
　Python 3年以上
　Django経験
　PostgreSQL経験
　Linux
あれば尚可：GCP、Docker
時期：即日または12月から
場所：新宿駅、週1出社 他在宅
単金：55～65万
精算幅：140～180時間
面談：1回、WEB
外国籍：可能、日本語N2以上
年齢：不問
所属：貴社社員、一社先まで可能
人数：2名

宜しくお願い致します。

株式会社華信テック
営業部　劉 偉
〒171-0022 東京都豊島区南池袋1-18-9
TEL：03-5960-8821
Email：liu.wei@example.jp
派13-318204
""", "job",
     [J("物流会社 データ集計基盤 開発",
        ["Python", "Django", "詳細設計", "製造", "単体テスト", "PostgreSQL", "Linux"],
        ["GCP", "Docker"], {"Python": 3},
        rate_min=550000, rate_max=650000, start=D(12), station="新宿", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=True, japanese_level="N2",
        max_chain=1, headcount=2)],
     enc="base64")

# J08 subject-only posting
mail("job_subject_only_php_shibuya", 13, (19, 10),
     ("スピードリンク 岡田 健太", "okada@example.jp"),
     "partner@example.jp",
     "【急募】PHP/渋谷/～60万/1月～",
     """\
各位

お世話になっております。スピードリンクの岡田です。
件名の案件、急ぎでご提案をお待ちしております。
詳細はお問い合わせください。

株式会社スピードリンク
岡田 健太
TEL：03-6455-1902
okada@example.jp
""", "job",
     [J("PHP/渋谷/～60万/1月～", ["PHP"], rate_max=600000, start="2027-01-01", station="渋谷")])

# J09 subject-only posting, info also inside the 【】 tag
mail("job_subject_only_python_full_remote", 16, (7, 55),
     ("トライアングル 営業 三上", "mikami@example.jp"),
     "bp-list@example.jp",
     "【即日/フルリモート】Python・Django/～70万/要件定義～",
     """\
いつもお世話になっております。
トライアングルの三上です。

件名の案件につきまして、ご提案いただける方を募集しております。
お心当たりの方がいらっしゃいましたら、スキルシートをお送りください。

株式会社トライアングル　三上 大輔
〒160-0023 東京都新宿区西新宿7-5-25
TEL 03-5338-6620
""", "job",
     [J("Python・Django/～70万/要件定義～", ["Python", "Django", "要件定義"],
        rate_max=700000, start=D(16), remote="full")],
     enc="qp")

# J10 three 案件 with an index at the top
mail("job_multi3_index_maru_numbers", 17, (10, 30),
     ("グランドアーク 佐々木 恵", "sasaki@example.jp"),
     "partner@example.jp",
     "【案件情報】本日の注力案件3件のご紹介",
     """\
パートナー企業様

いつもお世話になっております。
グランドアークの佐々木でございます。

本日の注力案件を3件ご紹介いたします。

＜目次＞
案件①　通信キャリア向け 顧客管理システム保守開発
案件②　小売業向け スマホアプリ（Flutter）開発
案件③　官公庁向け 基盤更改PMO支援

━━━━━━━━━━━━━━━━━━━━━━
案件①
━━━━━━━━━━━━━━━━━━━━━━
【案件名】通信キャリア向け 顧客管理システム保守開発
【作業内容】Java（Spring）による改修案件の詳細設計～単体テスト
【必須】Java経験3年以上／Oracle
【尚可】Jenkinsの利用経験
【期間】12月～長期
【場所】新横浜駅（常駐）
【単価】～65万円
【精算】140-180h
【面談】1回
【外国籍】不可
【商流】貴社社員まで

━━━━━━━━━━━━━━━━━━━━━━
案件②
━━━━━━━━━━━━━━━━━━━━━━
【案件名】小売業向け スマホアプリ（Flutter）開発
【作業内容】Flutterによるアプリ開発（基本設計～結合テスト）
【必須】Flutterでの開発経験1年以上
【尚可】Swift、Kotlinでのネイティブアプリ開発経験
【期間】即日～
【場所】フルリモート
【単価】55～65万円（スキル見合い）
【精算】140-180h
【面談】2回
【外国籍】可（N1以上）
【商流】1社先まで

━━━━━━━━━━━━━━━━━━━━━━
案件③
━━━━━━━━━━━━━━━━━━━━━━
【案件名】官公庁向け 基盤更改PMO支援
【作業内容】基盤更改プロジェクトのPMO（進捗・課題管理、会議体の事務局）
【必須】PMO経験3年以上
【尚可】官公庁案件の経験、AWSの知識
【期間】2027年2月～
【場所】霞ケ関駅（週2出社）
【単価】80～95万円
【精算】150-200h
【面談】2回
【年齢】55歳まで
【外国籍】日本国籍限定
【商流】エンド→元請→弊社

ご不明点はお気軽にお問い合わせください。

=================================
株式会社グランドアーク
営業本部　佐々木 恵
〒105-0014 東京都港区芝2-28-8
TEL：03-5765-4431
sasaki@example.jp
派13-309876
=================================
""", "job",
     [J("通信キャリア向け 顧客管理システム保守開発",
        ["運用保守", "Java", "Spring", "詳細設計", "単体テスト", "Oracle"], ["Jenkins"],
        {"Java": 3},
        rate_max=650000, start="2026-12-01", station="新横浜", remote="onsite",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=0),
      J("小売業向け スマホアプリ（Flutter）開発",
        ["Flutter", "基本設計", "結合テスト"], ["Swift", "Kotlin"], {"Flutter": 1},
        rate_min=550000, rate_max=650000, rate_negotiable=True, start=D(17), remote="full",
        settlement_hours=(140, 180), interviews=2, foreigners_ok=True, japanese_level="N1",
        max_chain=1),
      J("官公庁向け 基盤更改PMO支援", ["PMO"], ["AWS"], {"PMO": 3},
        rate_min=800000, rate_max=950000, start="2027-02-01", station="霞ケ関", remote="hybrid",
        settlement_hours=(150, 200), interviews=2, age_max=55, foreigners_ok=False)],
     enc="qp")

# J11 two 案件, 【案件1】【案件2】, ISO-2022-JP
mail("job_multi2_kakko_numbered_iso2022jp", 18, (16, 20),
     ("タカミ情報 森 敏夫", "mori@example.jp"),
     "torihiki@example.jp",
     "案件2件のご紹介（11月18日）",
     """\
お取引先各位

お世話になっております。タカミ情報システムの森です。
下記2件、要員を募集しております。

【案件1】
案件名：製造業向け 生産管理システム再構築
内容：VB.NETからC#への移行開発。詳細設計〜製造、単体テストを担当。
必須：VB.NETまたはC#での開発経験、SQL Server
尚可：移行案件の経験
期間：12月〜
場所：川崎駅（出社）
単価：55〜62万円
精算：140〜180h
面談：1回
年齢：50代前半まで
備考：外国籍不可、貴社まで（フリーランス可）

【案件2】
案件名：自治体向け 住民情報システム運用保守
内容：住民情報システムの運用保守、問い合わせ対応、障害対応
必須：UNIXまたはLinuxの運用経験、Shellの読解
尚可：JP1の操作経験
期間：1月〜長期
場所：さいたま新都心駅（常駐）
単価：45〜50万円
精算：140〜180h
面談：2回
人数：2名
備考：外国籍不可、年齢45歳まで

以上です。ご検討よろしくお願いします。

株式会社タカミ情報システム
営業部　森 敏夫
〒330-0854 埼玉県さいたま市大宮区桜木町1-7-5
TEL 048-645-2290　FAX 048-645-2291
mori@example.jp
""", "job",
     [J("製造業向け 生産管理システム再構築",
        ["VB.NET", "C#", "詳細設計", "製造", "単体テスト", "SQL Server"],
        rate_min=550000, rate_max=620000, start="2026-12-01", station="川崎", remote="onsite",
        settlement_hours=(140, 180), interviews=1, age_max=54, foreigners_ok=False, max_chain=0,
        freelance_ok=True),
      J("自治体向け 住民情報システム運用保守", ["運用保守", "UNIX", "Linux", "Shell"], ["JP1"],
        rate_min=450000, rate_max=500000, start="2027-01-01", station="さいたま新都心",
        remote="onsite", settlement_hours=(140, 180), interviews=2, headcount=2,
        foreigners_ok=False, age_max=45)],
     enc="jis")

# J12 two 案件, ■案件N headers
mail("job_multi2_square_headers_go_infra", 19, (9, 40),
     ("リンクステージ 中村 翔", "nakamura@example.jp"),
     "partner@example.jp",
     "【リンクステージ】案件情報 2件",
     """\
ご担当者様

お世話になっております。
株式会社リンクステージの中村です。
新規案件を2件ご紹介させていただきます。

■案件1
案件名：動画配信サービス バックエンド開発
概要：Go言語によるマイクロサービス開発
必須：Goでの開発経験2年以上、Docker、Kubernetes
尚可：GCPでの開発経験、Redis
開始：即日～
場所：六本木一丁目駅（基本リモート）
単価：70～85万（スキル見合い）
精算：140-180h
面談：2回
外国籍：可（日本語ビジネスレベル）
商流：元請→弊社→貴社
備考：個人事業主の方も可能です

■案件2
案件名：流通系 基幹システム インフラ構築
概要：オンプレ環境のサーバ構築（Windows Server／Linux）
必須：Windows Serverの構築経験、Linuxの構築経験
尚可：Ansible、Azure
開始：12月～
場所：浜松町（出社とリモート併用）
単価：50～60万
精算：140-180h
面談：1回
外国籍：不可
年齢：40歳まで
募集人数：1名

何卒よろしくお願いいたします。

―――――――――――――――――――――――
株式会社リンクステージ
中村 翔
〒106-0032 東京都港区六本木1-4-5
TEL：03-6230-9418
nakamura@example.jp
―――――――――――――――――――――――
""", "job",
     [J("動画配信サービス バックエンド開発", ["Go", "Docker", "Kubernetes"], ["GCP", "Redis"],
        {"Go": 2},
        rate_min=700000, rate_max=850000, rate_negotiable=True, start=D(19), station="六本木一丁目",
        remote="full", settlement_hours=(140, 180), interviews=2, foreigners_ok=True,
        japanese_level="ビジネスレベル", freelance_ok=True),
      J("流通系 基幹システム インフラ構築", ["Windows Server", "Linux"], ["Ansible", "Azure"],
        rate_min=500000, rate_max=600000, start="2026-12-01", station="浜松町", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, age_max=40, headcount=1)],
     enc="base64")

# J13 three 案件, compact No.N
mail("job_multi3_compact_no_numbers", 20, (12, 15),
     ("フロンティアワークス 吉田 彩", "yoshida@example.jp"),
     "partner@example.jp",
     "案件のご案内 No.1～No.3",
     """\
お世話になっております。フロンティアワークス吉田です。
新着案件のご案内です。

No.1
案件名：保険会社向け Salesforce導入支援
スキル：Salesforceの導入経験、要件定義の経験
期間：12月～
場所：大手町駅　※リモート併用
単価：～90万
面談：2回
外国籍：不可

No.2
案件名：ECサイト フロントエンド開発
スキル：Vue.js、TypeScript、HTML/CSS
尚可：Node.jsでの開発経験
期間：即日～
場所：フルリモート
単価：55～65万
面談：1回
外国籍：可
年齢：35歳まで

No.3
案件名：メーカー向け 組込み系テスト
スキル：C言語での単体テスト、結合テスト経験
期間：1月～
場所：横浜駅（常駐）
単価：40～45万（140-180h）
面談：1回
人数：3名

よろしくお願いします。
フロンティアワークス株式会社　吉田
TEL 045-222-8170
""", "job",
     [J("保険会社向け Salesforce導入支援", ["Salesforce", "要件定義"],
        rate_max=900000, start="2026-12-01", station="大手町", remote="hybrid", interviews=2,
        foreigners_ok=False),
      J("ECサイト フロントエンド開発", ["Vue.js", "TypeScript", "HTML", "CSS"], ["Node.js"],
        rate_min=550000, rate_max=650000, start=D(20), remote="full", interviews=1,
        foreigners_ok=True, age_max=35),
      J("メーカー向け 組込み系テスト", ["テスト", "C", "単体テスト", "結合テスト"],
        rate_min=400000, rate_max=450000, start="2027-01-01", station="横浜", remote="onsite",
        settlement_hours=(140, 180), interviews=1, headcount=3)])

# J14 conditions only in a final 備考 paragraph
mail("job_conditions_in_final_biko_paragraph", 20, (17, 50),
     ("エムズリンク 松本 大樹", "matsumoto@example.jp"),
     "partner@example.jp",
     "【案件】Java 保険系 詳細設計～ 12月～",
     """\
パートナー様

お世話になっております。
エムズリンクの松本でございます。

下記案件のご紹介です。

【案件名】生命保険会社向け 保全システム改修
【作業内容】Javaによる詳細設計、製造、単体テスト
【必須スキル】Java（3年以上）、SQL
【尚可スキル】保険業務経験、Spring
【期間】12月～長期
【場所】新川崎駅
【単価】～63万円
【面談】1回

【備考】
恐れ入りますが、外国籍の方はNGとなります。また、商流の関係上、貴社社員（個人事業主不可）までとさせてください。
年齢は45歳以上NGです。精算は140-180hで、出社は週3日、残りは在宅となります。
2名まで募集しております。

ご提案お待ちしております。

株式会社エムズリンク
松本 大樹
〒212-0058 神奈川県川崎市幸区鹿島田1-1-2
TEL：044-520-3381
matsumoto@example.jp
""", "job",
     [J("生命保険会社向け 保全システム改修", ["Java", "詳細設計", "製造", "単体テスト", "SQL"],
        ["Spring"], {"Java": 3},
        rate_max=630000, start="2026-12-01", station="新川崎", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=0,
        freelance_ok=False, age_max=44, headcount=2)])

# J15 multipart/alternative with HTML
J15_PLAIN = """\
パートナー各位

いつもお世話になっております。
株式会社クラウドブリッジの伊藤です。

■案件名：製薬会社向け 業務アプリケーション開発
■作業内容：C#（.NET）とAzureを用いた業務アプリの基本設計～総合テスト
■必須スキル：C#での開発経験、Azureの利用経験
■尚可スキル：SQL Server、Gitでのチーム開発経験
■期間：2027年1月～
■場所：日本橋駅（リモート併用）
■単価：65～75万円
■精算：140-180h
■面談：1回
■外国籍：不可
■商流：貴社まで

よろしくお願いいたします。

株式会社クラウドブリッジ　伊藤 真理
〒103-0027 東京都中央区日本橋2-3-4
TEL 03-3275-6612
"""
J15_HTML = """\
<html><head><meta charset="utf-8"></head><body>
<p>パートナー各位</p>
<p>いつもお世話になっております。<br>株式会社クラウドブリッジの伊藤です。</p>
<table border="1" cellpadding="4">
<tr><td>■案件名</td><td>製薬会社向け 業務アプリケーション開発</td></tr>
<tr><td>■作業内容</td><td>C#（.NET）とAzureを用いた業務アプリの基本設計～総合テスト</td></tr>
<tr><td>■必須スキル</td><td>C#での開発経験、Azureの利用経験</td></tr>
<tr><td>■尚可スキル</td><td>SQL Server、Gitでのチーム開発経験</td></tr>
<tr><td>■期間</td><td>2027年1月～</td></tr>
<tr><td>■場所</td><td>日本橋駅（リモート併用）</td></tr>
<tr><td>■単価</td><td>65～75万円</td></tr>
<tr><td>■精算</td><td>140-180h</td></tr>
<tr><td>■面談</td><td>1回</td></tr>
<tr><td>■外国籍</td><td>不可</td></tr>
<tr><td>■商流</td><td>貴社まで</td></tr>
</table>
<p>よろしくお願いいたします。</p>
<p>株式会社クラウドブリッジ　伊藤 真理<br>〒103-0027 東京都中央区日本橋2-3-4<br>TEL 03-3275-6612</p>
</body></html>
"""
mail("job_html_alternative_csharp_azure", 24, (10, 0),
     ("クラウドブリッジ 伊藤 真理", "ito.mari@example.jp"),
     "partner@example.jp",
     "【案件】Azure／.NET 業務アプリ開発（リモート併用）",
     J15_PLAIN, "job",
     [J("製薬会社向け 業務アプリケーション開発",
        ["C#", ".NET", "Azure", "基本設計", "総合テスト"], ["SQL Server", "Git"],
        rate_min=650000, rate_max=750000, start="2027-01-01", station="日本橋", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=0)],
     enc="qp", html=J15_HTML)

# J16 mainframe COBOL, ・ labels with spaced names, ISO-2022-JP
mail("job_mainframe_cobol_dot_labels_iso2022jp", 25, (8, 45),
     ("ホクト電算 石井 正", "ishii@example.jp"),
     "partner@example.jp",
     "汎用機 COBOL 案件のご紹介（北千住）",
     """\
関係各位

いつもお世話になっております。
有限会社ホクト電算の石井でございます。

・案件名　：信用金庫向け 勘定系システム保守
・作業内容：COBOLによる改修の詳細設計、製造、テスト
・必　須　：COBOL経験5年以上、DB2の使用経験
・尚　可　：金融系システムの経験
・期　間　：12月〜長期
・場　所　：北千住
・単　価　：〜58万（スキル見合い）
・精　算　：140〜180h
・面　談　：１回
・年　齢　：60歳まで
・外国籍　：不可
・所　属　：貴社社員まで（個人事業主不可）
・人　数　：1名

よろしくお願いいたします。

有限会社ホクト電算
石井 正
〒120-0034 東京都足立区千住3-92
TEL 03-3882-5417
派13-302288
""", "job",
     [J("信用金庫向け 勘定系システム保守", ["運用保守", "COBOL", "詳細設計", "製造", "テスト", "DB2"],
        years={"COBOL": 5},
        rate_max=580000, rate_negotiable=True, start="2026-12-01", station="北千住",
        settlement_hours=(140, 180), interviews=1, age_max=60, foreigners_ok=False, max_chain=0,
        freelance_ok=False, headcount=1)],
     enc="jis")

# J17 ◆ labels with ＜必須＞＜尚可＞ sub-headings
mail("job_diamond_labels_sub_headings_nextjs", 25, (14, 30),
     ("ノーザンライツ 村上 由紀", "murakami@example.jp"),
     "partner@example.jp",
     "◆案件情報◆Next.js／Node.js 新規Webサービス開発",
     """\
お取引先各位

お世話になっております。ノーザンライツの村上です。
エンド直の新規案件をご案内いたします。

◆ 案件名 ： 旅行予約サービス 新規開発
◆ 内容 ： Next.js（TypeScript）とNode.jsによる新規Webサービスの開発
◆ スキル ：
　＜必須＞
　・TypeScriptでの開発経験2年以上
　・Next.jsまたはReactでの開発経験
　＜尚可＞
　・AWS（Lambda）の利用経験
　・PostgreSQL
◆ 期間 ： 即日～長期
◆ 場所 ： 五反田駅（基本リモート）
◆ 金額 ： 60～75万円
◆ 精算 ： 140～180h
◆ 面談 ： 1～2回
◆ 外国籍 ： 不可
◆ 年齢 ： 30代まで
◆ 商流 ： エンド直（貴社まで、フリーランス可）

以上、よろしくお願いいたします。

株式会社ノーザンライツ　村上 由紀
〒141-0022 東京都品川区東五反田1-10-8
TEL：03-6408-7725
""", "job",
     [J("旅行予約サービス 新規開発", ["Next.js", "Node.js", "TypeScript", "React"],
        ["AWS", "Lambda", "PostgreSQL"], {"TypeScript": 2},
        rate_min=600000, rate_max=750000, start=D(25), station="五反田", remote="full",
        settlement_hours=(140, 180), interviews=2, foreigners_ok=False, age_max=39, max_chain=0,
        freelance_ok=True)])

# J18 hourly rate (時給) job
mail("job_hourly_rate_test_nagoya", 26, (11, 10),
     ("ワイズパートナーズ 上田 智子", "ueda@example.jp"),
     "partner@example.jp",
     "【時給案件】Webシステム 結合テスト要員／名古屋",
     """\
ご担当者様

いつもお世話になっております。
株式会社ワイズパートナーズの上田です。

■案件名：自動車部品メーカー向け 受発注Webシステム 結合テスト
■作業内容：テスト仕様書に沿った結合テスト、総合テストの実施およびエビデンス取得
■必須：テスト実施の経験、SQLで簡単なデータ確認ができる方
■尚可：Javaのソースが読める方
■期間：12月～2027年3月（延長の可能性あり）
■場所：名古屋駅（常駐）
■単価：時給2,800円～3,200円
■面談：1回
■人数：2名
■外国籍：可（N2以上）

何卒よろしくお願いいたします。

株式会社ワイズパートナーズ
名古屋営業所　上田 智子
〒450-0002 愛知県名古屋市中村区名駅4-5-28
TEL：052-589-1177
派23-301456
""", "job",
     [J("自動車部品メーカー向け 受発注Webシステム 結合テスト",
        ["結合テスト", "テスト", "総合テスト", "SQL"], ["Java"],
        start="2026-12-01", station="名古屋", remote="onsite", interviews=1, headcount=2,
        foreigners_ok=True, japanese_level="N2")],
     enc="qp")

# J19 PMO, 件名 label, 40代前半まで, chain description only
mail("job_pmo_kenmei_label_chain_description", 26, (15, 0),
     ("アルファ 西村 剛", "nishimura@example.jp"),
     "partner@example.jp",
     "【PMO】大手流通 基幹刷新PMO／要件定義～／90万",
     """\
パートナー各位

お世話になっております。
株式会社アルファコンサルティングの西村です。
上流案件のご紹介です。

【件名】大手流通業 基幹システム刷新 PMO支援
【概要】基幹システム刷新プロジェクトにおけるPMO。要件定義～基本設計フェーズの進捗管理、品質管理、ベンダーコントロール。
【必須】
・PMO経験（大規模案件）
・要件定義フェーズの経験
【尚可】
・SAPの導入経験
・PM経験
【時期】12月～
【場所】東京駅（週3出社）
【単価】～90万円（スキル見合い）
【精算】160-200h
【面談】2回（WEB）
【年齢】40代前半まで
【商流】エンド→元請→弊社
【国籍】日本国籍の方のみ

ご検討のほどよろしくお願いいたします。

株式会社アルファコンサルティング
西村 剛
〒100-0005 東京都千代田区丸の内1-8-2
TEL 03-6551-2043
""", "job",
     [J("大手流通業 基幹システム刷新 PMO支援", ["PMO", "要件定義", "基本設計"], ["SAP", "PM"],
        rate_max=900000, rate_negotiable=True, start="2026-12-01", station="東京", remote="hybrid",
        settlement_hours=(160, 200), interviews=2, age_max=44, foreigners_ok=False)])

# J20 【単　金】@55（140-180）, 【外国歴】typo, 【B　P】不可
mail("job_at_rate_bp_ng_vbnet", 27, (9, 20),
     ("サクラシステムサービス 藤田 亮", "fujita@example.jp"),
     "partner@example.jp",
     "【案件】VB.NET 保守開発 西葛西",
     """\
各位

お世話になっております、サクラシステムサービスの藤田です。

【案件名】物流会社向け 配送管理システム保守開発
【作　業】VB.NETによる改修（詳細設計～結合テスト）
【必　須】VB.NET 3年以上、Oracle（PL/SQL）
【尚　可】ASP.NET
【期　間】12月～
【場　所】西葛西駅（フル出社）
【単　金】@55（140-180）
【面　談】1回（弊社同席）
【外国歴】不可
【年　齢】～55歳
【B　P】不可

よろしくお願いします。

株式会社サクラシステムサービス
藤田 亮
〒134-0088 東京都江戸川区西葛西6-8-10
TEL 03-5696-3120
派13-307731
""", "job",
     [J("物流会社向け 配送管理システム保守開発",
        ["VB.NET", "運用保守", "詳細設計", "結合テスト", "Oracle", "PL/SQL"], ["ASP.NET"],
        {"VB.NET": 3},
        rate_min=550000, rate_max=550000, start="2026-12-01", station="西葛西", remote="onsite",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, age_max=55, max_chain=0)],
     enc="base64")

# J21 ▼ labels with value on next line, per-start head count
mail("job_triangle_labels_headcount_per_start_cisco", 27, (13, 40),
     ("ネットフォース 小川 隆", "ogawa@example.jp"),
     "partner@example.jp",
     "▼案件▼ネットワーク構築（Cisco）／複数名",
     """\
お世話になっております。
ネットフォースの小川です。
増員案件のご紹介です。

▼案件名
金融機関向け ネットワーク更改
▼作業内容
Cisco機器の設定・構築、試験、運用保守チームへの引継ぎ
▼必須スキル
Cisco機器の構築経験2年以上
▼尚可スキル
Linuxの基本操作、Ansible
▼開始
１月～：１名　２月～：２～３名
▼場所
大手町駅（常駐）
▼単価
50～60万円
▼精算
140～180h
▼面談
1回
▼外国籍
不可
▼商流
2社先まで

よろしくお願いいたします。

株式会社ネットフォース　小川 隆
〒101-0047 東京都千代田区内神田2-15-9
TEL：03-5298-4470
""", "job",
     [J("金融機関向け ネットワーク更改", ["Cisco", "運用保守"], ["Linux", "Ansible"], {"Cisco": 2},
        rate_min=500000, rate_max=600000, start="2027-01-01", station="大手町", remote="onsite",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=2, headcount=4)])

# J22 = separators, 案件概要 label, area-only place, 上限
mail("job_sap_equals_separators_area_only", 30, (10, 45),
     ("ビズコア 坂本 陽子", "sakamoto@example.jp"),
     "partner@example.jp",
     "【SAP】会計領域 導入支援 要件定義～",
     """\
ビジネスパートナー各位

いつもお世話になっております。
ビズコア・パートナーズの坂本です。

==============================
案件概要：食品メーカー向け SAP会計領域 導入支援
==============================
作業内容：SAP会計領域の要件定義、基本設計、テスト計画策定
必須スキル：SAP会計領域の導入経験3年以上
尚可スキル：PL経験、英語での会話
期間：1月～（長期）
勤務地：東京都千代田区
リモート：基本テレワーク
単価：上限95万円
精算：精算なし
面談：2回
年齢：不問
外国籍：可（N1以上）
商流：元請→弊社（1社先まで）
==============================

ご提案をお待ちしております。

株式会社ビズコア・パートナーズ
坂本 陽子
〒102-0083 東京都千代田区麹町3-2-1
TEL 03-6261-0984
""", "job",
     [J("食品メーカー向け SAP会計領域 導入支援", ["SAP", "要件定義", "基本設計", "テスト"], ["PL"],
        {"SAP": 3},
        rate_max=950000, start="2027-01-01", location="東京都千代田区", remote="full",
        interviews=2, foreigners_ok=True, japanese_level="N1", max_chain=1)],
     enc="base64")

# ==========================================================================
# TALENT mails (19, including a forward and a reply)
# ==========================================================================

# T01 single engineer, ■ inline labels
mail("talent_single_square_inline_java", 2, (9, 30),
     ("ベストアライアンス 田中 誠一", "tanaka@example.jp"),
     "partner@example.jp",
     "【人材情報】Java7年／32歳男性／大宮／即日",
     """\
ご担当者様

いつもお世話になっております。ベストアライアンスの田中です。
弊社エンジニアのご紹介です。マッチする案件がございましたらご提案いただけますと幸いです。

■氏名：T.K（男性）　■年齢：32歳　■最寄駅：JR京浜東北線 大宮駅
■稼働：即日可能　■単価：65万円　■所属：弊社正社員
■スキル：Java(7年)、Spring Boot(4年)、AWS(EC2/S3)、PostgreSQL(3年)
■工程：基本設計～結合テスト
■日本語：ネイティブ
■面談：即日設定可能
■並行：なし

よろしくお願いいたします。

株式会社ベストアライアンス
田中 誠一
〒330-0846 埼玉県さいたま市大宮区大門町2-108
TEL：048-783-5520
派11-300987
""", "talent",
     [T(["Java", "Spring Boot", "AWS", "EC2", "S3", "PostgreSQL", "基本設計", "結合テスト"],
        {"Java": 7, "Spring Boot": 4, "PostgreSQL": 3},
        age=32, gender="male", station="大宮", start=D(2), rate_min=650000, rate_max=650000,
        employment="employee", japanese_level="ネイティブ")])

# T02 three engineers, compact one line each + skills on the next line
mail("talent_three_compact_lines_fullwidth_initials", 4, (17, 20),
     ("オーシャンブリッジ 山口 健", "yamaguchi@example.jp"),
     "partner@example.jp",
     "【要員情報】技術者3名のご紹介",
     """\
各位

お世話になっております。オーシャンブリッジの山口です。
協力会社様から下記の技術者のご紹介がございました。
ご検討のほど、よろしくお願いいたします。

・Ｉ．Ｙ（男性）51才　12月～　希望 57万／月　千代田線／代々木公園駅
　　JP1(10年)、Linux(8年)、Shell／運用保守、PL経験あり
・Ｍ．Ｈ（女性）29才　即日～　希望 48万／月　東急東横線／日吉駅
　　PHP(4年)、Laravel(3年)、MySQL／詳細設計～単体テスト
・Ｋ．Ｎ（男性）38才　1月～　希望 68万／月（調整可能）　京王線／調布駅
　　Java(12年)、Spring(6年)、Oracle、PostgreSQL／要件定義～総合テスト、リーダー経験3年

※所属はいずれも1社先の正社員です。
※並行営業中のため、お早めにご連絡ください。

株式会社オーシャンブリッジ
山口 健
〒104-0032 東京都中央区八丁堀3-11-2
TEL 03-3553-8806
""", "talent",
     [T(["JP1", "Linux", "Shell", "運用保守", "PL"], {"JP1": 10, "Linux": 8},
        age=51, gender="male", start="2026-12-01", rate_min=570000, rate_max=570000,
        station="代々木公園", employment="employee"),
      T(["PHP", "Laravel", "MySQL", "詳細設計", "単体テスト"], {"PHP": 4, "Laravel": 3},
        age=29, gender="female", start=D(4), rate_min=480000, rate_max=480000, station="日吉",
        employment="employee"),
      T(["Java", "Spring", "Oracle", "PostgreSQL", "要件定義", "総合テスト", "PL"],
        {"Java": 12, "Spring": 6, "PL": 3},
        age=38, gender="male", start="2027-01-01", rate_min=680000, rate_max=680000,
        rate_negotiable=True, station="調布", employment="employee")],
     enc="qp")

# T03 three engineers, slash-separated compact lines, employment listed after
mail("talent_three_compact_slash_lines", 6, (12, 0),
     ("ジェイ・ステップ 安藤 美咲", "ando@example.jp"),
     "partner@example.jp",
     "本日稼働可能な技術者（3名）",
     """\
パートナー各位

お世話になっております。
ジェイ・ステップの安藤です。
弊社および協力会社の技術者をご紹介いたします。

① Y.S／45歳／男性／西船橋駅／即日／62万
　 C#(10年)、VB.NET(5年)、SQL Server／基本設計～結合テスト
② A.M／34歳／女性／赤羽駅／12月～／55万
　 Python(5年)、Django、AWS(Lambda)／詳細設計～製造
③ T.O／27歳／男性／武蔵小杉駅／12月中旬～／45万
　 JavaScript(3年)、Vue.js、HTML/CSS／製造～単体テスト

所属：①弊社正社員　②弊社契約社員　③個人事業主（弊社専属）

スキルシートはご要望に応じてお送りします。
よろしくお願いいたします。

株式会社ジェイ・ステップ
安藤 美咲
〒273-0031 千葉県船橋市西船4-19-3
TEL：047-404-2218
""", "talent",
     [T(["C#", "VB.NET", "SQL Server", "基本設計", "結合テスト"], {"C#": 10, "VB.NET": 5},
        age=45, gender="male", station="西船橋", start=D(6), rate_min=620000, rate_max=620000,
        employment="employee"),
      T(["Python", "Django", "AWS", "Lambda", "詳細設計", "製造"], {"Python": 5},
        age=34, gender="female", station="赤羽", start="2026-12-01", rate_min=550000,
        rate_max=550000, employment="contract"),
      T(["JavaScript", "Vue.js", "HTML", "CSS", "製造", "単体テスト"], {"JavaScript": 3},
        age=27, gender="male", station="武蔵小杉", start="2026-12-11", rate_min=450000,
        rate_max=450000, employment="freelance")])

# T04 言語：…／DB：…／工程：… lines with months, xlsx skill sheet attached
mail("talent_skill_lines_with_months_attachment", 9, (10, 10),
     ("テクノブレイン 加藤 直人", "kato@example.jp"),
     "partner@example.jp",
     "【人材のご紹介】C#・VB.NET／43歳男性／青砥",
     """\
お世話になっております。
テクノブレインの加藤です。
弊社社員のご紹介です。スキルシートを添付いたします。

【氏名】S.W（男性）
【年齢】43歳
【最寄駅】京成線　青砥駅
【稼働】12月～
【単価】60万円（140-180h）
【所属】弊社正社員
【スキル】
言語：C#(約122ヶ月)／VB.NET(約79ヶ月)／Java(約35ヶ月)／PL/SQL(4ヶ月)
FW：ASP.NET(約40ヶ月)／Spring Boot(5ヶ月)
DB：Oracle(約108ヶ月)／SQL Server(約62ヶ月)／PostgreSQL(約15ヶ月)
サーバ：Windows Server(約60ヶ月)／Linux(約20ヶ月)
工程：基本設計(約48ヶ月)／詳細設計(約90ヶ月)／製造(約120ヶ月)／単体テスト／結合テスト

ご検討のほど、よろしくお願いいたします。

株式会社テクノブレイン
加藤 直人
〒125-0062 東京都葛飾区青戸3-36-1
TEL 03-5672-0049
""", "talent",
     [T(["C#", "VB.NET", "Java", "PL/SQL", "ASP.NET", "Spring Boot", "Oracle", "SQL Server",
         "PostgreSQL", "Windows Server", "Linux", "基本設計", "詳細設計", "製造", "単体テスト",
         "結合テスト"],
        {"C#": m(122), "VB.NET": m(79), "Java": m(35), "PL/SQL": m(4), "ASP.NET": m(40),
         "Spring Boot": m(5), "Oracle": m(108), "SQL Server": m(62), "PostgreSQL": m(15),
         "Windows Server": m(60), "Linux": m(20), "基本設計": m(48), "詳細設計": m(90),
         "製造": m(120)},
        age=43, gender="male", station="青砥", start="2026-12-01", rate_min=600000,
        rate_max=600000, settlement_hours=(140, 180), employment="employee")],
     enc="base64", attach=("スキルシート_SW.xlsx",
                           "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))

# T05 Chinese-run partner, two engineers with 氏名 blocks
mail("talent_chinese_partner_two_engineers_n1", 10, (11, 11),
     ("瑞华ソフト 张 明", "zhang.ming@example.jp"),
     "partner@example.jp",
     "【要員情報】中国籍エンジニア2名（Java／Python）のご紹介",
     """\
ご担当者様

お世話になります、瑞华ソフトの张です。
弊社の技術者を紹介させて頂きます、ご検討宜しくお願い致します。
案件がありましたら、是非ご紹介お願いします。

------------------------------
氏名：张W
性別：女性
年齢：38歳
国籍：中国
日本語：N1（日本在住12年）
最寄駅：西川口駅
稼働：即日
単価：58万
所属：弊社正社員
スキル：Java(8年)、Spring Boot(3年)、MySQL、Oracle
工程：詳細設計、製造、単体テスト
------------------------------
氏名：劉YZ
性別：男性
年齢：31歳
国籍：中国籍
日本語：日本語ビジネスレベル
最寄駅：JR総武線　錦糸町駅
稼働：12月1日から
単価：52万（相談可）
所属：BP社員
スキル：Python(4年)、Django(2年)、AWS、Docker
工程：基本設計～結合テスト
------------------------------

株式会社瑞华ソフト
张 明
〒332-0034 埼玉県川口市並木2-4-11
TEL：048-250-7736
""", "talent",
     [T(["Java", "Spring Boot", "MySQL", "Oracle", "詳細設計", "製造", "単体テスト"],
        {"Java": 8, "Spring Boot": 3},
        gender="female", age=38, nationality="中国", japanese_level="N1", station="西川口",
        start=D(10), rate_min=580000, rate_max=580000, employment="employee"),
      T(["Python", "Django", "AWS", "Docker", "基本設計", "結合テスト"], {"Python": 4, "Django": 2},
        gender="male", age=31, nationality="中国", japanese_level="ビジネスレベル", station="錦糸町",
        start="2026-12-01", rate_min=520000, rate_max=520000, rate_negotiable=True,
        employment="employee")])

# T06 Chinese-run partner, station inside the name line
mail("talent_chinese_partner_name_line_station", 11, (15, 45),
     ("新宇テクノロジー 王 磊", "wang.lei@example.jp"),
     "partner@example.jp",
     "技術者ご紹介：陳KM（Java/React）",
     """\
ご担当者様

お世話になります。新宇テクノロジーの王です。
弊社の社員を提案させていただきます。宜しくお願い致します。

陳KM/29歳/女性/西川口駅
国籍：中国　日本語：JLPT N2
経験：IT経験6年
スキル：Java(5年)、React(2年)、TypeScript(2年)、MySQL
工程：詳細設計～単体テスト
稼働：12月中旬～
希望単価：50～55万
雇用形態：正社員
備考：フルリモート希望

株式会社新宇テクノロジー
営業　王 磊
〒169-0073 東京都新宿区百人町1-20-3
TEL：03-5937-6612
""", "talent",
     [T(["Java", "React", "TypeScript", "MySQL", "詳細設計", "単体テスト"],
        {"Java": 5, "React": 2, "TypeScript": 2},
        age=29, gender="female", station="西川口", nationality="中国", japanese_level="N2",
        start="2026-12-11", rate_min=500000, rate_max=550000, employment="employee",
        remote="full")],
     enc="qp")

# T07 freelance engineer, open-ended rate
mail("talent_freelance_go_kubernetes", 12, (18, 5),
     ("フリーウェイ 菊地 亮介", "kikuchi@example.jp"),
     "partner@example.jp",
     "【フリーランス】Go/Kubernetes エンジニア（41歳）",
     """\
いつもお世話になっております。
フリーウェイの菊地です。
弊社登録のフリーランスエンジニアをご紹介いたします。

【名前】R.K（41歳・男性・日本人）
【所属】個人事業主（弊社登録）
【最寄】東急田園都市線　たまプラーザ駅
【稼働】2027年1月～
【単価】80万円～（応相談）
【希望】フルリモート希望
【スキル】Go(6年)、Kubernetes(4年)、Docker、Terraform、GCP、AWS
【工程】要件定義、基本設計、運用保守
【その他】PM経験2年

ご検討いただけますと幸いです。

株式会社フリーウェイ
菊地 亮介
〒225-0002 神奈川県横浜市青葉区美しが丘2-19-5
TEL 045-905-3318
""", "talent",
     [T(["Go", "Kubernetes", "Docker", "Terraform", "GCP", "AWS", "要件定義", "基本設計",
         "運用保守", "PM"],
        {"Go": 6, "Kubernetes": 4, "PM": 2},
        age=41, gender="male", nationality="日本", employment="freelance", station="たまプラーザ",
        start="2027-01-01", rate_min=800000, rate_negotiable=True, remote="full")])

# T08 contract employee, ◇ labels
mail("talent_contract_employee_tester_female", 13, (10, 25),
     ("ハーモニーテック 佐藤 愛", "sato.ai@example.jp"),
     "partner@example.jp",
     "要員のご紹介（テスト・品質管理／女性／35歳）",
     """\
ご担当者様

お世話になっております。ハーモニーテックの佐藤です。
弊社要員のご紹介をさせていただきます。

◇イニシャル：M.T
◇性別：女性
◇年齢：35歳
◇最寄駅：東西線　葛西駅
◇所属：弊社契約社員
◇稼働開始：11月中旬～
◇単価：40万円
◇スキル：テスト（6年）、SQL、Java（読解程度）
◇工程：結合テスト、総合テスト
◇勤務形態：常駐可

丁寧な作業が持ち味で、現場からの評価も高いメンバーです。
よろしくお願いいたします。

株式会社ハーモニーテック
佐藤 愛
〒134-0083 東京都江戸川区中葛西5-19-17
TEL：03-5667-2083
""", "talent",
     [T(["テスト", "SQL", "Java", "結合テスト", "総合テスト"], {"テスト": 6},
        gender="female", age=35, station="葛西", employment="contract", start="2026-11-11",
        rate_min=400000, rate_max=400000, remote="onsite")],
     enc="qp")

# T09 multipart/alternative with HTML
T09_PLAIN = """\
ご担当者様

お世話になっております。
エバーグリーンの高田です。
弊社エンジニアのご紹介です。

■氏名：H.N
■年齢：39歳
■性別：男性
■最寄駅：小田急線 町田駅
■稼働：12月～
■単価：70万円
■所属：弊社正社員
■スキル：AWS(5年)、Linux(10年)、Terraform(2年)、Ansible、Nginx、Apache
■工程：要件定義～運用保守
■勤務形態：リモート併用希望

よろしくお願いいたします。

株式会社エバーグリーン　高田 聡
〒194-0013 東京都町田市原町田6-10-1
TEL 042-728-0651
"""
T09_HTML = """\
<html><body style="font-family:sans-serif">
<div>ご担当者様</div><br>
<div>お世話になっております。<br>エバーグリーンの高田です。<br>弊社エンジニアのご紹介です。</div><br>
<div>■氏名：H.N<br>■年齢：39歳<br>■性別：男性<br>■最寄駅：小田急線 町田駅<br>■稼働：12月～<br>
■単価：70万円<br>■所属：弊社正社員<br>■スキル：AWS(5年)、Linux(10年)、Terraform(2年)、Ansible、Nginx、Apache<br>
■工程：要件定義～運用保守<br>■勤務形態：リモート併用希望</div><br>
<div>よろしくお願いいたします。</div><br>
<div>株式会社エバーグリーン　高田 聡<br>〒194-0013 東京都町田市原町田6-10-1<br>TEL 042-728-0651</div>
</body></html>
"""
mail("talent_html_alternative_infra_aws", 16, (9, 0),
     ("エバーグリーン 高田 聡", "takada@example.jp"),
     "partner@example.jp",
     "【人材情報】インフラエンジニア／AWS・Linux／39歳",
     T09_PLAIN, "talent",
     [T(["AWS", "Linux", "Terraform", "Ansible", "Nginx", "Apache", "要件定義", "運用保守"],
        {"AWS": 5, "Linux": 10, "Terraform": 2},
        age=39, gender="male", station="町田", start="2026-12-01", rate_min=700000,
        rate_max=700000, employment="employee", remote="hybrid")],
     enc="base64", html=T09_HTML)

# T10 subject-only talent, skill sheet attached
mail("talent_subject_only_java_omiya", 17, (8, 10),
     ("ヤマトリンク 池田 学", "ikeda@example.jp"),
     "partner@example.jp",
     "【人材】Java経験10年/32歳男性/即日/65万/大宮駅",
     """\
お世話になっております。
ヤマトリンクの池田です。

件名の技術者、ご提案可能です。
スキルシートを添付いたしますので、ご確認ください。

株式会社ヤマトリンク　池田 学
TEL 048-641-7793
""", "talent",
     [T(["Java"], {"Java": 10}, age=32, gender="male", start=D(17), rate_min=650000,
        rate_max=650000, station="大宮")],
     attach=("スキルシート.pdf", "application/pdf"))

# T11 forwarded talent mail (read as if it were the mail)
mail("talent_forwarded_salesforce", 18, (11, 30),
     ("ミドリ情報サービス 木村 哲也", "kimura@example.jp"),
     "eigyo-all@example.jp",
     "Fwd: 【人材情報】Salesforce エンジニア（37歳・女性）",
     """\
営業部各位

木村です。
パートナー様から届いた人材情報を転送します。
Salesforce案件をお持ちの方はご確認ください。

---------- Forwarded message ---------
From: 株式会社クレストワン 営業部 <crest-sales@example.jp>
Date: 2026年11月18日(水) 10:02
Subject: 【人材情報】Salesforce エンジニア（37歳・女性）
To: <kimura@example.jp>

お世話になっております。クレストワンの西田です。
弊社エンジニアをご紹介いたします。

【氏　名】E.F（37歳・女性・日本人）
【最寄駅】JR中央線　三鷹駅
【所　属】弊社正社員
【稼　働】12月～
【単　価】75万円
【スキル】Salesforce(7年)、JavaScript(3年)、SQL
【工　程】要件定義～総合テスト、PL経験2年
【勤　務】リモート併用希望

以上、よろしくお願いいたします。

株式会社クレストワン
西田 彩香
TEL 03-6383-1540
""", "talent",
     [T(["Salesforce", "JavaScript", "SQL", "要件定義", "総合テスト", "PL"],
        {"Salesforce": 7, "JavaScript": 3, "PL": 2},
        age=37, gender="female", nationality="日本", station="三鷹", employment="employee",
        start="2026-12-01", rate_min=750000, rate_max=750000, remote="hybrid")])

# T12 reply: engineer proposed above the quoted 案件 (quote not read)
mail("talent_reply_engineer_above_quoted_job", 20, (14, 30),
     ("恒信ソリューション 李 強", "li.qiang@example.jp"),
     "yamamoto@example.jp",
     "Re: 【案件情報】証券会社向け 取引システム開発（Java）",
     """\
グリーンフィールド株式会社
山本様

お世話になっております。恒信ソリューションの李です。
下記案件につきまして、弊社の技術者を提案させて頂きます。

氏名：周T（36歳／中国籍／男性）
日本語：N1
最寄駅：東京メトロ東西線　門前仲町駅
稼働：12月～
単価：68万
所属：弊社正社員
スキル：Java(9年)、Spring Boot(4年)、Oracle(6年)、Linux
工程：基本設計～結合テスト
並行：提案中1件

面談はいつでも調整可能です。ご検討宜しくお願い致します。

株式会社恒信ソリューション
李 強
TEL：03-5809-2217

山本 <yamamoto@example.jp> 于2026年11月20日周五 09:15写道：
> お取引先各位
>
> 下記案件の要員を募集しております。
>
> 【案件名】証券会社向け 取引システム開発
> 【内容】Java(Spring Boot)による基本設計～結合テスト
> 【必須】Java 5年以上、Oracle
> 【尚可】AWS、Kubernetes
> 【期間】12月～長期
> 【場所】茅場町駅
> 【単価】～75万
> 【面談】2回
> 【外国籍】可（N1以上）
>
> グリーンフィールド株式会社　山本
""", "talent",
     [T(["Java", "Spring Boot", "Oracle", "Linux", "基本設計", "結合テスト"],
        {"Java": 9, "Spring Boot": 4, "Oracle": 6},
        age=36, nationality="中国", gender="male", japanese_level="N1", station="門前仲町",
        start="2026-12-01", rate_min=680000, rate_max=680000, employment="employee")],
     scan="noquote")

# T13 【氏　名】 style, ISO-2022-JP
mail("talent_kakko_spaced_labels_cobol_iso2022jp", 19, (13, 0),
     ("あおば情報 斎藤 浩", "saito.h@example.jp"),
     "partner@example.jp",
     "弊社社員のご紹介（COBOL・汎用機／55歳）",
     """\
各位

お世話になっております。あおば情報の斎藤です。
弊社社員のご紹介です。

【氏　名】K.O
【年　齢】55歳
【性　別】男性
【国　籍】日本
【最寄駅】JR常磐線　松戸駅
【所　属】弊社正社員
【稼　働】1月〜
【単　価】55万円（精算：140〜180h）
【スキル】COBOL(25年)、DB2(10年)、PL/SQL、Java(2年)
【工　程】要件定義〜運用保守
【資　格】基本情報技術者
【備　考】常駐可、勤怠良好、現場で長年高い評価を頂いております。

よろしくお願いいたします。

株式会社あおば情報
斎藤 浩
〒271-0092 千葉県松戸市松戸1307-1
TEL 047-368-2205
""", "talent",
     [T(["COBOL", "DB2", "PL/SQL", "Java", "要件定義", "運用保守"],
        {"COBOL": 25, "DB2": 10, "Java": 2},
        age=55, gender="male", nationality="日本", station="松戸", employment="employee",
        start="2027-01-01", rate_min=550000, rate_max=550000, settlement_hours=(140, 180),
        remote="onsite")],
     enc="jis")

# T14 network / server engineer, skills by category lines with months
mail("talent_network_server_category_months", 20, (16, 40),
     ("スカイゲート 原 拓海", "hara@example.jp"),
     "partner@example.jp",
     "【技術者情報】ネットワーク・サーバ構築（Cisco/Windows Server）30歳",
     """\
お世話になっております。スカイゲートの原でございます。
弊社プロパーの技術者をご紹介いたします。

■ イニシャル：Y.M
■ 年齢　　　：30歳
■ 性別　　　：男性
■ 最寄駅　　：JR京浜東北線　蒲田駅
■ 稼働　　　：即日
■ 希望単価　：45～50万円
■ 所属　　　：弊社プロパー
■ 勤務形態　：常駐可
■ スキル
　サーバ：Windows Server(約36ヶ月)／Linux(約18ヶ月)
　ネットワーク：Cisco(約50ヶ月)
　クラウド：Azure(10ヶ月)
　工程：基本設計／テスト／運用保守

ご検討よろしくお願いいたします。

株式会社スカイゲート
原 拓海
〒144-0051 東京都大田区西蒲田7-37-10
TEL 03-5714-6630
""", "talent",
     [T(["Windows Server", "Linux", "Cisco", "Azure", "基本設計", "テスト", "運用保守"],
        {"Windows Server": m(36), "Linux": m(18), "Cisco": m(50), "Azure": m(10)},
        age=30, gender="male", station="蒲田", start=D(20), rate_min=450000, rate_max=500000,
        employment="employee", remote="onsite")],
     enc="base64")

# T15 senior PM/PMO freelancer, prose intro
mail("talent_senior_pm_pmo_freelance", 24, (9, 15),
     ("ビジョナリー 岡本 修", "okamoto@example.jp"),
     "partner@example.jp",
     "★人材情報★PM/PMO 55歳 金融系 上流",
     """\
いつもお世話になっております。
ビジョナリーの岡本でございます。

弊社のフリーランス人材をご紹介させていただきます。
金融系を中心にPM・PMOとして長く活躍してきたベテランで、
お客様との折衝も安心してお任せいただけます。

――――――――――――――――――
名前：N.I
年齢：55歳（男性）
最寄：東急池上線　旗の台駅
所属：フリーランス
稼働：12月～
単価：90～100万円
経験：IT経験30年、PM(10年)、PMO(8年)
工程：要件定義、基本設計
その他：COBOL、Java（開発経験あり）
リモート：基本リモート希望
――――――――――――――――――

よろしくお願いいたします。

株式会社ビジョナリー
岡本 修
〒142-0064 東京都品川区旗の台2-1-20
TEL：03-3787-4402
""", "talent",
     [T(["PM", "PMO", "要件定義", "基本設計", "COBOL", "Java"], {"PM": 10, "PMO": 8},
        age=55, gender="male", station="旗の台", employment="freelance", start="2026-12-01",
        rate_min=900000, rate_max=1000000, remote="full")])

# T16 labels with spaces inside (ス キ ル :)
mail("talent_spaced_ascii_colon_labels_react", 25, (10, 50),
     ("ピクセルワン 三浦 葵", "miura@example.jp"),
     "partner@example.jp",
     "【人材のご提案】フロントエンド（React/TypeScript）26歳女性",
     """\
ご担当者様

お世話になっております。ピクセルワンの三浦です。
弊社エンジニアをご提案させていただきます。

名　　前 : A.K
年　　齢 : 26歳
性　　別 : 女性
最 寄 駅 : 東武東上線 成増駅
稼　　働 : 12月～
単　　価 : 50万円
所　　属 : 弊社正社員
ス キ ル : React(3年)、TypeScript(3年)、Next.js(1年)、HTML、CSS、Git
工　　程 : 詳細設計～単体テスト
希望条件 : リモート併用（週2～3出社可）

よろしくお願いいたします。

株式会社ピクセルワン
三浦 葵
〒175-0094 東京都板橋区成増2-11-3
TEL 03-6906-1174
""", "talent",
     [T(["React", "TypeScript", "Next.js", "HTML", "CSS", "Git", "詳細設計", "単体テスト"],
        {"React": 3, "TypeScript": 3, "Next.js": 1},
        age=26, gender="female", station="成増", start="2026-12-01", rate_min=500000,
        rate_max=500000, employment="employee", remote="hybrid")])

# T17 two engineers in ● blocks
mail("talent_two_engineers_maru_blocks", 26, (16, 10),
     ("ユニバーサルリンク 斉藤 隼人", "saito.h2@example.jp"),
     "partner@example.jp",
     "【要員情報】弊社社員2名のご紹介（PHP／Ruby）",
     """\
パートナー各位

お世話になっております。ユニバーサルリンクの斉藤です。
弊社社員2名をご紹介いたします。

●1人目
氏名：D.H（男性）
年齢：33歳
最寄駅：中央線　国分寺駅
稼働：即日
単価：58万円
所属：弊社正社員
スキル：PHP(6年)、CakePHP(3年)、Laravel(2年)、MySQL、Linux
工程：基本設計～結合テスト

●2人目
氏名：Y.T（女性）
年齢：28歳
最寄駅：埼京線　戸田公園駅
稼働：12月～
単価：52万円
所属：弊社正社員
スキル：Ruby(4年)、Ruby on Rails(4年)、PostgreSQL、Docker
工程：詳細設計～単体テスト

ご検討のほどよろしくお願いいたします。

株式会社ユニバーサルリンク
斉藤 隼人
〒185-0012 東京都国分寺市本町2-2-13
TEL 042-320-8851
""", "talent",
     [T(["PHP", "CakePHP", "Laravel", "MySQL", "Linux", "基本設計", "結合テスト"],
        {"PHP": 6, "CakePHP": 3, "Laravel": 2},
        age=33, gender="male", station="国分寺", start=D(26), rate_min=580000, rate_max=580000,
        employment="employee"),
      T(["Ruby", "Ruby on Rails", "PostgreSQL", "Docker", "詳細設計", "単体テスト"],
        {"Ruby": 4, "Ruby on Rails": 4},
        age=28, gender="female", station="戸田公園", start="2026-12-01", rate_min=520000,
        rate_max=520000, employment="employee")],
     enc="base64")

# T18 embedded C / C++ freelancer, range rate in the subject too
mail("talent_embedded_c_cpp_freelance", 27, (10, 30),
     ("エンベデッドワークス 福田 誠", "fukuda@example.jp"),
     "partner@example.jp",
     "【直人材のご紹介】C言語・C++／組込み／69-74万",
     """\
お世話になっております。
エンベデッドワークスの福田です。
弊社直の技術者をご紹介いたします。

【名前】M.K（男性）
【年齢】47歳
【最寄駅】JR横浜線　中山駅
【稼働】1月～
【単価】69-74万
【所属】個人事業主
【スキル】C言語(15年)、C++(8年)、Linux、Shell、Git
【工程】詳細設計、製造、単体テスト、結合テスト
【備考】常駐可

よろしくお願いいたします。

株式会社エンベデッドワークス
福田 誠
〒226-0011 神奈川県横浜市緑区中山町318-5
TEL 045-932-1180
""", "talent",
     [T(["C", "C++", "Linux", "Shell", "Git", "詳細設計", "製造", "単体テスト", "結合テスト"],
        {"C": 15, "C++": 8},
        age=47, gender="male", station="中山", start="2027-01-01", rate_min=690000,
        rate_max=740000, employment="freelance", remote="onsite")])

# T19 young ops engineer, ・ labels, prose intro
mail("talent_ops_young_dot_labels", 30, (11, 40),
     ("ライトウェル 清水 健太", "shimizu@example.jp"),
     "partner@example.jp",
     "【人材情報】運用保守・監視（JP1/Linux）24歳",
     """\
いつもお世話になっております。
ライトウェルの清水です。

若手の運用保守エンジニアをご紹介いたします。
夜勤対応も可能で、現場からの評価も高いメンバーです。

・氏名：K.Y（24歳・男性）
・最寄：西武新宿線　田無駅
・稼働：12月～
・単価：32万円
・所属：弊社正社員
・スキル：Linux（2年）、JP1（2年）、シェル（1年）、Windows Server
・工程：運用保守
・勤務：常駐可、シフト勤務可

よろしくお願いいたします。

株式会社ライトウェル
清水 健太
〒188-0011 東京都西東京市田無町4-28-5
TEL 042-469-3371
""", "talent",
     [T(["運用保守", "JP1", "Linux", "Shell", "Windows Server"],
        {"Linux": 2, "JP1": 2, "Shell": 1},
        age=24, gender="male", station="田無", start="2026-12-01", rate_min=320000,
        rate_max=320000, employment="employee", remote="onsite")])

# ==========================================================================
# OTHER mails (7, including a reply that only quotes a 案件)
# ==========================================================================

mail("other_interview_scheduling", 24, (18, 0),
     ("グリーンフィールド 山本 浩一", "yamamoto@example.jp"),
     "li.qiang@example.jp",
     "【面談日程のご連絡】周T様 11/27（金）14:00～",
     """\
株式会社恒信ソリューション
李様

お世話になっております。グリーンフィールドの山本です。
先日ご提案いただきました周T様につきまして、お客様との面談日程が確定しましたのでご連絡いたします。

日時：2026年11月27日（金）14:00～15:00
形式：オンライン面談（URLは前日までにお送りします）
参加者：お客様2名、弊社山本、貴社李様、周T様

当日は10分前までに入室いただけますようお願いいたします。
ご都合が悪くなった場合は、11月25日（水）中にご連絡ください。

引き続きよろしくお願いいたします。

グリーンフィールド株式会社
山本 浩一
〒104-0033 東京都中央区新川1-17-24
TEL 03-3206-8841
""", "other", [])

mail("other_thanks_after_contract", 5, (19, 30),
     ("コスモス 大塚 隆", "otsuka@example.jp"),
     "yoshikawa@example.jp",
     "ご契約締結の御礼",
     """\
株式会社ネクサス・ソリューションズ
吉川様

いつも大変お世話になっております。
コスモスエンジニアリングの大塚でございます。

このたびは弊社技術者K.Sの参画につきまして、ご契約を締結いただき誠にありがとうございました。
12月1日より参画させていただきます。
入場当日は、本人が8:45に受付へ伺う予定です。

至らぬ点もあるかと存じますが、誠心誠意努めてまいりますので、
今後ともどうぞよろしくお願い申し上げます。

取り急ぎ、御礼申し上げます。

株式会社コスモスエンジニアリング
営業部　大塚 隆
〒113-0033 東京都文京区本郷3-38-1
TEL 03-5805-7751
派13-305519
""", "other", [], enc="qp")

mail("other_newsletter_market_rates_prose", 2, (7, 0),
     ("ITマーケットラボ 編集部", "news@example.jp"),
     "subscriber@example.jp",
     "【月刊 IT人材市況レポート】2026年11月号",
     """\
※本メールは、弊社とお名刺交換をさせていただいた方にお送りしております。

━━━━━━━━━━━━━━━━━━━━━━━━━━
月刊 IT人材市況レポート　2026年11月号
━━━━━━━━━━━━━━━━━━━━━━━━━━

■今月のトピック
年末に向けて案件数は前月比で約8％増加しました。特に金融系の更改案件が目立ち、
Java案件の単価は65万円から75万円が中心となっています。PMO案件は90万円を超えるものも
珍しくなくなり、上流工程の人材不足が続いています。

一方で、技術者側の稼働可能人数は前月比3％減少しており、
12月開始の案件では提案数の確保に苦戦する企業が増えています。
外国籍の技術者を受け入れる案件の割合は全体の約4割でした。

■編集後記
寒さが厳しくなってまいりました。皆様どうぞご自愛ください。

──────────────────────────
発行：株式会社ITマーケットラボ
〒150-0002 東京都渋谷区渋谷2-24-12
配信停止をご希望の方は、本メールにその旨ご返信ください。
──────────────────────────
""", "other", [], enc="base64")

mail("other_out_of_office_autoreply", 20, (8, 0),
     ("森田 由美", "morita@example.jp"),
     "partner@example.jp",
     "自動応答: 不在のお知らせ",
     """\
このメールは自動返信です。

誠に勝手ながら、11月20日（金）から11月24日（火）まで休暇をいただいております。
11月25日（水）以降、順次ご返信いたします。

お急ぎの場合は、営業部代表（03-5211-6604）までご連絡ください。

株式会社シーガルテクノ　森田 由美
""", "other", [])

mail("other_stop_sending_request", 13, (14, 5),
     ("丸山システム 丸山 聡", "maruyama@example.jp"),
     "info-bo@example.jp",
     "配信停止のお願い",
     """\
株式会社ブルーオーシャン
ご担当者様

突然のご連絡失礼いたします。丸山システムの丸山と申します。

貴社から案件情報・人材情報のメールを頂いておりますが、
弊社では現在パートナー営業を行っておりませんため、
今後の配信を停止していただけますでしょうか。

お手数をおかけしますが、よろしくお願いいたします。

有限会社丸山システム
丸山 聡
TEL 0276-45-8812
""", "other", [])

mail("other_invoice_notice", 30, (17, 0),
     ("アークライン 経理部", "keiri@example.jp"),
     "shiharai@example.jp",
     "【請求書送付のご案内】2026年11月分",
     """\
株式会社ミライズ
経理ご担当者様

いつもお世話になっております。
株式会社アークライン経理部でございます。

2026年11月分のご請求書をお送りいたします。
添付のPDFをご確認ください。

請求番号：INV-2611-0087
ご請求金額：1,386,000円（税込）
お支払期日：2026年12月31日
お振込先：みずなみ銀行　渋谷支店　普通 1234567

ご不明な点がございましたら、経理部までお問い合わせください。

株式会社アークライン　経理部
〒150-0043 東京都渋谷区道玄坂1-12-1
TEL：03-6416-2250
""", "other", [], attach=("請求書_2026年11月分.pdf", "application/pdf"))

mail("other_reply_declining_quoted_job", 19, (15, 20),
     ("スターライン 大西 実", "onishi@example.jp"),
     "fujii@example.jp",
     "Re: 【案件情報】製薬会社向け データ移行（Python）",
     """\
藤井様

お世話になっております。スターラインの大西です。
ご連絡ありがとうございます。

あいにく現在ご提案できる要員がおりませんため、今回は見送らせていただきます。
また別の案件でご縁がございましたら、よろしくお願いいたします。

株式会社スターライン　大西 実
TEL 03-5419-2287

2026年11月19日(木) 9:02 藤井 健 <fujii@example.jp>:
> パートナー各位
>
> お世話になっております。藤井です。
>
> 【案件名】製薬会社向け データ移行
> 【作業内容】Pythonによるデータ移行ツールの製造、単体テスト
> 【必須】Python 2年以上、SQL
> 【尚可】AWS
> 【期間】12月～
> 【場所】日本橋駅（リモート併用）
> 【単価】～60万
> 【面談】1回
> 【外国籍】不可
""", "other", [], scan="noquote")

# ==========================================================================
# MIXED mails (2)
# ==========================================================================

mail("mixed_job_then_talent", 6, (16, 30),
     ("ステラブリッジ 上野 真一", "ueno@example.jp"),
     "partner@example.jp",
     "【案件・人材情報】本日のご案内",
     """\
パートナー各位

お世話になっております。ステラブリッジの上野です。
本日の案件情報と、弊社人材のご紹介をお送りします。

━━━━━━━━━━━━━━━━
■案件情報
━━━━━━━━━━━━━━━━
案件名：人材サービス会社向け 求人サイト改修
作業内容：PHP（Laravel）による機能追加、詳細設計～結合テスト
必須：PHP 3年以上、Laravel
尚可：Vue.js、AWS
期間：12月～長期
場所：神保町駅（リモート併用）
単価：～65万
精算：140-180h
面談：1回
外国籍：不可
商流：貴社社員まで

━━━━━━━━━━━━━━━━
■人材情報
━━━━━━━━━━━━━━━━
氏名：S.I（男性）
年齢：36歳
最寄駅：総武線　船橋駅
稼働：即日
単価：62万円
所属：弊社正社員
スキル：Java(10年)、Spring Boot(5年)、MySQL、AWS
工程：要件定義～総合テスト

ご検討よろしくお願いいたします。

株式会社ステラブリッジ
上野 真一
〒101-0051 東京都千代田区神田神保町2-4-7
TEL 03-3263-9025
""", "mixed",
     [J("人材サービス会社向け 求人サイト改修", ["PHP", "Laravel", "詳細設計", "結合テスト"],
        ["Vue.js", "AWS"], {"PHP": 3},
        rate_max=650000, start="2026-12-01", station="神保町", remote="hybrid",
        settlement_hours=(140, 180), interviews=1, foreigners_ok=False, max_chain=0),
      T(["Java", "Spring Boot", "MySQL", "AWS", "要件定義", "総合テスト"],
        {"Java": 10, "Spring Boot": 5},
        age=36, gender="male", station="船橋", start=D(6), rate_min=620000, rate_max=620000,
        employment="employee")])

mail("mixed_talent_then_job_osaka", 26, (12, 30),
     ("ソレイユシステム 川口 恭子", "kawaguchi@example.jp"),
     "partner@example.jp",
     "人材のご紹介と案件のご相談",
     """\
お取引先各位

いつもお世話になっております。
ソレイユシステム大阪支店の川口です。
弊社の人材のご紹介と、現在募集中の案件をあわせてお送りいたします。

【弊社人材】
氏名：Ｋ．Ｔ
年齢：44歳・男性
最寄駅：大阪メトロ御堂筋線　江坂駅
稼働：12月～
単価：60万円
所属：一社下社員
スキル：Java(15年)、Struts(8年)、Spring(5年)、Oracle、UNIX
工程：基本設計～総合テスト
勤務：常駐可

【案件】
案件名：電力会社向け 料金計算システム保守
作業内容：保守開発（詳細設計～単体テスト）、COBOLからJavaへの一部移行
必須：Java経験5年以上、COBOLの読解
尚可：AIX環境での作業経験
期間：1月～
場所：淀屋橋駅（常駐）
単価：55～60万
精算：140-180h
面談：2回
外国籍：不可
年齢：55歳まで
商流：1社先まで

どちらもご検討いただけますと幸いです。

株式会社ソレイユシステム　大阪支店
川口 恭子
〒541-0041 大阪府大阪市中央区北浜3-5-29
TEL 06-6232-7718
派27-301662
""", "mixed",
     [T(["Java", "Struts", "Spring", "Oracle", "UNIX", "基本設計", "総合テスト"],
        {"Java": 15, "Struts": 8, "Spring": 5},
        age=44, gender="male", station="江坂", start="2026-12-01", rate_min=600000,
        rate_max=600000, employment="employee", remote="onsite"),
      J("電力会社向け 料金計算システム保守", ["運用保守", "詳細設計", "単体テスト", "COBOL", "Java"],
        ["AIX"], {"Java": 5},
        rate_min=550000, rate_max=600000, start="2027-01-01", station="淀屋橋", remote="onsite",
        settlement_hours=(140, 180), interviews=2, foreigners_ok=False, age_max=55,
        max_chain=1)],
     enc="base64")


# ==========================================================================
# building the .eml files
# ==========================================================================
FAKE_PDF = (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Count 0/Kids[]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
FAKE_XLSX = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(range(256)) * 4


def msgid(mm):
    h = hashlib.sha1(mm["name"].encode()).hexdigest()[:12]
    return f"{mm['date']:%Y%m%d%H%M%S}.{h}@example.jp"


def crlf(b: bytes) -> bytes:
    return re.sub(rb"(?<!\r)\n", b"\r\n", b)


def encode_words(value, charset="utf-8", enc="B"):
    """RFC 2047 encoded-words split on character boundaries (never on a space, so no
    space is lost between adjacent words), folded with CRLF + space."""
    import base64
    import quopri
    words, chunk = [], ""

    def word(text):
        raw = text.encode(charset)
        if enc == "B":
            return f"=?{charset.upper()}?B?{base64.b64encode(raw).decode()}?="
        q = quopri.encodestring(raw, header=True).decode().replace("=\n", "")
        q = q.replace("?", "=3F")
        return f"=?{charset.upper()}?Q?{q}?="

    for ch in value:
        if len(word(chunk + ch)) > 75 and chunk:
            words.append(word(chunk))
            chunk = ""
        chunk += ch
    if chunk:
        words.append(word(chunk))
    return "\r\n ".join(words)


def replace_headers(raw: bytes, mm) -> bytes:
    head, sep, body = raw.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    kept, skip = [], False
    for ln in lines:
        if ln[:1] in (b" ", b"\t"):
            if not skip:
                kept.append(ln)
            continue
        skip = ln.lower().startswith((b"from:", b"subject:"))
        if not skip:
            kept.append(ln)
    charset = "iso-2022-jp" if mm["enc"] == "jis" else "utf-8"
    enc = "Q" if mm["name"].endswith(("_php", "_rails", "_female")) else "B"
    name, addr = mm["frm"]
    dn = encode_words(name, charset, "B")
    assert "\r\n" not in dn, ("display name must fit one encoded-word", name)
    frm = f"From: {dn} <{addr}>"
    subj = "Subject: " + encode_words(mm["subject"], charset, enc)
    new = [frm.encode("ascii")] + [k for k in kept if k] + [subj.encode("ascii")]
    return b"\r\n".join(new) + sep + body


def build(mm) -> bytes:
    mid = msgid(mm)
    date = format_datetime(mm["date"])
    name, addr = mm["frm"]
    if mm["enc"] == "jis":
        msg = MIMEText(mm["body"], "plain", "iso-2022-jp")
        msg["From"] = addr
        msg["To"] = mm["to"]
        msg["Subject"] = "x"
        msg["Date"] = date
        msg["Message-ID"] = f"<{mid}>"
        raw = crlf(msg.as_bytes(policy=policy.compat32.clone(linesep="\r\n")))
        return replace_headers(raw, mm)
    msg = EmailMessage(policy=policy.SMTP)
    msg["From"] = addr
    msg["To"] = mm["to"]
    msg["Subject"] = "x"
    msg["Date"] = date
    msg["Message-ID"] = f"<{mid}>"
    cte = {"8bit": "8bit", "base64": "base64", "qp": "quoted-printable"}[mm["enc"]]
    msg.set_content(mm["body"], subtype="plain", charset="utf-8", cte=cte)
    if mm["html"]:
        msg.add_alternative(mm["html"], subtype="html", charset="utf-8", cte=cte)
    if mm["attach"]:
        fn, ctype = mm["attach"]
        maintype, subtype = ctype.split("/")
        data = FAKE_PDF if subtype == "pdf" else FAKE_XLSX
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=fn)
    return replace_headers(crlf(msg.as_bytes(policy=policy.SMTP)), mm)


def expected(mm):
    return {"message_id": msgid(mm), "subject": mm["subject"], "kind": mm["kind"], "defects": [],
            "postings": mm["postings"]}


# ==========================================================================
# validation
# ==========================================================================
CORE = ["Java", "JavaScript", "TypeScript", "Python", "PHP", "Ruby", "Go", "C", "C++", "C#",
        "VB.NET", "VBA", "Kotlin", "Swift", "Scala", "COBOL", "RPG", "PL/SQL", "SQL", "HTML",
        "CSS", "Shell", "Spring", "Spring Boot", "Struts", "Laravel", "CakePHP", "Django", "Flask",
        "FastAPI", "Ruby on Rails", "React", "Vue.js", "Angular", "Next.js", "Node.js", "jQuery",
        "ASP.NET", ".NET", "Flutter", "Unity", "PostgreSQL", "MySQL", "Oracle", "SQL Server",
        "MongoDB", "Redis", "DB2", "AWS", "EC2", "S3", "Lambda", "Azure", "GCP", "Linux",
        "Windows Server", "UNIX", "AIX", "Docker", "Kubernetes", "Terraform", "Ansible", "Git",
        "Jenkins", "GitHub Actions", "SAP", "Salesforce", "ServiceNow", "Cisco", "Apache",
        "Tomcat", "Nginx", "WebLogic", "JP1", "要件定義", "基本設計", "詳細設計", "製造",
        "単体テスト", "結合テスト", "総合テスト", "テスト", "運用保守", "PM", "PMO", "PL", "SE", "PG"]
ALIASES = {
    "Spring Boot": ["SpringBoot", "Springboot"], "Vue.js": ["Vue", "VueJS"],
    "React": ["React.js", "ReactJS"], "Node.js": ["Node", "NodeJS"], "Next.js": ["NextJS"],
    "Go": ["Golang", "Go言語"], "C": ["C言語"], "PostgreSQL": ["Postgres", "ポスグレ"],
    "SQL Server": ["SQLServer", "MSSQL"], "Oracle": ["Oracle Database", "オラクル"],
    "Windows Server": ["WindowsServer"], "Shell": ["シェル", "ShellScript", "シェルスクリプト", "bash"],
    "製造": ["実装", "プログラミング", "コーディング"], "単体テスト": ["UT"], "総合テスト": ["システムテスト"],
    "運用保守": ["運用・保守", "保守運用", "保守・運用", "運用", "保守"],
    "PM": ["プロジェクトマネージャー", "プロジェクトマネージャ"], "PL": ["プロジェクトリーダー", "リーダー"],
    "PG": ["プログラマー"], "AWS": ["Amazon Web Services"], "GCP": ["Google Cloud"],
    "Azure": ["Microsoft Azure"], "Salesforce": ["SFDC", "セールスフォース"],
}
NOT_SKILL = ["製造業", "テストメール"]


def norm(s):
    return unicodedata.normalize("NFKC", s).casefold()


def _alias_table():
    tab = []
    for c in CORE:
        for a in [c] + ALIASES.get(c, []):
            tab.append((norm(a), c))
    for a in NOT_SKILL:
        tab.append((norm(a), None))
    return tab


def scan_skills(text):
    t = norm(text)
    hits = []
    for a, c in _alias_table():
        ascii_start = a[0].isascii() and a[0].isalnum()
        ascii_end = a[-1].isascii() and a[-1].isalnum()
        pat = re.escape(a)
        if ascii_start:
            pat = r"(?<![a-z0-9])" + pat
        if ascii_end:
            # a version suffix (java8, python3) is allowed, letters are not
            pat = pat + r"(?![a-z])"
        for mo in re.finditer(pat, t):
            hits.append((mo.start(), mo.end(), c))
    hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    taken, found = [], set()
    for s, e, c in hits:
        if any(s < te and ts < e for ts, te in taken):
            continue
        # "C" never inside C#/C++ (longest match already) nor an initial like "C."
        taken.append((s, e))
        if c:
            found.add(c)
    return found


def strip_skills(text):
    t = norm(text)
    for a, _ in sorted(_alias_table(), key=lambda x: -len(x[0])):
        if len(a) > 2:
            t = t.replace(a, " ")
    return t


ALLOWED_ASCII = {"k", "fw", "db", "h", "web", "mail", "tel", "fax", "email", "n1", "n2", "jlpt",
                 "it", "ec", "wb", "max", "no", "bp", "inv", "pdf", "url", "from", "date",
                 "subject", "to", "cc", "re", "fwd", "jr", "mf"}


def body_text(msg):
    part = msg.get_body(preferencelist=("plain", "html"))
    return part.get_content()

# per-posting scan: where each posting of a multi-posting mail starts (and where the last ends)
SEGMENTS = {
    "job_multi3_index_maru_numbers": ["案件①\n━", "案件②\n━", "案件③\n━", "ご不明点"],
    "job_multi2_kakko_numbered_iso2022jp": ["【案件1】", "【案件2】", "以上です"],
    "job_multi2_square_headers_go_infra": ["■案件1", "■案件2", "何卒"],
    "job_multi3_compact_no_numbers": ["No.1", "No.2", "No.3", "よろしくお願いします"],
    "talent_three_compact_lines_fullwidth_initials": ["・Ｉ．Ｙ", "・Ｍ．Ｈ", "・Ｋ．Ｎ", "※所属"],
    "talent_three_compact_slash_lines": ["① Y.S", "② A.M", "③ T.O", "所属："],
    "talent_chinese_partner_two_engineers_n1": ["氏名：张W", "氏名：劉YZ", "株式会社瑞华ソフト"],
    "talent_two_engineers_maru_blocks": ["●1人目", "●2人目", "ご検討"],
    "mixed_job_then_talent": ["■案件情報", "■人材情報", "ご検討"],
    "mixed_talent_then_job_osaka": ["【弊社人材】", "【案件】", "どちらも"],
}


def check_segments():
    bad = []
    for mm in MAILS:
        marks = SEGMENTS.get(mm["name"])
        if not marks:
            continue
        b = mm["body"]
        idx = [b.index(x) for x in marks]
        assert len(idx) == len(mm["postings"]) + 1
        for i, p in enumerate(mm["postings"]):
            found = scan_skills(b[idx[i]:idx[i + 1]])
            if found != set(p["skills"]):
                bad.append(f"{mm['name']} posting {i}: {sorted(found ^ set(p['skills']))}")
    return bad


def check():
    from email.parser import BytesParser
    problems = []
    counts = {}
    for mm in MAILS:
        path = os.path.join(OUT, mm["name"] + ".eml")
        raw = open(path, "rb").read()
        if re.search(rb"(?<!\r)\n", raw):
            problems.append(f"{mm['name']}: bare LF")
        msg = BytesParser(policy=policy.default).parsebytes(raw)
        if msg.defects:
            problems.append(f"{mm['name']}: defects {msg.defects}")
        exp = json.load(open(os.path.join(OUT, mm["name"] + ".expected.json"), encoding="utf-8"))
        counts[exp["kind"]] = counts.get(exp["kind"], 0) + 1
        if str(msg["Subject"]) != exp["subject"]:
            problems.append(f"{mm['name']}: subject {msg['Subject']!r} != {exp['subject']!r}")
        raw_subj = re.search(rb"^Subject: (.*?)\r\n(?! )", raw, re.M | re.S).group(1).decode()
        if str(make_header(decode_header(raw_subj))) != exp["subject"]:
            problems.append(f"{mm['name']}: compat32 subject")
        if msg["From"].addresses[0].display_name != mm["frm"][0]:
            problems.append(f"{mm['name']}: from {msg['From']!r}")
        if msg["Message-ID"].strip("<>") != exp["message_id"]:
            problems.append(f"{mm['name']}: message-id")
        if not str(msg["Date"]).startswith(("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")) \
                or "+0900" not in str(msg["Date"]) or "Nov 2026" not in str(msg["Date"]):
            problems.append(f"{mm['name']}: date {msg['Date']}")
        text = body_text(msg)
        if text.replace("\r\n", "\n").strip() != mm["body"].strip():
            problems.append(f"{mm['name']}: body does not round-trip")
        # types
        assert set(exp) == {"message_id", "subject", "kind", "defects", "postings"}
        assert exp["kind"] in ("job", "talent", "mixed", "other")
        kinds = {p["kind"] for p in exp["postings"]}
        want = {"job": {"job"}, "talent": {"talent"}, "mixed": {"job", "talent"}, "other": set()}
        if kinds != want[exp["kind"]]:
            problems.append(f"{mm['name']}: kind {exp['kind']} vs postings {kinds}")
        for p in exp["postings"]:
            if list(p) != KEYS:
                problems.append(f"{mm['name']}: keys {list(p)}")
            for k in ("skills", "required_skills", "preferred_skills"):
                assert isinstance(p[k], list)
                for s in p[k]:
                    if s not in CORE:
                        problems.append(f"{mm['name']}: non-core skill {s}")
            assert isinstance(p["skill_years"], dict)
            for s, y in p["skill_years"].items():
                if s not in p["skills"] or not isinstance(y, float):
                    problems.append(f"{mm['name']}: skill_years {s}")
            assert p["title"] is None or isinstance(p["title"], str)
            for k in ("rate_min", "rate_max", "interviews", "age_max", "age", "max_chain",
                      "headcount"):
                assert p[k] is None or (isinstance(p[k], int) and not isinstance(p[k], bool)), k
            for k in ("foreigners_ok", "freelance_ok"):
                assert p[k] is None or isinstance(p[k], bool), k
            assert isinstance(p["rate_negotiable"], bool)
            assert p["start"] is None or re.fullmatch(r"\d{4}-\d\d-\d\d", p["start"])
            assert p["remote"] in (None, "full", "hybrid", "onsite")
            assert p["gender"] in (None, "male", "female")
            assert p["employment"] in (None, "employee", "contract", "freelance")
            sh = p["settlement_hours"]
            assert sh is None or (isinstance(sh, list) and len(sh) == 2
                                  and all(isinstance(x, int) for x in sh))
            for k in ("station", "location", "nationality", "japanese_level"):
                assert p[k] is None or isinstance(p[k], str), k
            if p["kind"] == "talent":
                if p["title"] is not None or p["required_skills"] or p["preferred_skills"]:
                    problems.append(f"{mm['name']}: talent title/required")
                for k in ("age_max", "foreigners_ok", "max_chain", "freelance_ok", "headcount"):
                    if p[k] is not None:
                        problems.append(f"{mm['name']}: talent {k}")
            else:
                if set(p["skills"]) != set(p["required_skills"]) | set(p["preferred_skills"]):
                    problems.append(f"{mm['name']}: skills != req|pref")
                if set(p["required_skills"]) & set(p["preferred_skills"]):
                    problems.append(f"{mm['name']}: req & pref overlap")
                for k in ("age", "gender", "nationality", "employment"):
                    if p[k] is not None:
                        problems.append(f"{mm['name']}: job {k}")
            if p["rate_min"] and p["rate_max"] and p["rate_min"] > p["rate_max"]:
                problems.append(f"{mm['name']}: rate order")
        # rough alias scan over the text that the postings come from
        scan = text
        if mm["scan"] == "noquote":
            lines = scan.splitlines()
            cut = next(i for i, ln in enumerate(lines) if ln.startswith(">")) - 1
            scan = "\n".join(lines[:cut])
        if exp["kind"] != "other":
            found = scan_skills(exp["subject"] + "\n" + scan)
            annotated = set().union(*[set(p["skills"]) for p in exp["postings"]])
            if found != annotated:
                problems.append(f"{mm['name']}: alias scan found-annotated="
                                f"{sorted(found - annotated)} annotated-found={sorted(annotated - found)}")
        # stray ASCII words (tech words outside the core list)
        stray = set()
        for w in re.findall(r"[A-Za-z][A-Za-z0-9.+#/_-]*", strip_skills(scan)):
            w2 = w.strip("./-_")
            if "@" in w2 or w2.endswith("example.jp") or w2 in ALLOWED_ASCII:
                continue
            if scan_skills(w2):
                continue
            if re.fullmatch(r"[a-z]", w2):
                continue
            stray.add(w2)
        if stray:
            print(f"  note {mm['name']}: ascii words {sorted(stray)}")
    names = [mm["name"] for mm in MAILS]
    assert len(names) == len(set(names))
    ids = [msgid(mm) for mm in MAILS]
    assert len(ids) == len(set(ids))
    print("counts by kind:", counts, "total", len(MAILS))
    problems += check_segments()
    for p in problems:
        print("PROBLEM", p)
    return not problems


def main():
    for mm in MAILS:
        with open(os.path.join(OUT, mm["name"] + ".eml"), "wb") as f:
            f.write(build(mm))
        with open(os.path.join(OUT, mm["name"] + ".expected.json"), "w", encoding="utf-8") as f:
            json.dump(expected(mm), f, ensure_ascii=False, indent=1)
            f.write("\n")
    print(f"wrote {len(MAILS)} mails to {OUT}")
    if "--check" in sys.argv:
        sys.exit(0 if check() else 1)


if __name__ == "__main__":
    main()
