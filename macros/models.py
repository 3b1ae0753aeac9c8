"""The pieces every kind's model is made of, the interface labels, and the validated playbook; nothing from MkDocs.

Each kind of content (macros/kinds/) defines the model of its own data file from these pieces.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, create_model

# Strict: a YAML boolean or number never silently becomes text (unquoted `no`, `010`, `12:30`).
# Frozen: validated data is never edited after loading.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

Text = Annotated[
    str,
    # The pattern repeats "not blank" for editors: the schema knows no stripping, so without `\S` it would
    # accept "   ", which the build refuses.
    StringConstraints(strip_whitespace=True, min_length=1, pattern=r"^[^\r\n]*\S[^\r\n]*$"),
]
"""One line of plain text, shown literally (no Markdown, no HTML)."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable id: lowercase letters, digits and single hyphens (`respuesta-rapida`)."""

TextList = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    model_config = STRICT


class ScriptSection(Model):
    heading: Text
    lines: TextList


class Script(Model):
    opening: Text
    sections: Annotated[list[ScriptSection], Field(min_length=1)]
    closing: Text


class Technique(Model):
    id: Slug
    title: Text
    process: TextList
    script: Script


DEFAULT_LANGUAGE = "es"
LOCALES = Path(__file__).parent / "locales"


def default_labels(language: str = DEFAULT_LANGUAGE) -> dict[str, str]:
    """The interface text of one language (macros/locales/<language>/labels.yml): the one list of labels."""
    return yaml.safe_load((LOCALES / language / "labels.yml").read_text(encoding="utf-8"))


Labels = create_model(
    "Labels",
    __base__=Model,
    __doc__="Interface text that is not Material's own; data/playbook.yml changes only the labels it lists.",
    **{key: (Text, text) for key, text in default_labels().items()},
)


@dataclass(frozen=True)
class Playbook:
    """Everything in data/, validated together: each kind's data under its key (`playbook.case_studies`)."""

    contents: Mapping[str, Any]

    def replace(self, **changes: Any) -> Playbook:
        """A copy with some kinds' data changed (`playbook.replace(support_types=[...])`)."""
        return Playbook({**self.contents, **changes})

    def __getattr__(self, key: str) -> Any:
        if key == "contents":  # not yet set (copying, unpickling): no recursion
            raise AttributeError(key)
        try:
            return self.contents[key]
        except KeyError:
            raise AttributeError(key) from None
