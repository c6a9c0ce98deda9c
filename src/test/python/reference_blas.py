"""Makes the golden-value scripts use the reference BLAS, whatever the machine's default.

Debian's PyTorch does its matrix products through libblas.so.3, which is an
alternative: the reference BLAS of the libblas3 package, or OpenBLAS when
libopenblas0 is installed (it takes over the link). The two round
differently, so golden values written with one differ in their last bits
from the other's, and a byte-for-byte --check would fail on a machine that
has OpenBLAS. The golden values are defined with the reference BLAS: every
golden script calls use_reference_blas() before importing torch, which, if
the reference library is on the machine and not yet in use, runs the script
again in a new process whose LD_LIBRARY_PATH puts its folder first (the
dynamic linker searches LD_LIBRARY_PATH before the machine's links). The
benchmark script does not call it: it wants the fastest BLAS there is.
"""
import os
import sys

FOLDERS = ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu")
MARK = "SCRATCHFORMER_REFERENCE_BLAS"


def reference_folders():
    """The reference BLAS and LAPACK folders on this machine, or []."""
    for root in FOLDERS:
        blas = os.path.join(root, "blas")
        lapack = os.path.join(root, "lapack")
        if os.path.exists(os.path.join(blas, "libblas.so.3")):
            return [blas] + ([lapack] if os.path.isdir(lapack) else [])
    return []


def use_reference_blas():
    """Re-runs this script with the reference BLAS first, once."""
    if os.environ.get(MARK):
        return
    folders = reference_folders()
    if not folders:
        return  # not Debian's layout: the machine's only BLAS is used
    env = dict(os.environ)
    env[MARK] = "1"
    env["LD_LIBRARY_PATH"] = os.pathsep.join(
        folders + [p for p in env.get("LD_LIBRARY_PATH", "").split(os.pathsep)
                   if p])
    os.execve(sys.executable, [sys.executable] + sys.argv, env)


def blas_in_use():
    """The libblas.so.3 this process has loaded, once torch is imported."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            if "libblas.so" in line or "libopenblas" in line:
                return os.path.realpath(line.split()[-1])
    return "unknown"
