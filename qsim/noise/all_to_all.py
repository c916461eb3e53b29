"""A device profile's medians on every qubit and every pair: the topology-free device.

``all_to_all_profile(profile, n)`` is a profile (qsim.noise.device's format) of n qubits in
which every qubit has the median T1, the median T2 and the median readout errors
[P(1|0), P(0|1)] of the profile's qubits, every pair is coupled, and each gate entry
(the "1q" / "2q" defaults and every gate named in ``gates`` or ``gate_overrides``) has the
median error and the median duration of that gate over the profile's qubits (1-qubit
gates) or coupling-map pairs (2-qubit gates), overrides included. This is how noisy
simulations of algorithm studies usually apply a device: its median figures on every gate
of a circuit of any size, without routing. Medians are taken entry by entry (T2 <= 2 T1
still holds: the median is monotone).
"""

from __future__ import annotations

import statistics

from qsim.noise.device import DeviceNoise, gate_arity, load_profile, validate_profile

TOPOLOGIES = ("device", "all-to-all")


def all_to_all_profile(profile, num_qubits: int) -> dict:
    """The profile's medians on ``num_qubits`` qubits, all pairs coupled (see the module
    docstring); ``profile`` as load_profile takes it. Its name is "<name>-all-to-all"."""
    prof = load_profile(profile)
    device = DeviceNoise(prof)
    sites = {1: [(q,) for q in range(prof["num_qubits"])], 2: [tuple(e) for e in prof["coupling_map"]]}
    names = dict.fromkeys([*prof["gates"], *(o["gate"] for o in prof["gate_overrides"])])
    gates = {}
    for name in names:
        k = gate_arity(name, "gate")
        # a profile without pairs: the 2-qubit entries as they are
        calibrations = [device.gate_properties(name, qs) for qs in sites[k]] or [device.gate_properties(name, tuple(range(k)))]
        gates[name] = {"error": statistics.median(e for e, _ in calibrations),
                       "duration_ns": statistics.median(t for _, t in calibrations)}
    qubits = prof["qubits"]
    median_qubit = {
        "t1_us": statistics.median(q["t1_us"] for q in qubits),
        "t2_us": statistics.median(q["t2_us"] for q in qubits),
        "readout_error": [statistics.median(q["readout_error"][b] for q in qubits) for b in (0, 1)],
    }
    return validate_profile({
        "name": f"{prof['name']}-all-to-all",
        "description": f"The medians of device profile {prof['name']!r} on every qubit and every pair of "
                       f"{num_qubits} qubits (qsim.noise.all_to_all).",
        "source": prof["source"],
        "num_qubits": num_qubits,
        "coupling_map": [[a, b] for a in range(num_qubits) for b in range(a + 1, num_qubits)],
        "qubits": [dict(median_qubit) for _ in range(num_qubits)],
        "gates": gates,
    })
