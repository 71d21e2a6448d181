"""Synthetic inputs with ground truth, for tests and benchmarks: nothing here is tuned to a fixture."""
