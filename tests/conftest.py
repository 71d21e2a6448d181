import os

# One Tesseract thread per call, as in production (the default OpenMP threads are 5x slower
# on small machines and make timing noisy).
os.environ.setdefault("OMP_THREAD_LIMIT", "1")
