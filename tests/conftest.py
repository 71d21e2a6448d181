import os

# One Tesseract thread per call, as in production (the default OpenMP threads are 5x slower
# on small machines and make timing noisy).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from hypothesis import settings  # noqa: E402

# CI runs the same examples every time (a property failure found locally is fixed, not
# rediscovered at random in CI); local runs keep exploring.
settings.register_profile("ci", derandomize=True, deadline=None, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")
