"""A compact lexicon of real-world given names and surnames, looked up in bulk.

The data (``redactkit/data/names.npz``, built by ``scripts/build_name_lexicon.py`` from
names-dataset, Apache-2.0, see NOTICE) is ~466k casefolded names from 105 countries, each with
a code byte: given-name and surname strength (0-3, from the name's best popularity rank in
any country) and whether the word is also a common English word ("Will", "May", "Grant",
"Page"). In memory it is one sorted array of 64-bit FNV-1a hashes and the code array, ~4 MB;
a batch of words is hashed with the same vectorized function and found with ``searchsorted``.
A hash collision can only make an unknown word look like a name, which the callers never take
as evidence alone.
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np

_OFFSET = np.uint64(0xCBF29CE484222325)
_PRIME = np.uint64(0x100000001B3)
_MAX_BYTES = 24
COMMON = 16


def _hash_lines(blob: np.ndarray, chunk: int = 1 << 15) -> np.ndarray:
    """FNV-1a of each newline-separated line of ``blob`` (uint8), a column of bytes at a time
    over chunks of lines, so that no (lines x bytes) matrix is built and the temporaries stay
    small. Lines longer than ``_MAX_BYTES`` hash their first ``_MAX_BYTES`` bytes (the lexicon
    holds none)."""
    ends = np.flatnonzero(blob == 10)
    ends = np.append(ends, len(blob)).astype(np.int64)
    starts = np.concatenate(([0], ends[:-1] + 1))
    lengths = ends - starts
    del ends
    padded = np.append(blob, np.zeros(_MAX_BYTES, dtype=np.uint8))
    out = np.empty(len(starts), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for lo in range(0, len(starts), chunk):
            s, n = starts[lo : lo + chunk], lengths[lo : lo + chunk]
            h = np.full(len(s), _OFFSET, dtype=np.uint64)
            for j in range(min(_MAX_BYTES, int(n.max(initial=0)))):
                mixed = (h ^ padded[s + j]) * _PRIME
                np.copyto(h, mixed, where=n > j)
            out[lo : lo + chunk] = h
    return out


def key(word: str) -> str:
    """The lexicon's form of a word: NFC, casefolded, curly apostrophes straightened."""
    return unicodedata.normalize("NFC", word).replace("’", "'").casefold()


@dataclass(frozen=True)
class Lexicon:
    hashes: np.ndarray  # sorted uint64
    codes: np.ndarray  # uint8, aligned with hashes

    def lookup(self, words: Sequence[str]) -> np.ndarray:
        """Code byte of each word (0 when it is no name), in one vectorized pass."""
        if not words:
            return np.zeros(0, dtype=np.uint8)
        blob = np.frombuffer("\n".join(map(key, words)).encode(), dtype=np.uint8)
        h = _hash_lines(blob)
        idx = np.searchsorted(self.hashes, h)
        idx = np.minimum(idx, len(self.hashes) - 1)
        found = self.hashes[idx] == h
        return np.where(found, self.codes[idx], 0).astype(np.uint8)

    @property
    def nbytes(self) -> int:
        return self.hashes.nbytes + self.codes.nbytes


#: Codes of words looked up one or a few at a time (the evidence tests and the document-level
#: steps ask about the same few words again and again; a batch pays a fixed cost per call).
_CODES: dict[str, int] = {}
_CODES_MAX = 1 << 16


def codes(words: Sequence[str]) -> list[int]:
    """Code byte of each word, like ``lexicon().lookup`` but remembered per word (safe to
    call from several threads: a cleared memo only costs a new lookup)."""
    out = [_CODES.get(w, -1) for w in words]
    todo = list(dict.fromkeys(w for w, c in zip(words, out, strict=True) if c < 0))
    if todo:
        got = dict(zip(todo, lexicon().lookup(todo).tolist(), strict=True))
        if len(_CODES) > _CODES_MAX:
            _CODES.clear()
        _CODES.update(got)
        out = [got[w] if c < 0 else c for w, c in zip(words, out, strict=True)]
    return out


_LOCK = threading.Lock()
_LEXICON: Lexicon | None = None


def lexicon() -> Lexicon:
    """The process-wide lexicon, loaded on first use (~0.2 s)."""
    global _LEXICON
    if _LEXICON is None:
        with _LOCK:
            if _LEXICON is None:
                ref = resources.files("redactkit") / "data" / "names.npz"
                with resources.as_file(ref) as path, np.load(path) as data:
                    blob, codes = data["words"], data["codes"]
                hashes = _hash_lines(blob)
                order = np.argsort(hashes, kind="stable")
                _LEXICON = Lexicon(hashes[order], codes[order])
    return _LEXICON


def given(code: int) -> int:
    return code & 3


def surname(code: int) -> int:
    return (code >> 2) & 3


def strength(code: int) -> int:
    return max(code & 3, (code >> 2) & 3)


def common(code: int) -> bool:
    return bool(code & COMMON)
