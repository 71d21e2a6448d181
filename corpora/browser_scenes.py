"""Screens of everyday apps rendered by a real browser, with exact boxes of every value.

Tables (with and without grid lines, zebra stripes, a scrolled table under a sticky header),
forms (labels left, labels above input boxes, two-column settings pages, ``key: value`` cards)
in fonts and styles the other screen corpora do not use (Roboto, Noto Sans/Serif, Liberation
Serif/Mono, DejaVu), labels in English, German, French and Spanish. Personal values are named
only by their header or label (dates of birth, names with short surnames, addresses without a
street word); decoys share the tables and forms (meeting dates, products, ticket ids, prices).

Each scene is an HTML page; headless Chromium renders it (``--screenshot``) and, separately,
dumps the DOM after a script has written the text boxes of every ``data-pii``/``data-decoy``
element (``Range.getBoundingClientRect``: the ink's line box, not the cell) into a JSON script
element. Nothing here is tuned to redactkit: the layouts are ordinary HTML/CSS.

    python -m corpora.browser_scenes OUT_DIR [--seed N] [--scenes K]
"""

from __future__ import annotations

import argparse
import html
import json
import random
import re
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

SIZE = (1280, 860)
FONTS = [
    "Roboto",
    "Noto Sans",
    "Noto Serif",
    "Liberation Serif",
    "DejaVu Sans",
    "Liberation Sans Narrow",
]
GIVEN = (
    "Mei Sven Aoife Tariq Ines Kenji Olu Dagny Rafael Hana Yusuf Clara Bao Ngozi Emil Lucía "
    "Priya Mateus Signe Omar Zofia Thabo Leila Arjun Noor Ewa Kofi Ilse Joaquín Farah"
).split()
FAMILY = (
    "Lee Ng Wu Ito Roy Kaur Diaz Berg Moreau Okoye Novak Haas Silva Rossi Lund Abe Yilmaz "
    "Mensah Kowalski Nakamura Ferreira Lindqvist Adeyemi Castillo Duarte Vogel Ibrahim "
    "Pereira Okafor Dubois"
).split()
STREETS = (
    "Park Row|Harbour View|Mill Lane|Kingsway|Birch Close|The Crescent|Rue Victor Hugo|"
    "Calle Mayor|Via Garibaldi|Hauptstraße|Keizersgracht|Rua Augusta|Quarry Bank|Sunnyside"
).split("|")
CITIES = "Leeds Graz Lyon Porto Bilbao Utrecht Turin Aarhus Cork Brno Ghent Malmö".split()
PRODUCTS = (
    "Desk lamp|USB-C hub|Standing desk|Ergo chair|Monitor arm|Label printer|Webcam HD|Headset"
).split("|")
MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split()

JS = """
<script>
window.addEventListener('load', () => {
  const out = [];
  for (const el of document.querySelectorAll('[data-pii],[data-decoy]')) {
    const r = document.createRange(); r.selectNodeContents(el);
    const b = r.getBoundingClientRect();
    out.push({pii: el.dataset.pii || null, decoy: el.dataset.decoy || null,
              text: el.textContent, box: [b.left, b.top, b.width, b.height]});
  }
  const s = document.createElement('script'); s.type = 'application/json'; s.id = 'gt';
  s.textContent = JSON.stringify(out); document.body.appendChild(s);
});
</script>
"""


@dataclass
class Value:
    """One value on the page: personal (``pii`` = entity type) or a decoy (``decoy`` = kind),
    its text and its box in pixels (left, top, width, height)."""

    pii: str | None
    decoy: str | None
    text: str
    box: tuple[int, int, int, int]


def _dob(rng: random.Random) -> str:
    y, m, d = rng.randint(1940, 2004), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice(
        [
            f"{y}-{m:02}-{d:02}",
            f"{d:02}/{m:02}/{y}",
            f"{d} {MONTHS[m - 1]} {y}",
            f"{d:02}.{m:02}.{y}",
        ]
    )


def _event_date(rng: random.Random) -> str:
    y, m, d = rng.randint(2024, 2026), rng.randint(1, 12), rng.randint(1, 28)
    return rng.choice([f"{y}-{m:02}-{d:02}", f"{d:02}/{m:02}/{y}", f"{MONTHS[m - 1]} {d}, {y}"])


def _address(rng: random.Random) -> str:
    street = rng.choice(STREETS)
    n = rng.randint(1, 240)
    return f"{n} {street}" if rng.random() < 0.6 else f"{street} {n}, {rng.choice(CITIES)}"


def _person(rng: random.Random) -> tuple[str, str]:
    return rng.choice(GIVEN), rng.choice(FAMILY)


def _pii(etype: str, text: str) -> str:
    return f'<span data-pii="{etype}">{html.escape(text)}</span>'


def _decoy(kind: str, text: str) -> str:
    return f'<span data-decoy="{kind}">{html.escape(text)}</span>'


def _row(rng: random.Random) -> dict[str, str]:
    given, family = _person(rng)
    return {
        "name": _pii("PERSON", f"{given} {family}"),
        "given": _pii("PERSON", given),
        "family": _pii("PERSON", family),
        "dob": _pii("DATE_TIME", _dob(rng)),
        "address": _pii("LOCATION", _address(rng)),
        "product": _decoy("product", rng.choice(PRODUCTS)),
        "meeting": _decoy("date", _event_date(rng)),
        "ticket": _decoy(
            "ticket", f"{rng.choice(['TCK', 'INC', 'REQ'])}-{rng.randint(1000, 99999)}"
        ),
        "price": _decoy(
            "price", f"{rng.choice(['$', '€', '£'])}{rng.randint(5, 2000)}.{rng.randint(0, 99):02}"
        ),
    }


HEADERS = {
    "en": {"name": "Name", "given": "First name", "family": "Last name", "dob": "Date of birth",
           "address": "Address", "product": "Product", "meeting": "Meeting date",
           "ticket": "Ticket", "price": "Price"},
    "de": {"name": "Name", "given": "Vorname", "family": "Nachname", "dob": "Geburtsdatum",
           "address": "Anschrift", "product": "Produkt", "meeting": "Termin",
           "ticket": "Ticket", "price": "Preis"},
    "fr": {"name": "Nom complet", "given": "Prénom", "family": "Nom de famille",
           "dob": "Date de naissance", "address": "Adresse", "product": "Produit",
           "meeting": "Réunion", "ticket": "Ticket", "price": "Prix"},
    "es": {"name": "Nombre completo", "given": "Nombre", "family": "Apellidos",
           "dob": "Fecha de nacimiento", "address": "Dirección", "product": "Producto",
           "meeting": "Reunión", "ticket": "Ticket", "price": "Precio"},
    "alt": {"name": "Customer", "given": "Given name", "family": "Surname", "dob": "DOB",
            "address": "Street address", "product": "Item", "meeting": "Due date",
            "ticket": "Ref", "price": "Amount"},
}  # fmt: skip


def _page(body: str, font: str, size: int, dark: bool, extra_css: str = "") -> str:
    fg, bg = ("#e6e6e6", "#1e2127") if dark else ("#1f2328", "#ffffff")
    return (
        f"<!doctype html><html><head><meta charset='utf-8'><style>"
        f"body{{margin:24px;font-family:'{font}';font-size:{size}px;color:{fg};background:{bg}}}"
        f"{extra_css}</style></head><body>{body}{JS}</body></html>"
    )


def table_scene(rng: random.Random, *, grid: bool, scrolled: bool) -> str:
    lang = rng.choice(list(HEADERS))
    cols = rng.sample(["name", "dob", "address", "product", "meeting", "ticket", "price"], 5)
    if not {"name", "dob", "address"} & set(cols):
        cols[0] = "name"
    if rng.random() < 0.4 and "name" in cols:
        i = cols.index("name")
        cols[i : i + 1] = ["given", "family"]
    head = "".join(f"<th>{HEADERS[lang][c]}</th>" for c in cols)
    rows = []
    for _ in range(rng.randint(8, 14) + (10 if scrolled else 0)):
        r = _row(rng)
        rows.append("<tr>" + "".join(f"<td>{r[c]}</td>" for c in cols) + "</tr>")
    dark = rng.random() < 0.35
    zebra = "#2a2e36" if dark else "#f3f5f8"
    line = "#555" if dark else "#c8ccd2"
    css = (
        "table{border-collapse:collapse}th{text-align:left;font-weight:600}"
        f"th,td{{padding:{rng.choice([6, 8, 10])}px {rng.choice([12, 16, 22])}px}}"
        + (f"td,th{{border:1px solid {line}}}" if grid else "")
        + (f"tbody tr:nth-child(even){{background:{zebra}}}" if rng.random() < 0.6 else "")
    )
    table = f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
    if scrolled:
        css += (
            f".scroll{{height:{SIZE[1] - 140}px;overflow:auto}}"
            f"thead th{{position:sticky;top:0;background:{'#1e2127' if dark else '#fff'}}}"
        )
        table = f"<div class='scroll' id='s'>{table}</div><script>document.getElementById('s').scrollTop={rng.randint(120, 300)};</script>"
    title = rng.choice(["Customers", "Patients", "Kunden", "Clients", "Bookings", "Members"])
    body = f"<h2>{title}</h2>{table}"
    return _page(body, rng.choice(FONTS), rng.choice([13, 14, 15, 16]), dark, css)


def form_scene(rng: random.Random, *, above: bool) -> str:
    lang = rng.choice(list(HEADERS))
    r = _row(rng)
    keys = ["given", "family", "dob", "address", "meeting", "product", "ticket", "price"]
    if rng.random() < 0.3:
        keys[0:2] = ["name"]
    dark = rng.random() < 0.3
    box = "#2a2e36" if dark else "#fff"
    border = "#555" if dark else "#b9bec6"
    css = (
        f".input{{border:1px solid {border};border-radius:4px;background:{box};"
        f"padding:7px 10px;width:{rng.choice([260, 320, 380])}px;min-height:1.2em}}"
        f"label{{color:{'#aab' if dark else '#555'};font-size:0.9em}}"
    )
    if above:
        css += ".f{margin-bottom:14px}label{display:block;margin-bottom:4px}"
        items = [
            f"<div class='f'><label>{HEADERS[lang][k]}</label><div class='input'>{r[k]}</div></div>"
            for k in keys
        ]
        cols = rng.random() < 0.5
        if cols:
            css += ".grid{display:grid;grid-template-columns:1fr 1fr;column-gap:40px;width:900px}"
            body = f"<div class='grid'>{''.join(items)}</div>"
        else:
            body = "".join(items)
    else:
        width = rng.choice([150, 180, 220])
        css += (
            f".f{{display:flex;align-items:center;margin-bottom:12px}}"
            f"label{{width:{width}px;text-align:{rng.choice(['left', 'right'])};margin-right:16px}}"
        )
        colon = ":" if rng.random() < 0.5 else ""
        body = "".join(
            f"<div class='f'><label>{HEADERS[lang][k]}{colon}</label><div class='input'>{r[k]}</div></div>"
            for k in keys
        )
    title = rng.choice(["New employee", "Patient intake", "Checkout", "Neuer Kunde", "Inscription"])
    return _page(f"<h2>{title}</h2>{body}", rng.choice(FONTS), rng.choice([14, 15, 16]), dark, css)


def settings_scene(rng: random.Random) -> str:
    """A two-column profile/settings page, or a card of ``Label: value`` lines."""
    lang = rng.choice(list(HEADERS))
    r = _row(rng)
    keys = ["name", "dob", "address", "product", "meeting", "ticket"]
    rng.shuffle(keys)
    dark = rng.random() < 0.4
    if rng.random() < 0.5:
        css = "dl{display:grid;grid-template-columns:260px 1fr;row-gap:16px;width:800px}dt{opacity:.7}"
        body = (
            "<dl>" + "".join(f"<dt>{HEADERS[lang][k]}</dt><dd>{r[k]}</dd>" for k in keys) + "</dl>"
        )
    else:
        css = (
            ".card{padding:18px;border-radius:8px;border:1px solid #999;width:520px}p{margin:8px 0}"
        )
        body = (
            "<div class='card'>"
            + "".join(f"<p>{HEADERS[lang][k]}: {r[k]}</p>" for k in keys)
            + "</div>"
        )
    return _page(f"<h2>Profile</h2>{body}", rng.choice(FONTS), rng.choice([14, 15, 16]), dark, css)


def scenes(seed: int, n: int) -> list[tuple[str, str]]:
    """``n`` (name, html) pairs, kinds in turn."""
    rng = random.Random(seed)
    makers = [
        ("table-grid", lambda: table_scene(rng, grid=True, scrolled=False)),
        ("table-plain", lambda: table_scene(rng, grid=False, scrolled=False)),
        ("table-scrolled", lambda: table_scene(rng, grid=rng.random() < 0.5, scrolled=True)),
        ("form-left", lambda: form_scene(rng, above=False)),
        ("form-above", lambda: form_scene(rng, above=True)),
        ("settings", lambda: settings_scene(rng)),
    ]
    return [
        (f"{k:02}-{makers[k % len(makers)][0]}", makers[k % len(makers)][1]()) for k in range(n)
    ]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return name
    return None


_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--hide-scrollbars", "--force-device-scale-factor=1", "--virtual-time-budget=3000",
]  # fmt: skip


def render(html_path: Path, png: Path, browser: str) -> list[Value]:
    """Screenshot ``html_path`` into ``png`` and return the values with their boxes."""
    size = f"--window-size={SIZE[0]},{SIZE[1]}"
    with tempfile.TemporaryDirectory() as profile:
        base = [browser, *_FLAGS, size, f"--user-data-dir={profile}"]
        subprocess.run([*base, f"--screenshot={png}", html_path.as_uri()],
                       capture_output=True, timeout=120, check=True)  # fmt: skip
    with tempfile.TemporaryDirectory() as profile:
        base = [browser, *_FLAGS, size, f"--user-data-dir={profile}"]
        dom = subprocess.run([*base, "--dump-dom", html_path.as_uri()],
                             capture_output=True, timeout=120, check=True, text=True).stdout  # fmt: skip
    m = re.search(r'<script type="application/json" id="gt">(.*?)</script>', dom, re.S)
    if m is None:
        raise RuntimeError(f"no boxes in the DOM of {html_path.name}")
    out = []
    for v in json.loads(html.unescape(m.group(1))):
        x, y, w, h = v["box"]
        if w <= 0 or h <= 0 or y + h <= 0 or y >= SIZE[1] or x >= SIZE[0]:
            continue  # scrolled out of view or hidden
        top, bottom = max(0, int(y)), min(SIZE[1], int(round(y + h)))
        if bottom - top < 0.6 * h:
            continue  # mostly hidden under a sticky header or the frame's edge
        out.append(
            Value(v["pii"], v["decoy"], v["text"], (int(x), top, int(round(w)), bottom - top))
        )
    return out


def build(folder: Path, seed: int, n: int) -> list[tuple[Path, list[Value]]]:
    """Render ``n`` scenes into ``folder`` (``NAME.html``, ``NAME.png``, ``NAME.json``)."""
    browser = chromium()
    if browser is None:
        raise RuntimeError("no chromium on PATH (Debian: apt-get install chromium)")
    folder = folder.resolve()  # file URIs need absolute paths
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, page in scenes(seed, n):
        src = folder / f"{name}.html"
        src.write_text(page, encoding="utf-8")
        png = folder / f"{name}.png"
        values = render(src, png, browser)
        (folder / f"{name}.json").write_text(json.dumps([v.__dict__ for v in values]), "utf-8")
        out.append((png, values))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--scenes", type=int, default=12)
    args = ap.parse_args()
    for png, values in build(args.out, args.seed, args.scenes):
        print(png, len(values))


if __name__ == "__main__":
    main()
