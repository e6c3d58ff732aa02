"""The digest's charts as PNG bytes, drawn with matplotlib's Agg canvas (no display, no pyplot).

Each chart is a fresh `Figure` with its own canvas, and fonts are passed to each text element
rather than through the global `rcParams`, so charts can be drawn from the daemon's threads.

Japanese labels need a Japanese font (Debian: `fonts-ipafont-gothic`). Without one every label
falls back to ASCII: English captions, `Mon 11/23` dates, and a skill whose name is not ASCII
shown by its rank (`#3`), which the digest's table also lists.
"""

from __future__ import annotations

import functools
import io
import logging
import shutil
import subprocess
from collections.abc import Sequence
from typing import Any

from hayaoshi.notify.digest_model import Demand, DigestData, Volume

logger = logging.getLogger(__name__)

# Japanese families in the order we prefer them; the first the machine has is used.
JAPANESE_FAMILIES = (
    "IPAexGothic", "IPAPGothic", "IPAGothic", "Noto Sans CJK JP", "Noto Sans JP", "Source Han Sans JP",
    "TakaoGothic", "VL Gothic", "Droid Sans Fallback",
)
_WEEKDAYS_JA = "月火水木金土日"
_WEEKDAYS_EN = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_JOB, _TALENT, _OWN, _PARTNER = "#1f6fb2", "#e07b00", "#2a9d5b", "#9bd3ae"
DPI = 100


@functools.lru_cache(maxsize=1)
def japanese_font() -> str | None:
    """The family name of a Japanese font matplotlib can use, or None when the machine has none."""
    from matplotlib import font_manager

    known = {f.name for f in font_manager.fontManager.ttflist}
    for family in JAPANESE_FAMILIES:
        if family in known:
            return family
    # A font installed after matplotlib cached its font list is not in it: ask fontconfig.
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        found = subprocess.run([fc_list, ":lang=ja", "file"], capture_output=True, text=True, timeout=20,
                               check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    paths = sorted({line.split(":")[0].strip() for line in found.splitlines() if line.strip()},
                   key=lambda p: ("gothic" not in p.lower() and "sans" not in p.lower(), p))
    for path in paths:
        try:
            font_manager.fontManager.addfont(path)
            return font_manager.FontProperties(fname=path).get_name()
        except (OSError, RuntimeError, ValueError):
            continue
    return None


def _font(japanese: str | None) -> Any:
    from matplotlib.font_manager import FontProperties

    return FontProperties(family=[japanese, "DejaVu Sans"] if japanese else ["DejaVu Sans"], size=9)


def _ascii(text: str) -> bool:
    return text.isascii()


def skill_labels(skills: Sequence[str], japanese: bool) -> list[str]:
    """The skills as the chart shows them: as they are, or without a Japanese font `#rank` for a
    name that is not ASCII."""
    return [s if japanese or _ascii(s) else f"#{i}" for i, s in enumerate(skills, start=1)]


def _png(figure: Any) -> bytes:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    out = io.BytesIO()
    figure.savefig(out, format="png", dpi=DPI, metadata={"Software": None})
    return out.getvalue()


def _style(ax: Any, font: Any, grid: str) -> None:
    for label in (*ax.get_xticklabels(), *ax.get_yticklabels()):
        label.set_fontproperties(font)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis=grid, alpha=0.3)


def volume_chart(volume: Volume, japanese: str | None = None) -> bytes:
    """案件 and 人材 per day of the week (bars) against the same weekday's mean of the four weeks
    before (a black line over each bar)."""
    from matplotlib.figure import Figure

    font = _font(japanese)
    if japanese:
        days = [f"{d.day.month}/{d.day.day}({_WEEKDAYS_JA[d.day.weekday()]})" for d in volume.days]
        names = ("案件（今週）", "人材（今週）", "前4週の同曜日平均")
        title = "受信した案件・人材（1日ごと）"
    else:
        days = [f"{_WEEKDAYS_EN[d.day.weekday()]} {d.day.month}/{d.day.day}" for d in volume.days]
        names = ("Jobs (this week)", "Talent (this week)", "Mean of the 4 weeks before")
        title = "Jobs and talent received per day"
    figure = Figure(figsize=(8, 3.4), layout="constrained")
    ax = figure.add_subplot()
    width = 0.38
    xs = range(len(volume.days))
    jobs_x = [x - width / 2 for x in xs]
    talent_x = [x + width / 2 for x in xs]
    ax.bar(jobs_x, [d.jobs for d in volume.days], width, color=_JOB, label=names[0])
    ax.bar(talent_x, [d.talents for d in volume.days], width, color=_TALENT, label=names[1])
    ax.hlines([d.jobs_avg for d in volume.days], [x - width / 2 for x in jobs_x],
              [x + width / 2 for x in jobs_x], colors="black", linewidth=2, label=names[2])
    ax.hlines([d.talents_avg for d in volume.days], [x - width / 2 for x in talent_x],
              [x + width / 2 for x in talent_x], colors="black", linewidth=2)
    ax.set_xticks(list(xs), days)
    ax.set_title(title, fontproperties=font)
    handles, labels = ax.get_legend_handles_labels()
    order = sorted(range(len(labels)), key=lambda i: labels[i] == names[2])  # the bars first
    ax.legend([handles[i] for i in order], [labels[i] for i in order], prop=font, frameon=False,
              loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.yaxis.get_major_locator().set_params(integer=True)
    _style(ax, font, "y")
    return _png(figure)


def skills_chart(demand: Demand, japanese: str | None = None) -> bytes:
    """The most asked skills: 案件 asking each (demand) against the engineers who have it (supply:
    ours available within the horizon, and partners')."""
    from matplotlib.figure import Figure

    font = _font(japanese)
    rows = list(demand.skills)
    if japanese:
        names = ("需要: 案件数", "供給: 自社", "供給: BP")
        title = "スキル別の需要と供給（今週の案件）"
        empty = "今週の案件なし"
    else:
        names = ("Demand: jobs", "Supply: own", "Supply: partners")
        title = "Skills: demand (this week's jobs) vs supply (pool)"
        empty = "No jobs this week"
    figure = Figure(figsize=(8, 0.9 + 0.38 * max(len(rows), 3)), layout="constrained")
    ax = figure.add_subplot()
    ax.set_title(title, fontproperties=font)
    if not rows:
        ax.text(0.5, 0.5, empty, ha="center", va="center", fontproperties=font, transform=ax.transAxes)
        ax.set_axis_off()
        return _png(figure)
    labels = skill_labels([r.skill for r in rows], japanese is not None)
    ys = list(range(len(rows)))[::-1]  # the most asked on top
    height = 0.38
    ax.barh([y + height / 2 for y in ys], [r.demand for r in rows], height, color=_JOB, label=names[0])
    lower = [y - height / 2 for y in ys]
    ax.barh(lower, [r.own for r in rows], height, color=_OWN, label=names[1])
    ax.barh(lower, [r.partner for r in rows], height, left=[r.own for r in rows], color=_PARTNER,
            label=names[2])
    ax.set_yticks(ys, labels)
    ax.xaxis.get_major_locator().set_params(integer=True)
    ax.legend(prop=font, frameon=False, loc="upper left", bbox_to_anchor=(1.0, 1.0))
    _style(ax, font, "x")
    return _png(figure)


def render_charts(data: DigestData, japanese: str | bool | None = True) -> dict[str, bytes]:
    """Every chart of the digest by name (`volume`, `skills`). `japanese=True` finds a Japanese
    font; a family name uses that one; None or False draws ASCII labels."""
    if japanese is True:
        family = japanese_font()
        if family is None:
            logger.warning("no Japanese font: the digest's charts are labelled in ASCII "
                           "(install fonts-ipafont-gothic)")
    else:
        family = japanese or None
    return {"volume": volume_chart(data.volume, family), "skills": skills_chart(data.demand, family)}
