#!/usr/bin/python3
"""Golden values for the op catalogue, computed by PyTorch.

For every op in the catalogue (the registry names of OpRegistry), this script
draws a few cases of inputs, runs PyTorch forward and backward in float64, and
writes inputs, upstream gradient, output and input gradients to
src/main/resources/golden/ops.json, a resource of the program (the gradcheck
command reads it from the classpath). GoldenValuesTest rebuilds each case with
the Java ops and compares, element by element.

Usage (Debian's interpreter, which has the python3-torch package):

    /usr/bin/python3 src/test/python/make_golden.py          # rewrite the file
    /usr/bin/python3 src/test/python/make_golden.py --check  # compare only
    /usr/bin/python3 src/test/python/make_golden.py --out F  # write F instead

--check regenerates into memory and compares with the committed file byte
for byte; it exits with status 1 and names the first differing case if they
differ. The output depends only on the seeds below and on PyTorch (one
thread, deterministic algorithms, the reference BLAS even where OpenBLAS is
installed: see reference_blas.py): running the script twice gives identical
bytes. To cover a new registry entry, add a line to OPS and rerun.

Cases
-----
Each case has its own generator, torch.Generator().manual_seed(seed) with
seed = zlib.crc32("OP:CASE"), so adding an op or a case changes no other case.
From it the script draws, in order, the inputs and then dY. All values are
float64 (torch.rand scaled to a range), in the domain the catalogue gives for
the op: [-1, 1) by default, [0.5, 2) for log, sqrt and pow, [-2, 2) for tanh,
softmax and log_softmax, [-3, 3) for sigmoid and gelu_tanh, [-5, 5) for
gelu_erf, |x| in [0.1, 1) with a random sign for relu, |b| in [0.5, 1) with
a random sign for the divisor of div. Constants: the mask of add_mask
(each element -inf with probability 0.3,
at least one 0 per row), the indices of gather_rows (integers in [0, V) stored
as floats, more indices than rows so that one repeats) and the mask of
dropout (0 with probability 0.25, else 1/(1 - 0.25) = 4/3). The registry's
fixed configuration is used: scale c = -1.5, pow p = 2.5, slices [1, n-1),
three inputs for concat_rows and concat_cols.

Ops that later chapters add to the registry (through OpSource) have cases
here too: layer_norm (chapter 6) normalises each row of X (R, C), C >= 2, with
eps = 1e-5 and the biased variance, then applies gain (1, C) drawn in
[0.5, 1.5) and bias (1, C) in [-1, 1); it is F.layer_norm with the gain and
bias flattened to (C,), so their gradients come back as (1, C).
linear and linear_relu (chapter 6) take X (N, in), W (in, out) and b (1, out)
in [-1, 1): torch.addmm(b, X, W), the bias broadcast over the rows, and its
relu.
cross_entropy and cross_entropy_smoothed (chapter 7) take logits (N, V) in
[-2, 2) and targets (N, 1), a constant of class indices stored as floats:
row 0 always counts, every other row is the ignore index with probability
0.3, and a counted row's class is drawn from the classes that are not the
ignore index. cross_entropy is F.cross_entropy with ignore_index=-100 and no
smoothing; cross_entropy_smoothed has ignore_index=0 (a padding id that is a
class) and label_smoothing=0.1. Both are the mean over the counted rows,
a 1x1 output.
batched_matmul_nt and batched_matmul (chapter 8) use the registry's fixed
3 sequences and 2 heads: A (3T, 2D) and B (3S, 2D), or A (3T, 2S) and
B (3S, 2D). PyTorch computes them the way it is usually written, reshaping
(B*T, H*D) to (B, H, T, D) and using batched @, which checks the Java
index arithmetic against an independent path.
head_softmax and fused_attention (chapter 9) use 2 sequences and 2 heads:
head_softmax takes X (R, 2S) in [-2, 2) and is softmax over the last axis
of the (R, 2, S) view; fused_attention takes Q (2T, 2D), K and V (2S, 2D)
and a mask (2T, S) drawn like add_mask's, and is written the usual way:
reshape, Q·Kᵀ/√D, masked_fill, softmax, times V, reshape back.

Semantics that need a word: add_mask is x.masked_fill(m == -inf, -inf), so a
masked position gets gradient 0 (adding -inf would pass dY through);
gelu_erf is F.gelu with approximate='none' (the exact form, PyTorch's
default) and gelu_tanh is F.gelu with approximate='tanh'; sum and mean give
a 1x1 matrix; sum_rows gives (R, 1) and sum_cols (1, C), as do the mean
variants.

Layout of ops.json
------------------
    {"generator": "...",            how the inputs were drawn (text)
     "torch_version": "...",        torch.__version__
     "cases": [
       {"op": "matmul",             registry name
        "case": 0,                  0, 1, 2, ... within the op
        "seed": 123,                the generator's seed for this case
        "inputs": [{"value": [[...], ...], "requires_grad": true}, ...],
        "dY": [[...]],              upstream gradient, the output's shape
        "output": [[...]],          PyTorch's forward result
        "grads": [[[...]], null]},  dL/dinput in input order; null for a
       ...]}                        constant (requires_grad false)

Every matrix is 2-D, a list of rows of numbers, even 1x1 ones. Numbers are
written with Python's repr (the shortest text that reads back to the same
double); minus infinity is written -Infinity. Each case is one line.
"""

import argparse
import json
import math
import sys
import zlib
from pathlib import Path

from reference_blas import use_reference_blas

use_reference_blas()  # before torch: the golden values use the reference BLAS

import torch  # noqa: E402
import torch.nn.functional as F

# a resource of the program: the gradcheck command reads it from the classpath
GOLDEN = (Path(__file__).resolve().parents[2]
          / "main/resources/golden/ops.json")

F64 = torch.float64
SCALE_C = -1.5
POW_P = 2.5
DROPOUT_P = 0.25
MASK_P = 0.3
LAYER_NORM_EPS = 1e-5
IGNORED_P = 0.3
PLAIN_IGNORE = -100
SMOOTHED_IGNORE = 0
SMOOTHING = 0.1

GENERATOR = ("torch.Generator().manual_seed(zlib.crc32(b'OP:CASE')) per"
             " case; torch.rand in float64 scaled to each op's domain;"
             " inputs first, then dY in [-1, 1)")


# --- drawing inputs -------------------------------------------------------

def uniform(g, shape, lo, hi):
    """Values uniform in [lo, hi)."""
    return lo + (hi - lo) * torch.rand(shape, generator=g, dtype=F64)


def values(g, shape):
    return uniform(g, shape, -1.0, 1.0)


def away_from_zero(g, shape, smallest):
    """|x| uniform in [smallest, 1), each sign with probability 1/2."""
    magnitude = uniform(g, shape, smallest, 1.0)
    negative = torch.rand(shape, generator=g, dtype=F64) < 0.5
    return torch.where(negative, -magnitude, magnitude)


def attention_mask(g, shape):
    """0 (keep) or -inf (masked), at least one 0 in every row."""
    rows, cols = shape
    masked = torch.rand(shape, generator=g, dtype=F64) < MASK_P
    kept = torch.randint(cols, (rows,), generator=g)
    masked[torch.arange(rows), kept] = False
    return torch.zeros(shape, dtype=F64).masked_fill(masked, -math.inf)


def dropout_mask(g, shape):
    """0 with probability p, else 1/(1-p): inverted dropout."""
    dropped = torch.rand(shape, generator=g, dtype=F64) < DROPOUT_P
    keep = torch.full(shape, 1.0 / (1.0 - DROPOUT_P), dtype=F64)
    return keep.masked_fill(dropped, 0.0)


def class_targets(g, n, v, ignore_index):
    """(N, 1) class indices as floats; rows after the first may be ignored."""
    ignored = torch.rand((n,), generator=g, dtype=F64) < IGNORED_P
    ignored[0] = False
    low = 1 if ignore_index == 0 else 0  # a class that is not ignored
    classes = torch.randint(low, v, (n,), generator=g).to(F64)
    targets = torch.where(ignored, torch.full((n,), float(ignore_index),
                                              dtype=F64), classes)
    return targets.reshape(n, 1)


def cross_entropy_inputs(ignore_index):
    return lambda g, n, v: [var(uniform(g, (n, v), -2.0, 2.0)),
                            const(class_targets(g, n, v, ignore_index))]


# chapter 8: B sequences stacked as rows, H heads as column blocks
BATCH = 3
HEADS = 2


def heads(x):
    """(B·T, H·D) -> (B, H, T, D): PyTorch's view of the same layout."""
    rows, cols = x.shape
    return x.reshape(BATCH, rows // BATCH, HEADS, cols // HEADS) \
        .permute(0, 2, 1, 3)


def unheads(x):
    """(B, H, T, D) -> (B·T, H·D), the inverse of heads."""
    b, h, t, d = x.shape
    return x.permute(0, 2, 1, 3).reshape(b * t, h * d)


# chapter 9's registry configuration
MH_BATCH = 2
MH_HEADS = 2


def fused_attention(q, k, v, m):
    """softmax(Q·Kᵀ/√D + M)·V per sequence and head, the usual way."""
    b, h = MH_BATCH, MH_HEADS
    t, s, d = q.shape[0] // b, k.shape[0] // b, q.shape[1] // h
    qh = q.reshape(b, t, h, d).permute(0, 2, 1, 3)
    kh = k.reshape(b, s, h, d).permute(0, 2, 1, 3)
    vh = v.reshape(b, s, h, d).permute(0, 2, 1, 3)
    scores = qh @ kh.transpose(-2, -1) / math.sqrt(d)
    masked = scores.masked_fill(m.reshape(b, 1, t, s) == -math.inf,
                                -math.inf)
    y = torch.softmax(masked, dim=-1) @ vh
    return y.permute(0, 2, 1, 3).reshape(b * t, h * d)


def var(t):
    return (t, True)


def const(t):
    return (t, False)


# --- the catalogue --------------------------------------------------------
# Each op: its registry name, a list of shape parameters (one per case), a
# function (generator, *params) -> [(tensor, requires_grad), ...] and the
# PyTorch function of those tensors.

SHAPES = [(1, 1), (1, 5), (4, 1), (3, 4)]


def unary(draw=values):
    return lambda g, r, c: [var(draw(g, (r, c)))]


def binary(draw_a=values, draw_b=values):
    return lambda g, r, c: [var(draw_a(g, (r, c))), var(draw_b(g, (r, c)))]


def in_range(lo, hi):
    return lambda g, shape: uniform(g, shape, lo, hi)


def concat_inputs(dim):
    def make(g, others, sizes):
        shapes = [(s, others) if dim == 0 else (others, s) for s in sizes]
        return [var(values(g, shape)) for shape in shapes]
    return make


def gather_inputs(g, v, c, n):
    table = values(g, (v, c))
    idx = torch.randint(v, (1, n), generator=g).to(F64)
    return [var(table), const(idx)]


OPS = [
    ("add", SHAPES, binary(), lambda a, b: a + b),
    ("sub", SHAPES, binary(), lambda a, b: a - b),
    ("mul", SHAPES, binary(), lambda a, b: a * b),
    ("div", SHAPES,
     binary(draw_b=lambda g, s: away_from_zero(g, s, 0.5)),
     lambda a, b: a / b),
    ("neg", SHAPES, unary(), lambda x: -x),
    ("scale", SHAPES, unary(), lambda x: SCALE_C * x),
    # (N, K, M)
    ("matmul", [(1, 1, 1), (1, 4, 1), (3, 1, 2), (4, 3, 5)],
     lambda g, n, k, m: [var(values(g, (n, k))), var(values(g, (k, m)))],
     lambda a, b: a @ b),
    ("matmul_nt", [(1, 1, 1), (1, 4, 1), (3, 1, 2), (4, 3, 5)],
     lambda g, n, k, m: [var(values(g, (n, k))), var(values(g, (m, k)))],
     lambda a, b: a @ b.T),
    ("matmul_tn", [(1, 1, 1), (1, 4, 1), (3, 1, 2), (4, 3, 5)],
     lambda g, n, k, m: [var(values(g, (k, n))), var(values(g, (k, m)))],
     lambda a, b: a.T @ b),
    ("transpose", SHAPES, unary(), lambda x: x.T),
    ("add_row", SHAPES,
     lambda g, r, c: [var(values(g, (r, c))), var(values(g, (1, c)))],
     lambda x, b: x + b),
    ("sum", SHAPES, unary(), lambda x: x.sum().reshape(1, 1)),
    ("sum_rows", SHAPES, unary(), lambda x: x.sum(dim=1, keepdim=True)),
    ("sum_cols", SHAPES, unary(), lambda x: x.sum(dim=0, keepdim=True)),
    ("mean", SHAPES, unary(), lambda x: x.mean().reshape(1, 1)),
    ("mean_rows", SHAPES, unary(), lambda x: x.mean(dim=1, keepdim=True)),
    ("mean_cols", SHAPES, unary(), lambda x: x.mean(dim=0, keepdim=True)),
    ("exp", SHAPES, unary(), torch.exp),
    ("log", SHAPES, unary(in_range(0.5, 2.0)), torch.log),
    ("sqrt", SHAPES, unary(in_range(0.5, 2.0)), torch.sqrt),
    ("pow", SHAPES, unary(in_range(0.5, 2.0)), lambda x: x ** POW_P),
    ("tanh", SHAPES, unary(in_range(-2.0, 2.0)), torch.tanh),
    ("sigmoid", SHAPES, unary(in_range(-3.0, 3.0)), torch.sigmoid),
    ("relu", SHAPES, unary(lambda g, s: away_from_zero(g, s, 0.1)),
     torch.relu),
    ("gelu_erf", SHAPES, unary(in_range(-5.0, 5.0)),
     lambda x: F.gelu(x, approximate="none")),
    ("gelu_tanh", SHAPES, unary(in_range(-3.0, 3.0)),
     lambda x: F.gelu(x, approximate="tanh")),
    ("softmax", SHAPES, unary(in_range(-2.0, 2.0)),
     lambda x: torch.softmax(x, dim=1)),
    ("log_softmax", SHAPES, unary(in_range(-2.0, 2.0)),
     lambda x: torch.log_softmax(x, dim=1)),
    ("add_mask", [(1, 1), (1, 5), (4, 3), (3, 5)],
     lambda g, r, c: [var(values(g, (r, c))),
                      const(attention_mask(g, (r, c)))],
     lambda x, m: x.masked_fill(m == -math.inf, -math.inf)),
    ("slice_rows", [(3, 1), (3, 4), (4, 2), (5, 3)], unary(),
     lambda x: x[1:x.shape[0] - 1]),
    ("slice_cols", [(1, 3), (4, 3), (2, 4), (3, 5)], unary(),
     lambda x: x[:, 1:x.shape[1] - 1]),
    # (cols, rows of each input)
    ("concat_rows",
     [(1, (1, 1, 1)), (4, (1, 2, 3)), (3, (5, 1, 2)), (2, (3, 4, 1))],
     concat_inputs(0), lambda *xs: torch.cat(xs, dim=0)),
    # (rows, cols of each input)
    ("concat_cols",
     [(1, (1, 1, 1)), (4, (1, 2, 3)), (3, (5, 1, 2)), (2, (3, 4, 1))],
     concat_inputs(1), lambda *xs: torch.cat(xs, dim=1)),
    # (V, C, N) with N > V, so an index repeats
    ("gather_rows", [(1, 1, 2), (1, 4, 3), (3, 4, 5), (5, 2, 8)],
     gather_inputs,
     lambda w, idx: w.index_select(0, idx.reshape(-1).long())),
    ("dropout", SHAPES,
     lambda g, r, c: [var(values(g, (r, c))),
                      const(dropout_mask(g, (r, c)))],
     lambda x, m: x * m),
    # later chapters' fused ops, registered through OpSource
    ("layer_norm", [(1, 2), (1, 5), (4, 2), (3, 4)],
     lambda g, r, c: [var(values(g, (r, c))),
                      var(uniform(g, (1, c), 0.5, 1.5)),
                      var(values(g, (1, c)))],
     lambda x, gain, bias: F.layer_norm(
         x, (x.shape[1],), gain.reshape(-1), bias.reshape(-1),
         eps=LAYER_NORM_EPS)),
    # chapter 6's fused linear layer, (N, in, out): X (N, in), W (in, out),
    # b (1, out)
    ("linear", [(1, 1, 1), (3, 2, 4), (4, 5, 3), (2, 3, 2)],
     lambda g, n, k, c: [var(values(g, (n, k))), var(values(g, (k, c))),
                         var(values(g, (1, c)))],
     lambda x, w, b: torch.addmm(b, x, w)),
    ("linear_relu", [(1, 1, 1), (3, 2, 4), (4, 5, 3), (2, 3, 2)],
     lambda g, n, k, c: [var(values(g, (n, k))), var(values(g, (k, c))),
                         var(values(g, (1, c)))],
     lambda x, w, b: torch.relu(torch.addmm(b, x, w))),
    # (N, V)
    ("cross_entropy", [(1, 2), (3, 4), (5, 3), (4, 5)],
     cross_entropy_inputs(PLAIN_IGNORE),
     lambda x, t: F.cross_entropy(
         x, t.reshape(-1).long(), ignore_index=PLAIN_IGNORE).reshape(1, 1)),
    ("cross_entropy_smoothed", [(1, 2), (3, 4), (5, 3), (4, 5)],
     cross_entropy_inputs(SMOOTHED_IGNORE),
     lambda x, t: F.cross_entropy(
         x, t.reshape(-1).long(), ignore_index=SMOOTHED_IGNORE,
         label_smoothing=SMOOTHING).reshape(1, 1)),
    # chapter 8's batched products, 3 sequences and 2 heads: (T, S, D)
    ("batched_matmul_nt", [(1, 1, 1), (2, 3, 1), (4, 2, 3), (3, 5, 2)],
     lambda g, t, s, d: [var(values(g, (BATCH * t, HEADS * d))),
                         var(values(g, (BATCH * s, HEADS * d)))],
     lambda a, b: unheads(heads(a) @ heads(b).transpose(-2, -1))),
    ("batched_matmul", [(1, 1, 1), (2, 3, 1), (4, 2, 3), (3, 5, 2)],
     lambda g, t, s, d: [var(values(g, (BATCH * t, HEADS * s))),
                         var(values(g, (BATCH * s, HEADS * d)))],
     lambda a, b: unheads(heads(a) @ heads(b))),
    # chapter 9, 2 sequences and 2 heads: (R, S) and (T, S, D)
    ("head_softmax", [(1, 1), (1, 3), (4, 1), (3, 4)],
     lambda g, r, s: [var(uniform(g, (r, MH_HEADS * s), -2.0, 2.0))],
     lambda x: torch.softmax(x.reshape(x.shape[0], MH_HEADS, -1), dim=-1)
     .reshape(x.shape)),
    ("fused_attention", [(1, 1, 1), (2, 3, 1), (4, 2, 3), (3, 5, 2)],
     lambda g, t, s, d: [var(values(g, (MH_BATCH * t, MH_HEADS * d))),
                         var(values(g, (MH_BATCH * s, MH_HEADS * d))),
                         var(values(g, (MH_BATCH * s, MH_HEADS * d))),
                         const(attention_mask(g, (MH_BATCH * t, s)))],
     fused_attention),
]


# --- running a case -------------------------------------------------------

def rows(t):
    """A 2-D tensor as a list of rows of Python floats."""
    assert t.dim() == 2, t.shape
    return [[float(v) for v in row] for row in t.tolist()]


def run_case(op, case, params, make_inputs, fn):
    seed = zlib.crc32(f"{op}:{case}".encode("ascii"))
    g = torch.Generator().manual_seed(seed)
    drawn = make_inputs(g, *params)
    leaves = [t.clone().requires_grad_(needs_grad) for t, needs_grad in drawn]
    y = fn(*leaves)
    dY = values(g, tuple(y.shape))
    y.backward(dY)
    grads = []
    for leaf in leaves:
        if not leaf.requires_grad:
            grads.append(None)
        elif leaf.grad is None:  # an input that does not reach the output
            grads.append(rows(torch.zeros_like(leaf)))
        else:
            grads.append(rows(leaf.grad))
    return {
        "op": op,
        "case": case,
        "seed": seed,
        "inputs": [{"value": rows(leaf.detach()),
                    "requires_grad": leaf.requires_grad}
                   for leaf in leaves],
        "dY": rows(dY),
        "output": rows(y.detach()),
        "grads": grads,
    }


def check_domains(cases):
    """The cases exercise what they are meant to exercise."""
    for c in cases:
        if c["op"] == "gather_rows":
            idx = c["inputs"][1]["value"][0]
            assert len(set(idx)) < len(idx), "no repeated index"
        if c["op"] == "add_mask":
            for row in c["inputs"][1]["value"]:
                assert 0.0 in row, "a row with every position masked"
    masks = [v for c in cases if c["op"] == "add_mask"
             for row in c["inputs"][1]["value"] for v in row]
    assert -math.inf in masks, "no masked position in any add_mask case"
    drops = [v for c in cases if c["op"] == "dropout"
             for row in c["inputs"][1]["value"] for v in row]
    assert 0.0 in drops and 4.0 / 3.0 in drops, "dropout mask lacks 0 or 4/3"
    for op, ignore in (("cross_entropy", PLAIN_IGNORE),
                       ("cross_entropy_smoothed", SMOOTHED_IGNORE)):
        targets = [row[0] for c in cases if c["op"] == op
                   for row in c["inputs"][1]["value"]]
        assert float(ignore) in targets, f"{op}: no ignored row"


def generate():
    torch.set_num_threads(1)
    torch.use_deterministic_algorithms(True)
    cases = [run_case(op, case, params, make_inputs, fn)
             for op, shapes, make_inputs, fn in OPS
             for case, params in enumerate(shapes)]
    check_domains(cases)
    header = {"generator": GENERATOR, "torch_version": torch.__version__}
    lines = [json.dumps(header)[:-1] + ', "cases": [']
    for i, c in enumerate(cases):
        sep = "," if i < len(cases) - 1 else ""
        lines.append(json.dumps(c, allow_nan=True) + sep)
    lines.append("]}")
    return "\n".join(lines) + "\n"


def first_difference(expected, actual):
    """Names the first case that differs, for --check."""
    old = expected.splitlines()
    new = actual.splitlines()
    for i, (a, b) in enumerate(zip(old, new)):
        if a != b:
            return f"line {i + 1} differs:\n  committed: {a[:160]}\n" \
                   f"  now:       {b[:160]}"
    return f"the files have {len(old)} and {len(new)} lines"


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
            print(f"{args.out} is not what this script writes now: "
                  + first_difference(committed, text), file=sys.stderr)
            return 1
        print(f"{args.out} matches: {text.count(chr(10)) - 2} cases,"
              f" torch {torch.__version__}")
        return 0
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text, encoding="utf-8")
    print(f"wrote {args.out}: {text.count(chr(10)) - 2} cases,"
          f" torch {torch.__version__}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
