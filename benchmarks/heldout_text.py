"""Held-out text benchmark: an independent corpus (``corpora.heldout``), scored for redactkit and Presidio.

    python -m benchmarks.heldout_text --seed 11 --docs 300
    python -m benchmarks.heldout_text --seed 11 --docs 300 --out docs/quality.md

Detection rules were partly tuned on the leaks of ``corpora.text``. This benchmark measures how
well that tuning generalises on documents from ``corpora.heldout``, a generator written
separately, from scratch (its own document kinds, templates, word lists and value formats; see
that package for what is labelled and how). Both redactkit and plain Presidio run on the same
documents; the report splits leaks by entity type, document kind and how a person is written.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.scoring import LabelOutcome, Quality, replace_section, score_corpus
from corpora.heldout import KINDS, generate, n_templates
from corpora.text import Doc

BEGIN, END = "<!-- quality:heldout:begin -->", "<!-- quality:heldout:end -->"
OURS, THEIRS = "redactkit", "presidio"

# -- scoring and report -----------------------------------------------------------------------


def run_path(path: str, docs: Sequence[Doc], warm: Sequence[str]) -> tuple[Quality, float, int]:
    """(quality, seconds, documents withheld on error) of one path over ``docs``."""
    from benchmarks.bench_text import make_runner

    run = make_runner(path)
    run(warm)
    t = time.perf_counter()
    spans, outputs, errors = run([d.text for d in docs])
    return score_corpus(docs, spans, outputs), time.perf_counter() - t, len(errors)


def examples(
    docs: Sequence[Doc], q: Quality, per_type: int, width: int = 40
) -> dict[str, list[str]]:
    """A few leaks per type, spread over document kinds and values (fully recoverable first)."""
    from benchmarks.bench_text import _context

    out: dict[str, list[str]] = {}
    groups: dict[str, list[LabelOutcome]] = {}
    for o in q.leaks():
        groups.setdefault(o.label.entity_type, []).append(o)
    for k, leaks in groups.items():
        leaks.sort(key=lambda o: (not o.recoverable, o.doc_index))
        picked: list[LabelOutcome] = []
        kinds: set[str] = set()
        for o in leaks:  # one per document kind first
            kind = docs[o.doc_index].kind
            if kind not in kinds and len(picked) < per_type:
                picked.append(o)
                kinds.add(kind)
        for o in leaks:
            if len(picked) >= per_type:
                break
            if o not in picked:
                picked.append(o)
        out[k] = [_context(docs[o.doc_index], o.label, width, q.spans[o.doc_index]) for o in picked]
    return out


PERSON_FORMS = (
    "full name (2+ words)",
    "one name alone",
    "SURNAME/GIVEN (airline)",
    "lower-case name or login",
    "@handle",
)
#: forms redactkit documents as out of reach (docs/entities.md: lower-case names) or that no
#: detector looks for (chat handles); the overall leak rate is also given without them.
_UNCASED = frozenset(PERSON_FORMS[3:])


def person_form(value: str) -> str:
    """How a PERSON value is written (exact for this generator's values)."""
    if value.startswith("@"):
        return PERSON_FORMS[4]
    if value.islower():
        return PERSON_FORMS[3]
    if "/" in value:
        return PERSON_FORMS[2]
    return PERSON_FORMS[0] if " " in value else PERSON_FORMS[1]


def _is_uncased(docs: Sequence[Doc], o: LabelOutcome) -> bool:
    value = docs[o.doc_index].text[o.label.start : o.label.end]
    return o.label.entity_type == "PERSON" and person_form(value) in _UNCASED


def cased_leak_rate(docs: Sequence[Doc], q: Quality) -> float:
    """Leak rate over all values except @handles and lower-case names."""
    kept = [o for o in q.outcomes if not _is_uncased(docs, o)]
    return sum(o.leaked for o in kept) / len(kept) if kept else 0.0


def person_rows(docs: Sequence[Doc], ours: Quality, theirs: Quality) -> list[list[str]]:
    counts = {f: [0, 0, 0] for f in PERSON_FORMS}  # n, leaked by ours, leaked by theirs
    for a, b in zip(ours.outcomes, theirs.outcomes, strict=True):
        if a.label.entity_type == "PERSON":
            c = counts[person_form(docs[a.doc_index].text[a.label.start : a.label.end])]
            c[0] += 1
            c[1] += a.leaked
            c[2] += b.leaked
    return [
        [f, str(n), f"{_pct(x / n)} ({x})", f"{_pct(y / n)} ({y})"]
        for f, (n, x, y) in counts.items()
        if n
    ]


PERSON_HEAD = ["PERSON written as", "n", "redactkit leak", "Presidio leak"]


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def overall_rows(docs: Sequence[Doc], ours: Quality, theirs: Quality) -> list[list[str]]:
    o, t = ours.overall, theirs.overall
    return [
        ["leak rate", _pct(o.leak_rate), _pct(t.leak_rate)],
        ["leak rate without @handles and lower-case names", _pct(cased_leak_rate(docs, ours)), _pct(cased_leak_rate(docs, theirs))],
        ["fully recoverable", _pct(o.recoverable_rate), _pct(t.recoverable_rate)],
        ["sensitive characters left", _pct(o.char_leak_rate), _pct(t.char_leak_rate)],
        ["decoys damaged", _pct(ours.decoy_overall.damaged_rate), _pct(theirs.decoy_overall.damaged_rate)],
        ["decoy characters masked", _pct(ours.decoy_overall.masked_rate), _pct(theirs.decoy_overall.masked_rate)],
        ["other text masked", _pct(ours.other_masked_rate), _pct(theirs.other_masked_rate)],
    ]  # fmt: skip


def type_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    rows = []
    for k in sorted(ours.by_type, key=lambda k: (-ours.by_type[k].leak_rate, k)):
        a, b = ours.by_type[k], theirs.by_type[k]
        rows.append([k, str(a.total), f"{_pct(a.leak_rate)} ({a.leaked})", _pct(a.recoverable_rate),
                     f"{_pct(b.leak_rate)} ({b.leaked})", _pct(b.recoverable_rate)])  # fmt: skip
    return rows


def decoy_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    return [
        [k.removeprefix("DECOY_").lower(), str(ours.decoys[k].total),
         _pct(ours.decoys[k].damaged_rate), _pct(theirs.decoys[k].damaged_rate)]
        for k in sorted(ours.decoys, key=lambda k: (-ours.decoys[k].damaged_rate, k))
    ]  # fmt: skip


def kind_rows(ours: Quality, theirs: Quality) -> list[list[str]]:
    return [
        [k, str(ours.by_kind[k].total), _pct(ours.by_kind[k].leak_rate), _pct(theirs.by_kind[k].leak_rate)]
        for k in KINDS
        if k in ours.by_kind
    ]  # fmt: skip


TYPE_HEAD = ["entity type", "n", "redactkit leak", "recoverable", "Presidio leak", "recoverable"]
DECOY_HEAD = ["decoy", "n", "redactkit damaged", "Presidio damaged"]
KIND_HEAD = ["kind", "labelled values", "redactkit leak", "Presidio leak"]


def print_report(docs: Sequence[Doc], ours: Quality, theirs: Quality, per_type: int) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(width=None if sys.stdout.isatty() else 160)

    def table(title: str, head: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
        t = Table(title=title)
        for i, h in enumerate(head):
            t.add_column(h, justify="left" if i == 0 else "right")
        for r in rows:
            t.add_row(*r)
        console.print(t)

    chars = sum(len(d.text) for d in docs)
    table(f"Held-out text: {len(docs)} documents, {chars:,} characters", ["", "redactkit", "Presidio"], overall_rows(docs, ours, theirs))  # fmt: skip
    table("Leak rate per entity type (count)", TYPE_HEAD, type_rows(ours, theirs))
    table("PERSON by how it is written", PERSON_HEAD, person_rows(docs, ours, theirs))
    table("Decoys damaged", DECOY_HEAD, decoy_rows(ours, theirs))
    table("Leak rate per document kind", KIND_HEAD, kind_rows(ours, theirs))
    console.print("[bold]Leaked by redactkit (examples; █ = masked)[/bold]")
    for k, items in examples(docs, ours, per_type).items():
        for s in items:
            console.print(f"  {k}: {s}", markup=False, highlight=False, soft_wrap=True)


def _md_table(head: Sequence[str], rows: Sequence[Sequence[str]]) -> list[str]:
    out = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    return out + ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]


def section(command: str, seed: int, docs: Sequence[Doc], ours: Quality, theirs: Quality) -> str:
    chars = sum(len(d.text) for d in docs)
    lines = [
        BEGIN,
        "## Held-out text (a second generator)",
        "",
        f"Generated by `{command}` on {time.strftime('%Y-%m-%d')}; do not edit by hand.",
        "",
        "The text section above scores a corpus from `corpora.text`, on whose leaks "
        "detection rules were partly tuned, so its figures flatter detection. This corpus comes from "
        "`corpora/heldout/`, a generator written separately and from scratch: other "
        "document kinds, other sentence templates, its own names (many cultures, multi-part and "
        "family-first), places, street-address, phone and date formats. It measures how far "
        "detection generalises to text it was not tuned on; a rule added because of a leak here "
        "stops this corpus from being held out, so fix the cause, not the example.",
        "",
        "Since it was written, detection was changed for causes its seed-11 leak list showed "
        "(context words glued to values, `dob=`/`ssn=`; Markdown table columns; passwords in "
        "`mysql -p'...'`, `redis-cli -a`, `aws configure set` and in sentences; attendee "
        "lists; person labels such as `beneficiary=`): seed 11 is no longer held out. Other "
        "seeds draw other values from the same templates, so they are only partly held out "
        "too; on seed 23, measured before and after those changes: leak rate 25.7% -> 21.1%, "
        "15.0% -> 9.8% without @handles and lower-case names (Presidio 32.0% / 23.6%). A second "
        "round (street and country labels, names after particles and in airline form, more "
        "sign-offs, 'moved from X to Y', 'Town, Country' with a list of countries, numbers named "
        "a phone in any national format), on seed 29: 19.8% -> 17.6%, 9.1% -> 6.7% (Presidio "
        "31.5% / 23.3%); then chat @mentions as people (not decorators, doc tags or at-rules): "
        "17.6% -> 11.3%. A generator with new templates is the next honest measure.",
        "",
        f"Corpus: {len(docs)} documents ({', '.join(KINDS)}), {chars:,} characters, seed {seed}, "
        f"{ours.overall.total:,} labelled values, {ours.decoy_overall.total:,} decoys, "
        f"{n_templates()} templates. redactkit is `TextRedactor().redact` with its default "
        "policy; Presidio is `AnalyzerEngine` with its default English recognizers on the same "
        "spaCy model. Keys and tokens are labelled `SECRET` (masked under any type counts); "
        "only dates of birth are `DATE_TIME`. Leak, recoverable and decoy damage are defined as "
        "in the text section above.",
        "",
        "### Overall",
        "",
        *_md_table(["", "redactkit", "Presidio"], overall_rows(docs, ours, theirs)),
        "",
        "### Per entity type (leak rate, leaked count in brackets)",
        "",
        *_md_table(TYPE_HEAD, type_rows(ours, theirs)),
        "",
        "### PERSON by how it is written",
        "",
        *_md_table(PERSON_HEAD, person_rows(docs, ours, theirs)),
        "",
        "Chat handles (`@priya.s`) and lower-case names (`ask priya`, `scp f priya@host`) are "
        "labelled `PERSON` here; lower-case names are a documented limitation "
        "(docs/entities.md), so the overall table also gives the leak rate without them.",
        "",
        "### Decoys (over-redaction)",
        "",
        *_md_table(DECOY_HEAD, decoy_rows(ours, theirs)),
        "",
        "### Per document kind",
        "",
        *_md_table(KIND_HEAD, kind_rows(ours, theirs)),
        "",
        "### What redactkit leaks here",
        "",
    ]
    ex = examples(docs, ours, per_type=3, width=32)
    leaking = [k for k, _ in sorted(ours.by_type.items(), key=lambda kv: -kv[1].leak_rate) if ours.by_type[k].leaked]  # fmt: skip
    if not leaking:
        lines.append("No labelled value leaked on this corpus.")
    for k in leaking:
        t = ours.by_type[k]
        lines.append(f"- **{k}**: {t.leaked} of {t.total} leaked ({_pct(t.leak_rate)}), e.g.")
        lines += [f"  - `{s.replace('`', chr(39))}`" for s in ex.get(k, [])]
    lines += ["", END]
    return "\n".join(lines) + "\n"


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seed", type=int, default=11, help="corpus seed (default 11)")
    ap.add_argument("--docs", type=int, default=300, help="number of documents (default 300)")
    ap.add_argument("--examples", type=int, default=4, help="leak examples per type to print")
    ap.add_argument("--out", type=Path, default=None, help="also write the section to this file")
    args = ap.parse_args(argv)
    command = f"python -m benchmarks.heldout_text --seed {args.seed} --docs {args.docs}"
    if args.out:
        command += f" --out {args.out}"
    docs = generate(args.seed, args.docs)
    warm = [d.text for d in generate(args.seed ^ 0x5EED, 10)]
    chars = sum(len(d.text) for d in docs)
    print(
        f"{len(docs)} documents, {chars:,} characters, {n_templates()} templates", file=sys.stderr
    )
    ours, t_ours, e_ours = run_path(OURS, docs, warm)
    theirs, t_theirs, e_theirs = run_path(THEIRS, docs, warm)
    print(f"redactkit {t_ours:.1f}s ({e_ours} withheld), presidio {t_theirs:.1f}s ({e_theirs} withheld)", file=sys.stderr)  # fmt: skip
    print_report(docs, ours, theirs, args.examples)
    if args.out:
        replace_section(args.out, BEGIN, END, section(command, args.seed, docs, ours, theirs))
        print(f"wrote {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
