#!/usr/bin/env python3
"""Checks that every exercise test failed on the untouched stubs.

Reads the surefire XML reports of a stub run
(mvn -Pexercises test -Dmaven.test.failure.ignore=true). A test that passes
on a stub checks nothing, so every testcase must end in a failure or an
error; a skipped one counts as not failing. Exits 1 if any did not fail, or if
the reports hold no testcase at all.

Usage: check-stubs.py [REPORTS_DIR]   (default target/surefire-reports)
"""
import glob
import os
import sys
import xml.etree.ElementTree as ET


def main(reports_dir):
    paths = sorted(glob.glob(os.path.join(reports_dir, "TEST-*.xml")))
    failed, not_failed = 0, []
    for path in paths:
        for case in ET.parse(path).getroot().iter("testcase"):
            name = f"{case.get('classname')}.{case.get('name')}"
            if case.find("failure") is not None or case.find("error") is not None:
                failed += 1
            elif case.find("skipped") is not None:
                not_failed.append(name + "  (skipped)")
            else:
                not_failed.append(name + "  (passed)")
    total = failed + len(not_failed)
    if total == 0:
        print(f"stub check: no exercise test ran (no testcase in "
              f"{reports_dir}/TEST-*.xml)")
        return 1
    if not_failed:
        print(f"stub check: {len(not_failed)} of {total} exercise tests "
              "did not fail on the untouched stubs; a test that passes on a "
              "stub checks nothing:")
        for name in not_failed:
            print("  " + name)
        return 1
    classes = f"{len(paths)} test class" + ("" if len(paths) == 1 else "es")
    print(f"stub check: all {total} exercise tests fail on the untouched "
          f"stubs ({classes})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "target/surefire-reports"))
