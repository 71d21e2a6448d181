"""The secret scanners' own test cases, read at run time from copies of their repositories.

Three readers, one ``Case`` each: trufflehog's detector pattern tests (``input`` with the
``want`` secrets it must yield, or none), gitleaks' rule cases (``tps`` and ``fps`` per rule)
and detect-secrets' plugin tests (``pytest.mark.parametrize`` tables). Nothing is copied: the
cases are parsed from Go and Python source when the benchmark runs, and each reader counts what
it could not read statically (``Stats``). A copy is a work tree or a bare git directory (what
the ``fetch`` tool makes).
"""

from __future__ import annotations

import ast
import math
import random
import re
import subprocess
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.go_source import GoFile, Unresolved, keyed_fields, tokenize
from benchmarks.regex_sample import sample


@dataclass(frozen=True, slots=True)
class Case:
    """One input. ``secrets`` empty means a negative: nothing in it should be a secret."""

    suite: str
    family: str
    text: str
    secrets: tuple[str, ...] = ()
    origin: str = "literal"  # literal | generated (from a regex, as the suite itself does)

    @property
    def positive(self) -> bool:
        return bool(self.secrets)


@dataclass
class Stats:
    """What a reader found and what it could read."""

    rows: int = 0
    read: int = 0
    skipped: Counter = field(default_factory=Counter)
    where: list[str] = field(default_factory=list)


class Tree:
    """Files of a repository copy: a work tree, or a bare git directory read with git."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.bare = (path / "HEAD").exists() and (path / "objects").is_dir()

    def files(self, prefix: str) -> list[str]:
        if self.bare:
            out = subprocess.run(
                ["git", f"--git-dir={self.path}", "ls-tree", "-r", "--name-only", "HEAD", prefix],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
            return sorted(out.split("\n")[:-1])
        root = self.path / prefix
        return sorted(str(p.relative_to(self.path)) for p in root.rglob("*") if p.is_file())

    def read(self, name: str) -> str:
        if self.bare:
            return subprocess.run(
                ["git", f"--git-dir={self.path}", "show", f"HEAD:{name}"],
                capture_output=True, text=True, check=True,
            ).stdout  # fmt: skip
        return (self.path / name).read_text(encoding="utf-8", errors="replace")

    def commit(self) -> str:
        if not self.bare:
            return "work tree"
        return subprocess.run(
            ["git", f"--git-dir={self.path}", "log", "-1", "--format=%h %cs"],
            capture_output=True, text=True, check=True,
        ).stdout.strip()  # fmt: skip


# -- trufflehog ------------------------------------------------------------------------------


def trufflehog(tree: Tree, stats: Stats) -> Iterator[Case]:
    """``pkg/detectors/<name>/*_test.go`` rows with ``input`` and ``want`` (a []string)."""
    for name in tree.files("pkg/detectors"):
        if not name.endswith("_test.go") or name.endswith("_integration_test.go"):
            continue
        family = name.split("/")[2]
        gf = GoFile(tree.read(name))
        for row in keyed_fields(gf, ("input", "want")):
            if "input" not in row or "want" not in row:
                continue
            stats.rows += 1
            text, want = row["input"], row["want"]
            bad = next((v for v in (text, want) if isinstance(v, Exception)), None)
            if bad is not None:
                stats.skipped[str(bad).split("(")[0][:40]] += 1
                continue
            if not isinstance(text, str) or not isinstance(want, list):
                stats.skipped["not a string table"] += 1
                continue
            if not all(isinstance(w, str) for w in want):
                stats.skipped["want not strings"] += 1
                continue
            stats.read += 1
            yield Case("trufflehog", family, text, tuple(w for w in want if w))


# -- gitleaks --------------------------------------------------------------------------------

_ENTROPY_FLOOR = 3.0  # what a "plausible" generated secret must reach (bits per character)


def _entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values()) if n else 0.0


class _Gitleaks:
    """gitleaks' sample generators mimicked from their definitions in the copy itself: the
    templates of ``GenerateSampleSecrets`` and the format of ``GenerateSampleSecret`` are read
    from ``cmd/generate/config/utils/generate.go``; the pattern helpers (``utils.Hex("32")``)
    from ``patterns.go``; ``secrets.NewSecret(regex)`` draws from the regex."""

    def __init__(self, tree: Tree, rng: random.Random) -> None:
        self.rng = rng
        self.marks: set[str] = set()
        gen = tree.read("cmd/generate/config/utils/generate.go")
        m = re.search(
            r"func GenerateSampleSecret\(.*?fmt\.Sprintf\((\"(?:[^\"\\]|\\.)*\")", gen, re.S
        )
        self.one_format = GoFile(m.group(1)).expr(0)[0] if m else '%s_api_token = "%s"'
        self.templates = _map_values(gen, "samples")
        self.helpers = _return_funcs(tree.read("cmd/generate/config/utils/patterns.go"))

    def calls(self) -> dict:
        c = {f"utils.{k}": v for k, v in self.helpers.items()}
        c.update({
            "secrets.NewSecret": self.new_secret,
            "newPlausibleSecret": self.plausible,
            "utils.GenerateSampleSecret": self.sample_one,
            "utils.GenerateSampleSecrets": self.sample_many,
        })  # fmt: skip
        return c

    def new_secret(self, regex: str) -> str:
        s = sample(regex, self.rng)
        self.marks.add(s)
        return s

    def plausible(self, regex: str) -> str:
        for _ in range(50):
            s = sample(regex, self.rng)
            if _entropy(s) >= _ENTROPY_FLOOR:
                break
        self.marks.add(s)
        return s

    def sample_one(self, ident: str, secret: str) -> str:
        self.marks.add(secret)
        return self.one_format.replace("%s", ident, 1).replace("%s", secret, 1)

    def sample_many(self, ident: str, secret: str) -> list[str]:
        self.marks.add(secret)
        return [
            t.replace("{i}", ident).replace("{I}", ident.upper()).replace("{s}", secret)
            for t in self.templates
        ]


def _map_values(src: str, name: str) -> list[str]:
    """The string values of ``name := map[string]string{"k": "v", ...}`` in Go source."""
    toks = tokenize(src)
    for i, t in enumerate(toks):
        if t.text == name and toks[i + 1].text == ":=":
            j = next(k for k in range(i, len(toks)) if toks[k].text == "{") + 1
            gf, out = GoFile(src), []
            while toks[j].text != "}":
                v, j = gf.expr(j + 2)  # key, ':', value
                out.append(v)
                if toks[j].text == ",":
                    j += 1
            return out
    return []


def _return_funcs(src: str) -> dict:
    """``func Name(a, b type) string { return <expr> }`` as Python callables."""
    gf = GoFile(src)
    toks, out = gf.toks, {}
    for i, t in enumerate(toks):
        if t.text != "func" or toks[i + 1].kind != "ident" or toks[i + 2].text != "(":
            continue
        j, params = i + 3, []
        while toks[j].text != ")":
            if toks[j].kind == "ident" and toks[j + 1].text in (",", "string", "int"):
                params.append(toks[j].text)
            j += 1
        k = next(k for k in range(j, len(toks)) if toks[k].text == "{")
        if toks[k + 1].text != "return":
            continue

        def fn(*args, _at=k + 2, _params=tuple(params)):  # noqa: ANN002, ANN202
            body = GoFile(gf.src)
            for p, a in zip(_params, args):
                body.assigns[p] = []
                body.bound[p] = a
            return body.expr(_at)[0]

        out[toks[i + 1].text] = fn
    return out


def _validate_calls(gf: GoFile) -> Iterator[tuple[int, int]]:
    """Token indices of each ``utils.Validate(`` call and of its opening parenthesis."""
    toks = gf.toks
    for i in range(len(toks) - 3):
        if toks[i].text == "utils" and toks[i + 2].text in ("Validate", "ValidateWithPaths"):
            yield i, i + 3


def gitleaks(tree: Tree, stats: Stats, rng: random.Random) -> Iterator[Case]:
    """``tps`` and ``fps`` of every rule in ``cmd/generate/config/rules``."""
    helper = _Gitleaks(tree, rng)
    for name in tree.files("cmd/generate/config/rules"):
        if not name.endswith(".go") or name.endswith("_test.go"):
            continue
        src = tree.read(name)
        gf = GoFile(src, calls=helper.calls())
        for at, paren in _validate_calls(gf):
            ids = re.findall(r"RuleID:\s*\"([^\"]+)\"", src[: gf.toks[at].pos])
            rule = ids[-1] if ids else Path(name).stem
            family = rule.split("-")[0]
            stats.rows += 1
            helper.marks.clear()
            try:
                args = _args_after_first(gf, paren + 1)
            except (Unresolved, IndexError, ValueError, TypeError, re.error, RecursionError) as err:
                stats.skipped[type(err).__name__ + ": " + str(err)[:30]] += 1
                stats.where.append(f"{rule}: {type(err).__name__} {str(err)[:60]}")
                continue
            tps = args[1] if len(args) > 1 else []
            fps = args[2] if len(args) > 2 else []
            if not isinstance(tps, list) or not isinstance(fps, list):
                stats.skipped["paths map"] += 1
                continue
            stats.read += 1
            marks = sorted(helper.marks, key=len, reverse=True)
            for tp in tps:
                if not isinstance(tp, str):
                    continue
                inside = tuple(m for m in marks if len(m) >= 4 and m in tp)
                generated = any(m in tp for m in marks)
                yield Case("gitleaks", family, tp, inside or (likely_secret(tp),),
                           "generated" if generated else "literal")  # fmt: skip
            for fp in fps:
                if isinstance(fp, str):
                    yield Case("gitleaks", family, fp)


def _args_after_first(gf: GoFile, i: int) -> list:
    """The arguments of a call after its first (gitleaks' rule struct, not needed here)."""
    depth = 0
    while not (depth == 0 and gf.toks[i].text in (",", ")")):
        depth += gf.toks[i].text in "({[" and 1 or 0
        depth -= gf.toks[i].text in ")}]" and 1 or 0
        i += 1
    args: list = [None]
    while gf.toks[i].text == ",":
        if gf.toks[i + 1].text == ")":
            break
        v, i = gf.expr(i + 1)
        args.append(v)
    return args


_PIECE = re.compile(r"[^\s\"'`=:,;(){}<>\[\]]+")


def likely_secret(line: str) -> str:
    """The piece of a line most likely to be its secret when the suite does not say: the
    longest piece by information (length x entropy) that is not a plain word or name."""
    pieces = [p for p in _PIECE.findall(line) if not re.fullmatch(r"[A-Za-z_.\-]+", p)]
    pieces = pieces or _PIECE.findall(line) or [line]
    return max(pieces, key=lambda p: len(p) * _entropy(p))


# -- detect-secrets --------------------------------------------------------------------------

_PAYLOAD = ("payload", "line", "file_content", "content", "token")
_EXPECT = ("should_flag", "expected_secret", "should_be_caught")


def detect_secrets(tree: Tree, stats: Stats) -> Iterator[Case]:
    """Rows of ``pytest.mark.parametrize`` tables in ``tests/plugins`` (and the keyword
    plugin's module-level ``*_TEST_CASES`` tables of ``(line, secret or None)``)."""
    for name in tree.files("tests/plugins"):
        if not name.endswith("_test.py"):
            continue
        family = Path(name).stem.removesuffix("_test")
        if family in ("base", "ip_public"):
            continue  # the plugin API; IP addresses are not credentials
        mod = ast.parse(tree.read(name))
        env = _module_constants(mod)
        seen: set[str] = set()
        for cname, val in env.items():
            if cname.endswith("_TEST_CASES") and isinstance(val, list):
                for row in val:
                    if isinstance(row, tuple) and len(row) == 2 and isinstance(row[0], str):
                        stats.rows += 1
                        stats.read += 1
                        if row[0] not in seen:
                            seen.add(row[0])
                            yield Case("detect-secrets", family, row[0],
                                       (row[1],) if isinstance(row[1], str) else ())  # fmt: skip
        for node in ast.walk(mod):
            if not (isinstance(node, ast.Call) and ast.unparse(node.func).endswith("parametrize")):
                continue
            try:
                names = [n.strip() for n in _eval(node.args[0], env).split(",")]
                rows = _eval(node.args[1], env)
            except (Unresolved, IndexError, KeyError, AttributeError, TypeError, ValueError):
                continue
            for row in rows:
                row = row if isinstance(row, tuple) else (row,)
                if len(row) != len(names):
                    continue
                d = dict(zip(names, row))
                if "secret" in d and "non_secret" in d:
                    stats.rows += 2
                    stats.read += 2
                    yield Case("detect-secrets", family, f'"{d["secret"]}"', (d["secret"],))
                    yield Case("detect-secrets", family, f'"{d["non_secret"]}"')
                    continue
                payload = next((d[k] for k in _PAYLOAD if isinstance(d.get(k), str)), None)
                if payload is None or payload in seen:
                    continue
                stats.rows += 1
                stats.read += 1
                seen.add(payload)
                flag = next((d[k] for k in _EXPECT if k in d), True)
                if isinstance(flag, str):
                    yield Case("detect-secrets", family, payload, (flag,))
                elif flag:
                    yield Case("detect-secrets", family, payload, (likely_secret(payload),))
                else:
                    yield Case("detect-secrets", family, payload)


def _module_constants(mod: ast.Module) -> dict:
    env: dict = {}
    for node in mod.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            t = node.targets[0]
            if isinstance(t, ast.Name):
                try:
                    env[t.id] = _eval(node.value, env)
                except (Unresolved, KeyError, AttributeError, TypeError, ValueError, IndexError):
                    pass
    return env


def _eval(node: ast.AST, env: dict):  # noqa: ANN202 - any literal value
    """Literals, names bound to literals, ``+``/``%``/``*``, ``str.format`` and f-strings."""
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        if node.id in env:
            return env[node.id]
        if node.id in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[node.id]
        raise Unresolved(node.id)
    if isinstance(node, ast.Tuple):
        return tuple(_eval(e, env) for e in node.elts)
    if isinstance(node, ast.List):
        return [_eval(e, env) for e in node.elts]
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod, ast.Mult)):
        a, b = _eval(node.left, env), _eval(node.right, env)
        return (
            a + b
            if isinstance(node.op, ast.Add)
            else a % b
            if isinstance(node.op, ast.Mod)
            else a * b
        )
    if isinstance(node, ast.JoinedStr):
        return "".join(
            str(_eval(v.value, env)) if isinstance(v, ast.FormattedValue) else _eval(v, env)
            for v in node.values
        )
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "format"
    ):
        base = _eval(node.func.value, env)
        args = [_eval(a, env) for a in node.args]
        kwargs = {k.arg: _eval(k.value, env) for k in node.keywords}
        return base.format(*args, **kwargs)
    raise Unresolved(type(node).__name__)
