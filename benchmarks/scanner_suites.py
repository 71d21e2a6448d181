"""The secret scanners' own test suites through ``TextRedactor``, beside plain Presidio.

    python -m benchmarks.scanner_suites --trufflehog T --gitleaks G --detect-secrets D [--doc]

T, G, D are copies of github:trufflesecurity/trufflehog, github:gitleaks/gitleaks and
github:Yelp/detect-secrets (a work tree, or the bare git directory the ``fetch`` tool makes).
Their cases are read at run time (``benchmarks.suite_cases``); nothing of theirs is committed.

Scoring, per suite and family: a wanted secret is *left* when its main part (the longest piece
of it that occurs in the input: trufflehog joins an id and a secret into one ``want``) is still
readable in the output. A negative is *changed* when the output differs from the input, and
*changed by a credential* when a credential finding did it (the rest is personal data: an
e-mail address in a near-miss). ``--doc`` writes the section of ``docs/credentials.md`` that
sits between the ``scanner-suites`` markers.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.suite_cases import Case, Stats, Tree, detect_secrets, gitleaks, trufflehog
from benchmarks.suite_families import GAPS, catalogue_families, norm
from benchmarks.suite_scoring import Tally, benign_reason, left_parts, score

DOC = Path(__file__).resolve().parent.parent / "docs" / "credentials.md"
BEGIN, END = "<!-- scanner-suites:begin -->", "<!-- scanner-suites:end -->"

#: What an input that failed is replaced by (fail closed); the failures are counted.
WITHHELD = "<withheld: detection failed>"
ERRORS: list[str] = []


def run_ours(cases: list[Case]) -> tuple[list[str], list[tuple[tuple[str, str], ...]], float]:
    from redactkit import TextRedactor
    from redactkit.findings import Finding
    from redactkit.text import TextResult, credential_types

    red = TextRedactor()
    creds = credential_types()
    red.redact("warm up")
    t0 = time.perf_counter()
    outs, cred = [], []
    for i in range(0, len(cases), 64):
        batch = [c.text for c in cases[i : i + 64]]
        try:
            results = red.redact_many(batch)
        except Exception:  # noqa: BLE001 - one case at a time; an error withholds the text
            results = []
            for text in batch:
                try:
                    results.append(red.redact(text))
                except Exception:  # noqa: BLE001
                    ERRORS.append(text[:60])
                    results.append(TextResult(WITHHELD, [Finding("ERROR", 0, 0, 1.0, "error")]))
        for text, r in zip(batch, results):
            outs.append(r.text)
            cred.append(
                tuple(
                    (f.detector, text[f.start : f.end])
                    for f in r.findings
                    if f.entity_type in creds or f.detector == "error"
                )
            )
    return outs, cred, time.perf_counter() - t0


def run_presidio(cases: list[Case]) -> tuple[list[str], list[tuple[str, ...]], float]:
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    from benchmarks.bench_text import spacy_model_dir

    config = {"nlp_engine_name": "spacy",
              "models": [{"lang_code": "en", "model_name": spacy_model_dir()}]}  # fmt: skip
    analyzer = AnalyzerEngine(
        nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
        supported_languages=["en"],
    )
    anonymizer = AnonymizerEngine()
    t0 = time.perf_counter()
    outs = []
    for c in cases:
        res = analyzer.analyze(text=c.text, language="en")
        outs.append(anonymizer.anonymize(text=c.text, analyzer_results=res).text if res else c.text)
    return outs, [()] * len(cases), time.perf_counter() - t0


def load(args: argparse.Namespace) -> tuple[list[Case], dict[str, Stats], dict[str, str]]:
    cases: list[Case] = []
    stats: dict[str, Stats] = {}
    commits: dict[str, str] = {}
    readers: list[tuple[str, Path | None, Callable]] = [
        ("trufflehog", args.trufflehog, trufflehog),
        ("gitleaks", args.gitleaks, lambda t, s: gitleaks(t, s, random.Random(args.seed))),
        ("detect-secrets", args.detect_secrets, detect_secrets),
    ]
    for name, path, reader in readers:
        if path is None:
            continue
        tree, st = Tree(path), Stats()
        cases += list(reader(tree, st))
        stats[name], commits[name] = st, tree.commit()
    return cases, stats, commits


def summarise(tallies: dict, suite: str, families: set[str] | None = None) -> Tally:
    total = Tally()
    for (s, fam), t in tallies.items():
        if s != suite or (families is not None and norm(fam) not in families):
            continue
        total.pos += t.pos
        total.left += t.left
        total.neg += t.neg
        total.changed += t.changed
        total.changed_cred += t.changed_cred
        total.benign += t.benign
        total.left_filler += t.left_filler
        total.pos_no_secret += t.pos_no_secret
        total.left_no_secret += t.left_no_secret
        total.reasons.update(t.reasons)
    return total


def pct(a: int, b: int) -> str:
    return f"{a}/{b} ({100 * a / b:.1f}%)" if b else "-"


def changed_cells(t: Tally) -> str:
    """Changed, benign, near-miss and personal-data cells of one row."""
    return " | ".join(
        pct(n, t.neg) for n in (t.changed, t.benign, t.near_miss, t.changed - t.changed_cred)
    )


def render(cases, stats, commits, ours, theirs, seed, elapsed, cost="") -> str:  # noqa: ANN001
    cat = catalogue_families()
    lines = [
        BEGIN,
        "## The secret scanners' own test suites",
        "",
        "Generated by `python -m benchmarks.scanner_suites --trufflehog T --gitleaks G"
        f" --detect-secrets D --seed {seed} --doc` over copies fetched from GitHub"
        f" ({', '.join(f'{k} {v}' for k, v in commits.items())}). The cases are parsed from"
        " their Go and Python sources at run time (`benchmarks/suite_cases.py`); gitleaks'"
        " generated secrets (`secrets.NewSecret(regex)`) are drawn from the same regexes with"
        " the seed. *Left*: the wanted secret still readable in the output. *Changed*: a"
        " negative (an input that must yield no secret, often a near-miss) altered; *by a"
        " credential*: a credential finding did it. Plain Presidio (default English"
        " recognizers, same spaCy model) in the same run. Our own generator's figures are"
        " the summary above (every format we generate, in every surrounding).",
        "",
        "What closes the gaps, by mechanism (`redactkit/detect/`): catalogue rows for formats"
        " with a fixed shape (`credential_rules.py`, `service_rules.py`: e.g."
        " `twilio-api-key-sid`, `azure-entra-refresh-token`, `docker-config-auth` with its"
        " base64 `user:password` checked, `jenkins-credential`); values after a secret word"
        " (`generic_secrets.py`: password, token, secret, key and camel-case `*Key`, auth,"
        " credential, cookie, session, signature, bearer, api, private, creds; in env, shell,"
        " YAML, JSON (escaped too), INI, XML, Make, PHP, Go and call syntax); random values"
        " under *any* name or none (`random_values.py`: assigned, or quoted as a literal; 16+"
        " characters, classes mixed, high entropy, no words, and not a digest, UUID, path, URL,"
        " identifier, version or benign-named random value such as a MIME boundary, a nonce or"
        " an id); in keystrokes, lone random tokens on every channel of a field; in records, a"
        " value judged with its key. The two halves of a credential pair"
        " (`credential_pairs.py`): an id-named value (`*_id`, `*ID`, `*_user`, a bare `id`)"
        " beside a found secret under a name of the same stem (`caspio_id`/`caspio_secret`,"
        " Vault's `role_id`/`secret_id`), the next literal of a credential tuple, an"
        " `id:secret` token whose halves both look like key material. Keys announced without"
        " an operator (`provider_values.py`): after a provider's name (the catalogue's"
        " services and the vendors of `data/products.toml`: `mixpanel <key>`, `jira token"
        " <key>`) or a secret's name used as a label (`LicenseKey <key>`), or alone on the"
        " line after a `...key:`/`...pass:` label line; the value is"
        " judged as a random value under any name is. A registered prefix of 4+ characters"
        " (`shippo_live_`, `duffel_test_`, `pgar_`, `spu-`, `BBDC-`, `da2-`, `sk-lf-`,"
        " `API-`, `ATBB`) is evidence by itself: the token is masked whatever its body"
        " (`shippo_live_aaaa...`); only a placeholder written as one (`xxxx`, `<key>`,"
        " `your-...`, `example`) or words after the prefix exempt it. Fillers (one character"
        " repeated, zeros) remain placeholders for values under a generic name (`token:"
        " aaaaaaaa`), and after short prefixes (`SK0000...`).",
        "",
        "*Changed* splits three ways (`benchmarks/suite_scoring.py`): *benign*, a credential"
        " finding masked a value with named evidence that it is no secret (a placeholder, one"
        " character repeated, a sequence, low entropy, words): these are the errors to drive"
        " down; *near-miss*, a credential finding masked real-looking key material the scanner"
        " turns down only for a format reason (a checksum, a length, a missing provider"
        " keyword): a redactor may mask those; *personal*, personal-data findings (an e-mail"
        " address in the line). The target of issue 17 (negatives changed at most 10%) is held"
        " against *benign*: a near-miss is key material a scanner declines for its own format"
        " reasons, masked on purpose, and counted beside it.",
        "",
        "| suite | cases read | share read | positives | redactkit left | left, not placeholder-shaped"
        " | Presidio left | negatives | redactkit changed | benign | near-miss | personal |"
        " Presidio changed |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for suite, st in stats.items():
        o, p = summarise(ours, suite), summarise(theirs, suite)
        n = sum(c.suite == suite for c in cases)
        lines.append(
            f"| {suite} | {n} | {pct(st.read, st.rows)} | {o.pos} | {pct(o.left, o.pos)} |"
            f" {pct(o.left - o.left_filler, o.pos)} | {pct(p.left, p.pos)} | {o.neg} | {changed_cells(o)} | {pct(p.changed, p.neg)} |"
        )
    o, p = summarise(ours, "trufflehog", cat), summarise(theirs, "trufflehog", cat)
    lines.append(
        f"| trufflehog, formats in our catalogue | | | {o.pos} | {pct(o.left, o.pos)} |"
        f" {pct(o.left - o.left_filler, o.pos)} | {pct(p.left, p.pos)} | {o.neg} | {changed_cells(o)} | {pct(p.changed, p.neg)} |"
    )
    o = summarise(ours, "trufflehog", cat)
    if o.pos_no_secret:
        lines.append(
            f"| trufflehog, formats in our catalogue, wants that hold a secret | | |"
            f" {o.pos - o.pos_no_secret} | {pct(o.left - o.left_no_secret, o.pos - o.pos_no_secret)}"
            " | | | | | | | | |"
        )
    a = summarise(ours, "trufflehog")
    if a.pos_no_secret:
        lines.append(
            f"| trufflehog, wants that hold a secret | | | {a.pos - a.pos_no_secret} |"
            f" {pct(a.left - a.left_no_secret, a.pos - a.pos_no_secret)} | | | | | | | | |"
        )
    gl = [c for c in cases if c.suite == "gitleaks" and c.positive]
    if gl:
        gen = sum(c.origin == "generated" for c in gl)
        lines += ["", f"gitleaks true positives: {len(gl)}, of which {gen} hold a secret generated"
                  " from a regex the rule file names, the rest literal strings."]  # fmt: skip
    for suite, st in stats.items():
        if st.skipped:
            why = ", ".join(f"{k} ({v})" for k, v in st.skipped.most_common(6))
            lines.append(f"\n{suite}: rows not read statically: {why}.")
    lines += ["", GAPS]
    lines += ["", f"Run time: redactkit {elapsed[0]:.0f} s, Presidio {elapsed[1]:.0f} s."]
    if cost:
        lines += ["", cost]
    if ERRORS:
        lines.append(f"redactkit failed on {len(ERRORS)} inputs (withheld, as it fails closed).")
    lines.append("")
    lines += ["### Families with secrets left (redactkit)", "",
              "| suite | family | left | examples | Presidio left |", "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for key in sorted(ours, key=lambda k: (-ours[k].left, k)):
        t = ours[key]
        if t.left:
            ex = ", ".join(f"`{e}`" for e in t.examples_left)
            lines.append(
                f"| {key[0]} | {key[1]} | {t.left}/{t.pos} | {ex} | {theirs[key].left}/{theirs[key].pos} |"
            )
    per_det: Counter = Counter()
    for t in ours.values():
        per_det.update(t.by_detector)
    lines += ["", "### Negatives changed, by the detector that fired", "",
              "A scanner's negative says *this detector* must not report the input (a token"
              " with a character broken, a key without the provider's name nearby, an"
              " unverifiable JWT); a redactor masks a random value after `API_KEY=` whoever"
              " issued it. Per detector of ours:", "",
              ", ".join(f"`{d}` {n}" for d, n in per_det.most_common())]  # fmt: skip
    reasons: Counter = Counter()
    for t in ours.values():
        reasons.update(t.reasons)
    lines += [
        "",
        "Benign values masked, by the evidence that they are benign: "
        + (", ".join(f"{r} {n}" for r, n in reasons.most_common()) or "none")
        + ".",
    ]
    lines += ["", "### Negatives changed by a credential finding", "",
              "| suite | family | benign | near-miss | examples (benign first) |",
              "| --- | --- | --- | --- | --- |"]  # fmt: skip
    for key in sorted(ours, key=lambda k: (-ours[k].benign, -ours[k].changed_cred, k)):
        t = ours[key]
        if t.changed_cred:
            ex = "; ".join(
                f"`{e.replace('|', '¦').replace(chr(10), ' ')}`"
                for e in (t.examples_benign + t.examples_changed)[:3]
            )
            lines.append(
                f"| {key[0]} | {key[1]} | {t.benign}/{t.neg} | {t.near_miss}/{t.neg} | {ex} |"
            )
    lines.append(END)
    return "\n".join(lines)


def write_misses(
    path: Path, cases: list[Case], outs: list[str], cred: list[tuple[tuple[str, str], ...]]
) -> None:
    """Every wanted secret left and every negative changed, one JSON object a line: what to
    read when working on a family (the suites' own text: for local use, never committed)."""
    import json

    with path.open("w", encoding="utf-8") as f:
        for case, out, dets in zip(cases, outs, cred):
            row = {"suite": case.suite, "family": case.family, "input": case.text}
            if case.positive:
                left = left_parts(case, out)[1]
                if left:
                    f.write(json.dumps({**row, "kind": "left", "left": left}) + "\n")
            elif out != case.text:
                f.write(
                    json.dumps(
                        {
                            **row,
                            "kind": "changed",
                            "by": dets,
                            "benign": [benign_reason(v) for _, v in dets],
                            "output": out,
                        }
                    )
                    + "\n"
                )


def write_doc(section: str, doc: Path = DOC) -> None:
    text = doc.read_text(encoding="utf-8") if doc.exists() else ""
    if BEGIN in text and END in text:
        head, rest = text.split(BEGIN, 1)
        text = head + section + rest.split(END, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    doc.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--trufflehog", type=Path)
    ap.add_argument("--gitleaks", type=Path)
    ap.add_argument("--detect-secrets", type=Path)
    ap.add_argument("--seed", type=int, default=20261206)
    ap.add_argument("--no-presidio", action="store_true")
    ap.add_argument("--no-cost", action="store_true", help="skip the credential cost measure")
    ap.add_argument("--doc", action="store_true", help=f"write the section into {DOC.name}")
    ap.add_argument("--family", help="only this family (a regex), for working on one")
    ap.add_argument(
        "--misses", type=Path, help="write every secret left and negative changed here (JSON lines)"
    )
    args = ap.parse_args(argv)
    cases, stats, commits = load(args)
    if args.family:
        cases = [c for c in cases if re.search(args.family, c.family)]
    outs, cred, t_ours = run_ours(cases)
    ours = score(cases, outs, cred)
    if args.misses:
        write_misses(args.misses, cases, outs, cred)
    if args.no_presidio:
        theirs: dict = defaultdict(Tally)
        t_theirs = 0.0
    else:
        p_outs, p_cred, t_theirs = run_presidio(cases)
        theirs = score(cases, p_outs, p_cred)
    cost = ""
    if not args.no_cost:
        from benchmarks.credential_cost import measure

        cost = measure().line()
    section = render(cases, stats, commits, ours, theirs, args.seed, (t_ours, t_theirs), cost)
    print(section)
    if args.doc:
        write_doc(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
