"""Finished HTML (macros/html_blocks.py) reaches the page as written, and the Markdown around it stays Markdown."""

from __future__ import annotations

import markdown

from macros.html_blocks import END, START


def convert(text: str) -> str:
    return markdown.markdown(text, extensions=["macros.html_blocks", "toc"])


def test_finished_html_is_kept_as_written_between_markdown():
    block = '<div class="pb-x">\n\n<p>*not emphasis*</p>\n\n<span>[not a link](x)</span>\n</div>'
    html = convert(f"## Title\n\n{START}\n{block}\n{END}\n\n*emphasis*\n")  # a mark on a line of its own too
    assert html == f'<h2 id="title">Title</h2>\n{block}\n<p><em>emphasis</em></p>'  # no <p> around the block


def test_nested_marks_make_one_block():
    inner = f'{START}<ul class="pb-list">\n<li>a</li>\n</ul>\n{END}'
    html = convert(f'{START}<div class="pb-technique">\n{inner}</div>{END}\n')
    assert html == '<div class="pb-technique">\n<ul class="pb-list">\n<li>a</li>\n</ul>\n</div>'


def test_an_unclosed_mark_loses_nothing():
    html = convert(f"Intro\n\n{START}<div>\n<p>kept</p>\n</div>\n\nAfter *this*\n")
    assert "<p>kept</p>" in html and "<em>this</em>" in html and "Intro" in html


def test_what_follows_a_nested_block_inside_a_finished_one_stays_as_written():
    inner = f"{START}<ul>\n<li>a</li>\n</ul>\n{END}"
    html = convert(f"{START}<div>\n{inner}\n*sin énfasis*\n</div>{END}\n")  # a line of text, not a tag
    assert "*sin énfasis*" in html and "<em>" not in html


def test_two_finished_blocks_with_markdown_between_are_each_kept():
    html = convert(f"{START}<div>*uno*</div>{END}\n\nEntre *ellos*\n\n{START}<div>*dos*</div>{END}\n")
    assert html == "<div>*uno*</div>\n<p>Entre <em>ellos</em></p>\n<div>*dos*</div>"


def test_an_unclosed_mark_around_a_closed_one_loses_nothing_and_adds_nothing():
    html = convert(f"{START}<div>\n{START}<p>dentro</p>{END}\n<p>kept</p>\n</div>\n\nAfter\n")
    assert html.count("<p>dentro</p>") == 1 and "<p>kept</p>" in html and "After" in html
    text = html.replace("<p>dentro</p>", "").replace("<p>kept</p>", "").replace("<div>", "").replace("</div>", "")
    assert text.split() == ["<p>After</p>"], html  # nothing else: no marker, nothing joined in
