"""Synthetic typing sessions with ground truth: which key events carry a sensitive character.

A person at a laptop: writing an e-mail, chatting, logging in (a secure password field), working
in a terminal (``sudo`` and its password prompt, tokens in ``export`` lines, ``mysql -p...``),
paying with a card, pasting with Ctrl+V, fixing typos with Backspace, moving with the arrows,
typing a token and erasing it. Every session draws new people, values, typing speed, typo rate
and key rollover (a keyup after the next keydown), so nothing is tuned to a fixture.

Labels: ``labels[i]`` is the kind of sensitive value whose character event ``i`` (a keydown or
its keyup) typed, or None. Typo characters are not labelled (they are not part of the value);
characters typed into a secure field or at a password prompt are labelled ``PASSWORD``.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from corpora import values

SHIFTED = set('~!@#$%^&*()_+{}|:"<>?')
_ROWS = ("1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm")
_NEIGHBOURS: dict[str, str] = {}
for _r, _row in enumerate(_ROWS):
    for _i, _c in enumerate(_row):
        near = _row[max(0, _i - 1) : _i] + _row[_i + 1 : _i + 2]
        for _other in (_r - 1, _r + 1):
            if 0 <= _other < len(_ROWS):
                near += _ROWS[_other][max(0, _i - 1) : _i + 1]
        _NEIGHBOURS[_c] = near
_WORDS = (
    "the a meeting report draft update thanks please review tomorrow today project budget "
    "deploy fix issue call notes agenda lunch later sounds good ok sure schedule invoice "
    "design team quick question about next week friday morning afternoon shipping release"
).split()
_COMMANDS = (
    "ls -la",
    "cd src",
    "git status",
    "git diff",
    "make test",
    "python3 -m pytest -q",
    "cat README.md",
    "grep -rn TODO .",
    "docker ps",
    "htop",
    "vim notes.txt",
    "df -h",
    "npm run build",
    "cd ..",
    "pwd",
    "tail -f app.log",
)


@dataclass
class TypingSession:
    """Events in time order, a label per event, and the sensitive values typed."""

    events: list[dict[str, Any]] = field(default_factory=list)
    labels: list[str | None] = field(default_factory=list)
    values: list[tuple[str, str]] = field(default_factory=list)
    scenarios: list[str] = field(default_factory=list)


class _Typist:
    """Emits timed events for one person; events are sorted by time at the end."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.t = round(rng.uniform(0, 1000), 3)
        self.interval = rng.uniform(0.08, 0.3)  # mean seconds between keydowns
        self.typo_rate = rng.choice([0.0, 0.01, 0.03, 0.06])
        self.rows: list[tuple[float, int, dict[str, Any], str | None]] = []
        self.context: dict[str, Any] = {}
        self.values: list[tuple[str, str]] = []

    def _emit(self, t: float, event: dict[str, Any], label: str | None = None) -> None:
        ev = {"t": round(t, 3), **event}
        if self.context:
            ev.update(self.context)
            self.context = {}
        self.rows.append((ev["t"], len(self.rows), ev, label))

    def focus(self, app: str, title: str, secure: bool = False) -> None:
        self.context = {"app": app, "title": title, "secure": secure}

    def gap(self) -> float:
        return self.interval * self.rng.lognormvariate(0, 0.35)

    def press(self, key: str, label: str | None = None, *, mods: Sequence[str] = ()) -> None:
        """keydown/keyup of ``key`` (modifiers pressed around it); keyup may land after the
        next keydown, as with fast typists."""
        rng = self.rng
        self.t += self.gap()
        for m in mods:
            self._emit(self.t - 0.04, {"type": "keydown", "key": m})
        self._emit(self.t, {"type": "keydown", "key": key}, label)
        up = self.t + rng.uniform(0.03, 0.14)
        self._emit(up, {"type": "keyup", "key": key}, label)
        for m in mods:
            self._emit(up + 0.02, {"type": "keyup", "key": m})
        if mods:
            self.t = up + 0.03

    def type(self, text: str, label: str | None = None, *, typos: bool = True) -> None:
        for ch in text:
            if typos and ch in _NEIGHBOURS and self.rng.random() < self.typo_rate:
                self.press(self.rng.choice(_NEIGHBOURS[ch]))
                self.t += self.rng.uniform(0.1, 0.4)
                self.press("Backspace")
            shift = ch.isupper() or ch in SHIFTED
            self.press(ch, label, mods=("Shift",) if shift else ())

    def value(self, kind: str, text: str, *, typos: bool = True) -> None:
        self.values.append((kind, text))
        self.type(text, kind, typos=typos)

    def click(self) -> None:
        """Mouse travel then a click: a focus change."""
        x, y = self.rng.randint(0, 1900), self.rng.randint(0, 1000)
        for _ in range(self.rng.randint(3, 30)):
            self.t += 1 / 60
            x += self.rng.randint(-20, 20)
            y += self.rng.randint(-20, 20)
            self._emit(self.t, {"type": "mousemove", "x": x, "y": y})
        self.t += 0.1
        self._emit(self.t, {"type": "mousedown", "x": x, "y": y, "button": 0})
        self._emit(self.t + 0.08, {"type": "mouseup", "x": x, "y": y, "button": 0})
        self.t += 0.2

    def pause(self, lo: float = 0.5, hi: float = 4.0) -> None:
        self.t += self.rng.uniform(lo, hi)

    def sentence(self, n: int | None = None) -> str:
        words = self.rng.choices(_WORDS, k=n or self.rng.randint(3, 10))
        return " ".join(words).capitalize()


def _email(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Mail", "Outlook", "Thunderbird"]), "New Message")
    ty.click()
    ty.value("EMAIL_ADDRESS", values.email(rng))
    ty.press("Tab")
    ty.type(ty.sentence(4))
    ty.press("Tab")
    first, last = values.person_parts(rng)
    ty.type("Hi ")
    ty.value("PERSON", first)
    ty.type(",")
    ty.press("Enter")
    ty.type(ty.sentence() + ". Call me at ")
    ty.value("PHONE_NUMBER", values.phone(rng))
    ty.type(" if needed.")
    ty.press("Enter")
    ty.type("Best, ")
    ty.value("PERSON", f"{first} {last}")


def _chat(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Slack", "Microsoft Teams", "Discord"]), f"# {rng.choice(_WORDS)}")
    ty.click()
    for _ in range(rng.randint(2, 5)):
        ty.type(ty.sentence())
        pick = rng.random()
        if pick < 0.3:
            ty.type(" mail me at ")
            ty.value("EMAIL_ADDRESS", values.email(rng))
        elif pick < 0.5:
            ty.type(" my number is ")
            ty.value("PHONE_NUMBER", values.phone(rng))
        ty.press("Enter")
        ty.pause()


def _login(ty: _Typist) -> None:
    rng = ty.rng
    site = rng.choice(["Acme Portal", "Jira", "Payroll", "Intranet"])
    ty.focus(rng.choice(["Google Chrome", "Firefox", "Safari"]), f"{site} - Welcome")
    ty.click()
    ty.value("EMAIL_ADDRESS", values.email(rng))
    ty.press("Tab")
    ty.context = {"secure": True}
    ty.value("PASSWORD", values.password(rng))
    ty.press("Enter")
    ty.context = {"secure": False}


def _sudo(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Terminal", "iTerm2", "gnome-terminal-server"]), "bash")
    ty.click()
    for _ in range(rng.randint(0, 2)):
        ty.type(rng.choice(_COMMANDS))
        ty.press("Enter")
        ty.pause(0.3, 2)
    command = rng.choice(
        ["sudo apt install htop", "sudo systemctl restart nginx", "su -", "passwd"]
    )
    ty.type(command)
    lines = 3 if command == "passwd" else 1  # passwd asks for the old one and the new one twice
    ty.press("Enter")
    for _ in range(lines):
        ty.pause(0.3, 1.5)
        ty.value("PASSWORD", values.password(rng), typos=False)
        ty.press("Enter")


def _card(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Google Chrome", "Firefox"]), "Checkout - Shop")
    ty.click()
    ty.value("CREDIT_CARD", values.card(rng))
    ty.press("Tab")
    ty.type(f"{rng.randint(1, 12):02d}/{rng.randint(26, 31)}")
    ty.press("Tab")
    ty.type(f"{rng.randint(100, 999)}")
    ty.press("Tab")
    ty.value("PERSON", values.person(rng))


def _paste(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Notes", "Google Chrome"]), "Untitled")
    ty.click()
    ty.type("see ")
    ty.press("v", mods=(rng.choice(["Control", "Meta"]),))
    ty.type(" " + ty.sentence(3))
    ty.press("Enter")


def _erase(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Slack", "Notes"]), "draft")
    ty.click()
    ty.type("my key is ")
    kind, maker = rng.choice(
        [("GITHUB_TOKEN", values.ghp), ("AWS_ACCESS_KEY", values.SLOTS["akia"][1])]
    )
    secret = maker(rng)
    ty.value(kind, secret)
    ty.pause(0.5, 2)
    how = rng.random()
    if how < 0.4:
        ty.press("a", mods=(rng.choice(["Control", "Meta"]),))
        ty.press("Backspace")
    elif how < 0.7:
        for _ in range(len(secret)):
            ty.press("Backspace")
    else:
        for _ in range(3):
            ty.press("Backspace", mods=(rng.choice(["Control", "Alt"]),))
    ty.type("never mind")
    ty.press("Enter")


def _arrows(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["TextEdit", "Notes", "Word"]), "Document")
    ty.click()
    tail = " " + ty.sentence(3)
    ty.type("write to ")
    ty.value("EMAIL_ADDRESS", values.email(rng))
    ty.type(tail)
    for _ in range(len(tail)):
        ty.press("ArrowLeft")
    ty.type(" soon")
    ty.press("End")
    ty.type(". " + ty.sentence(4))
    ty.press("Enter")


def _env(ty: _Typist) -> None:
    rng = ty.rng
    ty.focus(rng.choice(["Terminal", "kitty", "Alacritty"]), "zsh")
    ty.click()
    pick = rng.random()
    if pick < 0.4:
        ty.type("export GITHUB_TOKEN=")
        ty.value("GITHUB_TOKEN", values.ghp(rng))
    elif pick < 0.7:
        ty.type("export AWS_ACCESS_KEY_ID=")
        ty.value("AWS_ACCESS_KEY", values.SLOTS["akia"][1](rng))
    else:
        ty.type("mysql -u root -p")
        ty.value("PASSWORD", values.password(rng, url_safe=True), typos=False)
    ty.press("Enter")


SCENARIOS: dict[str, Callable[[_Typist], None]] = {
    "email": _email,
    "chat": _chat,
    "login": _login,
    "sudo": _sudo,
    "card": _card,
    "paste": _paste,
    "erase": _erase,
    "arrows": _arrows,
    "env": _env,
}


def typing_session(
    rng: random.Random | int | None = None, scenarios: Sequence[str] | None = None, n: int = 6
) -> TypingSession:
    """A session of ``n`` random scenarios (or the given ones, in order)."""
    if not isinstance(rng, random.Random):
        rng = random.Random(rng)
    names = list(scenarios) if scenarios is not None else rng.choices(list(SCENARIOS), k=n)
    ty = _Typist(rng)
    for name in names:
        SCENARIOS[name](ty)
        ty.pause()
    rows = sorted(ty.rows, key=lambda r: (r[0], r[1]))
    return TypingSession(
        events=[r[2] for r in rows],
        labels=[r[3] for r in rows],
        values=ty.values,
        scenarios=names,
    )
