// pybind11 bindings of the qsim core: conversions between numpy and C++, and the GIL
// released around every call into the kernels. No simulation logic lives here.
#include <pybind11/complex.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include "circuit_spec.h"
#include "cvar.h"
#include "dispatch.h"
#include "interrupt.h"
#include "methods.h"
#include "observables.h"
#include "parallel.h"
#include "program.h"
#include "state_memory.h"

namespace py = pybind11;
using namespace qsim;

namespace {

template <typename T>
using carray = py::array_t<T, py::array::c_style | py::array::forcecast>;

template <typename T>
std::vector<T> to_vector(const carray<T>& a) {
  return std::vector<T>(a.data(), a.data() + a.size());
}

// The interrupt hook (interrupt.h): with the GIL held briefly, runs Python's pending signal
// handlers; when one raised (KeyboardInterrupt on Ctrl-C) its exception is kept for the
// translator, which sets it when Interrupted reaches this module.
struct PendingError {
  PyObject* type = nullptr;
  PyObject* value = nullptr;
  PyObject* traceback = nullptr;
};
thread_local PendingError t_pending;

bool python_signal_raised() {
  const PyGILState_STATE gil = PyGILState_Ensure();
  const bool raised = PyErr_CheckSignals() != 0;
  if (raised) {
    PendingError& e = t_pending;
    PyErr_Fetch(&e.type, &e.value, &e.traceback);  // owned until restored
  }
  PyGILState_Release(gil);
  return raised;
}

void restore_signal_error() {
  PendingError& e = t_pending;
  if (e.type != nullptr) {
    PyErr_Restore(e.type, e.value, e.traceback);  // steals the references
    e = PendingError{};
  } else {
    PyErr_SetNone(PyExc_KeyboardInterrupt);
  }
}

Angle make_angle(int param, double coeff, double offset) { return Angle{param, coeff, offset}; }

const double* theta_ptr(const carray<double>& theta, unsigned num_parameters) {
  if (theta.ndim() != 1 || size_t(theta.size()) != num_parameters)  // (the message is built only on failure)
    throw std::invalid_argument("theta must have " + std::to_string(num_parameters) + " values, got " +
                                std::to_string(theta.size()));
  return theta.data();
}

// The state a program returns: complex amplitudes (2^n), the density matrix as a (2^n, 2^n)
// array (a transposed view of the column-stacked vector, no copy), or 4^n real Pauli
// coefficients.
template <typename FP>
py::array state_array(const Program<FP>& p, FP* values) {
  py::capsule owner(values, [](void* v) { std::free(v); });  // allocated by new_state
  const py::ssize_t d = py::ssize_t(p.dimension());
  using C = std::complex<FP>;
  const C* data = reinterpret_cast<const C*>(values);
  switch (p.state_kind()) {
    case StateKind::kPauli:
      return py::array_t<FP>({d * d}, {py::ssize_t(sizeof(FP))}, values, owner);
    case StateKind::kPure:
      return py::array_t<C>({d}, {py::ssize_t(sizeof(C))}, data, owner);
    case StateKind::kDensity:
      break;
  }
  // v[i + d j] = rho[i, j]: rho's row index has stride 1, its column index stride d
  return py::array_t<C>({d, d}, {py::ssize_t(sizeof(C)), py::ssize_t(sizeof(C)) * d}, data, owner);
}

template <typename FP>
void bind_program(py::module_& m, const char* name) {
  using P = Program<FP>;
  py::class_<P>(m, name)
      .def(py::init([](const std::string& method, CircuitSpec spec, unsigned max_fused, std::uint64_t trajectories,
                       std::uint64_t seed) {
             return new P(method, std::move(spec), max_fused, trajectories, seed);
           }),
           py::arg("method"), py::arg("spec"), py::arg("max_fused_qubits"), py::arg("trajectories") = 0,
           py::arg("seed") = 0)
      .def("expectation_with_error",
           [](const P& p, const carray<double>& theta, const ObservableList& obs) {
             const double* t = theta_ptr(theta, p.num_parameters());
             py::array_t<double> mean(obs.size()), error(obs.size());
             double* m = mean.mutable_data();
             double* e = error.mutable_data();
             {
               py::gil_scoped_release release;
               p.expectation_with_error(t, obs, m, e);
             }
             return py::make_tuple(mean, error);
           })
      .def_property_readonly("num_qubits", &P::num_qubits)
      .def_property_readonly("num_parameters", &P::num_parameters)
      .def_property_readonly("num_gates", &P::num_gates)
      .def_property_readonly("num_blocks", &P::num_blocks)
      .def("run",
           [](const P& p, const carray<double>& theta) {
             const double* t = theta_ptr(theta, p.num_parameters());
             StatePtr<FP> state = new_state<FP>(p.state_values());
             {
               py::gil_scoped_release release;
               p.run(t, state.get());
             }
             return state_array(p, state.release());
           })
      .def("probabilities",
           [](const P& p, const carray<double>& theta) {
             const double* t = theta_ptr(theta, p.num_parameters());
             py::array_t<double> out(p.dimension());
             double* o = out.mutable_data();
             py::gil_scoped_release release;
             p.probabilities(t, o);
             return out;
           })
      .def("sample",
           [](const P& p, const carray<double>& theta, std::uint64_t shots, std::uint64_t seed) {
             const double* t = theta_ptr(theta, p.num_parameters());
             py::array_t<std::uint64_t> out(shots);
             std::uint64_t* o = out.mutable_data();
             py::gil_scoped_release release;
             p.sample(t, shots, seed, o);
             return out;
           })
      .def("expectation",
           [](const P& p, const carray<double>& theta, const ObservableList& obs) {
             const double* t = theta_ptr(theta, p.num_parameters());
             py::array_t<double> out(obs.size());
             double* o = out.mutable_data();
             py::gil_scoped_release release;
             p.expectation(t, obs, o);
             return out;
           })
      .def("expectation_value",  // one observable, a float back: the variational loop's call
           [](const P& p, const carray<double>& theta, const std::shared_ptr<const Observable>& obs) {
             const double* t = theta_ptr(theta, p.num_parameters());
             const ObservableList list{obs};
             double value = 0.0;
             py::gil_scoped_release release;
             p.expectation(t, list, &value);
             return value;
           })
      .def("adjoint_gradient",
           [](const P& p, const carray<double>& theta, const std::shared_ptr<const Observable>& obs) {
             const double* t = theta_ptr(theta, p.num_parameters());
             require(obs != nullptr, "observable is None");
             py::array_t<double> grad(p.num_parameters());
             double* g = grad.mutable_data();
             double value = 0.0;
             {
               py::gil_scoped_release release;
               p.adjoint_gradient(t, *obs, &value, g);
             }
             return py::make_tuple(value, grad);
           })
      .def("expectation_batch", [](const P& p, const carray<double>& thetas, const ObservableList& obs) {
        require(thetas.ndim() == 2 && size_t(thetas.shape(1)) == p.num_parameters(),
                "thetas must have shape (batch, " + std::to_string(p.num_parameters()) + ")");
        const size_t batch = size_t(thetas.shape(0));
        py::array_t<double> out({batch, obs.size()});
        double* o = out.mutable_data();
        const double* t = thetas.data();
        py::gil_scoped_release release;
        p.expectation_batch(t, batch, obs, o);
        return out;
      });
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "qsim C++ core: statevector kernels, gate fusion and compiled programs";

  set_interrupt_hook(&python_signal_raised);
  py::register_exception_translator([](std::exception_ptr e) {
    try {
      if (e) std::rethrow_exception(e);
    } catch (const Interrupted&) {
      restore_signal_error();
    }
  });

  py::class_<CircuitSpec>(m, "CircuitSpec")
      .def(py::init([](unsigned n, unsigned p) {
             CircuitSpec s;
             s.num_qubits = n;
             s.num_parameters = p;
             return s;
           }),
           py::arg("num_qubits"), py::arg("num_parameters"))
      .def_readonly("num_qubits", &CircuitSpec::num_qubits)
      .def_readonly("num_parameters", &CircuitSpec::num_parameters)
      .def("__len__", [](const CircuitSpec& s) { return s.gates.size(); })
      .def("add_matrix",
           [](CircuitSpec& s, std::vector<unsigned> qubits, const carray<cplx>& matrix) {
             s.add_matrix(std::move(qubits), to_vector(matrix));
           })
      .def("add_diagonal",
           [](CircuitSpec& s, std::vector<unsigned> qubits, const carray<cplx>& diagonal) {
             s.add_diagonal(std::move(qubits), to_vector(diagonal));
           })
      .def("add_parametric",
           [](CircuitSpec& s, std::vector<unsigned> qubits, const carray<double>& eigenvalues,
              const carray<cplx>& projectors, int param, double coeff, double offset) {
             s.add_parametric(std::move(qubits), to_vector(eigenvalues), to_vector(projectors),
                              make_angle(param, coeff, offset));
           })
      .def("add_channel",
           [](CircuitSpec& s, std::vector<unsigned> qubits, const carray<cplx>& kraus, const carray<double>& mixture) {
             s.add_channel(std::move(qubits), to_vector(kraus), to_vector(mixture));
           })
      .def("add_phase_vector", [](CircuitSpec& s, const carray<double>& values, int param, double coeff,
                                  double offset) { s.add_phase_vector(to_vector(values), make_angle(param, coeff, offset)); });

  py::class_<Observable, std::shared_ptr<Observable>>(m, "Observable")
      .def_property_readonly("num_qubits", &Observable::num_qubits);
  py::class_<PauliSumObservable, Observable, std::shared_ptr<PauliSumObservable>>(m, "PauliSumObservable")
      .def(py::init([](unsigned n, const carray<std::uint64_t>& x, const carray<std::uint64_t>& z,
                       const carray<double>& coeff) {
        return std::make_shared<PauliSumObservable>(n, to_vector(x), to_vector(z), to_vector(coeff));
      }));
  py::class_<DiagonalObservable, Observable, std::shared_ptr<DiagonalObservable>>(m, "DiagonalObservable")
      .def(py::init([](const carray<double>& values) { return std::make_shared<DiagonalObservable>(to_vector(values)); }));

  bind_program<double>(m, "ProgramF64");
  bind_program<float>(m, "ProgramF32");

  m.def(
      "cvar",
      [](const carray<double>& values, const carray<double>& p, double alpha) {
        require(values.size() == p.size(), "values and probabilities must have the same length");
        const double* v = values.data();
        const double* q = p.data();
        py::gil_scoped_release release;
        return cvar(v, q, size_t(values.size()), alpha);
      },
      py::arg("values"), py::arg("probabilities"), py::arg("alpha"));
  m.def(
      "cvar_of_samples",
      [](const carray<double>& values, const carray<std::uint64_t>& indices, double alpha) {
        const double* v = values.data();
        const std::uint64_t* i = indices.data();
        py::gil_scoped_release release;
        return cvar_of_samples(v, size_t(values.size()), i, size_t(indices.size()), alpha);
      },
      py::arg("values"), py::arg("indices"), py::arg("alpha"));
  m.def("set_num_threads", &set_num_threads, py::arg("n"));
  m.def("get_num_threads", &num_threads);
  m.def("simd_isa", &current_isa);
  m.def("available_isas", &available_isas);
  m.def("set_simd", &set_isa, py::arg("name"));
  m.attr("MAX_BLOCK_QUBITS") = kMaxBlockQubits;
  m.attr("RUNNERS") = py::tuple(py::cast(method_names()));  // the methods with a runner, in registry order
}
