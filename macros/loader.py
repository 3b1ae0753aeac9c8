"""Reads data/, validates it with each kind's model, and reports every problem as `file:line: place: message`.

Nothing is read before its path is known to be a plain file inside the project: folders named like data
files, FIFOs, devices, dangling or looping links and links leading out of the project are reported, never
opened. Dot-files and editor leftovers (`*~`, `.#*`, `*.swp`, `*.bak`, `.DS_Store`) are ignored.
"""

from __future__ import annotations

import fnmatch
import os
import stat
from pathlib import Path

import pydantic

from .errors import DataError, DataErrors
from .kinds import KINDS
from .kinds.base import Ids, Loaded
from .messages import Messages, closest_field
from .models import DEFAULT_LANGUAGE, Playbook, labels_in
from .parse_cache import ParseCache

EXTENSION = ".yml"
IGNORED = [".*", "*~", "#*#", "*.swp", "*.swo", "*.bak", "*.tmp", "*.orig", "Thumbs.db", "desktop.ini"]
"""Editor and system leftovers, never data: an Emacs lock `.#premium.yml`, `reactivo.yml~`, a Vim swap file."""


def load_playbook(data_dir: Path, language: str = DEFAULT_LANGUAGE, cache_dir: Path | None = None) -> Playbook:
    """Load and validate everything under data_dir, or raise DataErrors listing every problem. With cache_dir,
    files unchanged since the last load are not parsed again (macros/parse_cache.py)."""
    data_dir, say, cache = Path(data_dir), Messages(language), ParseCache(cache_dir)
    if not data_dir.is_dir():
        raise DataErrors([DataError(str(data_dir), 1, "", say.say("no_data_dir"))])
    root = data_dir.parent
    files, unusable, errors = _data_files(data_dir, root, say)

    loaded: dict[str, list[Loaded]] = {}
    ids = Ids(say)
    for kind in KINDS:
        if not kind.data:
            continue
        if kind.is_folder:
            paths = sorted(p for relative, p in files.items() if relative.startswith(kind.data))
            for relative in (relative for relative in unusable if relative.startswith(kind.data)):
                ids.excuse(kind.item_name, Path(relative).stem)  # its problem is reported: not also where named
            if not paths and kind.data not in files and not kind.optional:
                errors.append(DataError(_display(data_dir / kind.data, root), 1, "", say.say("no_folder_files")))
        elif kind.data in files:
            paths = [files[kind.data]]
        elif kind.optional:
            loaded[kind.key] = []
            continue
        else:
            if kind.data not in _reported(errors, root, data_dir):
                errors.append(DataError(_display(data_dir / kind.data, root), 1, "", say.say("missing_file")))
            continue
        found = []
        for path in paths:
            doc, value = _load(path, _display(path, root), kind.model, say, errors, cache)
            if value is not None:
                found.append(Loaded(doc, value, path.stem))
            elif kind.is_folder:
                ids.excuse(kind.item_name, path.stem)  # its problem is reported: not also as a missing reference
        loaded[kind.key] = kind.order(found)

    cache.save()
    # a kind whose file has problems is reported once, not again where a session names its page
    ids.pages = {
        kind.key: kind.page
        for kind in KINDS
        if kind.page and (kind.data is None or kind.data in files or loaded.get(kind.key))
    }
    for kind in KINDS:
        if loaded.get(kind.key):
            errors += kind.cross_check(loaded[kind.key], ids)
    if errors:  # a file that could not be loaded always left its problem here
        raise DataErrors(errors)
    notices = [notice for kind in KINDS if loaded.get(kind.key) for notice in kind.notices(loaded[kind.key], say)]
    contents = {
        kind.key: [one.value for one in loaded[kind.key]] if kind.is_folder else _single(loaded[kind.key])
        for kind in KINDS
        if kind.data
    }
    info = contents["info"]
    contents["info"] = info.model_copy(update={"labels": labels_in(info.labels, say.language)})
    return Playbook(contents, tuple(notices), KINDS)


def _single(loaded: list[Loaded]):
    """A one-file kind's data, or None when its file is optional and absent."""
    return loaded[0].value if loaded else None


def _load(
    path: Path, name: str, model: type[pydantic.BaseModel], say: Messages, errors: list[DataError], cache: ParseCache
):
    """Parse and validate one file; append its problems to errors."""
    try:
        raw, mtime = path.read_bytes(), path.stat().st_mtime
    except OSError:
        errors.append(DataError(name, 1, "", say.say("unreadable")))
        return None, None
    doc = cache.parse(raw, name, say, errors)
    if doc is None:
        return None, None
    doc.mtime = mtime
    try:
        return doc, model.model_validate(doc.data)
    except pydantic.ValidationError as exc:
        found = exc.errors()
        # A misspelt key (`tittle`) is one problem, not two: its "did you mean" covers the missing field.
        misspelt = {(tuple(e["loc"][:-1]), closest_field(e, model)) for e in found if e["type"] == "extra_forbidden"}
        for err in found:
            loc = tuple(err["loc"])
            if err["type"] == "missing" and (loc[:-1], loc[-1]) in misspelt:
                continue
            errors.append(DataError(name, doc.line_of(loc), say.place(loc), say.explain(err, model)))
        return doc, None


def _data_files(data_dir: Path, root: Path, say: Messages) -> tuple[dict[str, Path], set[str], list[DataError]]:
    """Every plain file under data_dir that a kind reads (path relative to data_dir → path); the paths named
    like one that cannot be read (a link to nowhere, a FIFO…); and a problem for everything else that is not
    ignored: wrong names and places, and paths that are not plain files."""
    single = [kind.data for kind in KINDS if kind.data and not kind.is_folder]
    folders = {kind.data for kind in KINDS if kind.is_folder}
    files: dict[str, Path] = {}
    unusable: set[str] = set()
    errors: list[DataError] = []
    for folder, dirs, names in os.walk(data_dir):  # links to folders are not followed: no loops
        named_like_files = [d for d in dirs if d.endswith((EXTENSION, ".yaml"))]  # reported, not walked into
        dirs[:] = sorted(d for d in dirs if not _ignored(d) and d not in named_like_files)
        for name in sorted(names + named_like_files):
            if _ignored(name):
                continue
            path = Path(folder) / name
            relative = path.relative_to(data_dir)
            expected = relative.as_posix() in single or (
                relative.parent.as_posix() + "/" in folders and relative.suffix == EXTENSION
            )
            problem = _path_problem(path, root, say)
            if problem:
                errors.append(DataError(_display(path, root), 1, "", say.say(problem[0], **problem[1])))
                if expected:
                    unusable.add(relative.as_posix())
            elif not expected:
                errors.append(DataError(_display(path, root), 1, "", say.unexpected_file(relative, single)))
            else:
                files[relative.as_posix()] = path
    return files, unusable, errors


def _ignored(name: str) -> bool:
    return any(fnmatch.fnmatch(name, pattern) for pattern in IGNORED)


def _path_problem(path: Path, root: Path, say: Messages) -> tuple[str, dict] | None:
    """Why `path` cannot be read as a data file, as (message key, params); None for a plain readable file."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            target = path.resolve(strict=True)
            if not target.is_relative_to(root.resolve()):
                return ("link_outside", {})
            info = target.stat()
    except (OSError, RuntimeError):  # dangling, a loop (RuntimeError before Python 3.13), or gone meanwhile
        return ("broken_link", {})
    if stat.S_ISDIR(info.st_mode):
        return ("is_a_folder", {})
    if not stat.S_ISREG(info.st_mode):
        what = "fifo" if stat.S_ISFIFO(info.st_mode) else "socket" if stat.S_ISSOCK(info.st_mode) else "device"
        return ("not_a_regular_file", {"what": say.words["file_kinds"][what]})
    if not os.access(path, os.R_OK):
        return ("unreadable", {})
    return None


def _reported(errors: list[DataError], root: Path, data_dir: Path) -> set[str]:
    """The data files (relative to data_dir) that already have a problem of their own."""
    prefix = _display(data_dir, root) + "/"
    return {e.file.removeprefix(prefix) for e in errors if e.file.startswith(prefix)}


def _display(path: Path, root: Path) -> str:
    """The path as an author sees it: relative to the project (data/...)."""
    return path.relative_to(root).as_posix()
