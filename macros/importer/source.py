"""The source document's bytes → text: decoded, mojibake repaired, binary and damaged files refused."""

from __future__ import annotations

import unicodedata

import charset_normalizer
import ftfy.bad_codecs  # noqa: F401  registers the sloppy-windows-1252 codec
from ftfy import fix_encoding
from ftfy.badness import badness, is_bad

from .blocks import SourceProblem

MAX_SOURCE_BYTES = 1_000_000
"""A playbook is tens of kilobytes; a bigger file is not one (same spirit as the loader's limit)."""

LEGACY_ENCODINGS = {"mac_roman": "Mac Roman", "sloppy-windows-1252": "Windows-1252", "latin-1": "Latin-1"}
"""Encodings a UTF-8 document is commonly mis-decoded through, tried in this order. Windows-1252 as
Windows itself decodes it (ftfy's "sloppy" codec: its five unassigned bytes become U+0081…), so
a document with Á or emoji, whose UTF-8 holds those bytes, still round-trips."""


def decode_source(raw: bytes | str) -> tuple[str, list[str]]:
    """The document as text with `\\n` line ends, plus notes on any decoding or repair done."""
    notes: list[str] = []
    if isinstance(raw, bytes):
        if b"\x00" in raw:
            line = raw[: raw.index(b"\x00")].count(b"\n") + 1
            raise SourceProblem(
                line,
                "the file contains NUL bytes: it is binary, not Markdown text — "
                "export the playbook as a UTF-8 .md file",
            )
        if len(raw) > MAX_SOURCE_BYTES:
            raise SourceProblem(
                1,
                f"the file has {len(raw):,} bytes, more than the {MAX_SOURCE_BYTES:,} a playbook "
                "needs — is it the right file?",
            )
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            best = charset_normalizer.from_bytes(raw).best()
            if best is None:
                line = raw[: exc.start].count(b"\n") + 1
                raise SourceProblem(
                    line, "the file is not text in any known encoding — export the playbook as a UTF-8 .md file"
                ) from None
            text = str(best)
            notes.append(f"decoded as {best.encoding} (the file is not UTF-8)")
    else:
        text = raw.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text, note = repair_mojibake(text)  # first: Latin-1 mojibake holds C1 control characters
    _refuse_control_characters(text)
    return text, notes + ([note] if note else [])


def _refuse_control_characters(text: str) -> None:
    """A control character (other than tab) means a binary or damaged file, not a Markdown document."""
    for number, line in enumerate(text.split("\n"), start=1):
        for char in line:
            if char != "\t" and unicodedata.category(char) == "Cc":
                raise SourceProblem(
                    number,
                    f"the file contains the control character U+{ord(char):04X}: it "
                    "is binary or damaged, not Markdown text — export the playbook "
                    "as a .md file",
                )


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """Undo a UTF-8 → legacy encoding → UTF-8 round trip; return the text and a note when repaired.

    ftfy detects the mojibake; the repair re-encodes the whole document through the legacy
    encoding, because ftfy's own fix leaves some emoji mangled (`üõü` for 🛟) while the whole
    round trip restores the original byte for byte.
    """
    if not is_bad(text):
        return text, None
    before = badness(text)
    for encoding, name in LEGACY_ENCODINGS.items():
        try:
            fixed = text.encode(encoding).decode("utf-8")
        except UnicodeError:
            continue  # not this encoding: the document has characters it cannot hold
        if badness(fixed) < before:
            return fixed, f"repaired mojibake ({name}) in {_changed_lines(text, fixed)} lines"
    fixed = fix_encoding(text)  # mixed documents: ftfy's line-by-line repair is the best left
    if fixed == text:
        return text, "the text looks mis-encoded but could not be repaired — check accents and emoji"
    return fixed, (
        f"repaired mojibake line by line (ftfy) in {_changed_lines(text, fixed)} lines; "
        "no single encoding fitted the whole document — check emoji"
    )


def _changed_lines(before: str, after: str) -> int:
    """How many lines differ between two versions of the same document."""
    return sum(a != b for a, b in zip(before.split("\n"), after.split("\n")))
