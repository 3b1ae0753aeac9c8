"""Write a language's lexicon (macros/locales/<language>/lexicon.txt): its most frequent words of five letters
or more, folded (no accents, lowercase), one per line. The search never "corrects" a word of it into another
(macros/search_data.py makes a Bloom filter of it for the browser, written beside it as lexicon.filter.json).

Made from wordfreq's lists (https://github.com/rspeer/wordfreq; its data is CC BY-SA 4.0), which the build does
not need: `pip install wordfreq && python tools/lexicon.py es`. After editing lexicon.txt by hand, write only its
filter again: `python tools/lexicon.py --filter es` (no wordfreq needed)."""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from macros.search_data import write_shipped_filter  # noqa: E402

LOCALES = ROOT / "macros" / "locales"
SIZE = 30_000


def fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def lexicon(language: str) -> list[str]:
    """The language's frequent words of five letters or more, folded, in frequency order, once each."""
    from wordfreq import top_n_list  # only here: writing the filter again does not need it

    words = (fold(word) for word in top_n_list(language, SIZE))
    return list(dict.fromkeys(w for w in words if len(w) >= 5 and w.isascii() and w.isalpha()))


def main(language: str, filter_only: bool = False) -> None:
    if filter_only:
        print(write_shipped_filter(language))
        return
    header = f"# The {SIZE:,} most frequent words of wordfreq ({language}), folded, of five letters or more."
    header += " CC BY-SA 4.0. Written by tools/lexicon.py.\n"
    path = LOCALES / language / "lexicon.txt"
    path.write_text(header + "\n".join(lexicon(language)) + "\n", encoding="utf-8")
    print(path, write_shipped_filter(language))


if __name__ == "__main__":
    arguments = [a for a in sys.argv[1:] if a != "--filter"]
    main(arguments[0] if arguments else "es", filter_only="--filter" in sys.argv[1:])
