"""Screen kinds of forms and tables: a CRM contact page, a settings form and a spreadsheet of
customers."""

from __future__ import annotations

import random
import string

import numpy as np

from corpora.screens.canvas import _Canvas, _title_bar
from corpora.screens.values import (
    _CITIES,
    _COMPANIES,
    _DOMAINS,
    _address,
    _card,
    _credential,
    _decoy,
    _iban,
    _mail,
    _name,
    _phone,
    _sentence,
)


def _crm(c: _Canvas, rng: random.Random, px: int) -> None:
    f, fb, small = c.font(px), c.font(px, bold=True), c.font(max(11, px - 2))
    bar = c.s(40)
    c.rect(0, 0, c.w, bar, c.pal.panel)
    c.rect(c.s(90), c.s(7), c.w - c.s(90), bar - c.s(7), c.pal.bg, radius=c.s(12))
    c.line(
        c.s(110),
        c.s(12),
        f"https://crm.{rng.choice(_DOMAINS)}/contacts?page={rng.randint(1, 40)}",
        small,
        fill=c.pal.muted,
    )
    c.rect(0, bar, c.w, bar + c.s(48), c.pal.accent)
    x = c.s(20)
    for item in (f"{rng.choice(_COMPANIES)} CRM", "Contacts", "Deals", "Reports", "Settings"):
        x = c.line(x, bar + c.s(14), item, fb if x == c.s(20) else f, fill=(255, 255, 255)) + c.s(
            28
        )
    y = bar + c.s(70)
    if rng.random() < 0.5:
        c.rect(
            c.s(20),
            y,
            c.w - c.s(20),
            y + c.s(36),
            (255, 243, 205) if c.pal.bg[0] > 128 else (92, 74, 20),
            radius=c.s(4),
        )
        c.line(c.s(34), y + c.s(10), f"Warning: {_sentence(rng, 7)}", f)
        y += c.s(52)
    form_w = c.s(380)
    table_x = c.s(20)
    cols = [("Name", 0.22), ("Email", 0.3), ("Phone", 0.2), ("Company", 0.14), ("City", 0.14)]
    table_w = c.w - form_w - c.s(60)
    xs = [table_x]
    for _, frac in cols:
        xs.append(xs[-1] + int(frac * table_w))
    row_h = int(px * 2.2 * c.k)
    for (title, _), cx in zip(cols, xs):
        c.line(cx + c.s(6), y, title, fb)
    y += row_h
    while y < c.h - row_h:
        name = _name(rng)
        vals = [
            (name, "PERSON"),
            (_mail(rng, name), "EMAIL_ADDRESS"),
            (_phone(rng), "PHONE_NUMBER"),
            (rng.choice(_COMPANIES), None),
            (rng.choice(_CITIES), None),
        ]
        c.rect(table_x, y - c.s(6), xs[-1], y - c.s(5), c.pal.line)
        for (value, kind), cx, nx in zip(vals, xs, xs[1:]):
            sec = c.secret(value, kind) if kind else None
            c.line(cx + c.s(6), y, [(value, None, sec)], f, max_x=nx - c.s(4))
        y += row_h
    fx = c.w - form_w - c.s(20)
    c.rect(fx, bar + c.s(70), c.w - c.s(20), c.h - c.s(20), c.pal.panel, radius=c.s(6))
    y = bar + c.s(86)
    c.line(fx + c.s(16), y, "Edit contact", c.font(px + 3, bold=True))
    y += c.s(40)
    name = _name(rng)
    fields = [
        ("Full name", name, "PERSON"),
        ("Email", _mail(rng, name), "EMAIL_ADDRESS"),
        ("Phone", _phone(rng), "PHONE_NUMBER"),
        ("Address", _address(rng), "LOCATION"),
        ("Card number", _card(rng), "CREDIT_CARD"),
        ("IBAN", _iban(rng), "IBAN_CODE"),
        ("Password", "•" * 10, None),
    ]
    for label, value, kind in fields:
        if y > c.h - c.s(80):
            break
        c.line(fx + c.s(16), y, label, small, fill=c.pal.muted)
        y += int(small.size * 1.5)
        c.rect(fx + c.s(16), y, c.w - c.s(36), y + c.s(30), c.pal.bg, radius=c.s(4))
        c.line(
            fx + c.s(24),
            y + c.s(7),
            [(value, None, c.secret(value, kind) if kind else None)],
            f,
            max_x=c.w - c.s(40),
        )
        y += c.s(42)
    c.button(fx + c.s(16), y, "Save", f, c.pal.accent)


def _settings(c: _Canvas, rng: random.Random, px: int) -> None:
    f, fb, mono = c.font(px), c.font(px, bold=True), c.font(max(11, px - 1), mono=True)
    y = _title_bar(c, rng, "Settings")
    side = min(c.s(200), c.w // 6)
    c.rect(0, y, side, c.h, c.pal.panel)
    yy = y + c.s(16)
    for item in ("Profile", "Account", "Billing", "API keys", "Webhooks", "Team", "Security"):
        if item == "API keys":
            c.rect(
                c.s(8),
                yy - c.s(6),
                side - c.s(8),
                yy + f.size + c.s(6),
                c.pal.accent,
                radius=c.s(4),
            )
        c.line(c.s(20), yy, item, f, fill=(255, 255, 255) if item == "API keys" else c.pal.fg)
        yy += int(px * 2.3 * c.k)
    x, y = side + c.s(20), y + c.s(20)
    c.line(x, y, "API keys", c.font(px + 5, bold=True))
    y += c.s(44)
    y = c.paragraph(x, y, [(_sentence(rng, 14), c.pal.muted, None)], f, c.w - x - c.s(30))
    y += c.s(16)
    for _ in range(rng.randint(2, 3)):
        name, value, kind = _credential(rng)
        c.line(x, y, name.replace("_", " ").title(), fb)
        small = c.font(max(11, px - 2))
        c.button(c.w - c.s(90), y - c.s(6), "Copy", small, c.pal.accent)
        y += int(px * 2.0 * c.k)
        c.rect(x, y - c.s(6), c.w - c.s(12), y + mono.size + c.s(8), c.pal.panel, radius=c.s(4))
        c.line(x + c.s(8), y, [(value, None, c.secret(value, kind))], mono, max_x=c.w - c.s(14))
        y += c.s(50)
    c.line(x, y, ".env", fb)
    y += int(px * 1.8 * c.k)
    code_bg = (30, 30, 30) if c.pal.bg[0] > 128 and rng.random() < 0.5 else c.pal.panel
    code_fg = (220, 220, 220) if code_bg == (30, 30, 30) else c.pal.fg
    c.rect(x, y - c.s(8), c.w - c.s(30), c.h - c.s(16), code_bg, radius=c.s(6))
    y += c.s(4)
    while y < c.h - c.s(40):
        if rng.random() < 0.6:
            name, value, kind = _credential(rng)
        else:
            name, value, kind = rng.choice(
                [
                    ("DATABASE_HOST", "db.internal", None),
                    ("DEBUG", "false", None),
                    ("PORT", str(rng.randint(1000, 9999)), None),
                    ("ADMIN_EMAIL", _mail(rng), "EMAIL_ADDRESS"),
                    ("LOG_LEVEL", "info", None),
                ]
            )
        c.line(
            x + c.s(12),
            y,
            [
                (f"{name}=", code_fg, None),
                (value, code_fg, c.secret(value, kind) if kind else None),
            ],
            mono,
            max_x=c.w - c.s(36),
        )
        y += int(mono.size * 1.5)


def _spreadsheet(c: _Canvas, rng: random.Random, px: int) -> None:
    px = min(px, 13)
    f, fb = c.font(px), c.font(px, bold=True)
    y0 = _title_bar(c, rng, f"customers_{rng.randint(2019, 2026)}.xlsx")
    c.rect(0, y0, c.w, y0 + c.s(34), c.pal.panel)
    c.line(
        c.s(10),
        y0 + c.s(9),
        f"fx  ={rng.choice(['SUM', 'VLOOKUP', 'AVERAGE'])}(B2:B{rng.randint(20, 400)})",
        f,
        fill=c.pal.muted,
    )
    top = y0 + c.s(34)
    row_h = int(px * 1.9 * c.k)
    head_w = c.s(44)
    cols = [
        ("Name", 150, "PERSON"),
        ("Email", 220, "EMAIL_ADDRESS"),
        ("Phone", 140, "PHONE_NUMBER"),
        ("IBAN", 250, "IBAN_CODE"),
        ("Amount", 90, None),
        ("Date", 90, None),
        ("Card", 170, "CREDIT_CARD"),
        ("Notes", 260, None),
    ]
    xs = [head_w]
    for _, w, _ in cols:
        xs.append(xs[-1] + c.s(w * px / 13))
    grid = c.pal.line
    c.rect(0, top, c.w, top + row_h, c.pal.panel)
    for i, cx in enumerate(xs[:-1]):
        if cx < c.w:
            c.line(cx + c.s(6), top + c.s(4), string.ascii_uppercase[i], f, fill=c.pal.muted)
    y, r = top + row_h, 1
    while y < c.h - row_h:
        c.line(c.s(8), y + c.s(4), str(r), f, fill=c.pal.muted)
        name = _name(rng)
        for (title, _, kind), cx, nx in zip(cols, xs, xs[1:]):
            if cx >= c.w:
                break
            if r == 1:
                c.line(cx + c.s(5), y + c.s(4), title, fb, max_x=nx - c.s(3))
                continue
            value = {
                "PERSON": name,
                "EMAIL_ADDRESS": _mail(rng, name),
                "PHONE_NUMBER": _phone(rng),
                "IBAN_CODE": _iban(rng),
                "CREDIT_CARD": _card(rng),
            }.get(kind or "", "")
            if title == "Amount":
                value = f"{rng.randint(1, 9999)}.{rng.randint(0, 99):02d}"
            elif title == "Date":
                value = (
                    f"{rng.randint(2019, 2026)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
                )
            elif title == "Notes":
                value = _sentence(rng, 4) if rng.random() < 0.7 else _decoy(rng)
            c.line(
                cx + c.s(5),
                y + c.s(4),
                [(value, None, c.secret(value, kind) if kind else None)],
                f,
                max_x=nx - c.s(3),
            )
        y += row_h
        r += 1
    arr_y = np.arange(top, y + 1, row_h)
    for gy in arr_y:
        c.rect(0, int(gy), c.w, int(gy), grid)
    for gx in xs:
        if gx < c.w:
            c.rect(gx, top, gx, y, grid)
