"""Screen kinds people write on: a mail client (inbox, message, signature) and a chat window."""

from __future__ import annotations

import random

from corpora.screens.canvas import _Canvas, _title_bar
from corpora.screens.values import (
    _COMPANIES,
    _credential,
    _mail,
    _name,
    _phone,
    _prose,
    _sentence,
)


def _email(c: _Canvas, rng: random.Random, px: int) -> None:
    y0 = _title_bar(c, rng, f"Inbox - {_mail(rng)} - Mail")
    f, fb, small = c.font(px), c.font(px, bold=True), c.font(max(11, px - 2))
    x = c.s(12)
    for label in ("New message", "Reply", "Forward", "Archive", "Delete"):
        col = c.pal.accent if label == "New message" else c.pal.line
        fg = (255, 255, 255) if label == "New message" else c.pal.fg
        x = c.button(x, y0 + c.s(8), label, small, col, fg)
    top = y0 + c.s(8) + small.size + c.s(24)
    side = c.s(170)
    c.rect(0, top, side, c.h, c.pal.panel)
    y = top + c.s(10)
    for folder in ("Inbox", "Starred", "Sent", "Drafts", "Spam", "Archive", "Projects", "Receipts"):
        c.line(c.s(16), y, f"{folder} {rng.randint(0, 40) or ''}".strip(), f)
        y += int(f.size * 1.9)
    lst = side + c.s(330)
    y = top + c.s(8)
    while y < c.h - c.s(20):
        name = _name(rng)
        c.line(side + c.s(12), y, [(name, None, c.secret(name, "PERSON"))], fb, max_x=lst - c.s(60))
        c.line(
            lst - c.s(50),
            y,
            f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d}",
            small,
            fill=c.pal.muted,
        )
        c.line(
            side + c.s(12),
            y + int(px * 1.5 * c.k),
            _sentence(rng, 5),
            small,
            fill=c.pal.muted,
            max_x=lst - c.s(8),
        )
        y += int(px * 3.6 * c.k)
        c.rect(side, y - c.s(8), lst, y - c.s(7), c.pal.line)
    c.rect(lst, top, lst + 1, c.h, c.pal.line)
    x, y, width = lst + c.s(20), top + c.s(14), c.w - lst - c.s(40)
    sender = _name(rng)
    mail = _mail(rng, sender)
    c.line(x, y, _sentence(rng, 5).rstrip(".!?"), c.font(px + 3, bold=True), max_x=c.w - c.s(10))
    y += int((px + 3) * 2 * c.k)
    c.line(
        x,
        y,
        [
            ("From: ", c.pal.muted, None),
            (sender, None, c.secret(sender, "PERSON")),
            (" <", None, None),
            (mail, None, c.secret(mail, "EMAIL_ADDRESS")),
            (">", None, None),
        ],
        f,
    )
    y += int(px * 1.6 * c.k)
    to = _mail(rng)
    c.line(x, y, [("To: ", c.pal.muted, None), (to, None, c.secret(to, "EMAIL_ADDRESS"))], f)
    y += int(px * 2.6 * c.k)
    while y < c.h - c.s(80):
        y = c.paragraph(x, y, _prose(c, rng), f, width) + int(px * 0.8 * c.k)
    phone = _phone(rng)
    c.paragraph(
        x,
        y,
        [
            ("Best, ", None, None),
            (sender, None, c.secret(sender, "PERSON")),
            (" | ", None, None),
            (phone, None, c.secret(phone, "PHONE_NUMBER")),
        ],
        f,
        width,
    )


def _chat(c: _Canvas, rng: random.Random, px: int) -> None:
    f, fb, small = c.font(px), c.font(px, bold=True), c.font(max(11, px - 2))
    side = c.s(220)
    sidebar = rng.choice([(63, 14, 64), (25, 23, 36), (34, 46, 66), c.pal.panel])
    c.rect(0, 0, side, c.h, sidebar)
    light_side = sum(sidebar) > 500
    sfg = c.pal.fg if light_side else (230, 230, 235)
    y = c.s(14)
    c.line(c.s(14), y, f"{rng.choice(_COMPANIES)} Team", c.font(px + 2, bold=True), fill=sfg)
    y += c.s(40)
    for ch in ("general", "random", "engineering", "sales", "support", "design", "ops"):
        c.line(c.s(18), y, f"# {ch}", f, fill=sfg)
        y += int(px * 2 * c.k)
    y += c.s(10)
    while y < c.h - c.s(30):
        c.line(c.s(18), y, _name(rng), f, fill=sfg)
        y += int(px * 2 * c.k)
    x, y = side + c.s(20), c.s(14)
    c.line(
        x, y, f"# {rng.choice(['general', 'engineering', 'support'])}", c.font(px + 3, bold=True)
    )
    y += c.s(44)
    c.rect(side, y - c.s(10), c.w, y - c.s(9), c.pal.line)
    bottom = c.h - c.s(70)
    while y < bottom - c.s(60):
        name = _name(rng)
        c.draw.ellipse(
            (x, y, x + c.s(32), y + c.s(32)),
            fill=rng.choice(
                [(232, 76, 61), (52, 152, 219), (46, 204, 113), (155, 89, 182), (241, 196, 15)]
            ),
        )
        tx = x + c.s(44)
        end = c.line(tx, y, [(name, None, c.secret(name, "PERSON"))], fb)
        c.line(
            end + c.s(8),
            y + c.s(2),
            f"{rng.randint(1, 12)}:{rng.randint(0, 59):02d} PM",
            small,
            fill=c.pal.muted,
        )
        y += int(px * 1.6 * c.k)
        if rng.random() < 0.3:
            name_, value, kind = _credential(rng)
            segs = [
                (rng.choice(["here's the key: ", "use ", "token is "]), None, None),
                (value, None, c.secret(value, kind)),
            ]
        else:
            segs = _prose(c, rng, 0.4)
        y = c.paragraph(tx, y, segs, f, c.w - tx - c.s(30)) + c.s(12)
    c.rect(side + c.s(16), bottom, c.w - c.s(16), bottom + c.s(44), c.pal.panel, radius=c.s(8))
    c.line(side + c.s(30), bottom + c.s(14), "Message #general", f, fill=c.pal.muted)
