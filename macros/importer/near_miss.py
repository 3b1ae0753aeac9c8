"""Why a section went to a free page: the part of a playbook its blocks come nearest to, and what they lack
to be read as it (importer.yml `near_miss`, `near_why`). Told once per free page, at its first line, so an
author knows what to change in the document, or that nothing is missing (text to consult)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..reading import scripts
from ..reading.blocks import NUMBERED_TITLE, Token, bold_label
from ..reading.techniques import is_label
from ..reading.words import fold, unbold

if TYPE_CHECKING:
    from ..messages import Messages


CASE_PARTS = ("situation", "strategy", "result")


def nearest(tokens: list[Token], title: str, say: Messages) -> tuple[str, str]:
    """(the kind of part, why it is not one) for a section's blocks; ("", "prose") when it is like none."""
    words = say.import_words
    headings = [t for t in tokens if t.kind == "heading"]
    quoted_headings = [h for h in headings if unbold(h.text)[:1] in '"“«']
    if words("objections_word") in fold(title) or quoted_headings:
        return "objections", "no_answer"
    if any(scripts.labelled_script(t) for t in tokens):
        return "support_type", "script_without_situation"
    if len(scripts.quoted_runs(tokens)) == 1:
        return "support_type", "one_message"
    if any(t.kind == "check" for t in tokens):
        return "checklist", "checks_without_phase"
    if any(NUMBERED_TITLE.match(unbold(h.text)) for h in headings):
        return "case", "numbered_not_read"
    labels = [found[0] for t in tokens if (found := bold_label(t))]
    if any(is_label(label, part, say.language) for label in labels for part in CASE_PARTS):
        return "case", "labels_not_parts"
    if any(t.kind == "numbered" for t in tokens):
        return "technique", "steps_without_script"
    if any(t.kind == "table" for t in tokens):
        return "framework", "table_not_types"
    return "", "prose"


def warning(tokens: list[Token], title: str, say: Messages) -> tuple[str, dict[str, str]]:
    """The message key and blanks of the warning for a section gone to a free page."""
    kind, why = nearest(tokens, title, say)
    reason = say.import_words("near_why")[why]
    if not kind:
        return "near_none", {"section": title, "why": reason}
    return "near_miss", {"section": title, "what": say.kind_name(kind), "why": reason}
