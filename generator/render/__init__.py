"""Render the Graph into Markdown pages for MkDocs Material."""
from __future__ import annotations

from generator.render.pages import Written, environment, remove_stale, render_pages, write_and_hash_pages, write_pages

__all__ = ["environment", "render_pages", "write_pages", "write_and_hash_pages", "Written", "remove_stale"]
