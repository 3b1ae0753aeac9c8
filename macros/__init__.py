"""Playbook site generator: data/ (YAML) → validated models → Markdown for MkDocs-Material.

Each kind of content is one module of `kinds/`, listed once in `kinds.KINDS`. The core (models,
loader, messages, render, sitemap, site, kinds, importer) imports nothing from MkDocs; `plugin.py` is
the only adapter, and `python -m macros check` validates data/ without building.
"""
