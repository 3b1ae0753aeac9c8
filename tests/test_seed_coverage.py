"""Every unit of the source document reaches the built site, word for word."""

from __future__ import annotations

import re
import unicodedata

from bs4 import BeautifulSoup

from helpers import SEED


def normalise(text: str) -> str:
    """Compare as a reader would: no emoji, no Markdown emphasis, case and spacing ignored."""
    text = unicodedata.normalize("NFC", text).replace("**", "").replace("¶", "")
    text = "".join(c for c in text if unicodedata.category(c) != "So" and c != "\ufe0f")
    return re.sub(r"\s+", " ", text).strip().casefold()


def seed_units(source=SEED) -> list[str]:
    """Headings, bullets, steps, script lines, table cells, labels, principles and footer lines of the seed
    (or of another document)."""
    units, in_code = [], False
    for raw in source.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("```"):
            in_code = not in_code
            continue
        if not line or line == "---" or re.fullmatch(r"\|[-|]+\|", line):
            continue
        if in_code:
            units.append(re.sub(r"^(\d+\.|-)\s+", "", line).strip('"'))
        elif line.startswith("|"):
            units += [cell for cell in (c.strip() for c in line.strip("|").split("|")) if cell]
        elif line.startswith("#"):
            units.append(line.lstrip("#").strip().rstrip(":").replace("**", "").rstrip(":"))
        else:
            line = re.sub(r"^(- \[ \]|-|\d+\.|>)\s+", "", line)
            line = re.sub(r"\[([^\]]+)\]\(#[^)]*\)", r"\1", line)  # the index's links: their text
            line = re.sub(r"`([^`]+)`|(?<![\w*])\*(?!\s)([^*]+?)(?<!\s)\*(?![\w*])", r"\1\2", line)  # code, italics
            units.append(line.strip('"'))
    return [u for u in (normalise(u).strip('"') for u in units) if u]


def site_text(site_dir) -> str:
    """The text of every page's article, as a reader sees it."""
    texts = []
    for page in sorted(site_dir.rglob("index.html")):
        article = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").find("article")
        if article:
            texts.append(normalise(article.get_text()))
    return "\n".join(texts)


def test_the_seed_has_the_units_we_count():
    units = seed_units()
    # Guards the parser itself: 10 techniques × (5 steps + 4 key elements) alone are 90 units.
    assert len(units) > 300
    assert normalise("Tiempo de respuesta: [X] minutos") in units
    assert normalise("Scripts completos: 10+") in units


def test_every_unit_of_the_seed_is_on_the_site(site):
    text = site_text(site)
    missing = [unit for unit in seed_units() if unit not in text]
    assert not missing, f"{len(missing)} units of the seed are not on the site: {missing[:20]}"
