"""When an event may leave: verdicts of keystrokes, the hold-back queue, the bounds.

Events leave in input order, each as soon as nothing later can change its fate. What is held is
bounded three ways, on the stream's own clock ``t``:

- **deadline** (``deadline`` seconds, default 2): every event leaves within it, provided the
  capture loop calls ``expire(now)`` at least every ``deadline / 10`` when no event arrives.
  From ``CHECK_AT`` of the deadline, checkpoints analyse the field being typed and release what
  typing can no longer change (``tails``) and what positive evidence shows can start no value
  (common words at the head of the open tail; erased typos, at the deadline); at ``DECIDE_AT``
  of it, the strokes still undecided go out as the policy says (``Policy.key_undecided``:
  masked by default).
- **count** (``max_hold`` events): at half, checkpoints; at the bound everything held is masked.

Failing closed costs a few characters of text; releasing early could cost a password.
"""

from __future__ import annotations

import logging
from collections.abc import Container
from typing import Any

from redactkit.keys.editor import Stroke
from redactkit.keys.spans import strokes_in
from redactkit.keys.tails import (
    CURSOR_CLOSING,
    MAX_TAIL,
    TYPO_MAX,
    UNSPACED,
    head_words,
    open_tail,
    typo_runs,
)

log = logging.getLogger("redactkit.keys")

#: Verdicts of a stroke. PENDING: its field has ended and waits for a batched detection call
#: (``detect_batch``); for the hold bound it counts as decided, for release as undecided.
UNDECIDED, KEEP, MASK, DROP, REPLACE, PENDING = 0, 1, 2, 3, 4, 5
#: Shares of the deadline: checkpoints from CHECK_AT of it (at most one per CHECK_EVERY of
#: it: each is a detection call), the undecided strokes decided at DECIDE_AT (so a timer at a
#: tenth of it keeps it). CHECK_EVERY < DECIDE_AT: what the
#: deadline decides was typed before the last analysis.
CHECK_AT, CHECK_EVERY, DECIDE_AT = 0.5, 0.45, 0.9


class Slot:
    """One input event waiting in the hold-back queue."""

    __slots__ = ("index", "event", "t", "stroke", "ups", "secure", "decoded")

    def __init__(self, index: int, event: dict[str, Any], t: float | None) -> None:
        self.index, self.event, self.t = index, event, t
        self.stroke: Stroke | None = None
        self.ups: list[Stroke] | None = None
        self.secure = False
        #: The event as the edit model saw it (its ``key`` decoded from codes), or None.
        self.decoded: dict[str, Any] | None = None


class HoldBack:
    """The queue of held events and its bounds (mixed into KeystrokeRedactor, which owns the
    state: ``_queue``, ``_index``, ``_held_from``, ``editor``, ``deadline``, ``max_hold``)."""

    def _release(self) -> list[dict[str, Any]]:
        """The rendered events from the head of the queue up to the first undecided one."""
        queue = self._queue
        out: list[dict[str, Any]] = []
        while queue:
            slot = queue[0]
            stroke = slot.stroke
            verdict = stroke.verdict if stroke is not None else self._verdict(slot)
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
        n = len(queue)
        while pos < n:
            slot = queue[pos]
            stroke = slot.stroke
            if (stroke.verdict if stroke is not None else self._verdict(slot)) == UNDECIDED:
                break
            pos += 1
        self._held_from = queue[0].index + pos

    def _verdict(self, slot: Slot) -> int:
        if slot.stroke is not None:
            return slot.stroke.verdict
        if slot.ups is None:
            return KEEP
        if not slot.ups:  # a keyup whose keydown was never seen: its key is unjudged
            return DROP if self.mode == "drop" else MASK
        if len(slot.ups) == 1:  # the common case: one keydown's keyup (as below, for one)
            v = slot.ups[0].verdict
            if v == UNDECIDED or v == PENDING or v == KEEP:
                return v
            return DROP if self.mode == "drop" or v == REPLACE else MASK
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
        """Apply the count bound and the deadline at ``now`` (the stream's clock)."""
        queue = self._queue
        if (
            self._pending  # ended fields waiting for a batch: decided by the deadline too
            and queue
            and now is not None
            and queue[0].t is not None
            and now - queue[0].t >= self.deadline * DECIDE_AT
        ):
            self._resolve()
        held = self._index - self._held_from
        if held <= 0:
            return
        if held >= self.max_hold:
            self._checkpoint(None, force=None)
            return
        first_t = queue[self._held_from - queue[0].index].t
        age = 0.0 if now is None or first_t is None else now - first_t
        if age >= self.deadline * DECIDE_AT:
            self._checkpoint(now, force=now - self.deadline * DECIDE_AT)  # type: ignore[operator]
        elif (age >= self.deadline * CHECK_AT and self._due(now)) or (
            held >= self.max_hold // 2
            and self._index - self._last_checkpoint >= max(1, self.max_hold // 8)
        ):
            self._checkpoint(now)

    def _due(self, now: float | None) -> bool:
        """Whether the open field has changed since the last analysis, that analysis is older
        than CHECK_EVERY of the deadline (one engine call per interval, not per key) and the
        text ends at a word's end (``_mid_word``)."""
        last = self._checkpoint_t
        if now is not None and last is not None and now - last < self.deadline * CHECK_EVERY:
            return False
        if self._mid_word():
            return False  # analysed when the word at the cursor ends (or the deadline needs it)
        state = self._field_state()
        return state != self._analysed_state and state != self._idle_state

    def _field_state(self) -> tuple[int, int, int, int]:
        """What the analysis of the open field depends on: the field, its strokes, its text
        length and its edits (keyups, modifiers, focus-less keys change none of them, and
        cost no analysis)."""
        f = self.editor.field
        return f.start, len(f.strokes), len(f.chars), len(f.edits)

    def _checkpoint(self, now: float | None, *, force: float | None | bool = False) -> None:
        """Release the clean part of the open field that typing can no longer change (in no
        finding, before the open tail of both the text and the raw sequence: ``tails``).
        ``force``: a time, and every stroke typed at or before it that is still undecided
        goes out as the policy says (masked by default); None: everything held is masked
        (the count bound). Before the deadline decides, the field is analysed again if
        anything arrived since the last analysis (whatever its age): a word finished since
        then is judged as it stands, not masked for having been at the cursor then. A
        checkpoint whose analysis could release nothing (everything undecided is in the open
        tail: a long value, or a word still being typed) costs no engine call."""
        if force is False and not self._could_release(float("inf") if now is None else now):
            self._idle_state = self._field_state()
            if now is not None:  # asked again after CHECK_EVERY, as after an analysis
                self._checkpoint_t = now
            return
        if (
            force is None
            or force is False
            or (self._field_state() != self._analysed_state and self._could_release(force))
        ):
            self._analyse_open()
            self._last_checkpoint = self._index
            self._analysed_state = self._field_state()
            if now is not None:
                self._checkpoint_t = now
        if force is None:
            self.stats["forced_masks"] += self._force(MASK)
        elif force is not False:
            self.stats["deadline_decisions"] += self._force(self._undecided_verdict, before=force)

    def _mid_word(self) -> bool:
        """Whether the open field's text ends inside a word. A checkpoint then waits for the
        word to end (the next space or punctuation): the word is in the open tail whatever
        an analysis says, and what lies before it is released as well by an analysis at the
        word's end, one engine call later at most by a word's typing time; when a stroke is
        about to be decided, the deadline analyses mid-word anyway (``force``)."""
        chars = self.editor.field.chars
        return bool(chars) and not chars[-1].char.isspace() and chars[-1].char not in _WORD_END

    def _could_release(self, before: float) -> bool:
        """Whether a fresh analysis could release a stroke the deadline is about to decide: one
        now before the open tail and its head words, or an erased one (a typo). Strokes still
        in the tail (a long value typed slowly) stay undecided whatever detection says, so no
        engine call is spent on them at every tick."""
        # what the deadline would decide, looked at first: usually nothing. Keydowns only: a
        # keyup's stroke is undecided only while its keydown, earlier, is held too
        undecided = []
        for slot in self._queue:
            if slot.t is not None and slot.t > before:
                break
            stroke = slot.stroke
            if stroke is not None and stroke.verdict == UNDECIDED:
                undecided.append(stroke)
        field = self.editor.field
        if not undecided:
            return False
        # usually what ages out is the word still being typed: no analysis releases any of
        # it (the open tail always holds the unfinished last word, within MAX_TAIL strokes)
        chars = field.chars
        i, floor = len(chars), max(0, len(chars) - MAX_TAIL)
        while i > floor and not chars[i - 1].char.isspace():
            i -= 1
        if i < len(chars) and chars[-1].char not in CURSOR_CLOSING:
            word = {id(s) for s in chars[i:]}
            if all(id(s) in word for s in undecided):
                return False
        tail = self._tail_strokes()
        return tail is None or any(id(s) not in tail for s in undecided)

    def _tail_strokes(self) -> set[int] | None:
        """ids of the open field's strokes in its open tail and the head words a fresh
        analysis could not release, or None when one might release anything (strokes of
        several code points; a finished token that may close an e-mail or URL). Kept while
        the field and the last analysis are unchanged: keyups and the timer's ticks between
        two keystrokes ask again about the same text."""
        key = (self._field_state(), self._closed_version)
        memo = self._tail_memo
        if memo is not None and memo[0] == key:
            return memo[1]
        tail = self._tail_of_open()
        self._tail_memo = (key, tail)
        return tail

    def _tail_of_open(self) -> set[int] | None:
        # the open tail lies in the last MAX_TAIL strokes: only they are read (a window that
        # starts where open_tail's own floor is gives the same tail as the whole field)
        chars = self.editor.field.chars
        chars = chars[max(0, len(chars) - MAX_TAIL) :]
        text = "".join([s.char for s in chars])
        if len(text) != len(chars):
            return None
        closed: list[tuple[int, int]] = []  # the last analysis's closed findings, in place
        if self._closed:
            for i, s in enumerate(chars):
                if id(s) in self._closed:
                    if closed and closed[-1][1] == i:
                        closed[-1] = (closed[-1][0], i + 1)
                    else:
                        closed.append((i, i + 1))
        start = open_tail(text, len(chars))
        end = head_words(text, start, closed)
        if _may_close(text, end):
            return None  # a finished e-mail or URL would let head words after it go
        return {id(s) for s in chars[end:]}  # erased strokes are in no part of the text

    def _analyse_open(self) -> None:
        self.stats["checkpoints"] += 1
        field = self.editor.field
        for s in field.strokes:  # judged again below, or not at all when this fails
            s.benign = False
        if not field.strokes or self._failed or self._secure(field.context):
            return
        if self._pending:  # the text so far joins the waiting batch: one engine call
            self._resolve(also=field)
        typed, chars = field.typed, field.chars
        try:
            bad, found = self._sensitive(field, typed)
        except Exception:  # noqa: BLE001 - detection failure: fall through to masking
            self.stats["detection_errors"] += 1
            log.warning("detection failed at a checkpoint; held keystrokes masked")
            return
        final_pos = {id(s): i for i, s in enumerate(chars)}
        runs = _erased_runs(typed, final_pos) if len(typed) != len(chars) else []
        # the raw sequence since its last long erasure (``spans.segments``: what was typed
        # before it is its own text), without short erasures: a corrected typo ("go8<bs>od")
        # makes no value of a word (the erased characters themselves are judged below)
        short = {id(s) for run in runs if len(run) <= TYPO_MAX for s in run}
        raw = [s for s in typed if id(s) not in short] if short else typed
        cut = max((i for i, s in enumerate(raw) if s.after_erasure), default=0)
        raw_end = cut + open_tail("".join([s.char for s in raw[cut:]]), len(raw) - cut)
        text = "".join([s.char for s in chars])
        final_end = open_tail(text, len(chars))
        for s in raw[:raw_end]:
            # still in the text and before the open tail of it and of the raw sequence;
            # erased text is never released early (its erasure may still be going on)
            if (
                s.verdict == UNDECIDED
                and id(s) not in bad
                and -1 < final_pos.get(id(s), -1) < final_end
            ):
                s.verdict = KEEP
        closed = [(a, b) for a, b, kind in found if kind in UNSPACED]
        self._closed = {id(s) for a, b in closed for s in strokes_in(chars, a, b)}
        self._closed_version += 1
        _release_benign(chars, text, bad, final_end, runs, closed)

    def _force(self, verdict: int, before: float | None = None) -> int:
        """Decide every undecided stroke held (typed at or before ``before`` when given)."""
        n = 0
        for slot in self._queue:
            if before is not None and slot.t is not None and slot.t > before:
                break
            strokes = [slot.stroke] if slot.stroke is not None else slot.ups or []
            for s in strokes:
                if s.verdict == UNDECIDED:
                    if s.benign and before is not None:
                        s.verdict = KEEP  # positive evidence at the last analysis (tails)
                        self.stats["deadline_released"] += 1
                        continue
                    s.verdict = DROP if self.mode == "drop" else verdict
                    n += 1
        return n


#: Punctuation that ends a word for the checkpoints' timing (``_mid_word``).
_WORD_END = frozenset(",.;:!?")
#: Characters of the unspaced kinds (``tails.UNSPACED``: e-mails, URLs, IP addresses).
_UNSPACED_MARKS = frozenset("@.:/")


def _may_close(text: str, end: int) -> bool:
    """Whether the token that stopped the head words at ``end`` is finished (whitespace after
    it) and could be a value of an unspaced kind that the last analysis had not yet found
    whole: a fresh analysis may close it, and pass over it to release the words after it."""
    stop = end
    while stop < len(text) and not text[stop].isspace():
        stop += 1
    return stop < len(text) and not _UNSPACED_MARKS.isdisjoint(text[end:stop])


def _erased_runs(typed: list[Stroke], alive: Container[int]) -> list[list[Stroke]]:
    """The erased characters of a field (``typed``: its raw sequence; ``alive``: the ids of
    the strokes still in its text), in runs of consecutive typing."""
    runs: list[list[Stroke]] = [[]]
    for s in typed:
        if id(s) in alive:
            if runs[-1]:
                runs.append([])
        else:
            runs[-1].append(s)
    return [r for r in runs if r]


def _release_benign(
    chars: list[Stroke],
    text: str,
    bad: set[int],
    final_end: int,
    runs: list[list[Stroke]],
    closed: list[tuple[int, int]],
) -> None:
    """Release what positive evidence shows can start no value, none of it in a finding of any
    text of the field: the finished words at the head of the open tail of the final text
    (``head_words``: released now, with the whitespace after them, as the clean text before
    the tail is) and erased typos (``typo_runs``: marked, released at the deadline; erasure may
    still be going on before it)."""
    if len(text) == len(chars):  # one code point a stroke: offsets are stroke indices
        for s in chars[final_end : head_words(text, final_end, closed)]:
            if s.verdict == UNDECIDED and id(s) not in bad:
                s.verdict = KEEP
    for run, typo in zip(runs, typo_runs([[s.char for s in r] for r in runs]), strict=True):
        if typo and not any(id(s) in bad for s in run):
            for s in run:
                s.benign = True
