#!/usr/bin/python3
"""Scratchformer's `bench` command and PyTorch on the same workload, side by side.

The workload is chapter 13's (org.scratchformer.fast.Workload): 768 token rows
(64 sentences x 12), d_model 128, d_ff 512, vocabulary 40, four blocks of
[three Linear(128, 128) summed -> residual -> LayerNorm -> FeedForward(128 ->
512 -> 128, ReLU) -> residual -> LayerNorm], Linear(128, 40), cross-entropy with
label smoothing 0.1, backward, Adam (lr 1e-3). 3.35 GFLOP of products a step.

Usage (Debian's interpreter, which has the python3-torch package), from the
project root, on a machine doing nothing else if you can:

    /usr/bin/python3 src/test/python/bench_side_by_side.py [--rounds 5]
        [--steps 30] [--warmup 10] [--calibration-steps 5]
        [--torch-setting T,B]   # skip step 2 below

What it does:
1. builds the classes and writes the class path (mvn -B -q -o compile
   dependency:build-classpath);
2. calibrates PyTorch: every thread setting (torch intra-op threads and
   OPENBLAS_NUM_THREADS: 1/1, 1/2, 2/2), each with OPENBLAS_CORETYPE and
   OPENBLAS_L2_SIZE as the environment has them and the other way: unset
   when they are set (OpenBLAS then picks kernels for the CPU it finds),
   OPENBLAS_CORETYPE=Haswell when they are not (OpenBLAS 0.3.21 predates
   some CPUs and may fall back to slow kernels). The variables are changed
   only in the PyTorch subprocess. The fastest setting is kept, for float64
   and float32 separately;
3. runs `scratchformer bench` and the two PyTorch runs in turn, --rounds
   times, each in a fresh process, and prints every run, the medians of the
   runs' median steps/s and of their CPU time per step, and the ratios.

Each run reports the median wall-clock time of its timed steps and the CPU
time of its whole process per step; a round is one run of each. Alternating
rounds share whatever else the machine is doing. On a machine shared with
other work the CPU time per step is the steadier of the two: it counts the
work done, not the time spent waiting for a core.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

ROWS, WIDTH, HIDDEN, VOCAB, BLOCKS = 64 * 12, 128, 512, 40, 4
FLOPS = 6 * ROWS * (BLOCKS * (3 * WIDTH * WIDTH + 2 * WIDTH * HIDDEN)
                    + WIDTH * VOCAB)
OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def torch_worker(dtype_name, threads, steps, warmup):
    """Runs in a subprocess: times PyTorch steps, prints JSON."""
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_num_threads(threads)
    dtype = getattr(torch, dtype_name)
    torch.manual_seed(1)

    class Block(nn.Module):
        def __init__(self):
            super().__init__()
            self.q = nn.Linear(WIDTH, WIDTH)
            self.k = nn.Linear(WIDTH, WIDTH)
            self.v = nn.Linear(WIDTH, WIDTH)
            self.norm1 = nn.LayerNorm(WIDTH)
            self.ff = nn.Sequential(nn.Linear(WIDTH, HIDDEN), nn.ReLU(),
                                    nn.Linear(HIDDEN, WIDTH))
            self.norm2 = nn.LayerNorm(WIDTH)

        def forward(self, x):
            s = self.q(x) + self.k(x) + self.v(x)
            h = self.norm1(x + s)
            return self.norm2(h + self.ff(h))

    model = nn.Sequential(*[Block() for _ in range(BLOCKS)],
                          nn.Linear(WIDTH, VOCAB)).to(dtype)
    x = torch.randn(ROWS, WIDTH, dtype=dtype)
    targets = torch.randint(0, VOCAB, (ROWS,))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(x), targets, label_smoothing=0.1)
        loss.backward()
        optimizer.step()
        return loss.item()

    for _ in range(warmup):
        step()
    seconds = []
    cpu_start = time.process_time()
    for _ in range(steps):
        start = time.perf_counter()
        step()
        seconds.append(time.perf_counter() - start)
    cpu = (time.process_time() - cpu_start) / steps
    print(json.dumps({"median_seconds": statistics.median(seconds),
                      "cpu_seconds": cpu}))


def blas_in_use():
    """The BLAS library Debian's PyTorch loads: the libblas.so.3 alternative
    (reference BLAS from libblas3 unless OpenBLAS is installed)."""
    for folder in ("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu"):
        path = os.path.join(folder, "libblas.so.3")
        if os.path.exists(path):
            return os.path.realpath(path)
    return "unknown"


def torch_run(dtype, setting, steps, warmup):
    env = dict(os.environ)
    for name, value in setting["env"].items():
        if value is None:
            env.pop(name, None)
        else:
            env[name] = value
    env["OPENBLAS_NUM_THREADS"] = str(setting["blas"])
    env["OMP_NUM_THREADS"] = str(setting["torch"])
    out = subprocess.run(
        [sys.executable, __file__, "--torch-worker", dtype,
         "--threads", str(setting["torch"]), "--steps", str(steps),
         "--warmup", str(warmup)],
        env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    return 1 / result["median_seconds"], result["cpu_seconds"]


def java_run(classpath, steps, warmup):
    out = subprocess.run(
        ["java", "--add-modules", "jdk.incubator.vector", "-cp", classpath,
         "org.scratchformer.cli.Main", "bench", "--steps", str(steps),
         "--warmup", str(warmup)],
        check=True, capture_output=True, text=True).stdout
    values = {}
    for line in out.splitlines():
        key, _, rest = line.partition(" ")
        values[key] = rest.strip()
    return (float(values["steps/s"].split()[0]),
            float(values["CPU"].split()[0]), values)


def settings():
    """Thread settings x OpenBLAS core type: as the environment has it, and
    the other way (unset when it is set; Haswell when it is not, since
    OpenBLAS 0.3.21 may not know a newer CPU and fall back to slow kernels)."""
    if any(v in os.environ for v in OPENBLAS_VARIABLES):
        variants = [{}, {v: None for v in OPENBLAS_VARIABLES}]
    else:
        variants = [{}, {"OPENBLAS_CORETYPE": "Haswell"}]
    return [{"torch": t, "blas": b, "env": env}
            for env in variants for t, b in ((1, 1), (1, 2), (2, 2))]


def describe(setting):
    text = "torch threads %d, OPENBLAS_NUM_THREADS %d" % (
        setting["torch"], setting["blas"])
    for name, value in setting["env"].items():
        text += ", %s %s" % (name, "unset" if value is None else value)
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--calibration-steps", type=int, default=5)
    parser.add_argument("--torch-setting", metavar="T,B",
                        help="skip the calibration: torch threads T and"
                        " OPENBLAS_NUM_THREADS B, OpenBLAS variables as set")
    parser.add_argument("--threads", type=int, default=1,
                        help=argparse.SUPPRESS)  # the worker's
    parser.add_argument("--torch-worker", metavar="DTYPE")
    args = parser.parse_args()
    if args.torch_worker:
        torch_worker(args.torch_worker, args.threads, args.steps,
                     args.warmup)
        return

    subprocess.run(["mvn", "-B", "-q", "-o", "compile",
                    "dependency:build-classpath",
                    "-Dmdep.outputFile=target/bench-classpath.txt"],
                   check=True)
    with open("target/bench-classpath.txt") as f:
        classpath = "target/classes" + os.pathsep + f.read().strip()

    best = {}
    if args.torch_setting:
        t, b = (int(v) for v in args.torch_setting.split(","))
        best = {d: {"torch": t, "blas": b, "env": {}}
                for d in ("float64", "float32")}
    for dtype in () if best else ("float64", "float32"):
        trials = [(torch_run(dtype, s, args.calibration_steps,
                             args.calibration_steps)[0], s)
                  for s in settings()]
        for rate, s in trials:
            print("calibration %-8s %6.2f steps/s  %s" % (
                dtype, rate, describe(s)))
        best[dtype] = max(trials, key=lambda t: t[0])[1]
    print("PyTorch's BLAS: %s" % blas_in_use())
    for dtype in ("float64", "float32"):
        print("PyTorch %s runs with %s" % (dtype, describe(best[dtype])))

    rates = {"scratchformer": [], "float64": [], "float32": []}
    cpus = {"scratchformer": [], "float64": [], "float32": []}
    for round_number in range(1, args.rounds + 1):
        rate, cpu, report = java_run(classpath, args.steps, args.warmup)
        rates["scratchformer"].append(rate)
        cpus["scratchformer"].append(cpu)
        for dtype in ("float64", "float32"):
            rate, cpu = torch_run(dtype, best[dtype], args.steps, args.warmup)
            rates[dtype].append(rate)
            cpus[dtype].append(cpu)
        print("round %d, steps/s (CPU s per step): scratchformer %.2f (%.3f;"
              " %s, %s), PyTorch float64 %.2f (%.3f), float32 %.2f (%.3f)" % (
                  round_number, rates["scratchformer"][-1],
                  cpus["scratchformer"][-1], report.get("kernel", "?"),
                  report.get("allocated", "?"), rates["float64"][-1],
                  cpus["float64"][-1], rates["float32"][-1],
                  cpus["float32"][-1]))

    medians = {k: statistics.median(v) for k, v in rates.items()}
    cpu_medians = {k: statistics.median(v) for k, v in cpus.items()}
    print()
    print("medians over %d rounds (%d timed steps each, %.2f GFLOP per"
          " step; CPU: every thread of the process):" % (
              args.rounds, args.steps, FLOPS / 1e9))
    for name, label in (("scratchformer", "Scratchformer (float64)"),
                        ("float64", "PyTorch float64"),
                        ("float32", "PyTorch float32")):
        print("  %-24s %6.2f steps/s  %5.1f GFLOP/s  %.3f CPU s per step" % (
            label, medians[name], medians[name] * FLOPS / 1e9,
            cpu_medians[name]))
    for dtype in ("float64", "float32"):
        print("ratio Scratchformer / PyTorch %s: %.2fx in steps/s, %.2fx in"
              " CPU time per step" % (
                  dtype, medians["scratchformer"] / medians[dtype],
                  cpu_medians[dtype] / cpu_medians["scratchformer"]))


if __name__ == "__main__":
    main()
