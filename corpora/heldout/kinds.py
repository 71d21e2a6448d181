"""Document kinds of the held-out corpus: how each kind is laid out from its templates, and
``generate`` (the kinds in turn, every value drawn from one seeded ``Random``)."""

from __future__ import annotations

import random
from collections.abc import Callable

from corpora.heldout.builder import Builder
from corpora.heldout.templates import (
    CHAT_LINES,
    CRM_TABLES,
    EMAIL_BODY,
    EMAIL_QUOTED,
    EMAIL_SIGNATURES,
    HR_LINES,
    JAVA_MESSAGES,
    JSON_SHAPES,
    LOG_LINES,
    MEETING_HEADERS,
    MEETING_LINES,
    SHELL_LINES,
    TICKET_AGENT,
    TICKET_CUSTOMER,
    TICKET_HEADERS,
    TRACE_MESSAGES,
    TRAVEL_LINES,
)
from corpora.heldout.words import IATA
from corpora.text.document import Doc


def _meeting(b: Builder) -> None:
    b.fill(b.rng.choice(MEETING_HEADERS))
    b.lines(MEETING_LINES, b.rng.randint(5, 10))


def _ticket(b: Builder) -> None:
    rng = b.rng
    b.fill(rng.choice(TICKET_HEADERS))
    b.lines(TICKET_CUSTOMER, rng.randint(2, 5), sep=" ")
    b.fill("\n\n---\nReply from {p2.first} ({ts}):\n")
    b.lines(TICKET_AGENT, rng.randint(2, 4), sep=" ")
    b.add("\n")


def _hr(b: Builder) -> None:
    rng = b.rng
    b.fill(rng.choice(["Subject: Welcome to {company}, {p1.first}!\n\n", "Subject: Onboarding checklist for {p1}\n\n"]))  # fmt: skip
    b.fill(rng.choice(["Hi {p1.first},\n\n", "Dear {p1},\n\n", "Welcome aboard {p1.first}!\n\n"]))
    b.lines(HR_LINES, rng.randint(4, 8), sep=" ")
    b.fill("\n\nSee you soon,\n{p2.first}\nPeople Ops, {company}\n")


def _travel(b: Builder) -> None:
    rng = b.rng
    b.fill("TRAVEL ITINERARY, {company} travel desk\nPassenger: {p1.upper}  DOB: {dob}\n")
    b.fill("Booking ref: {order}\nMobile: {phone}\n\n")
    for _ in range(rng.randint(2, 4)):
        a, c = rng.sample(IATA, 2)
        b.fill(
            "{date}  {flight}  "
            + f"{a} -> {c}"
            + "  dep {clock} arr {clock2}"
            + f"  ({rng.randint(1, 13)}h {rng.randint(0, 59):02d}m)\n"
        )
    b.add("\n")
    b.lines(TRAVEL_LINES, rng.randint(3, 6))


def _chat(b: Builder) -> None:
    rng = b.rng
    for _ in range(rng.randint(8, 18)):
        who = rng.randint(1, 4)
        head = rng.choice(
            [
                "[{clock}] {p%d.handle}: ",
                "{p%d.lfirst}  {clock}\n",
                "<{p%d.handle}> ",
                "{p%d}  {clock}\n",
            ]
        )
        b.fill(head % who)
        b.fill(rng.choice(CHAT_LINES))
        b.add("\n")


def _email(b: Builder) -> None:
    rng = b.rng
    b.fill(
        "---------- Forwarded message ---------\nFrom: {p1} <{p1.email}>\nDate: {date}, {clock}\n"
    )
    b.fill("Subject: Fwd: {word} contract\nTo: {p2} <{p2.email}>\nCc: {p3.email}, {p4.email}\n\n")
    b.lines(EMAIL_BODY, rng.randint(1, 3), sep=" ")
    b.fill("\n\nOn {date} at {clock}, {p3} <{p3.email}> wrote:\n")
    b.lines(EMAIL_QUOTED, rng.randint(2, 5))
    b.add("\n")
    b.fill(rng.choice(EMAIL_SIGNATURES))


def _crm(b: Builder) -> None:
    rng = b.rng
    head, row = rng.choice(CRM_TABLES)
    b.fill("### Pipeline export ({date}), owner {p1}\n\n" if rng.random() < 0.5 else "")
    b.add(head + "\n")
    b.add("|" + "---|" * (head.count("|") - 1) + "\n")
    for _ in range(rng.randint(3, 8)):
        b.fill(row)
        b.add("\n")


def _json(b: Builder) -> None:
    if b.rng.random() < 0.4:
        b.fill("POST /v2/{word}/events HTTP/1.1\nHost: api.orrerylabs.io\nAuthorization: Bearer {secret}\n\n")  # fmt: skip
    b.json(b.rng.choice(JSON_SHAPES))
    b.add("\n")


def _shell(b: Builder) -> None:
    rng = b.rng
    start = rng.randint(100, 1900)
    for i, t in enumerate(rng.sample(SHELL_LINES, rng.randint(7, 14))):
        b.add(rng.choice([f"{start + i:5d}  ", "$ ", "❯ "]))
        b.fill(t)
        b.add("\n")


def _logs(b: Builder) -> None:
    rng = b.rng
    b.lines(LOG_LINES, rng.randint(3, 7))
    if rng.random() < 0.5:
        b.add("Traceback (most recent call last):\n")
        for mod, fn in rng.sample([("billing/charge", "charge"), ("api/views", "post"), ("crm/sync", "run"), ("kyc/check", "verify")], 2):  # fmt: skip
            b.add(f'  File "/srv/app/{mod}.py", ')
            b.put("DECOY_LINE_NUMBER", f"line {rng.randint(10, 900)}")
            b.add(f", in {fn}\n    result = {fn}(payload)\n")
        b.fill(rng.choice(TRACE_MESSAGES))
    else:
        b.add('Exception in thread "main" ')
        b.fill(rng.choice(JAVA_MESSAGES))
        for cls in rng.sample(["ContactService", "SyncJob", "Gateway", "LoginFlow"], 3):
            b.add(f"\n\tat com.kestrel.crm.{cls}.run({cls}.java:{rng.randint(20, 400)})")
    b.add("\n")
    b.lines(LOG_LINES, rng.randint(1, 3))


KINDS: dict[str, Callable[[Builder], None]] = {
    "meeting": _meeting,
    "ticket": _ticket,
    "hr": _hr,
    "travel": _travel,
    "chat": _chat,
    "email": _email,
    "crm": _crm,
    "json": _json,
    "shell": _shell,
    "log": _logs,
}


def generate(seed: int, n_docs: int) -> list[Doc]:
    """``n_docs`` documents, the kinds in turn, every value drawn from ``Random(seed)``."""
    rng = random.Random(seed)
    names = list(KINDS)
    docs = []
    for i in range(n_docs):
        kind = names[i % len(names)]
        b = Builder(rng)
        KINDS[kind](b)
        docs.append(b.doc(kind))
    return docs
