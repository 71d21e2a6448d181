"""The Builder of a held-out document: fills ``{slot}`` templates with drawn values and keeps
the exact span of every value (a label) and every decoy, and the document's cast of people."""

from __future__ import annotations

import random
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from corpora.heldout.decoys import DECOY_MAKERS
from corpora.heldout.people import Person, fold, new_person
from corpora.heldout.values import SENSITIVE_MAKERS
from corpora.text.document import Doc, Label

_MAKERS = {**SENSITIVE_MAKERS, **DECOY_MAKERS}


#: ``{slot}``, ``{slot2}`` (a second value of a kind), ``{p1}`` / ``{p1.first}`` (the doc's cast).
_SLOT = re.compile(r"\{([a-z][a-z0-9]*)(?:\.([a-z]+))?\}")
_PERSON_ATTRS = ("full", "first", "last", "lfirst", "handle", "login", "email", "rev", "upper", "initial")  # fmt: skip


@dataclass
class Builder:
    """Appends text, recording the exact span of every inserted value and decoy."""

    rng: random.Random
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    labels: list[Label] = field(default_factory=list)
    decoys: list[Label] = field(default_factory=list)
    cast: list[Person] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def put(self, entity_type: str | None, value: str) -> None:
        if entity_type and value:
            target = self.decoys if entity_type.startswith("DECOY_") else self.labels
            target.append(Label(self.pos, self.pos + len(value), entity_type))
        self.add(value)

    def person(self, i: int) -> Person:
        while len(self.cast) < i:
            p = new_person(self.rng)
            if all(p.given != q.given and p.family != q.family for q in self.cast):
                self.cast.append(p)
        return self.cast[i - 1]

    def put_person(self, p: Person, attr: str) -> None:
        if attr == "email":
            self.put("EMAIL_ADDRESS", p.email)
            return
        if attr == "handle":
            self.put("PERSON", "@" + p.handle)
            return
        value = {
            "full": p.full,
            "first": p.given,
            "last": p.family,
            "lfirst": p.given.lower(),
            "login": fold(p.given),
            "rev": f"{p.family}, {p.given}",
            "upper": f"{fold(p.family).upper()}/{fold(p.given).upper()}",
            "initial": f"{p.given[0]}. {p.family}",
        }[attr]
        self.put("PERSON", value)

    def fill(self, template: str) -> None:
        at = 0
        for m in _SLOT.finditer(template):
            self.add(template[at : m.start()])
            name, attr = m.group(1), m.group(2)
            if re.fullmatch(r"p\d", name):
                if (attr or "full") not in _PERSON_ATTRS:
                    raise KeyError(f"{m.group(0)} in {template!r}")
                self.put_person(self.person(int(name[1])), attr or "full")
            else:
                key = name if name in _MAKERS else name.rstrip("0123456789")
                entity_type, make = _MAKERS[key]
                self.put(entity_type, make(self.rng))
            at = m.end()
        self.add(template[at:])

    def lines(self, templates: Sequence[str], n: int, sep: str = "\n", prefix: str = "") -> None:
        for t in self.rng.sample(list(templates), min(n, len(templates))):
            self.fill(prefix)
            self.fill(t)
            self.add(sep)

    def json(self, obj: object, indent: int = 0, step: int = 2) -> None:
        """Write ``obj`` as JSON; leaves given as ``(slot,)`` tuples are drawn and labelled."""
        pad = " " * (indent + step)
        if isinstance(obj, dict):
            self.add("{\n")
            for i, (k, v) in enumerate(obj.items()):
                self.add(f'{pad}"{k}": ')
                self.json(v, indent + step, step)
                self.add(",\n" if i < len(obj) - 1 else "\n")
            self.add(" " * indent + "}")
        elif isinstance(obj, list):
            self.add("[")
            for i, v in enumerate(obj):
                self.json(v, indent, step)
                if i < len(obj) - 1:
                    self.add(", ")
            self.add("]")
        elif isinstance(obj, tuple):  # a template for a string value
            self.add('"')
            self.fill(obj[0])
            self.add('"')
        elif isinstance(obj, bool) or obj is None:
            self.add({True: "true", False: "false", None: "null"}[obj])
        elif isinstance(obj, int | float):
            self.add(str(obj))
        else:
            self.add(f'"{obj}"')

    def doc(self, kind: str) -> Doc:
        return Doc("".join(self.parts), kind, self.labels, self.decoys)
