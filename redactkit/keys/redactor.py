"""KeystrokeRedactor: key events in, the same events out with every sensitive keystroke masked.

The stream is replayed through the edit model (``editor``); when a field ends, its final text and
its raw typed sequence are checked by the shared detection engine, and each character found
sensitive rewrites the keydown that typed it and the keyups that released it. Secure fields,
password prompts and password-manager windows are masked whole, at once, without detection.

Streaming: an event leaves as soon as nothing later can change its fate. Only the keystrokes of
the field being typed are undecided, so output lags input by about one field. The lag is bounded
by ``max_hold`` events and ``max_hold_seconds``: at half the bound a checkpoint analyses the
field so far and releases what is clean and far enough behind the cursor (an entity still being
typed cannot reach back ``CHECKPOINT_TAIL`` characters); at the bound every held keystroke is
masked. Failing closed costs a few characters of text; releasing early could cost a password.

Modes (``mode=``):

- ``mask`` (default): each sensitive key becomes ``mask_char`` in keydown and keyup. Event count,
  order, timing and the edit semantics survive (Backspace still deletes the masked character it
  deleted), so a replay of the output reproduces the field with the secret blanked, which is
  what typing-behaviour and computer-use training data needs. It leaks the length of the value,
  as the bullets of a password box on screen already do.
- ``drop``: sensitive keydowns and keyups are removed. Hides the length; a replay no longer
  matches the Backspaces that follow.
- ``placeholder``: a finding typed in one go (no edit after it in its field) is replaced by
  events typing the policy's replacement (``<EMAIL_ADDRESS>``, a session pseudonym), spread over
  the timestamps of the original keydowns. Everything else (secure fields, erased secrets, spans
  with edits) falls back to ``mask``, since a replacement of another length would make later
  Backspaces and arrows act on the wrong characters.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from redactkit.keys.editor import Context, Editor, Field, Stroke
from redactkit.keys.events import (
    EDITING,
    KEY_TYPES,
    MODIFIERS,
    MOUSE_TYPES,
    NAVIGATION,
    KeyEventError,
    check_event,
    is_printable,
)
from redactkit.keys.fieldhints import FormMemory
from redactkit.keys.prompts import DEFAULT_RULES, PromptRules
from redactkit.keys.rewrite import FreeText, free_text_values, masked, replacement_events
from redactkit.keys.spans import SEP, analysis_parts, map_spans, prefix_spans, strokes_in

log = logging.getLogger("redactkit.keys")

MODES = ("mask", "drop", "placeholder")
#: Verdicts of a stroke. PENDING: its field has ended and waits for a batched detection call
#: (``detect_batch``); for the hold bound it counts as decided, for release as undecided.
UNDECIDED, KEEP, MASK, DROP, REPLACE, PENDING = 0, 1, 2, 3, 4, 5
#: Fields per batched detection call for whole streams (``redact_keystrokes``, the CLI):
#: spaCy's ``pipe`` then costs about 40 % less per field than one call per field.
BATCH_FIELDS = 16

#: Characters behind the cursor that a checkpoint never releases (a card number with spaces is
#: 19, an IBAN up to 42).
CHECKPOINT_TAIL = 48
#: Fields longer than this are closed by force (cost of analysis grows with the field).
MAX_FIELD_CHARS = 20_000

_CONTROL_KEYS = MODIFIERS | NAVIGATION | EDITING
_GENERIC = ("CREDENTIAL", "PASSWORD")
_CACHE_SIZE = 4096


class _Slot:
    """One input event waiting in the hold-back queue."""

    __slots__ = ("index", "event", "t", "stroke", "ups", "secure")

    def __init__(self, index: int, event: dict[str, Any], t: float | None) -> None:
        self.index, self.event, self.t = index, event, t
        self.stroke: Stroke | None = None
        self.ups: list[Stroke] | None = None
        self.secure = False


class KeystrokeRedactor:
    """Redacts a stream of key events (dicts shaped like the JSON Lines of INTERFACE.md).

    ``feed(events)`` yields redacted events in input order as soon as they are decided;
    ``flush()`` ends the stream and yields the rest. Inputs are never modified. A bad event
    raises KeyEventError naming its position; the events still held are then masked by
    ``flush()``, never released as typed. ``stats`` counts fields, analyses and forced masks.

    ``detect_batch``: how many ended fields may wait for one batched detection call. 1 (the
    default, for live capture) decides each field when it ends. More trades hold time for
    throughput (whole streams: ``redact_keystrokes`` and the CLI use BATCH_FIELDS): the output
    is the same, but events of ended fields wait until the batch is full (or ``flush``,
    ``expire``). The hold bound counts only events whose fate still depends on typing.
    """

    def __init__(
        self,
        policy: Any = None,
        session: Any = None,
        mode: str = "mask",
        max_hold: int = 1000,
        max_hold_seconds: float = 60.0,
        *,
        rules: PromptRules = DEFAULT_RULES,
        mask_char: str = "•",
        text_redactor: Any = None,
        detect_batch: int = 1,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if max_hold < 2 or max_hold_seconds <= 0:
            raise ValueError("max_hold must be >= 2 and max_hold_seconds > 0")
        if detect_batch < 1:
            raise ValueError("detect_batch must be >= 1")
        if text_redactor is None:
            from redactkit.text import TextRedactor

            text_redactor = TextRedactor(policy, session)
        self.text = text_redactor
        self.policy = self.text.policy
        self.mode = mode
        self.max_hold = max_hold
        self.max_hold_seconds = float(max_hold_seconds)
        self.rules = rules
        self.mask_char = mask_char
        self.detect_batch = detect_batch
        self.editor = Editor()
        self.stats = {
            "events": 0,
            "fields": 0,
            "analyses": 0,
            "forced_masks": 0,
            "checkpoints": 0,
            "detection_errors": 0,
        }
        self._queue: deque[_Slot] = deque()
        self._index = 0
        #: Stream index of the first event the hold bound counts (the first undecided one).
        self._held_from = 0
        self._pending: list[Field] = []
        self._pending_free: dict[str, None] = {}
        self._last_t: float | None = None
        self._secret_lines: dict[str | None, int] = {}
        self._secure_ctx: dict[Context, bool] = {}
        self._spans_cache: OrderedDict[str, list[tuple[int, int, str]]] = OrderedDict()
        self._ahead: tuple[Editor, list[Any]] | None = None
        self.free = FreeText(self.text, self.stats)
        self.forms = FormMemory()
        self._last_checkpoint = -1
        self._failed = False
        self._mask_apps = {a.casefold() for a in getattr(self.policy, "mask_apps", ())}
        titles = getattr(self.policy, "mask_titles", ())
        self._mask_titles = re.compile("|".join(f"(?:{p})" for p in titles)) if titles else None

    # -- public ------------------------------------------------------------------------------
    def feed(self, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for event in events:
            self._push(event)
            yield from self._release()

    def flush(self) -> Iterator[dict[str, Any]]:
        """End of stream: close the open field, decide it, release everything held."""
        if not self._failed:
            field = self.editor.close(self._index - 1, "flush")
            if field is not None:
                self._decide(field)
        self._resolve()  # fields that ended before a failure are decided as they would have been
        self._force(MASK)  # keyups still waiting on nothing; cannot happen, but never release raw
        yield from self._release()

    def fail(self) -> None:
        """Mark the stream broken: ``flush`` will mask everything still held."""
        self._failed = True

    def expire(self, now: float) -> Iterator[dict[str, Any]]:
        """Apply the time bound at ``now`` (seconds, the events' clock) when no event arrives:
        a live agent calls this on a timer so a pause in typing does not hold events forever."""
        self._resolve()
        self._bound(now)
        yield from self._release()

    # -- the stream --------------------------------------------------------------------------
    def _push(self, event: dict[str, Any]) -> None:
        """Take one event: replay it, decide what its arrival settles, apply the bounds."""
        position = self._index + 1
        try:
            self._last_t = check_event(event, position, self._last_t)
        except KeyEventError:
            self._failed = True
            raise
        index = self._index
        self._index += 1
        self.stats["events"] += 1
        step = self.editor.feed(index, event)
        for field in step.closed:
            self._decide(field)
        slot = _Slot(index, event, self._last_t)
        kind = event.get("type")
        key = event.get("key")
        if kind not in MOUSE_TYPES:
            slot.secure = self._secure(self.editor.context)
        if kind not in KEY_TYPES and isinstance(key, str) and is_printable(key):
            # keypress, beforeinput...: the character of a keydown, judged with it
            slot.ups = self.editor.pending(key)
        elif kind in KEY_TYPES:
            if step.stroke is not None:
                slot.stroke = step.stroke
                if slot.secure:
                    step.stroke.verdict = DROP if self.mode == "drop" else MASK
                elif not step.stroke.text:
                    step.stroke.verdict = KEEP
            elif kind == "keyup" and is_printable(key):
                slot.ups = step.released
        self._queue.append(slot)
        if self.detect_batch > 1:  # its free text joins the next batch
            self._note_free_text(event)
        if len(self.editor.field.chars) > MAX_FIELD_CHARS:
            field = self.editor.close(index, "limit")
            if field is not None:
                self._decide(field)
        if len(self._pending) >= self.detect_batch:
            self._resolve()
        self._bound(self._last_t)

    def _release(self) -> list[dict[str, Any]]:
        """The rendered events from the head of the queue up to the first undecided one."""
        queue = self._queue
        out: list[dict[str, Any]] = []
        while queue:
            verdict = self._verdict(queue[0])
            if verdict == UNDECIDED:
                self._held_from = queue[0].index
                return out
            if verdict == PENDING:
                break
            self._render(queue.popleft(), verdict, out)
        self._advance_held()
        return out

    def _advance_held(self) -> None:
        """Move the start of what the hold bound counts past every event that is decided or
        waits only for its field's batched detection (it stays in the queue, behind a pending
        one): the bound then sees exactly what it would see if every field were decided when
        it ended, so batching changes no output."""
        queue = self._queue
        if not queue:
            self._held_from = self._index
            return
        pos = max(0, self._held_from - queue[0].index)
        while pos < len(queue) and self._verdict(queue[pos]) != UNDECIDED:
            pos += 1
        self._held_from = queue[0].index + pos

    def _verdict(self, slot: _Slot) -> int:
        if slot.stroke is not None:
            return slot.stroke.verdict
        if slot.ups is None:
            return KEEP
        if not slot.ups:  # a keyup whose keydown was never seen: its key is unjudged
            return DROP if self.mode == "drop" else MASK
        verdicts = [s.verdict for s in slot.ups]
        if UNDECIDED in verdicts:
            return UNDECIDED
        if PENDING in verdicts:
            return PENDING
        if all(v == KEEP for v in verdicts):
            return KEEP
        if self.mode == "drop" or all(v in (KEEP, REPLACE) for v in verdicts):
            return DROP
        return MASK

    # -- bounds ------------------------------------------------------------------------------
    def _bound(self, now: float | None) -> None:
        queue = self._queue
        held = self._index - self._held_from
        if held <= 0:
            return
        first_t = queue[self._held_from - queue[0].index].t
        age = 0.0 if now is None or first_t is None else now - first_t
        if held >= self.max_hold or age >= self.max_hold_seconds:
            self._checkpoint(force=True)
        elif held >= self.max_hold // 2 or age >= self.max_hold_seconds / 2:
            if self._index - self._last_checkpoint >= max(1, self.max_hold // 8):
                self._checkpoint(force=False)

    def _checkpoint(self, *, force: bool) -> None:
        """Release the clean part of the open field far behind the cursor; when forced, mask
        the rest of what is held."""
        self._last_checkpoint = self._index
        self.stats["checkpoints"] += 1
        field = self.editor.field
        if field.strokes and not self._failed and not self._secure(field.context):
            if self._pending:  # the text so far joins the waiting batch: one engine call
                self._resolve(also=field)
            try:
                bad = self._sensitive(field)[0]
            except Exception:  # noqa: BLE001 - detection failure: fall through to masking
                self.stats["detection_errors"] += 1
                log.warning("detection failed at a checkpoint; held keystrokes masked")
                bad = set(map(id, field.strokes))
            typed, chars = field.typed, field.chars
            final_pos = {id(s): i for i, s in enumerate(chars)}
            raw_end, final_end = len(typed) - CHECKPOINT_TAIL, len(chars) - CHECKPOINT_TAIL
            for s in typed[: max(0, raw_end)]:
                # still in the text and far behind the cursor in it and in the raw sequence;
                # erased text is never released early (its erasure may still be going on)
                if (
                    s.verdict == UNDECIDED
                    and id(s) not in bad
                    and -1 < final_pos.get(id(s), -1) < final_end
                ):
                    s.verdict = KEEP
        if force:
            n = self._force(MASK)
            self.stats["forced_masks"] += n

    def _force(self, verdict: int) -> int:
        n = 0
        for slot in self._queue:
            strokes = [slot.stroke] if slot.stroke is not None else slot.ups or []
            for s in strokes:
                if s.verdict == UNDECIDED:
                    s.verdict = DROP if self.mode == "drop" else verdict
                    n += 1
        return n

    # -- decisions ---------------------------------------------------------------------------
    def _secure(self, ctx: Context) -> bool:
        if self._secret_lines.get(ctx.app, 0) > 0:
            return True
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
            if len(self._secure_ctx) > _CACHE_SIZE:
                self._secure_ctx.clear()
            self._secure_ctx[ctx] = known
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
        fields, self._pending = self._pending, []
        free, self._pending_free = list(self._pending_free), {}
        ahead = fields if also is None else [*fields, also]
        texts = [text for text in map(self._analysed_text, ahead) if text]
        self._warm(texts, free)
        for field in fields:
            for s in field.strokes:
                if s.verdict == PENDING:
                    s.verdict = UNDECIDED
            self._detect(field)

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

    def _sensitive(self, field: Field) -> tuple[set[int], list[tuple[int, int, str]]]:
        """ids of the strokes in a finding of the final text, the raw typed sequence or the text
        just before an erasure; and the findings' spans in the final text.

        One analysis call for all of them (joined by blank lines): the per-call cost of the NLP
        pipeline dominates on field-sized texts."""
        parts, texts = analysis_parts(field)
        if not parts:
            return map_spans(field, parts, texts, [])
        combined = SEP.join(texts)
        spans = self._engine_spans(combined)
        # what its label or its form says (keys/fieldhints.py)
        labelled = self.forms.entity_for(field, (kind for _, _, kind in spans))
        if labelled:
            spans.append((0, len(combined), labelled))
        spans += prefix_spans(combined)
        if self.rules.is_terminal(field.context.app):
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
        if len(cache) > _CACHE_SIZE:
            cache.popitem(last=False)

    def prefetch(self, events: Sequence[dict[str, Any]]) -> None:
        """Analyse ahead, in one batch, the fields that ``events`` (the next events to be fed)
        will close, and the free text of their other fields; results land in the caches that
        ``feed`` consults, so the output is the same with or without this call. Errors here are
        ignored (``feed`` then analyses as usual).

        Superseded by ``detect_batch``, which batches in the one pass of ``feed``; this replays
        the edit model a second time and, not knowing the prompt state, also analyses password
        lines that ``feed`` masks whole. Kept for callers that feed a live redactor in chunks."""
        if self._ahead is None:
            self._ahead = (Editor(), [self._index, self._last_t])
        editor, state = self._ahead
        texts: dict[str, None] = {}
        free: dict[str, None] = {}
        try:
            for event in events:
                state[1] = check_event(event, state[0] + 1, state[1])
                for field in editor.feed(state[0], event).closed:
                    if self._secure(field.context):
                        continue  # masked whole, never analysed
                    parts = analysis_parts(field)[1]
                    if parts:
                        texts[SEP.join(parts)] = None
                free.update(dict.fromkeys(free_text_values(event)))
                state[0] += 1
        except KeyEventError:
            pass  # feed will raise it at the same event
        self._warm(list(texts), list(free))

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
            templates = [self._queue[s.down - head].event for s in strokes]
            emit = replacement_events(templates, replacement, self.mask_char)
            for s, evs in zip(strokes, emit):
                s.emit = evs
                planned[id(s)] = s
        return planned

    # -- output ------------------------------------------------------------------------------
    def _render(self, slot: _Slot, verdict: int, out: list[dict[str, Any]]) -> None:
        """Append to ``out`` what ``slot``'s event becomes under ``verdict`` (a copy, possibly
        masked; the replacement typing; or nothing when dropped)."""
        event = slot.event
        if verdict == KEEP:
            # in a secure field, anything but a control key may spell what is typed
            # (``code``, ``keyCode``, an ``input`` event's ``data``): blanked, key name kept
            if slot.secure and slot.stroke is None and event.get("key") not in _CONTROL_KEYS:
                out.append(self.free.clean(masked(event, self.mask_char, keep_key=True)))
            else:
                out.append(self.free.clean(event))
        elif verdict == MASK:
            out.append(self.free.clean(masked(event, self.mask_char)))
        elif verdict == REPLACE and slot.stroke is not None:
            out.extend(self.free.clean(ev) for ev in slot.stroke.emit or ())


def redact_keystrokes(events: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """Whole-list convenience: the redacted events, in order (options as KeystrokeRedactor)."""
    options.setdefault("detect_batch", BATCH_FIELDS)
    redactor = KeystrokeRedactor(**options)
    out = list(redactor.feed(events))
    out.extend(redactor.flush())
    return out
