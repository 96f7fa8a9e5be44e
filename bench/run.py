"""`make bench`: build synthetic corpora end to end and report speed and size.

For each size: wall time of each stage, extraction against bare spaCy
``nlp.pipe`` over the same text (a ratio), pages, site bytes and bytes per
page, search index bytes, peak memory, the time until offline search
answers in headless Chromium, and the time to rebuild after one article
changes: in a process that keeps the model loaded (as `watch` does) and as a
new ``python -m generator build`` (each three times: the median, and every run).
Sizes: BENCH_SIZES (default 100,1000,5000); people's names: BENCH_NAMES, "pool"
(400 people, the default) or "many" (thousands; see bench/corpus.py).
"""
from __future__ import annotations

import json
import os
import platform
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def run_size(size: int, names: str = "pool") -> dict:
    """Build one corpus in a child process; peak memory is the child's."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    out = OUT / (str(size) if names == "pool" else f"{size}-{names}")
    result = subprocess.run([sys.executable, str(ROOT / "bench" / "one.py"), str(size), str(out), names],
                            capture_output=True, text=True, cwd=ROOT)
    if result.returncode != 0:
        raise SystemExit(f"benchmark at {size} articles failed:\n{result.stderr[-3000:]}")
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    figures["peak_memory_mb"] = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
    return figures


def table(rows: list[dict]) -> str:
    keys = ["articles", "names", "pages", "seconds_total", "seconds_per_page", "site_bytes", "bytes_per_page",
            "search_index_bytes", "peak_memory_mb", "extract_vs_bare_spacy", "offline_search_seconds",
            "offline_search_harness_seconds", "rebuild_seconds", "rebuild_share", "rebuild_command_seconds",
            "rebuild_command_share"]
    lines = [" | ".join(keys), " | ".join("---" for _ in keys)]
    for row in rows:
        lines.append(" | ".join(_fmt(row.get(k)) for k in keys))
    lines += ["", "rebuild runs, in-process and command (s):"]
    for row in rows:
        lines.append(f"{row['articles']}: " + "; ".join(", ".join(f"{t:.2f}" for t in row.get(f"{name}_runs", []))
                                                     for name in ("rebuild", "rebuild_command")))
    stages = sorted({s for row in rows for s in row["stages"]})
    lines += ["", "stage seconds: " + ", ".join(stages)]
    for row in rows:
        lines.append(f"{row['articles']}: " + ", ".join(f"{row['stages'].get(s, 0):.1f}" for s in stages))
    return "\n".join(lines)


def _fmt(value) -> str:
    if isinstance(value, float):
        return f"{value:.3g}" if value < 100 else f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def main() -> None:
    sizes = [int(s) for s in os.environ.get("BENCH_SIZES", "100,1000,5000").split(",")]
    names = os.environ.get("BENCH_NAMES", "pool")
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}", flush=True)
    rows = []
    for size in sizes:
        print(f"building {size} articles…", file=sys.stderr, flush=True)
        rows.append(run_size(size, names))
        print(table(rows[-1:]), flush=True)
    print("\n" + table(rows))


if __name__ == "__main__":
    main()
