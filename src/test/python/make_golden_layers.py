#!/usr/bin/python3
"""Golden values for attention and the Transformer layers, from PyTorch.

Each case builds one of PyTorch's own modules in float64 with dropout 0,
draws its weights and inputs from a seeded generator, runs forward and
backward with an upstream gradient dY, and writes the weights (under the
Java module's parameter names), the inputs, the masks (as lengths), the
output and the gradient of every input and every weight to
src/test/resources/golden/layers.json. LayerGoldenTest loads the weights into
the Java module, runs the same forward and backward and compares every
number to 1e-10: the whole layer checked against PyTorch, not only its ops.

Usage (Debian's interpreter, which has the python3-torch package):

    /usr/bin/python3 src/test/python/make_golden_layers.py          # rewrite
    /usr/bin/python3 src/test/python/make_golden_layers.py --check  # compare

Running it twice gives identical bytes; --check exits with status 1 if the
committed file differs from what it writes now.

Cases
-----
B = 2 sequences, T = 3 target positions, S = 5 source positions,
d_model C = 6, H = 3 heads (D = 2), d_ff F = 10, so that every size differs.
Target lengths are [3, 2], source lengths [4, 2].

    sdpa_none, sdpa_padding,     scaled dot-product attention (no
    sdpa_causal, sdpa_both       projections) with each mask; Q (B·T, D),
                                 K and V (B·S, D), or (B·T, D) for causal
    mha_self                     nn.MultiheadAttention, causal and target
                                 padding masks, X (B·T, C)
    mha_cross                    nn.MultiheadAttention, queries X (B·T, C),
                                 keys and values Z (B·S, C), source padding
    encoder_post, encoder_pre    nn.TransformerEncoderLayer, norm_first
                                 False and True, ReLU, source padding
    decoder_post, decoder_pre    nn.TransformerDecoderLayer, causal and
                                 target padding for self-attention, source
                                 padding for cross-attention

Masks: a padded key is masked for every query of its sequence
(key_padding_mask), the causal mask is -inf above the diagonal (attn_mask).
Padded query rows are computed like the others and compared too.

Weight names: PyTorch keeps the three input projections of attention in one
(3C, C) in_proj_weight and stores Linear weights as (out, in); the Java
layers keep query, key and value apart and store W as (in, out). So
query.weight is in_proj_weight[0:C]ᵀ, key.weight [C:2C]ᵀ, value.weight
[2C:3C]ᵀ, output.weight out_proj.weightᵀ; biases are (1, C) rows.
LayerNorm's weight is the Java gain. In a layer, self_attn is
self_attention, multihead_attn cross_attention, linear1 and linear2 are
feed_forward.linear1 and feed_forward.linear2, and norm1, norm2, norm3 are
sublayer0.norm, sublayer1.norm, sublayer2.norm.

Layout of layers.json
---------------------
    {"generator": "...", "torch_version": "...",
     "cases": [{"name": "...", "kind": "sdpa|mha|encoder|decoder",
                "norm": "post|pre" (layers only),
                "mask": "none|padding|causal|both" (sdpa only),
                "sizes": {"B": 2, "T": 3, "S": 5, "C": 6, "H": 3, "F": 10},
                "target_lengths": [...], "source_lengths": [...],
                "inputs": {"x": [[...]], ...},
                "weights": {"query.weight": [[...]], ...},
                "dY": [[...]], "output": [[...]],
                "grads": {"x": [[...]], "query.weight": [[...]], ...}},
               ...]}
Every matrix is a list of rows; numbers use Python's repr. One case a line.
"""

import argparse
import json
import math
import sys
import zlib

from reference_blas import use_reference_blas

use_reference_blas()  # before torch: the golden values use the reference BLAS

import torch  # noqa: E402
import torch.nn.functional as F

F64 = torch.float64
OUT = "src/test/resources/golden/layers.json"
B, T, S, C, H, FF = 2, 3, 5, 6, 3, 10
D = C // H
TARGET_LENGTHS = [3, 2]
SOURCE_LENGTHS = [4, 2]


def generator(name):
    return torch.Generator().manual_seed(zlib.crc32(name.encode("ascii")))


def values(g, shape):
    return torch.rand(shape, generator=g, dtype=F64) * 2 - 1


def rows(t):
    t = t.detach()
    if t.dim() == 1:
        t = t.reshape(1, -1)
    assert t.dim() == 2, t.shape
    return [[float(v) for v in row] for row in t.tolist()]


def padding(lengths, size):
    """(B, size) bool, True where the key is padding."""
    return torch.tensor([[s >= n for s in range(size)] for n in lengths])


def causal(size):
    """(size, size) float, -inf above the diagonal."""
    return torch.triu(torch.full((size, size), -math.inf, dtype=F64), 1)


def init_module(g, module):
    """Fresh uniform values for every parameter, in parameters() order."""
    with torch.no_grad():
        for p in module.parameters():
            p.copy_(values(g, tuple(p.shape)))


def attention_weights(prefix, mha):
    w = mha.in_proj_weight
    b = mha.in_proj_bias
    names = {}
    for i, part in enumerate(["query", "key", "value"]):
        names[f"{prefix}{part}.weight"] = w[i * C:(i + 1) * C].T
        names[f"{prefix}{part}.bias"] = b[i * C:(i + 1) * C]
    names[f"{prefix}output.weight"] = mha.out_proj.weight.T
    names[f"{prefix}output.bias"] = mha.out_proj.bias
    return names


def layer_weights(layer, decoder):
    names = attention_weights("self_attention.", layer.self_attn)
    norms = [layer.norm1, layer.norm2]
    if decoder:
        names.update(attention_weights("cross_attention.",
                                       layer.multihead_attn))
        norms.append(layer.norm3)
    for k, linear in (("linear1", layer.linear1), ("linear2", layer.linear2)):
        names[f"feed_forward.{k}.weight"] = linear.weight.T
        names[f"feed_forward.{k}.bias"] = linear.bias
    for i, norm in enumerate(norms):
        names[f"sublayer{i}.norm.gain"] = norm.weight
        names[f"sublayer{i}.norm.bias"] = norm.bias
    return names


def finish(case, g, inputs, weights, y):
    """Backward with a drawn dY; records everything as rows."""
    dY = values(g, tuple(y.shape))
    y.backward(dY)
    # a weight's gradient in the Java layout: the same transpose or slice
    case["inputs"] = {k: rows(v) for k, v in inputs.items()}
    case["weights"] = {k: rows(v) for k, v in weights.items()}
    case["dY"] = rows(dY)
    case["output"] = rows(y)
    grads = {k: rows(v.grad) for k, v in inputs.items()}
    for k, v in weights.items():
        grads[k] = rows(v.grad)
    case["grads"] = grads
    return case


def base(name, kind):
    return {"name": name, "kind": kind,
            "sizes": {"B": B, "T": T, "S": S, "C": C, "H": H, "F": FF},
            "target_lengths": TARGET_LENGTHS,
            "source_lengths": SOURCE_LENGTHS}


def sdpa_case(mask):
    name = f"sdpa_{mask}"
    g = generator(name)
    keys = T if mask in ("causal", "both") else S
    q = values(g, (B * T, D)).requires_grad_()
    k = values(g, (B * keys, D)).requires_grad_()
    v = values(g, (B * keys, D)).requires_grad_()
    scores = q.reshape(B, T, D) @ k.reshape(B, keys, D).transpose(1, 2) \
        / math.sqrt(D)
    masked = torch.zeros(B, T, keys, dtype=torch.bool)
    if mask == "padding":
        masked |= padding(SOURCE_LENGTHS, keys).reshape(B, 1, keys)
    if mask in ("causal", "both"):
        masked |= (causal(T) == -math.inf).reshape(1, T, T)
    if mask == "both":
        masked |= padding(TARGET_LENGTHS, keys).reshape(B, 1, keys)
    weights = torch.softmax(scores.masked_fill(masked, -math.inf), dim=-1)
    y = (weights @ v.reshape(B, keys, D)).reshape(B * T, D)
    case = base(name, "sdpa")
    case["mask"] = mask
    return finish(case, g, {"q": q, "k": k, "v": v}, {}, y)


def projected(weights):
    """Leaves in the Java layout, and the same values for PyTorch."""
    return {k: v.detach().clone().requires_grad_() for k, v in
            weights.items()}


def mha_case(cross):
    name = "mha_cross" if cross else "mha_self"
    g = generator(name)
    mha = torch.nn.MultiheadAttention(C, H, batch_first=True, dtype=F64)
    init_module(g, mha)
    leaves = projected(attention_weights("", mha))
    x = values(g, (B * T, C)).requires_grad_()
    inputs = {"x": x}
    if cross:
        z = values(g, (B * S, C)).requires_grad_()
        inputs["z"] = z
        kv = z.reshape(B, S, C)
        key_padding = padding(SOURCE_LENGTHS, S)
        attn_mask = None
    else:
        kv = x.reshape(B, T, C)
        key_padding = padding(TARGET_LENGTHS, T)
        attn_mask = causal(T)
    y = attention_functional(x.reshape(B, T, C), kv, leaves, "",
                             key_padding, attn_mask).reshape(B * T, C)
    return finish(base(name, "mha"), g, inputs, leaves, y)


def attention_functional(xq, xkv, w, prefix, key_padding, attn_mask):
    """nn.MultiheadAttention's math from Java-layout leaves."""
    in_w = torch.cat([w[prefix + "query.weight"].T,
                      w[prefix + "key.weight"].T,
                      w[prefix + "value.weight"].T])
    in_b = torch.cat([w[prefix + "query.bias"], w[prefix + "key.bias"],
                      w[prefix + "value.bias"]])
    y, _ = F.multi_head_attention_forward(
        xq.transpose(0, 1), xkv.transpose(0, 1), xkv.transpose(0, 1),
        C, H, in_w, in_b, None, None, False, 0.0,
        w[prefix + "output.weight"].T, w[prefix + "output.bias"],
        training=False, key_padding_mask=key_padding, need_weights=False,
        attn_mask=attn_mask)
    return y.transpose(0, 1)


def layer_case(decoder, norm):
    name = f"{'decoder' if decoder else 'encoder'}_{norm}"
    g = generator(name)
    cls = torch.nn.TransformerDecoderLayer if decoder \
        else torch.nn.TransformerEncoderLayer
    layer = cls(C, H, dim_feedforward=FF, dropout=0.0, batch_first=True,
                norm_first=(norm == "pre"), dtype=F64)
    init_module(g, layer)
    layer.eval()
    leaves = projected(layer_weights(layer, decoder))
    if decoder:
        y_in = values(g, (B * T, C)).requires_grad_()
        memory = values(g, (B * S, C)).requires_grad_()
        inputs = {"x": y_in, "memory": memory}
        y = decoder_functional(y_in.reshape(B, T, C),
                               memory.reshape(B, S, C), leaves, norm)
        y = y.reshape(B * T, C)
    else:
        x = values(g, (B * S, C)).requires_grad_()
        inputs = {"x": x}
        y = encoder_functional(x.reshape(B, S, C), leaves, norm)
        y = y.reshape(B * S, C)
    case = base(name, "decoder" if decoder else "encoder")
    case["norm"] = norm
    # the functional forms must be PyTorch's own layers' math
    check_against_module(layer, decoder, inputs, y)
    return finish(case, g, inputs, leaves, y)


def norm_of(x, w, i):
    return F.layer_norm(x, (C,), w[f"sublayer{i}.norm.gain"],
                        w[f"sublayer{i}.norm.bias"], 1e-5)


def feed_forward(x, w):
    h = torch.relu(x @ w["feed_forward.linear1.weight"]
                   + w["feed_forward.linear1.bias"])
    return h @ w["feed_forward.linear2.weight"] \
        + w["feed_forward.linear2.bias"]


def residual(x, f, w, i, norm):
    if norm == "post":
        return norm_of(x + f(x), w, i)
    return x + f(norm_of(x, w, i))


def encoder_functional(x, w, norm):
    pad = padding(SOURCE_LENGTHS, S)
    x = residual(x, lambda h: attention_functional(
        h, h, w, "self_attention.", pad, None), w, 0, norm)
    return residual(x, lambda h: feed_forward(h, w), w, 1, norm)


def decoder_functional(y, memory, w, norm):
    y = residual(y, lambda h: attention_functional(
        h, h, w, "self_attention.", padding(TARGET_LENGTHS, T), causal(T)),
        w, 0, norm)
    y = residual(y, lambda h: attention_functional(
        h, memory, w, "cross_attention.", padding(SOURCE_LENGTHS, S), None),
        w, 1, norm)
    return residual(y, lambda h: feed_forward(h, w), w, 2, norm)


def check_against_module(layer, decoder, inputs, y):
    """The functional form equals PyTorch's layer module itself."""
    with torch.no_grad():
        if decoder:
            expected = layer(
                inputs["x"].reshape(B, T, C),
                inputs["memory"].reshape(B, S, C), tgt_mask=causal(T),
                tgt_key_padding_mask=padding(TARGET_LENGTHS, T),
                memory_key_padding_mask=padding(SOURCE_LENGTHS, S))
        else:
            expected = layer(inputs["x"].reshape(B, S, C),
                             src_key_padding_mask=padding(SOURCE_LENGTHS, S))
    difference = (expected.reshape(y.shape) - y.detach()).abs().max()
    assert difference < 1e-12, f"functional form differs: {difference}"


def generate():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    cases = [sdpa_case(m) for m in ("none", "padding", "causal", "both")]
    cases += [mha_case(False), mha_case(True)]
    cases += [layer_case(False, n) for n in ("post", "pre")]
    cases += [layer_case(True, n) for n in ("post", "pre")]
    lines = [json.dumps(c) for c in cases]
    header = {"generator": "make_golden_layers.py: seeded torch.Generator"
              " per case, zlib.crc32(name); uniform [-1, 1) for weights,"
              " inputs and dY", "torch_version": torch.__version__}
    text = json.dumps(header)[:-1] + ', "cases": [\n' \
        + ",\n".join(lines) + "\n]}\n"
    return text, len(cases)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--out", default=OUT)
    args = parser.parse_args()
    text, count = generate()
    if args.check:
        with open(args.out, encoding="utf-8") as f:
            committed = f.read()
        if committed != text:
            print(f"{args.out} is not what this script writes now")
            sys.exit(1)
        print(f"{args.out} matches: {count} cases")
        return
    with open(args.out, "w", encoding="utf-8") as f:
        f.write(text)
    print(f"wrote {args.out}: {count} cases, torch {torch.__version__}")


if __name__ == "__main__":
    main()
