"""The site stage: MkDocs + Material build, offline bundle, internal link check."""
from __future__ import annotations

from generator.site.build import build_site
from generator.site.bundle import build_offline_bundle
from generator.site.links import check_links

__all__ = ["build_site", "build_offline_bundle", "check_links"]
