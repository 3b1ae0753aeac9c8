"""Issue 29: a second language is a translation (macros/locales/<language>/), not a code change — proved by
English: an English playbook, and the Spanish seed with an English interface."""

from __future__ import annotations

import html
import re
import shutil
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from helpers import ROOT, build, built_copy, check, edit_line
from macros.messages import Messages, MissingCatalogue
from macros.models import LOCALES, default_labels

ENGLISH = ROOT / "tests" / "fixtures" / "english"
CATALOGUES = ["labels", "messages", "words", "importer", "fields"]
"""Every file of a language's catalogue whose keys are the same in every language (thesaurus.yml and
lexicon.txt are each language's own words)."""


def in_english(project: Path) -> None:
    """mkdocs.yml asks for English: the interface, and the search's stemming and stop words."""
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert text.count("  language: es\n") == 1 and text.count("      lang: es\n") == 1
    config.write_text(text.replace("  language: es\n", "  language: en\n").replace("lang: es\n", "lang: en\n"))


def english_playbook(project: Path) -> None:
    shutil.rmtree(project / "data")
    shutil.copytree(ENGLISH / "data", project / "data")
    in_english(project)


@pytest.fixture(scope="module")
def english_site(tmp_path_factory):
    return built_copy(tmp_path_factory, "english", english_playbook)[1]


@pytest.fixture(scope="module")
def seed_in_english(tmp_path_factory):
    return built_copy(tmp_path_factory, "seed-en", in_english)[1]


def spanish_words(allowed: str = "") -> list[re.Pattern]:
    """The Spanish interface's words that English says differently, as whole words; those in `allowed` (the
    playbook's own text) aside."""
    spanish, english = (yaml.safe_load((LOCALES / lang / "labels.yml").read_text()) for lang in ("es", "en"))
    differing = {spanish[key] for key in spanish if spanish[key] != english[key]}
    return [
        re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
        for text in sorted(differing)
        if not re.search(rf"(?<!\w){re.escape(text)}(?!\w)", allowed)
    ]


def leftovers(site: Path, words: list[re.Pattern]) -> dict[str, list[str]]:
    """Page → the Spanish interface words it shows (its text, attributes and templates)."""
    found = {}
    for path in sorted(site.rglob("*.html")):
        text = html.unescape(path.read_text(encoding="utf-8"))
        hits = sorted({word.pattern for word in words if word.search(text)})
        if hits:
            found[path.relative_to(site).as_posix()] = hits
    return found


def keys(tree, path=()) -> set[tuple]:
    if isinstance(tree, dict):
        return {path + (key,) for key in tree} | {k for key, value in tree.items() for k in keys(value, path + (key,))}
    return set()


@pytest.mark.parametrize("language", sorted(path.name for path in LOCALES.iterdir() if path.is_dir()))
def test_every_catalogue_has_every_key_with_the_same_blanks(language):
    """A key missing from a language fails here, instead of showing another language's words."""
    for name in CATALOGUES:
        ours = yaml.safe_load((LOCALES / "es" / f"{name}.yml").read_text(encoding="utf-8"))
        theirs = yaml.safe_load((LOCALES / language / f"{name}.yml").read_text(encoding="utf-8"))
        assert keys(theirs) == keys(ours), f"{language}/{name}.yml: {sorted(keys(theirs) ^ keys(ours))[:5]}"
        if name != "fields":
            for key in ours:
                blanks = [set(re.findall(r"\{\w+\}", str(tree[key]))) for tree in (ours, theirs)]
                assert blanks[0] == blanks[1], f"{language}/{name}.yml: {key}"


def test_an_english_playbook_builds_with_an_english_interface(english_site):
    home = (english_site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home
    assert leftovers(english_site, spanish_words()) == {}
    assert "Which support do I need?" in home and "Complete handout to print" in home


def test_the_seed_with_an_english_interface_keeps_its_spanish_content(seed_in_english):
    content = " ".join(path.read_text(encoding="utf-8") for path in (ROOT / "data").rglob("*.yml"))
    assert leftovers(seed_in_english, spanish_words(allowed=content)) == {}
    page = (seed_in_english / "tipos" / "reactivo" / "index.html").read_text(encoding="utf-8")
    assert "Soporte Reactivo" in page and "Personalize" in page and '<html lang="en"' in page


def test_english_search_stems_english(english_site):
    """Material's English search: stemming and stop words of English (lunr's default pipeline)."""
    config = (english_site / "search" / "search_index.json").read_text(encoding="utf-8")
    assert '"lang":["en"]' in config.replace(" ", "")


def test_make_check_answers_an_english_playbooks_mistakes_in_english(project):
    english_playbook(project)
    line = edit_line(project, "data/playbook.yml", 'version: "1.0"', "version: 1.0")
    result = check(project)
    say = Messages("en")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    first, last = result.stderr.splitlines()
    assert first.startswith(f"data/playbook.yml:{line}: version: expected text")
    assert last == say.line("problems_found", count=1)


def test_a_language_with_no_catalogue_stops_the_build_with_one_line(project, tmp_path):
    config = project / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("  language: es\n", "  language: fr\n"))
    result = build(project, tmp_path / "site")
    assert result.returncode != 0 and "Traceback" not in result.stderr
    assert "theme.language: fr — no hay textos de la interfaz en ese idioma" in result.stderr
    assert "use uno de estos: en, es" in result.stderr


def test_heading_links_are_titled_in_the_sites_language(site, english_site):
    """The ¶ beside each heading: its tooltip (and what a screen reader says) is the site's language."""
    for built, language, page in ((site, "es", "tipos/reactivo"), (english_site, "en", "tipos/reactive")):
        soup = BeautifulSoup((built / page / "index.html").read_text(encoding="utf-8"), "html.parser")
        titles = {link["title"] for link in soup.select("article a.headerlink")}
        assert titles == {default_labels(language)["permanent_link"]}, language


@pytest.mark.parametrize(("asked", "shown"), [("fr", "fr"), ("f\x1br", "f\\x1br")])
def test_a_language_with_no_catalogue_is_named_with_the_ones_there_are(asked, shown):
    """As the build says it (above), without a build: the language asked for, shown safely, and those there are."""
    with pytest.raises(MissingCatalogue) as missing:
        Messages(asked)
    said = str(missing.value)
    assert f"theme.language: {shown} — no hay textos de la interfaz en ese idioma (macros/locales/{shown}/)" in said
    assert "use uno de estos: en, es, o traduzca" in said and missing.value.language == asked
