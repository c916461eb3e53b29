"""Program: a compiled circuit, run many times with new parameters (C++, GIL released).

The readout rule, as in Qiskit Aer: readout error (``NoiseModel.add_readout``, a device's
readout) belongs to measurement. ``sample`` and every shot-based estimate (``expectation``
with ``shots``) include it; ``probabilities`` and the exact ``expectation`` are the state's
own unless ``readout=True``, and with ``readout=True`` they are the infinite-shot limits of
the sampled values (the measured distribution, and the mean of a diagonal observable over it).
"""

from __future__ import annotations

import numpy as np

from qsim._checks import either, integer, real_array
from qsim._memory import require_memory
from qsim.gradients import ParameterShift
from qsim.methods import METHODS
from qsim.observables import DiagonalObservable, PauliSum
from qsim.options import PRECISIONS, CompileOptions
from qsim.samples import Samples, counts_from_indices
from qsim.shots import ShotEstimator


_SINGLE = (PauliSum, DiagonalObservable)
_FLOAT64 = np.dtype(np.float64)


def _core_observables(observable) -> tuple[list, bool]:
    """(C++ observables, whether a single one was given)."""
    single = isinstance(observable, (PauliSum, DiagonalObservable))
    items = [observable] if single else list(observable) if isinstance(observable, (list, tuple)) else None
    if items is None:
        raise TypeError(
            f"observable must be a PauliSum, a DiagonalObservable or a list of them, got {type(observable).__name__}"
        )
    for o in items:
        if not isinstance(o, (PauliSum, DiagonalObservable)):
            raise TypeError(f"observable must be a PauliSum or a DiagonalObservable, got {type(o).__name__}")
    return [o._core_observable() for o in items], single


def _diagonal_values(observable) -> np.ndarray:
    if isinstance(observable, DiagonalObservable):
        return observable.values
    if isinstance(observable, PauliSum) and observable.is_diagonal:
        return observable.diagonal()
    raise ValueError("expectation with readout=True needs diagonal observables (Z-only PauliSum or DiagonalObservable)")


class Program:
    """A compiled circuit. Build it with ``qsim.compile``; theta[k] is the value of
    ``parameters[k]``; ``theta`` may be omitted for a circuit without parameters.
    ``options`` are the CompileOptions it was built with (as given); ``fusion`` and
    ``trajectories`` are the values in use, defaults filled in."""

    def __init__(self, circuit, options: CompileOptions):
        """Lowers ``circuit`` with ``options`` (validated when they were made) and compiles
        it in C++; raises ValueError when the circuit does not fit the method, the noise
        model (checked once, as the lowering asks it for the noisy instructions) or the
        memory available."""
        method = METHODS[options.method]
        n = circuit.num_qubits
        if n > method.max_qubits:
            raise ValueError(f"method {method.name!r} takes at most {method.max_qubits} qubits, got {n}")
        program_class, real_bytes = PRECISIONS[options.precision]
        self.state_bytes = method.state_bytes(n, real_bytes)  # one state of this method, as every call allocates it
        require_memory(self.state_bytes, f"a {n}-qubit {options.precision}-precision {method.name} state")
        self.fusion = method.default_fusion(n) if options.fusion is None else options.fusion
        self.trajectories = method.default_trajectories if options.trajectories is None else options.trajectories
        self._core = program_class(method.name, method.lower(circuit, options.noise_model), self.fusion,
                                   self.trajectories or 0, options.seed or 0)
        self._method = method
        self.options = options
        self.circuit = circuit
        self.parameters = circuit.parameters
        self.method = options.method
        self.noise_model = options.noise_model
        self.precision = options.precision
        self.seed = options.seed
        self.num_qubits = self._core.num_qubits
        self.num_parameters = self._core.num_parameters
        self._shift = None  # the parameter-shift expansion, built on first use
        self._shots = None  # measurement-basis programs for finite-shot estimates

    def with_circuit(self, circuit) -> "Program":
        """Another circuit compiled with this program's options (the parameter-shift and
        measurement-basis programs are built this way)."""
        return Program(circuit, self.options)

    @property
    def num_blocks(self) -> int:
        """Fused blocks the state is swept with per run."""
        return self._core.num_blocks

    def __repr__(self) -> str:
        return (
            f"Program(method={self.method!r}, num_qubits={self.num_qubits}, num_parameters={self.num_parameters}, "
            f"gates={self._core.num_gates}, blocks={self.num_blocks}, precision={self.precision!r})"
        )

    # -- validation -------------------------------------------------------------------
    def _theta(self, theta) -> np.ndarray:
        """theta as a contiguous float64 vector of the right length; finiteness is checked
        in C++ (cheaper than numpy for the microsecond calls of a variational loop)."""
        if (
            type(theta) is np.ndarray
            and theta.dtype == np.float64
            and theta.ndim == 1
            and theta.size == self.num_parameters
            and theta.flags.c_contiguous
        ):
            return theta
        t = real_array("theta", () if theta is None else theta)
        if t.ndim > 1:
            raise ValueError(f"theta must be one-dimensional, got shape {t.shape}")
        t = t.reshape(-1)
        if t.size != self.num_parameters:
            raise ValueError(f"theta has {t.size} values, the circuit has {self.num_parameters} parameters")
        return np.ascontiguousarray(t)

    def _thetas(self, thetas) -> np.ndarray:
        t = real_array("thetas", thetas)
        if t.ndim == 1 and self.num_parameters == 0:
            t = t.reshape(-1, 0)
        if t.ndim != 2 or t.shape[1] != self.num_parameters:
            raise ValueError(f"thetas must have shape (batch, {self.num_parameters}), got {t.shape}")
        return np.ascontiguousarray(t)

    # -- running ----------------------------------------------------------------------
    def run(self, theta=None) -> np.ndarray:
        """The state: 2^n complex amplitudes (statevector), the (2^n, 2^n) density matrix
        rho (density_matrix), or the 4^n real Pauli coefficients c_P = Tr(rho P) with P
        indexed by sum_q 4^q code(P_q), I, X, Y, Z = 0..3 (ptm). Basis index bit q = qubit q."""
        t = self._theta(theta)
        self._require_memory(0, "the state")
        return self._core.run(t)

    def probabilities(self, theta=None, *, readout: bool = False) -> np.ndarray:
        """|amplitude|^2 (the diagonal of rho) for each of the 2^n basis states; with
        ``readout=True`` the measured distribution, readout error applied (the readout rule,
        module docstring)."""
        t = self._theta(theta)
        self._require_memory(8 << self.num_qubits, "probabilities")
        p = self._core.probabilities(t)
        return self.noise_model.apply_readout(p) if readout and self._readout else p

    def _require_memory(self, extra: int, what: str) -> None:
        """Every call allocates one state; some need `extra` bytes more (ValueError if short)."""
        require_memory(self.state_bytes + extra, f"{what} of a {self.num_qubits}-qubit {self.method} state")

    @property
    def _readout(self) -> bool:
        return self.noise_model is not None and self.noise_model.has_readout

    def sample(self, theta=None, shots: int = 1024, seed: int | None = None) -> Samples:
        """Draws ``shots`` measurements in the computational basis, readout error included;
        reproducible for a seed."""
        t = self._theta(theta)
        shots = integer("shots", shots, minimum=0)
        if seed is None:
            seed = self.seed if self.seed is not None else int(np.random.SeedSequence().entropy % 2**63)
        seed = integer("seed", seed, minimum=0)
        self._require_memory((8 << self.num_qubits) + 16 * shots, "sampling")
        indices = self._core.sample(t, shots, seed % 2**64)
        if self._readout:
            indices = self.noise_model.apply_readout_to_samples(indices, self.num_qubits, np.random.default_rng(seed))
        return Samples(indices, counts_from_indices(indices, self.num_qubits))

    def expectation(self, theta, observable, *, readout: bool = False, shots: int | None = None,
                    seed: int | None = None):
        """<O> at theta: a float for one observable, an array for a list of them; the
        state's own value. With ``readout=True``, diagonal observables (Z-only PauliSums,
        DiagonalObservables) are averaged over the measured distribution
        ``probabilities(theta, readout=True)``. With ``shots``, the estimate a device would
        give, readout error included whatever ``readout`` says: each qubit-wise commuting
        group of Pauli terms measured in its basis with ``shots`` shots (qsim.shots),
        reproducible for a seed. (The readout rule: module docstring.)"""
        if shots is None and not readout and type(observable) in _SINGLE:  # the variational loop's call
            if not (type(theta) is np.ndarray and theta.ndim == 1 and theta.dtype == _FLOAT64):
                theta = self._theta(theta)  # (the C++ side checks the length and finiteness)
            return self._core.expectation_value(theta, observable._core_observable())
        if shots is not None:
            if self._shots is None:
                self._shots = ShotEstimator(self)
            single = isinstance(observable, (PauliSum, DiagonalObservable))
            _core_observables(observable)  # type checks
            items = [observable] if single else list(observable)
            seeds = np.random.SeedSequence(seed).generate_state(len(items), dtype=np.uint64)
            values = np.array([self._shots.estimate(theta, o, shots, int(s) % 2**63) for o, s in zip(items, seeds)])
            return float(values[0]) if single else values
        if readout:
            p = self.probabilities(theta, readout=True)
            single = isinstance(observable, (PauliSum, DiagonalObservable))
            values = np.array([p @ _diagonal_values(o) for o in ([observable] if single else observable)])
            return float(values[0]) if single else values
        t = self._theta(theta)
        obs, single = _core_observables(observable)
        values = self._core.expectation(t, obs)
        return float(values[0]) if single else values

    def expectation_with_error(self, theta, observable):
        """(mean, standard error) of <O> over the trajectories ("trajectories" method only):
        floats for one observable, arrays for a list."""
        t = self._theta(theta)
        obs, single = _core_observables(observable)
        mean, error = self._core.expectation_with_error(t, obs)
        return (float(mean[0]), float(error[0])) if single else (mean, error)

    def value_and_gradient(self, theta, observable, method: str | None = None) -> tuple[float, np.ndarray]:
        """(<O>, d<O>/dtheta) at theta. method: "adjoint" (statevector and ptm: one forward
        and one backward pass whatever the number of parameters; the noisy ptm replays its
        forward states from checkpoints, about 2 sqrt(ops) states of memory) or
        "parameter_shift" (every method; exact shift rules, all shifted points in one batch).
        Default: adjoint for statevector and ptm, parameter shift otherwise."""
        t = self._theta(theta)
        obs, single = _core_observables(observable)
        if not single:
            raise TypeError("gradients take one observable, not a list")
        method = method or ("adjoint" if self._method.adjoint else "parameter_shift")
        if method == "adjoint":
            if not self._method.adjoint:
                adjoint = either(m.name for m in METHODS.values() if m.adjoint)
                raise ValueError(f"adjoint gradients need the {adjoint} method, not {self.method!r}; use parameter_shift")
            value, grad = self._core.adjoint_gradient(t, obs[0])
            return float(value), grad
        if method != "parameter_shift":
            raise ValueError(f"gradient method must be 'adjoint' or 'parameter_shift', got {method!r}")
        if self._shift is None:
            self._shift = ParameterShift(self)
        return self._shift.value_and_gradient(t, observable)

    def gradient(self, theta, observable, method: str | None = None) -> np.ndarray:
        """d<O>/dtheta at theta (see value_and_gradient)."""
        return self.value_and_gradient(theta, observable, method)[1]

    def expectation_batch(self, thetas, observable) -> np.ndarray:
        """<O> for each row of ``thetas`` (shape (batch, num_parameters)) in one call: shape
        (batch,) for one observable, (batch, len(list)) for a list."""
        t = self._thetas(thetas)
        obs, single = _core_observables(observable)
        values = self._core.expectation_batch(t, obs)
        return values[:, 0] if single else values
