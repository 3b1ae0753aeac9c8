"""The authors' guide's table of messages (GUIA-DE-EDICION.md), written from the catalogue by `make schema`
so that every message an author can see is explained there (a test checks it is up to date)."""

from __future__ import annotations

import re
from pathlib import Path

from .messages import Messages
from .models import DEFAULT_LANGUAGE

GUIDE = "GUIA-DE-EDICION.md"
START = "<!-- mensajes: escrito por `make schema` desde macros/locales/es/messages.yml; no lo edite a mano -->"
END = "<!-- fin de los mensajes -->"
BLANK = re.compile(r"\{\w+\}")


def message_table(language: str = DEFAULT_LANGUAGE) -> str:
    """One row per message: what is wrong, how to fix it (… stands for what changes from case to case)."""
    rows = ["| qué dice (… cambia en cada caso) | cómo arreglarlo |", "|---|---|"]
    for template in Messages(language).catalogue.values():
        text = BLANK.sub("…", template).replace("{{", "{").replace("}}", "}").replace("|", "\\|")
        what, _, fix = text.partition(" — ")
        rows.append(f"| {what} | {fix} |")
    return "\n".join([START, "", *rows, "", END])


def with_table(guide: str, language: str = DEFAULT_LANGUAGE) -> str:
    """The guide's text with its table of messages replaced by the current one."""
    start, end = guide.index(START), guide.index(END) + len(END)
    return guide[:start] + message_table(language) + guide[end:]


def write_guide_table(project: Path) -> Path:
    path = project / GUIDE
    path.write_text(with_table(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path
