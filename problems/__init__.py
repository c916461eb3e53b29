"""Combinatorial benchmark problems: models, instance loaders, QUBO/Ising encoders and
exact classical optima. Knows nothing of the simulator (`qsim`)."""
