"""The digest's speed and use figures: how fast mail becomes a draft, and what the reps do with it.

- Arrival → recorded: the week's mails, from their Date header to their row in the store.
- Arrival → draft: drafts written in the week, from their source mail's Date to the moment the
  draft was in the drafts folder (`appended_at`, when a rep can use it).
- Arrival → sent: of those, the ones a rep sent, to the moment the sent mail was seen (`outcome_at`).
- Use: the week's drafts by what became of them: sent, discarded (deleted unsent), still waiting
  (pending or in the folder), failed; of the sent ones, those the rep edited first (the sent text
  differed from the draft's, notify/review.py). Drafts sent before that was recorded count as
  unknown, and the note says how many.

The drafts ledger is `store/drafts.py`; without it (an older tree) the draft figures stay empty.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import select

from hayaoshi.notify.digest_model import Speed, percentile
from hayaoshi.store.tables import MailRecord

PICKUP_NOTE = "到着はメールの Date ヘッダーの時刻（送信側の時計）、取込はデータベースに記録した時刻。"
DRAFT_NOTE = ("下書きは今週作成したもの。到着→下書きは下書きフォルダに入るまで、"
              "到着→送信は担当者の送信を確認するまで。")
NO_DRAFTS = "下書きの記録（drafts テーブル）がないため、下書き・送信の時間と件数は集計できません。"
EDIT_NOTE = "編集は、送信されたメールの本文が下書きと異なるもの（改行・空白の違いは数えません）。"


def _drafts_table() -> Any | None:
    try:
        from hayaoshi.store.drafts import DraftRecord
    except ImportError:
        return None
    return DraftRecord


def _seconds(later: datetime | None, earlier: datetime | None) -> float | None:
    if later is None or earlier is None:
        return None
    # A sender's clock ahead of ours gives a negative delay: counted as 0.
    return max(0.0, (later - earlier).total_seconds())


def speed_figures(session: Any, start: datetime, end: datetime) -> Speed:
    """The speed and use figures of the week [start, end)."""
    mails = session.execute(
        select(MailRecord.received_at, MailRecord.created_at)
        .where(MailRecord.received_at >= start, MailRecord.received_at < end)
    ).all()
    pickup = [s for s in (_seconds(m.created_at, m.received_at) for m in mails) if s is not None]
    figures: dict[str, Any] = {
        "pickup_count": len(pickup), "pickup_p50": percentile(pickup, 50), "pickup_p95": percentile(pickup, 95),
    }
    draft = _drafts_table()
    if draft is None:
        return Speed(**figures, drafts_available=False, notes=(PICKUP_NOTE, NO_DRAFTS))
    rows = session.execute(
        select(draft.state, draft.appended_at, draft.outcome_at, draft.edited, MailRecord.received_at)
        .outerjoin(MailRecord, MailRecord.id == draft.mail_id)
        .where(draft.created_at >= start, draft.created_at < end)
    ).all()
    states = [str(r.state) for r in rows]
    sent_edits = [r.edited for r in rows if str(r.state) == "sent"]
    unknown = sent_edits.count(None)
    notes = (PICKUP_NOTE, DRAFT_NOTE, EDIT_NOTE)
    if unknown:
        notes += (f"送信済み {len(sent_edits)} 件のうち {unknown} 件は編集の有無が分かりません。",)
    to_draft = [s for s in (_seconds(r.appended_at, r.received_at) for r in rows) if s is not None]
    to_sent = [s for s in (_seconds(r.outcome_at, r.received_at) for r in rows if str(r.state) == "sent")
               if s is not None]
    return Speed(
        **figures,
        drafts_available=True,
        draft_p50=percentile(to_draft, 50), draft_p95=percentile(to_draft, 95),
        sent_p50=percentile(to_sent, 50), sent_p95=percentile(to_sent, 95),
        drafts=len(rows),
        drafted=len(to_draft),
        sent=states.count("sent"),
        edited=sum(1 for e in sent_edits if e) if len(sent_edits) > unknown or not sent_edits else None,
        discarded=states.count("deleted"),
        waiting=states.count("pending") + states.count("appended"),
        failed=states.count("failed"),
        notes=notes,
    )
