"""Measure the credential detectors per format and write ``docs/credentials.md``.

    python -m benchmarks.credential_quality              # new random seed, recorded in the doc
    python -m benchmarks.credential_quality --seed 7 --n 20

For every format in ``corpora.credentials.FORMATS``: recall on fresh instances in every
surrounding (found with the right entity type and the whole secret covered), recall in OCR mode
with one confused character and with the token split by a space; then the false-positive rate on
near-misses and on an ordinary corpus (prose, logs, code, configs with UUIDs, SHAs, hashes,
versions), and the throughput of ``find_credentials``. The whole document is generated.
"""

from __future__ import annotations

import argparse
import platform
import random
import sys
import sysconfig
import time
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpora.credential_corpus import near_misses, ordinary_text
from corpora.credentials import FORMATS, Format, embed
from redactkit.detect.credential_rules import RULES, RULES_BY_ID
from redactkit.detect.credentials import CREDENTIAL_TYPES, find_credentials

SWAP = {"O": "0", "0": "O", "l": "1", "1": "l", "I": "l", "S": "5", "5": "S", "B": "8", "8": "B"}
DOC = Path(__file__).resolve().parent.parent / "docs" / "credentials.md"


@dataclass
class Tally:
    hits: int = 0
    total: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, ok: bool, example: str = "") -> None:
        self.total += 1
        self.hits += ok
        if not ok and len(self.misses) < 2:
            self.misses.append(example)

    def rate(self) -> str:
        return f"{self.hits}/{self.total}" if self.total else "-"


def _covers(findings, start: int, end: int, entity: str | None = None) -> bool:
    return any(
        f.start <= start and end <= f.end and entity in (None, f.entity_type) for f in findings
    )


def _prefix_len(fid: str) -> int:
    rule = RULES_BY_ID.get(fid)
    return max((len(p) for p in rule.prefixes), default=0) if rule else 0


def measure_format(fmt: Format, rng: random.Random, n: int) -> dict[str, Tally]:
    clean, conf, split = Tally(), Tally(), Tally()
    plen = _prefix_len(fmt.rule_id)
    for surrounding in fmt.surroundings:
        for _ in range(n):
            inst = fmt.make(rng)
            text, s, e = embed(fmt, inst, surrounding, rng)
            clean.add(_covers(find_credentials(text), s, e, fmt.entity), surrounding)
            spots = [i for i in range(s + plen, e) if text[i] in SWAP]
            if spots:
                i = rng.choice(spots)
                confused = text[:i] + SWAP[text[i]] + text[i + 1 :]
                conf.add(_covers(find_credentials(confused, ocr=True), s, e), surrounding)
            if "\n" not in inst.text and e - s >= plen + 12 and not fmt.keys:
                cut = rng.randint(s + plen + 4, e - 4)
                broken = text[:cut] + " " + text[cut:]
                split.add(_covers(find_credentials(broken, ocr=True), s, e + 1), surrounding)
    return {"clean": clean, "ocr_confused": conf, "ocr_split": split}


def measure_false_positives(rng: random.Random, rounds: int, corpus_chars: int) -> dict[str, float]:
    nm_total = nm_bad = 0
    for _ in range(rounds):
        for text in near_misses(rng):
            nm_total += 1
            nm_bad += bool(find_credentials(text))
    corpus = ordinary_text(rng, corpus_chars)
    clean = find_credentials(corpus)
    ocr = find_credentials(corpus, ocr=True)
    return {
        "near_miss_total": nm_total,
        "near_miss_fp": nm_bad,
        "corpus_chars": len(corpus),
        "corpus_fp": len(clean),
        "corpus_fp_ocr": len(ocr),
    }


def scan_real_files(root: Path, limit_chars: int) -> dict:
    """Findings in real source and documentation nobody tuned on (default: the stdlib).

    There are almost no real secrets in such files, so findings are an upper bound on false
    positives per megabyte (test fixtures with fake keys count against us).
    """
    chars, by_rule = 0, {}
    exts = {".py", ".md", ".txt", ".rst", ".cfg", ".ini", ".json", ".toml", ".yaml", ".yml"}
    for path in sorted(p for p in root.rglob("*") if p.suffix in exts and p.is_file()):
        try:
            text = path.read_text("utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        for f in find_credentials(text):
            by_rule[f.detector] = by_rule.get(f.detector, 0) + 1
        chars += len(text)
        if chars >= limit_chars:
            break
    return {"root": str(root), "chars": chars, "by_rule": by_rule}


def throughput(text: str, *, ocr: bool = False, repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.perf_counter()
        find_credentials(text, ocr=ocr)
        best = min(best, time.perf_counter() - t)
    return len(text) / best


def _with_secrets(rng: random.Random, chars: int, every: int) -> str:
    """Ordinary text with a generated credential every ``every`` characters."""
    parts, size = [], 0
    fmts = list(FORMATS.values())
    while size < chars:
        piece = ordinary_text(rng, every)
        fmt = rng.choice(fmts)
        text, _, _ = embed(fmt, fmt.make(rng), rng.choice(fmt.surroundings), rng)
        parts += [piece, "\n", text, "\n"]
        size += len(piece) + len(text) + 2
    return "".join(parts)


def render(
    seed: int, n: int, per_format: dict[str, dict[str, Tally]], fp: dict, speed: dict, real: dict
) -> str:
    cmd = f"python -m benchmarks.credential_quality --seed {seed} --n {n}"
    total = {k: [0, 0] for k in ("clean", "ocr_confused", "ocr_split")}
    for tallies in per_format.values():
        for k, t in tallies.items():
            total[k][0] += t.hits
            total[k][1] += t.total
    pct = {k: (100 * h / t if t else 0.0) for k, (h, t) in total.items()}
    lines = [
        "# Credential detection quality",
        "",
        f"Generated by `{cmd}` on {platform.python_implementation()} {platform.python_version()}"
        f" ({time.strftime('%Y-%m-%d')}). Do not edit by hand: rerun the command.",
        "",
        f"{len(RULES)} rules, {len(FORMATS)} generated formats, {len(CREDENTIAL_TYPES)} entity types"
        " (plus the family type `CREDENTIAL` for policies). Every instance is freshly random, with"
        " checksums computed; recall counts a hit only with the right entity type and the whole"
        " secret covered. OCR columns: one confusable character (O/0, l/1, I/l, S/5, B/8) swapped"
        " after the prefix, or the token split by one space (only formats without a key name).",
        "",
        "## Summary",
        "",
        "| measure | value |",
        "| --- | --- |",
        f"| recall, clean text | {total['clean'][0]}/{total['clean'][1]} ({pct['clean']:.1f}%) |",
        f"| recall, OCR one confused char | {total['ocr_confused'][0]}/{total['ocr_confused'][1]} ({pct['ocr_confused']:.1f}%) |",
        f"| recall, OCR split by a space | {total['ocr_split'][0]}/{total['ocr_split'][1]} ({pct['ocr_split']:.1f}%) |",
        f"| near-misses with a finding | {fp['near_miss_fp']}/{fp['near_miss_total']} |",
        f"| findings in {fp['corpus_chars']:,} chars of ordinary text | {fp['corpus_fp']} (OCR mode: {fp['corpus_fp_ocr']}) |",
        f"| findings in {real['chars']:,} chars of real files (`{real['root']}`) | {sum(real['by_rule'].values())}"
        f" ({', '.join(f'{k}: {v}' for k, v in sorted(real['by_rule'].items())) or 'none'}) |",
        f"| throughput, ordinary text | {speed['ordinary']:,.0f} chars/s |",
        f"| throughput, ordinary text, OCR mode | {speed['ordinary_ocr']:,.0f} chars/s |",
        f"| throughput, one secret per 2 kB | {speed['dense']:,.0f} chars/s |",
        "",
        "## Per format",
        "",
        "| format (rule id) | entity | surroundings | recall | OCR confused | OCR split | missed in |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]  # fmt: skip
    for fid, t in sorted(per_format.items()):
        fmt = FORMATS[fid]
        missed = ", ".join(
            sorted(set(t["clean"].misses + t["ocr_confused"].misses + t["ocr_split"].misses))
        )
        lines.append(
            f"| `{fid}` | `{fmt.entity}` | {len(fmt.surroundings)} | {t['clean'].rate()} |"
            f" {t['ocr_confused'].rate()} | {t['ocr_split'].rate()} | {missed} |"
        )
    lines += [
        "",
        "Near-misses (all must give no finding) include documentation placeholders"
        " (`AKIAIOSFODNN7EXAMPLE`, `your-api-key-here`, `xxxx`, `<token>`, `${VAR}`, `{{ var }}`,"
        " `changeme`), git SHAs, UUIDs, lockfile integrity hashes, image digests, version strings,"
        " base64 image data, identifiers and prose around the words"
        " password, token and secret. See `corpora/credential_corpus.py`.",
        "",
    ]
    return "\n".join(lines)


def _kept_section(doc: Path) -> str:
    """The scanner-suites section (written by ``benchmarks.scanner_suites``), kept as it is."""
    from benchmarks.scanner_suites import BEGIN, END

    old = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if BEGIN not in old or END not in old:
        return ""
    return "\n" + BEGIN + old.split(BEGIN, 1)[1].split(END, 1)[0] + END + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--seed", type=int, default=None)
    ap.add_argument("--n", type=int, default=10, help="instances per format and surrounding")
    ap.add_argument("--corpus-kb", type=int, default=500)
    ap.add_argument("--out", type=Path, default=DOC)
    ap.add_argument("--real", type=Path, default=Path(sysconfig.get_paths()["stdlib"]))
    ap.add_argument("--real-mb", type=int, default=10)
    args = ap.parse_args(argv)
    seed = args.seed if args.seed is not None else random.randrange(2**31)
    rng = random.Random(seed)
    per_format = {fid: measure_format(fmt, rng, args.n) for fid, fmt in FORMATS.items()}
    fp = measure_false_positives(rng, rounds=20, corpus_chars=args.corpus_kb * 1000)
    ordinary = ordinary_text(rng, 1_000_000)
    speed = {
        "ordinary": throughput(ordinary),
        "ordinary_ocr": throughput(ordinary[:300_000], ocr=True),
        "dense": throughput(_with_secrets(rng, 500_000, 2000)),
    }
    real = scan_real_files(args.real, args.real_mb * 1_000_000)
    doc = render(seed, args.n, per_format, fp, speed, real)
    doc += _kept_section(args.out)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = args.out.with_suffix(".tmp")
    tmp.write_text(doc, encoding="utf-8")
    tmp.replace(args.out)
    print(doc.split("## Per format")[0])
    print(f"find_credentials throughput: {speed['ordinary']:,.0f} chars/s (ordinary text)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
