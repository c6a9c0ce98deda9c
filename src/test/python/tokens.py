"""The Java program's tokenizer (translation.Tokens.split), for the scripts
that feed PyTorch the same sentences: twin_check.py and
bench_side_by_side.py."""


def tokens(text):
    """Words, with a hyphen as a token of its own."""
    out = []
    for word in text.split():
        parts = word.split("-")
        for i, part in enumerate(parts):
            if i > 0:
                out.append("-")
            if part:
                out.append(part)
    return out
