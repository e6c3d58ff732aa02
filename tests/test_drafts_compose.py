"""Composing replies: what the recipient reads, what only the rep reads, and what is never quoted."""

from __future__ import annotations

from dataclasses import replace

import pytest

from hayaoshi.errors import ConfigError
from hayaoshi.match.engine import rank_jobs, scan_engineers
from hayaoshi.match.index import JobIndex
from hayaoshi.match.model import MatchSettings
from hayaoshi.notify import wording
from hayaoshi.notify.compose import compose_job_reply, compose_questions, compose_talent_reply
from hayaoshi.notify.model import DraftKind, DraftSettings
from hayaoshi.notify.templates import environment
from hayaoshi.tests.test_drafts_factories import (
    MARGIN,
    SIGNATURE,
    TODAY,
    context,
    job,
    job_posting,
    mail,
    own,
    partner,
    settings,
    talent_posting,
)

pytestmark = pytest.mark.unit
RULES = MatchSettings(margin=MARGIN)


def job_reply(engineers, the_job=None, the_settings=None, the_context=None, **mail_kwargs):
    the_job = the_job or job()
    pool = {e.id: e for e in engineers}
    ranking = scan_engineers(the_job, engineers, RULES, TODAY)
    return compose_job_reply(mail(**mail_kwargs), the_job, ranking, pool, the_settings or settings(),
                             the_context or context())


def talent_reply(engineer, jobs, the_settings=None, the_context=None, **mail_kwargs):
    ranking = rank_jobs(engineer, JobIndex(jobs), RULES, TODAY)
    mail_kwargs.setdefault("sender", "株式会社ビーピー 鈴木 <suzuki@bp-partner.co.jp>")
    mail_kwargs.setdefault("subject", "【人材】S.T Java5年 大井町")
    return compose_talent_reply(mail(**mail_kwargs), engineer, ranking, {j.id: j for j in jobs},
                                the_settings or settings(), the_context or context())


# ---------------------------------------------------------------- proposing for a 案件


def test_a_proposal_answers_what_a_client_always_asks():
    """GIVEN our engineer fits the 案件 WHEN the reply is composed THEN the candidate's block holds
    every fact DOMAIN.md lists, the opinion of fit and the rep's own comment."""
    draft = job_reply([own()])
    text = draft.client_text
    for expected in ("T.K（32歳・男性）", "【最寄駅】JR京浜東北線 大宮駅", "【稼働開始】2026年12月～",
                     "【単価】62万円", "【所属】弊社正社員", "【国籍】日本", "【並行】なし", "【面談】",
                     "【推薦コメント】勤続5年、勤怠良好",
                     "【所感】Java 7年・Spring Boot 4年、詳細設計の経験が本件の工程に合います。",
                     "○ 必須: Java 3年以上：Java 7年", "× 尚可: AWS：経験の記載なし",
                     "○ 単価: 60～70万：ご提案単価 62万円", "【対象案件】保険会社向け"):
        assert expected in text, expected
    assert draft.kind is DraftKind.JOB_REPLY and draft.candidates == ("E001",)
    assert text.rstrip().endswith(SIGNATURE.splitlines()[-1])
    assert "株式会社クライアントエー\n佐藤健一 様" in text  # RFC 2047 drops the space between encoded-words


def test_citations_for_the_rep_never_reach_the_client():
    draft = job_reply([own()])
    assert "ロスター" not in draft.client_text and "行目" not in draft.client_text


def test_a_partners_engineer_is_offered_with_our_margin_and_the_partners_rate_is_not_quoted():
    """GIVEN a partner's engineer asking 60万 WHEN proposed THEN the client reads 65万 (60 + margin 5),
    never 60万 nor the margin; the rep's notes show the arithmetic."""
    draft = job_reply([partner()])
    assert "【単価】65万円" in draft.client_text
    assert "60万円" not in draft.client_text and "マージン" not in draft.client_text
    assert "■単価" not in draft.client_text and "弊社正社員" not in draft.client_text  # the partner's own words
    assert "【所属】1社先・正社員" in draft.client_text
    assert "【並行】あり（提案のみ）" in draft.client_text
    assert any("マージン" in note and "60万" in note for note in draft.notes_for_rep)


def test_never_proposed_to_the_company_the_engineer_came_from():
    draft = job_reply([partner(company="client-a.co.jp")], sender="佐藤 <sato@sales.client-a.co.jp>")
    assert draft is None


def test_the_recipients_reply_to_company_counts_too():
    draft = job_reply([own(), partner(company="agent.co.jp")], reply_to="jobs@agent.co.jp")
    assert draft.candidates == ("E001",)
    assert draft.to == "jobs@agent.co.jp"
    assert any("宛先の会社の要員" in note for note in draft.notes_for_rep)


def test_the_limits_of_the_posting_answered_are_kept_even_when_ranked_for_another_source():
    """GIVEN a ranking made for the cluster's best source (no 商流 limit) WHEN this sender's posting
    says 貴社社員まで THEN the partner's engineer is left out, with a note for the rep."""
    loose = job(max_chain=None)
    ranking = scan_engineers(loose, [partner()], RULES, TODAY)
    strict = job(max_chain=0)
    draft = compose_job_reply(mail(), strict, ranking, {"talent:900": partner()}, settings(), context())
    assert draft is None


def test_top_and_threshold_come_from_the_settings():
    engineers = [own(f"E00{n}", name=f"A.{n}") for n in range(1, 6)]
    assert len(job_reply(engineers).candidates) == 3
    assert len(job_reply(engineers, the_settings=settings(top=2)).candidates) == 2
    assert job_reply(engineers, the_settings=settings(threshold=0.99)) is None


def test_an_engineer_without_a_required_skill_is_not_proposed():
    draft = job_reply([own(), own("E002", name="Y.N", skills=("Spring Boot", "詳細設計"), skill_years={})])
    assert draft.candidates == ("E001",)


def test_parallel_proposals_and_the_skill_sheet_are_shown():
    draft = job_reply([own()], the_context=context(parallel={"E001": 2}, sheets={"E001": ("E001_T.K.xlsx",)}))
    assert "【並行】あり" in draft.client_text
    assert "【スキルシート】添付の「E001_T.K.xlsx」をご覧ください" in draft.client_text


def test_a_foreign_engineer_shows_nationality_and_japanese_level():
    the_job = job(foreigners_ok=None, japanese_level="N2")
    draft = job_reply([own(nationality="中国", japanese_level="N1")], the_job=the_job)
    assert "【国籍】中国（日本語 N1）" in draft.client_text


def test_notes_for_the_rep_sit_on_top_in_a_block_the_rep_deletes():
    draft = job_reply([own()], the_context=context(new_sender="初めてのお相手です: sato@client-a.co.jp"))
    head, _, rest = draft.body.partition("▲▲▲ 営業メモここまで ▲▲▲\n")
    assert draft.body.startswith("▼▼▼ 営業メモ")
    assert "初めてのお相手です" in head
    assert rest.strip() == draft.client_text.strip()
    assert "初めて" not in draft.client_text


def test_the_opinion_of_fit_names_skills_with_years_and_the_phase():
    the_job = job(required_skills=("Java", "詳細設計", "単体テスト"), preferred_skills=())
    draft = job_reply([own()], the_job=the_job)
    assert "Java 7年、詳細設計からの経験が本件の工程に合います。" in draft.client_text


def test_missing_facts_are_asked_in_the_same_mail():
    the_job = job(rate_max=None, rate_min=None, settlement_hours=None, max_chain=None)
    draft = job_reply([own()], the_job=the_job)
    questions = draft.client_text.split("あわせて、下記をお教えいただけますと幸いです。")[1]
    assert "単価（ご予算感）" in questions and "精算幅" in questions and "商流" in questions


def test_subject_threading_fields_and_recipient():
    draft = job_reply([own()], subject="RE: Re: 【案件】Java", references="<a@x> <b@y>")
    assert draft.subject == "Re: 【案件】Java"
    assert draft.in_reply_to == "src-1@client-a.co.jp"
    assert draft.references == ("a@x", "b@y")
    assert draft.to == "sato@client-a.co.jp"


# ---------------------------------------------------------------- answering a partner's 人材


def test_a_partner_reads_our_offer_and_our_place_in_the_chain_never_the_sources():
    """GIVEN a 案件 from client-a at 60～70万 whose sender is 2 companies from the end WHEN a partner's
    engineer fits THEN the partner reads 55～65万 (margin kept back), エンド → 元請 → 2次 → 弊社 → 貴社,
    and the things partners ask for (精算幅, 支払いサイト, limits)."""
    engineer = partner(id="talent:5", rate=550_000)
    the_job = job(id="42", title="【急募】保険/茅場町/～70万/元請直", max_chain=1)
    draft = talent_reply(engineer, [the_job], the_context=context(depth={"42": 2}))
    text = draft.client_text
    for expected in ("【単価】55～65万円", "【商流】エンド → 元請 → 2次 → 弊社 → 貴社（貴社所属の方まで）",
                     "【精算幅】140h～180h", "【支払いサイト】月末締め翌月末払い（30日サイト）", "【外国籍】不可",
                     "【年齢】45歳まで", "【場所】茅場町駅", "【リモート】リモート併用", "【面談】1回",
                     "【開始】2026年12月～",
                     "S.T（30歳・男性）様のご紹介"):
        assert expected in text, expected
    for secret in ("70万", "60～70", "元請直"):
        assert secret not in text, secret
    assert draft.kind is DraftKind.TALENT_REPLY and draft.candidates == ("42",)
    assert any("60～70万" in note for note in draft.notes_for_rep)  # the rep still sees the source


def test_jobs_of_the_partners_own_company_are_not_offered_back():
    engineer = partner(id="talent:5", company="client-a.co.jp")
    assert talent_reply(engineer, [job()]) is None


def test_a_partner_is_asked_what_their_mail_left_out():
    engineer = partner(id="talent:5", station=None, employment=None, age=None)
    draft = talent_reply(engineer, [job(max_chain=2)])
    questions = draft.client_text.split("あわせて下記をお教えください。")[1]
    assert "最寄駅" in questions and "ご所属" in questions and "年齢" in questions and "並行状況" in questions


def test_unknown_payment_terms_are_left_out_and_the_rep_told():
    draft = talent_reply(partner(id="talent:5"), [job()], the_settings=settings(payment_terms=""))
    assert "支払いサイト" not in draft.client_text
    assert any("payment_terms" in note for note in draft.notes_for_rep)


# ---------------------------------------------------------------- questions only


def test_questions_for_a_job_that_left_out_rate_station_and_start():
    posting = job_posting(rate_min=None, rate_max=None, station=None, remote=None, start=None)
    draft = compose_questions(mail(), posting, settings(), context())
    assert draft.kind is DraftKind.QUESTIONS
    for question in ("1. 単価（ご予算感）", "2. 作業場所（最寄駅）", "3. 開始時期"):
        assert question in draft.client_text


def test_no_questions_when_nothing_is_missing():
    assert compose_questions(mail(), job_posting(), settings(), context()) is None


def test_questions_for_a_talent_without_rate_or_station():
    posting = talent_posting(rate_min=None, rate_max=None, station=None, employment=None)
    draft = compose_questions(mail(sender="鈴木 <suzuki@bp-partner.co.jp>"), posting, settings(), context())
    assert "S.T（30歳・男性）様のご紹介" in draft.client_text
    for question in ("ご希望単価", "最寄駅", "ご所属"):
        assert question in draft.client_text


# ---------------------------------------------------------------- encoding, templates, settings


def test_iso2022jp_drafts_replace_what_the_charset_cannot_hold_and_say_so():
    draft = job_reply([own(note="頼れるエンジニア😀です ①㈱～")], the_settings=settings(encoding="iso-2022-jp"))
    assert "😀" not in draft.body and "頼れるエンジニア〓です ①㈱～" in draft.client_text
    assert any("〓" in note and "😀" not in note for note in draft.notes_for_rep)


def test_a_company_template_replaces_the_bundled_one(tmp_path):
    (tmp_path / "questions.j2").write_text("{{ salutation }}\n御社独自の文面です。\n{% for q in questions %}- {{ q }}\n"
                                           "{% endfor %}", "utf-8")
    environment.cache_clear()
    posting = job_posting(rate_min=None, rate_max=None)
    draft = compose_questions(mail(), posting, settings(template_dir=str(tmp_path)), context())
    assert "御社独自の文面です。" in draft.client_text and "- 単価（ご予算感）" in draft.client_text


def test_a_missing_template_folder_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="template_dir"):
        compose_questions(mail(), job_posting(rate_max=None), settings(template_dir=str(tmp_path / "nope")), context())


@pytest.mark.parametrize("values", [{"encoding": "shift_jis"}, {"top": 0}, {"threshold": 1.5}],
                         ids=["encoding", "top", "threshold"])
def test_bad_settings_fail_at_start(values):
    with pytest.raises(ConfigError):
        replace(DraftSettings(), **values)


def test_settings_from_the_registry():
    from hayaoshi.config.settings import load_config

    config = load_config(None, {"HAYAOSHI_DRAFTS_ENCODING": "ISO-2022-JP", "HAYAOSHI_DRAFTS_TOP": "5",
                                "HAYAOSHI_COMPANY_NAME": "株式会社アワーセス"})
    got = DraftSettings.from_config(config)
    assert (got.encoding, got.top, got.threshold, got.company) == ("iso-2022-jp", 5, 0.6, "株式会社アワーセス")


# ---------------------------------------------------------------- wording


@pytest.mark.parametrize(("name", "expected"), [
    ("株式会社サクラリンク 佐藤 健一", "株式会社サクラリンク\n佐藤 健一 様"),
    ("株式会社 サクラリンク 佐藤", "株式会社 サクラリンク\n佐藤 様"),
    ("佐藤 健一", "佐藤 健一 様"),
    (None, "ご担当者様"),
    ("sato@example.jp", "ご担当者様"),
], ids=["company-person", "spaced-company", "person", "none", "address"])
def test_salutation(name, expected):
    assert wording.salutation(name) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("PHP/渋谷/～60万/1月～", "PHP／渋谷／1月～"),
    ("【急募】Java 単価70万 エンド直", "【急募】Java"),
    ("保険会社向け 契約管理", "保険会社向け 契約管理"),
], ids=["subject-shape", "rate-and-chain", "plain"])
def test_titles_shown_to_partners_lose_rates_and_chain_words(title, expected):
    assert wording.mask_title(title, job())[0] == expected


def test_header_like_text_in_a_name_stays_on_one_line():
    assert "\n" not in wording.profile(own(name="T.K\r\nBcc: x@evil.example"))
