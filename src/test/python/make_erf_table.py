#!/usr/bin/python3
"""Reference values of erf and erfc for ErfTest, computed by mpmath.

mpmath evaluates erf and erfc at 40 significant digits; each value is then
rounded once to the nearest double (Python's float of an mpf), so the table
holds the correctly rounded result that an ideal double erf would return.
The points are:

  * exact binary points k/64 for k = 0 .. 512 (z from 0 to 8);
  * tiny arguments 1e-300, 1e-20, 1e-8, 1e-4;
  * the neighbourhood of the switch at 1.5 (the doubles next to it, and
    1.5 -+ 1e-7), where Erf changes from its series to its fraction;
  * 8 to 27 in steps of 0.25, where erfc falls to 1e-318 (subnormal);
  * 300 points uniform in [0, 6), 100 in [6, 27) and 100 in [-6, 0) from
    random.Random(10), so that most points are not short binary fractions.

Usage: /usr/bin/python3 src/test/python/make_erf_table.py [--check]

The output is src/test/resources/org/scratchformer/ops/erf.csv: a header
line, then one line per point, z,erf(z),erfc(z), each written with
Python's repr (the shortest text that reads back to the same double).
--check compares with the committed file instead of writing it.
"""

import math
import random
import sys
from pathlib import Path

import mpmath

TABLE = (Path(__file__).resolve().parents[1]
         / "resources/org/scratchformer/ops/erf.csv")


def points():
    zs = [k / 64 for k in range(0, 513)]
    zs += [1e-300, 1e-20, 1e-8, 1e-4]
    zs += [math.nextafter(1.5, 0), math.nextafter(1.5, 2), 1.5 - 1e-7,
           1.5 + 1e-7]
    zs += [8 + k / 4 for k in range(1, 77)]
    r = random.Random(10)
    zs += [r.uniform(0, 6) for _ in range(300)]
    zs += [r.uniform(6, 27) for _ in range(100)]
    zs += [r.uniform(-6, 0) for _ in range(100)]
    return zs


def table():
    mpmath.mp.dps = 40
    lines = ["z,erf,erfc"]
    for z in points():
        x = mpmath.mpf(z)  # exact: every double is an mpf
        lines.append(f"{z!r},{float(mpmath.erf(x))!r},"
                     f"{float(mpmath.erfc(x))!r}")
    return "\n".join(lines) + "\n"


def main():
    text = table()
    if len(sys.argv) > 1 and sys.argv[1] == "--check":
        if TABLE.read_text(encoding="utf-8") != text:
            print(f"{TABLE} is not what this script writes now",
                  file=sys.stderr)
            return 1
        print(f"{TABLE} matches")
        return 0
    TABLE.parent.mkdir(parents=True, exist_ok=True)
    TABLE.write_text(text, encoding="utf-8")
    print(f"wrote {TABLE}: {text.count(chr(10)) - 1} points")
    return 0


if __name__ == "__main__":
    sys.exit(main())
