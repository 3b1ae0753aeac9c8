"""Issue 17: `make pdf` — the handout a trainer hands out and the checklist, as PDFs read page by page."""

from __future__ import annotations

import re
import subprocess
import sys
import unicodedata

import pytest
from pypdf import PdfReader

from helpers import ROOT, child_env, copy_project
from macros.kinds.sessions import pdf_name
from macros.loader import load_playbook
from macros.site import PAPERS, pdf_files

PLAYBOOK = load_playbook(ROOT / "data")
FILES = pdf_files(PLAYBOOK, "A4")
LETTER = pdf_files(PLAYBOOK, "Letter")
HEADER = f"{PLAYBOOK.info.title} · Versión {PLAYBOOK.info.version}"
SESSION = PLAYBOOK.sessions[0]  # data/sessions/premium-en-una-hora.yml


@pytest.fixture(scope="module")
def pdf_site(tmp_path_factory):
    """A project built by `make pdf`'s own command (tools/publish.py --pdf: every size), with its PDFs."""
    project = copy_project(tmp_path_factory.mktemp("pdf") / "project")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--pdf"]
    result = subprocess.run(command, cwd=project, env=child_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def handout(pdf_site) -> list[str]:
    return [page.extract_text() for page in PdfReader(pdf_site / FILES["handout"]).pages]


MM = 72 / 25.4
"""PDF points in a millimetre."""


def filled(page) -> float:
    """How far down its text area (inside tools/pdf.py's 18 mm and 16 mm margins) a page's text reaches: 0–1."""
    height = float(page.mediabox.height)
    top, bottom = height - 18 * MM, 16 * MM
    lowest = []

    def visit(text, cm, tm, font, size):
        y = tm[5] * cm[3] + cm[5]
        if text.strip() and bottom < y < top:
            lowest.append(y)

    page.extract_text(visitor_text=visit)
    return (top - min(lowest)) / (top - bottom) if lowest else 0.0


def part_starts(pages: list[str]) -> set[int]:
    """The page numbers the contents give for the parts."""
    listing = next(text for text in pages if "Contenido" in lines(text)[2:4]).split("Contenido", 1)[1]
    return {int(number) for number in re.findall(r"^.+? (\d+)$", listing, re.MULTILINE)}


def lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_the_cover_has_title_subtitle_version_and_date_and_no_running_header(handout):
    info = PLAYBOOK.info
    cover = re.sub(r"\s+", " ", handout[0])
    for text in [info.title, info.subtitle, f"Versión: {info.version}", info.last_updated.isoformat()]:
        assert text in cover
    assert HEADER not in handout[0] and "página" not in handout[0]


def test_every_page_but_the_cover_has_the_running_header_and_page_n_of_m(handout):
    total = len(handout)
    assert 15 <= total <= 40
    for number, text in enumerate(handout[1:], start=2):
        assert HEADER in text and f"página {number} de {total}" in text, number
        content = [line for line in lines(text) if line not in (HEADER, f"página {number} de {total}")]
        assert len(content) >= 3, f"page {number} is (nearly) blank: {content}"


def test_the_contents_give_the_page_each_part_starts_on(handout):
    contents = next(i for i, text in enumerate(handout) if "Contenido" in lines(text)[2:4])
    listing = handout[contents].split("Contenido", 1)[1]
    entries = dict(re.findall(r"^(.+?) (\d+)$", listing, re.MULTILINE))
    assert len(entries) >= 10, entries
    numbers = [int(n) for n in entries.values()]
    assert numbers == sorted(numbers) and numbers[0] > contents + 1, "in reading order, after the contents"
    for support_type in PLAYBOOK.support_types:
        page = int(entries[support_type.title])
        assert f"{support_type.icon} {support_type.title}" in handout[page - 1], support_type.title
    summary = int(entries[PLAYBOOK.info.summary.title])
    assert PLAYBOOK.info.summary.principles_title in handout[summary - 1]


def test_every_part_is_printed_once(handout):
    text = re.sub(r"\s+", " ", " ".join(handout))
    for principle in PLAYBOOK.info.principles:
        assert text.count(f"{principle.name} - {principle.text}") == 1, principle.name
    assert text.count(PLAYBOOK.info.closing_quote) == 1
    assert "Índice" not in text, "the contents replace the home's index"


def test_no_page_ends_on_a_heading(handout):
    headings = {f"Técnica {n}: {t.title}" for st in PLAYBOOK.support_types for n, t in enumerate(st.techniques, 1)}
    headings |= {"Cuándo usarlo", "Características", "Técnicas y Scripts", "Proceso:", "Script:", "Elementos Clave:"}
    headings |= {f"{t.icon} {t.title}" for t in PLAYBOOK.support_types}
    stranded = [(i + 1, lines(text)[-1]) for i, text in enumerate(handout) if lines(text)[-1] in headings]
    assert stranded == []


def test_every_character_the_handout_shows_has_a_glyph(handout, pdf_site, serve, browser):
    """A glyph missing from every font prints as an empty box and drops out of the PDF's text: every
    icon and letter of the printed page must be in it."""
    page = browser.new_page()
    page.goto(f"{serve(pdf_site)}/print_page/")
    page.emulate_media(media="print")
    shown = page.locator("#print-site-page").inner_text()  # what prints: hidden parts excluded
    page.close()
    printed = set(" ".join(handout))
    wanted = {c for c in shown if not c.isspace() and unicodedata.category(c)[0] in "LNPS"}
    missing = sorted(wanted - printed)
    assert missing == [], [f"{c} U+{ord(c):04X}" for c in missing]
    assert {t.icon for t in PLAYBOOK.support_types} <= printed, "the headings' icons print, emoji included"


@pytest.mark.parametrize("paper", PAPERS)
def test_the_checklist_pdf_is_one_page_with_title_version_and_room_for_notes(pdf_site, paper):
    (page,) = PdfReader(pdf_site / pdf_files(PLAYBOOK, paper)["checklist"]).pages
    text = page.extract_text()
    assert PLAYBOOK.checklist.title in text and "Notas" in text
    assert text.count(HEADER) == 1, "the playbook's title and version once, not again in a running header"


def test_the_site_links_the_pdfs_in_both_sizes(pdf_site):
    session = [(f"sesiones/{SESSION.id}", pdf_name(SESSION.id))]
    for page, name in [("", "handout"), ("checklist", "checklist"), ("print_page", "handout"), *session]:
        html = (pdf_site / page / "index.html").read_text(encoding="utf-8")
        links = dict(
            re.findall(r'<a class="md-button[^"]*" href="([^"]+\.pdf)" download>Descargar PDF \(([^)]+)\)</a>', html)
        )
        assert sorted(links.values()) == ["A4", "Carta"], page
        for link, size in links.items():
            target = (pdf_site / page / link).resolve()
            files = FILES if size == "A4" else LETTER
            assert target == (pdf_site / files[name]).resolve() and target.stat().st_size > 10_000


def test_a4_and_letter_files_live_side_by_side_at_their_sizes(pdf_site):
    """`make pdf` prints both sizes, each to its own files: neither overwrites the other."""
    points = {"A4": (595, 842), "Letter": (612, 792)}
    for files, paper in [(FILES, "A4"), (LETTER, "Letter")]:
        for name in ("handout", "checklist", pdf_name(SESSION.id)):
            box = PdfReader(pdf_site / files[name]).pages[0].mediabox
            assert (round(box.width), round(box.height)) == points[paper], (name, paper)


def test_make_pdf_for_one_size_prints_and_links_that_size_only(tmp_path):
    """`make pdf PAPER=Letter`: a trainer in the Americas gets Letter files, and the pages offer no A4."""
    project = copy_project(tmp_path / "project")
    command = [sys.executable, str(ROOT / "tools" / "publish.py"), "--pdf", "--paper", "Letter"]
    result = subprocess.run(command, cwd=project, env=child_env(), capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    site = project / "site"
    printed = sorted(path.relative_to(site).as_posix() for path in (site / "pdf").rglob("*.pdf"))
    assert printed == sorted(LETTER[name] for name in ("handout", "checklist", pdf_name(SESSION.id)))
    box = PdfReader(site / LETTER["handout"]).pages[0].mediabox
    assert (round(box.width), round(box.height)) == (612, 792)
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "Descargar PDF (Carta)" in home and "Descargar PDF (A4)" not in home


def test_both_pdfs_carry_bookmarks_from_their_headings(pdf_site):
    """A trainer jumps to a part from the PDF viewer's side panel."""
    reader = PdfReader(pdf_site / FILES["handout"])

    def titles(entries):
        for entry in entries:
            yield from titles(entry) if isinstance(entry, list) else [entry.title]

    marked = " | ".join(titles(reader.outline))
    for support_type in PLAYBOOK.support_types:
        assert support_type.title in marked
    assert PLAYBOOK.checklist.title in marked
    assert list(titles(PdfReader(pdf_site / FILES["checklist"]).outline))


def test_the_framework_table_prints_whole_words(handout):
    """A table column is never narrower than its longest word: no «Disponibilida/d» on paper."""
    table_page = next(page for page in handout if PLAYBOOK.info.framework.table_title in page)
    text = " ".join(table_page.split())
    words = {word for column in PLAYBOOK.info.framework.columns.model_dump().values() for word in column.split()}
    for kind in PLAYBOOK.support_types:
        for cell in (kind.name, kind.main_concern, kind.main_technique, kind.focus):
            words.update(word.strip(",.") for word in cell.split())
    broken = [f"{word[:cut]}/{word[cut:]}" for word in words for cut in range(1, len(word))]
    assert [piece for piece in broken if piece.replace("/", " ") in text] == []
    assert [word for word in words if word not in text] == []


@pytest.mark.parametrize("paper", PAPERS)
def test_no_page_is_left_half_empty_but_a_parts_last(pdf_site, paper):
    """A part (a support type, the checklist…) starts a new sheet, so its last page may be short; any other page
    is at least 60 % full: no technique's key elements alone on a sheet, no half page left before a technique."""
    reader = PdfReader(pdf_site / pdf_files(PLAYBOOK, paper)["handout"])
    pages = [page.extract_text() for page in reader.pages]
    starts = part_starts(pages)
    short = [
        (number, round(filled(page), 2))
        for number, page in enumerate(reader.pages, start=1)
        if number > 2 and number + 1 not in starts and number < len(pages) and filled(page) < 0.6
    ]
    assert short == []


def session_pages(pdf_site, paper) -> tuple[PdfReader, list[str]]:
    reader = PdfReader(pdf_site / pdf_files(PLAYBOOK, paper)[pdf_name(SESSION.id)])
    return reader, [page.extract_text() for page in reader.pages]


def body(text: str) -> str:
    """A page's text without its running header and its "página N de M"."""
    return " ".join(line for line in lines(text) if line != HEADER and not re.fullmatch(r"página \d+ de \d+", line))


@pytest.mark.parametrize("paper", PAPERS)
def test_a_sessions_pdf_prints_its_cover_exactly_its_parts_its_practice_and_the_answers_apart(pdf_site, paper):
    """data/sessions/premium-en-una-hora.yml: Soporte Premium and the checklist, for a one-hour session."""
    _, pages = session_pages(pdf_site, paper)
    cover = lines(pages[0])
    facts = [SESSION.date.isoformat(), SESSION.facilitator, SESSION.audience, SESSION.duration]
    labels = ["Fecha", "Facilitador", "Participantes", "Duración", "Participante:"]
    assert set(cover) == {SESSION.title, PLAYBOOK.info.title, *facts, *labels}, "the cover alone, no running header"
    text = " ".join(body(page) for page in pages)
    types = {t.id: t for t in PLAYBOOK.support_types}
    covered = [types[part] for part in SESSION.parts if part in types]
    for support_type in PLAYBOOK.support_types:
        assert (support_type.title in text) == (support_type in covered), support_type.title
    assert (PLAYBOOK.checklist.title in text) == ("checklist" in SESSION.parts)
    assert PLAYBOOK.case_studies.title not in text and PLAYBOOK.optimization.title not in text
    techniques = [t for support_type in covered for t in support_type.techniques]
    assert text.count("Tarjeta del agente") == text.count("Tarjeta del cliente") == len(techniques)
    starts = [body(page) for page in pages]
    assert [start.split(" ", 1)[0] for start in starts].count("Práctica") == 1
    assert starts[-1].startswith("Respuestas para el facilitador") and "Ordene los pasos" not in starts[-1]
    assert all(f"{t.title} — Orden correcto:" in starts[-1] for t in techniques)


@pytest.mark.parametrize("paper", PAPERS)
def test_a_sessions_pdf_has_bookmarks_and_no_near_empty_page_but_a_parts_last(pdf_site, paper):
    """Its parts flow on from one to the next; the practice, the self-check and the answers each start a
    sheet, so only the page before each of those, the cover and the last page may be short."""
    reader, pages = session_pages(pdf_site, paper)
    titles = [entry.title for entry in reader.outline if not isinstance(entry, list)]
    assert SESSION.title in titles
    sheets = ("Práctica", "Autoevaluación", "Respuestas")
    before_a_sheet = {number for number, text in enumerate(pages) if body(text).startswith(sheets)}
    short = [
        (number, round(filled(page), 2))
        for number, page in enumerate(reader.pages, start=1)
        if number > 1 and number not in before_a_sheet and number < len(pages) and filled(page) < 0.6
    ]
    assert short == []
