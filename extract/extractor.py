"""A decoded mail in, its postings out: `Extractor.extract` is the whole of `extract/`."""

from __future__ import annotations

import logging
import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Protocol

from hayaoshi.extract.attach import attach_sheets
from hayaoshi.extract.build import PostingBuilder, years_after
from hayaoshi.extract.classify import classify
from hayaoshi.extract.labels import scan_fields
from hayaoshi.extract.model import MailKind, ParsedMail, Posting, PostingKind
from hayaoshi.extract.nlp import SkillNLP, SkillSpan
from hayaoshi.extract.normalize import fold, normalize
from hayaoshi.extract.segment import Segment, contact_lines, signature_start, split_postings
from hayaoshi.extract.subject import is_reply, kind_hint, parse_subject
from hayaoshi.extract.taxonomy import load_taxonomy
from hayaoshi.ingest.sheets import SheetLimits

logger = logging.getLogger(__name__)

JST = timezone(timedelta(hours=9))
_PLACE_CUE = re.compile(r"駅|勤務|場所|最寄|出社|常駐|エリア|お客様先|現場|オフィス")
_PLACE_LABELS = frozenset({"Station", "City", "Province", "County", "GPE_Other", "Region_Other",
                           "Location_Other", "River", "Lake", "Mountain", "Island", "Railroad"})
_AREA_SUFFIX = re.compile(r"[都道府県市区町村]$|市内$|区内$")


class MailLike(Protocol):
    """What the extractor reads of a decoded mail (ingest.decode.DecodedMail)."""

    @property
    def message_id(self) -> str | None: ...
    @property
    def subject(self) -> str: ...
    @property
    def body(self) -> str: ...
    @property
    def date(self) -> datetime | None: ...
    @property
    def defects(self) -> tuple[str, ...]: ...


def reference_date(mail_date: datetime | None, now: datetime | None) -> date:
    """The day relative dates are read against: the mail's Date in Japan, else `now`."""
    when = mail_date or now or datetime.now(tz=JST)
    if when.tzinfo is None:
        when = when.replace(tzinfo=JST)
    return when.astimezone(JST).date()


class Extractor:
    """Built once at start-up (loads the taxonomy and the spaCy pipeline); reentrant."""

    def __init__(self, taxonomy_path: Path | None = None, *, use_ginza: bool = True,
                 sheet_limits: SheetLimits | None = None, read_sheets: bool = True) -> None:
        self.nlp = SkillNLP(load_taxonomy(taxonomy_path))
        self.use_ginza = use_ginza
        self.sheet_limits = sheet_limits or SheetLimits()
        self.read_sheets = read_sheets
        self.ginza_calls = 0

    def extract(self, mail: MailLike, *, body: str | None = None, now: datetime | None = None,
                ) -> ParsedMail:
        """Postings of a mail. `body` is the text to read (quoted replies already removed)."""
        text = mail.body if body is None else body
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        ref = reference_date(mail.date, now)
        norm = normalize(text)
        lines = norm.text.split("\n")
        starts: list[int] = []
        pos = 0
        for line in lines:
            starts.append(pos)
            pos += len(line) + 1
        fields = scan_fields(lines, starts)
        sig = signature_start(lines, fields)
        contacts = contact_lines(lines)
        subject_norm = fold(mail.subject).replace("\n", " ")
        # One spaCy call for the subject and the body up to the signature: the call itself
        # costs as much as a few hundred characters of tokenizing.
        cut = starts[sig] if sig < len(lines) else len(norm.text)
        offset = len(subject_norm) + 1
        skills: list[SkillSpan] = []
        subject_skills: list[str] = []
        subject_years: dict[str, float] = {}
        for span in self.nlp.find(subject_norm + "\n" + norm.text[:cut]):
            if span.start >= offset:
                skills.append(SkillSpan(span.canonical, span.start - offset, span.end - offset))
                continue
            if span.canonical not in subject_skills:
                subject_skills.append(span.canonical)
            years = years_after(subject_norm, span.end)
            if years is not None:
                subject_years[span.canonical] = years
        subject = parse_subject(subject_norm, ref)
        sub_job, sub_talent = kind_hint(mail.subject)
        reply_only = is_reply(mail.subject)

        segments = split_postings(lines, fields, sig)
        builder = PostingBuilder(norm, lines, starts, fields, skills, contacts, ref,
                                 self.nlp.place_names)
        builder.subject_years = subject_years
        postings = []
        single = len(segments) == 1
        if not single and segments[0].start > 0:
            builder.shared = Segment(0, segments[0].start, None, None)
        for seg in segments:
            seg_fields = [f for f in fields if seg.start <= f.line < seg.end]
            seg_text = "\n".join(lines[seg.start : seg.end])
            kind = classify(
                seg_fields,
                seg_text,
                hint=seg.hint,
                subject_job=sub_job if single else 0.0,
                subject_talent=sub_talent if single else 0.0,
                subject_data=(subject.items + bool(subject_skills)) if single and not reply_only else 0,
            )
            if kind is None:
                continue
            posting = builder.build(
                kind, seg, seg_fields,
                subject=subject,
                subject_skills=subject_skills if single else [],
                subject_title=mail.subject if single else None,
            )
            if kind is PostingKind.JOB or kind is PostingKind.TALENT:
                if posting.station is None and self.use_ginza and builder.wants_place(seg):
                    self._ginza_place(posting, seg_text)
                postings.append(posting)
        if self.read_sheets:
            # Attachments are not part of MailLike: a test's bare mail object has none.
            attach_sheets(postings, getattr(mail, "attachments", ()), self.nlp, ref, self.sheet_limits)
        kinds = {p.kind for p in postings}
        if not kinds:
            mail_kind = MailKind.OTHER
        elif kinds == {PostingKind.JOB}:
            mail_kind = MailKind.JOB
        elif kinds == {PostingKind.TALENT}:
            mail_kind = MailKind.TALENT
        else:
            mail_kind = MailKind.MIXED
        return ParsedMail(
            message_id=mail.message_id,
            subject=mail.subject,
            kind=mail_kind,
            defects=list(mail.defects),
            postings=postings,
        )

    def _ginza_place(self, posting: Posting, seg_text: str) -> None:
        """GiNZA's NER for a place the rules could not find (about 130 ms: rare by design).

        A Station entity, or a City entity that is a bare place name (`品川のオフィス`), is the
        station; a City with 市/区/町/村 or a Province is an area (`location`).
        """
        lines = [ln for ln in seg_text.split("\n") if _PLACE_CUE.search(ln)]
        if not lines:
            return
        self.ginza_calls += 1
        doc = self.nlp.ginza()("\n".join(lines[:10])[:1000])
        for ent in doc.ents:
            if ent.label_ not in _PLACE_LABELS:
                continue
            name = ent.text.strip().removesuffix("駅")
            # GiNZA's type for a place is often off (大崎 as a River): any place-like type
            # will do, but unless it says Station, Sudachi must also know the name as a place.
            if ent.label_ != "Station" and name not in self.nlp.place_names(ent.sent.text):
                continue
            evidence = ent.sent.text.strip()
            if ent.label_ in ("Province", "County") or _AREA_SUFFIX.search(name):
                if posting.location is None:
                    posting.location, posting.evidence["location"] = name, evidence
                continue
            if name:
                posting.station, posting.evidence["station"] = name, evidence
                return
