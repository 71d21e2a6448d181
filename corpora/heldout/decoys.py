"""Decoys of the held-out documents: values that look sensitive but are not (timestamps, meeting
dates, versions, ticket and order ids, hashes, sizes, prices, public URLs, ports...). They are
labelled ``DECOY_*`` so the benchmark counts what a redactor damages."""

from __future__ import annotations

import random
from collections.abc import Callable

from corpora.heldout.values import pick, rand
from corpora.heldout.words import (
    AIRLINES,
    COMPANIES,
    HEX,
    MONTH_NAMES,
    PATHS,
    PRODUCTS,
    PUBLIC_URLS,
    WORDS,
)


def _ts(rng: random.Random) -> str:
    y, mo, d = 2024, rng.randint(1, 12), rng.randint(1, 28)
    h, mi, s, ms = rng.randint(0, 23), rng.randint(0, 59), rng.randint(0, 59), rng.randint(0, 999)
    return rng.choice(
        [
            f"{y}-{mo:02d}-{d:02d}T{h:02d}:{mi:02d}:{s:02d}.{ms:03d}Z",
            f"{y}-{mo:02d}-{d:02d} {h:02d}:{mi:02d}:{s:02d},{ms:03d}",
            f"{MONTH_NAMES[mo - 1][:3]} {d:2d} {h:02d}:{mi:02d}:{s:02d}",
        ]
    )


def _date(rng: random.Random) -> str:
    d, m = rng.randint(1, 28), rng.randint(1, 12)
    day = rng.choice(["Mon", "Tue", "Wed", "Thu", "Fri"])
    return rng.choice(
        [
            f"{day} {d} {MONTH_NAMES[m - 1]}",
            f"2024-{m:02d}-{d:02d}",
            f"{MONTH_NAMES[m - 1][:3]} {d}",
        ]
    )


def _clock(rng: random.Random) -> str:
    h, m = rng.randint(7, 19), rng.choice([0, 15, 30, 45])
    return rng.choice([f"{h:02d}:{m:02d}", f"{(h - 1) % 12 + 1}:{m:02d}{'am' if h < 12 else 'pm'}"])


DECOY_MAKERS: dict[str, tuple[str, Callable[[random.Random], str]]] = {
    "version": ("DECOY_VERSION", lambda r: r.choice(["v", "", ""]) + f"{r.randint(0, 9)}.{r.randint(0, 30)}.{r.randint(0, 12)}" + r.choice(["", "", "-rc.2", "-beta"])),
    "ticket": ("DECOY_TICKET", lambda r: r.choice(["SUP-", "CASE-00", "ZD-", "#", "OPS-"]) + str(r.randint(1000, 99999))),
    "order": ("DECOY_ORDER_NUMBER", lambda r: r.choice(["PO-2024-0", "A-", "ORD#", "BK"]) + str(r.randint(10000, 999999))),
    "ts": ("DECOY_TIMESTAMP", _ts),
    "clock": ("DECOY_TIMESTAMP", _clock),
    "date": ("DECOY_DATE", _date),
    "sha": ("DECOY_HASH", lambda r: rand(r, HEX, r.choice([7, 8, 12, 40]))),
    "sha256": ("DECOY_HASH", lambda r: "sha256:" + rand(r, HEX, 64)),
    "uuid": ("DECOY_UUID", lambda r: "-".join(rand(r, HEX, n) for n in (8, 4, 4, 4, 12))),
    "product": ("DECOY_PRODUCT", pick(PRODUCTS)),
    "word": ("DECOY_WORD", pick(WORDS)),
    "company": ("DECOY_COMPANY", pick(COMPANIES)),
    "size": ("DECOY_SIZE", lambda r: r.choice([f"{r.randint(2, 999)} MB", f"{r.randint(1, 64)}.{r.randint(0, 9)} GB", f"{r.choice([64, 128, 512])}KiB", f"{r.randint(1, 8)} TB"])),
    "duration": ("DECOY_DURATION", lambda r: r.choice([f"{r.randint(2, 900)}ms", f"{r.randint(5, 55)} min", f"{r.randint(1, 9)}h {r.randint(1, 59)}m", f"{r.randint(2, 14)} days", f"00:{r.randint(0, 59):02d}:{r.randint(0, 59):02d}"])),
    "price": ("DECOY_PRICE", lambda r: r.choice([f"€{r.randint(10, 9999):,}.00", f"${r.randint(5, 499)}/month", f"£{r.randint(1, 999)}.{r.randint(0, 99):02d}", f"CHF {r.randint(100, 9000)}"])),
    "local": ("DECOY_LOCAL_IP", pick(["127.0.0.1", "0.0.0.0", "localhost"])),
    "port": ("DECOY_PORT", pick(["8080", "5432", "6443", "9200", "3306", "8000"])),
    "puburl": ("DECOY_PUBLIC_URL", pick(PUBLIC_URLS)),
    "flight": ("DECOY_FLIGHT", lambda r: f"{r.choice(AIRLINES)} {r.randint(10, 2999)}"),
    "path": ("DECOY_FILE_PATH", pick(PATHS)),
    "status": ("DECOY_HTTP_STATUS", pick(["200", "201", "302", "401", "403", "404", "429", "500", "503"])),
}  # fmt: skip
