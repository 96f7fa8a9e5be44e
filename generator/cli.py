"""Command line: a thin layer over ``generator.pipeline``."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import pipeline
from generator.ingest import IngestError
from generator.settings import DEFAULT_MODEL, Settings

PROJECT = Path(__file__).resolve().parent.parent


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description=__doc__)
    commands = p.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="articles → pages → site/ and dist/offline.zip")
    watch = commands.add_parser("watch", help="build, then rebuild whenever seeds/, mkdocs.yml or overrides/ change")
    watch.add_argument("--interval", type=float, default=1.0, help="seconds between looks for changes (default: 1)")
    extract = commands.add_parser("extract", help="extraction only: write the graph export")
    extract.add_argument("--seeds", type=Path, required=True, help="folder of articles")
    extract.add_argument("--json", type=Path, required=True, help="where to write graph.json")
    for sub in (build, watch):
        sub.add_argument("--seeds", type=Path, default=PROJECT / "seeds", help="folder of articles (default: seeds/)")
        sub.add_argument("--out", type=Path, default=None, help="put everything generated under this folder")
    for sub in (build, watch, extract):
        sub.add_argument("--model", default=None, help=f"spaCy model package or path (default: {DEFAULT_MODEL})")
        sub.add_argument("--jobs", type=int, default=None, help="worker processes for extraction (default: all cores)")
        sub.add_argument("--no-cache", action="store_true", help="re-extract every article and rebuild every page")
    return p


def settings_from(args: argparse.Namespace) -> Settings:
    settings = Settings(seeds=args.seeds, out=getattr(args, "out", None), project=PROJECT)
    if args.model:
        settings.model = args.model
    if args.jobs is not None:
        if args.jobs < 1:
            raise SystemExit("error: --jobs must be 1 or more")
        settings.jobs = args.jobs
    settings.cache = not args.no_cache
    return settings


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    settings = settings_from(args)
    try:
        if args.command == "build":
            pipeline.build(settings)
        elif args.command == "watch":
            return _watch(settings, args.interval)
        else:
            pipeline.extract_only(settings, args.json)
    except (IngestError, RuntimeError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0


def _watch(settings: Settings, interval: float) -> int:
    from generator.watch import watch

    if interval <= 0:
        raise SystemExit("error: --interval must be more than 0")
    try:
        watch(settings, interval=interval)
    except KeyboardInterrupt:
        print("watch: stopped", file=sys.stderr)
    return 0
