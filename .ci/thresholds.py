#!/usr/bin/env python3
"""Checks the extraction scorer's figures against cuesheet's thresholds.

    python3 ../shared/eval/score.py --output OUT --gold GOLD --json | python3 .ci/thresholds.py SET
    python3 .ci/thresholds.py SET SCORES.json

SET is a name in THRESHOLDS below. Prints each figure beside its threshold with PASS or FAIL and
exits 1 if any figure is below its threshold or missing from the scores, 2 on bad usage.
"""

import json
import sys

# (figure as a dotted path into the scorer's --json output, minimum, why)
THRESHOLDS = {
    "seeds": [
        ("per_layout.ranked-list.f1", 0.97, "entry F1, ranked list (issue 3)"),
        ("per_layout.tilde-header.f1", 0.97, "entry F1, tilde headers (issue 3)"),
        ("per_layout.prose.f1", 0.85, "entry F1, prose (issue 3)"),
        ("composers.f1", 0.90, "issue 3"),
        ("labels.f1", 0.95, "issue 3"),
        ("tracks.f1", 0.85, "issue 3"),
        ("year_accuracy", 0.90, "issue 3"),
        ("dedup_bcubed.f1", 1.0, "nothing wrongly merged, all merged (issue 4)"),
    ],
    "dev": [
        ("entries.f1", 0.93, "entry F1 on unseen sites (issue 3)"),
        ("field_f1", 0.85, "composers, labels, tracks, year (issue 3)"),
    ],
}

# The scorer rounds to 4 places; this only absorbs float noise in the comparison.
EPSILON = 1e-9


def lookup(scores, path):
    value = scores
    for part in path.split("."):
        if not isinstance(value, dict) or part not in value:
            return None
        value = value[part]
    return value if isinstance(value, (int, float)) else None


def main(argv):
    if len(argv) not in (2, 3) or argv[1] not in THRESHOLDS:
        sys.stderr.write(__doc__)
        sys.stderr.write(f"\nknown sets: {', '.join(THRESHOLDS)}\n")
        return 2
    source = open(argv[2], encoding="utf-8") if len(argv) == 3 else sys.stdin
    try:
        scores = json.load(source)
    except json.JSONDecodeError as e:
        print(f"thresholds.py: the scores are not JSON: {e}", file=sys.stderr)
        return 1
    failed = 0
    for path, minimum, why in THRESHOLDS[argv[1]]:
        value = lookup(scores, path)
        ok = value is not None and value >= minimum - EPSILON
        failed += not ok
        shown = "missing" if value is None else f"{value:.3f}"
        print(f"  {argv[1]:5} {path:28} {shown:>7} >= {minimum:.2f}  {'PASS' if ok else 'FAIL'}  {why}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
