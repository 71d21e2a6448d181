"""Build ``redactkit/data/names.npz``: a compact name lexicon derived from ``names-dataset``.

    pip install names-dataset            # build time only; the library never imports it
    apt-get install wamerican            # /usr/share/dict/american-english, build time only
    python scripts/build_name_lexicon.py

names-dataset (Philippe Remy, Apache-2.0; https://github.com/philipperemy/name-dataset) holds
~730k given names and ~980k surnames from 105 countries with each name's popularity rank per
country, in 3 GB of Python dicts once loaded. Kept here: single-word names whose best rank in
some country is at most ``MAX_RANK`` (enough people bear them that the row is no noise of
the source), casefolded, with one code byte each:

* bits 0-1: given-name strength (0 absent, 1 rank <= 5000, 2 <= 1000, 3 <= 200),
* bits 2-3: surname strength, the same scale,
* bit 4: the word is a common English word (its lower-case form is an entry of the wamerican
  dictionary: "will", "may", "grant", "page", "rose", and "notebook", "station" with no name
  bits), so a capital letter alone is no evidence.

Stored as one newline-separated UTF-8 blob and the code array (``numpy.savez_compressed``),
sorted by word; ``redactkit.detect.names`` hashes the blob once at load (vectorized FNV-1a) and
looks words up with ``searchsorted``.
"""

from __future__ import annotations

import argparse
import gzip
import pickle
import sys
import unicodedata
from pathlib import Path

import numpy as np

MAX_RANK = 5000
TIERS = ((200, 3), (1000, 2), (MAX_RANK, 1))
MAX_BYTES = 24
COMMON = 16
DICT = Path("/usr/share/dict/american-english")


def _tier(info: dict) -> int:
    ranks = [r for r in info.get("rank", {}).values() if r]
    best = min(ranks) if ranks else None
    if best is None:
        return 0
    return next((t for limit, t in TIERS if best <= limit), 0)


def _key(name: str) -> str | None:
    key = unicodedata.normalize("NFC", name).casefold()
    if not key.replace("'", "").replace("-", "").isalpha() or not 2 <= len(key):
        return None
    return key if len(key.encode()) <= MAX_BYTES else None


def build(out: Path) -> dict[str, int]:
    import names_dataset

    base = Path(names_dataset.__file__).parent / "v3"
    codes: dict[str, int] = {}
    for shift, fname in ((0, "first_names.pkl.gz"), (2, "last_names.pkl.gz")):
        with gzip.open(base / fname, "rb") as f:
            table = pickle.load(f)
        for name, info in table.items():
            tier = _tier(info)
            key = _key(name) if tier else None
            if key is None:
                continue
            old = codes.get(key, 0)
            if tier > (old >> shift) & 3:
                codes[key] = (old & ~(3 << shift)) | (tier << shift)
        del table
    for word in DICT.read_text().split():
        if word.islower() and "'" not in word and (key := _key(word)) is not None:
            codes[key] = codes.get(key, 0) | COMMON
    words = sorted(codes)
    blob = np.frombuffer("\n".join(words).encode(), dtype=np.uint8)
    code = np.fromiter((codes[w] for w in words), dtype=np.uint8, count=len(words))
    np.savez_compressed(out, words=blob, codes=code)
    return codes


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, default=Path("redactkit/data/names.npz"))
    args = ap.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    codes = build(args.out)
    n_common = sum(1 for c in codes.values() if c & COMMON)
    n_names = sum(1 for c in codes.values() if c & 15)
    print(
        f"{n_names} names, {n_common} common English words, {len(codes)} entries, "
        f"{args.out.stat().st_size / 1e6:.1f} MB -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
