"""pytest-benchmark configuration: benchmarks run only with --benchmark-only."""
