"""A labelled document and the builder that writes one: every inserted value is recorded with
its exact span as it is written, so labels are exact by construction rather than found again
afterwards. ``Doc`` and ``Label`` are the format every text corpus and ``benchmarks.scoring`` share."""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from corpora.values import SLOTS


@dataclass
class Label:
    """A span of a generated document; the value is ``text[start:end]``."""

    start: int
    end: int
    entity_type: str


@dataclass
class Doc:
    """One generated document: sensitive ``labels`` and look-alike ``decoys`` (``DECOY_<what>``)."""

    text: str
    kind: str
    labels: list[Label]
    decoys: list[Label]


SLOT = re.compile(r"\[\[(\w+)\]\]")


@dataclass
class Builder:
    """Appends text and records the span of every inserted value, so labels are exact by
    construction rather than found again afterwards."""

    rng: random.Random
    parts: list[str] = field(default_factory=list)
    pos: int = 0
    labels: list[Label] = field(default_factory=list)
    decoys: list[Label] = field(default_factory=list)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.pos += len(text)

    def put(self, entity_type: str | None, value: str) -> None:
        if value and entity_type:
            spans = self.decoys if entity_type.startswith("DECOY_") else self.labels
            spans.append(Label(self.pos, self.pos + len(value), entity_type))
        self.add(value)

    def fill(self, template: str, **fixed: str) -> None:
        """Write ``template``, drawing a fresh value for each ``[[slot]]`` unless it is fixed.

        Slot names end in digits to tell apart two values of one kind (``[[person2]]``).
        """
        at = 0
        for m in SLOT.finditer(template):
            self.add(template[at : m.start()])
            key = m.group(1)
            entity_type, make = SLOTS[key if key in SLOTS else key.rstrip("0123456789")]
            self.put(entity_type, fixed[key] if key in fixed else make(self.rng))
            at = m.end()
        self.add(template[at:])

    def doc(self, kind: str) -> Doc:
        return Doc("".join(self.parts), kind, self.labels, self.decoys)


def lines(b: Builder, templates: list[str], n: int, end: str = "\n", **fixed: str) -> None:
    for _ in range(n):
        b.fill(b.rng.choice(templates), **fixed)
        b.add(end)
