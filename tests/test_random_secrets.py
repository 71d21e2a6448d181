"""Secrets known by their looks (issue 17): random values under names that say nothing, typed
and erased tokens of unknown formats, connection strings and headers typed in a terminal, and
the catalogue rows added for the scanners' suites. Values are made here, never copied."""

from __future__ import annotations

import random
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit.detect.credentials import find_credentials
from redactkit.detect.random_values import find_random_tokens, is_random_value
from redactkit.keys import KeystrokeRedactor

ALNUM = string.ascii_letters + string.digits


def rand(rng: random.Random, n: int, alphabet: str = ALNUM) -> str:
    """A value with upper case, lower case and digits (as generated keys have)."""
    while True:
        v = "".join(rng.choice(alphabet) for _ in range(n))
        if (
            any(c.isupper() for c in v)
            and any(c.islower() for c in v)
            and any(c.isdigit() for c in v)
        ):
            return v


def found(text: str, value: str) -> bool:
    s = text.index(value)
    return any(f.start <= s and s + len(value) <= f.end for f in find_credentials(text))


@pytest.mark.parametrize(
    "template",
    [
        "export HTTP_AUTH_HEADER={v}",
        "export BASIC_AUTH_URL='{v}'",
        "set DEPLOY_BLOB={v}",
        "setx BUILD_STAMP {v}",
        'setx BUILD_STAMP "{v}"',
        '$env:UPLOAD_SLOT = "{v}"',
        "UPLOAD_SLOT: {v}",
        '{{"upload_slot": "{v}"}}',
        "[svc]\nslot = {v}",
        'const slot = "{v}";',
    ],
)
@pytest.mark.parametrize("seed", range(3))
def test_a_random_value_under_an_unlisted_name_is_a_secret(template, seed):
    v = rand(random.Random(seed), 24 + seed * 8)
    assert found(template.format(v=v), v)


@pytest.mark.parametrize(
    "text",
    [
        "commit = 3f2a9c8d7e6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f",  # a digest: hex only
        "id: 123e4567-e89b-12d3-a456-426614174000",
        "version = 1.22.3-rc4+build20240101",
        "handler = org.apache.commons.lang3.StringUtils",
        "path = /usr/local/lib/python3.11/site-packages",
        "url: https://example.com/docs/getting-started",
        "name = getUserAccountSettingsForRegion2",
        "LOG_FORMAT=%(asctime)s-%(levelname)s-%(message)s",
        "integrity: sha512-3f2a9c8d7e6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f==",
        "placeholder = your-upload-slot-goes-here",
        "session: ${SESSION_SECRET}",
        "cookie_name = remember_user_token",
        "signature = inspect.signature(func)",
    ],
)
def test_benign_values_under_any_name_are_not_secrets(text):
    assert find_credentials(text) == []


@pytest.mark.parametrize("word", ["auth", "credential", "cookie", "session", "signature", "bearer"])
def test_the_scanners_secret_words_name_secrets(word):
    v = rand(random.Random(7), 32)
    assert found(f"{word}_value = '{v}'", v)
    assert found(f"X_{word.upper()}: {v}", v)


def test_twilio_api_key_sid(seed: int = 5):
    rng = random.Random(seed)
    key = "SK" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
    for text in (key, f"twilio key {key}", f"TWILIO_API_KEY={key}"):
        fs = find_credentials(text)
        assert [f.entity_type for f in fs] == ["TWILIO_KEY"], text
    assert find_credentials("SK" + "0" * 32) == []  # a filler


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=string.ascii_lowercase + " _-.", min_size=0, max_size=80))
def test_words_and_names_are_never_random(text):
    assert find_random_tokens(text) == []
    assert not is_random_value(text)


# -- keystrokes ------------------------------------------------------------------------------


def typing(text: str, *, enter: bool = True, **context) -> list[dict]:
    events: list[dict] = []
    for i, ch in enumerate(text):
        down = {"type": "keydown", "key": ch, **(context if i == 0 else {})}
        events += [down, {"type": "keyup", "key": ch}]
    if enter:
        events += [{"type": "keydown", "key": "Enter"}, {"type": "keyup", "key": "Enter"}]
    return events


def erase(n: int) -> list[dict]:
    return [{"type": "keydown", "key": "Backspace"}, {"type": "keyup", "key": "Backspace"}] * n


def timed(events: list[dict]) -> list[dict]:
    return [{**e, "t": round(i * 0.05, 3)} for i, e in enumerate(events)]


def typed_out(events: list[dict]) -> str:
    return "".join(e["key"] for e in events if e["type"] == "keydown" and len(e["key"]) == 1)


@pytest.fixture(scope="module")
def keys():
    from redactkit.text import TextRedactor

    text = TextRedactor()

    def run(events: list[dict]) -> str:
        # a whole recorded stream, as the CLI and redact_keystrokes take it (60 s deadline):
        # what is judged here is the detection, not what a live deadline masks unfinished
        r = KeystrokeRedactor(text_redactor=text, deadline=60.0)
        return typed_out(list(r.feed(timed(events))) + list(r.flush()))

    return run


@pytest.mark.parametrize("seed", range(3))
def test_an_unknown_format_token_typed_then_erased_is_masked(keys, seed):
    token = "PERM" + rand(random.Random(seed), 28)
    events = typing("the key is " + token, enter=False, app="Slack", title="general")
    events += erase(len(token)) + typing("in the vault", enter=True)
    out = keys(events)
    assert token[4:12] not in out and token[-8:] not in out
    assert out.startswith("the key is ") and out.endswith("in the vault")


def test_an_erased_twilio_key_is_masked(keys):
    rng = random.Random(9)
    key = "SK" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
    events = typing(key, enter=False, app="Notes", title="n") + erase(len(key)) + typing("ok")
    assert key[2:10] not in keys(events)


@pytest.mark.parametrize(
    "line",
    [
        "export HTTP_AUTH_HEADER={v}",
        "setx DEPLOY_BLOB {v}",
        "psql postgres://admin:{v}@db.internal:5432/app",
        "curl -H 'Authorization: Bearer {v}' https://api.internal/v1",
    ],
)
def test_terminal_lines_are_masked_like_text(keys, line):
    v = rand(random.Random(4), 28)
    out = keys(typing(line.format(v=v), app="Terminal", title="bash"))
    assert v[:8] not in out and v[-8:] not in out


def test_plain_words_typed_and_erased_stay(keys):
    events = typing("see you at the standup tomorrow", enter=False, app="Slack", title="g")
    events += erase(8) + typing("today")
    assert keys(events) == "see you at the standup tomorrowtoday"  # erased strokes replay


# -- screens and records: the same catalogue -------------------------------------------------


def test_twilio_key_and_unlisted_random_value_masked_on_a_rendered_screen():
    import numpy as np
    from PIL import Image, ImageDraw, ImageFont

    from corpora.screens import FONTS
    from redactkit.screens.ocr import read_words
    from redactkit.screens.redactor import ScreenshotRedactor

    rng = random.Random(21)
    key = "SK" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
    blob = rand(rng, 28)
    lines = ["$ cat .env", f"TWILIO_SID_KEY={key}", f"UPLOAD_SLOT={blob}", "APP_NAME=inventory"]
    font = ImageFont.truetype(FONTS["DejaVu Sans Mono"], 15)
    img = Image.new("RGB", (720, 140), (30, 30, 30))
    draw = ImageDraw.Draw(img)
    for i, line in enumerate(lines):
        draw.text((10, 10 + 28 * i), line, font=font, fill=(220, 220, 220))
    result = ScreenshotRedactor().redact(np.array(img))
    assert result.status == "ok"
    text = " ".join(w.text for w in read_words(result.image))
    for value in (key, blob):
        assert value[2:10] not in text and value[-8:] not in text
    assert "inventory" in text


def test_records_use_the_same_rows():
    from redactkit.records import redact_record

    rng = random.Random(22)
    key = "SK" + "".join(rng.choice("0123456789abcdef") for _ in range(32))
    out = redact_record({"note": f"twilio {key}", "env": {"APP": "web"}})
    assert key not in repr(out) and "web" in repr(out)


def test_jenkins_credential_xml_secret():
    v = rand(random.Random(31), 26)
    text = f"<scope>GLOBAL</scope>\n<secret>{{AQAAABAAA {v}}}</secret>\n<id>{{deploy}}</id>"
    assert found(text, v)
    assert "deploy" not in [text[f.start : f.end] for f in find_credentials(text)]
