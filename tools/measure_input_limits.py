"""Time and memory of checking the data, for the real file and for hostile or huge ones.

Run `.venv/bin/python -m tools.measure_input_limits`; prints one line per case. Each case runs in
its own process so its peak memory is its own. Not a test: figures depend on the machine.
"""

import statistics
import subprocess
import sys
import time

CASE = r"""
import datetime, resource, sys, time
import yaml
from macros.load import GuideError, parse_guide
real = open("data/guide.yml", encoding="utf-8").read()
case = sys.argv[1]
if case == "real file":
    raw = real.encode()
elif case == "20 MiB file":
    raw = b"# padding\n" * (2 * 1024 * 1024)
elif case == "100,000 glossary entries":
    data = yaml.safe_load(real)
    data["glossary"] += [{"id": f"t-{i}", "term": f"Term {i}", "definition": f"Meaning {i}."} for i in range(100_000)]
    raw = yaml.dump(data, Dumper=yaml.CSafeDumper, allow_unicode=True, sort_keys=False).encode()
elif case == "3 million duplicate keys":
    raw = b"a: 1\n" * 3_000_000
elif case == "billion laughs, 40 levels":
    raw = ("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
        f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 9)}]\n" for i in range(1, 40))).encode()
elif case == "100,000 nested lists":
    raw = b"modes: " + b"[" * 100_000 + b"]" * 100_000
wall, cpu = time.perf_counter(), time.process_time()
try:
    parse_guide(raw, "data/guide.yml", datetime.date.today())
    outcome = "valid"
except GuideError as error:
    outcome = error.report().splitlines()[0].split(": ", 2)[-1][:70]
print(f"{len(raw) / 2**20:7.1f} MiB  {time.perf_counter() - wall:7.3f} s wall  {time.process_time() - cpu:7.3f} s CPU  "
      f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:6.0f} MiB peak  {outcome}")
"""
CASES = ["real file", "20 MiB file", "100,000 glossary entries", "3 million duplicate keys",
         "billion laughs, 40 levels", "100,000 nested lists"]


def check_command_seconds(runs: int = 5) -> list[float]:
    """Wall time of `python -m macros.check` on the real data, as `make check` runs it."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "macros.check"], capture_output=True, check=True)
        times.append(time.perf_counter() - started)
    return times


def main() -> int:
    times = check_command_seconds()
    print(f"make check on the real data: median {statistics.median(times):.3f} s, best {min(times):.3f} s of {len(times)}")
    for case in CASES:
        result = subprocess.run([sys.executable, "-c", CASE, case], capture_output=True, text=True)
        print(f"{case:28} {result.stdout.strip() or 'crashed: ' + result.stderr.strip()[-200:]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
