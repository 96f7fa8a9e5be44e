"""A small co-occurrence network as inline SVG: deterministic circle layout, no script."""
from __future__ import annotations

import math

from generator.render.filters import Safe, md_escape, truncate

SIZE = 320
RADIUS = 115
NODE = 6


def _point(index: int, count: int) -> tuple[float, float]:
    angle = -math.pi / 2 + 2 * math.pi * index / max(count, 1)
    centre = SIZE / 2
    return round(centre + RADIUS * math.cos(angle), 1), round(centre + RADIUS * math.sin(angle), 1)


def _anchor(x: float) -> str:
    if abs(x - SIZE / 2) < 1:
        return "middle"
    return "start" if x > SIZE / 2 else "end"


def network_svg(centre: str, neighbours: list[tuple[str, int]], title: str = "Actors appearing together") -> Safe:
    """Inline SVG (inside a raw HTML div) of ``centre`` linked to ``(name, weight)`` neighbours."""
    if not neighbours:
        return Safe("")
    heaviest = max(weight for _, weight in neighbours) or 1
    c = SIZE / 2
    parts = [
        '<div class="actor-network" markdown="0">',
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="-60 0 {SIZE + 120} {SIZE}" width="100%" '
        f'style="max-width:{SIZE + 120}px;color:var(--md-default-fg-color, currentColor)" role="img" '
        f'aria-label="{md_escape(title, raw_html=True)}">',
        f"<title>{md_escape(title, raw_html=True)}</title>",
    ]
    for index, (_, weight) in enumerate(neighbours):
        x, y = _point(index, len(neighbours))
        width = round(1 + 3 * weight / heaviest, 1)
        parts.append(f'<line x1="{c}" y1="{c}" x2="{x}" y2="{y}" stroke="currentColor" '
                     f'stroke-opacity="0.45" stroke-width="{width}"/>')
    for index, (name, weight) in enumerate(neighbours):
        x, y = _point(index, len(neighbours))
        label = md_escape(truncate(name, 28), raw_html=True)
        dx = 0 if _anchor(x) == "middle" else (9 if _anchor(x) == "start" else -9)
        dy = -10 if _anchor(x) == "middle" and y < c else (16 if _anchor(x) == "middle" else 4)
        parts.append(f'<circle cx="{x}" cy="{y}" r="{NODE}" fill="currentColor" fill-opacity="0.6"/>')
        parts.append(f'<text x="{round(x + dx, 1)}" y="{round(y + dy, 1)}" font-size="11" '
                     f'text-anchor="{_anchor(x)}" fill="currentColor">{label} ({weight})</text>')
    parts.append(f'<circle cx="{c}" cy="{c}" r="{NODE + 3}" fill="var(--md-accent-fg-color, currentColor)"/>')
    parts.append(f'<text x="{c}" y="{c + 24}" font-size="12" font-weight="bold" text-anchor="middle" '
                 f'fill="currentColor">{md_escape(truncate(centre, 32), raw_html=True)}</text>')
    parts.append("</svg></div>")
    return Safe("".join(parts))
