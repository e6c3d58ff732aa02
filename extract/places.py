"""Stations and areas: `JR京浜東北線 大宮駅` → 大宮; `東京都港区` → an area, no station."""

from __future__ import annotations

import re

_PREFS = (
    "北海道|青森県|岩手県|宮城県|秋田県|山形県|福島県|茨城県|栃木県|群馬県|埼玉県|千葉県|東京都|"
    "神奈川県|新潟県|富山県|石川県|福井県|山梨県|長野県|岐阜県|静岡県|愛知県|三重県|滋賀県|京都府|"
    "大阪府|兵庫県|奈良県|和歌山県|鳥取県|島根県|岡山県|広島県|山口県|徳島県|香川県|愛媛県|高知県|"
    "福岡県|佐賀県|長崎県|熊本県|大分県|宮崎県|鹿児島県|沖縄県"
)
_AREA = re.compile(
    rf"^(?:(?:{_PREFS})\S*|\S{{1,5}}[市区郡](?:内|周辺)?|都内|都心|23区内?|首都圏|関東|関西|東海|"
    r"九州|全国|近郊|\S{1,4}(?:エリア|近辺|方面)|都内近郊|東京|大阪|名古屋|横浜市内)$"
)
_NOT_PLACE = re.compile(
    r"自宅|在宅|リモート|テレワーク|出社|相談|未定|調整|客先|常駐|併用|勤務|参画|決定|確認|バス|徒歩|"
    r"\d|分$|時間|以内|可能|希望|なし|無し|^or$|^及び$|^または$|付近|通勤|応相談|フル|基本|週|程度"
)
_LINE = re.compile(r"(?:線|ライナー|メトロ|新交通|モノレール|鉄道|電鉄|JR|各線|路線)(?:等|など)?$|線")
_PREFIX = re.compile(r"^(?:JR|東京メトロ|都営|地下鉄|大阪メトロ|市営|私鉄|各線)\s*")
_NAME = re.compile(r"^[一-龥ぁ-んァ-ヶーA-Za-z・ヶノ々]{1,12}$")
_SPLIT = re.compile(r"\s+or\s+|\s*(?:/|、|,|;|\s|~|\+|&|or|もしくは|または|又は|及び|および|・(?=\S+駅))\s*")


def _strip_parens(value: str) -> tuple[str, list[str]]:
    inner = re.findall(r"\(([^()]*)\)", value)
    return re.sub(r"\([^()]*\)", " ", value), inner


def station_of(piece: str, *, labelled: bool) -> str | None:
    """The station a piece names, or None. Unlabelled text needs an explicit 駅."""
    piece = piece.strip(" ・:")
    if not piece:
        return None
    m = re.search(r"([^\s/、,~+()]*?)駅", piece)
    if m:
        name = m.group(1)
        if "線" in name:
            name = name.rsplit("線", 1)[1]
        name = _PREFIX.sub("", name).strip(" ・")
        return name if 1 <= len(name) <= 12 and not _NOT_PLACE.search(name) else None
    if not labelled:
        return None
    piece = re.sub(r"(?:周辺|近辺|付近|エリア)$", "", piece)
    if _LINE.search(piece) or _AREA.match(piece) or _NOT_PLACE.search(piece):
        return None
    return piece if _NAME.match(piece) else None


def parse_place(value: str, *, labelled: bool = True) -> tuple[str | None, str | None]:
    """(station, location) of a place field's value."""
    outer, inner = _strip_parens(value)
    station: str | None = None
    location: str | None = None
    pieces = [p for p in _SPLIT.split(outer) if p and p.strip()]
    # `つくばエクスプレス 北千住駅`: a piece that says 駅 is the station, before any bare name.
    pieces.sort(key=lambda p: "駅" not in p)
    for piece in pieces:
        piece = piece.strip()
        if location is None and _AREA.match(piece):
            location = piece
            continue
        if station is None:
            station = station_of(piece, labelled=labelled)
    if station is None:
        for text in inner:
            for piece in _SPLIT.split(text):
                if "駅" in piece:
                    station = station_of(piece, labelled=True)
                    if station:
                        break
            if station:
                break
    return station, location


_STATION_FREE = re.compile(r"([一-龥ァ-ヶーぁ-んA-Za-z々ノ]{1,10})駅")


# `場所は五反田駅`, `丸ノ内線の南阿佐ケ谷駅`: a particle between kanji/katakana ends the prose
# before the name (names with hiragana inside, such as あざみ野 or みなとみらい, are kept).
_PARTICLE = re.compile(r"(?<=[一-龥ァ-ヶー々])[はのでにをが](?=[一-龥ァ-ヶー々])|^[はのでにをが]")


def find_station(text: str) -> tuple[str, tuple[int, int]] | None:
    """A `…駅` anywhere, for lines with no place label."""
    for m in _STATION_FREE.finditer(text):
        name = m.group(1)
        if "線" in name:
            name = name.rsplit("線", 1)[1]
        name = _PARTICLE.split(name)[-1]
        name = _PREFIX.sub("", name)
        if name in ("最寄", "最寄り", "各", "主要", "同", "当", "駅") or not name:
            continue
        if _NOT_PLACE.search(name):
            continue
        return name, m.span()
    return None
