"""Deciding the keystrokes of a field: secure context, detection on its texts, batching.

A field is secure (masked whole, without detection) when the platform says so, a password prompt
came before it, or the window is a password manager; otherwise its texts (``spans``) go through
the shared detection engine, one call per field or, with ``detect_batch``, one batched call for
several ended fields, through a cache that checkpoints and rendering consult too.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from redactkit.keys.editor import Context, Field, Stroke
from redactkit.keys.hold import DROP, KEEP, MASK, PENDING, REPLACE, UNDECIDED
from redactkit.keys.rewrite import free_text_values, replacement_events
from redactkit.keys.spans import SEP, analysis_parts, map_spans, prefix_spans, strokes_in

log = logging.getLogger("redactkit.keys")

_GENERIC = ("CREDENTIAL", "PASSWORD")
#: Field texts whose findings are kept (checkpoints analyse a field several times).
CACHE_SIZE = 16384


class FieldJudge:
    """Decisions on fields (mixed into KeystrokeRedactor, which owns the state: ``text``,
    ``rules``, ``mode``, the caches and the batch of ended fields)."""

    def _secure(self, ctx: Context) -> bool:
        if self._secret_lines and self._secret_lines.get(ctx.app, 0) > 0:
            return True
        last = self._secure_last
        if last[0] is ctx:  # the context of the last event (it stays for most events)
            return last[1]
        known = self._secure_ctx.get(ctx)
        if known is None:
            app = (ctx.app or "").strip()
            app = re.sub(r"\.(app|exe)$", "", app, flags=re.IGNORECASE).casefold()
            known = (
                ctx.secure
                or self.rules.is_secure_window(ctx.app, ctx.title)
                or app in self._mask_apps
                or bool(ctx.title and self._mask_titles and self._mask_titles.search(ctx.title))
            )
            if len(self._secure_ctx) > CACHE_SIZE:
                self._secure_ctx.clear()
            self._secure_ctx[ctx] = known
        self._secure_last = (ctx, known)
        return known

    def _decide(self, field: Field) -> None:
        """A field has ended: secure input is masked now, the rest detected now or, with
        ``detect_batch`` > 1, queued for a batched call. Prompt state (the password line after
        ``sudo``) is updated now either way: it decides whether the next field is secure."""
        self.stats["fields"] += 1
        ctx = field.context
        prompted = self._secret_lines.get(ctx.app, 0) > 0
        if self._secure(ctx):
            for s in field.strokes:
                if s.verdict == UNDECIDED:
                    s.verdict = MASK if self.mode != "drop" else DROP
        elif self.detect_batch > 1:
            for s in field.strokes:
                if s.verdict == UNDECIDED:
                    s.verdict = PENDING
            self._pending.append(field)
        else:
            self._detect(field)
        if field.reason == "Enter" and self.rules.is_terminal(ctx.app):
            if prompted:
                self._secret_lines[ctx.app] -= 1
            else:
                n = self.rules.secret_lines_after(field.text())
                if n:
                    self._secret_lines[ctx.app] = n

    def _detect(self, field: Field) -> None:
        """Judge every undecided stroke of an ended field by detection on its texts."""
        try:
            bad, final = self._sensitive(field)
            spans = self._placeholders(field, final) if self.mode == "placeholder" else {}
        except Exception:  # noqa: BLE001 - any failure masks the whole field
            self.stats["detection_errors"] += 1
            log.warning("detection failed; the field's keystrokes are masked")
            bad, spans = set(map(id, field.strokes)), {}
        sensitive = DROP if self.mode == "drop" else MASK
        for s in field.strokes:
            if s.verdict == UNDECIDED:
                s.verdict = REPLACE if id(s) in spans else sensitive if id(s) in bad else KEEP

    def _resolve(self, also: Field | None = None) -> None:
        """Decide the fields queued for batched detection, in the order they ended: their
        texts (and the free text of the events seen meanwhile) go through the engine as one
        batch, then each field is judged from the cache exactly as ``_detect`` would alone.
        ``also``: the open field at a checkpoint, whose text so far is analysed in the batch."""
        if not self._pending and not self._pending_free and also is None:
            return  # the timer's ``expire`` with nothing waiting: the common case
        fields, self._pending = self._pending, []
        free, self._pending_free = list(self._pending_free), {}
        ahead = fields if also is None else [*fields, also]
        texts = [text for text in map(self._analysed_text, ahead) if text]
        self._warm(texts, free)
        self.forms.upcoming = _next_in_window(ahead)
        try:
            for field in fields:
                for s in field.strokes:
                    if s.verdict == PENDING:
                        s.verdict = UNDECIDED
                self._detect(field)
        finally:
            self.forms.upcoming = {}

    def _note_free_text(self, event: dict[str, Any]) -> None:
        for value in free_text_values(event):
            self._pending_free[value] = None

    @staticmethod
    def _analysed_text(field: Field) -> str:
        """The document ``_sensitive`` sends to the engine for ``field`` ("" when none)."""
        return SEP.join(analysis_parts(field)[1])

    def _warm(self, texts: list[str], free: list[str]) -> None:
        """Analyse ``texts`` (field documents) and redact ``free`` (event free text) in
        batches, into the caches that deciding and rendering consult. An optimisation only:
        on failure each field is analysed alone later (and masked if that fails too)."""
        todo = [t for t in dict.fromkeys(texts) if t not in self._spans_cache]
        try:
            for t, found in zip(todo, self.text.analyze_many(todo)):
                self.stats["analyses"] += 1
                self._remember(t, [(f.start, f.end, f.entity_type) for f in found])
            if free:
                self.free.prefetch(free)
        except Exception:  # noqa: BLE001 - an optimisation only
            log.warning("batched detection failed; analysing field by field")

    def _sensitive(
        self, field: Field, typed: list[Stroke] | None = None
    ) -> tuple[set[int], list[tuple[int, int, str]]]:
        """ids of the strokes in a finding of the final text, the raw typed sequence or the text
        just before an erasure; and the findings' spans in the final text.

        One analysis call for all of them (joined by blank lines): the per-call cost of the NLP
        pipeline dominates on field-sized texts."""
        parts, texts = analysis_parts(field, typed)
        if not parts:
            return map_spans(field, parts, texts, [])
        final = texts[0] if parts[0] is field.chars else None
        combined = SEP.join(texts)
        spans = self._engine_spans(combined)
        # what its label or its form says (keys/fieldhints.py)
        terminal = self.rules.is_terminal(field.context.app)
        labelled = self.forms.entity_for(
            field, (kind for _, _, kind in spans), terminal=terminal, text=final
        )
        if labelled:
            spans.append((0, len(combined), labelled))
        spans += prefix_spans(combined)
        if terminal:
            spans += [(a, b, "PASSWORD") for a, b in self.rules.inline_spans(combined)]
        return map_spans(field, parts, texts, spans)

    def _engine_spans(self, text: str) -> list[tuple[int, int, str]]:
        cache = self._spans_cache
        spans = cache.get(text)
        if spans is not None:
            cache.move_to_end(text)
            return list(spans)
        self.stats["analyses"] += 1
        spans = [(f.start, f.end, f.entity_type) for f in self.text.analyze(text)]
        self._remember(text, spans)
        return list(spans)

    def _remember(self, text: str, spans: list[tuple[int, int, str]]) -> None:
        cache = self._spans_cache
        cache[text] = spans
        if len(cache) > CACHE_SIZE:
            cache.popitem(last=False)

    def _placeholders(self, field: Field, spans: list[tuple[int, int, str]]) -> dict[int, Stroke]:
        """Plan replacement typing for findings of the final text typed without later edits."""
        chars = field.chars
        planned: dict[int, Stroke] = {}
        spans = sorted(spans)
        merged: list[list[Any]] = []
        for a, b, kind in spans:
            if merged and a <= merged[-1][1]:
                merged[-1][1] = max(merged[-1][1], b)
                if merged[-1][2] in _GENERIC:  # the engine's type names the value better
                    merged[-1][2] = kind
            else:
                merged.append([a, b, kind])
        head = self._queue[0].index if self._queue else 0
        for a, b, kind in merged:
            strokes = strokes_in(chars, a, b)
            if not strokes or any(s.verdict != UNDECIDED for s in strokes):
                continue
            first = strokes[0].down
            if any(e >= first for e in field.edits):
                continue
            value = "".join(s.char for s in strokes)
            replacement = self.text.replacement(kind, value)
            templates = [self._key_event(self._queue[s.down - head].event) for s in strokes]
            emit = replacement_events(templates, replacement, self.mask_char)
            for s, evs in zip(strokes, emit):
                s.emit = evs
                planned[id(s)] = s
        return planned


def _next_in_window(fields: list[Field]) -> dict[int, str]:
    """Start of each field → the text of the next field in the same window (app and title)
    among ``fields`` (in typing order): what a form's next entry held, for ``fieldhints``."""
    out: dict[int, str] = {}
    last: dict[tuple[str | None, str | None], Field] = {}
    for f in fields:
        key = (f.context.app, f.context.title)
        prev = last.get(key)
        if prev is not None:
            out[prev.start] = f.text()
        last[key] = f
    return out
