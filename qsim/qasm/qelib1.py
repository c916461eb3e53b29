"""qelib1.inc, the standard OpenQASM 2 gate library, as qsim knows it.

``NATIVE`` lists the gates that map onto one qsim gate of the same matrix (as Qiskit's
standard gates: u1 and p are diag(1, e^{i lambda}), u2(phi, lambda) = u(pi/2, phi, lambda),
rz(t) = exp(-i t Z / 2), ...), including the built-in ``U`` and ``CX``. ``DEFINITIONS``
holds the remaining gates of qelib1.inc with their definitions from that file (Cross et
al., arXiv 1707.03429, and Qiskit's extended qelib1.inc; cu3 is written as its equal, cu
with gamma = 0, which has u1 and u3 replaced by p and u); the reader expands them.
"""

from __future__ import annotations

import math

_SAME = ("x", "y", "z", "h", "s", "sdg", "t", "tdg", "sx", "sxdg", "cx", "cy", "cz", "ch", "swap", "ccx", "cswap")
_SAME_ONE_ANGLE = ("rx", "ry", "rz", "p", "crx", "cry", "crz", "cp", "rxx", "rzz")
_QUBITS = {"cx": 2, "cy": 2, "cz": 2, "ch": 2, "swap": 2, "ccx": 3, "cswap": 3, "crx": 2, "cry": 2,
           "crz": 2, "cp": 2, "rxx": 2, "rzz": 2}

# name: (number of parameters, number of qubits, qsim gate or None, parameter map or None)
NATIVE: dict[str, tuple] = {
    **{g: (0, _QUBITS.get(g, 1), g, None) for g in _SAME},
    **{g: (1, _QUBITS.get(g, 1), g, None) for g in _SAME_ONE_ANGLE},
    "u3": (3, 1, "u", None),
    "u": (3, 1, "u", None),
    "u2": (2, 1, "u", lambda p: (math.pi / 2, p[0], p[1])),
    "u1": (1, 1, "p", None),
    "cu1": (1, 2, "cp", None),
    "id": (0, 1, None, None),
    "u0": (1, 1, None, None),
}

# the gates of the original qelib1.inc (arXiv 1707.03429); a program may redefine the others,
# which Qiskit added later, as Qiskit's parser (which knows only these) lets it
ORIGINAL = frozenset({"u3", "u2", "u1", "cx", "id", "x", "y", "z", "h", "s", "sdg", "t", "tdg", "rx", "ry", "rz",
                      "cz", "cy", "ch", "ccx", "crz", "cu1", "cu3"})

BUILTIN: dict[str, tuple] = {"U": (3, 1, "u", None), "CX": (0, 2, "cx", None)}

DEFINITIONS = """
gate csx a,b { h b; cu1(pi/2) a,b; h b; }
gate cu(theta,phi,lambda,gamma) c, t
{ p(gamma) c;
  p((lambda+phi)/2) c;
  p((lambda-phi)/2) t;
  cx c,t;
  u(-theta/2,0,-(phi+lambda)/2) t;
  cx c,t;
  u(theta/2,phi,0) t;
}
gate cu3(theta,phi,lambda) c, t { cu(theta,phi,lambda,0) c, t; }
gate rccx a,b,c
{
  u2(0,pi) c; u1(pi/4) c; cx b, c; u1(-pi/4) c; cx a, c; u1(pi/4) c; cx b, c; u1(-pi/4) c; u2(0,pi) c;
}
gate rc3x a,b,c,d
{
  u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d; cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d;
  cx a,d; u1(pi/4) d; cx b,d; u1(-pi/4) d; u2(0,pi) d; u1(pi/4) d; cx c,d; u1(-pi/4) d; u2(0,pi) d;
}
gate c3x a,b,c,d
{
  h d; p(pi/8) a; p(pi/8) b; p(pi/8) c; p(pi/8) d;
  cx a, b; p(-pi/8) b; cx a, b; cx b, c; p(-pi/8) c; cx a, c; p(pi/8) c; cx b, c; p(-pi/8) c; cx a, c;
  cx c, d; p(-pi/8) d; cx b, d; p(pi/8) d; cx c, d; p(-pi/8) d; cx a, d; p(pi/8) d; cx c, d; p(-pi/8) d;
  cx b, d; p(pi/8) d; cx c, d; p(-pi/8) d; cx a, d;
  h d;
}
gate c3sqrtx a,b,c,d
{
  h d; cu1(pi/8) a,d; h d; cx a,b; h d; cu1(-pi/8) b,d; h d; cx a,b; h d; cu1(pi/8) b,d; h d;
  cx b,c; h d; cu1(-pi/8) c,d; h d; cx a,c; h d; cu1(pi/8) c,d; h d; cx b,c; h d; cu1(-pi/8) c,d; h d;
  cx a,c; h d; cu1(pi/8) c,d; h d;
}
gate c4x a,b,c,d,e
{
  h e; cu1(pi/2) d,e; h e; c3x a,b,c,d; h e; cu1(-pi/2) d,e; h e; c3x a,b,c,d; c3sqrtx a,b,c,e;
}
"""
