"""Playbook site generator: data/ (YAML) → validated models → Markdown for MkDocs-Material.

The core (models, loader, messages, render, sitemap) imports nothing from MkDocs; `hook.py` is the
only adapter, and `python -m macros check` validates data/ without building.
"""
