"""Records benchmark: `redact_record` against a plain Presidio walk of the same capture records.

    python -m benchmarks.bench_records --records 600 --seed 7

Generates capture-agent event logs (window focus events with titles, browser navigations with
URLs carrying tokens and e-mail addresses, clipboard events, accessibility trees with a secure
field, key events) with the sensitive values they hold, then redacts every record with redactkit
(`redact_record`) and with plain Presidio (a recursive walk that runs AnalyzerEngine +
AnonymizerEngine on every string, the same spaCy model). Prints records per CPU second for both,
the ratio, and the share of sensitive values still present in the output (a value leaks when it
appears verbatim in the serialised output record).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):  # run as a script: make `corpora` and `benchmarks` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.bench_text import spacy_model_dir
from corpora import values as V


def capture_log(rng: random.Random, n: int) -> tuple[list[dict], list[list[str]]]:
    """(records, sensitive values of each record)."""
    apps = ["Mail", "Slack", "Chrome", "Terminal", "Excel", "Zoom"]
    records, secrets = [], []
    t = 0.0
    for _ in range(n):
        t += rng.uniform(0.05, 3.0)
        name, mail, phone, token = V.person(rng), V.email(rng), V.phone(rng), V.ghp(rng)
        kind = rng.choice(["focus", "navigate", "clipboard", "a11y", "key"])
        if kind == "focus":
            rec = {
                "t": round(t, 3),
                "type": "focus",
                "app": rng.choice(apps),
                "title": f"Re: contract - {name} <{mail}> - Inbox",
            }
            vals = [name, mail]
        elif kind == "navigate":
            rec = {
                "t": round(t, 3),
                "type": "navigate",
                "app": "Chrome",
                "url": f"https://crm.example.com/contacts/{rng.randrange(10**7, 10**8)}?email={mail}&session={token}",
                "title": f"{name} - Contact - CRM",
            }
            vals = [name, mail, token]
        elif kind == "clipboard":
            rec = {
                "t": round(t, 3),
                "type": "clipboard",
                "app": rng.choice(apps),
                "text": f"Call {name} on {phone} or write to {mail}.",
            }
            vals = [name, phone, mail]
        elif kind == "a11y":
            pw = V.password(rng)
            rec = {
                "t": round(t, 3),
                "type": "a11y",
                "app": "Chrome",
                "tree": {
                    "role": "window",
                    "name": "Sign in",
                    "children": [
                        {"role": "AXTextField", "name": "Email", "value": mail},
                        {"role": "AXSecureTextField", "name": "Password", "value": pw},
                        {"role": "AXButton", "name": "Continue"},
                    ],
                },
            }
            vals = [mail, pw]
        else:
            rec = {
                "t": round(t, 3),
                "type": "keydown",
                "key": rng.choice("abcdefgh"),
                "app": "Terminal",
                "title": f"ssh {name.split()[0].lower()}@{V.ipv4(rng)}",
            }
            vals = []
        records.append(rec)
        secrets.append(vals)
    return records, secrets


def presidio_walker():
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_anonymizer import AnonymizerEngine

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": spacy_model_dir()}],
    }
    analyzer = AnalyzerEngine(
        nlp_engine=NlpEngineProvider(nlp_configuration=config).create_engine(),
        supported_languages=["en"],
    )
    anonymizer = AnonymizerEngine()

    def walk(obj: Any) -> Any:
        if isinstance(obj, str):
            results = analyzer.analyze(text=obj, language="en")
            return anonymizer.anonymize(text=obj, analyzer_results=results).text if results else obj
        if isinstance(obj, dict):
            return {k: walk(v) for k, v in obj.items()}
        if isinstance(obj, list):
            return [walk(v) for v in obj]
        return obj

    return walk


def measure(name: str, redact, records: list[dict], secrets: list[list[str]]) -> dict:
    redact(records[0])  # warm-up
    t0 = time.process_time()
    outputs = [redact(r) for r in records]
    cpu = time.process_time() - t0
    total = sum(len(v) for v in secrets)
    leaked = sum(
        v in json.dumps(o, ensure_ascii=False) for o, vs in zip(outputs, secrets) for v in vs
    )
    return {
        "path": name,
        "records_per_s": len(records) / cpu,
        "cpu_s": cpu,
        "values": total,
        "leaked": leaked,
        "leak_rate": leaked / total if total else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--records", type=int, default=600)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json", default=None)
    args = ap.parse_args()
    records, secrets = capture_log(random.Random(args.seed), args.records)

    from redactkit.records import RecordRedactor

    ours = measure("redactkit", RecordRedactor().redact, records, secrets)
    theirs = measure("presidio", presidio_walker(), records, secrets)
    print(f"{args.records} generated capture records, seed {args.seed}\n")
    print("| path | records per CPU second | × Presidio | sensitive values leaked |")
    print("| --- | ---: | ---: | ---: |")
    for row in (ours, theirs):
        ratio = row["records_per_s"] / theirs["records_per_s"]
        print(
            f"| {row['path']} | {row['records_per_s']:,.0f} | {ratio:.2f}× | "
            f"{row['leaked']}/{row['values']} ({100 * row['leak_rate']:.1f}%) |"
        )
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump({"seed": args.seed, "paths": [ours, theirs]}, fh, indent=2)


if __name__ == "__main__":
    main()
