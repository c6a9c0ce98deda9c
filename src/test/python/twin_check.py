#!/usr/bin/python3
"""The whole translator checked against a PyTorch twin.

Loads a run folder written by `scratchformer train` (run.json, the weights
file it names, the vocabularies) into a PyTorch model built from PyTorch's own
layers (nn.TransformerEncoderLayer and nn.TransformerDecoderLayer, batch
first, ReLU, dropout 0), asks the Java program for its log-probabilities of
a few sentence pairs (`scratchformer score`), computes the same with the
twin, and compares every number: the Java model and PyTorch's must agree to
1e-9. It checks the model as a whole (embedding scale, positional encoding,
masks, layer order, output projection), not only its ops.

Usage (Debian's interpreter, which has the python3-torch package):

    /usr/bin/python3 src/test/python/twin_check.py --model runs/demo \\
        [--jar target/scratchformer.jar]

The safetensors file is read with the standard library only: an 8-byte
little-endian header length, a JSON header, then little-endian float64
data. Parameter names map to PyTorch's as make_golden_layers.py describes
(query.weight is in_proj_weight[0:C] transposed, and so on).
"""

import argparse
import json
import math
import struct
import subprocess
import sys

import torch
import torch.nn.functional as F

from tokens import tokens

F64 = torch.float64
TOLERANCE = 1e-9
PAIRS = [
    ("seventy one", "soixante et onze"),
    ("three hundred seventy one", "trois cent soixante et onze"),
    ("eighty one thousand two hundred", "quatre-vingt-un mille deux cents"),
    ("nine hundred ninety nine thousand nine hundred ninety nine",
     "neuf cent quatre-vingt-dix-neuf mille neuf cent quatre-vingt-dix-neuf"),
    ("zero", "zéro"),
]


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + length])
    base = 8 + length
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        begin, end = entry["data_offsets"]
        rows, cols = entry["shape"]
        values = struct.unpack(f"<{(end - begin) // 8}d",
                               data[base + begin:base + end])
        tensors[name] = torch.tensor(values, dtype=F64).reshape(rows, cols)
    return tensors


def load_attention(mha, w, prefix):
    with torch.no_grad():
        mha.in_proj_weight.copy_(torch.cat([
            w[prefix + "query.weight"].T, w[prefix + "key.weight"].T,
            w[prefix + "value.weight"].T]))
        mha.in_proj_bias.copy_(torch.cat([
            w[prefix + "query.bias"][0], w[prefix + "key.bias"][0],
            w[prefix + "value.bias"][0]]))
        mha.out_proj.weight.copy_(w[prefix + "output.weight"].T)
        mha.out_proj.bias.copy_(w[prefix + "output.bias"][0])


def load_layer(layer, w, prefix, decoder):
    load_attention(layer.self_attn, w, prefix + "self_attention.")
    norms = [layer.norm1, layer.norm2]
    if decoder:
        load_attention(layer.multihead_attn, w, prefix + "cross_attention.")
        norms.append(layer.norm3)
    with torch.no_grad():
        for k, linear in (("linear1", layer.linear1),
                          ("linear2", layer.linear2)):
            linear.weight.copy_(w[f"{prefix}feed_forward.{k}.weight"].T)
            linear.bias.copy_(w[f"{prefix}feed_forward.{k}.bias"][0])
        for i, norm in enumerate(norms):
            norm.weight.copy_(w[f"{prefix}sublayer{i}.norm.gain"][0])
            norm.bias.copy_(w[f"{prefix}sublayer{i}.norm.bias"][0])


def positions(length, width):
    pe = torch.zeros(length, width, dtype=F64)
    for i in range(width // 2):
        omega = math.pow(10000.0, -2.0 * i / width)
        for pos in range(length):
            pe[pos, 2 * i] = math.sin(pos * omega)
            pe[pos, 2 * i + 1] = math.cos(pos * omega)
    return pe


class Twin:
    def __init__(self, folder):
        with open(f"{folder}/run.json", encoding="utf-8") as f:
            run = json.load(f)
        m = run["model"]
        self.c = m["d_model"]
        self.tied = m["tied"]
        pre = m["norm"] == "pre"
        self.w = read_safetensors(f"{folder}/{run['model_file']}")
        self.source = self.vocabulary(f"{folder}/source-vocabulary.json")
        self.target = self.vocabulary(f"{folder}/target-vocabulary.json")

        def make(cls, n, prefix, decoder):
            layers = []
            for i in range(n):
                layer = cls(self.c, m["heads"], dim_feedforward=m["d_ff"],
                            dropout=0.0, batch_first=True, norm_first=pre,
                            dtype=F64)
                load_layer(layer, self.w, f"{prefix}.layers.{i}.", decoder)
                layer.eval()
                layers.append(layer)
            return layers
        self.encoder = make(torch.nn.TransformerEncoderLayer,
                            m["encoder_layers"], "encoder", False)
        self.decoder = make(torch.nn.TransformerDecoderLayer,
                            m["decoder_layers"], "decoder", True)
        self.pre = pre

    @staticmethod
    def vocabulary(path):
        with open(path, encoding="utf-8") as f:
            return {t: i for i, t in enumerate(json.load(f)["tokens"])}

    def final_norm(self, x, prefix):
        if not self.pre:
            return x
        return F.layer_norm(x, (self.c,), self.w[prefix + ".gain"][0],
                            self.w[prefix + ".bias"][0], 1e-5)

    def embed(self, table, ids):
        e = self.w[table][ids] * math.sqrt(self.c)
        return (e + positions(len(ids), self.c)).unsqueeze(0)

    def log_probs(self, source, target):
        src = [self.source[t] for t in tokens(source)]
        tgt = [1] + [self.target[t] for t in tokens(target)]  # <s> first
        with torch.no_grad():
            x = self.embed("source_embedding.weight", src)
            for layer in self.encoder:
                x = layer(x)
            memory = self.final_norm(x, "encoder.final_norm")
            y = self.embed("target_embedding.weight", tgt)
            causal = torch.triu(torch.full((len(tgt), len(tgt)), -math.inf,
                                           dtype=F64), 1)
            for layer in self.decoder:
                y = layer(y, memory, tgt_mask=causal)
            h = self.final_norm(y, "decoder.final_norm")[0]
            if self.tied:
                logits = h @ self.w["target_embedding.weight"].T
            else:
                logits = h @ self.w["output.weight"] + self.w["output.bias"]
            return torch.log_softmax(logits, dim=-1)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", required=True, help="a run folder")
    parser.add_argument("--jar", default="target/scratchformer.jar")
    args = parser.parse_args()
    torch.set_num_threads(1)
    twin = Twin(args.model)
    pairs = [f"{s}\t{t}" for s, t in PAIRS]
    java = json.loads(subprocess.run(
        ["java", "-jar", args.jar, "score", "--model", args.model] + pairs,
        check=True, capture_output=True, text=True).stdout)
    worst = 0.0
    for (source, target), entry in zip(PAIRS, java):
        expected = twin.log_probs(source, target)
        got = torch.tensor(entry["log_probs"], dtype=F64)
        assert got.shape == expected.shape, (source, got.shape,
                                             expected.shape)
        difference = (got - expected).abs().max().item()
        worst = max(worst, difference)
        print(f"{difference:9.2e}  {source} -> {target}")
    if worst > TOLERANCE:
        print(f"the Java model and its PyTorch twin differ by {worst:.2e},"
              f" more than {TOLERANCE}")
        sys.exit(1)
    print(f"the Java model and its PyTorch twin agree: largest difference"
          f" {worst:.2e} over {len(PAIRS)} sentences")


if __name__ == "__main__":
    main()
