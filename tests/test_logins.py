"""Logins in user@host targets (redactkit.detect.logins), beside what must stay."""

from __future__ import annotations

import pytest

from redactkit import TextRedactor


@pytest.mark.parametrize(
    ("text", "login"),
    [
        ("scp notes.txt ifeoma@203.0.113.7:/tmp/", "ifeoma"),
        ("ssh -i key.pem tomasz.w@jump-host", "tomasz.w"),
        ("aiko@devbox:~/src$ make", "aiko"),
        ("rsync -av out/ rangi@backup.lan:/srv/", "rangi"),
    ],
)
def test_person_logins_are_masked(text: str, login: str) -> None:
    assert login not in TextRedactor().redact(text).text


@pytest.mark.parametrize(
    "text",
    [
        "ssh root@web-01",
        "ssh ubuntu@bastion",
        "npm install left-pad@1.3.0",
        "pip install requests@latest",
    ],
)
def test_service_accounts_and_packages_stay(text: str) -> None:
    assert TextRedactor().redact(text).text == text
