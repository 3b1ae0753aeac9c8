"""A Markdown extension: the HTML our templates finish goes to the page as it is, never parsed again.

Python-Markdown finds raw HTML by running an HTML parser over every block that starts with a tag, to learn
where the block ends. Our generated pages are mostly such HTML (at 100× the playbook's size, 114 000 tags),
so that parse was the largest cost of a build beyond plain Markdown. The templates mark each block they
finished (START … END; see components.html), and this preprocessor stores each marked block in the
document's own htmlStash, as the raw-HTML preprocessor would, before that preprocessor runs. Headings stay
Markdown, for the table of contents and the permalinks.

Text from data can't forge a marker: every `<` in it reaches the page as an entity (render.literal). A
marker left unclosed leaves the rest of the page to the usual raw-HTML path."""

from __future__ import annotations

import re

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

START = "<!--pb-html-->"
END = "<!--/pb-html-->"
MARKER = re.compile(f"({re.escape(START)}|{re.escape(END)})")


class FinishedHtml(Preprocessor):
    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines)
        if START not in text:
            return lines
        return self.stash_marked(text).split("\n")

    def stash_marked(self, text: str) -> str:
        """Each outermost marked region becomes a stash placeholder in a block of its own."""
        out: list[str] = []
        region: list[str] = []
        depth = 0
        for piece in MARKER.split(text):
            if piece == START:
                depth += 1
            elif piece == END and depth:
                depth -= 1
                if not depth:
                    out.append(f"\n\n{self.md.htmlStash.store(''.join(region).strip())}\n\n")
                    region = []
            elif depth:
                region.append(piece)
            elif piece != END:
                out.append(piece)
        if depth:  # unclosed: the raw-HTML preprocessor finds its end, as it would without markers
            out.append("".join(region))
        return "".join(out)


class FinishedHtmlExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's name)
        # After normalize_whitespace (30), before the raw-HTML preprocessor (20).
        md.preprocessors.register(FinishedHtml(md), "pb_finished_html", 25)


def makeExtension(**kwargs: object) -> FinishedHtmlExtension:  # noqa: N802 (Python-Markdown's entry point)
    return FinishedHtmlExtension(**kwargs)
