"""What the search worker is handed (macros/search_data.py): the language's thesaurus and the playbook's own
(data/thesaurus.yml, checked like every data file), and the lexicon of words never "corrected"."""

from __future__ import annotations

import base64
import hashlib
import json
import shutil

import yaml

from helpers import check, edit_line
from macros import search_data as search_data_module
from macros.kinds.thesaurus import Thesaurus
from macros.loader import load_playbook
from macros.models import LOCALES
from macros.search_data import SEEDS, SHIPPED_FILTER, _fnv, _lexicon_filter, lexicon, search_data, search_script

OWN = """\
# yaml-language-server: $schema=../schemas/thesaurus.schema.json
neutral: [pobrecito]
groups:
  - means: [guardia]
    words: [zarandaja, "</script><script>alert(1)</script>"]
"""


def contains(filter_: dict, word: str) -> bool:
    """The worker's lookup, in Python: every one of the word's bits is set."""
    bits = base64.b64decode(filter_["bits"])
    first, second = _fnv(word, SEEDS[0]), _fnv(word, SEEDS[1]) | 1
    positions = (((first + i * second) & 0xFFFFFFFF) % filter_["size"] for i in range(filter_["hashes"]))
    return all(bits[bit >> 3] & (1 << (bit & 7)) for bit in positions)


def test_every_word_of_the_lexicon_is_in_its_filter_and_few_others_are():
    words = [w for w in (LOCALES / "es" / "lexicon.txt").read_text(encoding="utf-8").split("\n") if w[:1].isalpha()]
    found = lexicon("es")
    assert len(words) > 20_000 and all(contains(found, word) for word in words)
    made_up = [f"zq{word}" for word in words[:5000]]
    assert sum(contains(found, word) for word in made_up) < 0.02 * len(made_up)


def test_the_language_thesaurus_is_valid_data_and_never_maps_a_word_to_itself_alone():
    thesaurus = Thesaurus.model_validate(yaml.safe_load((LOCALES / "es" / "thesaurus.yml").read_text(encoding="utf-8")))
    assert len(thesaurus.groups) >= 15 and thesaurus.neutral
    for group in thesaurus.groups:
        assert set(group.words) - set(group.means), group.means


def test_a_playbooks_own_search_words_reach_the_search_escaped(project):
    (project / "data" / "thesaurus.yml").write_text(OWN, encoding="utf-8")
    assert check(project).returncode == 0
    playbook = load_playbook(project / "data")
    data = search_data(playbook, "es")
    assert {"means": ["guardia"], "words": ["zarandaja", "</script><script>alert(1)</script>"]} in data["groups"]
    assert "pobrecito" in data["neutral"] and "respuesta-rapida" in data["techniques"]
    script = search_script(playbook, "es")
    assert "</script>" not in script and "zarandaja" in script


def test_a_bad_thesaurus_gets_one_line_in_spanish(project):
    (project / "data" / "thesaurus.yml").write_text(OWN, encoding="utf-8")
    line = edit_line(project, "data/thesaurus.yml", "    words: [zarandaja,", "    palabras: [zarandaja,")
    result = check(project)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert f"data/thesaurus.yml:{line}: concepto 1 › palabras: campo desconocido" in result.stderr
    assert "`means`, `words`" in result.stderr, result.stderr


def test_the_built_search_carries_the_thesaurus_once(site):
    lunr_es = (site / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js").read_text(encoding="utf-8")
    assert lunr_es.count("self.pbSearch = ") == 1 and "echa chispas" in lunr_es


def test_the_catalogue_ships_the_filter_of_its_lexicon_as_it_is_today():
    raw = (LOCALES / "es" / "lexicon.txt").read_bytes()
    shipped = json.loads((LOCALES / "es" / SHIPPED_FILTER).read_text(encoding="utf-8"))
    fix = "lexicon.txt changed: write its filter again with `python tools/lexicon.py --filter es`"
    assert shipped["key"] == hashlib.sha256(raw).hexdigest(), fix
    assert shipped["filter"] == _lexicon_filter(raw.decode("utf-8")), fix
    assert lexicon("es") == shipped["filter"]


def test_a_lexicon_edited_by_hand_gets_its_own_filter_kept_between_builds_and_a_damaged_copy_costs_time(
    tmp_path, monkeypatch
):
    locales = tmp_path / "locales"
    (locales / "es").mkdir(parents=True)
    shutil.copy(LOCALES / "es" / SHIPPED_FILTER, locales / "es")
    words = (LOCALES / "es" / "lexicon.txt").read_text(encoding="utf-8")
    (locales / "es" / "lexicon.txt").write_text(words + "zarandajas\n", encoding="utf-8")
    assert not contains(lexicon("es"), "zarandajas")  # the shipped filter
    monkeypatch.setattr(search_data_module, "LOCALES", locales)
    made = lexicon("es", tmp_path)
    assert contains(made, "zarandajas")
    kept = tmp_path / "lexicon-es.json"
    assert kept.is_file() and lexicon("es", tmp_path) == made
    kept.write_text('{"key": "x", "filter": {"size": 8, "hashes": 1, "bits": "AA=="}}', encoding="utf-8")
    assert lexicon("es", tmp_path) == made  # another key: made again
    kept.write_text("\x00 not json", encoding="utf-8")
    assert lexicon("es", tmp_path) == made
