"""TIMEX3 scores of Kirok beside dateparser's, from one run, on the TempEval-3 style data sets.

    .venv/bin/python benchmarks/timex_scores.py [--sets te3-platinum tbaq wikiwars] [--out FILE]

Runs ``../shared/eval/score.py timex`` on each set (the kit's three, and ``eval/timeml-own`` to
``eval/timeml-own5``, sixteen news articles each, written and annotated for Kirok) twice: once with
``kirok extract --jsonl`` (segment and date stages, the part of the pipeline that tags time) and once
with the dateparser baseline of the evaluation kit, then prints one table
(Markdown) and writes it to ``--out`` when given. dateparser comes with Kirok's ``bench`` extra
(``make bench``).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SETS = ("te3-platinum", "tbaq", "wikiwars") + tuple(f"timeml-own{n}" for n in ("", "2", "3", "4", "5"))
#: where each set lives: the evaluation kit's, and those written for Kirok (``eval/timeml-own*``)
PATHS = {name: SHARED / "eval" / "timeml" / name for name in SETS[:3]} | {
    name: ROOT / "eval" / name for name in SETS[3:]
}
KIROK = f"{Path(sys.executable).parent / 'kirok'} extract --jsonl --stages clean.segment.v1,dates.timex.v1"
PEER = f"{sys.executable} {SHARED / 'eval' / 'baselines' / 'dateparser_timex.py'}"


def score(data_set: str, cmd: str) -> dict[str, float]:
    done = subprocess.run(
        [
            sys.executable,
            str(SHARED / "eval" / "score.py"),
            "timex",
            str(PATHS[data_set]),
            "--cmd",
            cmd,
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        sys.exit(f"benchmark: scoring {data_set} with {cmd.split()[0]} failed:\n{done.stderr[-1500:]}")
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sets", nargs="+", default=list(SETS), choices=SETS)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    rows = [
        "| data set | system | strict F1 | relaxed F1 | value F1 | type F1 | seconds |",
        "|---|---|---|---|---|---|---|",
    ]
    for data_set in args.sets:
        for name, cmd in (("Kirok", KIROK), ("dateparser 1.5", PEER)):
            s = score(data_set, cmd)
            rows.append(
                f"| {data_set} | {name} | {s['strict_f1']:.2f} | {s['relaxed_f1']:.2f} | {s['value_f1']:.2f} "
                f"| {s['type_f1']:.2f} | {s['seconds']:.1f} |"
            )
            print(rows[-1], flush=True)
    table = "\n".join(rows)
    print()
    print(table)
    if args.out:
        args.out.write_text(table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
