"""Sessions where windows move over still text: a page scrolled, windows switched, a notification
popping up over a window and going."""

from __future__ import annotations

import random
from collections.abc import Iterator

import numpy as np
from PIL import Image, ImageDraw

from corpora.screens import render_screen
from corpora.screens.canvas import Secret, _Canvas
from corpora.screens.values import (
    _credential,
    _mail,
    _name,
    _phone,
    _prose,
)
from corpora.sessions.frames import Frame, _canvas, _fresh, _hidden, _visible
from redactkit.findings import Box


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
