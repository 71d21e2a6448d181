"""Rendered capture sessions: consecutive frames of one screen, with ground truth per frame.

The live redactor is judged on sequences, not single screens: what changes between frames
(a typed character, a scroll, a window switch, a toast, one edited character of a key)
decides what it re-reads. Each session kind renders that change pattern with fresh random
content, fonts and themes on every call (drawn with the same helpers as
:mod:`corpora.screens`), and each frame lists the sensitive values fully visible on
it, with their boxes: a value half typed or half scrolled out is not counted (neither path
can be asked to find it), a value partly hidden under a toast neither.

Frames are generated lazily: a 100-frame session at 1280x800 would hold 300 MB at once.
"""

from __future__ import annotations

import random
import string
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw

from corpora.screens import (
    MONO_FONTS,
    SANS_FONTS,
    THEMES,
    Secret,
    _Canvas,
    _credential,
    _mail,
    _name,
    _palette,
    _password,
    _phone,
    _pii,
    _prose,
    _sentence,
    _title_bar,
    render_screen,
)
from redactkit.findings import Box

SESSION_KINDS: tuple[str, ...] = (
    "typing",
    "scrolling",
    "terminal",
    "switching",
    "appearing",
    "key-edit",
)


@dataclass
class Frame:
    """``image``: (H, W, 3) uint8 RGB. ``secrets``: values fully visible, boxes in pixels.
    ``context``: the window's ``app`` and ``title``, as a capture agent reports them."""

    image: np.ndarray
    secrets: list[Secret]
    context: dict[str, str] = field(default_factory=dict)


def _canvas(rng: random.Random, size: tuple[int, int], theme: str | None = None) -> _Canvas:
    theme = theme or rng.choice(THEMES)
    sans, mono = rng.choice(list(SANS_FONTS)), rng.choice(list(MONO_FONTS))
    return _Canvas(size, 1, _palette(rng, theme), sans, mono)


def _fresh(proto: _Canvas) -> _Canvas:
    """An empty canvas with the same palette and fonts (one frame of a session)."""
    return _Canvas((proto.w, proto.h), proto.k, proto.pal, proto.sans, proto.mono)


def _visible(c: _Canvas) -> list[Secret]:
    return [s for s in c.secrets if s.boxes and len(s.boxes) >= len(s.value.split())]


def _caret(c: _Canvas, x: int, y: int, px: int) -> None:
    c.rect(x, y, x + 1, y + int(px * 1.15), c.pal.fg)


# ----------------------------------------------------------------------------- typing


def _typing(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """An e-mail being written, one to three characters a frame, caret blinking."""
    proto = _canvas(rng, size)
    px = rng.randint(12, 15)
    to, subject = _mail(rng), _sentence(rng, 4).rstrip(".!?")
    parts: list[tuple[str, str | None]] = [("Hi " + _name(rng).split()[0] + ", ", None)]
    while sum(len(t) for t, _ in parts) < 2.2 * n:
        r = rng.random()
        if r < 0.35:
            parts += [("please write to ", None), (_mail(rng), "EMAIL_ADDRESS"), (" and ", None)]
        elif r < 0.55:
            parts += [("call me on ", None), (_phone(rng), "PHONE_NUMBER"), (". ", None)]
        elif r < 0.7:
            _, value, kind = _credential(rng)
            parts += [("the key is ", None), (value, kind), (" ", None)]
        else:
            parts.append((_sentence(rng) + " ", None))
    sender = _name(rng)
    quoted: list[list[tuple[str, str | None]]] = [
        [
            (f"On Tuesday, {sender} <", None),
            (_mail(rng, sender), "EMAIL_ADDRESS"),
            ("> wrote:", None),
        ]
    ]
    for _ in range(8):
        value, kind = _pii(rng)
        quoted.append(
            [(_sentence(rng) + " Details: ", None), (value, kind), (". " + _sentence(rng), None)]
        )
    folders = ["Inbox", "Starred", "Sent", "Drafts", "Archive", "Projects", "Receipts"]
    typed = 0
    context = {"app": "Mail", "title": f"New message - {subject}"}
    for t in range(n):
        if rng.random() < 0.8:
            typed += rng.randint(1, 3)
        c = _fresh(proto)
        f = c.font(px)
        y = _title_bar(c, rng, "New message")
        c.rect(0, y, 160, c.h, c.pal.panel)
        for i, folder in enumerate(folders):
            c.line(16, y + 14 + i * int(px * 2), folder, f)
        x = 180
        c.line(
            x,
            y + c.s(12),
            [("To: ", c.pal.muted, None), (to, None, c.secret(to, "EMAIL_ADDRESS"))],
            f,
        )
        c.line(x, y + c.s(40), [("Subject: ", c.pal.muted, None), (subject, None, None)], f)
        c.rect(0, y + c.s(68), c.w, y + c.s(69), c.pal.line)
        segs, left = [], typed
        for text, kind in parts:
            if left <= 0:
                break
            piece = text[:left]
            done = kind is not None and len(piece) == len(text)
            segs.append((piece, None, c.secret(text, kind) if done else None))
            left -= len(piece)
        before = len(c.words)
        below = c.paragraph(x, y + c.s(84), segs, f, c.w - x - 20)
        after = len(c.words)
        qy = max(below, y + c.s(84) + 6 * px) + px
        for para in quoted:
            qsegs = [(t, c.pal.muted, c.secret(t, k) if k else None) for t, k in para]
            qy = c.paragraph(x + 12, qy, qsegs, f, c.w - x - 40) + px // 2
        if t % 2 == 0:
            last = c.words[after - 1].box if after > before else Box(x, y + c.s(84), 0, px)
            _caret(c, last.right + 2, last.top, px)
        yield Frame(c.screen("email", "").image, _visible(c), context)


# ----------------------------------------------------------------------------- scrolling


def _scrolling(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """A chat history read downwards (sometimes back up), a wheel step or a pause a frame."""
    proto = _canvas(rng, size)
    w, h = size
    px = rng.randint(12, 15)
    side, top, bottom = 220, 60, h - 70
    pane_w, pane_h = w - side, bottom - top
    tall = _Canvas((pane_w, pane_h * 6), 1, proto.pal, proto.sans, proto.mono)
    f, fb = tall.font(px), tall.font(px, bold=True)
    y = 10
    while y < tall.h - 4 * px:
        name = _name(rng)
        tall.line(20, y, [(name, None, tall.secret(name, "PERSON"))], fb)
        y += int(px * 1.6)
        if rng.random() < 0.3:
            _, value, kind = _credential(rng)
            segs = [("token is ", None, None), (value, None, tall.secret(value, kind))]
        else:
            segs = _prose(tall, rng, 0.5)
        y = tall.paragraph(20, y, segs, f, pane_w - 60) + 12
    pane = np.asarray(tall.img)
    chrome = _fresh(proto)
    chrome.rect(0, 0, side, h, chrome.pal.panel)
    for i, ch in enumerate(("general", "random", "engineering", "support")):
        chrome.line(16, 20 + i * int(px * 2), f"# {ch}", chrome.font(px))
    chrome.line(side + 20, 18, "# general", chrome.font(px + 3, bold=True))
    chrome.rect(side + 16, bottom + 14, w - 16, bottom + 56, chrome.pal.panel, radius=8)
    chrome.line(side + 30, bottom + 28, "Message #general", chrome.font(px), fill=chrome.pal.muted)
    base = np.asarray(chrome.img).copy()
    scroll, limit = 0, tall.h - pane_h
    context = {"app": "Chat", "title": "general"}
    for _ in range(n):
        r = rng.random()
        if r < 0.6:
            scroll += rng.randint(2, 8) * 20
        elif r < 0.7:
            scroll -= rng.randint(2, 6) * 20
        scroll = max(0, min(limit, scroll))
        image = base.copy()
        image[top:bottom, side:] = pane[scroll : scroll + pane_h]
        secrets = []
        for s in tall.secrets:
            if s.boxes and all(scroll <= b.top and b.bottom <= scroll + pane_h for b in s.boxes):
                boxes = [
                    Box(b.left + side, b.top - scroll + top, b.width, b.height) for b in s.boxes
                ]
                secrets.append(Secret(s.value, s.entity_type, boxes))
        yield Frame(image, secrets, context)


# ----------------------------------------------------------------------------- terminal


def _terminal_lines(rng: random.Random, count: int) -> list[list[tuple[str, tuple | None]]]:
    """Terminal output lines; a run is (text, (value, entity type) or None)."""
    user, host = rng.choice(["ana", "wei", "omar", "lena"]), rng.choice(["devbox", "ci-runner"])
    p = f"{user}@{host}:~$ "
    lines: list[list[tuple[str, tuple | None]]] = []
    while len(lines) < count:
        r = rng.random()
        if r < 0.2:
            _, value, kind = _credential(rng)
            lines.append([(p + "export API_TOKEN=", None), (value, (value, kind))])
        elif r < 0.3:
            mail = _mail(rng)
            lines.append(
                [
                    (p + 'git config user.email "', None),
                    (mail, (mail, "EMAIL_ADDRESS")),
                    ('"', None),
                ]
            )
        elif r < 0.4:
            pw = _password(rng)
            lines += [
                [("Connecting to vault...", None)],
                [("Password: ", None), (pw, (pw, "PASSWORD"))],
            ]
        else:
            for _ in range(rng.randint(1, 6)):
                stamp = (
                    f"[{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}]"
                )
                lines.append([(f"{stamp} {_sentence(rng, rng.randint(3, 9))}", None)])
    return lines


def _terminal(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """Output streaming into a terminal: zero to three lines a frame, scrolling line by line
    once the screen is full."""
    proto = _canvas(rng, size, "dark")
    px = rng.randint(12, 15)
    lines = _terminal_lines(rng, 3 * n + 60)
    shown = rng.randint(5, 20)
    context = {"app": "Terminal", "title": "bash"}
    for _ in range(n):
        shown += rng.choice([0, 1, 1, 2, 3])
        c = _fresh(proto)
        f = c.font(px, mono=True)
        top = _title_bar(c, rng, "bash - 120x40") + 8
        step = int(px * 1.35)
        rows = (c.h - top - step) // step
        for i, runs in enumerate(lines[max(0, shown - rows) : shown]):
            segs = [(text, None, c.secret(*sec) if sec else None) for text, sec in runs]
            c.line(10, top + i * step, segs, f)
        yield Frame(c.screen("terminal", "dark").image, _visible(c), context)


# ----------------------------------------------------------------------------- switching


def _switching(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """Three or four windows in turn, a few frames each (focus changes, the app too)."""
    kinds = rng.sample(["email", "chat", "terminal", "editor", "crm", "settings", "spreadsheet"], 4)
    windows = [(render_screen(rng, kind, size=size), kind) for kind in kinds[: rng.randint(3, 4)]]
    current, stay = 0, 0
    for t in range(n):
        if stay <= 0:
            current = rng.choice([i for i in range(len(windows)) if i != current] or [0])
            stay = rng.randint(2, 8)
        stay -= 1
        screen, kind = windows[current]
        image = screen.image.copy()
        if t % 2:  # a blinking caret somewhere in the window's first line of content
            image[60:76, 400:402] = 128
        context = {"app": kind.capitalize(), "title": f"{kind} window"}
        yield Frame(
            image, [s for s in screen.secrets if not _hidden(s, Box(400, 60, 2, 16))], context
        )


def _hidden(secret: Secret, cover: Box) -> bool:
    return any(
        b.left < cover.right
        and cover.left < b.right
        and b.top < cover.bottom
        and cover.top < b.bottom
        for b in secret.boxes
    )


# ----------------------------------------------------------------------------- appearing


def _appearing(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """A still window where, now and then, a notification with a secret pops up at a random
    place over unchanged content, stays a few frames and goes."""
    kind = rng.choice(["settings", "crm", "email", "spreadsheet", "editor"])
    screen = render_screen(rng, kind, size=size)
    proto = _canvas(rng, size)
    w, h = size
    toast: tuple[np.ndarray, Box, list[Secret]] | None = None
    left = 0
    context = {"app": kind.capitalize(), "title": f"{kind} window"}
    for t in range(n):
        if toast is None and t > 0 and rng.random() < 0.25:
            toast, left = _toast(rng, proto, screen.image, w, h), rng.randint(3, 8)
        if toast is None:
            yield Frame(screen.image.copy(), list(screen.secrets), context)
            continue
        image, cover, secrets = toast
        shown = [s for s in screen.secrets if not _hidden(s, cover)] + secrets
        yield Frame(image.copy(), shown, context)
        left -= 1
        if left <= 0:
            toast = None


def _toast(
    rng: random.Random, proto: _Canvas, base: np.ndarray, w: int, h: int
) -> tuple[np.ndarray, Box, list[Secret]]:
    c = _fresh(proto)
    c.img = Image.fromarray(base.copy())
    c.draw = ImageDraw.Draw(c.img)
    px = rng.randint(12, 14)
    tw, th = rng.randint(380, 520), int(px * 5)
    x, y = rng.randint(0, w - tw), rng.randint(40, h - th)
    c.rect(x, y, x + tw, y + th, c.pal.panel, radius=6)
    sender = _name(rng)
    c.line(
        x + 14,
        y + px // 2,
        [("New message from ", None, None), (sender, None, c.secret(sender, "PERSON"))],
        c.font(px, bold=True),
        max_x=x + tw - 8,
    )
    r = rng.random()
    if r < 0.4:
        _, value, kind = _credential(rng)
        segs = [("key: ", None, None), (value, None, c.secret(value, kind))]
    elif r < 0.7:
        mail = _mail(rng)
        segs = [("reply to ", None, None), (mail, None, c.secret(mail, "EMAIL_ADDRESS"))]
    else:
        phone = _phone(rng)
        segs = [("call me on ", None, None), (phone, None, c.secret(phone, "PHONE_NUMBER"))]
    c.line(x + 14, y + int(px * 2.6), segs, c.font(px), max_x=x + tw + 200)
    cover = Box(x, y, tw + 1, th + 1)
    secrets = [s for s in _visible(c) if all(_hidden(Secret("", "", [b]), cover) for b in s.boxes)]
    for s in secrets:  # a long key may run past the toast's edge: its box grows the cover
        for b in s.boxes:
            cover = cover.union(b)
    return np.asarray(c.img).copy(), cover, secrets


# ----------------------------------------------------------------------------- key edit


def _key_edit(rng: random.Random, n: int, size: tuple[int, int]) -> Iterator[Frame]:
    """An editor on a ``.env`` file: every few frames one character inside one key changes
    (the rest of the screen, the rest of the key too, stays as it was)."""
    proto = _canvas(rng, size, rng.choice(THEMES))
    px = rng.randint(12, 15)
    entries: list[list] = []
    for _ in range(rng.randint(12, 24)):
        if rng.random() < 0.5:
            name, value, kind = _credential(rng)
            entries.append([name, value, kind])
        else:
            entries.append(
                [
                    rng.choice(["LOG_LEVEL", "PORT", "REGION", "WORKERS"]),
                    rng.choice(["info", "8080", "eu-west-1", "4"]),
                    None,
                ]
            )
    keys = [e for e in entries if e[2] is not None and e[2] != "PASSWORD"] or [entries[0]]
    context = {"app": "Code", "title": ".env - project"}
    for t in range(n):
        if t and rng.random() < 0.4:
            entry = rng.choice(keys)
            value = entry[1]
            i = rng.randrange(4, len(value)) if len(value) > 5 else 0
            entry[1] = value[:i] + rng.choice(string.ascii_letters + string.digits) + value[i + 1 :]
        c = _fresh(proto)
        f = c.font(px, mono=True)
        y = _title_bar(c, rng, ".env - project") + 12
        step = int(px * 1.45)
        for k, (name, value, kind) in enumerate(entries):
            c.line(20, y, f"{k + 1:>3}", f, fill=c.pal.muted)
            c.line(
                70,
                y,
                [(f"{name}=", None, None), (value, None, c.secret(value, kind) if kind else None)],
                f,
            )
            y += step
        yield Frame(c.screen("editor", "").image, _visible(c), context)


_SESSIONS: dict[str, Callable[[random.Random, int, tuple[int, int]], Iterator[Frame]]] = {
    "typing": _typing,
    "scrolling": _scrolling,
    "terminal": _terminal,
    "switching": _switching,
    "appearing": _appearing,
    "key-edit": _key_edit,
}


def render_session(
    kind: str, rng: random.Random, frames: int = 100, size: tuple[int, int] = (1280, 800)
) -> Iterator[Frame]:
    """``frames`` consecutive frames of a capture session of ``kind`` (see
    ``SESSION_KINDS``), rendered one at a time with fresh random content from ``rng``."""
    if kind not in _SESSIONS:
        raise ValueError(f"unknown session kind {kind!r}; known: {', '.join(SESSION_KINDS)}")
    return _SESSIONS[kind](rng, frames, size)


__all__ = ["SESSION_KINDS", "Frame", "render_session"]
