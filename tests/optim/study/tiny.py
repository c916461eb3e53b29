"""A tiny study config for the study tests: 2 problems x 2 methods x 2 seeds, exact costs."""

TINY = """
name = "tiny"
seeds = [1, 2]

[optimizer]
maxfev = 12

[[problems]]
label = "maxcut"
generator = "MaxCut.random"
params = { n = 4, p = 0.6 }

[[problems]]
label = "mis"
generator = "MIS.random"
params = { n = 4, p = 0.5 }

[[methods]]
method = "exact"

[[methods]]
method = "qaoa"
options = { depth = 1 }

[[simulators]]
label = "noiseless"
shots = 1000
"""
