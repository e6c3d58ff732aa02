"""Replies as text: a proposal for a 案件, an answer to a 人材, or questions. Pure: no I/O.

Every function takes the source mail, what matching found and the settings, and returns a
`DraftContent` (or None when there is nothing worth a draft). The recipient's part is rendered
from the Jinja2 templates; the rep's notes go on top, in a block the rep deletes before sending.

Etiquette kept here (DOMAIN.md): an engineer is never proposed to the company they came from;
the job's hard conditions (商流, nationality, age…) are checked against the very posting being
answered; a partner never reads the source's 単価 or 商流, only our offer (margin kept back)
and our own place in the chain.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from hayaoshi.extract.check import check_against_job
from hayaoshi.extract.model import Posting, PostingKind
from hayaoshi.ingest.decode import DecodedMail
from hayaoshi.match.convert import company_key, engineer_from_posting, job_from_posting
from hayaoshi.match.explain import Terms, job_terms, rate_range, reasons, requirements, score
from hayaoshi.match.model import Engineer, Job, Ranking, Requirement
from hayaoshi.notify import wording as w
from hayaoshi.notify.mime import clean_address, jis_unencodable, reply_subject
from hayaoshi.notify.model import Context, DraftContent, DraftKind, DraftSettings
from hayaoshi.notify.questions import job_questions, talent_questions
from hayaoshi.notify.templates import render

GETA = "〓"  # what Japanese mail has always printed for a character the charset cannot hold


@dataclass(frozen=True, slots=True)
class Pick:
    """A candidate worth proposing (or a job worth offering), checked against the posting answered."""

    id: str
    score: float
    engineer: Engineer
    job: Job
    terms: Terms
    rows: tuple[Requirement, ...]


def recipient(mail: DecodedMail) -> tuple[str, str | None]:
    """(address, display name) a reply goes to: Reply-To when given, else From."""
    reply_to = clean_address(mail.reply_to)
    if reply_to:
        return reply_to, mail.from_name if reply_to == mail.from_addr else None
    return clean_address(mail.from_addr) or "", mail.from_name


def recipient_companies(mail: DecodedMail) -> set[str]:
    """The companies a reply reaches: the sender's and the Reply-To's."""
    return {key for key in (company_key(a) for a in (mail.from_addr, mail.reply_to) if a) if key}


# ---------------------------------------------------------------- choosing


def select_candidates(job: Job, ranking: Ranking, engineers: Mapping[str, Engineer], settings: DraftSettings,
                      context: Context, companies: Iterable[str] = ()) -> tuple[list[Pick], list[str]]:
    """The best `settings.top` engineers scoring at least the threshold against `job`, and notes on
    the ones left out (the recipient's own engineer, a condition of this posting)."""
    terms = job_terms(job, settings.match, context.today)
    companies = set(companies)
    picks: list[Pick] = []
    notes: list[str] = []
    for match in ranking.matches:
        engineer = engineers.get(match.id)
        if engineer is None:
            continue  # left the pool since the ranking was made
        if not engineer.own and company_key(engineer.company) in companies:
            notes.append(f"{w.one_line(engineer.name, 40)} は宛先の会社の要員のため除外しました")
            continue
        why = reasons(terms, engineer)
        if why:
            notes.append(f"{w.one_line(engineer.name, 40)} は本メールの条件で除外: {' / '.join(why)}")
            continue
        value = score(terms, engineer)
        if value < settings.threshold:
            continue
        missing = _missing_skills(terms, engineer)
        if missing:
            name = w.one_line(engineer.name, 40)
            notes.append(f"{name} は必須スキル {'・'.join(missing)} の記載がないため外しました")
            continue
        picks.append(Pick(match.id, value, engineer, job, terms, requirements(terms, engineer)))
        if len(picks) >= settings.top:
            break
    picks.sort(key=lambda p: (-p.score, p.id))
    return picks, notes


def _missing_skills(terms: Terms, engineer: Engineer) -> list[str]:
    """Required skills (not 工程) the engineer's record does not name at all: a proposal without
    one reads as not having read the 案件. A phase not named is only a point to check."""
    return [s for s in terms.required if s not in w.PHASES and s not in engineer.skills]


def select_jobs(engineer: Engineer, ranking: Ranking, jobs: Mapping[str, Job], settings: DraftSettings,
                context: Context) -> list[Pick]:
    """The best `settings.top` open jobs for a partner's engineer, never the partner's own."""
    picks: list[Pick] = []
    for match in ranking.matches:
        job = jobs.get(match.id)
        if job is None or (job.company and company_key(job.company) == company_key(engineer.company)):
            continue
        terms = job_terms(job, settings.match, context.today)
        value = score(terms, engineer)
        if reasons(terms, engineer) or value < settings.threshold or _missing_skills(terms, engineer):
            continue
        picks.append(Pick(match.id, value, engineer, job, terms, requirements(terms, engineer)))
        if len(picks) >= settings.top:
            break
    return picks


# ---------------------------------------------------------------- composing


def compose_job_reply(mail: DecodedMail, job: Job, ranking: Ranking, engineers: Mapping[str, Engineer],
                      settings: DraftSettings, context: Context,
                      selected: tuple[list[Pick], list[str]] | None = None) -> DraftContent | None:
    """Our best candidates for the 案件 of `mail`; None when none reaches the threshold. `selected`:
    what `select_candidates` gave for the same job, ranking, engineers and `recipient_companies(mail)`,
    when the caller has it already (the drafts writer picks the skill sheets to attach with it)."""
    picks, notes = selected or select_candidates(job, ranking, engineers, settings, context,
                                                 recipient_companies(mail))
    notes = list(notes)
    if not picks:
        return None
    title = w.one_line(job.title, 80) or w.mask_title(None, job)[0]
    candidates = []
    for n, pick in enumerate(picks, start=1):
        e = pick.engineer
        offer = w.offered_rate(e, settings.margin)
        candidates.append({
            "index": n,
            "profile": w.profile(e),
            "opinion": w.fit_opinion(pick.terms, e),
            "comment": w.rep_comment(e),
            "station": w.station_label(e.station),
            "start": w.start_label(e.available_from, context.today),
            "rate": w.yen(offer),
            "employment": w.employment_label(e),
            "nationality": w.nationality_label(e) if w.shows_nationality(job, e) else None,
            "parallel": w.parallel_label(e, context.parallel.get(pick.id, 0), _stated_parallel(e)),
            "rows": [_row(*w.client_row(r, e, settings.margin)) for r in pick.rows],
            "sheets": list(context.sheets.get(pick.id, ())),
        })
        notes += _candidate_notes(pick, settings, context)
    questions = []
    if settings.questions:
        questions = job_questions(job, chain_depth=context.depth.get(job.id), rate_negotiable=context.rate_negotiable,
                                  candidates=[p.engineer for p in picks])
    to, name = recipient(mail)
    text = render("job_reply.j2", settings.template_dir, salutation=w.salutation(name), company=settings.company,
                  title=title, candidates=candidates, questions=questions, signature=settings.signature)
    return _finish(DraftKind.JOB_REPLY, mail, text, notes, settings, context, to, name,
                   tuple(p.id for p in picks))


def compose_talent_reply(mail: DecodedMail, engineer: Engineer, ranking: Ranking, jobs: Mapping[str, Job],
                         settings: DraftSettings, context: Context) -> DraftContent | None:
    """Our open 案件 for a partner's engineer; None when none reaches the threshold."""
    picks = select_jobs(engineer, ranking, jobs, settings, context)
    if not picks:
        return None
    blocks, notes = [], []
    for n, pick in enumerate(picks, start=1):
        job = pick.job
        title, masked = w.mask_title(job.title, job)
        offer = w.offered_range(job, settings.margin)
        depth = context.depth.get(job.id)
        blocks.append({
            "index": n,
            "title": title,
            "required": w.skills_label(job, pick.terms.required),
            "preferred": w.skills_label(job, pick.terms.preferred) if pick.terms.preferred else "",
            "place": w.place_label(job),
            "remote": w.remote_label(job.remote),
            "rate": offer or "スキル見合い（ご希望単価をお知らせください）",
            "settlement": w.settlement_label(job.settlement_hours),
            "start": w.start_label(job.start, context.today),
            "interviews": f"{job.interviews}回" if job.interviews else w.UNKNOWN,
            "chain": w.our_chain(depth),
            "limit": w.partner_limit(job),
            "foreigners": w.foreigners_label(job),
            "age": f"{job.age_max}歳まで" if job.age_max else w.UNKNOWN,
            "opinion": w.fit_opinion(pick.terms, engineer),
            "rows": [_row(*w.client_row(r, engineer, 0)) for r in pick.rows
                     if r.requirement.startswith(("必須", "尚可"))],
        })
        source = w.one_line(job.company, 60) or "送信元不明"
        notes.append(f"案件{n}（#{job.id}・{source}）: 元の単価 {rate_range(job)}・元の商流の深さ "
                     f"{depth if depth is not None else '不明'}。本文は ご提示 {offer or 'なし'}・弊社の位置で記載"
                     + ("。案件名から単価・商流の語を伏せました" if masked else ""))
        notes += [f"案件{n}: {x}" for x in check_against_job(engineer, engineer.sheet_skills, job)]
        unknown = [label for label, value in (("単価", offer), ("商流", depth), ("精算幅", job.settlement_hours),
                                              ("面談回数", job.interviews)) if value is None]
        if unknown:
            notes.append(f"案件{n}: {'・'.join(unknown)} は元の案件メールに記載がありません（送信元に確認）")
    if not settings.payment_terms:
        notes.append("drafts.payment_terms（支払いサイト）が未設定のため、本文に載せていません")
    questions = []
    if settings.questions:
        questions = talent_questions(engineer, [p.job for p in picks], parallel=context.partner_parallel,
                                     listed=True)
    notes += w.record_warnings(engineer, context.today)
    to, name = recipient(mail)
    text = render("talent_reply.j2", settings.template_dir, salutation=w.salutation(name), company=settings.company,
                  engineer=w.profile(engineer), jobs=blocks, questions=questions,
                  payment_terms=w.one_line(settings.payment_terms, 200), signature=settings.signature)
    return _finish(DraftKind.TALENT_REPLY, mail, text, notes, settings, context, to, name,
                   tuple(p.id for p in picks))


def compose_questions(mail: DecodedMail, posting: Posting, settings: DraftSettings, context: Context, *,
                      jobs: Iterable[Job] = (), candidates: Iterable[Engineer] = ()) -> DraftContent | None:
    """Everything the posting left out that our answer depends on, in one mail; None when nothing is missing.

    For a 案件, `candidates` are the engineers we would propose (their nationality and age decide
    whether those limits must be asked); for a 人材, `jobs` are the jobs we would offer."""
    if posting.kind is PostingKind.JOB:
        job = job_from_posting(posting, "posting", company_key(mail.from_addr))
        questions = job_questions(job, chain_depth=posting.chain_depth, rate_negotiable=posting.rate_negotiable,
                                  candidates=candidates)
        kind, title = DraftKind.JOB_REPLY, w.one_line(job.title, 80) or w.mask_title(None, job)[0]
    else:
        engineer = engineer_from_posting(posting, "posting", company_key(mail.from_addr))
        questions = talent_questions(engineer, jobs, parallel=posting.parallel)
        kind, title = DraftKind.TALENT_REPLY, w.profile(engineer)
    if not questions:
        return None
    to, name = recipient(mail)
    text = render("questions.j2", settings.template_dir, salutation=w.salutation(name), company=settings.company,
                  kind=str(kind), title=title, questions=questions, signature=settings.signature)
    return _finish(DraftKind.QUESTIONS, mail, text, [], settings, context, to, name, ())


# ---------------------------------------------------------------- pieces


def _row(mark: str, requirement: str, evidence: str) -> dict[str, str]:
    return {"mark": mark, "requirement": requirement, "evidence": evidence}


def _stated_parallel(engineer: Engineer) -> str | None:
    """A partner's engineer carries the mail's 並行 in its note (`並行: 提案のみ`)."""
    note = engineer.note or ""
    return note.split(":", 1)[1].strip() if not engineer.own and note.startswith("並行:") else None


def _candidate_notes(pick: Pick, settings: DraftSettings, context: Context) -> list[str]:
    e, name = pick.engineer, w.one_line(pick.engineer.name, 40)
    notes = [f"{name}: {warning}" for warning in w.record_warnings(e, context.today)]
    notes += [f"{name}: {warning}" for warning in check_against_job(e, e.sheet_skills, pick.job)]
    if not e.own and e.rate is not None:
        notes.append(f"{name}: パートナー希望 {w.yen(e.rate)}＋マージン {w.yen(settings.margin)}"
                     f"＝ご提案 {w.yen(e.rate + settings.margin)}（案件の上限 {rate_range(pick.job)}）")
    if not e.own:
        company = w.one_line(e.company, 60) or "会社不明"
        notes.append(f"{name}: パートナー（{company}）の要員です。推薦コメントを書き添えると伝わりやすくなります")
    elif not w.rep_comment(e):
        notes.append(f"{name}: ロスターに推薦コメント（備考）がありません。"
                     "付き合いの長さ・勤怠・延長実績などを一言どうぞ")
    if e.id not in context.sheets:
        notes.append(f"{name}: スキルシートが見つからず、添付していません")
    elif not e.own:
        notes.append(f"{name}: スキルシートはパートナーのメールから添付しました。社名などの記載を確認してください")
    weak = [r.requirement for r in pick.rows if str(r.status) != "met"]
    if weak:
        notes.append(f"{name}: 要確認の要件 {' / '.join(weak)}（根拠はマッチング結果を参照）")
    return notes


def _finish(kind: DraftKind, mail: DecodedMail, text: str, notes: Sequence[str], settings: DraftSettings,
            context: Context, to: str, name: str | None, candidates: tuple[str, ...]) -> DraftContent:
    """The rep's notes on top, the encoding checked, the threading fields filled."""
    notes = [*([context.new_sender] if context.new_sender else []), *context.notes, *notes]
    if not to:
        notes.insert(0, "差出人のアドレスが読めません。宛先を入力してください")
    if not mail.message_id:
        notes.append("元のメールに Message-ID がないため、スレッドにはつながりません")
    if not settings.signature:
        notes.append("drafts.signature（署名）が未設定です")
    subject = reply_subject(mail.subject)
    if settings.encoding == "iso-2022-jp":
        lost = jis_unencodable(subject + text + "".join(notes))
        if lost:
            notes.append(f"ISO-2022-JP で書けない文字を {GETA} に置き換えました: {' '.join(lost)}")
            subject, text = _replace(subject, lost), _replace(text, lost)
            notes = [_replace(n, lost) for n in notes]
    notes = [w.one_line(n, 400) for n in dict.fromkeys(notes)]
    block = render("notes.j2", settings.template_dir, notes=notes) if notes else ""
    body = f"{block}\n{text}" if block else text
    refs = tuple(r for r in mail.references if r)
    return DraftContent(kind=kind, subject=subject, body=body, to=to, cc=(), in_reply_to=mail.message_id,
                        references=refs, notes_for_rep=tuple(notes), client_text=text, to_name=name,
                        candidates=candidates)


def _replace(text: str, lost: Iterable[str]) -> str:
    for ch in lost:
        text = text.replace(ch, GETA)
    return text
