"""The edit model: which characters a stream of key events typed, and which event typed each.

Passwords are typed, not shown, so the text to check exists only in the events. The model replays
editing inside one *field* (what is typed between two focus changes, Tabs or Enters): printable
keys insert at the cursor, Backspace/Delete remove, arrows/Home/End move, Ctrl/Alt+Backspace
delete a word, Ctrl/Meta+A selects all and typing replaces the selection, Shift+arrows select.
Every character keeps the keydown (and keyups) that produced it, so a detection on the text maps
back to the exact events to mask. The *raw* sequence (everything typed, erased or not) is kept
too: a token typed and then deleted is still in the event stream.

Where the model cannot know the text (a paste, undo, a shell's history recall), it keeps what it
knows and records an edit; detection also runs on the raw sequence, which no edit can hide.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple

from redactkit.keys.events import MODIFIERS, is_printable

FIELD_KEYS = frozenset({"Enter", "Tab"})
CONTEXT_KEYS = frozenset({"app", "title", "secure", "field"})
#: Modifier state carried on an event (trusted over the tracked keydowns and keyups).
MODIFIER_FLAGS = frozenset({"ctrlKey", "metaKey", "altKey", "shiftKey"})
FOCUS_MOUSE = frozenset({"mousedown", "click", "dblclick"})
_BACK = frozenset({"ArrowLeft", "Home", "ArrowUp", "PageUp"})
_FORWARD = frozenset({"ArrowRight", "End", "ArrowDown", "PageDown"})


class Context(NamedTuple):
    """What has focus: in force until an event changes it."""

    app: str | None = None
    title: str | None = None
    secure: bool = False
    #: The focused control's accessibility name, label or placeholder (docs/keystrokes.md).
    field: str | None = None


@dataclass(eq=False, slots=True)
class Stroke:
    """One printable keydown. ``text`` is False for a shortcut (Ctrl/Meta held): it typed
    nothing. ``after_erasure``: the first character typed after an erasure of SNAPSHOT_MIN or
    more (the raw sequence is cut there: the erased text is checked in its snapshot, and joining
    it to what follows would make one word of both). ``verdict`` and ``emit`` belong to the
    redactor (its decision for these events) and ``benign`` to its checkpoints."""

    char: str
    down: int
    ups: list[int] = field(default_factory=list)
    text: bool = True
    after_erasure: bool = False
    verdict: int = 0
    emit: Any = None
    #: Judged benign by the last checkpoint analysis (``tails``): at the deadline it goes out
    #: as typed instead of as the policy says for undecided text.
    benign: bool = False


@dataclass(eq=False)
class Field:
    """The keystrokes of one field. ``chars`` is the final content, ``strokes`` every printable
    keydown in typing order; ``edits`` the event indices of edits after which content positions
    no longer follow typing order (deletes, moves, selections, pastes). ``snapshots`` hold the
    text around each erasure of SNAPSHOT_MIN or more characters as it was just before it: a
    secret typed with a corrected typo and then erased exists whole only there. Past
    MAX_SNAPSHOTS the field is marked ``overflow`` (the redactor then masks all erased text)."""

    context: Context
    start: int
    strokes: list[Stroke] = field(default_factory=list)
    chars: list[Stroke] = field(default_factory=list)
    edits: list[int] = field(default_factory=list)
    snapshots: list[list[Stroke]] = field(default_factory=list)
    overflow: bool = False
    end: int | None = None
    reason: str = ""

    @property
    def typed(self) -> list[Stroke]:
        """The raw sequence: every character typed into the field, erased ones included."""
        return [s for s in self.strokes if s.text]

    def text(self) -> str:
        return "".join([s.char for s in self.chars])


class Step(NamedTuple):
    closed: list[Field]
    stroke: Stroke | None
    released: list[Stroke]


_NO_STEP = Step([], None, [])

#: Erasures shorter than this are typo fixes, not erased values.
SNAPSHOT_MIN = 3
#: Characters of context kept on each side of an erased range.
SNAPSHOT_CONTEXT = 64
MAX_SNAPSHOTS = 64


class Editor:
    """Feeds events (with their index in the stream) and reports fields as they close.

    A modifier counts as held from its keydown to its keyup, but never longer than
    ``modifier_timeout`` seconds and never across a focus change: a lost keyup must not turn
    everything typed afterwards into "shortcuts" that bypass detection. Boolean ``ctrlKey``,
    ``metaKey``, ``altKey`` on an event, when present, override the tracked state.
    """

    def __init__(self, modifier_timeout: float = 10.0) -> None:
        self.modifier_timeout = modifier_timeout
        self.context = Context()
        self.field = Field(self.context, 0)
        self.cursor = 0
        self.anchor: int | None = None
        self._snap: list[Stroke] | None = None
        self._erased = 0
        self._cut = False
        self._held: dict[str, float] = {}
        self._pending: dict[str, list[Stroke]] = {}
        self._t = 0.0

    # -- fields ------------------------------------------------------------------------------
    def close(self, index: int, reason: str) -> Field | None:
        """End the open field; returns it unless nothing was typed in it."""
        self._end_erasure()
        done = self.field
        done.end, done.reason = index, reason
        self.field = Field(self.context, index + 1)
        self.cursor, self.anchor, self._cut = 0, None, False
        return done if done.strokes else None

    def _context_of(self, event: dict[str, Any]) -> Context:
        if CONTEXT_KEYS.isdisjoint(event):  # most events: the context stays
            return self.context
        app = event.get("app", self.context.app)
        title = event.get("title", self.context.title)
        secure = event.get("secure", self.context.secure)
        label = event.get("field", self.context.field)
        return Context(app, title, bool(secure), label)

    # -- modifiers ----------------------------------------------------------------------------
    def _held_now(self, name: str, flag: str, event: dict[str, Any]) -> bool:
        explicit = event.get(flag)
        if isinstance(explicit, bool):
            return explicit
        t = self._held.get(name)
        return t is not None and self._t - t <= self.modifier_timeout

    def _modifiers(self, event: dict[str, Any]) -> tuple[bool, bool, bool, bool]:
        """Control, Meta, Alt (or AltGraph), Shift held at this event."""
        if not self._held and MODIFIER_FLAGS.isdisjoint(event):  # plain typing: none
            return False, False, False, False
        return (
            self._held_now("Control", "ctrlKey", event),
            self._held_now("Meta", "metaKey", event),
            self._held_now("Alt", "altKey", event) or self._held_now("AltGraph", "altKey", event),
            self._held_now("Shift", "shiftKey", event),
        )

    # -- events -------------------------------------------------------------------------------
    def feed(self, index: int, event: dict[str, Any]) -> Step:
        kind = event.get("type")
        t = event.get("t")
        if type(t) is float:
            self._t = t
        elif isinstance(t, int | float) and not isinstance(t, bool):
            self._t = float(t)
        closed: list[Field] = []
        ctx = self.context if CONTEXT_KEYS.isdisjoint(event) else self._context_of(event)
        if ctx is not self.context and ctx != self.context:
            done = self.close(index - 1, "focus")
            self.context = self.field.context = ctx
            self.field.start = index
            self._held.clear()
            if done is not None:
                closed.append(done)
        if kind in FOCUS_MOUSE:
            done = self.close(index, "click")
            return Step(closed + [done] if done else closed, None, [])
        if kind == "keyup":
            return Step(closed, None, self._keyup(event.get("key")))
        if kind != "keydown":
            return Step(closed, None, []) if closed else _NO_STEP
        key = event.get("key")
        if not isinstance(key, str):
            return Step(closed, None, [])
        if key in MODIFIERS:
            self._held[key] = self._t
            return Step(closed, None, [])
        ctrl, meta, alt, shift = self._modifiers(event)
        if (len(key) == 1 and key.isprintable()) or is_printable(key):
            text = not (ctrl or meta) or (ctrl and alt and not meta)  # Ctrl+Alt is AltGr
            stroke = Stroke(key, index, text=text)
            self.field.strokes.append(stroke)
            self._pending.setdefault(key.casefold(), []).append(stroke)
            if text:
                self._insert(stroke)
            else:
                self._shortcut(key.casefold(), index)
            return Step(closed, stroke, [])
        if key in FIELD_KEYS:
            done = self.close(index, key)
            return Step(closed + [done] if done else closed, None, [])
        self._edit_key(key, index, ctrl=ctrl, meta=meta, alt=alt, shift=shift)
        return Step(closed, None, [])

    def _keyup(self, key: object) -> list[Stroke]:
        if not isinstance(key, str):
            return []
        if key in MODIFIERS:
            self._held.pop(key, None)
            return []
        if not is_printable(key):
            return []
        return self._pending.pop(key.casefold(), [])

    def pending(self, key: str) -> list[Stroke]:
        """Keydowns of ``key`` not yet released (for events that repeat a keydown's character)."""
        return list(self._pending.get(key.casefold(), ()))

    # -- editing ------------------------------------------------------------------------------
    def _selection(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cursor:
            return None
        return min(self.anchor, self.cursor), max(self.anchor, self.cursor)

    def _delete(self, lo: int, hi: int) -> None:
        if hi > lo:
            if self._snap is None:
                self._snap = list(self.field.chars)
            self._erased += hi - lo
        del self.field.chars[lo:hi]
        self.cursor, self.anchor = lo, None

    def _end_erasure(self) -> None:
        """Close a run of deletions; keep the text around what it erased if it was long."""
        snap, erased = self._snap, self._erased
        self._snap, self._erased = None, 0
        if snap is None or erased < SNAPSHOT_MIN:
            return
        self._cut = True
        field = self.field
        if len(field.snapshots) >= MAX_SNAPSHOTS:
            field.overflow = True
            return
        alive = set(map(id, field.chars))
        gone = [i for i, s in enumerate(snap) if id(s) not in alive]
        lo, hi = max(0, gone[0] - SNAPSHOT_CONTEXT), gone[-1] + 1 + SNAPSHOT_CONTEXT
        field.snapshots.append(snap[lo:hi])

    def _delete_selection(self) -> bool:
        sel = self._selection()
        self.anchor = None
        if sel is None:
            return False
        self._delete(*sel)
        return True

    def _insert(self, stroke: Stroke) -> None:
        if (self.anchor is not None and self._delete_selection()) or self.cursor != len(
            self.field.chars
        ):
            self.field.edits.append(stroke.down)
        if self._snap is not None:  # an erasure to close (none: nothing was erased)
            self._end_erasure()
        if self._cut:
            stroke.after_erasure, self._cut = True, False
        self.field.chars.insert(self.cursor, stroke)
        self.cursor += 1

    def _shortcut(self, key: str, index: int) -> None:
        if key == "a":
            self.anchor, self.cursor = 0, len(self.field.chars)
        elif key in ("x", "v"):  # cut / paste: the selection goes; pasted text is not in events
            self._delete_selection()
        elif key not in ("z", "y"):
            return
        self.field.edits.append(index)

    def _edit_key(
        self, key: str, index: int, *, ctrl: bool, meta: bool, alt: bool, shift: bool
    ) -> None:
        chars, cur = self.field.chars, self.cursor
        if key == "Backspace":
            if not self._delete_selection():
                lo = 0 if meta else word_left(chars, cur) if (ctrl or alt) else max(0, cur - 1)
                self._delete(lo, cur)
        elif key == "Delete":
            if not self._delete_selection():
                hi = (
                    len(chars)
                    if meta
                    else word_right(chars, cur)
                    if (ctrl or alt)
                    else min(len(chars), cur + 1)
                )
                self._delete(cur, hi)
        elif key in ("Cut", "Paste"):
            self._delete_selection()
        elif key in _BACK or key in _FORWARD:
            self._move(key, ctrl=ctrl, meta=meta, alt=alt, shift=shift)
        elif key not in ("Undo", "Redo"):
            return
        self.field.edits.append(index)

    def _move(self, key: str, *, ctrl: bool, meta: bool, alt: bool, shift: bool) -> None:
        self._end_erasure()
        chars, cur = self.field.chars, self.cursor
        sel = self._selection()
        if shift:
            if self.anchor is None:
                self.anchor = cur
        elif sel is not None and key in ("ArrowLeft", "ArrowRight"):
            self.cursor, self.anchor = (sel[0] if key == "ArrowLeft" else sel[1]), None
            return
        else:
            self.anchor = None
        if key == "ArrowLeft":
            cur = 0 if meta else word_left(chars, cur) if (ctrl or alt) else max(0, cur - 1)
        elif key == "ArrowRight":
            cur = (
                len(chars)
                if meta
                else word_right(chars, cur)
                if (ctrl or alt)
                else min(len(chars), cur + 1)
            )
        else:
            cur = 0 if key in _BACK else len(chars)
        self.cursor = cur


def word_left(chars: list[Stroke], cur: int) -> int:
    """Start of the word before the cursor: skip spaces, then non-spaces (as editors do)."""
    while cur > 0 and chars[cur - 1].char.isspace():
        cur -= 1
    while cur > 0 and not chars[cur - 1].char.isspace():
        cur -= 1
    return cur


def word_right(chars: list[Stroke], cur: int) -> int:
    n = len(chars)
    while cur < n and chars[cur].char.isspace():
        cur += 1
    while cur < n and not chars[cur].char.isspace():
        cur += 1
    return cur
