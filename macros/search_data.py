"""What the search needs to understand a reader's words, as the script that hands it to the search worker
(`self.pbSearch = …;`, before macros/assets/lunr_es_search.js): the language's thesaurus with the playbook's
own groups (data/thesaurus.yml), the neutral words, the techniques' anchors, and the language's lexicon as a
Bloom filter. Nothing from MkDocs.

The lexicon is a Bloom filter, written here and read by the worker with the same hashes (FNV-1a, two seeds,
double hashing): 26,000 words in about 31 KiB, where the word list itself is 230 KiB. No well-kept library
builds the same filter in Python and reads it in the browser, and the whole of it is the two functions below."""

from __future__ import annotations

import base64
import functools
import hashlib
import json
import math
from pathlib import Path

from .kinds.thesaurus import Thesaurus
from .models import LOCALES, Playbook, read_catalogue

FALSE_POSITIVES = 0.01
"""The share of non-words the filter takes for words (a typo it then leaves uncorrected)."""
SEEDS = (2166136261, 3323198485)


def _fnv(word: str, seed: int) -> int:
    hashed = seed
    for char in word:
        hashed = ((hashed ^ ord(char)) * 16777619) & 0xFFFFFFFF
    return hashed


def bloom_bits(words: list[str], size: int, hashes: int) -> bytearray:
    """The filter's bits: for each word, `hashes` positions out of `size`, set."""
    bits = bytearray((size + 7) // 8)
    for word in words:
        first, second = _fnv(word, SEEDS[0]), _fnv(word, SEEDS[1]) | 1
        for i in range(hashes):
            bit = ((first + i * second) & 0xFFFFFFFF) % size
            bits[bit >> 3] |= 1 << (bit & 7)
    return bits


SHIPPED_FILTER = "lexicon.filter.json"
"""Beside lexicon.txt, written with it by tools/lexicon.py: the filter made once, so that even an author's first
build does not make it (a test checks it is the filter of today's list)."""


def lexicon(language: str, cache_dir: Path | None = None) -> dict | None:
    """The language's lexicon (locales/<language>/lexicon.txt) as the worker reads it; None without one.
    Making the filter takes 160 ms, a third of a small build: the catalogue ships it (SHIPPED_FILTER), and
    one made here (a list edited by hand) is kept in cache_dir, keyed by the list's bytes and this module's
    source. A copy that can't be read or written only costs time."""
    path = LOCALES / language / "lexicon.txt"
    if not path.is_file():
        return None
    raw = path.read_bytes()
    if shipped := _kept(path.with_name(SHIPPED_FILTER), hashlib.sha256(raw).hexdigest()):
        return shipped
    key = hashlib.sha256(raw + Path(__file__).read_bytes()).hexdigest()
    kept = cache_dir / f"lexicon-{language}.json" if cache_dir else None
    if kept and (found := _kept(kept, key)):
        return found
    made = _lexicon_filter(raw.decode("utf-8"))
    if kept:
        _keep(kept, key, made)
    return made


def write_shipped_filter(language: str) -> Path:
    """Write the language's SHIPPED_FILTER from its lexicon.txt (tools/lexicon.py calls this)."""
    path = LOCALES / language / "lexicon.txt"
    raw = path.read_bytes()
    _keep(path.with_name(SHIPPED_FILTER), hashlib.sha256(raw).hexdigest(), _lexicon_filter(raw.decode("utf-8")))
    return path.with_name(SHIPPED_FILTER)


def _kept(path: Path, key: str) -> dict | None:
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
        return found["filter"] if found.get("key") == key else None
    except (OSError, ValueError, AttributeError, KeyError):
        return None


def _keep(path: Path, key: str, made: dict) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps({"key": key, "filter": made}), encoding="utf-8")
    except OSError:
        pass


@functools.cache
def _lexicon_filter(text: str) -> dict:
    words = [w for w in text.split("\n") if w and not w.startswith("#")]
    size = max(8, math.ceil(-len(words) * math.log(FALSE_POSITIVES) / math.log(2) ** 2))
    hashes = max(1, round(size / max(1, len(words)) * math.log(2)))
    bits = bloom_bits(words, size, hashes)
    return {"size": size, "hashes": hashes, "bits": base64.b64encode(bits).decode("ascii")}


@functools.cache
def language_thesaurus(language: str) -> Thesaurus:
    """The language's thesaurus (locales/<language>/thesaurus.yml), validated as data/thesaurus.yml is."""
    path = LOCALES / language / "thesaurus.yml"
    return Thesaurus.model_validate(read_catalogue(path))


def search_data(playbook: Playbook, language: str, cache_dir: Path | None = None) -> dict:
    """Everything the worker's script reads from `self.pbSearch`."""
    own: Thesaurus | None = getattr(playbook, "thesaurus", None)
    thesauri = [language_thesaurus(language), *([own] if own else [])]
    techniques = [t.id for s in playbook.support_types for t in s.techniques]
    techniques += [t.id for t in playbook.optimization.techniques] if playbook.optimization else []
    return {
        "groups": [{"means": g.means, "words": g.words} for t in thesauri for g in t.groups],
        "neutral": [word for t in thesauri for word in t.neutral],
        "techniques": techniques,
        "lexicon": lexicon(language, cache_dir),
    }


def search_script(playbook: Playbook, language: str, cache_dir: Path | None = None) -> str:
    """`self.pbSearch = {…};`: data only (JSON, with `<` escaped so that no text can close a script)."""
    text = json.dumps(search_data(playbook, language, cache_dir), ensure_ascii=False, separators=(",", ":"))
    return "self.pbSearch = " + text.replace("<", "\\u003c") + ";\n"
