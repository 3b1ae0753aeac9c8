"""Markdown as a playbook document writes it, and YAML as the importer writes it: words (slugs, folding,
icons), blocks (a document's tokens), how a technique's block reads, and the data files' dump. The layer
under both the kinds (each reads its own sections) and the importer (which walks a document): it imports
neither."""
