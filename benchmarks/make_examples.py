"""Render the example screenshots bundled for the README demo, with their ground truth.

    python benchmarks/make_examples.py            # writes examples/screenshots/*.png + labels.json

Fixed seeds, so re-running reproduces the same files. Every value shown is random and fake.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

from PIL import Image

if __package__ in (None, ""):  # run as a script: make `corpora` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora.screens import render_screen

# (file stem, kind, theme, scale, size, font)
EXAMPLES = [
    ("mail-light", "email", "light", 1, (1280, 800), "Liberation Sans"),
    ("terminal-dark", "terminal", "dark", 1, (1280, 800), "DejaVu Sans Mono"),
    ("settings-env", "settings", "light", 1, (1280, 800), None),
    ("crm-dark", "crm", "dark", 1, (1280, 800), "DejaVu Sans"),
    ("chat-hidpi", "chat", "light", 2, (1600, 1000), None),
    ("spreadsheet", "spreadsheet", "light", 1, (1280, 800), "Liberation Sans"),
    ("editor-dark", "editor", "dark", 1, (1280, 800), "Noto Mono"),
]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default="examples/screenshots")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    labels = {}
    for seed, (stem, kind, theme, scale, size, font) in enumerate(EXAMPLES):
        screen = render_screen(random.Random(4000 + seed), kind, theme, scale, size, font)
        path = out / f"{stem}.png"
        Image.fromarray(screen.image).save(path, optimize=True)
        labels[path.name] = {
            "kind": kind,
            "theme": theme,
            "scale": scale,
            "size": list(size),
            "fonts": list(screen.fonts),
            "secrets": [
                {
                    "value": s.value,
                    "entity_type": s.entity_type,
                    "boxes": [list(b) for b in s.boxes],
                }
                for s in screen.secrets
            ],
        }
        print(f"{path}  {path.stat().st_size // 1024} KB  {len(screen.secrets)} sensitive values")
    (out / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
