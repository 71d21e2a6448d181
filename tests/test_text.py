"""TextRedactor on generated text with the real engine (Presidio + spaCy)."""

from __future__ import annotations

import random
import re
import string
import threading

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from redactkit import Policy, Session, TextRedactor
from redactkit.detect import engine as engine_mod
from redactkit.findings import Finding, merge_spans
from redactkit.policy import PolicyError

FIRST = [
    "Jane",
    "Miguel",
    "Aisha",
    "Oliver",
    "Priya",
    "Lukas",
    "Chen",
    "Fatima",
    "Hiroshi",
    "Grace",
]
LAST = [
    "Doe",
    "Garcia",
    "Okafor",
    "Smith",
    "Patel",
    "Schneider",
    "Wang",
    "Haddad",
    "Tanaka",
    "Kowalski",
]


def luhn_card(rng: random.Random, prefix: str = "4", n: int = 16) -> str:
    digits = [int(c) for c in prefix] + [rng.randrange(10) for _ in range(n - len(prefix) - 1)]
    total = 0
    for i, d in enumerate(reversed(digits)):
        if i % 2 == 0:
            d *= 2
            d -= 9 if d > 9 else 0
        total += d
    digits.append((10 - total % 10) % 10)
    s = "".join(map(str, digits))
    return " ".join(s[i : i + 4] for i in range(0, 16, 4))


def iban_de(rng: random.Random) -> str:
    bban = "".join(rng.choice(string.digits) for _ in range(18))
    num = int("".join(str(int(c, 36)) for c in bban + "DE00"))
    check = 98 - num % 97
    raw = f"DE{check:02d}{bban}"
    return " ".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def email(rng: random.Random) -> str:
    return f"{rng.choice(FIRST).lower()}.{rng.choice(LAST).lower()}{rng.randrange(100)}@{rng.choice(['acme.io', 'mail.example.co.uk', 'corp.de'])}"


def phone(rng: random.Random) -> str:
    return f"+1 ({rng.choice([212, 415, 617, 303, 206, 512])}) {rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}"


def cases(rng: random.Random) -> list[tuple[str, str, str]]:
    """(entity type, value, sentence containing it)."""
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    e, p, c, i = email(rng), phone(rng), luhn_card(rng), iban_de(rng)
    ip = f"{rng.randrange(11, 200)}.{rng.randrange(256)}.{rng.randrange(256)}.{rng.randrange(1, 255)}"
    ssn = f"{rng.randrange(100, 665)}-{rng.randrange(10, 99)}-{rng.randrange(1000, 9999)}"
    return [
        ("PERSON", name, f"Yesterday {name} approved the budget for the new office."),
        ("EMAIL_ADDRESS", e, f"Please forward the contract to {e} before Friday."),
        ("PHONE_NUMBER", p, f"You can reach me on my mobile {p} after 5pm."),
        ("CREDIT_CARD", c, f"Charge it to card {c}, expiry next year."),
        (
            "CREDIT_CARD",
            luhn_card(rng, prefix=str(rng.randrange(2221, 2721))),
            "Mastercard {} on file.",
        ),
        (
            "PHONE_NUMBER",
            f"+1 {rng.randrange(200, 999)} {rng.randrange(200, 999)} {rng.randrange(1000, 9999)}",
            "Call me on {} tonight.",
        ),
        ("IBAN_CODE", i, f"Wire the refund to IBAN {i} please."),
        ("IP_ADDRESS", ip, f"Login from {ip} was blocked by the firewall."),
        ("US_SSN", ssn, f"Her social security number is {ssn} according to the form."),
        ("LOCATION", "Berlin", "She moved to Berlin last spring."),
        ("URL", "jdoe8812", "See https://intranet.acme.io/users/jdoe8812 for details."),
        ("DATE_TIME", "04/12/1987", "Patient was born on 04/12/1987 in a small town."),
        (
            "CRYPTO",
            "1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2",
            "Send BTC to 1BvBMSEYstWetqTFn5Au4m4GFg7xJaNVN2 today.",
        ),
    ]


@pytest.fixture(scope="module")
def redactor() -> TextRedactor:
    return TextRedactor()


@pytest.mark.parametrize("seed", range(3))
def test_each_entity_family_is_masked(redactor: TextRedactor, seed: int) -> None:
    rng = random.Random(seed)
    for etype, value, sentence in cases(rng):
        sentence = sentence.format(value) if "{}" in sentence else sentence
        result = redactor.redact(sentence)
        assert value not in result.text, (etype, result.text)
        start = sentence.index(value)
        covering = [f for f in result.findings if f.start <= start and start + len(value) <= f.end]
        assert covering, (etype, sentence, result.findings)


def test_ordinary_text_is_kept(redactor: TextRedactor) -> None:
    text = (
        "The build finished in 42 seconds with exit code 0. Version 3.11.7 fixed the cache bug; "
        "we merged pull request 1832 and tagged release 2.4.0 on the main branch."
    )
    assert redactor.redact(text).text == text


def test_weak_detectors_need_context(redactor: TextRedactor) -> None:
    # Presidio flags these as driver licences and dates; without context they are ordinary text.
    for text in [
        "INTRODUCTORY offer D3 H1 a1234567",
        "meeting moved to Tuesday 10:42 AM",
        "log 2024-03-05 error 404",
    ]:
        assert redactor.analyze(text) == [], text
    assert [f.entity_type for f in redactor.analyze("driver license number a1234567")] == [
        "US_DRIVER_LICENSE"
    ]


def test_findings_carry_no_values_unless_asked(redactor: TextRedactor) -> None:
    text = "mail jane.doe@acme.io"
    assert all(f.value is None for f in redactor.analyze(text))
    keep = TextRedactor(keep_values=True)
    assert [f.value for f in keep.analyze(text)] == ["jane.doe@acme.io"]


def test_operators() -> None:
    text = "Jane Doe wrote from jane.doe@acme.io and called 212-555-0187."
    ops = {
        "replace": lambda out: "<EMAIL_ADDRESS>" in out,
        "redact": lambda out: "@" not in out and "from  and" in out,
        "mask": lambda out: "************.io" in out,
        "hmac": lambda out: re.search(r"<EMAIL_ADDRESS:[0-9a-f]{16}>", out),
        "pseudonym": lambda out: "<EMAIL_ADDRESS_1>" in out,
        "encrypt": lambda out: "jane" not in out,
    }
    for name, check in ops.items():
        spec: dict = {"type": name}
        if name == "mask":
            spec["keep_last"] = 3
        if name in ("hmac", "encrypt"):
            spec["key"] = "0123456789abcdef"
        policy = Policy.from_dict({"operators": {"EMAIL_ADDRESS": spec}})
        out = TextRedactor(policy).redact(text).text
        assert "jane.doe@acme.io" not in out and check(out), (name, out)


def test_hmac_is_keyed_and_stable(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = Policy.from_dict({"operators": {"DEFAULT": "hmac"}})
    with pytest.raises(PolicyError):
        TextRedactor(policy.with_(hmac_key_env="REDACTKIT_TEST_NO_SUCH_KEY")).redact(
            "mail a.b@acme.io"
        )
    monkeypatch.setenv("REDACTKIT_HMAC_KEY", "k1")
    a = TextRedactor(policy).redact("mail a.b@acme.io").text
    assert a == TextRedactor(policy).redact("mail a.b@acme.io").text
    monkeypatch.setenv("REDACTKIT_HMAC_KEY", "k2")
    assert a != TextRedactor(policy).redact("mail a.b@acme.io").text


def test_pseudonyms_consistent_within_session() -> None:
    session = Session()
    policy = Policy.from_dict({"operators": {"DEFAULT": "pseudonym"}})
    one = TextRedactor(policy, session).redact("from ann@acme.io to bob@acme.io").text
    two = TextRedactor(policy, session).redact("cc BOB@acme.io").text
    assert one == "from <EMAIL_ADDRESS_1> to <EMAIL_ADDRESS_2>"
    assert two == "cc <EMAIL_ADDRESS_2>"


def test_policy_allow_deny_entities_threshold(tmp_path) -> None:
    path = tmp_path / "policy.toml"
    path.write_text(
        'entities = ["EMAIL_ADDRESS", "PHONE_NUMBER"]\nthreshold = 0.5\n'
        'allow = ["support@acme.io"]\ndeny = ["Project Falcon"]\n'
        '[operators]\nPHONE_NUMBER = { type = "mask", keep_last = 4, char = "#" }\n'
    )
    policy = Policy.from_toml(path)
    out = (
        TextRedactor(policy)
        .redact("Jane Doe: support@acme.io, jane@acme.io, project falcon, phone 212-555-0187")
        .text
    )
    assert out.startswith(
        "Jane Doe: support@acme.io, <EMAIL_ADDRESS>, <DENY_LIST>, phone ########0187"
    )


def test_policy_errors(tmp_path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("threshold = [")
    with pytest.raises(PolicyError, match="not valid TOML"):
        Policy.from_toml(bad)
    with pytest.raises(PolicyError, match="unknown operator"):
        Policy.from_dict({"operators": {"DEFAULT": "shred"}})
    with pytest.raises(PolicyError, match="unknown entity"):
        TextRedactor(Policy(entities=frozenset({"NOPE"}))).redact("x")
    with pytest.raises(PolicyError, match="unknown policy key"):
        Policy.from_dict({"treshold": 0.3})


def test_redact_many_equals_redact(redactor: TextRedactor) -> None:
    rng = random.Random(7)
    texts = [s for _, _, s in cases(rng)] + ["", "nothing here"]
    assert [r.text for r in redactor.redact_many(texts)] == [redactor.redact(t).text for t in texts]


def test_threads_give_the_serial_result(redactor: TextRedactor) -> None:
    rng = random.Random(3)
    texts = [s for _ in range(4) for _, _, s in cases(rng)]
    serial = [redactor.redact(t).text for t in texts]
    results: dict[int, list[str]] = {}

    def work(k: int) -> None:
        results[k] = [redactor.redact(t).text for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == serial for k in range(8))


def test_entity_on_chunk_border_is_found(redactor: TextRedactor) -> None:
    filler = "The quarterly report covers revenue and hiring plans.\n"
    target = "mail jane.doe@acme.io now\n"
    # Put the e-mail across the first window's end, whatever the cut.
    head = filler * ((engine_mod.CHUNK_CHARS - 12) // len(filler))
    text = head + "x" * (engine_mod.CHUNK_CHARS - 12 - len(head)) + target + filler * 2000
    assert len(text) > engine_mod.CHUNK_CHARS
    out = redactor.redact(text).text
    assert "jane.doe@acme.io" not in out and "<EMAIL_ADDRESS>" in out


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=400_000), st.integers(min_value=0, max_value=2000))
def test_windows_cover_text_with_overlap(n: int, seed: int) -> None:
    rng = random.Random(seed)
    text = "".join(rng.choice("ab \n") for _ in range(min(n, 2000))) * (n // 2000 + 1)
    text = text[:n]
    windows = list(engine_mod._windows(text))
    assert "".join(w for _, w in windows[:1]) == text[: len(windows[0][1])] if windows else n == 0
    end = 0
    for offset, w in windows:
        assert text[offset : offset + len(w)] == w
        assert len(w) <= engine_mod.CHUNK_CHARS
        assert offset <= end and (end == 0 or end - offset >= min(engine_mod.OVERLAP_CHARS, end))
        end = offset + len(w)
    assert end == n


@given(st.lists(st.tuples(st.integers(0, 200), st.integers(1, 30), st.floats(0, 1)), max_size=30))
def test_merge_spans_covers_union_without_overlap(spans) -> None:
    findings = [Finding("X", s, s + n, sc, "d") for s, n, sc in spans]
    merged = merge_spans(findings)
    covered = {i for f in findings for i in range(f.start, f.end)}
    assert covered <= {i for f in merged for i in range(f.start, f.end)}
    assert all(a.end < b.start for a, b in zip(merged, merged[1:]))


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("abcXYZ Éé\n\t.-_'09")), max_size=400))
def test_ner_view_keeps_offsets_and_capitalised_words(text: str) -> None:
    from redactkit.detect.nlp import _CAPITALISED, _triggers, ner_view

    view = ner_view(text)
    assert len(view) == len(text)
    assert [i for i, c in enumerate(view) if c == "\n"] == [
        i for i, c in enumerate(text) if c == "\n"
    ]
    for m in _CAPITALISED.finditer(text):
        if _triggers(m.group(), text, m.end()):
            assert view[m.start() : m.end()] == m.group()
    assert all(v == t or v == " " for v, t in zip(view, text))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Jun 12 14:22:01 web-1 sshd[311]: session opened", None),
        ("[27/Jun/2024:13:47:47 +0000] GET /health 200", None),
        ("The build failed again. Please retry after lunch.", None),
        ("Subject: quarterly numbers", None),
        ("Hi June, the call moved to noon", "June"),
        ("ask Jun about the rota", "Jun"),
        ("The invoice went to Farhad Schmidt yesterday", "Farhad Schmidt"),
    ],
)
def test_ner_view_skips_lone_function_words_and_dates(text: str, kept: str | None) -> None:
    """Capitalised function words, field labels and month names in dates send nothing to the
    model on their own; a given name that is also such a word ("June") still does."""
    from redactkit.detect.nlp import ner_view

    view = ner_view(text)
    if kept is None:
        assert view.isspace()
    else:
        assert kept in view


def test_ner_on_numpy_matmul_gives_the_models_entities() -> None:
    """The NER model runs on ``MatmulOps`` (numpy products instead of blis): same entities as
    the model as shipped, and numpy's BLAS thread setting is back afterwards."""
    import importlib

    from redactkit.detect import nlp as nlp_mod

    ours = nlp_mod.load_pipeline()
    shipped = importlib.import_module(nlp_mod.MODEL_PACKAGE).load(
        exclude=list(nlp_mod.UNUSED_COMPONENTS)
    )
    assert {type(n.ops).__name__ for n in ours.get_pipe("ner").model.walk()} == {"MatmulOps"}
    texts = [
        "Amélie Novák flew from Lisbon to Nairobi on 3 March with Kwame Mensah.",
        "Tel: 030 33363818\nContact: Siobhán Ní Bhriain, 14 Harbour Road, Galway",
        "| Wanjiru Kamau | Northwind Traders | Chennai | 2026-11-28 |",
    ]
    before = [d["num_threads"] for d in nlp_mod._BLAS.info()]
    with nlp_mod.one_blas_thread():
        got = [[(e.text, e.label_) for e in d.ents] for d in ours.pipe(texts)]
    want = [[(e.text, e.label_) for e in d.ents] for d in shipped.pipe(texts)]
    assert got == want
    assert any(got)
    assert [d["num_threads"] for d in nlp_mod._BLAS.info()] == before


def test_invisible_characters_do_not_hide_values(redactor: TextRedactor) -> None:
    for text, value in [
        ("mail jane\u200b.doe@acme.io now", "jane\u200b.doe@acme.io"),
        ("key AKIA\u200dZ7QW3RT5YU6IO2PL ok", "AKIA\u200dZ7QW3RT5YU6IO2PL"),
        ("card 4111\u00ad1111 1111 1111 x", "4111\u00ad1111 1111 1111"),
    ]:
        result = redactor.redact(text)
        start = text.index(value)
        assert any(f.start <= start and start + len(value) <= f.end for f in result.findings), text
        assert [r.text for r in redactor.redact_many([text])] == [result.text]


@given(
    st.text(alphabet=st.sampled_from(list("ab@.\u200b\u200d\u00ad\ufeff")), max_size=60),
    st.integers(0, 60),
    st.integers(0, 60),
)
def test_invisible_map_round_trips(text: str, a: int, b: int) -> None:
    from redactkit.detect.invisible import map_span, strip_invisible

    visible, back = strip_invisible(text)
    if back is None:
        assert visible == text
        return
    start, end = sorted((min(a, len(visible)), min(b, len(visible))))
    o_start, o_end = map_span(start, end, back)
    assert strip_invisible(text[o_start:o_end])[0] == visible[start:end]


def test_loopback_addresses_and_file_names_are_kept(redactor: TextRedactor) -> None:
    for text in [
        "listen: 127.0.0.1:8080",
        "bind ::1 port 22",
        "open README.md and setup.py",
        r"saved C:\Reports\q4-report.docx",
    ]:
        assert redactor.redact(text).text == text
    text = "host 10.0.3.7, see https://intranet.acme.io/u/7 or acme.io"
    out = redactor.redact(text).text
    assert out == "host <IP_ADDRESS>, see https://intranet.acme.io/u/7 or acme.io"
    whole = TextRedactor(Policy(url="whole")).redact(text).text
    assert whole == "host <IP_ADDRESS>, see <URL> or <URL>"


def test_ocr_text_gets_credential_ocr_tolerance(redactor: TextRedactor) -> None:
    misread = "aws key AKlAZ7QW3RT5YU6IO2PL here"  # l for I, as Tesseract reads it
    # without OCR mode the format is not repaired (an announced random key may still be a SECRET)
    assert all(f.entity_type != "AWS_ACCESS_KEY" for f in redactor.analyze(misread))
    found = redactor.analyze(misread, ocr=True)
    assert [(f.entity_type, misread[f.start : f.end]) for f in found] == [
        ("AWS_ACCESS_KEY", "AKlAZ7QW3RT5YU6IO2PL")
    ]


@pytest.mark.parametrize(
    "ocr_text, expected",
    [
        ("card 4111 1lll 1111 1111", "card 4111 1111 1111 1111"),
        ("call +1 8OO 555 0187", "call +1 800 555 0187"),
        ("IBAN ES83 2361 1593 5421 7038 2790", "IBAN ES83 2361 1593 5421 7038 2790"),
        ("GB17 VBVB 5826 9730 2666 10", "GB17 VBVB 5826 9730 2666 10"),
        ("Total Invoice Sales", "Total Invoice Sales"),
    ],
)
def test_ocr_confusions_repaired_only_in_digit_runs(ocr_text: str, expected: str) -> None:
    from redactkit.detect.ocr import normalize_confusions

    assert normalize_confusions(ocr_text) == expected


@given(st.text(alphabet=st.sampled_from(list("0123456789OolIS|B ES-+()")), max_size=80))
def test_ocr_normalisation_keeps_length(text: str) -> None:
    from redactkit.detect.ocr import normalize_confusions

    assert len(normalize_confusions(text)) == len(text)


def test_ocr_card_with_misread_digits_is_found(redactor: TextRedactor) -> None:
    text = "Card: 4l11 1111 1111 1lll exp 09/27"
    found = redactor.analyze(text, ocr=True)
    assert any(
        f.entity_type == "CREDIT_CARD" and text[f.start : f.end] == "4l11 1111 1111 1lll"
        for f in found
    )


def test_iban_followed_by_digit_groups(redactor: TextRedactor) -> None:
    for text in [" ES5481889898429557047642 0000", "ref GB17 VBVB 5826 9730 2666 10 0000 x"]:
        out = redactor.redact(text).text
        assert "<IBAN_CODE>" in out and "5826" not in out and "8188" not in out, out


def test_a_value_found_once_is_masked_everywhere(redactor: TextRedactor) -> None:
    text = "Aroha Mansour called. Later Aroha Mansour wrote again."
    out = redactor.redact(text).text
    assert "Aroha" not in out and "Mansour" not in out


def test_propagate_skips_occurrences_inside_longer_words() -> None:
    from redactkit.findings import propagate

    text = "Lin fixed it; Linux is fine; thanks Lin!"
    out = propagate(text, [Finding("PERSON", 0, 3, 0.85, "ner")])
    assert [text[f.start : f.end] for f in out] == ["Lin", "Lin"]


@given(
    st.lists(st.tuples(st.integers(0, 60), st.integers(1, 8)), max_size=6),
    st.text("ab c", max_size=70),
)
def test_propagate_adds_only_whole_word_copies(spans, text) -> None:
    from redactkit.findings import propagate

    findings = merge_spans(
        Finding("X", s, min(s + n, len(text)), 0.5, "d") for s, n in spans if s < len(text)
    )
    out = propagate(text, findings)
    covered = {i for f in out for i in range(f.start, f.end)}
    assert {i for f in findings for i in range(f.start, f.end)} <= covered
    assert all(a.end < b.start for a, b in zip(out, out[1:]))


class _Whole:
    """A stand-in for ``Compact`` that keeps the whole text (the search it replaces)."""

    def __init__(self, text: str, keep) -> None:
        self.text = text

    def __bool__(self) -> bool:
        return True

    def placed(self, results):
        return list(results)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "see https://files.acme.io/a?b=1 now",
                "www.example.org",
                "'docs.python.org/3/'",
                '"https://x.co/p"',
                "README.md",
                "plain words here",
                "report.docx",
                "x.y",
                "\n",
                " ",
                "\t",
                "\u00a0",
                "\x1c",
                "\u2028",
                "e.g. this",
                "api.github.com/repos",
                "jane.doe@acme.io",
                "mailto:ops@corp.example.com",
                "x.io/users?email=jane@acme.io",
                "@",
                "a@b",
                "10.0.0.1",
                "::1",
                "fe80::1ff:fe23:4567:890a",
                "2001:db8::/32",
                "::ffff:192.0.2.1",
                "host:8080",
                ".",
                "-",
                "é",
            ]
        ),
        max_size=14,
    )
)
def test_runs_search_finds_what_a_whole_text_search_finds(parts: list[str]) -> None:
    """The URL, e-mail and IP recognizers search only the runs of text that can hold a match
    (``detect.compact``): the same results as a search of the whole text."""
    import redactkit.detect.recognizers as rec

    text = "".join(parts)
    for recognizer, entity in (
        (rec.FileAwareUrlRecognizer(), "URL"),
        (rec.OfflineEmailRecognizer(), "EMAIL_ADDRESS"),
        (rec.RunsIpRecognizer(), "IP_ADDRESS"),
    ):
        runs = {(r.start, r.end, r.score) for r in recognizer.analyze(text, [entity])}
        saved = rec.Compact
        rec.Compact = _Whole
        try:
            whole = {(r.start, r.end, r.score) for r in recognizer.analyze(text, [entity])}
        finally:
            rec.Compact = saved
        assert runs == whole


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "a",
                "b.c",
                "www.",
                "example",
                ".org",
                ".com",
                ".io",
                ".docx",
                "-",
                ".",
                "/path",
                "(",
                "'",
                " ",
                "\n",
                "K",
                "\u212a",
                "9",
                "x" * 120,
                "https://",
                "@",
            ]
        ),
        max_size=12,
    )
)
def test_url_pattern_started_at_host_names_finds_what_presidio_finds(parts: list[str]) -> None:
    """The schemeless URL pattern tried only where a stretch of host-name characters starts
    (and the stock patterns past 253 of them) finds exactly Presidio's URL matches."""
    from presidio_analyzer.predefined_recognizers import UrlRecognizer

    import redactkit.detect.recognizers as rec

    text = "".join(parts)
    ours = rec.FileAwareUrlRecognizer()._search(text, ["URL"], None, None)
    stock = UrlRecognizer().analyze(text, ["URL"])
    assert {(r.start, r.end, r.score) for r in ours} == {(r.start, r.end, r.score) for r in stock}
