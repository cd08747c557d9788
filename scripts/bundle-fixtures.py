#!/usr/bin/env python3
"""Makes the bundle, RTF and PDF fixtures in tests/fixtures/bundles/ from corpus text.

Every file is built here from three short corpus articles (see tests/fixtures/README.md for
their provenance); nothing is copied from another project's samples. The layouts follow the
markers of each database's exports (Nexis Uni DOCX, older Nexis TXT/RTF, Factiva HTML/RTF);
the metadata (sources, dates, bylines, accession numbers) is made up for the tests, and the
Rust tests check it against expectations written by hand.

    python3 scripts/bundle-fixtures.py            # from the repository root

Needs ../shared/corpus. The PDFs need reportlab, arabic-reshaper and python-bidi
(pip install reportlab arabic-reshaper python-bidi); they are drawn with Amiri from fonts/.
"""

import io
import os
import zipfile
from xml.sax.saxutils import escape

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "corpus", "news")
OUT = os.path.join(ROOT, "tests", "fixtures", "bundles")
NBSP = "\u00a0"

SOURCES = [
    ("fifa", "snn_3alyoum_2015-07-25_27_very_short_fifa2018.txt"),
    ("algeria", "talaa_saidziani_algeria_short_news.txt"),
    ("flaperon", "snn_sabq_2015-08-01_1249_cnn_flaperon_quotes.txt"),
]

# Made-up metadata: (source, Nexis date line, Factiva date, byline, section, words, accession).
META = {
    "fifa": ("Aen Alyoum", "July 25, 2015 Saturday", "25 July 2015", "رغد عشميل", "Sports", "69", "AENALY0020150725eb7p0000b"),
    "algeria": ("الشروق", "٢٧ تموز ٢٠١٥ الاثنين", "27 يوليو 2015", "سعيد زياني", "أخبار", "154", "SHRUQ00020150727eb7r0000c"),
    "flaperon": ("Sabq", "1 أغسطس 2015", "1 August 2015", "سبق - الرياض", "World", "175", "SABQON0020150801eb810000d"),
}


def paragraphs_of(name):
    """Title and paragraphs of a corpus article: every non-empty line, white space collapsed."""
    with open(os.path.join(CORPUS, name), encoding="utf-8") as f:
        lines = [" ".join(line.split()) for line in f.read().split("\n")]
    lines = [line for line in lines if line]
    return lines[0], lines[1:6]


def article_text(title, paragraphs):
    """The article as Hashiya writes it: the title, then each paragraph, blank lines between."""
    return "".join(p + "\n\n" for p in [title] + paragraphs)


def docx(paragraphs):
    body = "".join(
        '<w:p><w:r><w:t xml:space="preserve">%s</w:t></w:r></w:p>' % escape(p) for p in paragraphs
    )
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
        "<w:body>%s</w:body></w:document>" % body
    )
    content_types = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", content_types)
        z.writestr("word/document.xml", document)
    return buffer.getvalue()


def nexis_uni(articles):
    lines = [
        "Date and Time: Monday, August 3, 2015 10:12:00 AM EEST",
        "Job Number: 123456789",
        "Documents (%d)" % len(articles),
    ]
    for i, (key, title, _) in enumerate(articles, 1):
        lines += ["%d. %s" % (i, title), "Client/Matter: -None-", "Search Terms: الرياضة"]
    for key, title, paragraphs in articles:
        source, date, _, byline, section, words, _ = META[key]
        lines += [
            title,
            source,
            date,
            "Copyright 2015 %s All Rights Reserved" % source,
            "Section:%s%s" % (NBSP, section),
            "Length:%s%s words" % (NBSP, words),
            "Byline:%s%s" % (NBSP, byline),
            "Body",
        ]
        lines += paragraphs
        lines += [
            "Classification",
            "Language:%sARABIC" % NBSP,
            "Publication-Type:%sNewspaper" % NBSP,
            "Load-Date:%sAugust 3, 2015" % NBSP,
            "End of Document",
        ]
    return lines


def nexis_classic(articles):
    out = []
    for i, (key, title, paragraphs) in enumerate(articles, 1):
        source, date, _, byline, section, words, _ = META[key]
        out += [
            "                              %d of %d DOCUMENTS" % (i, len(articles)),
            "",
            "                              %s" % source,
            "",
            "                         %s" % date,
            "",
            title,
            "",
            "BYLINE: %s" % byline,
            "",
            "SECTION: %s" % section,
            "",
            "LENGTH: %s words" % words,
            "",
            "",
        ]
        for p in paragraphs:
            out += [p, ""]
        out += [
            "LOAD-DATE: August 3, 2015",
            "",
            "LANGUAGE: ARABIC",
            "",
            "PUBLICATION-TYPE: Newspaper",
            "",
            "                    Copyright 2015 %s" % source,
            "",
            "",
        ]
    return out


def rtf_1256(lines):
    """RTF with the text as Windows-1256 \\'hh escapes (\\uN for what it lacks), in an Arabic font."""
    out = [
        "{\\rtf1\\ansi\\ansicpg1256\\deff0{\\fonttbl{\\f0\\fnil\\fcharset178 Arial;}"
        "{\\f1\\fswiss\\fcharset0 Arial;}}{\\colortbl;\\red0\\green0\\blue0;}"
        "{\\*\\generator hashiya-fixtures;}\\viewkind4\\uc1\\pard\\rtlpar\\f0\\fs24 "
    ]
    for line in lines:
        text = ""
        for c in line:
            try:
                encoded = c.encode("cp1256")
            except UnicodeEncodeError:
                # As word processors do: the character as \uN, with a fallback.
                text += "\\u%d?" % ord(c)
                continue
            text += "".join(
                "\\'%02x" % b if b >= 0x80 else ("\\" + chr(b) if chr(b) in "\\{}" else chr(b))
                for b in encoded
            )
        out.append(text + "\\par\n")
    out.append("}")
    return "".join(out).encode("ascii")


def rtf_unicode(text):
    """Text as RTF \\uN escapes with '?' fallbacks."""
    out = []
    for c in text:
        if c in "\\{}":
            out.append("\\" + c)
        elif ord(c) < 128:
            out.append(c)
        else:
            out.append("\\u%d?" % (ord(c) if ord(c) < 32768 else ord(c) - 65536))
    return "".join(out)


def factiva_fields(key, title, paragraphs):
    source, _, date, byline, section, words, accession = META[key]
    return [
        ("HD", [title]),
        ("BY", [byline]),
        ("WC", ["%s words" % words]),
        ("PD", [date]),
        ("SN", [source]),
        ("SC", [source.upper()[:6]]),
        ("SE", [section]),
        ("LA", ["Arabic"]),
        ("CY", ["(c) 2015 %s" % source]),
        ("LP", paragraphs[:1]),
        ("TD", paragraphs[1:]),
        ("AN", ["Document %s" % accession]),
    ]


def factiva_html(articles):
    parts = ['<html><head><meta charset="utf-8"><title>Factiva</title></head><body>']
    for key, title, paragraphs in articles:
        parts.append('<div class="article arArticle"><table border="0" width="100%">')
        for code, values in factiva_fields(key, title, paragraphs):
            if code in ("LP", "TD"):
                value = "".join(
                    '<p class="articleParagraph arArticleParagraph">%s</p>' % escape(v) for v in values
                )
            else:
                value = escape(values[0])
            parts.append(
                '<tr><td class="index" align="right" valign="top"><b>%s</b>&nbsp;</td><td>%s</td></tr>'
                % (code, value)
            )
        parts.append("</table></div><br/>")
    parts.append("</body></html>")
    return "\n".join(parts).encode("utf-8")


def factiva_rtf(articles):
    out = ["{\\rtf1\\ansi\\ansicpg1252\\uc1{\\fonttbl{\\f0\\fswiss Arial;}}\\f0\n"]
    for key, title, paragraphs in articles:
        for code, values in factiva_fields(key, title, paragraphs):
            cell = "\\par ".join(rtf_unicode(v) for v in values)
            out.append("\\trowd\\cellx1000\\cellx9000\\intbl %s\\cell %s\\cell\\row\n" % (code, cell))
        out.append("\\pard\\par\\page\n")
    out.append("}")
    return "".join(out).encode("ascii")


def pdf(path, pages, shape, font_path):
    """Draws `pages` (lists of paragraphs) with a running header and a page number.

    shape=True: letters as presentation forms (arabic-reshaper), in visual order (python-bidi),
    as old generators write Arabic. shape=False: ordinary letters in visual order.
    """
    import arabic_reshaper
    from bidi.algorithm import get_display
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("Amiri", font_path))
    c = canvas.Canvas(path, pageCompression=0)
    c.setTitle("Hashiya test fixture")

    def visual(text):
        return get_display(arabic_reshaper.reshape(text) if shape else text)

    for number, paragraphs in enumerate(pages, 1):
        c.setFont("Amiri", 11)
        c.drawRightString(540, 800, visual("صحيفة الاختبار - ملف تجريبي"))
        y = 760
        c.setFont("Amiri", 13)
        for paragraph in paragraphs:
            words = paragraph.split(" ")
            line = []
            for word in words:
                if pdfmetrics.stringWidth(" ".join(line + [word]), "Amiri", 13) > 460 and line:
                    c.drawRightString(540, y, visual(" ".join(line)))
                    y -= 20
                    line = []
                line.append(word)
            if line:
                c.drawRightString(540, y, visual(" ".join(line)))
                y -= 20
            y -= 18
        c.setFont("Amiri", 10)
        c.drawCentredString(300, 40, "- %d -" % number)
        c.showPage()
    c.save()


def main():
    os.makedirs(os.path.join(OUT, "sources"), exist_ok=True)
    articles = []
    for key, name in SOURCES:
        title, paragraphs = paragraphs_of(name)
        articles.append((key, title, paragraphs))
        with open(os.path.join(OUT, "sources", key + ".txt"), "w", encoding="utf-8") as f:
            f.write(article_text(title, paragraphs))

    def write(name, data):
        with open(os.path.join(OUT, name), "wb") as f:
            f.write(data)

    write("nexis-uni.docx", docx(nexis_uni(articles)))
    write("nexis-classic.txt", ("\r\n".join(nexis_classic(articles[:2])) + "\r\n").encode("utf-8"))
    write("nexis-classic-1256.rtf", rtf_1256(nexis_classic(articles[1:])))
    write("factiva.html", factiva_html(articles))
    write("factiva.rtf", factiva_rtf(articles[:2]))
    # One article, Windows-1256 RTF.
    key, title, paragraphs = articles[1]
    write("article-1256.rtf", rtf_1256([title] + paragraphs))

    # PDFs: Arabic letters and spaces only, two pages.
    def arabic_only(text):
        kept = "".join(c if ("\u0621" <= c <= "\u064a" or c == " ") else " " for c in text)
        return " ".join(kept.split())

    _, title, paragraphs = articles[1]
    body = [arabic_only(p) for p in [title] + paragraphs]
    body = [p for p in body if p]
    pages = [body[:3], body[3:]]
    with open(os.path.join(OUT, "pdf-source.txt"), "w", encoding="utf-8") as f:
        f.write("".join(p + "\n" for p in body))
    font = os.path.join(ROOT, "fonts", "Amiri-Regular.ttf")
    pdf(os.path.join(OUT, "presentation-forms.pdf"), pages, True, font)
    pdf(os.path.join(OUT, "visual-order.pdf"), pages, False, font)


if __name__ == "__main__":
    main()
