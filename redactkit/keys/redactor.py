"""KeystrokeRedactor: key events in, the same events out with every sensitive keystroke masked.

The stream is replayed through the edit model (``editor``); when a field ends, its final text and
its raw typed sequence are checked by the shared detection engine, and each character found
sensitive rewrites the keydown that typed it and the keyups that released it. Secure fields,
password prompts and password-manager windows are masked whole, at once, without detection.

Streaming: an event leaves as soon as nothing later can change its fate, and at the latest at
the deadline (``hold``). Keys spelled only by codes (``Unidentified``, ``keycode_38``) are decoded
through layout tables (``decode``); when a key is masked, every field that can spell it is
blanked with it, and fields of key events the redactor does not know are dropped unless the
policy keeps them. The parts: ``hold`` (when an event may leave), ``judge`` (what a field's
keystrokes are), this module (the stream and the output).

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

import re
from collections import OrderedDict, deque
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from redactkit.keys.decode import (
    KNOWN_KEY_FIELDS,
    UNDECODED,
    Decoder,
    known_key_field,
    needs_decoding,
)
from redactkit.keys.editor import Context, Editor, Field
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
from redactkit.keys.hold import DROP, KEEP, MASK, REPLACE, HoldBack, Slot
from redactkit.keys.judge import FieldJudge
from redactkit.keys.prompts import DEFAULT_RULES, PromptRules
from redactkit.keys.rewrite import NON_TEXT_FIELDS, FreeText, free_text_values, masked
from redactkit.keys.spans import SEP, analysis_parts

MODES = ("mask", "drop", "placeholder")
#: Fields per batched detection call for whole streams (``redact_keystrokes``, the CLI):
#: spaCy's ``pipe`` then costs about 40 % less per field than one call per field.
BATCH_FIELDS = 16
#: Seconds of the stream's clock within which every event leaves (``hold``), live.
DEADLINE = 2.0
#: The deadline of whole streams (``redact_keystrokes``, the CLI): no live consumer waits, so
#: values typed slowly are decided by their whole field, not masked at 2 s.
OFFLINE_DEADLINE = 60.0
#: Fields longer than this are closed by force (cost of analysis grows with the field).
MAX_FIELD_CHARS = 20_000

_CONTROL_KEYS = MODIFIERS | NAVIGATION | EDITING
#: Fields of an event that is rendered as a plain copy when kept: known on key events (none
#: dropped) and no free text (none redacted).
_PLAIN = KNOWN_KEY_FIELDS & NON_TEXT_FIELDS
UNDECIDED_ACTIONS = ("mask", "keep")
UNKNOWN_FIELDS = ("drop", "keep")


class KeystrokeRedactor(HoldBack, FieldJudge):
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

    ``deadline``: seconds of the stream's clock within which every event leaves (``hold``); a
    live agent calls ``expire(now)`` at least every ``deadline / 10`` when no event arrives.
    ``max_hold_seconds`` is its former name (kept for callers).
    """

    def __init__(
        self,
        policy: Any = None,
        session: Any = None,
        mode: str = "mask",
        max_hold: int = 1000,
        max_hold_seconds: float | None = None,
        *,
        deadline: float | None = None,
        rules: PromptRules = DEFAULT_RULES,
        mask_char: str = "•",
        text_redactor: Any = None,
        detect_batch: int = 1,
    ) -> None:
        if mode not in MODES:
            raise ValueError(f"mode must be one of {', '.join(MODES)}")
        if deadline is None:
            deadline = DEADLINE if max_hold_seconds is None else max_hold_seconds
        if max_hold < 2 or not deadline > 0:
            raise ValueError("max_hold must be >= 2 and the deadline > 0")
        if detect_batch < 1:
            raise ValueError("detect_batch must be >= 1")
        if text_redactor is None:
            from redactkit.text import TextRedactor

            text_redactor = TextRedactor(policy, session)
        self.text = text_redactor
        self.policy = self.text.policy
        self.mode = mode
        self.max_hold = max_hold
        self.deadline = self.max_hold_seconds = float(deadline)
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
            "deadline_decisions": 0,
            "deadline_released": 0,
            "detection_errors": 0,
            "decoded": 0,
            "undecoded": 0,
            "dropped_fields": 0,
        }
        self._queue: deque[Slot] = deque()
        self._index = 0
        #: Stream index of the first event the hold bound counts (the first undecided one).
        self._held_from = 0
        self._pending: list[Field] = []
        self._pending_free: dict[str, None] = {}
        self._last_t: float | None = None
        self._secret_lines: dict[str | None, int] = {}
        self._secure_ctx: dict[Context, bool] = {}
        self._secure_last: tuple[Context | None, bool] = (None, False)
        self._spans_cache: OrderedDict[str, list[tuple[int, int, str]]] = OrderedDict()
        self._ahead: tuple[Editor, list[Any]] | None = None
        self.free = FreeText(self.text, self.stats)
        self.forms = FormMemory()
        self._last_checkpoint = -1
        self._checkpoint_t: float | None = None
        self._analysed_state: tuple[int, int, int, int] | None = None
        #: The open field's state when a checkpoint found nothing an analysis could release.
        self._idle_state: tuple[int, int, int, int] | None = None
        #: Strokes of the open field in a finished finding of an unspaced kind (an e-mail) at
        #: its last analysis: what the deadline may pass over (``tails.head_words``).
        self._closed: set[int] = set()
        self._closed_version = 0
        #: ``_tail_strokes``'s last answer, with the field state and analysis it is for.
        self._tail_memo: tuple[Any, set[int] | None] | None = None
        self.decoder = Decoder()
        undecided = getattr(self.policy, "key_undecided", "mask")
        unknown = getattr(self.policy, "key_unknown_fields", "drop")
        if undecided not in UNDECIDED_ACTIONS or unknown not in UNKNOWN_FIELDS:
            raise ValueError("key_undecided must be mask|keep, key_unknown_fields drop|keep")
        sensitive = DROP if mode == "drop" else MASK
        self._undecided_verdict = KEEP if undecided == "keep" else sensitive
        self._keep_unknown = unknown == "keep"
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
        original, undecoded = event, False
        key = event.get("key") if type(event) is dict else None
        if type(key) is str and len(key) == 1 and key.isprintable():
            # a character key (most events): nothing to decode, no modifier to follow
            if "layout" in event or "platform" in event:
                self.decoder.context(event)
        elif needs_decoding(event):
            key = self.decoder.decode(event)
            undecoded = key == UNDECODED
            self.stats["undecoded" if undecoded else "decoded"] += 1
            event = {**event, "key": key}
        else:
            if "layout" in event or "platform" in event:
                self.decoder.context(event)
            if event.get("key") in Decoder.TRACKED:
                self.decoder.track(event, event["key"])
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
        slot = Slot(index, original, self._last_t)
        if event is not original:
            slot.decoded = event
        kind = event.get("type")
        key = event.get("key")
        printable = isinstance(key, str) and (
            (len(key) == 1 and key.isprintable()) or is_printable(key)
        )
        if undecoded and kind == "keyup":
            slot.ups = []  # a keyup nothing decodes: masked (its keydown was)
        if kind not in MOUSE_TYPES:
            slot.secure = self._secure(self.editor.context)
        if kind not in KEY_TYPES and printable:
            # keypress, beforeinput...: the character of a keydown, judged with it
            slot.ups = self.editor.pending(key)
        elif kind in KEY_TYPES:
            if step.stroke is not None:
                slot.stroke = step.stroke
                if slot.secure or undecoded:  # an undecoded key is masked whole
                    step.stroke.verdict = DROP if self.mode == "drop" else MASK
                elif not step.stroke.text:
                    step.stroke.verdict = KEEP
            elif kind == "keyup" and printable:
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

    # -- output ------------------------------------------------------------------------------
    def _render(self, slot: Slot, verdict: int, out: list[dict[str, Any]]) -> None:
        """Append to ``out`` what ``slot``'s event becomes under ``verdict`` (a copy, possibly
        masked; the replacement typing; or nothing when dropped)."""
        event = slot.event
        if verdict == KEEP and not slot.secure and _PLAIN.issuperset(event):
            out.append(dict(event))  # most events: nothing to drop, mask or redact
            return
        event = self._key_event(event)
        if verdict == KEEP:
            # in a secure field, anything but a control key may spell what is typed
            # (``code``, ``keyCode``, an ``input`` event's ``data``): blanked, key name kept
            # unless it is a recorder's raw name (``keycode_38``)
            key = (slot.decoded or event).get("key")
            if slot.secure and slot.stroke is None and key not in _CONTROL_KEYS:
                keep_key = slot.decoded is None
                out.append(self.free.clean(masked(event, self.mask_char, keep_key=keep_key)))
            else:
                out.append(self.free.clean(event))
        elif verdict == MASK:
            out.append(self.free.clean(masked(event, self.mask_char)))
        elif verdict == REPLACE and slot.stroke is not None:
            out.extend(self.free.clean(ev) for ev in slot.stroke.emit or ())

    def _key_event(self, event: dict[str, Any]) -> dict[str, Any]:
        """A key event without the fields the redactor does not know (unless the policy keeps
        them): any of them may spell the key (a recorder's private copy of it), and what is not
        known cannot be masked. Other events are returned as they are."""
        if (
            self._keep_unknown
            or event.get("type") not in KEY_TYPES
            or KNOWN_KEY_FIELDS.issuperset(event)
        ):
            return event
        kept = {k: v for k, v in event.items() if known_key_field(k)}
        self.stats["dropped_fields"] += len(event) - len(kept)
        return kept


def redact_keystrokes(events: list[dict[str, Any]], **options: Any) -> list[dict[str, Any]]:
    """Whole-list convenience: the redacted events, in order (options as KeystrokeRedactor)."""
    options.setdefault("detect_batch", BATCH_FIELDS)
    if "deadline" not in options and "max_hold_seconds" not in options:
        options["deadline"] = OFFLINE_DEADLINE
    redactor = KeystrokeRedactor(**options)
    out = list(redactor.feed(events))
    out.extend(redactor.flush())
    return out
