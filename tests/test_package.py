"""The installed package holds the library alone, its imports run one way, its modules stay small.

- The wheel, built from this tree as a user's ``pip install`` builds it, holds no test or
  benchmark corpus (``corpora``, the old ``synth``), no module that imports one, and no value
  that the project's own credential detector reports (a secret scanner run over site-packages
  must not find our fake keys).
- No import cycle between the modules of ``redactkit/`` (every ``import`` statement counts,
  lazy ones inside functions too: a lazy import hides a cycle, it does not remove it).
- No module of ``redactkit/`` over ``MAX_LINES``, except the listed ones being split.
"""

from __future__ import annotations

import ast
import random
import re
import shutil
import subprocess
import sys
import zipfile
from collections.abc import Iterator, Mapping
from pathlib import Path

import pytest

from redactkit import TextRedactor
from redactkit.policy import CREDENTIAL, Policy

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "redactkit"

#: Names of generator packages that must never ship.
GENERATOR_NAMES = ("corpora", "synth")
#: Values in the wheel the credential detector reports that are documented placeholders, not
#: keys: the detection engine's warm-up text, docstring examples, the README's example key.
#: A new entry needs a reason; a value from a generator never belongs here.
PLACEHOLDERS = frozenset(
    {
        "ghp_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",  # detect/engine.py warm-up
        "AKIAABCDEFGHIJKLMNOP",  # detect/engine.py warm-up
        "hunter2",  # detect/engine.py warm-up
        # detect/credential_rules.py: the pypi.org and test.pypi.org token prefixes (base64 of
        # the host names; a format's prefix, not a key)
        "pypi-AgEIcHlwaS5vcmc",
        "pypi-AgENdGVzdC5weXBpLm9yZw",
        "AgENdGVzdC5weXBpLm9yZw",
        "Tr0ub4dor&3",  # detect/generic_secrets.py docstring (xkcd 936)
        "6KElyVm_D^V1R",  # detect/generic_secrets.py docstring example
        "AKIAZ7QW3RT5YU6IO2PL",  # README.md (the wheel's METADATA) example
    }
)
#: Lines worth a detector's time: a token mixing letters and digits, or a credential word.
#: (Analysing every line of the wheel costs half a minute of spaCy; these are a sixth of it.)
_CANDIDATE = re.compile(
    r"(?=[\w+/=.&^-]*[A-Za-z])(?=[\w+/=.&^-]*\d)[\w+/=.&^-]{6,}"
    r"|(?i:pass|pwd|secret|token|api.?key|auth|cred|bearer|BEGIN)"
)

MAX_LINES = 450
#: Modules allowed over MAX_LINES: none (recognizers.py, labelled.py and keys/redactor.py were
#: split along their concepts). A module that grows is telling you about a missing concept.
OVERSIZED: frozenset[str] = frozenset()


# -- the wheel --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> zipfile.ZipFile:
    """The wheel of a copy of this tree (a build in place would leave build/ and egg-info)."""
    tmp = tmp_path_factory.mktemp("wheel")
    src = tmp / "src"
    shutil.copytree(
        ROOT,
        src,
        ignore=shutil.ignore_patterns(
            ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"
        ),
    )
    out = tmp / "dist"
    cmd = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
    done = subprocess.run(
        [*cmd, "--disable-pip-version-check", "-w", str(out), str(src)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    (path,) = out.glob("redactkit-*.whl")
    return zipfile.ZipFile(path)


def _texts(wheel: zipfile.ZipFile) -> Iterator[tuple[str, str]]:
    for name in wheel.namelist():
        data = wheel.read(name)
        if b"\0" not in data:
            yield name, data.decode("utf-8", "replace")


def credential_findings(files: Mapping[str, str]) -> dict[str, list[str]]:
    """Values the project's credential detector reports, per file, placeholders left out."""
    redactor = TextRedactor(Policy(entities=[CREDENTIAL]), keep_values=True)
    out: dict[str, list[str]] = {}
    for name, text in files.items():
        lines = [ln for ln in text.splitlines() if _CANDIDATE.search(ln)]
        if not lines:
            continue
        found = redactor.analyze("\n".join(lines))
        values = sorted({f.value for f in found if f.value and f.value not in PLACEHOLDERS})
        if values:
            out[name] = values
    return out


def test_the_wheel_holds_the_library_alone(wheel: zipfile.ZipFile) -> None:
    names = wheel.namelist()
    tops = {n.split("/")[0] for n in names}
    assert tops == {"redactkit", "redactkit-0.1.0.dist-info"}, tops
    shipped = [n for n in names if any(g in part for part in n.split("/") for g in GENERATOR_NAMES)]
    assert not shipped, f"generators in the wheel: {shipped}"
    assert "redactkit/__init__.py" in names and "redactkit/screens/redactor.py" in names
    # the data the library reads at run time ships with it
    data = sorted(p.relative_to(ROOT).as_posix() for p in (ROOT / "redactkit" / "data").iterdir())
    assert data and all(d in names for d in data), data


def test_no_shipped_module_imports_a_generator(wheel: zipfile.ZipFile) -> None:
    bad = []
    for name, text in _texts(wheel):
        if name.endswith(".py"):
            for node in ast.walk(ast.parse(text)):
                if isinstance(node, ast.Import):
                    mods = [a.name for a in node.names]
                elif isinstance(node, ast.ImportFrom) and not node.level:
                    mods = [node.module or ""]
                else:
                    continue
                bad += [(name, m) for m in mods if m.split(".")[0] in GENERATOR_NAMES]
    assert not bad, bad


def test_no_fake_credential_in_the_wheel(wheel: zipfile.ZipFile) -> None:
    found = credential_findings(dict(_texts(wheel)))
    assert not found, f"credentials in the wheel (value: file): {found}"


def test_the_credential_scan_finds_generated_keys() -> None:
    """The scan above is not vacuous: keys from the corpus generator, written as a module
    would hold them, are found."""
    from corpora.credentials import FORMATS

    rng = random.Random(7)
    keys = [FORMATS[k].make(rng).secret for k in ("github-pat", "aws-access-key-id")]
    text = f'WARM_UP = "token {keys[0]}"\nAWS = "{keys[1]}"\n'
    assert credential_findings({"fake.py": text}) == {"fake.py": sorted(keys)}


# -- imports ----------------------------------------------------------------------------------


def _modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(ROOT).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def import_graph() -> dict[str, set[str]]:
    """Module -> the ``redactkit`` modules it imports anywhere in its body (a ``from pkg
    import name`` counts as importing ``pkg.name`` when that is a module, else ``pkg``)."""
    modules = _modules()

    def known(name: str) -> str | None:
        while name and name not in modules:
            name = name.rpartition(".")[0]
        return name or None

    graph: dict[str, set[str]] = {}
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        targets: set[str | None] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {known(a.name) for a in node.names}
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join(up + ([node.module] if node.module else []))
                for a in node.names:
                    full = f"{base}.{a.name}"
                    targets.add(full if full in modules else known(base))
        graph[module] = {t for t in targets if t is not None and t != module}
    return graph


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan, iterative)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, edges = work[-1]
            nxt = next(edges, None)
            if nxt is not None:
                if nxt not in index:
                    index[nxt] = low[nxt] = len(index)
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(sorted(graph.get(nxt, ())))))
                elif nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                comp = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    comp.append(member)
                    if member == node:
                        break
                if len(comp) > 1:
                    out.append(sorted(comp))
    return out


def test_cycles_are_found() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert cycles(graph) == [["a", "b", "c"]]
    assert cycles({"a": {"b"}, "b": set()}) == []


def test_no_import_cycle_in_the_package() -> None:
    graph = import_graph()
    assert "redactkit.screens.live" in graph["redactkit.screens.redactor"]  # the graph is real
    assert cycles(graph) == []


def test_the_live_path_never_imports_the_redactor() -> None:
    """The redactor makes the live path; nothing the live path imports, directly or not,
    imports the redactor back."""
    graph = import_graph()
    reached, todo = set(), ["redactkit.screens.live"]
    while todo:
        module = todo.pop()
        if module not in reached:
            reached.add(module)
            todo += graph[module]
    assert "redactkit.screens.pipeline" in reached
    assert "redactkit.screens.redactor" not in reached


# -- sizes ------------------------------------------------------------------------------------


def test_modules_stay_small() -> None:
    sizes = {
        path.relative_to(ROOT).as_posix(): len(path.read_text(encoding="utf-8").splitlines())
        for path in PACKAGE.rglob("*.py")
    }
    over = {name: n for name, n in sizes.items() if n > MAX_LINES}
    assert set(over) <= OVERSIZED, f"over {MAX_LINES} lines: {over}"
