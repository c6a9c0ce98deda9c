#!/usr/bin/python3
"""Golden values for the optimizers and gradient clipping, from PyTorch.

For each optimizer setting this script takes two parameters of fixed values,
a fixed sequence of gradients (one per step) and runs PyTorch's optimizer in
float64, recording the parameters after every step. For gradient clipping it
records, for a few sets of gradients and thresholds, the norm that
clip_grad_norm_ returns and the gradients after clipping. OptimizerGoldenTest
replays the same steps with the Java optimizers and compares every number.

Usage (Debian's interpreter, which has the python3-torch package):

    /usr/bin/python3 src/test/python/make_golden_optim.py          # rewrite
    /usr/bin/python3 src/test/python/make_golden_optim.py --check  # compare

The output depends only on the seeds below and on PyTorch: running the script
twice gives identical bytes. --check exits with status 1 if the committed
file differs from what the script writes now.

Layout of optim.json
--------------------
    {"generator": "...", "torch_version": "...",
     "optimizers": [
       {"name": "sgd_momentum",        a name for the case
        "optimizer": "SGD",            SGD, Adam or AdamW
        "settings": {"lr": ..., ...},  the constructor's arguments
        "initial": {"w": [[...]], "b": [[...]]},   parameters before step 1
        "grads": [{"w": ..., "b": ...}, ...],      the gradient at step t
        "after": [{"w": ..., "b": ...}, ...]},     parameters after step t
       ...],
     "clipping": [
       {"name": "...", "max_norm": 1.0,
        "grads": {"w": ..., "b": ...},             before clipping
        "norm": 2.3,                               what clip_grad_norm_ returns
        "clipped": {"w": ..., "b": ...}},          after clipping
       ...]}

Parameters and gradients are 2-D (lists of rows), in the order w (2x3), b
(1x3). Settings use the Java names: lr, momentum, weight_decay, beta1, beta2,
eps. Numbers are written with Python's repr, which reads back to the same
double.
"""

import argparse
import json
import sys
import zlib
from pathlib import Path

from reference_blas import use_reference_blas

use_reference_blas()  # before torch: the golden values use the reference BLAS

import torch  # noqa: E402

GOLDEN = (Path(__file__).resolve().parents[2]
          / "main/resources/golden/optim.json")

F64 = torch.float64
SHAPES = {"w": (2, 3), "b": (1, 3)}
STEPS = 4

GENERATOR = ("torch.Generator().manual_seed(zlib.crc32(b'NAME')) per case;"
             " initial values uniform in [-1, 1), then one gradient per step"
             " uniform in [-1, 1) times the case's gradient scale")

# (name, optimizer, settings, gradient scale)
OPTIMIZERS = [
    ("sgd_plain", "SGD", {"lr": 0.1, "momentum": 0.0, "weight_decay": 0.0},
     1.0),
    ("sgd_momentum", "SGD",
     {"lr": 0.05, "momentum": 0.9, "weight_decay": 0.01}, 1.0),
    ("adam_default", "Adam",
     {"lr": 0.001, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
      "weight_decay": 0.0}, 1.0),
    ("adam_l2", "Adam",
     {"lr": 0.01, "beta1": 0.8, "beta2": 0.95, "eps": 1e-6,
      "weight_decay": 0.1}, 1.0),
    # gradients near eps: eps visibly changes the step
    ("adam_small_grads", "Adam",
     {"lr": 0.1, "beta1": 0.9, "beta2": 0.98, "eps": 1e-4,
      "weight_decay": 0.0}, 1e-4),
    ("adamw_decay", "AdamW",
     {"lr": 0.01, "beta1": 0.9, "beta2": 0.999, "eps": 1e-8,
      "weight_decay": 0.1}, 1.0),
    ("adamw_strong_decay", "AdamW",
     {"lr": 0.1, "beta1": 0.5, "beta2": 0.9, "eps": 1e-8,
      "weight_decay": 0.5}, 1.0),
]

# (name, max_norm, gradient scale): the first is below the threshold
CLIPPING = [
    ("below_threshold", 10.0, 1.0),
    ("above_threshold", 1.0, 1.0),
    ("far_above", 0.5, 100.0),
    ("all_zero", 1.0, 0.0),
]


def rows(t):
    assert t.dim() == 2, t.shape
    return [[float(v) for v in row] for row in t.tolist()]


def uniform(g, shape):
    return -1.0 + 2.0 * torch.rand(shape, generator=g, dtype=F64)


def make_optimizer(kind, params, s):
    if kind == "SGD":
        return torch.optim.SGD(params, lr=s["lr"], momentum=s["momentum"],
                               weight_decay=s["weight_decay"])
    betas = (s["beta1"], s["beta2"])
    cls = torch.optim.Adam if kind == "Adam" else torch.optim.AdamW
    return cls(params, lr=s["lr"], betas=betas, eps=s["eps"],
               weight_decay=s["weight_decay"])


def optimizer_case(name, kind, settings, scale):
    g = torch.Generator().manual_seed(zlib.crc32(name.encode("ascii")))
    params = {k: torch.nn.Parameter(uniform(g, shape))
              for k, shape in SHAPES.items()}
    initial = {k: rows(p.detach()) for k, p in params.items()}
    optimizer = make_optimizer(kind, list(params.values()), settings)
    grads, after = [], []
    for _ in range(STEPS):
        step_grads = {k: scale * uniform(g, shape)
                      for k, shape in SHAPES.items()}
        optimizer.zero_grad()
        for k, p in params.items():
            p.grad = step_grads[k].clone()
        optimizer.step()
        grads.append({k: rows(v) for k, v in step_grads.items()})
        after.append({k: rows(p.detach()) for k, p in params.items()})
    return {"name": name, "optimizer": kind, "settings": settings,
            "initial": initial, "grads": grads, "after": after}


def clipping_case(name, max_norm, scale):
    g = torch.Generator().manual_seed(zlib.crc32(name.encode("ascii")))
    params = {k: torch.nn.Parameter(uniform(g, shape))
              for k, shape in SHAPES.items()}
    for k, p in params.items():
        p.grad = scale * uniform(g, SHAPES[k])
    before = {k: rows(p.grad) for k, p in params.items()}
    norm = torch.nn.utils.clip_grad_norm_(list(params.values()), max_norm)
    return {"name": name, "max_norm": max_norm, "grads": before,
            "norm": float(norm),
            "clipped": {k: rows(p.grad) for k, p in params.items()}}


def generate():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    optimizers = [optimizer_case(*c) for c in OPTIMIZERS]
    clipping = [clipping_case(*c) for c in CLIPPING]
    assert clipping[0]["norm"] < clipping[0]["max_norm"]
    assert clipping[1]["norm"] > clipping[1]["max_norm"]
    header = {"generator": GENERATOR, "torch_version": torch.__version__}
    lines = [json.dumps(header)[:-1] + ', "optimizers": [']
    for i, c in enumerate(optimizers):
        sep = "," if i < len(optimizers) - 1 else ""
        lines.append(json.dumps(c) + sep)
    lines.append('], "clipping": [')
    for i, c in enumerate(clipping):
        sep = "," if i < len(clipping) - 1 else ""
        lines.append(json.dumps(c) + sep)
    lines.append("]}")
    return "\n".join(lines) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true",
                        help="compare with the committed file, write nothing")
    parser.add_argument("--out", type=Path, default=GOLDEN,
                        help=f"where to write (default {GOLDEN})")
    args = parser.parse_args()
    text = generate()
    if args.check:
        committed = args.out.read_text(encoding="utf-8")
        if committed != text:
            print(f"{args.out} is not what this script writes now",
                  file=sys.stderr)
            return 1
        print(f"{args.out} matches, torch {torch.__version__}")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {len(OPTIMIZERS)} optimizer cases of {STEPS}"
          f" steps, {len(CLIPPING)} clipping cases, torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
