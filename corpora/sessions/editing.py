"""Sessions where text changes in place: an e-mail being typed, a terminal printing lines, one
character of a key edited."""

from __future__ import annotations

import random
import string
from collections.abc import Iterator

from corpora.screens import THEMES
from corpora.screens.canvas import _title_bar
from corpora.screens.values import (
    _credential,
    _mail,
    _name,
    _password,
    _phone,
    _pii,
    _sentence,
)
from corpora.sessions.frames import Frame, _canvas, _caret, _fresh, _visible
from redactkit.findings import Box


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
