"""Optimisers (SPSA family, scipy wrappers, gradients) and variational algorithms."""
