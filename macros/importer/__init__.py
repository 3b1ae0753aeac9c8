"""A Markdown document (shaped like the seed or not) → the YAML files of data/, in our schema.

Split by role: `source` decodes and repairs the bytes, `words` makes ids and titles, `blocks` cuts the
text into blocks, `document` reads the skeleton (title, sections, footer) and asks each kind of content
(macros/kinds/) to read its sections, `techniques` reads what support types and optimisation share,
`dump` writes YAML laid out like the hand-written files, `accounting` counts where each source line went,
`write` installs them, `cli` is the command line.

`import_markdown` is pure: text or bytes in, file texts, warnings and a report out (nothing written, no
MkDocs). Only a file that is not text stops it. What a kind cannot read goes, as written, to a free page
(data/pages/), so every line reaches the site; the report's line count proves it, and a line that reached
neither the data nor a page is warned about (a block too long for a page is kept in OUT/unmapped.yml).
Every message comes from macros/locales/<language>/importer.yml.

This module imports nothing itself: the build imports the kinds, which use the light parts (words,
blocks, techniques); decoding (ftfy) loads only for an import.
"""
