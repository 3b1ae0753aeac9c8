"""The decision guide (guia/): "¿Qué soporte necesito?", a chooser in two steps for a rep on a call: what is
happening (one group per support type, and one for the optimisation techniques) → the situation, each a link
to its technique, whose script is then one tap from filled. Made from the support types' and techniques'
`situations`; no data file of its own. Past 25 groups it is split over several pages, like any collection."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .. import render
from ..models import Playbook, Technique
from ..sitemap import part_at
from . import optimization, support_types
from .base import Kind

if TYPE_CHECKING:
    from ..site import Site


@dataclass(frozen=True)
class Choice:
    """One situation of the second step, and the technique it leads to."""

    text: str
    page: str
    technique: Technique


@dataclass(frozen=True)
class ChooserGroup:
    """One answer to "what is happening": a support type (its own situations say what happens) and its
    techniques' situations."""

    id: str
    icon: str
    title: str
    happening: list[str]
    choices: list[Choice]


def _choices(techniques: list[Technique], page: Callable[[Technique], str]) -> list[Choice]:
    """Every situation of every technique; a technique with none is chosen by its title."""
    return [Choice(text, page(t), t) for t in techniques for text in t.situations or [t.title]]


def chooser_groups(playbook: Playbook) -> list[ChooserGroup]:
    """The first step's answers, in reading order, each with the second step's situations."""
    pages = {t.id: support_types.page_of(s.id) for s in playbook.support_types for t in s.techniques}
    if playbook.optimization:
        pages |= {t.id: part.page for part in optimization.KIND.parts(playbook) for t in part.items}
    groups = [
        ChooserGroup(s.id, s.icon, s.title, s.situations, _choices(s.techniques, lambda t: pages[t.id]))
        for s in playbook.support_types
        if s.techniques
    ]
    if playbook.optimization:
        found = playbook.optimization
        choices = _choices(found.techniques, lambda t: pages[t.id])
        groups.append(ChooserGroup(optimization.FILTER, found.icon, found.title, [], choices))
    return groups


def decision_guide(site: Site, here: str) -> str:
    """The chooser (of this page, when there are many groups): a filter over the situations, then each group."""
    parts = site.parts[KIND.key]
    return render.page("guide.md", site, here, parts=parts, part=part_at(parts, here))


class Guide(Kind):
    key = "guide"
    page = "guia.md"
    per_page = 25
    nav_lists_parts = False  # a rep wants "¿Qué soporte necesito?", not its pages by range

    def items(self, playbook: Playbook) -> list:
        return chooser_groups(playbook)

    def present(self, playbook: Playbook) -> bool:
        """Whenever the playbook has a technique to lead to."""
        return any(s.techniques for s in playbook.support_types) or bool(playbook.optimization)

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.guide_title

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        return []  # the home page offers it first, above the index

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"decision_guide": decision_guide}


KIND = Guide()
