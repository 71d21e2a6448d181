"""Read string values out of Go source without running Go: a tokenizer and a tiny evaluator.

The secret scanners keep their test cases in Go (trufflehog's detector tests, gitleaks' rule
files). The cases are string expressions: literals, ``+``, ``fmt.Sprintf``, variables declared
in the same file, and a few helper calls. ``evaluate`` resolves what it can statically and
raises ``Unresolved`` for the rest, so a benchmark can say which share of the cases it read.
Helper calls a caller knows how to mimic (gitleaks' sample generators) come in through
``calls``; nothing of the scanners' code is copied here.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

_TOKEN = re.compile(
    r"""(?P<ws>\s+)|(?P<comment>//[^\n]*|/\*.*?\*/)|(?P<raw>`[^`]*`)|(?P<str>"(?:[^"\\\n]|\\.)*")"""
    r"""|(?P<rune>'(?:[^'\\\n]|\\.)+')|(?P<num>\d[\w.]*)|(?P<ident>[A-Za-z_]\w*)"""
    r"""|(?P<op>\.\.\.|:=|==|!=|<=|>=|&&|\|\||[-+*/%=<>!&|^(){}\[\],;:.])|(?P<other>.)""",
    re.DOTALL,
)
_ESC = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "'": "'", "\\": "\\", "a": "\a", "b": "\b",
        "f": "\f", "v": "\v", "0": "\0"}  # fmt: skip


class Unresolved(Exception):
    """An expression this evaluator cannot compute statically."""


@dataclass(frozen=True, slots=True)
class Tok:
    kind: str
    text: str
    pos: int


def _unquote(lit: str) -> str:
    if lit[0] == "`":
        return lit[1:-1].replace("\r", "")
    body, out, i = lit[1:-1], [], 0
    while i < len(body):
        c = body[i]
        if c != "\\":
            out.append(c)
            i += 1
            continue
        n = body[i + 1]
        if n in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[n]
            out.append(chr(int(body[i + 2 : i + 2 + width], 16)))
            i += 2 + width
        elif n in "01234567" and body[i + 1 : i + 4].isdigit():
            out.append(chr(int(body[i + 1 : i + 4], 8)))
            i += 4
        else:
            out.append(_ESC.get(n, n))
            i += 2
    return "".join(out)


def tokenize(src: str) -> list[Tok]:
    """Go tokens without whitespace and comments."""
    return [
        Tok(m.lastgroup or "", m.group(), m.start())
        for m in _TOKEN.finditer(src)
        if m.lastgroup not in ("ws", "comment")
    ]


Value = str | int | list


@dataclass(eq=False)
class GoFile:
    """One Go file: its tokens, where each variable is assigned, and the helpers to mimic."""

    src: str
    calls: dict[str, Callable[..., Value]] = field(default_factory=dict)
    bound: dict[str, Value] = field(default_factory=dict)  # a helper's parameters
    toks: list[Tok] = field(init=False)
    assigns: dict[str, list[tuple[int, int]]] = field(init=False)  # name -> [(token index, depth)]

    def __post_init__(self) -> None:
        self.toks = tokenize(self.src)
        self.assigns = {}
        depth = 0
        pending, body = False, -1
        self.fn: list[int] = []  # per token: the index of its top-level function body, or -1
        for i, t in enumerate(self.toks):
            if t.text == "func" and depth == 0:
                pending = True
            if t.text in "{(":
                if t.text == "{" and depth == 0 and pending:
                    pending, body = False, i
                depth += 1
            elif t.text in "})":
                depth -= 1
                if depth == 0 and t.text == "}":
                    body = -1
            self.fn.append(body)
            if t.kind != "ident" or i + 1 >= len(self.toks):
                continue
            nxt = self.toks[i + 1].text
            prev = self.toks[i - 1].text if i else ""
            if prev == "." or prev == ",":
                continue  # a field, or one of several names (`a, b := ...`: not handled)
            if nxt in (":=", "="):
                self.assigns.setdefault(t.text, []).append((i + 2, depth))
            elif (
                self.toks[i + 1].kind == "ident"
                and i + 2 < len(self.toks)
                and self.toks[i + 2].text == "="
                and (prev in ("var", "const") or _line_start(self.src, t.pos))
            ):
                self.assigns.setdefault(t.text, []).append((i + 3, depth))  # `x string = "..."`

    def lookup(self, name: str, at: int) -> Value:
        """The value of ``name`` as of token ``at``: the latest assignment before it in the same
        function, else a package-level one."""
        if name in self.bound:
            return self.bound[name]
        spots = self.assigns.get(name, [])
        fn = self.fn[at]
        local = [
            s for s, _ in spots if s < at and fn >= 0 and self.fn[s] == fn and self._end(s) < at
        ]
        if local:
            return self.expr(max(local))[0]
        top = [s for s, _ in spots if self.fn[s] == -1]
        if top:
            return self.expr(top[0])[0]
        raise Unresolved(name)

    @functools.cache  # noqa: B019 - one GoFile per file, short-lived
    def _end(self, i: int) -> int:
        """Index of the last token of the statement whose expression starts at token ``i``
        (Go ends a statement at a line break after a name, a literal or a closing bracket)."""
        depth, toks = 0, self.toks
        for j in range(i, len(toks) - 1):
            t = toks[j]
            depth += t.text in "([{" and 1 or 0
            depth -= t.text in ")]}" and 1 or 0
            if depth <= 0 and (t.kind in ("ident", "str", "raw", "num", "rune") or t.text in ")]}"):
                if "\n" in self.src[t.pos + len(t.text) : toks[j + 1].pos]:
                    return j
        return len(toks) - 1

    # -- expressions -------------------------------------------------------------------------
    def expr(self, i: int) -> tuple[Value, int]:
        """Evaluate the expression starting at token ``i``; return (value, next index)."""
        v, i = self._primary(i)
        while i < len(self.toks) and self.toks[i].text == "+":
            w, i = self._primary(i + 1)
            if (
                isinstance(v, str)
                and isinstance(w, str)
                or isinstance(v, int)
                and isinstance(w, int)
            ):
                v = v + w  # type: ignore[operator]
            else:
                raise Unresolved("+")
        return v, i

    def _primary(self, i: int) -> tuple[Value, int]:
        t = self.toks[i]
        if t.kind in ("str", "raw"):
            return _unquote(t.text), i + 1
        if t.kind == "num":
            try:
                return int(t.text, 0), i + 1
            except ValueError as err:
                raise Unresolved(t.text) from err
        if t.text == "(":
            v, j = self.expr(i + 1)
            return v, j + 1
        if t.text == "[" and self.toks[i + 1].text == "]":
            j = i + 2
            while self.toks[j].text != "{":
                j += 1
            return self._list(j + 1, "}")
        if t.kind == "ident":
            name, j = t.text, i + 1
            while (
                j + 1 < len(self.toks)
                and self.toks[j].text == "."
                and self.toks[j + 1].kind == "ident"
            ):
                name += "." + self.toks[j + 1].text
                j += 2
            if j < len(self.toks) and self.toks[j].text == "(":
                args, j = self._list(j + 1, ")")
                return self._call(name, args), j
            if j < len(self.toks) and self.toks[j].text == "{" and name.startswith("[]"):
                return self._list(j + 1, "}")
            if name in ("nil",):
                return [], j
            if "." in name:
                raise Unresolved(name)
            return self.lookup(name, i), j
        raise Unresolved(t.text)

    def _list(self, i: int, close: str) -> tuple[list, int]:
        out: list = []
        while self.toks[i].text != close:
            v, i = self.expr(i)
            if self.toks[i].text == "...":
                if not isinstance(v, list):
                    raise Unresolved("...")
                out.append(_Spread(v))
                i += 1
            else:
                out.append(v)
            if self.toks[i].text == ",":
                i += 1
        return out, i + 1

    def _call(self, name: str, args: list) -> Value:
        if name == "append":
            out = list(args[0]) if isinstance(args[0], list) else [args[0]]
            for a in args[1:]:
                out.extend(a.items if isinstance(a, _Spread) else [a])
            return out
        args = [a.items if isinstance(a, _Spread) else a for a in args]
        if name in self.calls:
            return self.calls[name](*args)
        if name in _BUILTIN:
            return _BUILTIN[name](*args)
        raise Unresolved(name)


@dataclass(frozen=True, slots=True)
class _Spread:
    items: list


def _line_start(src: str, pos: int) -> bool:
    k = src.rfind("\n", 0, pos)
    return not src[k + 1 : pos].strip()


_VERB = re.compile(r"%([-+# 0]*\d*(?:\.\d+)?)([svdqxXc%])")


def sprintf(fmt: str, *args: Value) -> str:
    """Go's ``fmt.Sprintf`` for the verbs test files use."""
    it = iter(args)

    def one(m: re.Match[str]) -> str:
        verb = m.group(2)
        if verb == "%":
            return "%"
        try:
            a = next(it)
        except StopIteration as err:
            raise Unresolved("Sprintf args") from err
        if isinstance(a, list):
            a = "[" + " ".join(str(x) for x in a) + "]"
        if verb == "q":
            return '"' + str(a).replace("\\", "\\\\").replace('"', '\\"') + '"'
        if verb in "xX" and isinstance(a, str):
            h = a.encode().hex()
            return h.upper() if verb == "X" else h
        return str(a)

    return _VERB.sub(one, fmt)


def _need_str(*xs: Value) -> None:
    if not all(isinstance(x, str) for x in xs):
        raise Unresolved("type")


_BUILTIN: dict[str, Callable[..., Value]] = {
    "fmt.Sprintf": sprintf,
    "fmt.Sprint": lambda *a: "".join(str(x) for x in a),
    "strings.Repeat": lambda s, n: s * n,
    "strings.Join": lambda xs, sep: sep.join(xs),
    "strings.ToUpper": lambda s: s.upper(),
    "strings.ToLower": lambda s: s.lower(),
    "strings.TrimSpace": lambda s: s.strip(),
    "string": lambda s: s if isinstance(s, str) else chr(s),
    "[]byte": lambda s: s,
}


def keyed_fields(gf: GoFile, names: tuple[str, ...]) -> list[dict[str, Value | Exception]]:
    """Composite literals holding ``name: expr`` fields (a test table's rows): for each ``{``
    that directly holds one of ``names``, a dict of those fields' values (or the exception
    that stopped their evaluation)."""
    toks = gf.toks
    stack: list[int] = []
    rows: dict[int, dict[str, Value | Exception]] = {}
    for i, t in enumerate(toks):
        if t.text == "{":
            stack.append(i)
        elif t.text == "}":
            if stack:
                stack.pop()
        elif (
            t.kind == "ident"
            and t.text in names
            and stack
            and i + 1 < len(toks)
            and toks[i + 1].text == ":"
            and toks[i - 1].text in ("{", ",")
        ):
            row = rows.setdefault(stack[-1], {})
            try:
                row[t.text] = gf.expr(i + 2)[0]
            except (Unresolved, IndexError, ValueError, TypeError, RecursionError) as err:
                row[t.text] = err if isinstance(err, Unresolved) else Unresolved(repr(err))
    return [rows[k] for k in sorted(rows)]
