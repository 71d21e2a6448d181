"""The edit model against a plain reference: a list of (character, keydown index) edited by
slicing, with word boundaries found by regular expressions (an independent formulation)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.keys.editor import SNAPSHOT_MIN, Editor
from redactkit.keys.events import is_valid_key

CHARS = st.sampled_from(list("abcXYZ019 @._-é"))
MODS = st.sampled_from([(), ("Control",), ("Alt",), ("Meta",)])
OPS = st.one_of(
    st.tuples(st.just("type"), CHARS),
    st.tuples(st.just("key"), st.sampled_from(["Backspace", "Delete"]), MODS, st.just(False)),
    st.tuples(
        st.just("key"),
        st.sampled_from(["ArrowLeft", "ArrowRight", "Home", "End", "ArrowUp", "ArrowDown"]),
        MODS,
        st.booleans(),
    ),
    st.tuples(
        st.just("shortcut"),
        st.sampled_from(["a", "x", "v", "c", "s"]),
        st.sampled_from(["Control", "Meta"]),
    ),
)


class Reference:
    """What a single-line text box does, written as directly as possible."""

    def __init__(self) -> None:
        self.text: list[tuple[str, int]] = []
        self.cur = 0
        self.anchor: int | None = None
        self.typed: list[tuple[str, int]] = []

    def plain(self) -> str:
        return "".join(c for c, _ in self.text)

    def sel(self) -> tuple[int, int] | None:
        if self.anchor is None or self.anchor == self.cur:
            return None
        return min(self.anchor, self.cur), max(self.anchor, self.cur)

    def cut_selection(self) -> bool:
        s = self.sel()
        self.anchor = None
        if s is None:
            return False
        self.text = self.text[: s[0]] + self.text[s[1] :]
        self.cur = s[0]
        return True

    def word_start(self, cur: int) -> int:
        return re.search(r"\S*\s*$", self.plain()[:cur]).start()

    def word_end(self, cur: int) -> int:
        return cur + re.match(r"\s*\S*", self.plain()[cur:]).end()

    def type(self, ch: str, index: int) -> None:
        self.cut_selection()
        self.text = self.text[: self.cur] + [(ch, index)] + self.text[self.cur :]
        self.cur += 1
        self.typed.append((ch, index))

    def key(self, name: str, mods: tuple[str, ...], shift: bool) -> None:
        n, cur = len(self.text), self.cur
        word = "Control" in mods or "Alt" in mods
        line = "Meta" in mods
        if name in ("Backspace", "Delete"):
            if self.cut_selection():
                return
            if name == "Backspace":
                lo = 0 if line else self.word_start(cur) if word else max(0, cur - 1)
                self.text, self.cur = self.text[:lo] + self.text[cur:], lo
            else:
                hi = n if line else self.word_end(cur) if word else min(n, cur + 1)
                self.text = self.text[:cur] + self.text[hi:]
            self.anchor = None
            return
        s = self.sel()
        if shift:
            self.anchor = cur if self.anchor is None else self.anchor
        elif s is not None and name in ("ArrowLeft", "ArrowRight"):
            self.cur, self.anchor = (s[0] if name == "ArrowLeft" else s[1]), None
            return
        else:
            self.anchor = None
        if name == "ArrowLeft":
            self.cur = 0 if line else self.word_start(cur) if word else max(0, cur - 1)
        elif name == "ArrowRight":
            self.cur = n if line else self.word_end(cur) if word else min(n, cur + 1)
        elif name in ("Home", "ArrowUp"):
            self.cur = 0
        else:
            self.cur = n

    def shortcut(self, key: str) -> None:
        if key == "a":
            self.anchor, self.cur = 0, len(self.text)
        elif key in ("x", "v"):
            self.cut_selection()


def play(ops: list[tuple]) -> tuple[list[dict], Reference]:
    """Events for ``ops`` (modifiers pressed and released around each key) and the reference."""
    events: list[dict] = [{"t": 0.0, "type": "mousedown", "x": 1, "y": 1, "button": 0}]
    ref = Reference()

    def ev(kind: str, key: str) -> int:
        events.append({"t": len(events) * 0.05, "type": kind, "key": key})
        return len(events) - 1

    for op in ops:
        if op[0] == "type":
            shifted = op[1].isupper()
            if shifted:
                ev("keydown", "Shift")
            i = ev("keydown", op[1])
            ref.type(op[1], i)
            ev("keyup", op[1])
            if shifted:
                ev("keyup", "Shift")
        elif op[0] == "key":
            _, name, mods, shift = op
            held = list(mods) + (["Shift"] if shift else [])
            for m in held:
                ev("keydown", m)
            ev("keydown", name)
            ref.key(name, mods, shift)
            ev("keyup", name)
            for m in reversed(held):
                ev("keyup", m)
        else:
            _, key, mod = op
            ev("keydown", mod)
            ev("keydown", key)
            ref.shortcut(key)
            ev("keyup", key)
            ev("keyup", mod)
    return events, ref


def run(events: list[dict]) -> tuple[Editor, list]:
    editor = Editor()
    closed, ups = [], {}
    for i, e in enumerate(events):
        step = editor.feed(i, e)
        closed.extend(step.closed)
        for s in step.released:
            ups.setdefault(id(s), []).append(i)
    return editor, closed


@settings(max_examples=300, deadline=None)
@given(st.lists(OPS, max_size=40))
def test_final_text_and_provenance_match_reference(ops):
    events, ref = play(ops)
    editor, closed = run(events)
    assert closed == []  # no Enter, Tab, click or focus change after the first click
    field = editor.field
    assert [(s.char, s.down) for s in field.chars] == ref.text
    assert [(s.char, s.down) for s in field.typed] == ref.typed
    assert editor.cursor == ref.cur


@settings(max_examples=200, deadline=None)
@given(st.lists(OPS, max_size=30))
def test_every_keydown_of_a_character_is_matched_by_its_keyup(ops):
    events, _ = play(ops)
    editor = Editor()
    strokes = {}
    for i, e in enumerate(events):
        step = editor.feed(i, e)
        if step.stroke is not None:
            strokes[i] = step.stroke
        for s in step.released:
            s.ups.append(i)
    for i, s in strokes.items():
        assert events[i]["key"] == s.char and len(s.ups) == 1
        up = events[s.ups[0]]
        assert up["type"] == "keyup" and up["key"] == s.char and s.ups[0] > i


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.lists(CHARS, min_size=1, max_size=8), min_size=1, max_size=6),
    st.lists(
        st.sampled_from(["Enter", "Tab", "click", "app", "title", "secure"]), min_size=6, max_size=6
    ),
)
def test_fields_split_on_enter_tab_click_and_focus(chunks, seps):
    events: list[dict] = []
    t = 0.0
    app, title, secure = "A", "T", False
    for chunk, sep in zip(chunks, seps):
        for ch in chunk:
            t += 0.1
            events.append(
                {"t": t, "type": "keydown", "key": ch, "app": app, "title": title, "secure": secure}
            )
            events.append({"t": t + 0.01, "type": "keyup", "key": ch})
        t += 0.1
        if sep in ("Enter", "Tab"):
            events.append({"t": t, "type": "keydown", "key": sep})
        elif sep == "click":
            events.append({"t": t, "type": "mousedown", "x": 0, "y": 0, "button": 0})
        elif sep == "app":
            app += "x"
        elif sep == "title":
            title += "y"
        else:
            secure = not secure
    editor, closed = run(events)
    last = editor.close(len(events), "flush")
    fields = closed + ([last] if last else [])
    assert [f.text() for f in fields] == ["".join(c) for c in chunks]


@settings(max_examples=150, deadline=None)
@given(
    st.sampled_from(["Control", "Meta"]),
    st.lists(CHARS, min_size=1, max_size=10),
    st.lists(CHARS, min_size=1, max_size=10),
)
def test_shortcuts_type_nothing_but_ctrl_alt_is_altgr(mod, shortcut_keys, altgr_keys):
    events: list[dict] = [{"t": 0, "type": "keydown", "key": mod}]
    events += [
        {"t": 0.1, "type": "keydown", "key": k} for k in shortcut_keys if k.lower() not in "axv"
    ]
    events.append({"t": 0.2, "type": "keyup", "key": mod})
    events += [{"t": 0.3, "type": "keydown", "key": k} for k in ("Control", "Alt")]
    events += [{"t": 0.4, "type": "keydown", "key": k} for k in altgr_keys]
    editor, _ = run(events)
    assert editor.field.text() == "".join(altgr_keys)


@settings(max_examples=150, deadline=None)
@given(
    st.text(alphabet="abcdefghij0123456789_", min_size=SNAPSHOT_MIN, max_size=30),
    st.integers(0, 29),
    st.sampled_from(["backspaces", "select_all", "word"]),
)
def test_an_erased_value_survives_in_a_snapshot_even_with_a_typo_fixed_inside(secret, typo_at, how):
    ops = [("type", c) for c in "my key "]
    for i, c in enumerate(secret):
        if i == 1 + typo_at % (len(secret) - 1):  # strictly inside the value
            ops += [("type", "X"), ("key", "Backspace", (), False)]
        ops.append(("type", c))
    if how == "backspaces":
        ops += [("key", "Backspace", (), False)] * len(secret)
    elif how == "select_all":
        ops += [("shortcut", "a", "Control"), ("key", "Backspace", (), False)]
    else:
        ops += [("key", "Backspace", ("Control",), False)]
    ops += [("type", c) for c in "ok"]
    events, ref = play(ops)
    editor, _ = run(events)
    assert editor.field.text() == ref.plain()
    assert secret not in editor.field.text()
    assert secret not in "".join(s.char for s in editor.field.typed)  # the typo breaks it
    # the erasure run ended when typing resumed: its snapshot holds the value as it was
    snaps = ["".join(s.char for s in snap) for snap in editor.field.snapshots]
    assert any(secret in s for s in snaps)


def test_a_modifier_whose_keyup_was_lost_expires():
    events = [{"t": 0, "type": "keydown", "key": "Control"}]
    events += [{"t": 30 + i, "type": "keydown", "key": c} for i, c in enumerate("secret")]
    editor, _ = run(events)
    assert editor.field.text() == "secret"


def test_explicit_modifier_flags_override_tracking():
    events = [
        {"t": 0, "type": "keydown", "key": "Control"},
        {"t": 0.1, "type": "keydown", "key": "p", "ctrlKey": False},
        {"t": 0.2, "type": "keydown", "key": "q", "ctrlKey": True},
    ]
    editor, _ = run(events)
    assert editor.field.text() == "p"


@given(st.text(max_size=3))
def test_key_validation_accepts_exactly_characters_and_key_names(key):
    single = len(key) == 1 and key.isprintable()
    if single:
        assert is_valid_key(key)
    if key == "" or any(c in "\n\r\t\x00" for c in key):
        assert not is_valid_key(key)
