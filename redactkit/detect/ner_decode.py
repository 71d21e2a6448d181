"""Greedy decoding of spaCy's NER transition model, vectorised with numpy.

Why: spaCy decodes its NER one token at a time in a compiled loop that, for each token, asks
every one of the 74 actions whether it is valid and multiplies one 64-wide hidden vector by
the output layer through blis's reference kernel. On this model that loop costs about 80 µs
a token, more than the convolutional network that feeds it (``benchmarks/ner_ops.py``), and
about a quarter of all text redaction time.

The model's state is small. With three features (the next token, the first token of the open
entity, the token before the next one) every state with no entity open scores the same way:
from the next token alone. So the scores of all such states are one matrix product over the
doc, and the decoder walks only where the best action opens an entity; inside an entity it
scores step by step, as spaCy does. The validity rules are spaCy's (``ner.pyx``) for docs
without preset entities: no entity begins or is a unit on whitespace, none begins on the last
token or crosses a sentence start, an open entity continues (I) or ends (L) with its label.

Same entities as ``nlp.pipe``: the network's features are computed by spaCy's own layers; only
the last product's summation order differs (numpy's BLAS instead of blis), which can flip an
action only on an exact tie of two scores. ``tests/test_ner_decode.py`` compares both on
varied text; ``GreedyNer.supports`` refuses a model of another shape, and the caller then
uses spaCy's own loop.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.tokens import Doc

#: spaCy's BILUO move names, in the order of its ``ner.pyx``.
_BEGIN, _IN, _LAST, _UNIT, _OUT = "B", "I", "L", "U", "O"


class GreedyNer:
    """The decoder for one spaCy ``EntityRecognizer`` (its weights read once)."""

    def __init__(self, ner) -> None:
        model = ner.model
        self.tok2vec, self.lower, upper = model.layers
        self.bias = self.lower.get_param("b")  # (nO, nP)
        self.W = upper.get_param("W")  # (classes, nO)
        self.b = upper.get_param("b")
        names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        moves = [n.split("-", 1)[0] for n in names]
        labels = [n.split("-", 1)[1] if "-" in n else "" for n in names]
        self.labels = labels
        n = len(names)
        # Validity with no entity open: O always; B-L and U-L for a real label, subject to
        # the token (whitespace, last, next sentence start), checked per token below.
        self._begin = numpy.array([m == _BEGIN and bool(lab) for m, lab in zip(moves, labels)])
        self._unit = numpy.array([m == _UNIT and bool(lab) for m, lab in zip(moves, labels)])
        self._out = numpy.array([m == _OUT for m in moves])
        self._moves = moves
        #: For each label, the index of its I and L moves (what an open entity may do).
        self._inside = {
            lab: (names.index(f"{_IN}-{lab}"), names.index(f"{_LAST}-{lab}"))
            for lab in {lab for lab in labels if lab}
            if f"{_IN}-{lab}" in names and f"{_LAST}-{lab}" in names
        }
        assert n == self.W.shape[0]

    @staticmethod
    def supports(ner) -> bool:
        """Whether ``ner`` is a model this decoder reproduces: greedy, three features, maxout
        hidden layer with an output layer, every class seen, BILUO moves."""
        try:
            model = ner.model
            if ner.cfg.get("beam_width", 1) != 1 or not model.attrs.get("has_upper"):
                return False
            if model.attrs.get("unseen_classes"):
                return False
            lower = model.layers[1]
            if lower.get_dim("nF") != 3 or lower.get_dim("nP") < 2:
                return False
            names = [ner.moves.get_class_name(i) for i in range(ner.moves.n_moves)]
        except Exception:  # noqa: BLE001 - any other shape: spaCy's own loop decodes it
            return False
        return all(n == _OUT or n.split("-", 1)[0] in "BILU" for n in names)

    def __call__(self, docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
        """(start, end, label) token spans of the entities of each doc (no preset entities)."""
        sizes = [len(d) for d in docs]
        if not sum(sizes):
            return [[] for _ in docs]
        tokvecs = self.tok2vec.predict(docs)
        cached = self.lower.predict(tokvecs)  # (1 + tokens, nF, nO, nP), row 0: padding
        pad = cached[0]
        feats = cached[1:]
        # every state with no entity open: features (next token, padding, padding)
        outside = (((feats[:, 0] + pad[1]) + pad[2]) + self.bias).max(axis=2)
        scores = outside @ self.W.T + self.b
        space = numpy.concatenate([d.to_array(IS_SPACE) for d in docs if len(d)]).astype(bool)
        starts = numpy.concatenate([d.to_array(SENT_START) for d in docs if len(d)])
        last = numpy.zeros(len(space), dtype=bool)
        last[numpy.cumsum([s for s in sizes if s]) - 1] = True
        # B needs a next token in the same doc that does not start a sentence
        next_starts = numpy.zeros(len(space), dtype=bool)
        next_starts[:-1] = starts[1:] == 1
        can_begin = ~space & ~last & ~next_starts
        valid = self._out[None, :] | (self._unit[None, :] & ~space[:, None])
        valid |= self._begin[None, :] & can_begin[:, None]
        best = numpy.where(valid, scores, -numpy.inf).argmax(axis=1)
        opens = numpy.flatnonzero(~self._out[best])

        out: list[list[tuple[int, int, str]]] = []
        offset = 0
        k = 0  # position in ``opens``
        for size in sizes:
            ents: list[tuple[int, int, str]] = []
            end = offset + size
            b = offset
            while True:
                while k < len(opens) and opens[k] < b:
                    k += 1
                if k >= len(opens) or opens[k] >= end:
                    break
                b = int(opens[k])
                move = int(best[b])
                label = self.labels[move]
                if self._moves[move] == _UNIT:
                    ents.append((b - offset, b - offset + 1, label))
                    b += 1
                    continue
                b = self._inside_entity(feats, b, end, starts, label, ents, offset)
            out.append(ents)
            offset = end
        return out

    def _inside_entity(
        self,
        feats: numpy.ndarray,
        start: int,
        end: int,
        starts: numpy.ndarray,
        label: str,
        ents: list[tuple[int, int, str]],
        offset: int,
    ) -> int:
        """Walk an entity opened (B) at row ``start``: at each next token, continue (I) or
        end (L) by the scores of the state (token, entity start, previous token)."""
        i_move, l_move = self._inside[label]
        rows = [i_move, l_move]
        W, b_out = self.W[rows], self.b[rows]
        first = feats[start, 1]
        b = start + 1
        while True:
            unmaxed = ((feats[b, 0] + first) + feats[b - 1, 2]) + self.bias
            s = unmaxed.max(axis=1) @ W.T + b_out
            can_in = b + 1 < end and starts[b + 1] != 1
            if can_in and s[0] >= s[1]:
                b += 1
                continue
            ents.append((start - offset, b - offset + 1, label))
            return b + 1
