"""The decision guide (guia/): "¿Qué soporte necesito?", from a situation on a call to a support type and its
techniques in two taps from the home page. Made from the support types' and techniques' `situations`; no data
file of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .. import render
from ..models import Playbook
from . import optimization, support_types
from .base import Kind

if TYPE_CHECKING:
    from ..site import Site


def decision_guide(site: Site, here: str) -> str:
    """Every situation of every support type and technique, grouped by type, each a link to where it is."""
    optimization_pages = {t.id: part.page for part in site.parts[optimization.KIND.key] for t in part.items}
    return render.page("guide.md", site, here, type_page=support_types.page_of, optimization_pages=optimization_pages)


class Guide(Kind):
    key = "guide"
    page = "guia.md"

    def present(self, playbook: Playbook) -> bool:
        """Only when some type or technique says when it is used: the guide lists those situations."""
        techniques = [t for s in playbook.support_types for t in s.techniques]
        techniques += playbook.optimization.techniques if playbook.optimization else []
        return any(one.situations for one in [*playbook.support_types, *techniques])

    def title(self, playbook: Playbook) -> str:
        return playbook.info.labels.guide_title

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        return []  # the home page offers it first, above the index

    def macros(self) -> dict[str, Callable[..., str]]:
        return {"decision_guide": decision_guide}


KIND = Guide()
