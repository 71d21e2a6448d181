"""Public-data text benchmark: data nobody on this project wrote, redactkit beside plain Presidio.

    python -m benchmarks.public_text                                  # generator part
    python -m benchmarks.public_text --presidio-repo /path/to/presidio  # + Presidio's test cases
    python -m benchmarks.public_text --presidio-repo DIR --out docs/quality.md

Two sources, both read at run time and committed nowhere:

* **presidio-evaluator** (PyPI): Microsoft's sentence templates filled by Faker, the data set
  Presidio is evaluated on. ``PresidioSentenceFaker("en_US", lower_case_ratio=r)`` for each
  ratio and seed; every labelled span of a core type is scored (leaked if any of its letters or
  digits is readable in the output), and every character outside *any* labelled span that was
  masked counts as over-redaction.
* **Presidio's own recognizer tests** (a fetched copy of microsoft/presidio): the parametrized
  ``(text, expected spans)`` cases of ``presidio-analyzer/tests/test_*_recognizer.py`` for the
  core types, read with ``ast`` (never imported). Expected spans are scored like labels; cases
  that expect nothing are negatives, scored for characters masked.

Both redactors run in the same process on the same texts: redactkit as a user calls it
(``TextRedactor().redact``) and Presidio as a user starts (``AnalyzerEngine`` with its default
English recognizers on the same spaCy model, every result masked by ``AnonymizerEngine``).
"""

from __future__ import annotations

import argparse
import ast
import contextlib
import io
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_text import make_runner
from benchmarks.scoring import Quality, replace_section, score_corpus
from corpora.text import Doc, Label

BEGIN, END = "<!-- quality:public:begin -->", "<!-- quality:public:end -->"
OURS, THEIRS = "redactkit", "presidio"

#: Core personal data, by the type names the two sources use -> the row it is reported in.
CORE_GROUPS: dict[str, str] = {
    "PERSON": "person",
    "STREET_ADDRESS": "street address",
    "CREDIT_CARD": "credit card",
    "PHONE_NUMBER": "phone",
    "EMAIL_ADDRESS": "e-mail",
    "IBAN_CODE": "IBAN",
    "IP_ADDRESS": "IP address",
    "US_SSN": "national id",
    "US_DRIVER_LICENSE": "national id",
    "US_PASSPORT": "national id",
    "US_ITIN": "national id",
    "UK_NHS": "national id",
    "UK_NINO": "national id",
    "DATE_OF_BIRTH": "date of birth",
}

#: Presidio's recognizer test files for core types -> the entity type their spans are.
TEST_FILES: dict[str, str] = {
    "credit_card": "CREDIT_CARD",
    "email": "EMAIL_ADDRESS",
    "iban": "IBAN_CODE",
    "ip": "IP_ADDRESS",
    "phone": "PHONE_NUMBER",
    "spacy": "PERSON",
    "us_ssn": "US_SSN",
    "us_itin": "US_ITIN",
    "us_passport": "US_PASSPORT",
    "us_driver_license": "US_DRIVER_LICENSE",
    "uk_nhs": "UK_NHS",
    "uk_nino": "UK_NINO",
}


# -- presidio-evaluator -------------------------------------------------------------------


def evaluator_docs(seeds: Sequence[int], n: int, ratios: Sequence[float]) -> list[Doc]:
    """Sentences of presidio-evaluator's generator, every span labelled (core or not), the kind
    naming the lower-case ratio."""
    from presidio_evaluator.data_generator import PresidioSentenceFaker

    docs: list[Doc] = []
    for ratio in ratios:
        for seed in seeds:
            with (
                contextlib.redirect_stderr(io.StringIO()),
                contextlib.redirect_stdout(io.StringIO()),
            ):
                faker = PresidioSentenceFaker("en_US", lower_case_ratio=ratio, random_seed=seed)
                samples = faker.generate_new_fake_sentences(n)
            for s in samples:
                labels = [
                    Label(sp.start_position, sp.end_position, sp.entity_type) for sp in s.spans
                ]
                docs.append(Doc(s.full_text, f"lower-case {ratio:g}", labels, []))
    return docs


# -- Presidio's recognizer tests ----------------------------------------------------------


def _spans(value: object, n: int) -> list[tuple[int, int]] | None:
    """``value`` as a sequence of (start, end) pairs inside a text of length ``n``, or None."""
    if not isinstance(value, tuple | list):
        return None
    out = []
    for v in value:
        if not (isinstance(v, tuple | list) and len(v) == 2 and all(isinstance(x, int) for x in v)):
            return None
        if not 0 <= v[0] < v[1] <= n:
            return None
        out.append((v[0], v[1]))
    return out


def _cases(source: str) -> Iterator[tuple[str, list[tuple[int, int]], int | None]]:
    """(text, expected spans, entity_num) of every parametrized case with a text and spans."""
    for node in ast.walk(ast.parse(source)):
        if not (isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "parametrize"):
            continue
        if len(node.args) < 2 or not isinstance(node.args[0], ast.Constant):
            continue
        names = [a.strip() for a in str(node.args[0].value).split(",")]
        text_at = next((i for i, a in enumerate(names) if a in ("text", "iban")), None)
        if text_at is None or "expected_len" not in names:
            continue
        num_at = names.index("entity_num") if "entity_num" in names else None
        try:
            rows = ast.literal_eval(node.args[1])
        except ValueError:
            continue
        for row in rows:
            if not isinstance(row, tuple) or len(row) != len(names):
                continue
            text = row[text_at]
            if not isinstance(text, str) or not text:
                continue
            expected = row[names.index("expected_len")]
            spans = next(
                (s for i, v in enumerate(row) if i != text_at and (s := _spans(v, len(text)))),
                [],
            )
            if expected and not spans:
                continue  # positives whose spans this reader cannot find
            yield text, spans, (row[num_at] if num_at is not None else None)


def presidio_test_docs(repo: Path) -> list[Doc]:
    """One document per case of Presidio's core recognizer tests (``repo``: a checkout or a
    bare git directory). Only the PERSON cases of the spaCy test are taken (its other entity
    is dates, not core)."""
    docs: list[Doc] = []
    for stem, etype in TEST_FILES.items():
        rel = f"presidio-analyzer/tests/test_{stem}_recognizer.py"
        source = _read(repo, rel)
        if source is None:
            continue
        for text, spans, num in _cases(source):
            if stem == "spacy" and num not in (None, 0):
                continue
            docs.append(Doc(text, etype, [Label(s, e, etype) for s, e in spans], []))
    return docs


def _read(repo: Path, rel: str) -> str | None:
    if (repo / rel).exists():
        return (repo / rel).read_text(encoding="utf-8")
    git = ["git", "--git-dir", str(repo), "show", f"HEAD:{rel}"]
    proc = subprocess.run(git, capture_output=True, text=True, check=False)
    return proc.stdout if proc.returncode == 0 else None


# -- scoring and report -------------------------------------------------------------------


def _drop_log() -> Counter | None:
    """The decision's tally of dropped anchor findings (None before it existed)."""
    try:
        from redactkit.detect.decision import DROPS
    except ImportError:
        return None
    return DROPS


def run(docs: Sequence[Doc]) -> tuple[dict[str, tuple[Quality, float]], Counter | None]:
    """Both redactors on ``docs``: per path, (quality, seconds); and redactkit's anchor
    findings dropped, by reason."""
    texts = [d.text for d in docs]
    out = {}
    drops = None
    for path in (THEIRS, OURS):
        runner = make_runner(path)
        runner(texts[:4])  # warm-up: model loading and lazy pattern compiling are not counted
        if path == OURS and (log := _drop_log()) is not None:
            log.clear()
            drops = log
        t0 = time.perf_counter()
        spans, outputs, errors = runner(texts)
        if errors:
            print(f"{path}: {len(errors)} errors, first: {errors[0]}", file=sys.stderr)
        out[path] = (score_corpus(docs, spans, outputs), time.perf_counter() - t0)
    return out, (Counter(drops) if drops is not None else None)


def group_rows(q: Quality) -> dict[str, tuple[int, int]]:
    """(labelled, leaked) per core group, and ``all core`` for their sum."""
    rows: dict[str, list[int]] = {}
    for etype, t in q.by_type.items():
        group = CORE_GROUPS.get(etype)
        if group is None:
            continue
        for key in (group, "all core"):
            r = rows.setdefault(key, [0, 0])
            r[0] += t.total
            r[1] += t.leaked
    return {k: (v[0], v[1]) for k, v in rows.items()}


def negatives_masked(docs: Sequence[Doc], q: Quality) -> tuple[int, int]:
    """(cases, cases with anything masked) among the documents that expect no entity."""
    neg = [i for i, d in enumerate(docs) if not d.labels]
    return len(neg), sum(1 for i in neg if q.spans[i])


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.1f}%" if b else "-"


def table(docs: Sequence[Doc], results: dict[str, tuple[Quality, float]]) -> list[str]:
    ours, theirs = results[OURS][0], results[THEIRS][0]
    a, b = group_rows(ours), group_rows(theirs)
    order = [g for g in dict.fromkeys(CORE_GROUPS.values()) if g in a] + ["all core"]
    lines = ["| type | n | redactkit leak | Presidio leak |", "|---|---|---|---|"]
    for g in order:
        n = a.get(g, (0, 0))[0]
        lines.append(f"| {g} | {n:,} | {_pct(a[g][1], n)} | {_pct(b[g][1], n)} |")
    lines.append(
        f"| other text masked (chars) | {ours.other_chars:,} | "
        f"{100 * ours.other_masked_rate:.1f}% | {100 * theirs.other_masked_rate:.1f}% |"
    )
    n_neg, ours_neg = negatives_masked(docs, ours)
    if n_neg:
        lines.append(
            f"| negative cases with a mask | {n_neg} | {_pct(ours_neg, n_neg)} | "
            f"{_pct(negatives_masked(docs, theirs)[1], n_neg)} |"
        )
    chars = sum(len(d.text) for d in docs)
    lines.append(
        f"| seconds ({chars:,} chars) | | {results[OURS][1]:.1f} | {results[THEIRS][1]:.1f} |"
    )
    return lines


def drops_line(drops: Counter | None) -> str:
    """Anchor findings the decision dropped, by reason."""
    if drops is None:
        return "Candidates dropped: not tracked (no decision module)."
    if not drops:
        return "Candidates dropped: none."
    parts = ", ".join(f"{reason} {n}" for reason, n in drops.most_common())
    return f"Candidates dropped by the decision, by reason: {parts}."


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default="11,29,4242", help="comma-separated generator seeds")
    ap.add_argument("--n", type=int, default=500, help="sentences per seed and ratio")
    ap.add_argument("--ratios", default="0,0.1", help="lower_case_ratio values")
    ap.add_argument("--presidio-repo", type=Path, help="a checkout or bare git dir of presidio")
    ap.add_argument("--out", type=Path, help="write the section into this markdown file")
    args = ap.parse_args(argv)
    seeds = [int(s) for s in args.seeds.split(",")]
    ratios = [float(r) for r in args.ratios.split(",")]
    command = (
        f"python -m benchmarks.public_text --seeds {args.seeds} --n {args.n} --ratios {args.ratios}"
    )
    if args.presidio_repo:
        command += " --presidio-repo <presidio checkout>"
    parts = []
    docs = evaluator_docs(seeds, args.n, ratios)
    results, drops = run(docs)
    lines = [
        f"### presidio-evaluator: {len(docs):,} sentences "
        f"(seeds {args.seeds}, lower_case_ratio {args.ratios})",
        "",
        *table(docs, results),
        "",
        drops_line(drops),
    ]
    parts.append("\n".join(lines))
    if args.presidio_repo:
        tdocs = presidio_test_docs(args.presidio_repo)
        results, drops = run(tdocs)
        lines = [
            f"### Presidio's recognizer tests: {len(tdocs)} cases "
            f"({sum(1 for d in tdocs if d.labels)} with expected spans)",
            "",
            *table(tdocs, results),
            "",
            drops_line(drops),
        ]
        parts.append("\n".join(lines))
    body = "\n\n".join(parts)
    print(body)
    if args.out:
        section = "\n".join([
            BEGIN,
            "## Text on public data",
            "",
            f"Generated by `{command.strip()}` on {time.strftime('%Y-%m-%d')}; do not edit by "
            "hand. Data nobody on this project wrote, both redactors in the same run: redactkit "
            "`TextRedactor().redact`, Presidio `AnalyzerEngine` defaults on the same spaCy model "
            "with every result masked. A value leaks if any of its letters or digits is readable. "
            "*Candidates dropped*: candidates of Presidio's stock recognizers for core types, "
            "and the model's and pattern detectors' guesses it judges, that redactkit's decision "
            "(`redactkit/detect/decision.py`) dropped, by the named "
            "evidence (phone candidates are digit runs, so a card number or a timestamp read as "
            "a run counts under 'card number' or 'date or time'). Presidio's defaults mask every "
            "result at any score; redactkit's floor is Presidio's findings at the policy "
            "threshold (0.4), so its weakest patterns (a bare 9-digit number as a passport at "
            "0.05) are not in it.",
            "",
            body,
            END,
        ])  # fmt: skip
        replace_section(args.out, BEGIN, END, section + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
