"""The pieces every kind's model is made of, the interface labels, and the validated playbook; nothing from MkDocs.

Each kind of content (macros/kinds/) defines the model of its own data file from these pieces.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

import yaml
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints, create_model
from pydantic_core import PydanticCustomError

# Strict: a YAML boolean or number never silently becomes text (unquoted `no`, `010`, `12:30`).
# Frozen: validated data is never edited after loading.
STRICT = ConfigDict(extra="forbid", strict=True, frozen=True)

CONTROL = {False: re.compile(r"[\x00-\x1f\x7f-\x9f]"), True: re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")}
"""Unicode's control characters (category Cc, fixed at these 65), then the same but for a tab and a line break.
A pattern rather than a look at each character's category: every text of a playbook goes through it."""

LIMITS = {"text": 2_000, "word": 120, "order": 100_000, "page_word": 1_000}
"""The longest text field, the longest word in it (print-site's anchor pass is quadratic in a word's
length), and the highest `order`: far beyond any real playbook, small enough to keep every build fast."""


def plain_text(text: str, lines: bool = False) -> str:
    """No invisible control characters (ESC, NUL…: pasted by accident, they reach titles and terminals), and
    no word too long for the build (the schema's pattern says the same to editors). `lines`: Markdown over
    several lines (line breaks and tabs allowed, longer words: a link's address)."""
    control = CONTROL[lines].search(text)
    if control:
        raise PydanticCustomError("control_character", "a control character", {"code": f"U+{ord(control[0]):04X}"})
    limit = LIMITS["page_word" if lines else "word"]
    longest = max(text.split(), key=len, default="")
    if len(longest) > limit:
        raise PydanticCustomError("word_too_long", "a word is too long", {"length": len(longest), "limit": limit})
    return text


Text = Annotated[
    str,
    # The pattern repeats "not blank" for editors (the schema knows no stripping, so without `\S` it would
    # accept "   ") and refuses control characters, line breaks included: both are what the build refuses.
    StringConstraints(
        strip_whitespace=True,
        min_length=1,
        max_length=LIMITS["text"],
        pattern=r"^[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f][^\x00-\x1f\x7f]*$",
    ),
    AfterValidator(plain_text),
    Field(json_schema_extra={"not": {"pattern": f"\\S{{{LIMITS['word'] + 1}}}"}}),
]
"""One line of plain text, shown literally (no Markdown, no HTML)."""

Order = Annotated[int, Field(ge=0, le=LIMITS["order"])]
"""A place in the reading order."""

Slug = Annotated[str, StringConstraints(pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$")]
"""A stable id: lowercase letters, digits and single hyphens (`respuesta-rapida`)."""

TextList = Annotated[list[Text], Field(min_length=1)]


class Model(BaseModel):
    model_config = STRICT


# Fields a playbook of scripts by situation does without have a default that is not a valid value: leaving
# the field out is allowed, writing it empty (`closing:`, `process: []`) is still the mistake it always was.


class ScriptSection(Model):
    heading: Text = ""
    """Without one (a script that is one quote), its lines are said as they stand."""
    lines: TextList


class Script(Model):
    """Said as one quote, `opening` … `closing`, with bulleted sections between; or, without them (scripts
    collected by situation), as its sections' lines stand, each under its heading ("Seguimiento:")."""

    opening: Text = ""
    sections: Annotated[list[ScriptSection], Field(min_length=1)]
    closing: Text = ""


class Technique(Model):
    id: Slug
    title: Text
    situations: list[Text] = []
    """When to use it, in the words of a call: what the customer says, what the rep types."""
    synonyms: list[Text] = []
    """Other words for it, for search."""
    process: TextList = []
    """Steps to tick; a technique that is a script alone has none."""
    script: Script


DEFAULT_LANGUAGE = "es"
LOCALES = Path(__file__).parent / "locales"
CATALOGUE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml where PyYAML has it: 6× faster on a catalogue read at every build. Authors' files go through
macros/yamlfile.py instead, which keeps their lines and explains their mistakes."""


def read_catalogue(path: Path) -> Any:
    """One file of a language's catalogue (macros/locales/<language>/), ours and well-formed."""
    return yaml.load(path.read_text(encoding="utf-8"), Loader=CATALOGUE_LOADER)  # noqa: S506 — a safe loader


@functools.cache
def default_labels(language: str = DEFAULT_LANGUAGE) -> Mapping[str, str]:
    """The interface text of one language (macros/locales/<language>/labels.yml): the one list of labels.
    Read once per language (the importer asks for it for every label it meets)."""
    return MappingProxyType(read_catalogue(LOCALES / language / "labels.yml"))


Labels = create_model(
    "Labels",
    __base__=Model,
    __doc__="Interface text that is not Material's own; data/playbook.yml changes only the labels it lists.",
    **{key: (Text, text) for key, text in default_labels().items()},
)


def labels_in(labels: Model, language: str) -> Model:
    """The interface text of a playbook in `language`: that language's labels, but for those its data changes
    (`labels:` in data/playbook.yml). The model's own defaults are the default language's."""
    return Labels.model_validate({**default_labels(language), **labels.model_dump(include=labels.model_fields_set)})


@dataclass(frozen=True, repr=False)
class Playbook:
    """Everything in data/, validated together: each kind's data under its key (`playbook.case_studies`)."""

    contents: Mapping[str, Any]
    notices: tuple[Any, ...] = ()
    """What the author should look at but does not stop the build (errors.DataError each)."""
    kinds: tuple[Any, ...] = ()
    """Its kinds of content in reading order (kinds.KINDS, given by the loader): what one kind asks of the
    others goes through here, so no kind imports the list that holds it."""

    def __repr__(self) -> str:
        return f"Playbook({', '.join(self.contents)})"  # its kinds, not their whole data

    def replace(self, **changes: Any) -> Playbook:
        """A copy with some kinds' data changed (`playbook.replace(support_types=[...])`)."""
        return Playbook({**self.contents, **changes}, self.notices, self.kinds)

    def __getattr__(self, key: str) -> Any:
        if key in ("contents", "notices", "kinds"):  # not yet set (copying, unpickling): no recursion
            raise AttributeError(key)
        try:
            return self.contents[key]
        except KeyError:
            raise AttributeError(key) from None
