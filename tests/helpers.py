"""Helpers shared by the tests: the project's paths, copies of it, and the two commands tests run."""

from __future__ import annotations

import copy
import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "tests" / "fixtures" / "seed" / "soporte-y-servicio-en-ventas.md"
"""The source document, as received from the content team (the as-received copy beside it is mis-encoded)."""
PROJECT_PARTS = ["data", "docs", "macros", "overrides", "mkdocs.yml"]


def child_env() -> dict[str, str]:
    """The environment of the commands tests run, read when they run (under mutmut, it names the mutant being
    tested, which the command then runs too: see pytest_configure in conftest.py)."""
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def copy_project(dest: Path) -> Path:
    """A copy of everything a build reads, to modify without touching the real project."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, dest / part)
    if (ROOT / "node_modules").is_dir():  # npm's packages a build uses (Workbox writes the service worker)
        (dest / "node_modules").symlink_to(ROOT / "node_modules", target_is_directory=True)
    return dest


def build(project: Path, site_dir: Path, site_url: str = "") -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project into site_dir, as `make build` runs it (SITE_URL as a host sets it)."""
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site_dir)],
        cwd=project,
        env={**child_env(), "SITE_URL": site_url},
        capture_output=True,
        text=True,
        timeout=300,
    )


def built_copy(tmp_path_factory, name: str, change) -> tuple[Path, Path]:
    """(project, site): a copy of the project changed by `change(project)`, then built with --strict."""
    project = copy_project(tmp_path_factory.mktemp(name) / "project")
    change(project)
    site = project / "site"
    result = build(project, site)
    assert result.returncode == 0, result.stderr
    return project, site


def edit_line(project: Path, relative: str, old: str, new: str) -> int:
    """Replace one exact snippet in a data file; return the 1-based line where it was."""
    path = project / relative
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {relative}"
    path.write_text(text.replace(old, new), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1


def check(project: Path) -> subprocess.CompletedProcess:
    """`python -m macros check`, as `make check` runs it."""
    return subprocess.run(
        [sys.executable, "-m", "macros", "check"],
        cwd=project,
        env=child_env(),
        capture_output=True,
        text=True,
        timeout=60,
    )


def article(site_dir: Path, url_path: str) -> BeautifulSoup:
    """The article (the page's own content, without nav or header) of a built page."""
    html = (site_dir / url_path / "index.html").read_text(encoding="utf-8")
    found = BeautifulSoup(html, "html.parser").find("article")
    assert found is not None, f"{url_path} has no article"
    return found


HOSTILE = (
    "<script>alert(1)</script> <img src=x onerror=alert(1)> {{ 7*7 }} {% include 'x' %} "
    "{# x #} ${x} *em* [a](b) {: .x} x\" onmouseover=\"alert(2) x' onfocus='alert(3) &amp; &lt;b&gt;"
)
"""Text an author might paste, each part of which some layer would run or render if it were not escaped:
HTML, Jinja, Markdown, attr_list, quotes that would close an attribute, and entities already escaped."""


def mark(field: str) -> str:
    return f"{HOSTILE} §{field}"


def rewrite(path, change):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def inject(project):
    """Hostile text in one field of every kind: titles, names, lists, scripts, checklist, case study, objection,
    session (which shows the support type's and the checklist's again, in its parts and its practice)."""
    data = project / "data"

    def playbook(d):
        d["title"] = mark("site")
        d["principles"][0]["name"] = mark("principle")

    def reactivo(d):
        d["name"], d["title"] = mark("name"), mark("title")
        d["characteristics"][0] = mark("characteristic")
        technique = d["techniques"][0]
        technique["title"] = mark("technique")
        technique["process"][0] = mark("step")
        technique["script"]["sections"][0]["lines"][0] = mark("script") + " [X]"
        technique["key_elements"][0] = mark("key")

    def checklist(d):
        d["phases"][0]["title"] = mark("phase")
        d["phases"][0]["items"][0]["text"] = mark("item")

    def cases(d):
        d["cases"][0]["title"] = mark("case")

    rewrite(data / "playbook.yml", playbook)
    rewrite(data / "support_types/reactivo.yml", reactivo)
    rewrite(data / "checklist.yml", checklist)
    rewrite(data / "case_studies.yml", cases)
    objection = {"label": mark("label"), "text": mark("answer") + "\n" + mark("second line") + " [X]"}
    objections = [{"id": "caro", "title": mark("objection"), "answers": [objection]}]
    (data / "objections.yml").write_text(
        yaml.safe_dump({"title": "Objeciones", "icon": "💬", "objections": objections}, allow_unicode=True),
        encoding="utf-8",
    )
    session = {"id": "hostil", "title": mark("session"), "facilitator": mark("facilitator")}
    (data / "sessions" / "hostil.yml").write_text(
        yaml.safe_dump({**session, "parts": ["reactivo", "checklist"]}, allow_unicode=True), encoding="utf-8"
    )


def all_pages(site: Path):
    """(path, parsed page) for every HTML file of a built site."""
    for path in sorted(site.rglob("*.html")):
        yield path, BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def broken_links(site: Path) -> list[str]:
    """Every href/src of every page that points to no file, or to an anchor the target page lacks."""
    ids = {path: {tag["id"] for tag in page.find_all(id=True)} for path, page in all_pages(site)}
    broken = []
    for path, page in all_pages(site):
        if path.name == "404.html":
            continue  # Material's 404 page uses site-absolute links by design
        base = "/" + path.relative_to(site).as_posix()
        for tag in page.find_all(href=True) + page.find_all(src=True):
            url = tag.get("href") or tag.get("src")
            parsed = urlparse(url)
            if parsed.scheme or url.startswith("//"):
                continue  # other hosts: see test_no_page_loads_anything_from_another_host
            target = urlparse(urljoin(base, url))
            file = site / unquote(target.path).lstrip("/")
            if target.path.endswith("/") or file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{base}: {url} (no file)")
            elif parsed.fragment and file in ids and unquote(parsed.fragment) not in ids[file]:
                broken.append(f"{base}: {url} (no anchor)")
    return broken


# A big playbook: every collection past one page's capacity (macros/sitemap.py), from copies of the seed.
BIG_OPTIMIZATION = 45  # 3 pages of 20
BIG_CASES = 30  # 2 pages of 25
BIG_PHASES = 30  # 2 pages of 25
BIG_SUPPORT_TYPES = 55  # 111 techniques + 45 optimisation techniques: 2 pages of the browser
BIG_ODD_TYPE = "tipo-07"
"""The one type with three techniques: later types' rows no longer end on an even row, so a browser page
that cut at exactly 100 rows would split a type (tipo-49) over two pages."""


def numbered(items: list[dict], count: int, fields: list[str]) -> list[dict]:
    """`count` items made from `items`; each copy's id and `fields` get its number."""
    out = []
    for n in range(count):
        item = copy.deepcopy(items[n % len(items)])
        if n >= len(items):
            item["id"] = f"{item['id']}-{n}"
            for field in fields:
                item[field] = f"{item[field]} {n}"
        out.append(item)
    return out


def grow(project: Path) -> None:
    """Multiply the project's collections to the BIG_ sizes."""
    data = project / "data"
    rewrite(
        data / "optimization.yml", lambda d: d.update(techniques=numbered(d["techniques"], BIG_OPTIMIZATION, ["title"]))
    )
    rewrite(data / "case_studies.yml", lambda d: d.update(cases=numbered(d["cases"], BIG_CASES, ["title"])))
    rewrite(data / "checklist.yml", lambda d: d.update(phases=numbered(d["phases"], BIG_PHASES, ["title"])))
    reactivo = yaml.safe_load((data / "support_types/reactivo.yml").read_text(encoding="utf-8"))
    for n in range(len(list((data / "support_types").glob("*.yml"))), BIG_SUPPORT_TYPES):
        extra = copy.deepcopy(reactivo)
        extra.update(id=f"tipo-{n:02}", order=100 + n, name=f"Tipo {n:02}", title=f"Soporte {n:02}")
        if extra["id"] == BIG_ODD_TYPE:
            extra["techniques"].append(copy.deepcopy(extra["techniques"][0]) | {"id": "tercera"})
        for technique in extra["techniques"]:
            technique["id"] = f"{technique['id']}-{n:02}"
        (data / f"support_types/tipo-{n:02}.yml").write_text(
            yaml.safe_dump(extra, allow_unicode=True, sort_keys=False), encoding="utf-8"
        )
