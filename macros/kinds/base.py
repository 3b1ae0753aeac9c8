"""What every kind of content is: its data file and model, its pages, its cross-checks, its renderers and
its reader for the importer. One module of macros/kinds/ subclasses Kind for each kind."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..errors import DataError
from ..models import Model, Playbook, Technique
from ..reading import dump
from ..sitemap import Part, nav_entry, split

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")

if TYPE_CHECKING:
    from ..importer.document import DocumentReader, Section
    from ..messages import Messages
    from ..site import Site
    from ..yamlfile import Document


@dataclass(frozen=True)
class Loaded:
    """One validated data file: its lines (for messages), its value and its file name without `.yml`."""

    doc: Document
    value: Any
    stem: str


class Ids:
    """The ids claimed so far in one load, by what they name ("technique"), with where each was first used;
    and the messages of the playbook's language, for the cross-checks."""

    def __init__(self, say: Messages) -> None:
        self.say = say
        self._claimed: dict[str, dict[str, tuple[Document, tuple]]] = {}
        self._excused: dict[str, set[str]] = {}
        self.pages: dict[str, str] = {}
        """Kind key → its page, for the kinds whose data exists, loaded or not (a session may name them)."""

    def claim(self, what: str, value: str, doc: Document, path: tuple) -> list[DataError]:
        """Take `value` as an id of `what`; one error when another place has it already, blamed on the more
        recently changed file (the copy an author just made, not the file it was copied from)."""
        claimed = self._claimed.setdefault(what, {})
        if value not in claimed:
            claimed[value] = (doc, path)
            return []
        first_doc, first_path = claimed[value]
        if first_doc.mtime > doc.mtime:  # the first claimant is the newer file: it takes the blame
            claimed[value] = (doc, path)
            (doc, path), (first_doc, first_path) = (first_doc, first_path), (doc, path)
        first = f"{first_doc.name}:{first_doc.line_of(first_path)}"
        message = self.say.duplicate_id(what, value, first)
        return [DataError(doc.name, doc.line_of(path), self.say.place(path), message)]

    def excuse(self, what: str, value: str) -> None:
        """`value` names a `what` whose file has problems of its own: references to it are not errors too."""
        self._excused.setdefault(what, set()).add(value)

    def of(self, what: str) -> list[str]:
        """Every id of `what` claimed so far."""
        return sorted(self._claimed.get(what, {}))

    def excused(self, what: str) -> set[str]:
        return self._excused.get(what, set())


@dataclass(frozen=True)
class BrowserRow:
    """One technique as the technique browser lists it."""

    technique: Technique
    filter_value: str
    """The browser's filter that shows it: its support type's id, or the optimisation techniques'."""
    group_title: str
    page: str
    """The page where the technique is."""
    focus: str | None = None


@dataclass(frozen=True)
class TechniqueGroup:
    """The techniques one filter of the browser shows; `whole` keeps them on one page of the browser."""

    filter_value: str
    title: str
    rows: list[BrowserRow]
    whole: bool


@dataclass(frozen=True)
class SectionReader:
    """How the importer tells a `##` section of this kind (`detect`) and reads it (`read`).

    The importer asks readers by `precedence` (lowest first: the most telling shape wins), and reads the
    sections in `phase` order, since some need what others found (a case names a support type).
    """

    name: str
    """What the import report calls such a section ("checklist")."""
    precedence: int
    detect: Callable[[Section, DocumentReader], bool]
    read: Callable[[Section, DocumentReader], None]
    phase: int = 1
    once: bool = True
    """A second section of this shape is not read but kept as unmapped."""


class Kind:
    """One kind of content. A subclass sets the class attributes and overrides what its kind needs."""

    key: str
    """Where its data sits on the Playbook (`playbook.case_studies`)."""
    data: str | None = None
    """Its data under data/: a file (`case_studies.yml`), or a folder holding one file per item (`support_types/`)."""
    model: type[Model] | None = None
    page: str | None = None
    """Its page in docs/ (the first one when the collection is split)."""
    per_page: int | None = None
    """Past this many items the collection is split over several pages (about 60 KiB each)."""
    nav_lists_parts: bool = True
    """A split collection's navigation entry lists each of its pages by range; else it names the first page
    only (its pages' own pager leads to the others)."""
    optional: bool = False
    """Its data may be absent (no file, a folder with no file, or no folder): the playbook then has none."""
    item_macro: str | None = None
    """For a folder of one file per item, each with a page of its own (item_page): the macro that page calls
    with the item's id (`support_type_page`)."""
    item_name: str | None = None
    """For a folder of one file per item: what its ids name ("support type"), in the cross-checks."""
    readers: tuple[SectionReader, ...] = ()
    """How the importer recognises and reads its sections of a Markdown playbook."""
    import_required: str | None = None
    """For the import's warning when a document has no section of this kind: its key in importer.yml's
    `kinds` (what it is) and `required_examples` (the heading a document gives it)."""

    @property
    def is_folder(self) -> bool:
        return bool(self.data and self.data.endswith("/"))

    @property
    def schema_name(self) -> str:
        """Its JSON Schema's file name (`case_studies.schema.json`)."""
        return f"{PurePosixPath(self.data.rstrip('/')).stem}.schema.json"

    def title(self, playbook: Playbook) -> str:
        """Its title in the navigation and the index."""
        raise NotImplementedError

    def items(self, playbook: Playbook) -> list:
        """What its pages list, when it is a collection."""
        return []

    def present(self, playbook: Playbook) -> bool:
        """Whether the playbook has content of this kind: one imported from a document that lacks it (no
        checklist, no support types) has no page, navigation entry or index entry for it. By default an
        optional kind of one file is present when its file is."""
        if self.optional and self.data and not self.is_folder:
            return getattr(playbook, self.key) is not None
        return True

    def parts(self, playbook: Playbook) -> list[Part]:
        """Its pages (one, or several when the collection is long); none when it is not present."""
        if not self.page or not self.present(playbook):
            return []
        return split(self.page, self.items(playbook), self.per_page)

    def navigation(self, site: Site, title: Callable[[str], str]) -> dict | None:
        """Its entry in MkDocs' nav; `title` prepares a title for the engine (e.g. escaping it). A folder of
        items with a page each: a section listing them by title (none when there is none)."""
        if self.item_macro:
            items = getattr(site.playbook, self.key)
            entries = [{title(item.title): self.item_page(item.id)} for item in items]
            return {title(self.title(site.playbook)): entries} if entries else None
        parts = site.parts[self.key]
        if not parts:
            return None
        return nav_entry(title(self.title(site.playbook)), parts if self.nav_lists_parts else parts[:1])

    def index_entries(self, site: Site) -> list[tuple[str, str, str | None]]:
        """(title, page, anchor) of each link the home page's index gives to it."""
        return [(self.title(site.playbook), self.page, None)] if site.parts[self.key] else []

    def generated_pages(self, site: Site) -> dict[str, str]:
        """Pages that exist only in the data (page → Markdown calling a macro): for a folder of items with a
        page each, one per item, calling `item_macro` with its id."""
        if not self.item_macro:
            return {}
        items = getattr(site.playbook, self.key)
        return {self.item_page(item.id): f'{{{{ {self.item_macro}("{item.id}") }}}}\n' for item in items}

    def item_page(self, item_id: str) -> str | None:
        """For a folder of one file per item, each with a page of its own: that page (`tipos/premium.md`)."""
        return None

    def pages_while_broken(self, data_dir: Path) -> list[str]:
        """The generated pages an author may have open while the data has problems (they show the problems):
        one per file of the folder, named by the file."""
        if not self.is_folder or self.item_page("x") is None:
            return []
        stems = (path.stem for path in sorted((data_dir / self.data).glob("*.yml")))
        return [self.item_page(stem) for stem in stems if SLUG.fullmatch(stem)]

    def order(self, loaded: list[Loaded]) -> list[Loaded]:
        """A folder's files in the playbook's reading order."""
        return loaded

    def cross_check(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        """Rules that span fields or files: ids unique, references resolving."""
        return []

    def notices(self, loaded: list[Loaded], say: Messages) -> list[DataError]:
        """What is worth an author's look but does not stop the build (a copied file's situations)."""
        return []

    def claim_files(self, loaded: list[Loaded], ids: Ids) -> list[DataError]:
        """For a folder of one file per item: each file's id is its file name, and no other item's."""
        errors = []
        for one in loaded:
            if one.value.id != one.stem:
                message = ids.say.id_not_file_name(one.value.id, one.stem)
                errors.append(DataError(one.doc.name, one.doc.line_of(("id",)), "id", message))
            errors += ids.claim(self.item_name, one.value.id, one.doc, ("id",))
        return errors

    def technique_groups(self, playbook: Playbook) -> list[TechniqueGroup]:
        """Its techniques, for the technique browser."""
        return []

    def macros(self) -> dict[str, Callable[..., str]]:
        """What pages may call, by name (`{{ case_studies_page() }}`): renderer(site, here, *args)."""
        return {}

    def after_reading(self, reader: DocumentReader) -> None:
        """Once every section is read: report what is missing, keep what no section used."""

    def import_files(self, reader: DocumentReader, files: dict[str, Any]) -> dict[str, Any]:
        """The data files the importer writes for it (path → data), from what its section readers found;
        `files` are those of the kinds before it. By default: its one file, from what its reader read."""
        if self.data and not self.is_folder and self.key in reader.results:
            return {f"data/{self.data}": reader.results[self.key]}
        return {}

    def dump(self, value: dict[str, Any], say: Messages) -> str:
        """One of its data files as the importer writes it (its comments in `say`'s language)."""
        depth = self.data.count("/") + 1
        return dump.data_file(value, "../" * depth + f"schemas/{self.schema_name}")

    def import_counts(self, files: dict[str, Any]) -> list[tuple[int, str]]:
        """What the import report counts of it: (number, noun of importer.yml's counts); none when absent."""
        return []
