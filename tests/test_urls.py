"""URLs keep their scheme, host and path; only their personal and secret parts are masked."""

from __future__ import annotations

import string

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image, ImageDraw, ImageFont

from redactkit import Policy, ScreenshotRedactor, TextRedactor, redact_record
from redactkit.detect.urls import is_random_token, sensitive_parts
from redactkit.screens.ocr import read_words


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor()


def parts(url: str) -> list[str]:
    return [url[p.start : p.end] for p in sensitive_parts(url)]


@pytest.mark.parametrize(
    "url",
    [
        "https://github.com/octo-org/billing-service/blob/main/docs/setup.md",
        "https://gitlab.com/group/proj/-/commit/9e107d9d372bb6826bd81d3542a419d6f3c1a2b4",
        "https://docs.djangoproject.com/en/5.1/ref/settings/#databases",
        "https://registry.npmjs.org/left-pad/-/left-pad-1.3.0.tgz",
        "https://stackoverflow.com/questions/11227809/why-is-processing-a-sorted-array-faster",
        "https://jira.corp.example/browse/OPS-4471?focusedCommentId=2231&page=1",
        "http://db.internal:3306/",
        "https://www.example.org/search?q=release+notes&lang=de&utm_source=newsletter",
        "https://files.example.net/exports/0b9f7c0e-6a41-4f3e-9d55-2c7b1e8a4d90.csv",
        "https://medium.com/engineering/how-we-cut-build-times-in-half-4f2a91c",
    ],
)
def test_public_links_have_nothing_to_mask(url: str) -> None:
    assert parts(url) == []


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://ops:S3cr3tPw@ci.example.com/job/7", ["ops:S3cr3tPw"]),
        (
            "https://api.example.com/v1/items?api_key=Qm9yZWRBcGlLZXkx&limit=20",
            ["Qm9yZWRBcGlLZXkx"],
        ),
        (
            "https://shop.example/cart?customerEmail=ana%40mail.example&step=2",
            ["ana%40mail.example"],
        ),
        (
            "https://app.example/auth/callback#access_token=eyJ0eXAiOiJKV1Q.x9&token_type=bearer",
            ["eyJ0eXAiOiJKV1Q.x9"],
        ),
        ("https://social.example/@marguerite_l/posts", ["@marguerite_l"]),
        ("https://crm.example/customers/C-99172/notes", ["C-99172"]),
        ("https://app.example/password/reset/pR7vX2mQ9kLw3ZtB8nYc", ["pR7vX2mQ9kLw3ZtB8nYc"]),
        (
            "https://bucket.s3.example/o.bin?X-Amz-Date=20240101T000000Z&X-Amz-Signature=5e884898da28047151d0e56f8dc62927",
            ["5e884898da28047151d0e56f8dc62927"],
        ),
    ],
)
def test_sensitive_parts_are_found(url: str, expected: list[str]) -> None:
    assert parts(url) == expected


def test_repository_link_survives_next_to_a_link_with_a_token(redactor: TextRedactor) -> None:
    repo = "https://github.com/octo-org/billing-service/pull/481"
    token = "Zk29fLq0TxR7mWc1Vb8N"
    text = f"Review {repo} then call https://hooks.example.io/v2/notify?token={token}&ch=ops now."
    out = redactor.redact(text).text
    assert repo in out
    assert token not in out
    assert "https://hooks.example.io/v2/notify?token=" in out


def test_email_inside_a_query_does_not_swallow_the_url(redactor: TextRedactor) -> None:
    out = redactor.redact(
        "see https://api.example.io/v1/lookup?mail=kwame.mensah@example.org ok"
    ).text
    assert "kwame.mensah" not in out
    assert out.startswith("see https://api.example.io/v1/lookup?mail=<")


def test_policy_whole_masks_every_url() -> None:
    text = "docs at https://docs.python.org/3/library/re.html"
    assert TextRedactor(Policy(url="whole")).redact(text).text == "docs at <URL>"
    assert TextRedactor().redact(text).text == text
    assert Policy.from_dict({"url": "whole"}).url == "whole"


def test_records_use_the_same_url_parts() -> None:
    out = redact_record({"url": "https://crm.example/users/jdoe/orders?session=a8Kd02LmQx7Zr5Tb"})
    assert out["url"].startswith("https://crm.example/users/")
    assert "jdoe" not in out["url"] and "a8Kd02LmQx7Zr5Tb" not in out["url"]


_TOKEN_ALPHABET = string.ascii_letters + string.digits


@settings(max_examples=200, deadline=None)
@given(
    key=st.sampled_from(["id", "x", "ref2", "data", "k", "token", "p", "blob"]),
    token=st.text(_TOKEN_ALPHABET, min_size=20, max_size=40).filter(
        lambda t: (
            any(c.isdigit() for c in t)
            and any(c.isupper() for c in t)
            and any(c.islower() for c in t)
        )
    ),
    path=st.lists(st.sampled_from(["api", "v2", "docs", "orders", "view"]), max_size=3),
)
def test_a_random_token_in_a_query_is_always_masked(key: str, token: str, path: list[str]) -> None:
    """Whatever the key is called, a random value behind it is a secret candidate."""
    url = "https://svc.example.com/" + "/".join(path) + f"?{key}={token}&page=3"
    found = sensitive_parts(url)
    assert any(
        p.start <= url.index(token) and url.index(token) + len(token) <= p.end for p in found
    )
    spans = sorted((p.start, p.end) for p in found)
    assert all(0 <= a < b <= len(url) for a, b in spans)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(spans, spans[1:]))


@given(
    st.text(string.ascii_lowercase, min_size=2, max_size=9).map(
        lambda w: w + "-guide-for-beginners-2"
    )
)
def test_slugs_are_not_tokens(slug: str) -> None:
    assert not is_random_token(slug)


def test_screenshot_keeps_host_and_masks_token() -> None:
    """Rendered, redacted and read again: the host is readable, the token is not."""
    font = ImageFont.truetype("DejaVuSans.ttf", 22)
    img = Image.new("RGB", (1100, 120), "white")
    draw = ImageDraw.Draw(img)
    token = "Qx7Lm2Vr9Tb4Kw8Zp3Nf"
    draw.text((20, 20), "Docs: https://docs.example.org/guide/install", fill="black", font=font)
    draw.text(
        (20, 70), f"Link: https://files.example.org/share?sig={token}", fill="black", font=font
    )
    out = ScreenshotRedactor().redact(np.asarray(img))
    reread = " ".join(w.text for w in read_words(out.image))
    assert "docs.example.org/guide/install" in reread
    assert "files.example.org" in reread
    assert token[:6] not in reread and token[-6:] not in reread


@pytest.mark.parametrize(
    ("url", "secret"),
    [
        ("https://files.example.net/s/qhzvtkwjxbrmdpl/scan.pdf?dl=0", "qhzvtkwjxbrmdpl"),
        (
            "https://api.example.org/bot5512345678:Qw7RtyUiOp9LkJhGfDsA2/send",
            "bot5512345678:Qw7RtyUiOp9LkJhGfDsA2",
        ),
    ],
)
def test_lower_case_share_ids_and_tokens_behind_a_colon(url: str, secret: str) -> None:
    assert parts(url) == [secret]


@pytest.mark.parametrize("word", ["gettingstarted", "documentation", "troubleshooting"])
def test_long_words_in_a_path_are_no_tokens(word: str) -> None:
    assert parts(f"https://docs.example.org/en/{word}/index.html") == []
