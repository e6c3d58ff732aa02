"""How the PDFs beside this file were made (run once; needs fpdf2 and Pillow, not project deps).

    python tests/samples/sheets/make_pdfs.py

- keirekisho_tk.pdf: a Japanese 経歴書 (IPA Gothic embedded), header lines and a history in rows;
- resume_latin.pdf: the same engineer in ASCII only (any PDF text layer reads);
- scan_no_text.pdf: one page that is only an image (a scan): no text layer;
- encrypted.pdf: keirekisho_tk.pdf encrypted with pypdf (RC4-128, user password "secret").
"""

from __future__ import annotations

import io
from pathlib import Path

from fpdf import FPDF
from PIL import Image, ImageDraw
from pypdf import PdfReader, PdfWriter

HERE = Path(__file__).parent
FONT = "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"

JA = [
    "業務経歴書",
    "氏名：R.S    年齢：41歳    最寄駅：東急東横線 武蔵小杉駅",
    "資格：応用情報技術者、PMP",
    "経験年数：12年",
    "期間    業務内容    役割    工程    言語・環境",
    "H26.4～H30.3    銀行向け 勘定系システム保守    SE    詳細設計、製造、運用保守    COBOL、Java、Oracle",
    "H30.4～R3.3    証券会社向け 取引システム更改    PL    要件定義、基本設計    Java、Spring、AWS",
    "2021/04～現在    保険会社向け 基幹システム刷新    PM    要件定義、基本設計    Java、AWS、Terraform",
]
LATIN = [
    "Skill Sheet",
    "Name: R.S    Age: 41",
    "2014/04~2018/03    Bank core system maintenance    SE    Java, Oracle",
    "2018/04~2021/03    Trading system renewal    PL    Java, Spring, AWS",
    "2021/04~present    Insurance core system    PM    Java, AWS, Terraform",
]


def text_pdf(lines: list[str], font: str | None) -> bytes:
    pdf = FPDF()
    pdf.add_page()
    if font:
        pdf.add_font("ipag", "", font)
        pdf.set_font("ipag", size=9)
    else:
        pdf.set_font("helvetica", size=9)
    for line in lines:
        pdf.cell(0, 6, line, new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())


def scan_pdf() -> bytes:
    image = Image.new("L", (600, 200), 255)
    ImageDraw.Draw(image).text((20, 80), "SCANNED SKILL SHEET (image only)", fill=0)
    buf = io.BytesIO()
    image.save(buf, format="PNG")
    pdf = FPDF()
    pdf.add_page()
    pdf.image(io.BytesIO(buf.getvalue()), x=10, y=10, w=180)
    return bytes(pdf.output())


def encrypted(data: bytes) -> bytes:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def main() -> None:
    ja = text_pdf(JA, FONT)
    (HERE / "keirekisho_tk.pdf").write_bytes(ja)
    (HERE / "resume_latin.pdf").write_bytes(text_pdf(LATIN, None))
    (HERE / "scan_no_text.pdf").write_bytes(scan_pdf())
    (HERE / "encrypted.pdf").write_bytes(encrypted(ja))


if __name__ == "__main__":
    main()
