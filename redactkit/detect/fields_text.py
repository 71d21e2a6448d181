"""Fields in text: values named by a column header or a label, through the label lexicon.

The text side of ``redactkit.detect.labels``: each function recovers one kind of structure
from plain text and asks the lexicon what its labels name, so "DOB" in a CSV header, a
Markdown table, a space-aligned report, ``Geburtsdatum: 12.03.1988`` or a form pasted with
the label on one line and the value on the next all mean the same thing:

- :func:`csv_columns`: CSV/TSV/semicolon and Markdown tables under a header row;
- :func:`aligned_columns`: tables laid out with runs of spaces (reports, ``psql`` output);
- :func:`labelled_lines`: ``Label: value`` (several per line when separated by wide gaps,
  ``|`` or ``;``), and a label alone on its line with the value on the next.

A value found so is that entity even when it is ambiguous alone (a plain date, a short
surname, a house number and street); only the value is reported, never the label.
"""

from __future__ import annotations

import regex

from redactkit.detect.labels import NAME_PARTICLES, is_label, personal_type
from redactkit.detect.value_shapes import is_placeholder
from redactkit.findings import Finding

SCORE = 0.6

# A header row: CSV/TSV, or a Markdown table row ("| Name | DOB | City |").
_HEADER = regex.compile(
    r"(?m)^[ \t]*+\|?([\w \-\\.\"/#()]+(?:[,;\t|][\w \-\\.\"/#()]+){1,})\|?[ \t]*\r?$"
)
_RULE_ROW = regex.compile(r"^[ \t|:\-+=]*$")


# A person's name as written in a field: up to five words, each capitalised (any script with
# case), an initial, or a lower-case particle ("van", "de la"); or a ticket's SURNAME/GIVEN.
_PERSON_SHAPE = regex.compile(
    r"^(?:\p{Lu}[\p{L}'’\-]*\p{Ll}|\p{Lu}\.?)(?:[ ,]+(?:\p{Lu}[\p{L}'’\-]*\p{Ll}|\p{Lu}\.?|(?:"
    + "|".join(map(regex.escape, sorted(NAME_PARTICLES, key=len, reverse=True)))
    + r")))"
    + r"{0,4}$|^\p{Lu}[\p{Lu}'\-]+/\p{Lu}[\p{Lu}'\- ]+$"
)


def plausible_value(etype: str, value: str, *, strict: bool = True) -> bool:
    """A value worth reporting: it has a letter or digit, is no label itself, and a birth
    date has a digit; with ``strict`` (text where a label may be a config key) a person's
    name must be written like one."""
    v = value.strip()
    if not v or not any(ch.isalnum() for ch in v) or len(v) > 120:
        return False
    if etype == "DATE_TIME" and not any(ch.isdigit() for ch in v):
        return False
    if strict and etype == "PERSON" and not _PERSON_SHAPE.match(v):
        return False  # "name: build", "name: Deploy to production": a config key, not a person
    if strict and etype == "USERNAME" and v.isalpha() and v.islower():
        return False  # "user: postgres", "user: billing": a service account in a config
    if strict and etype == "PASSWORD" and is_placeholder(v):
        return False  # "API_KEY: <your-api-key>", "token: ${TOKEN}": the same placeholder test
        # the credential catalogue applies to ``password=...`` (value_shapes.is_placeholder)
    if _CODE.search(v) or v.count("(") != v.count(")") or v.count("[") != v.count("]"):
        return False  # "password: str) -> bool:", a signature's line: code, not a field
    return not is_label(v)


#: Marks of source code in what follows a label: a return annotation, an arrow, a block opener
#: at the end, a statement keyword at the start.
_CODE = regex.compile(
    r"->|=>|[:{]\s*$|^(?:return|def|class|if|elif|else|for|while|with|try|except|import|from)\b"
)
#: A label line that is a statement: a call, an assignment, a keyword.
_CODE_LABEL = regex.compile(r"[()=\[\]{}]|^(?:def|class|if|elif|else|for|while|with|return)\b")


def _header_types(heads: list[str]) -> dict[int, str]:
    """Column index → entity type, when the cells read as a header row: every cell short,
    at least one naming a personal value, and most of them labels the lexicon knows (so a data
    row that happens to hold the word "Name" is no header)."""
    if any(len(h) > 40 or sum(ch.isdigit() for ch in h) > 2 for h in heads):
        return {}
    types = {i: t for i, h in enumerate(heads) if (t := personal_type(h))}
    known = sum(1 for h in heads if h and is_label(h))
    return types if types and 2 * known >= len([h for h in heads if h]) else {}


def csv_columns(text: str) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of cells under headers like ``first_name`` or ``DOB``.

    A header row is a line of comma, semicolon, tab or pipe separated labels; the rows under
    it (until a blank line) are split the same way, quotes respected.
    """
    out: list[tuple[str, int, int]] = []
    for m in _HEADER.finditer(text):
        line = m.group(1)
        sep = max(",;\t|", key=line.count)
        types = _header_types([h.strip().strip('"') for h in line.split(sep)])
        if not types:
            continue
        pos = m.end() + 1
        while pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            row = text[pos:end]
            if not row.strip() or sep not in row:
                break
            lead = 0
            if sep == "|":
                if _RULE_ROW.match(row):  # the |---|---| line under a Markdown header
                    pos = end + 1
                    continue
                stripped = row.lstrip(" \t")
                lead = len(row) - len(stripped) + (1 if stripped.startswith("|") else 0)
            for i, (a, b) in enumerate(split_cells(row[lead:], sep)):
                if (
                    i in types
                    and b > a
                    and plausible_value(types[i], row[lead + a : lead + b], strict=False)
                ):
                    out.append((types[i], pos + lead + a, pos + lead + b))
            pos = end + 1
    return out


def split_cells(row: str, sep: str) -> list[tuple[int, int]]:
    """Cell spans of one row (quoted cells may hold the separator; quotes are excluded)."""
    spans, i, n = [], 0, len(row)
    while i <= n:
        while i < n and row[i] == " ":
            i += 1
        if i < n and row[i] == '"':
            j = row.find('"', i + 1)
            j = n if j < 0 else j
            spans.append((i + 1, j))
            k = row.find(sep, j)
            i = n + 1 if k < 0 else k + 1
        else:
            k = row.find(sep, i)
            k = n if k < 0 else k
            a, b = i, k
            while a < b and row[a] == " ":
                a += 1
            while b > a and row[b - 1] in " \r":
                b -= 1
            spans.append((a, b))
            i = k + 1
    return spans


_WIDE_CELL = regex.compile(r"\S+(?: \S+)*")


def aligned_columns(text: str) -> list[tuple[str, int, int]]:
    """(entity type, start, end) of cells under the headers of a space-aligned table.

    Cells are runs of words separated by single spaces; columns by two or more spaces (or a
    tab). A cell below belongs to the header column whose start is the nearest at or left of
    its own start (left-aligned columns), or whose span it overlaps (right-aligned numbers).
    """
    out: list[tuple[str, int, int]] = []
    lines = text.split("\n")
    offsets, pos = [], 0
    for line in lines:
        offsets.append(pos)
        pos += len(line) + 1
    k = 0
    while k < len(lines):
        line = lines[k].expandtabs(8) if "\t" in lines[k] else lines[k]
        if "\t" in lines[k] or "  " not in line.strip():
            k += 1
            continue
        heads = [(m.start(), m.end(), m.group()) for m in _WIDE_CELL.finditer(line)]
        types = _header_types([h for _, _, h in heads]) if len(heads) >= 2 else {}
        if not types:
            k += 1
            continue
        k += 1
        while k < len(lines) and lines[k].strip() and "\t" not in lines[k]:
            row = lines[k]
            if _RULE_ROW.match(row):
                k += 1
                continue
            for m in _WIDE_CELL.finditer(row):
                col = _column_of(heads, m.start(), m.end())
                if col in types and plausible_value(types[col], m.group(), strict=False):
                    out.append((types[col], offsets[k] + m.start(), offsets[k] + m.end()))
            k += 1
    return out


def _column_of(heads: list[tuple[int, int, str]], start: int, end: int) -> int | None:
    best = None
    for i, (a, b, _) in enumerate(heads):
        nxt = heads[i + 1][0] if i + 1 < len(heads) else 1 << 30
        if a - 1 <= start < nxt - 1 or (start < b and end > a):
            best = i if best is None else best
    return best


# "Label: value" where the label is at most five words, at a line start or after a wide gap,
# a pipe or a semicolon; the value runs to the next such separator or the line's end. Inside a
# run of blanks a label starts only where the run ends (a run is not re-scanned from each of
# its positions: linear on long runs).
_LABEL_VALUE = regex.compile(
    r"(?m)(?:^[ \t]*+|(?<=[ \t]{2}|\t|\|[ \t]?|;[ \t]?)(?![ \t]))(?:[-*•][ \t]++)?"
    r"(?P<l>[^\W\d_](?:[\w'’./()#-]*)(?:[ ][\w'’./()#-]+){0,4}?)[ \t]*[:：][ \t]*"
    r"(?P<v>[^ \t\n|;][^\n|;\t]*?)(?=[ \t]{2,}|[ \t]*[|;\t]|[ \t]*\r?$)"
)
# A label alone on its line ("Date of birth" or "Surname:"), the value on the next line.
_LABEL_LINE = regex.compile(
    r"(?m)^[ \t]*(?P<l>[^\W\d_][^\n:]{0,40}?)[ \t]*:?[ \t]*\r?\n(?:[ \t]*\r?\n)?"
    r"[ \t]*(?P<v>[^\n]{1,120}?)[ \t]*\r?$"
)


#: Types whose values are codes and numbers: the value ends at the first word without a digit
#: ("Card: 4111 1111 1111 1111 exp 09/27"), a short letter prefix excepted ("AB 123456").
_CODED = frozenset({"CREDIT_CARD", "IBAN_CODE", "PHONE_NUMBER", "US_SSN", "ID_NUMBER"})
_TOKEN = regex.compile(r"\S+")


_QUOTES = "\"'“”‘’`"


def _value_span(etype: str, start: int, value: str) -> tuple[int, int]:
    """The span of the value proper within what follows a label: quotes around it and a
    trailing comma or semicolon (``phone: '030 2649',`` in YAML and JS) are not part of it."""
    stripped = value.rstrip().rstrip(",;").rstrip()
    lead = len(stripped) - len(stripped.lstrip(_QUOTES))
    stripped = stripped[lead:].rstrip(_QUOTES)
    start, value = start + lead, stripped
    if etype == "EMAIL_ADDRESS":
        m = _TOKEN.search(value)
        return (start + m.start(), start + m.end()) if m else (start, start)
    if etype not in _CODED:
        return start, start + len(value.rstrip())
    end = 0
    for k, m in enumerate(_TOKEN.finditer(value)):
        token = m.group()
        if any(ch.isdigit() for ch in token) or (k == 0 and len(token) <= 3):
            end = m.end()
        else:
            break
    return start, start + end


def _emit(out: list[Finding], etype: str, start: int, value: str, detector: str) -> None:
    a, b = _value_span(etype, start, value)
    if b > a and plausible_value(etype, value[a - start : b - start]):
        out.append(Finding(etype, a, b, SCORE, detector))


def labelled_lines(text: str) -> list[Finding]:
    """Values after a label the lexicon knows: on the same line after a colon, or on the next
    line when the label stands alone on its own."""
    out: list[Finding] = []
    for m in _LABEL_VALUE.finditer(text):
        etype = personal_type(m.group("l"))
        if etype:
            _emit(out, etype, m.start("v"), m.group("v"), "labelled-field")
    for m in _LABEL_LINE.finditer(text, overlapped=True):
        etype = personal_type(m.group("l"))
        value = m.group("v")
        if etype and _CODE_LABEL.search(m.group("l")):
            continue
        if etype and len(value.split()) <= 8 and not value.rstrip().endswith(":"):
            _emit(out, etype, m.start("v"), value, "label-above")
    return out


# A question that asks for a field, and the answer after it, on the same line after a
# speaker's tag or on the next: "What's the name on the account? User: Malon van den Bogaert",
# "Could I have your date of birth?\n12 March 1984". The label is inside the question.
_QUESTION = regex.compile(
    r"(?i:\b(?:what(?:'s|’s|[ ]is|[ ]was|[ ]are)?|which|(?:could|can|may)[ ]i[ ](?:have|get|take)|"
    r"please[ ](?:give|provide|enter|confirm|state|spell))[ ])"
    r"(?P<q>[^.?!\n]{1,60}?)\?[ \t]*+(?:\r?\n|\\n)?[ \t]*+(?:\p{L}[\w]{0,15}:[ \t]*+)?"
    r"(?P<v>[^\n.?!:\\]{1,80}?)[ \t]*(?=[.?!]?[ \t]*(?:$|\r?\n|\\n))"
)
_WORD = regex.compile(r"[\w'’]+")


def _asked_type(question: str) -> str | None:
    """The personal type of the leftmost-longest label inside a question."""
    words = _WORD.findall(question)
    for i in range(len(words)):
        for n in range(min(4, len(words) - i), 0, -1):
            etype = personal_type(" ".join(words[i : i + n]))
            if etype:
                return etype
    return None


def asked_fields(text: str) -> list[Finding]:
    """Answers to questions that ask for a field (chat transcripts, support bots, forms)."""
    out: list[Finding] = []
    if "?" not in text:
        return out
    for m in _QUESTION.finditer(text):
        etype = _asked_type(m.group("q"))
        if etype and len(m.group("v").split()) <= 8:
            _emit(out, etype, m.start("v"), m.group("v"), "asked-field")
    return out


def text_fields(text: str) -> list[Finding]:
    """Every value a header or label names in ``text``."""
    found = [
        Finding(etype, a, b, SCORE, "table-column")
        for etype, a, b in (*csv_columns(text), *aligned_columns(text))
    ]
    return found + labelled_lines(text) + asked_fields(text)
