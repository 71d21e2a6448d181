"""Render the README's before/after picture from a bundled example screenshot.

.venv/bin/python scripts/make_readme_image.py
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image

import redactkit

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    result = redactkit.ScreenshotRedactor().redact(
        ROOT / "examples" / "screenshots" / "mail-light.png"
    )
    pair = result.side_by_side(gap=16)
    width = 1400
    pair = pair.resize((width, round(pair.height * width / pair.width)), Image.Resampling.LANCZOS)
    out = ROOT / "docs" / "img" / "before-after.png"
    pair.save(out, optimize=True)
    print(f"wrote {out} ({out.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
