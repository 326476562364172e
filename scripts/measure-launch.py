#!/usr/bin/env python3
"""Measures the time from starting the app to a usable first screen, for BENCHMARKS.md.

    scripts/measure-launch.py [--binary target/release/workshop-desk] [--runs 10]

The app is started through tauri-driver under Xvfb on a data directory with the demo workshop
(so the first screen is the participant list). "Usable" is the UI's `app-ready` performance
mark, set once the first screen is rendered; it is compared with the process's start time read
from /proc. Needs what scripts/test.sh installs.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(__file__))
from importlib import import_module

screenshots = import_module("take-screenshots")


def process_start_epoch(pid):
    """The process's start, in seconds since the epoch, from /proc (10 ms resolution)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    start_ticks = int(fields[19])
    with open("/proc/stat") as f:
        boot = next(int(line.split()[1]) for line in f if line.startswith("btime"))
    return boot + start_ticks / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default="target/release/workshop-desk")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    binary = os.path.abspath(args.binary)
    data_dir = tempfile.mkdtemp(prefix="workshop-desk-launch-")
    subprocess.run([os.path.join(os.path.dirname(binary), "workshop"), "--data-dir", data_dir, "demo"],
                   check=True, stdout=subprocess.DEVNULL)
    display, xvfb = screenshots.start_xvfb()
    timings = []
    try:
        for _ in range(args.runs):
            session = screenshots.Session(binary, data_dir, display)
            try:
                ready = session.js("""
                    for (let i = 0; i < 200; i++) {
                      const mark = performance.getEntriesByName('app-ready')[0];
                      if (mark) return performance.timeOrigin + mark.startTime;
                      await new Promise(r => setTimeout(r, 25));
                    }
                    return null;""")
                pid = int(subprocess.check_output(["pgrep", "-n", "-f", binary]).split()[0])
                started = process_start_epoch(pid)
                timings.append((ready / 1000.0 - started) * 1000.0)
            finally:
                session.close()
            time.sleep(0.5)
    finally:
        screenshots.stop_xvfb(xvfb)
        shutil.rmtree(data_dir, ignore_errors=True)
    timings.sort()
    print(f"launch to usable window over {len(timings)} runs: median {statistics.median(timings):.0f} ms, "
          f"min {timings[0]:.0f} ms, max {timings[-1]:.0f} ms")


if __name__ == "__main__":
    main()
