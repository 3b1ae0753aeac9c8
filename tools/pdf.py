"""`make pdf`: the whole-playbook handout, the checklist and each training session's handout as PDFs, written
into a built site (site/pdf/).

    python tools/pdf.py SITE_DIR [--paper A4] [--paper Letter]      (no --paper: every size, side by side)

The engine is the Chromium the browser tests already use (Playwright). It prints CSS paged media's margin
boxes (Chromium ≥ 131; every page's own rules, macros/paper.py): a running header with the playbook's title
and version and "página N de M" in the
footer, on every page but the cover. Chromium has no `target-counter()`, so the contents get their page
numbers in two passes: a marker is printed at each part, the page it lands on is read back from the first
PDF (pypdf), and the numbers are written into the contents before the final print. Before printing, the
page's `beforeprint` (docs/assets/playbook.js) wraps each title with what follows it, so no page ends on a
title.

Only the site is read (served on localhost) and the data (for the PDFs' names).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from io import BytesIO
from pathlib import Path

from playwright.sync_api import sync_playwright
from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]

from local_site import launch, serve  # noqa: E402
from macros.kinds.sessions import page_of, pdf_name  # noqa: E402
from macros.loader import DataErrors, load_playbook  # noqa: E402
from macros.messages import Messages, MissingCatalogue  # noqa: E402
from macros.settings import settings_of  # noqa: E402
from macros.site import PAPERS, pdf_files  # noqa: E402
from macros.sitemap import url_of  # noqa: E402

MARKS = re.compile(r"PBMARK(\d+)END")
"""The markers PREPARE prints at each part of the contents (invisible: 2 px, white)."""

PREPARE = """() => {
  // Each title travels with what follows it: a page never ends on a title (docs/assets/playbook.js does it
  // on `beforeprint`, for the browser's print too).
  window.dispatchEvent(new Event("beforeprint"));
  const shown = (el) => el.getClientRects().length > 0;
  // A marker where each part of the contents starts (its first element that prints), and a slot for its page.
  [...document.querySelectorAll("#print-page-toc a[href*='#']")].forEach((link, index) => {
    let target = document.getElementById(decodeURIComponent(new URL(link.href).hash.slice(1)));
    if (target && !shown(target)) {
      const section = target.closest("section") || target.parentElement;
      target = [...section.querySelectorAll("*")].find((el) => shown(el) && el.textContent.trim()) || null;
    }
    if (!target) return;
    const mark = document.createElement("span");
    mark.className = "pb-mark";
    mark.textContent = "PBMARK" + index + "END";
    target.prepend(mark);
    const page = document.createElement("span");
    page.className = "pb-toc-page";
    page.dataset.pbToc = String(index);
    link.after(page);
  });
}"""

FILL = """(pages) => {
  document.querySelectorAll(".pb-mark").forEach((mark) => mark.remove());
  document.querySelectorAll(".pb-toc-page").forEach((slot) => {
    slot.textContent = pages[slot.dataset.pbToc] || "";
  });
}"""


def page_css(paper: str, cover: bool) -> str:
    """Paper size and margins (the running header and footer are every page's, macros/paper.py); with `cover`,
    none on the first page: the checklist's sheet names the playbook under its title."""
    first = "@page :first { @top-left { content: none; } @bottom-right { content: none; } }" if cover else ""
    return f"""
      @page {{ size: {paper}; margin: 18mm 15mm 16mm; }}
      {first}
      .pb-mark {{ position: absolute; font-size: 2px; color: #fff; }}
      #print-page-toc a {{ color: inherit; text-decoration: none; }}
      #print-page-toc li {{ position: relative; margin: 0.35em 0; }}
      .pb-toc-page {{ position: absolute; top: 0; right: 0; }}
    """


def print_handout(page, url: str, css: str, out: Path) -> int:
    """The handout, contents numbered; returns its page count."""
    page.goto(url)
    page.locator("#print-page-toc a").first.wait_for(state="attached")  # print-site's script made the contents
    page.add_style_tag(content=css)
    page.emulate_media(media="print")
    page.evaluate(PREPARE)
    first = PdfReader(BytesIO(page.pdf(prefer_css_page_size=True, print_background=True)))
    pages = {}
    for number, sheet in enumerate(first.pages, start=1):
        for index in MARKS.findall(sheet.extract_text()):
            pages.setdefault(index, str(number))
    page.evaluate(FILL, pages)
    out.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True))
    return len(PdfReader(out).pages)


def print_page(page, url: str, css: str, out: Path) -> int:
    page.goto(url)
    page.add_style_tag(content=css)
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")  # titles kept with their text
    out.write_bytes(page.pdf(prefer_css_page_size=True, print_background=True, outline=True, tagged=True))
    return len(PdfReader(out).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python tools/pdf.py", description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a site built by `make pdf` (PLAYBOOK_PDF=A4,Letter)")
    parser.add_argument("--paper", action="append", choices=PAPERS, help="a size to print (again for another)")
    parser.add_argument("--project", type=Path, default=Path("."), help="the project the site was built from")
    args = parser.parse_args(argv)
    try:
        settings = settings_of(args.project)
        say = Messages(settings.language)
        playbook = load_playbook(args.project / settings.data_dir, say.language)
    except (DataErrors, MissingCatalogue) as exc:
        print(exc, file=sys.stderr)
        return 1
    (args.site / "pdf").mkdir(exist_ok=True)
    started = time.monotonic()
    printed = []
    with serve(args.site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        for paper in args.paper or PAPERS:
            files = pdf_files(playbook, paper)
            page = browser.new_page()
            handout = print_handout(
                page,
                f"{base}/print_page/",
                page_css(paper, cover=False),  # the cover is a page of its own kind (macros/paper.py)
                args.site / files["handout"],
            )
            printed.append(say.line("pdf_pages", file=files["handout"], count=handout))
            if playbook.checklist:  # an imported playbook may have none
                checklist = print_page(
                    page,
                    f"{base}/checklist/",
                    # its sheet names the playbook under its title: no running header repeating it on page 1
                    page_css(paper, cover=True),
                    args.site / files["checklist"],
                )
                printed.append(say.line("pdf_pages", file=files["checklist"], count=checklist))
            for session in playbook.sessions:  # each session's handout: its cover, its parts, its practice
                name = files[pdf_name(session.id)]
                (args.site / name).parent.mkdir(exist_ok=True)
                url = f"{base}/{url_of(page_of(session.id))}"
                count = print_page(page, url, page_css(paper, cover=True), args.site / name)
                printed.append(say.line("pdf_pages", file=name, count=count))
            page.close()
        browser.close()
    seconds = time.monotonic() - started
    print(f"{'; '.join(printed)} ({seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
