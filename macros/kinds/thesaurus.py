"""Search words (data/thesaurus.yml, optional): a playbook's own concept groups for search, added to the
language's thesaurus (macros/locales/<language>/thesaurus.yml, the same shape). Each group maps how people say
something (`words`) to the playbook's words for it (`means`). No page: the search reads it (macros/search_data.py)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..models import Model, Text
from .base import Kind

TextList = Annotated[list[Text], Field(min_length=1)]


class Concept(Model):
    means: TextList
    """The playbook's words the search looks for (`devolución`, `cobro`)."""
    words: TextList
    """How readers say it: everyday, colloquial and regional words, whole phrases, common misspellings."""


class Thesaurus(Model):
    """data/thesaurus.yml, and each language's thesaurus: concept groups, and the neutral words."""

    neutral: list[Text] = []
    """Words nearly everyone types that do not say which technique is needed (`cliente`, `quiere`)."""
    groups: Annotated[list[Concept], Field(min_length=1)]


class ThesaurusKind(Kind):
    key = "thesaurus"
    data = "thesaurus.yml"
    optional = True
    model = Thesaurus


KIND = ThesaurusKind()
