"""Markdown playbook (in the shape of the seed document) → the YAML files of data/, in our schema.

Split by role: `source` decodes and repairs the bytes, `words` makes ids and titles, `blocks` cuts the
text into blocks, `document` reads the skeleton (title, sections, footer) and asks each kind of content
(macros/kinds/) to read its sections, `techniques` reads what support types and optimisation share,
`dump` writes YAML laid out like the hand-written files, `write` installs them, `cli` is the command line.

`import_markdown` is pure: text or bytes in, file texts and a report out (nothing written, no MkDocs).
Nothing is dropped silently: every line the importer does not recognise is reported with its line
number and kept in OUT/unmapped.yml (next to OUT/data/, since the loader rejects unknown data files).

This module imports nothing itself: the build imports the kinds, which use the light parts (words,
blocks, techniques); decoding (ftfy) loads only for an import.
"""
