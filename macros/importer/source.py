"""The source document's bytes → text: decoded, mojibake repaired, binary and damaged files refused."""

from __future__ import annotations

import codecs
import unicodedata

import ftfy.bad_codecs  # noqa: F401  registers the sloppy-windows-1252 codec
from ftfy import fix_and_explain, fix_encoding
from ftfy.badness import badness, is_bad

from ..reading.blocks import Said, SourceProblem

MAX_SOURCE_BYTES = 2_000_000
"""A playbook is tens of kilobytes; a bigger file is not one (same spirit as the loader's limit)."""

BOMS = [(codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")]
SINGLE_BYTE = {"cp1252": "Windows-1252", "mac_roman": "Mac Roman"}
"""What a Spanish document that is not UTF-8 was saved in. Windows-1252 covers Latin-1 (for every letter a
Spanish text uses, the two agree)."""
SPANISH = set("áéíóúüñÁÉÍÓÚÜÑ¿¡«»“”‘’–—…€ºª°·çÇàèìòùÀÈÌÒÙâêîôûÂÊÎÔÛäëïöÄËÏÖ\xa0")
"""The characters beyond ASCII a Spanish document holds."""
SURE = 0.95
"""The share of them a decoding must give for it to be believed ("ż" for "¿" is what a wrong one gives)."""
SAVE_AS_UTF8 = "not_utf8_unsure"

LEGACY_ENCODINGS = {"mac_roman": "Mac Roman", "sloppy-windows-1252": "Windows-1252", "latin-1": "Latin-1"}
"""Encodings a UTF-8 document is commonly mis-decoded through, tried in this order. Windows-1252 as
Windows itself decodes it (ftfy's "sloppy" codec: its five unassigned bytes become U+0081…), so
a document with Á or emoji, whose UTF-8 holds those bytes, still round-trips."""


def decode_source(raw: bytes | str) -> tuple[str, list[Said]]:
    """The document as text with `\n` line ends, plus notes on any decoding or repair done."""
    notes: list[Said] = []
    if isinstance(raw, bytes):
        if len(raw) > MAX_SOURCE_BYTES:
            raise SourceProblem(1, "too_big", size=grouped(len(raw)), limit=grouped(MAX_SOURCE_BYTES))
        text, note = _decode(raw)
        notes += [note] if note else []
    else:
        text = raw.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, note = repair_mojibake(text)  # first: Latin-1 mojibake holds C1 control characters
    _refuse_control_characters(text)
    return text, notes + ([note] if note else [])


def grouped(number: int) -> str:
    """`2 000 000`: digits grouped by thousands with a narrow space, as the SI writes them in any language."""
    return f"{number:_}".replace("_", "\u202f")


def _decode(raw: bytes) -> tuple[str, Said | None]:
    """UTF-8 (or UTF-16 with its byte-order mark) as it is; another encoding only when the guess is sure."""
    for bom, codec in BOMS:
        if raw.startswith(bom):
            try:
                text = raw.decode(codec)
                return text, None if codec == "utf-8-sig" else Said("decoded_with_bom", {"encoding": codec.upper()})
            except UnicodeDecodeError as exc:
                raise SourceProblem(raw[: exc.start].count(b"\n") + 1, SAVE_AS_UTF8) from None
    if b"\x00" in raw:
        line = raw[: raw.index(b"\x00")].count(b"\n") + 1
        raise SourceProblem(line, "nul_bytes")
    try:
        return raw.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        first_bad = raw[: exc.start].count(b"\n") + 1
    guesses = []
    for codec, name in SINGLE_BYTE.items():
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        unusual = [c for c in text if ord(c) > 127]
        plausible = sum(c in SPANISH for c in unusual) / len(unusual)
        if text.encode(codec) == raw:  # it round-trips: nothing was lost or guessed
            guesses.append((plausible, name, text))
    if guesses:
        plausible, name, text = max(guesses)
        if plausible >= SURE:
            return text, Said("decoded_as", {"encoding": name})
    raise SourceProblem(first_bad, SAVE_AS_UTF8)


def _refuse_control_characters(text: str) -> None:
    """A control character (other than tab) means a binary or damaged file, not a Markdown document."""
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if char != "\t" and unicodedata.category(char) == "Cc":
                raise SourceProblem(number, "control_character", code=f"{ord(char):04X}")


def repair_mojibake(text: str) -> tuple[str, Said | None]:
    """Undo a UTF-8 → legacy encoding → UTF-8 round trip; return the text and a note when repaired.

    ftfy detects the mojibake; the repair re-encodes the whole document through the legacy
    encoding, because ftfy's own fix leaves some emoji mangled (`üõü` for 🛟) while the whole
    round trip restores the original byte for byte.
    """
    if not is_bad(text):
        return text, None
    before = badness(text)
    for encoding in _likeliest_first(text):
        name = LEGACY_ENCODINGS[encoding]
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue  # not this encoding: the document has characters it cannot hold
        if badness(fixed) < before:
            return fixed, Said("mojibake_repaired", {"encoding": name, "count": _changed_lines(text, fixed)})
    fixed = fix_encoding(text)  # mixed documents: ftfy's line-by-line repair is the best left
    if fixed == text:
        return text, Said("mojibake_unrepaired")
    return fixed, Said("mojibake_repaired_by_line", {"count": _changed_lines(text, fixed)})


def _likeliest_first(text: str) -> list[str]:
    """The legacy encodings, the one ftfy's own repair goes through first: "telÃ©fono" also round-trips through
    Mac Roman, into "tel̩fono", which no measure of badness tells from "teléfono"."""
    guessed = next((codec for action, codec in fix_and_explain(text).explanation or [] if action == "encode"), None)

    def same(encoding: str) -> bool:
        return guessed is not None and codecs.lookup(encoding).name == codecs.lookup(guessed).name

    return sorted(LEGACY_ENCODINGS, key=lambda encoding: not same(encoding))


def _changed_lines(before: str, after: str) -> int:
    """How many lines differ between two versions of the same document."""
    return sum(a != b for a, b in zip(before.split("\n"), after.split("\n")))
