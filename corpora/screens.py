"""Synthetic screenshots with ground truth: every drawn word and every sensitive value, boxed.

Real screens are not scanned pages: small anti-aliased UI fonts, light-on-dark terminals and
editors, coloured buttons and banners, dense tables. OCR and redaction are tuned and tested on
these renders, so they vary everything that can vary (kind of screen, theme, font, size, scale,
content) and draw fresh random values each call: nothing may be tuned to a fixed fixture.

Geometry: ``size`` is the output image size in pixels; ``scale`` is the device pixel ratio (2
draws a HiDPI screen: every font and margin doubled, so less content fits).
"""

from __future__ import annotations

import random
import string
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
from PIL import Image, ImageDraw, ImageFont

from redactkit.findings import Box

KINDS: tuple[str, ...] = ("email", "chat", "terminal", "editor", "crm", "settings", "spreadsheet")
THEMES: tuple[str, ...] = ("light", "dark")

_FONT_DIR = "/usr/share/fonts/truetype"
SANS_FONTS: dict[str, str] = {
    "DejaVu Sans": f"{_FONT_DIR}/dejavu/DejaVuSans.ttf",
    "Liberation Sans": f"{_FONT_DIR}/liberation/LiberationSans-Regular.ttf",
    "Liberation Serif": f"{_FONT_DIR}/liberation/LiberationSerif-Regular.ttf",
}
MONO_FONTS: dict[str, str] = {
    "DejaVu Sans Mono": f"{_FONT_DIR}/dejavu/DejaVuSansMono.ttf",
    "Liberation Mono": f"{_FONT_DIR}/liberation/LiberationMono-Regular.ttf",
    "Noto Mono": f"{_FONT_DIR}/noto/NotoMono-Regular.ttf",
}
FONTS: dict[str, str] = {**SANS_FONTS, **MONO_FONTS}
_BOLD = {
    "DejaVu Sans": f"{_FONT_DIR}/dejavu/DejaVuSans-Bold.ttf",
    "Liberation Sans": f"{_FONT_DIR}/liberation/LiberationSans-Bold.ttf",
    "Liberation Serif": f"{_FONT_DIR}/liberation/LiberationSerif-Bold.ttf",
}


@dataclass
class RenderedWord:
    """One whitespace-separated word as drawn, with its ink box (pixels)."""

    text: str
    box: Box


@dataclass
class Secret:
    """A sensitive value on screen: one box per drawn word of it (a value glued to other text,
    like ``KEY=value``, gets the box of the whole word: that is what a mask must cover)."""

    value: str
    entity_type: str
    boxes: list[Box] = field(default_factory=list)


@dataclass
class Screen:
    """``image``: HxWx3 uint8 RGB. ``fonts``: (UI family, monospace family) drawn with."""

    image: np.ndarray
    words: list[RenderedWord]
    secrets: list[Secret]
    kind: str
    theme: str
    scale: int = 1
    fonts: tuple[str, str] = ("", "")


RGB = tuple[int, int, int]
# A run of text on one line: (text, colour or None for the default, secret or None).
Seg = tuple[str, RGB | None, Secret | None]


@dataclass(frozen=True)
class _Palette:
    bg: RGB
    fg: RGB
    muted: RGB
    panel: RGB
    line: RGB
    accent: RGB
    keyword: RGB
    string: RGB


def _palette(rng: random.Random, theme: str) -> _Palette:
    accent = rng.choice([(0, 120, 212), (46, 125, 50), (106, 27, 154), (230, 81, 0), (198, 40, 40)])
    if theme == "dark":
        bg = rng.choice([(30, 30, 30), (24, 26, 33), (40, 42, 54), (0, 43, 54), (13, 17, 23)])
        return _Palette(
            bg,
            rng.choice([(220, 220, 220), (248, 248, 242), (201, 209, 217)]),
            (140, 148, 160),
            tuple(min(255, c + 16) for c in bg),  # type: ignore[arg-type]
            tuple(min(255, c + 40) for c in bg),  # type: ignore[arg-type]
            accent,
            rng.choice([(197, 134, 192), (255, 121, 198), (86, 156, 214)]),
            rng.choice([(206, 145, 120), (241, 250, 140), (152, 195, 121)]),
        )
    bg = rng.choice([(255, 255, 255), (250, 250, 250), (246, 247, 249), (253, 246, 227)])
    return _Palette(
        bg,
        rng.choice([(30, 30, 30), (33, 37, 41), (60, 64, 67), (0, 0, 0)]),
        (108, 117, 125),
        (236, 238, 242),
        (214, 218, 224),
        accent,
        rng.choice([(0, 0, 255), (175, 0, 219), (166, 38, 164)]),
        rng.choice([(163, 21, 21), (80, 161, 79), (196, 26, 22)]),
    )


@lru_cache(maxsize=256)
def _font(path: str, px: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(path, px)


class _Canvas:
    """A PIL image plus the ground truth of what was drawn on it."""

    def __init__(self, size: tuple[int, int], scale: int, pal: _Palette, sans: str, mono: str):
        self.w, self.h = size
        self.k = scale
        self.pal = pal
        self.img = Image.new("RGB", size, pal.bg)
        self.draw = ImageDraw.Draw(self.img)
        self.sans, self.mono = sans, mono
        self.words: list[RenderedWord] = []
        self.secrets: list[Secret] = []

    def s(self, v: float) -> int:
        return int(round(v * self.k))

    def font(self, px: int, mono: bool = False, bold: bool = False) -> ImageFont.FreeTypeFont:
        family = self.mono if mono else self.sans
        path = _BOLD.get(family, FONTS[family]) if bold else FONTS[family]
        return _font(path, px * self.k)

    def rect(self, x0: int, y0: int, x1: int, y1: int, fill: RGB, radius: int = 0) -> None:
        if x1 >= x0 and y1 >= y0:  # layouts squeezed by a small size may collapse a panel
            self.draw.rounded_rectangle((x0, y0, x1, y1), radius=radius, fill=fill)

    def secret(self, value: str, entity_type: str) -> Secret:
        s = Secret(value, entity_type)
        self.secrets.append(s)
        return s

    def line(
        self, x: int, y: int, segs: list[Seg] | str, font, fill: RGB | None = None, max_x=None
    ) -> int:
        """Draw one line of runs; return the x after it. Words that do not fit before ``max_x``
        are cut (a secret is dropped whole rather than cut), lines below the bottom are skipped."""
        if isinstance(segs, str):
            segs = [(segs, None, None)]
        fill = fill or self.pal.fg
        max_x = self.w - self.s(4) if max_x is None else min(max_x, self.w - self.s(2))
        if y + font.size > self.h:
            return x
        text = "".join(t for t, _, _ in segs)
        spans, pos = [], 0
        for t, colour, sec in segs:
            spans.append((pos, pos + len(t), colour, sec))
            pos += len(t)
        cut = len(text)
        for start, word in _split_words(text):
            if x + font.getlength(text[: start + len(word)]) > max_x:
                cut = start
                break
        for start, end, _, sec in spans:
            if sec is not None and start < cut < end:
                cut = start
        text = text[:cut]
        for start, end, colour, _ in spans:
            if start < cut:
                run = text[start:end]
                self.draw.text(
                    (x + font.getlength(text[:start]), y), run, font=font, fill=colour or fill
                )
        for start, word in _split_words(text):
            wx = x + font.getlength(text[:start])
            x0, y0, x1, y1 = self.draw.textbbox((wx, y), word, font=font)
            left, top = int(np.floor(x0)), int(np.floor(y0))
            box = Box(left, top, int(np.ceil(x1)) - left, int(np.ceil(y1)) - top)
            self.words.append(RenderedWord(word, box))
            for s0, e0, _, sec in spans:
                if sec is not None and s0 < start + len(word) and start < e0:
                    sec.boxes.append(box)
        return int(x + font.getlength(text))

    def paragraph(
        self, x: int, y: int, segs: list[Seg], font, width: int, gap: float = 1.45
    ) -> int:
        """Word-wrap runs into ``width``; return the y below. Secrets may wrap across lines."""
        words: list[list[Seg]] = [[]]
        for t, colour, sec in segs:
            for i, piece in enumerate(t.split(" ")):
                if i:
                    words.append([])
                if piece:
                    words[-1].append((piece, colour, sec))
        words = [w for w in words if w]
        lines: list[list[Seg]] = [[]]
        for w in words:
            trial = lines[-1] + [(" ", None, None)] + w if lines[-1] else w
            if lines[-1] and font.getlength("".join(t for t, _, _ in trial)) > width:
                lines.append(list(w))
            else:
                lines[-1] = trial
        step = int(font.size * gap)
        for ln in lines:
            if y + font.size > self.h:
                break
            self.line(x, y, ln, font, max_x=x + width + font.size)
            y += step
        return y

    def button(
        self, x: int, y: int, label: str, font, colour: RGB, fg: RGB = (255, 255, 255)
    ) -> int:
        pad = self.s(10)
        w = int(font.getlength(label)) + 2 * pad
        self.rect(x, y, x + w, y + font.size + 2 * self.s(6), colour, radius=self.s(4))
        self.line(x + pad, y + self.s(6), label, font, fill=fg)
        return x + w + self.s(8)

    def screen(self, kind: str, theme: str) -> Screen:
        secrets = []
        for s in self.secrets:
            if not s.boxes:
                continue
            n = len(s.value.split())
            if len(s.boxes) < n:  # cut at the bottom edge: label what shows
                s.value = " ".join(s.value.split()[: len(s.boxes)])
            secrets.append(s)
        image = np.asarray(self.img, dtype=np.uint8).copy()
        fonts = (self.sans, self.mono)
        return Screen(image, self.words, secrets, kind, theme, self.k, fonts)


def _split_words(text: str) -> list[tuple[int, str]]:
    out, pos = [], 0
    for piece in text.split(" "):
        if piece:
            out.append((pos, piece))
        pos += len(piece) + 1
    return out


# ----------------------------------------------------------------------------- random values

_FIRST = (
    "James Maria Wei Aisha Olga Mateo Priya Kenji Fatima Liam Chloe Sven Amara Diego Yuki "
    "Noah Ingrid Tomasz Leila Rahul Sofia Kwame Hannah Jonas Mei Lucas Elena Omar Zara Pierre"
).split()
_LAST = (
    "Smith Garcia Zhang Okafor Petrova Rossi Patel Tanaka Haddad Murphy Dubois Lindqvist Mensah "
    "Fernandez Nakamura Schmidt Kowalski Rahman Sharma Silva Mwangi Becker Chen Costa Novak Ali"
).split()
_STREETS = "Maple Oak Harbor Mill Station Elm Church Lake Queen Kings Park Linden Bay".split()
_STREET_KINDS = "Street Avenue Road Lane Drive Way Boulevard".split()
_CITIES = "Springfield Boston Leeds Hamburg Lyon Austin Denver Bristol Porto Utrecht Graz".split()
_DOMAINS = "acme.io example.com globex.net initech.co mail.org contoso.com fastmail.fm".split()
_COMPANIES = "Acme Globex Initech Umbrella Hooli Vandelay Stark Wayne Wonka Tyrell".split()
_WORDS = (
    "the of and to in for is on that with as it at by from we be this are report meeting "
    "project update please review attached schedule budget team deadline next week thanks "
    "quarter plan draft client invoice status release build server issue fixed notes call "
    "tomorrow agenda design feedback data results customer order shipping account support "
    "approved pending summary question today afternoon morning office launch metrics"
).split()
_ALNUM = string.ascii_letters + string.digits


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _mail(rng: random.Random, name: str | None = None) -> str:
    first, last = (name or _name(rng)).lower().split()
    user = rng.choice([f"{first}.{last}", f"{first[0]}{last}", f"{first}{rng.randint(1, 99)}"])
    return f"{user}@{rng.choice(_DOMAINS)}"


def _phone(rng: random.Random) -> str:
    d = lambda n: "".join(rng.choice(string.digits) for _ in range(n))  # noqa: E731
    return rng.choice(
        [
            f"({rng.randint(201, 989)}) {d(3)}-{d(4)}",
            f"+1 {rng.randint(201, 989)} {d(3)} {d(4)}",
            f"+44 20 {d(4)} {d(4)}",
            f"+49 30 {d(8)}",
            f"{rng.randint(201, 989)}-{d(3)}-{d(4)}",
        ]
    )


def _luhn_digit(digits: str) -> str:
    total = 0
    for i, ch in enumerate(reversed(digits)):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        total += v - 9 if v > 9 else v
    return str((10 - total % 10) % 10)


def _card(rng: random.Random) -> str:
    # Issued ranges only: Visa, Mastercard 51-55 and its 2-series (2221-2720).
    prefix = rng.choice(["4", "51", "55", str(rng.randint(2221, 2720))])
    body = prefix + "".join(rng.choice(string.digits) for _ in range(15 - len(prefix)))
    num = body + _luhn_digit(body)
    sep = rng.choice([" ", "-", ""])
    return sep.join(num[i : i + 4] for i in range(0, 16, 4))


def _iban(rng: random.Random) -> str:
    country, n = rng.choice([("DE", 18), ("GB", 18), ("FR", 23), ("NL", 14), ("ES", 20)])
    if country in ("GB", "NL"):
        bban = "".join(rng.choice(string.ascii_uppercase) for _ in range(4))
        bban += "".join(rng.choice(string.digits) for _ in range(n - 4))
    else:
        bban = "".join(rng.choice(string.digits) for _ in range(n))
    numeric = "".join(str(int(c, 36)) for c in bban + country + "00")
    check = 98 - int(numeric) % 97
    iban = f"{country}{check:02d}{bban}"
    return " ".join(iban[i : i + 4] for i in range(0, len(iban), 4))


def _address(rng: random.Random) -> str:
    return f"{rng.randint(1, 999)} {rng.choice(_STREETS)} {rng.choice(_STREET_KINDS)}, {rng.choice(_CITIES)}"


def _rand(rng: random.Random, n: int, alphabet: str = _ALNUM) -> str:
    return "".join(rng.choice(alphabet) for _ in range(n))


def _credential(rng: random.Random) -> tuple[str, str, str]:
    """(env var name, value, entity type)."""
    up = string.ascii_uppercase + string.digits
    return rng.choice(
        [
            ("GITHUB_TOKEN", "ghp_" + _rand(rng, 36), "GITHUB_TOKEN"),
            ("AWS_ACCESS_KEY_ID", "AKIA" + _rand(rng, 16, up), "AWS_ACCESS_KEY"),
            ("AWS_SECRET_ACCESS_KEY", _rand(rng, 40, _ALNUM + "/+"), "AWS_SECRET_KEY"),
            ("OPENAI_API_KEY", "sk-" + _rand(rng, 48), "OPENAI_API_KEY"),
            ("OPENAI_API_KEY", "sk-proj-" + _rand(rng, 56, _ALNUM + "_-"), "OPENAI_API_KEY"),
            (
                "SLACK_BOT_TOKEN",
                f"xoxb-{_rand(rng, 12, string.digits)}-{_rand(rng, 24)}",
                "SLACK_TOKEN",
            ),
            ("STRIPE_SECRET_KEY", "sk_live_" + _rand(rng, 24), "STRIPE_KEY"),
            ("DB_PASSWORD", _password(rng), "PASSWORD"),
        ]
    )


def _password(rng: random.Random) -> str:
    return _rand(rng, rng.randint(10, 16), _ALNUM + "!#$%&*?@")


def _sentence(rng: random.Random, n: int | None = None) -> str:
    words = [rng.choice(_WORDS) for _ in range(n or rng.randint(4, 12))]
    return " ".join(words).capitalize() + rng.choice([".", ".", "!", "?"])


def _decoy(rng: random.Random) -> str:
    """Look-alikes that are not personal data: ids, hashes, versions, amounts, dates."""
    return rng.choice(
        [
            f"INV-{rng.randint(2019, 2026)}-{rng.randint(0, 99999):05d}",
            _rand(rng, 40, "0123456789abcdef")[: rng.choice([7, 12, 40])],
            f"v{rng.randint(0, 9)}.{rng.randint(0, 40)}.{rng.randint(0, 99)}",
            f"${rng.randint(1, 99999):,}.{rng.randint(0, 99):02d}",
            f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(2019, 2026)}",
            f"order #{rng.randint(100000, 999999)}",
            "sk-" + "x" * 8,
            "ghp_<your-token>",
            f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}",
        ]
    )


def _pii(rng: random.Random) -> tuple[str, str]:
    """A random (value, entity type) for prose."""
    kind = rng.choice(
        ["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "IBAN_CODE", "LOCATION"]
    )
    value = {
        "PERSON": _name,
        "EMAIL_ADDRESS": _mail,
        "PHONE_NUMBER": _phone,
        "CREDIT_CARD": _card,
        "IBAN_CODE": _iban,
        "LOCATION": _address,
    }[kind](rng)
    return value, kind


def _prose(c: _Canvas, rng: random.Random, p_secret: float = 0.5) -> list[Seg]:
    """A sentence or two, sometimes with a sensitive value or a decoy inside."""
    segs: list[Seg] = [(_sentence(rng) + " ", None, None)]
    r = rng.random()
    if r < p_secret:
        value, kind = _pii(rng)
        lead = {
            "PERSON": "Ask",
            "EMAIL_ADDRESS": "Write to",
            "PHONE_NUMBER": "Call me on",
            "CREDIT_CARD": "Card:",
            "IBAN_CODE": "IBAN",
            "LOCATION": "Ship to",
        }[kind]
        segs += [(lead + " ", None, None), (value, None, c.secret(value, kind)), (". ", None, None)]
    elif r < p_secret + 0.2:
        segs.append((f"Ref {_decoy(rng)}. ", None, None))
    if rng.random() < 0.5:
        segs.append((_sentence(rng), None, None))
    return segs


# ----------------------------------------------------------------------------- screen kinds


def _title_bar(c: _Canvas, rng: random.Random, title: str) -> int:
    h = c.s(30)
    c.rect(0, 0, c.w, h, c.pal.panel)
    for i, col in enumerate([(255, 95, 86), (255, 189, 46), (39, 201, 63)]):
        x = c.s(14 + 20 * i)
        c.draw.ellipse((x, c.s(9), x + c.s(12), c.s(21)), fill=col)
    f = c.font(12)
    c.line(c.w // 2 - int(f.getlength(title)) // 2, c.s(8), title, f, fill=c.pal.muted)
    return h


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


def _terminal(c: _Canvas, rng: random.Random, px: int) -> None:
    y = _title_bar(c, rng, "bash - 120x40") + c.s(8)
    f = c.font(px, mono=True)
    step = int(px * 1.35 * c.k)
    user, host = (
        rng.choice(_FIRST).lower(),
        rng.choice(["devbox", "prod-web-3", "laptop", "ci-runner"]),
    )
    prompt_col = rng.choice([(80, 250, 123), (138, 226, 52), (98, 160, 234)])
    x = c.s(10)

    def prompt(cmd: list[Seg]) -> None:
        nonlocal y
        c.line(x, y, [(f"{user}@{host}:~$ ", prompt_col, None), *cmd], f)
        y += step

    while y < c.h - step:
        r = rng.random()
        if r < 0.2:
            prompt([("ls -la", None, None)])
            for _ in range(rng.randint(2, 5)):
                c.line(
                    x,
                    y,
                    f"-rw-r--r-- 1 {user} staff {rng.randint(100, 99999):>6} Mar {rng.randint(1, 28):>2} {rng.randint(0, 23):02d}:{rng.randint(0, 59):02d} {rng.choice(_WORDS)}.{rng.choice(['py', 'txt', 'log', 'json'])}",
                    f,
                )
                y += step
        elif r < 0.35:
            name, value, kind = _credential(rng)
            prompt([(f"export {name}=", None, None), (value, None, c.secret(value, kind))])
        elif r < 0.5:
            pw = _password(rng)
            prompt([(f"./deploy.sh --env {rng.choice(['prod', 'staging'])}", None, None)])
            c.line(x, y, "Connecting to vault...", f)
            y += step
            c.line(x, y, [("Password: ", None, None), (pw, None, c.secret(pw, "PASSWORD"))], f)
            y += step
        elif r < 0.65:
            prompt([("git log --oneline -3", None, None)])
            for _ in range(3):
                c.line(
                    x,
                    y,
                    [
                        (_rand(rng, 7, "0123456789abcdef") + " ", (229, 192, 123), None),
                        (_sentence(rng, 5), None, None),
                    ],
                    f,
                )
                y += step
        elif r < 0.78:
            name = _name(rng)
            mail = _mail(rng, name)
            prompt(
                [
                    ('git config user.email "', None, None),
                    (mail, None, c.secret(mail, "EMAIL_ADDRESS")),
                    ('"', None, None),
                ]
            )
        elif r < 0.9:
            _, value, kind = _credential(rng)
            prompt(
                [
                    ('curl -H "Authorization: Bearer ', None, None),
                    (value, None, c.secret(value, kind)),
                    ('" https://api.example.com/v1/me', None, None),
                ]
            )
            c.line(
                x,
                y,
                f'{{"id": {rng.randint(1000, 99999)}, "status": "ok", "version": "{_decoy(rng)}"}}',
                f,
            )
            y += step
        else:
            prompt(
                [
                    (
                        rng.choice(
                            ["make test", "docker ps", "npm run build", "python manage.py migrate"]
                        ),
                        None,
                        None,
                    )
                ]
            )
            c.line(x, y, f"{_sentence(rng, 6)} {_decoy(rng)}", f, fill=c.pal.muted)
            y += step


def _editor(c: _Canvas, rng: random.Random, px: int) -> None:
    f, small = c.font(px, mono=True), c.font(max(11, px - 1))
    side = c.s(200)
    c.rect(0, 0, side, c.h, c.pal.panel)
    y = c.s(10)
    c.line(c.s(12), y, "EXPLORER", small, fill=c.pal.muted)
    y += c.s(28)
    for name in (
        "src",
        "app.py",
        "config.py",
        "settings.yaml",
        ".env",
        "README.md",
        "tests",
        "utils.py",
        "models.py",
    ):
        c.line(c.s(20), y, name, small)
        y += int(small.size * 1.8)
    tabs_h = c.s(34)
    c.rect(side, 0, c.w, tabs_h, c.pal.panel)
    tx = side
    for name in ("config.py", ".env", "app.py"):
        w = int(small.getlength(name)) + c.s(28)
        if name == "config.py":
            c.rect(tx, 0, tx + w, tabs_h, c.pal.bg)
        c.line(tx + c.s(14), c.s(10), name, small)
        tx += w
    step = int(px * 1.45 * c.k)
    y, n = tabs_h + c.s(8), 1
    gutter = side + c.s(10)
    code_x = side + c.s(56)
    kw, st = c.pal.keyword, c.pal.string
    while y < c.h - step:
        r = rng.random()
        indent = " " * rng.choice([0, 0, 4, 8])
        if r < 0.2:
            name, value, kind = _credential(rng)
            segs: list[Seg] = [
                (f"{indent}{name} = ", None, None),
                ('"', st, None),
                (value, st, c.secret(value, kind)),
                ('"', st, None),
            ]
        elif r < 0.3:
            who = _name(rng)
            mail = _mail(rng, who)
            segs = [
                (f"{indent}ADMINS = [(", None, None),
                ('"', st, None),
                (who, st, c.secret(who, "PERSON")),
                ('", "', st, None),
                (mail, st, c.secret(mail, "EMAIL_ADDRESS")),
                ('")]', st, None),
            ]
        elif r < 0.55:
            segs = [
                (indent, None, None),
                ("def " if rng.random() < 0.5 else "return ", kw, None),
                (f"{rng.choice(_WORDS)}_{rng.choice(_WORDS)}({rng.choice(_WORDS)}):", None, None),
            ]
        elif r < 0.7:
            segs = [(f"{indent}# {_sentence(rng, 6)}", c.pal.muted, None)]
        elif r < 0.8:
            segs = []
        else:
            segs = [
                (f"{indent}{rng.choice(_WORDS)} = ", None, None),
                (f'"{_decoy(rng)}"', st, None),
            ]
        c.line(gutter, y, f"{n:>3}", small, fill=c.pal.muted)
        if segs:
            c.line(code_x, y, segs, f)
        y += step
        n += 1


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


_RENDER = {
    "email": _email,
    "chat": _chat,
    "terminal": _terminal,
    "editor": _editor,
    "crm": _crm,
    "settings": _settings,
    "spreadsheet": _spreadsheet,
}


def render_screen(
    rng: random.Random,
    kind: str | None = None,
    theme: str | None = None,
    scale: int = 1,
    size: tuple[int, int] = (1280, 800),
    font: str | None = None,
) -> Screen:
    """Render one random screen of ``kind`` (random if None) with its ground truth.

    ``font`` is a family name from ``FONTS`` used for all text; by default each screen picks a
    UI family and a monospace family. Terminals and editors default to the dark theme, as on
    most desktops. ``size`` is (width, height) in pixels; the image is HxWx3 uint8 RGB.
    """
    kind = kind or rng.choice(KINDS)
    if kind not in _RENDER:
        raise ValueError(f"unknown screen kind {kind!r}; known: {', '.join(KINDS)}")
    if theme is None:
        theme = (
            "dark" if kind in ("terminal", "editor") and rng.random() < 0.8 else rng.choice(THEMES)
        )
    if theme not in THEMES:
        raise ValueError(f"unknown theme {theme!r}; known: {', '.join(THEMES)}")
    if font is not None and font not in FONTS:
        raise ValueError(f"unknown font {font!r}; known: {', '.join(FONTS)}")
    if scale not in (1, 2, 3):
        raise ValueError("scale must be 1, 2 or 3")
    sans = font or rng.choice(list(SANS_FONTS))
    mono = font or rng.choice(list(MONO_FONTS))
    canvas = _Canvas(size, scale, _palette(rng, theme), sans, mono)
    px = rng.randint(11, 16)
    _RENDER[kind](canvas, rng, px)
    return canvas.screen(kind, theme)


# ----------------------------------------------------------------------------- scoring OCR


def _overlap(a: Box, b: Box) -> float:
    """Intersection area over the smaller box's area (0..1)."""
    w = min(a.right, b.right) - max(a.left, b.left)
    h = min(a.bottom, b.bottom) - max(a.top, b.top)
    if w <= 0 or h <= 0:
        return 0.0
    return w * h / max(1, min(a.width * a.height, b.width * b.height))


def _read_near(box: Box, words: list) -> list:
    """OCR words (anything with ``.text`` and ``.box``) lying on ``box``, left to right."""
    return sorted((w for w in words if _overlap(box, w.box) > 0.5), key=lambda w: w.box.left)


def word_recall(screen: Screen, words: list) -> float:
    """Fraction of drawn words that OCR read exactly, at the right place."""
    if not screen.words:
        return 1.0
    hits = sum(any(r.text == rw.text for r in _read_near(rw.box, words)) for rw in screen.words)
    return hits / len(screen.words)


def secret_char_recall(screen: Screen, words: list) -> float:
    """Fraction of the characters of sensitive values that OCR read (in order, at the right
    place): what a detector downstream has any chance to see."""
    from difflib import SequenceMatcher

    total = found = 0
    for s in screen.secrets:
        value = "".join(s.value.split())
        read = "".join(r.text for b in s.boxes for r in _read_near(b, words))
        blocks = SequenceMatcher(None, value, read, autojunk=False).get_matching_blocks()
        total += len(value)
        found += sum(b.size for b in blocks)
    return found / total if total else 1.0
