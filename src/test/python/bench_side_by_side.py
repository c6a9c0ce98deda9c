#!/usr/bin/python3
"""Scratchformer's `bench` command and PyTorch on the same training step, side by side.

Two models, as `bench --model` has them:

reference (the default): the Transformer of the reference configuration,
  d_model 128, 4 heads, d_ff 512, 2 encoder and 2 decoder layers (post-LN,
  ReLU), dropout 0.1, trained on a cycle of 20 batches of 64 pairs of the
  numbers task's first draw (numbers-by-digits), exactly the sentences the
  Java program's bench trains on (the `data` command prints them); each batch padded to its longest sentence, the
  decoder input <s> + target and the target target + </s>; key padding masks
  and the causal mask; embeddings x sqrt(d_model) + sinusoidal positions;
  label-smoothed (0.1) cross-entropy ignoring padding; backward; global-norm
  clipping to 1; Adam (0.9, 0.98, 1e-9) at the warm-up schedule's rate
  (warm-up 400). PyTorch builds it from nn.TransformerEncoderLayer and
  nn.TransformerDecoderLayer (as twin_check.py does) and switches off the two
  dropouts those layers have and the Java layers do not (on the attention
  weights and inside the feed-forward), so both drop out after every
  sublayer and after the embeddings only.
workload: chapter 13's step without attention (org.scratchformer.bench.
  Workload): 768 token rows (64 sentences x 12), d_model 128, d_ff 512,
  vocabulary 40, four blocks of [three Linear(128, 128) summed -> residual ->
  LayerNorm -> FeedForward(128 -> 512 -> 128, ReLU) -> residual -> LayerNorm],
  Linear(128, 40), cross-entropy with label smoothing 0.1, backward, Adam
  (lr 1e-3). 3.35 GFLOP of products a step.

Usage (Debian's interpreter, which has the python3-torch package), from the
project root, on a machine doing nothing else if you can:

    /usr/bin/python3 src/test/python/bench_side_by_side.py [--rounds 5]
        [--model reference|workload] [--steps 30] [--warmup 10]
        [--calibration-steps 5]
        [--torch-setting T,B]   # skip step 3 below

What it does:
1. builds the classes and writes the class path (mvn -B -q -o compile
   dependency:build-classpath);
2. for the reference model, asks the Java program for its sentences
   (`data --task numbers-by-digits --split train --count 1280`) and its vocabulary
   sizes (the `model` line of a one-step `bench`), and writes the batches as
   id lists to target/bench-batches.json for the PyTorch runs;
3. calibrates PyTorch: every thread setting (torch intra-op threads and
   OPENBLAS_NUM_THREADS: 1/1, 1/2, 2/2), each with OPENBLAS_CORETYPE and
   OPENBLAS_L2_SIZE as the environment has them and the other way: unset
   when they are set (OpenBLAS then picks kernels for the CPU it finds),
   OPENBLAS_CORETYPE=Haswell when they are not (OpenBLAS 0.3.21 predates
   some CPUs and may fall back to slow kernels). The variables are changed
   only in the PyTorch subprocess. The fastest setting is kept, for float64
   and float32 separately;
4. runs `scratchformer bench` and the PyTorch runs in turn, --rounds
   times, each in a fresh process, and prints every run, the medians of the
   runs' median steps/s, tokens/s, GFLOP/s and CPU time per step, and the
   ratios. PyTorch runs each batch whole, padded to its longest pair, in
   float64 and float32; for the reference model also in float64 in the
   micro-batches the Java program cuts each batch into (MicroBatches: the
   pairs longest first, cut where the padding is least, each run padded to its
   own longest), one micro-batch after
   another with the gradients accumulated: the same products as the Java
   program's step, on PyTorch's threads.

Each run reports the median wall-clock time of its timed steps, the tokens
(target tokens of the reference model's batches) over the timed steps' total
time, and the CPU time of its whole process per step; a round is one run of
each. Both sides time the same batches: the same number of untimed steps
first, then the same timed ones. GFLOP/s is the operations of the products
that the Java program counts (2·m·n·k per product, at the same shapes as
PyTorch's) over each run's total time of the timed steps: for the whole
batches, the count of `bench --micro-batches 1`, run once. Alternating rounds
share whatever else the machine is doing. On a machine shared with other
work the CPU time per step is the steadier of the two: it counts the work
done, not the time spent waiting for a core.
"""
import argparse
import json
import math
import os
import re
import statistics
import subprocess
import sys
import time

from reference_blas import blas_in_use
from tokens import tokens

# chapter 13's workload (Workload.java); its 3.35 GFLOP a step are counted
# by the Java program like the reference model's
ROWS, WIDTH, HIDDEN, VOCAB, BLOCKS = 64 * 12, 128, 512, 40, 4
# the reference configuration (ModelConfig.reference(), TranslatorWorkload)
HEADS, LAYERS, DROPOUT, BATCH, BATCHES, WARMUP_STEPS = 4, 2, 0.1, 64, 20, 400
PAD, START, END = 0, 1, 2
BATCHES_FILE = "target/bench-batches.json"
OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")


def padded(chunk):
    """Pairs of id lists as one padded batch, as Batcher.batch makes it:
    source (B, S); decoder input <s> + target and target + </s> (B, T);
    padding 0 to the longest pair of the chunk."""
    s = max(len(src) for src, _ in chunk)
    t = max(len(tgt) + 1 for _, tgt in chunk)
    return {"source": [src + [PAD] * (s - len(src)) for src, _ in chunk],
            "decoder_input": [[START] + tgt + [PAD] * (t - 1 - len(tgt))
                              for _, tgt in chunk],
            "target": [tgt + [END] + [PAD] * (t - 1 - len(tgt))
                       for _, tgt in chunk]}


def cuts(s, t, n):
    """MicroBatches.cuts: the n + 1 boundaries that cut pairs of source and
    target lengths s, t into n runs sending the fewest rows through the
    model, sum of pairs x (longest source + longest target); of equal
    costs, the one whose last run starts earliest (as in Java)."""
    b = len(s)
    best = [[None] * (b + 1) for _ in range(n + 1)]
    start = [[0] * (b + 1) for _ in range(n + 1)]
    best[0][0] = 0
    for g in range(1, n + 1):
        for j in range(g, b + 1):
            costs, longest_s, longest_t = {}, 0, 0
            for i in range(j - 1, g - 2, -1):
                longest_s, longest_t = max(longest_s, s[i]), max(longest_t,
                                                                 t[i])
                costs[i] = (j - i) * (longest_s + longest_t)
            for i in range(g - 1, j):
                if best[g - 1][i] is not None and (
                        best[g][j] is None
                        or best[g - 1][i] + costs[i] < best[g][j]):
                    best[g][j] = best[g - 1][i] + costs[i]
                    start[g][j] = i
    at = [0] * (n + 1)
    at[n] = b
    for g in range(n, 0, -1):
        at[g - 1] = start[g][at[g]]
    return at


def micro_batches(chunk, count):
    """The chunk as MicroBatches.split cuts it: the pairs longest first
    (source words + target words + 1, a stable sort), cut where the padding
    is least into `count` runs, each padded to its own longest."""
    order = sorted(chunk, key=lambda pair: -(len(pair[0]) + len(pair[1]) + 1))
    at = cuts([len(src) for src, _ in order],
              [len(tgt) + 1 for _, tgt in order], min(count, len(order)))
    return [padded(order[at[k]:at[k + 1]]) for k in range(len(at) - 1)]


def make_batches(lines, micro_batch_count):
    """Batches of 64 pairs as id lists, as Batcher cuts them, whole and in
    `micro_batch_count` micro-batches. Ids 3.. in the order words first
    appear (the ids do not change the work)."""
    source_ids, target_ids = {}, {}
    pairs = []
    for line in lines:
        english, french = line.split("\t")
        src = [source_ids.setdefault(w, 3 + len(source_ids))
               for w in tokens(english)]
        tgt = [target_ids.setdefault(w, 3 + len(target_ids))
               for w in tokens(french)]
        pairs.append((src, tgt))
    batches = []
    for first in range(0, len(pairs), BATCH):
        chunk = pairs[first:first + BATCH]
        batch = padded(chunk)
        batch["micro_batches"] = micro_batches(chunk, micro_batch_count)
        batches.append(batch)
    return batches, 3 + len(source_ids), 3 + len(target_ids)


def reference_model(torch, source_vocabulary, target_vocabulary):
    """The reference Transformer from PyTorch's layers; returns the model and
    its loss on one batch of tensors."""
    nn = torch.nn
    F = torch.nn.functional

    def layers(cls):
        stack = nn.ModuleList()
        for _ in range(LAYERS):
            layer = cls(WIDTH, HEADS, dim_feedforward=HIDDEN,
                        dropout=DROPOUT, batch_first=True)
            # the Java layers drop out after each sublayer only: not the
            # attention weights, not inside the feed-forward
            for attention in ("self_attn", "multihead_attn"):
                if hasattr(layer, attention):
                    getattr(layer, attention).dropout = 0.0
            layer.dropout = nn.Identity()
            stack.append(layer)
        return stack

    positions = torch.zeros(256, WIDTH)
    for i in range(WIDTH // 2):
        omega = math.pow(10000.0, -2.0 * i / WIDTH)
        angle = torch.arange(256, dtype=torch.float64) * omega
        positions[:, 2 * i] = torch.sin(angle)
        positions[:, 2 * i + 1] = torch.cos(angle)

    class Reference(nn.Module):
        def __init__(self):
            super().__init__()
            self.source_embedding = nn.Embedding(source_vocabulary, WIDTH)
            self.target_embedding = nn.Embedding(target_vocabulary, WIDTH)
            self.register_buffer("positions", positions)
            self.dropout = nn.Dropout(DROPOUT)
            self.encoder = layers(nn.TransformerEncoderLayer)
            self.decoder = layers(nn.TransformerDecoderLayer)
            self.output = nn.Linear(WIDTH, target_vocabulary)

        def embed(self, table, ids):
            e = table(ids) * math.sqrt(WIDTH)  # (B, L, C)
            return self.dropout(e + self.positions[:ids.shape[1]])

        def loss(self, source, decoder_input, target):
            source_padding = source == PAD                 # (B, S)
            target_padding = decoder_input == PAD          # (B, T)
            t = decoder_input.shape[1]
            causal = torch.triu(torch.ones(t, t, dtype=torch.bool), 1)
            x = self.embed(self.source_embedding, source)
            for layer in self.encoder:
                x = layer(x, src_key_padding_mask=source_padding)
            y = self.embed(self.target_embedding, decoder_input)
            for layer in self.decoder:
                y = layer(y, x, tgt_mask=causal,
                          tgt_key_padding_mask=target_padding,
                          memory_key_padding_mask=source_padding)
            logits = self.output(y)                        # (B, T, V_t)
            return F.cross_entropy(logits.reshape(-1, target_vocabulary),
                                   target.reshape(-1), ignore_index=PAD,
                                   label_smoothing=0.1)

    return Reference()


def reference_steps(torch, dtype, micro_batched):
    """One training step per call on the cycle of batches, as
    TranslatorWorkload (Trainer.step): returns (loss, target tokens). With
    `micro_batched`, each batch in the Java program's micro-batches, one
    after another: micro-batch k's loss weighted by its share of the batch's
    target tokens, the gradients accumulated, as MicroBatches does on its
    threads."""
    with open(BATCHES_FILE) as f:
        data = json.load(f)
    model = reference_model(torch, data["source_vocabulary"],
                            data["target_vocabulary"]).to(dtype)

    def tensors(batch):
        return {k: torch.tensor(batch[k])
                for k in ("source", "decoder_input", "target")}
    batches = [dict(tensors(b), micro_batches=[tensors(part) for part in
                                        b["micro_batches"]])
               for b in data["batches"]]
    optimizer = torch.optim.Adam(model.parameters(), lr=1.0,
                                 betas=(0.9, 0.98), eps=1e-9)
    done = [0]

    def step():
        b = batches[done[0] % len(batches)]
        done[0] += 1
        n = done[0]
        model.train()
        optimizer.zero_grad(set_to_none=True)
        tokens_in_batch = int((b["target"] != PAD).sum())
        total = 0.0
        for part in b["micro_batches"] if micro_batched else [b]:
            share = int((part["target"] != PAD).sum()) / tokens_in_batch
            loss = model.loss(part["source"], part["decoder_input"],
                              part["target"]) * share
            loss.backward()
            total += loss.item()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        rate = WIDTH ** -0.5 * min(n ** -0.5, n * WARMUP_STEPS ** -1.5)
        for group in optimizer.param_groups:
            group["lr"] = rate
        optimizer.step()
        return total, tokens_in_batch
    return step


def workload_steps(torch, dtype):
    """One step of chapter 13's workload per call: (loss, rows)."""
    nn = torch.nn
    F = torch.nn.functional

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
        return loss.item(), ROWS
    return step


def torch_worker(model_name, dtype_name, threads, steps, warmup,
                 micro_batched):
    """Runs in a subprocess: times PyTorch steps, prints JSON."""
    import torch

    torch.set_num_threads(threads)
    dtype = getattr(torch, dtype_name)
    torch.manual_seed(1)
    if model_name == "reference":
        step = reference_steps(torch, dtype, micro_batched)
    else:
        step = workload_steps(torch, dtype)
    for _ in range(warmup):
        step()
    seconds = []
    tokens_timed = 0
    cpu_start = time.process_time()
    for _ in range(steps):
        start = time.perf_counter()
        _, n = step()
        seconds.append(time.perf_counter() - start)
        tokens_timed += n
    cpu = (time.process_time() - cpu_start) / steps
    print(json.dumps({"median_seconds": statistics.median(seconds),
                      "total_seconds": sum(seconds),
                      "tokens": tokens_timed, "cpu_seconds": cpu,
                      "blas": blas_in_use()}))


BLAS_SEEN = set()  # the BLAS libraries the PyTorch workers loaded


def torch_run(model, dtype, setting, steps, warmup, micro_batched=False):
    """A fresh PyTorch process: (steps/s, tokens/s, CPU s per step, mean
    seconds per step)."""
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
         "--model", model, "--threads", str(setting["torch"]),
         "--steps", str(steps), "--warmup", str(warmup)]
        + (["--micro-batched"] if micro_batched else []),
        env=env, check=True, capture_output=True, text=True).stdout
    result = json.loads(out.strip().splitlines()[-1])
    BLAS_SEEN.add(result["blas"])
    return (1 / result["median_seconds"],
            result["tokens"] / result["total_seconds"],
            result["cpu_seconds"], result["total_seconds"] / steps)


def java(classpath, *args):
    """The program with the JVM options `mvn exec:java` runs it with."""
    with open(os.path.join(".mvn", "jvm.config")) as f:
        options = f.read().split()
    return subprocess.run(
        ["java"] + options + ["-cp", classpath,
                              "org.scratchformer.cli.Main"] + list(args),
        check=True, capture_output=True, text=True).stdout


def java_run(classpath, model, steps, warmup, *more):
    """`bench`'s lines as a dict: the first word of a line is its key."""
    values = {}
    for line in java(classpath, "bench", "--model", model, "--steps",
                     str(steps), "--warmup", str(warmup),
                     *more).splitlines():
        key, _, rest = line.partition(" ")
        values[key] = rest.strip()
    return values


def write_batches(classpath):
    """The Java program's training sentences as batches of ids, and its
    vocabulary sizes, in BATCHES_FILE for the PyTorch workers."""
    lines = java(classpath, "data", "--task", "numbers-by-digits", "--split", "train",
                 "--count", str(BATCH * BATCHES)).splitlines()
    model_line = java_run(classpath, "reference", 1, 0)["model"]
    found = re.search(r"vocabularies (\d+) and (\d+)", model_line)
    source_vocabulary, target_vocabulary = (int(v) for v in found.groups())
    micro_batch_count = int(
        re.search(r"each in (\d+) micro-batch", model_line).group(1))
    batches, source_seen, target_seen = make_batches(lines, micro_batch_count)
    assert source_seen <= source_vocabulary, (source_seen, model_line)
    assert target_seen <= target_vocabulary, (target_seen, model_line)
    with open(BATCHES_FILE, "w") as f:
        json.dump({"source_vocabulary": source_vocabulary,
                   "target_vocabulary": target_vocabulary,
                   "batches": batches}, f)
    print("reference model: %s" % model_line)


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


def calibrate(args):
    """The fastest thread setting for each PyTorch dtype."""
    if args.torch_setting:
        t, b = (int(v) for v in args.torch_setting.split(","))
        return {d: {"torch": t, "blas": b, "env": {}}
                for d in ("float64", "float32")}
    best = {}
    for dtype in ("float64", "float32"):
        trials = [(torch_run(args.model, dtype, s, args.calibration_steps,
                             args.calibration_steps)[0], s)
                  for s in settings()]
        for rate, s in trials:
            print("calibration %-8s %6.2f steps/s  %s" % (
                dtype, rate, describe(s)))
        best[dtype] = max(trials, key=lambda t: t[0])[1]
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", choices=("reference", "workload"),
                        default="reference")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--steps", type=int, default=30)
    parser.add_argument("--warmup", type=int, default=10)
    parser.add_argument("--calibration-steps", type=int, default=5)
    parser.add_argument("--plain-steps", type=int, default=5,
                        help="timed steps of the plain code (bench"
                        " --plain), run once before the rounds; 0: none")
    parser.add_argument("--torch-setting", metavar="T,B",
                        help="skip the calibration: torch threads T and"
                        " OPENBLAS_NUM_THREADS B, OpenBLAS variables as set")
    parser.add_argument("--threads", type=int, default=1,
                        help=argparse.SUPPRESS)  # the worker's
    parser.add_argument("--torch-worker", metavar="DTYPE")
    parser.add_argument("--micro-batched", action="store_true",
                        help=argparse.SUPPRESS)  # the worker's
    args = parser.parse_args()
    if args.torch_worker:
        torch_worker(args.model, args.torch_worker, args.threads, args.steps,
                     args.warmup, args.micro_batched)
        return

    subprocess.run(["mvn", "-B", "-q", "-o", "compile",
                    "dependency:build-classpath",
                    "-Dmdep.outputFile=target/bench-classpath.txt"],
                   check=True)
    with open("target/bench-classpath.txt") as f:
        classpath = "target/classes" + os.pathsep + f.read().strip()
    if args.model == "reference":
        write_batches(classpath)

    best = calibrate(args)
    for dtype in ("float64", "float32"):
        print("PyTorch %s runs with %s" % (dtype, describe(best[dtype])))

    # PyTorch runs: each batch whole (padded to its longest pair), and, for
    # the reference model, in the Java program's micro-batches, one by one
    runs = [("float64", False), ("float32", False)]
    if args.model == "reference":
        runs.insert(1, ("float64", True))
    names = ["scratchformer"] + [label(run) for run in runs]
    rates = {k: [] for k in names}
    token_rates = {k: [] for k in names}
    gflops = {k: [] for k in names}
    cpus = {k: [] for k in names}
    whole_flops = None
    if args.model == "reference":  # the products of the batches whole
        whole = java_run(classpath, args.model, args.steps, args.warmup,
                         "--micro-batches", "1")
        whole_flops = float(whole["GFLOP"].split()[0]) * 1e9
    plain = None
    if args.plain_steps > 0:  # chapters 1-12's code: what chapter 13 buys
        plain = java_run(classpath, args.model, args.plain_steps,
                         min(args.warmup, 2), "--plain")
        print("plain code (chapters 1-12: plain kernel, each batch whole,"
              " one thread): %s steps/s, %s CPU s per step" % (
                  plain["steps/s"].split()[0], plain["CPU"].split()[0]))
    for round_number in range(1, args.rounds + 1):
        report = java_run(classpath, args.model, args.steps, args.warmup)
        # the products' operations per timed step, counted by the Java
        # program; PyTorch times the same batches at the same shapes
        flops = float(report["GFLOP"].split()[0]) * 1e9
        rates["scratchformer"].append(float(report["steps/s"].split()[0]))
        token_rates["scratchformer"].append(
            float(report["tokens/s"].split()[0]))
        gflops["scratchformer"].append(float(report["GFLOP/s"].split()[0]))
        cpus["scratchformer"].append(float(report["CPU"].split()[0]))
        for dtype, micro_batched in runs:
            rate, token_rate, cpu, mean_seconds = torch_run(
                args.model, dtype, best[dtype], args.steps, args.warmup,
                micro_batched)
            name = label((dtype, micro_batched))
            rates[name].append(rate)
            token_rates[name].append(token_rate)
            done = (flops if micro_batched or whole_flops is None
                    else whole_flops)
            gflops[name].append(done / mean_seconds / 1e9)
            cpus[name].append(cpu)
        print("round %d, steps/s (CPU s per step): scratchformer %.2f (%.3f;"
              " %s, %s), %s" % (
                  round_number, rates["scratchformer"][-1],
                  cpus["scratchformer"][-1], report.get("kernel", "?"),
                  report.get("allocated", "?"), ", ".join(
                      "PyTorch %s %.2f (%.3f)" % (n, rates[n][-1],
                                                  cpus[n][-1])
                      for n in names[1:])))

    def median(values):
        return {k: statistics.median(v) for k, v in values.items()}
    medians, tokens_m, gflops_m, cpu_m = (median(rates), median(token_rates),
                                          median(gflops), median(cpus))
    print()
    print("%s model, medians over %d rounds (%d timed steps each after %d"
          " untimed; CPU: every thread of the process):" % (
              args.model, args.rounds, args.steps, args.warmup))
    print("products per step, counted by the Java program: %.2f GFLOP as it"
          " trains (%s)%s" % (
              flops / 1e9, report["model"].rpartition(", ")[2],
              "" if whole_flops is None else ", %.2f GFLOP with each batch"
              " whole (bench --micro-batches 1); each run's GFLOP/s counts the"
              " products of its own batches" % (whole_flops / 1e9)))
    print("PyTorch's BLAS (as its processes loaded it): %s"
          % ", ".join(sorted(BLAS_SEEN)))
    if not any("openblas" in b for b in BLAS_SEEN):
        print("  (the reference BLAS: PyTorch is slower with it than it can"
              " be; for the comparison that counts install OpenBLAS,"
              " apt-get install -y libopenblas0-pthread, which the golden"
              " values do not notice: see reference_blas.py)")
    print("peak %s" % report.get("peak", "unknown"))
    for name in names:
        text = ("Scratchformer (float64)" if name == "scratchformer"
                else "PyTorch " + name)
        print("  %-30s %6.2f steps/s  %7.0f tokens/s  %5.1f GFLOP/s  %.3f"
              " CPU s per step" % (text, medians[name], tokens_m[name],
                                   gflops_m[name], cpu_m[name]))
    if plain is not None:
        plain_rate = float(plain["steps/s"].split()[0])
        print("  %-30s %6.2f steps/s  (%d timed steps, one run before the"
              " rounds)" % ("Scratchformer plain (ch. 1-12)", plain_rate,
                            args.plain_steps))
        print("ratio fast / plain Scratchformer: %.2fx in steps/s" % (
            medians["scratchformer"] / plain_rate))
    for name in names[1:]:
        print("ratio Scratchformer / PyTorch %s: %.2fx in steps/s, %.2fx in"
              " CPU time per step" % (
                  name, medians["scratchformer"] / medians[name],
                  cpu_m[name] / cpu_m["scratchformer"]))


def label(run):
    """A PyTorch run's name: its dtype, and "in micro-batches" if so."""
    dtype, micro_batched = run
    return dtype + (" in micro-batches" if micro_batched else "")


if __name__ == "__main__":
    main()
