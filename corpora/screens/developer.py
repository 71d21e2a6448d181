"""Screen kinds developers work in: a terminal (shell history, env dumps, logs) and a code
editor (source and config files with keys in them)."""

from __future__ import annotations

import random

from corpora.screens.canvas import Seg, _Canvas, _title_bar
from corpora.screens.values import (
    _FIRST,
    _WORDS,
    _credential,
    _decoy,
    _mail,
    _name,
    _password,
    _rand,
    _sentence,
)


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
