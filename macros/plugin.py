"""The MkDocs adapter (the `playbook` plugin): loads data/ once per build, builds the navigation, adds
the pages that exist only in the data, and hands the renderers to mkdocs-macros. Everything else lives in
the engine-independent core.

During `mkdocs serve` a data mistake does not stop the build (MkDocs would then hold every request until
the file is fixed): every page becomes the error page, listing each problem, and live reload brings the
site back once the data is valid. `mkdocs build` still fails with the same lines."""

from __future__ import annotations

import logging
import re
import shutil
import sys
from functools import partial
from pathlib import Path

from markupsafe import Markup
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs_print_site_plugin.exclude import exclude

from . import csp, handout, kinds, paper, render, search_data, sitemap, valid_html, web_app
from .errors import DataError
from .kinds import summary
from .loader import DataErrors, load_playbook
from .messages import Messages, MissingCatalogue, visible
from .models import DEFAULT_LANGUAGE
from .settings import Settings
from .site import PAPERS, Site
from .template_cache import bytecode_cache

log = logging.getLogger("mkdocs.plugins.playbook")


SEARCH = Path(__file__).parent / "assets" / "lunr_es_search.js"
SEARCH_MARK = "\n/* playbook search */\n"
IFRAME_WORKER_URL = "assets/javascripts/iframe-worker-shim.js"
IFRAME_WORKER = Path(__file__).resolve().parent.parent / "node_modules" / "iframe-worker" / "shim" / "index.js"
PRINT_SITE_SCRIPT = re.compile(r'<script src="[^"]*js/print-site\.js"></script>')


class PlaybookConfig(base.Config):
    """The plugin's options in mkdocs.yml (`- playbook: {data_dir: data}`); the language is the theme's."""

    data_dir = c.Type(str, default=Settings.data_dir)
    cache_dir = c.Type(str, default=Settings.cache_dir)
    pdf = c.Type((str, bool), default="")
    """The paper sizes `make pdf` prints, whose PDFs the pages link ("A4,Letter"; true: every size; empty or
    false: none). mkdocs.yml takes it from PLAYBOOK_PDF, which `make pdf` (tools/publish.py) sets; MkDocs'
    `!ENV` reads "true" as YAML does, a boolean."""


class PlaybookPlugin(BasePlugin[PlaybookConfig]):
    """One instance per `mkdocs` command (on_startup keeps it across the rebuilds of `mkdocs serve`)."""

    def __init__(self) -> None:
        self.is_serve = False
        self.site: Site | None = None
        """This build's site; None while the data has problems (during `mkdocs serve` only)."""
        self.problems: list[DataError] = []
        self.say = Messages()
        self.script_hashes: set[str] = set()
        """Every page's inline scripts, for the site-wide policy in _headers (see macros/csp.py)."""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.is_serve = command == "serve"

    def on_serve(self, server, config, builder):
        """`make serve` rebuilds when a data file changes, wherever the data folder is."""
        server.watch(str(self._project(config) / self.config.data_dir))
        return server

    @event_priority(100)  # before mkdocs-macros, which must find our macros registered
    def on_config(self, config):
        """Validate all data before anything is written, then wire the site to it."""
        data_dir = self._project(config) / self.config.data_dir
        self.script_hashes = set()
        language = config.theme.get("language") or DEFAULT_LANGUAGE
        try:
            self.say = Messages(language)
        except MissingCatalogue as exc:
            raise PluginError(str(exc)) from None
        macros = config.plugins["macros"]
        try:
            playbook = load_playbook(data_dir, self.say.language, cache_dir=self._cache(config) / "data")
            papers = _papers(self.config.pdf)  # `make pdf`: the PDFs it writes are linked
            # Material's offline plugin turns directory URLs off in its own on_config, after this one.
            directory_urls = config.use_directory_urls and not _offline_enabled(config)
            site = Site.of(playbook, _handout_url(config, directory_urls), papers, directory_urls=directory_urls)
            self.site, self.problems = site, []
            for notice in playbook.notices:  # info, not a warning: a strict build must not fail on them
                log.info(visible(str(notice)))
        except DataErrors as exc:
            self.site, self.problems = None, exc.errors
            if not self.is_serve:
                for error in exc.errors:
                    log.error(visible(str(error)))
                raise PluginError(self.say.line("build_failed", count=len(exc.errors))) from None
            return self._error_site(config, macros)
        site = self.site
        # Material prints the site name and nav titles unescaped, and mkdocs-macros renders any `{{` in a
        # page title as Jinja: hand both text already escaped for HTML and Jinja (Markup with entities).
        config.site_name = render.literal(site.playbook.info.title)
        config.nav = site.navigation(title=render.literal)
        config.extra.update(_template_texts(site, config))
        config.extra["playbook_app"] = self._app(site, config)
        info = site.playbook.info
        if "toc" in config.mdx_configs:  # the heading links' title, in the playbook's language
            config.mdx_configs["toc"]["permalink_title"] = info.labels.permanent_link
        handout = config.plugins.get("print-site")
        if handout:
            handout.config["print_page_title"] = render.literal(info.labels.handout)
            handout.config["toc_title"] = render.literal(info.labels.contents)
        if _offline_enabled(config):
            # Material's offline plugin would load this shim from a CDN; serve the npm copy instead.
            config.extra["polyfills"] = [*config.extra.get("polyfills", []), IFRAME_WORKER_URL]
        macros.register_macros({name: partial(_call, macros, site, fn) for name, fn in kinds.macros().items()})
        return config

    @staticmethod
    def _project(config) -> Path:
        """The folder holding mkdocs.yml: the data and cache folders are relative to it."""
        return Path(config.config_file_path).parent

    def _cache(self, config) -> Path:
        return self._project(config) / self.config.cache_dir

    def _app(self, site: Site, config) -> dict | None:
        """The installable app's parts in each page's <head> and footer (overrides/main.html): none from
        file:// (the offline bundle); the worker only in a built site (never in the preview)."""
        if _offline_enabled(config):
            return None
        labels = site.playbook.info.labels
        return {
            "colour": web_app.primary_colour(web_app.primary_name(config.theme.get("palette"))),
            "worker": not self.is_serve,
            "update_ready": render.literal(labels.update_ready),
            "update_reload": render.literal(labels.update_reload),
            "update_later": render.literal(labels.update_later),
            "offline_ready": render.literal(labels.offline_ready),
        }

    def _error_site(self, config, macros):
        """During `mkdocs serve`: the problems in the terminal, and a site whose every page shows them."""
        # Printed, not logged: under `strict`, MkDocs would count a logged error and fail the error site too.
        for error in self.problems:
            print(visible(str(error)), file=sys.stderr)
        print(self.say.line("problems_found", count=len(self.problems)), file=sys.stderr)
        config.strict = False  # warnings must not fail the error site either
        config.nav = [{render.literal(self.say.line("error_page_title")): sitemap.HOME}]
        config.validation.nav.omitted_files = logging.DEBUG  # every other page is the same error page
        config.site_name = render.literal(self.say.line("error_page_title"))
        handout = config.plugins.get("print-site")
        if handout:  # its cover shows the playbook's title and version, which may be what is broken
            handout.config.update(add_cover_page=False, add_to_navigation=False)
        macros.register_macros(dict.fromkeys(kinds.macros(), lambda *args: ""))
        return config

    def on_env(self, env, config, files):
        """One theme environment per build, its templates compiled once and kept between builds: print-site
        asks the theme for a new environment to render the handout, which compiled every Material template
        a second time (a fifth of a build); it gets this one. Its compiled templates are kept with the
        installation (macros/template_cache.py)."""
        env.bytecode_cache = bytecode_cache(self._cache(config), "theme")
        config.theme.get_env = lambda: env
        return env

    def on_files(self, files, config):
        """The pages that exist only in the data (one per support type): stubs calling the same macros every
        page uses; the pages of kinds the playbook lacks are left out. A collection split over several pages
        (sitemap.split) gets its later pages as copies of its first page's source: the renderer picks the part
        from the page's path."""
        if self.site is None:
            data_dir = self._project(config) / self.config.data_dir
            for page in (page for kind in kinds.KINDS for page in kind.pages_while_broken(data_dir)):
                if files.get_file_from_path(page) is None:
                    files.append(File.generated(config, page, content=""))
            return files
        for kind in kinds.KINDS:  # a kind the playbook does not have (an imported document lacked it): no page
            absent = files.get_file_from_path(kind.page) if kind.page and not self.site.parts[kind.key] else None
            if absent:
                files.remove(absent)
        for page, stub in self.site.generated_pages().items():
            files.append(File.generated(config, page, content=stub))
        for first, later in self.site.paged_sources.items():
            source = Path(files.get_file_from_path(first).abs_src_path).read_text(encoding="utf-8")
            for page in later:
                listed = InclusionLevel.NOT_IN_NAV if page in self.site.unlisted_pages else InclusionLevel.UNDEFINED
                files.append(File.generated(config, page, content=source, inclusion=listed))
        return files

    @event_priority(-100)  # after print-site has taken the navigation as the handout's parts
    def on_nav(self, nav, config, files):
        """A section whose every page the handout leaves out (the sessions: each is a handout of its own) is
        left out too: print-site would print its title alone on a sheet, and list it in the contents."""
        handout = config.plugins.get("print-site")
        if handout and hasattr(handout, "renderer"):
            excluded = handout.config.get("exclude", [])
            handout.renderer.items = [item for item in handout.renderer.items if _printed(item, excluded)]
        return nav

    @event_priority(100)  # before mkdocs-macros: the error page holds no Jinja for it to run
    def on_page_markdown(self, markdown, page, config, files):
        """While the data has problems, every page is the error page. A page of a split collection is
        named by its range in the navigation ("21–40"); its browser-tab title also names the collection."""
        if self.site is None:
            return render.error_page(self.problems, self.say)
        if page.parent and page.file.src_uri in self.site.split_pages:
            page.meta["pb_section_title"] = page.parent.title
        if page.file.src_uri in self.site.unsearched_pages:
            page.meta["search"] = {"exclude": True}
        render_item = self.site.item_renderers.get(page.file.src_uri)
        if render_item:  # a page of the data's alone: what its one macro call would give, with no template
            page.meta["render_macros"] = False
            return render_item()
        return markdown

    @event_priority(-100)  # after print-site has kept the page's HTML
    def on_page_content(self, html, page, config, files):
        """What print-site keeps of each page for the handout (as page.html) is the handout's copy of it."""
        if hasattr(page, "html"):
            page.html = handout.page_for_handout(page.html)
        return html

    @event_priority(-100)  # after print-site has added its script
    def on_post_page(self, output, page, config):
        """print-site adds its script to every page, but only the handout (which print-site renders again
        after this, with the script) calls it: elsewhere it is one more request before the page settles.
        Then the page gets its Content-Security-Policy (macros/csp.py)."""
        return self._with_policy(PRINT_SITE_SCRIPT.sub("", output), config)

    def on_post_template(self, output_content, template_name, config):
        """The 404 page (a theme template, not a page) gets its policy too."""
        return self._with_policy(output_content, config) if template_name.endswith(".html") else output_content

    def _with_policy(self, html: str, config) -> str:
        """The page made valid HTML (valid_html), with its Content-Security-Policy."""
        html = valid_html.repair(html)
        if _offline_enabled(config) or self.is_serve:
            # From file:// a page has no origin for 'self' to match; `mkdocs serve` injects its live-reload
            # script inline into every page: either way the policy would block what the page needs.
            return html
        html, hashes = csp.with_policy(html)
        self.script_hashes.update(hashes)
        return html

    @event_priority(-100)  # after print-site has written the handout
    def on_post_build(self, config):
        """Make Spanish search forgive accents and typos and understand everyday words (extend Material's lunr.es),
        self-host the offline shim, and give the handout (print-site wrote it anew, after on_post_page) its policy."""
        site = Path(config.site_dir)
        for printed in [*site.glob("print_page.html"), *site.glob("print_page/index.html")]:
            html = printed.read_text(encoding="utf-8")
            if self.site:  # print-site titles its sections' links in English
                link = render.literal(self.site.playbook.info.labels.permanent_link)
                html = html.replace("title='Permanent link'", f"title='{link}'")
            printed.write_text(self._with_policy(html, config), encoding="utf-8")
        if self.script_hashes:
            (site / "_headers").write_text(csp.headers_file(self.script_hashes), encoding="utf-8")
        if _offline_enabled(config):
            if not IFRAME_WORKER.is_file():
                raise PluginError("the offline bundle needs npm's iframe-worker: run `make offline`, which installs it")
            shutil.copyfile(IFRAME_WORKER, site / IFRAME_WORKER_URL)
        lunr_es = site / "assets" / "javascripts" / "lunr" / "min" / "lunr.es.min.js"
        stock = lunr_es.read_text(encoding="utf-8").split(SEARCH_MARK)[0]  # `--dirty` keeps the last one
        cache = self._cache(config) / "search"
        words = search_data.search_script(self.site.playbook, self.say.language, cache) if self.site else ""
        lunr_es.write_text(stock + SEARCH_MARK + words + SEARCH.read_text(encoding="utf-8"), encoding="utf-8")
        if config.extra.get("playbook_app") and self.site:
            self._write_app(site, config)

    def _write_app(self, site_dir: Path, config) -> None:
        """The manifest, and the service worker that keeps the site for use with no network (macros/web_app.py)."""
        app, info = config.extra["playbook_app"], self.site.playbook.info
        shortcuts = [
            (kind.title(self.site.playbook), _url(kind.page, self.site.directory_urls))
            for kind in kinds.KINDS
            if kind.key in ("guide", "browser", "checklist") and self.site.parts[kind.key]
        ]
        (site_dir / web_app.MANIFEST).write_text(
            web_app.manifest(
                name=info.title,
                short_name=info.short_title or info.title,
                description=info.subtitle or config.site_description or info.title,
                language=self.say.language,
                colour=app["colour"],
                shortcuts=shortcuts,
            ),
            encoding="utf-8",
        )
        if not app["worker"]:
            web_app.write_service_worker_off(site_dir)
            return
        search = config.plugins.get("material/search") or config.plugins.get("search")
        languages = list((search.config.lang if search else None) or [self.say.language])
        try:
            kept = web_app.write_service_worker(site_dir, languages)
        except web_app.WebAppError as exc:
            raise PluginError(self.say.line(exc.key)) from None
        log.info(self.say.line("worker_written", count=kept.count, size=round(kept.size / 1024)))


def _template_texts(site: Site, config) -> dict:
    """What the theme's templates print from the data (escaped): the handout's cover, the 404 page, the
    interactive parts, the search's "nothing matches" panel."""
    playbook, info, labels = site.playbook, site.playbook.info, site.playbook.info.labels
    directory_urls = site.directory_urls  # not config's: the offline plugin turns it off only after this runs
    return {
        "playbook": {  # macros/templates/print_cover.tpl
            "title": render.literal(info.title),
            "subtitle": render.literal(info.subtitle or ""),
            "meta": [render.literal(f"{label}: {value}") for label, value in summary.edition_lines(playbook)],
            "print_label": render.literal(labels.print),
            "pdfs": [
                (render.literal(f"{labels.download_pdf} ({getattr(labels, 'paper_' + paper.lower())})"), f"../{path}")
                for paper, path in (site.pdfs or {}).get("handout", {}).items()
                if directory_urls
            ],
        },
        "playbook_404": {  # overrides/404.html: the ways on
            "title": render.literal(labels.not_found_title),
            "text": render.literal(labels.not_found_text),
            "links": [
                (render.literal(kind.title(playbook)), _page_url(kind.page, directory_urls))
                for kind in kinds.KINDS
                if kind.key in ("info", "guide", "browser") and site.parts[kind.key]
            ],
        },
        "playbook_interactive": render.interactive_parts(playbook),  # overrides/main.html
        "playbook_search": {  # overrides/main.html
            "hint": render.literal(labels.no_results_hint),
            "guide": render.literal(labels.no_results_guide),
            "guide_title": render.literal(labels.guide_title),
            "guide_page": _url(kinds.guide.KIND.page, directory_urls) if site.parts[kinds.guide.KIND.key] else None,
            "technique": render.literal(labels.technique),
        },
        "playbook_made_with": render.literal(labels.made_with),  # overrides/partials/copyright.html
        # overrides/main.html: what every printed page carries (title and version, page N of M), as CSS
        "playbook_paper_css": Markup(paper.running_css(_title_line(info), labels.page_of)),
        "playbook_paper_cover_css": Markup(paper.BARE_FIRST_PAGE),
        # the pages whose first printed page is a cover: the handout and each session's
        "playbook_cover_pages": [page for page in [_handout_source(config), *site.session_pages] if page],
    }


def _call(macros, site, renderer, *args):
    """Run a renderer for the page mkdocs-macros is rendering now."""
    return renderer(site, macros.page.file.src_uri, *args)


def _printed(item, excluded: list[str]) -> bool:
    """Whether print-site's handout holds something of a navigation item."""
    if item.is_section:
        return any(_printed(child, excluded) for child in item.children)
    return not (item.is_page and exclude(item.file.src_path, excluded))


def _offline_enabled(config) -> bool:
    offline = config.plugins.get("material/offline") or config.plugins.get("offline")
    return bool(offline and offline.config.enabled)


def _title_line(info) -> str:
    """The playbook's title and version, as the running header of printed pages says them."""
    return info.title + (f" · {info.labels.version} {info.version}" if info.version else "")


def _papers(setting: str | bool) -> tuple[str, ...]:
    """The plugin's `pdf` option: the paper sizes `make pdf` prints ("A4,Letter"; true: every size; empty or
    false: none)."""
    if isinstance(setting, bool):
        return PAPERS if setting else ()
    return PAPERS if setting == "true" else tuple(paper for paper in PAPERS if paper in setting.split(","))


def _handout_name(config) -> str | None:
    """print-site's name for the handout page (`print_page`); None without print-site."""
    handout = config.plugins.get("print-site")
    return handout.config.get("print_page_basename", "print_page") if handout else None


def _handout_source(config) -> str | None:
    """The handout page's source name, whose first printed page is its cover."""
    name = _handout_name(config)
    return f"{name}.md" if name else None


def _handout_url(config, directory_urls: bool) -> str | None:
    """Where print-site writes the handout, from the site's root (it is not a page MkDocs knows of)."""
    name = _handout_name(config)
    return _url(name, directory_urls) if name else None


def _page_url(page: str, directory_urls: bool) -> str:
    """Like _url, the home page being the site's root itself."""
    return "" if page == sitemap.HOME else _url(page, directory_urls)


def _url(page: str, directory_urls: bool) -> str:
    """A page's address from the site's root, for the few links MkDocs does not write itself."""
    stem = page.removesuffix(".md")
    return f"{stem}/" if directory_urls else f"{stem}.html"
