#!/usr/bin/env python3
"""Side-by-side: podium vs `rg -i`, SQLite FTS5 and tantivy-cli on one generated corpus.

One run, one machine, one corpus, the same queries: ratios mean something even
on a noisy 2-core box. Usage:

    cargo build --release
    python3 benches/compare.py                       # 100k passages (about 38 MB)
    python3 benches/compare.py --passages 1000000    # 1M passages (about 380 MB)

It prints a Markdown table (medians of --runs runs per query) and writes the raw
figures as JSON next to the corpus. Needs: python3 (with sqlite3's FTS5, as
Debian ships it), ripgrep (`apt-get install ripgrep`). tantivy-cli is timed
only if `tantivy` is on PATH.
"""

import argparse
import json
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **kw)


def timed(cmd, runs, **kw):
    """Median and p95 wall time in ms of running `cmd` (a list, or a shell string)."""
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
        samples.append((time.perf_counter() - t) * 1000)
    samples.sort()
    return statistics.median(samples), samples[min(len(samples) - 1, int(len(samples) * 0.95))]


def du(path):
    total = 0
    for dirpath, _, files in os.walk(path):
        for f in files:
            total += os.path.getsize(os.path.join(dirpath, f))
    return total


def paragraphs(text):
    """Paragraphs of a raw transcript for the FTS5 baseline: blank-line blocks,
    unwrapped when hard-wrapped, one per line otherwise."""
    for block in re.split(r"\n\s*\n", text):
        lines = [l.strip() for l in block.split("\n") if l.strip()]
        if not lines:
            continue
        if max(len(l) for l in lines) <= 80:
            yield " ".join(lines)
        else:
            yield from lines


def build_fts5(corpus, db):
    if os.path.exists(db):
        os.remove(db)
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=OFF")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("CREATE VIRTUAL TABLE p USING fts5(text, file UNINDEXED, tokenize='porter unicode61')")
    rows = []
    t = time.perf_counter()
    for dirpath, _, files in os.walk(corpus):
        for f in sorted(files):
            if not f.endswith(".txt"):
                continue
            path = os.path.join(dirpath, f)
            with open(path, encoding="utf-8") as fh:
                for para in paragraphs(fh.read()):
                    rows.append((para, path))
            if len(rows) > 50_000:
                con.executemany("INSERT INTO p(text, file) VALUES (?, ?)", rows)
                rows = []
    con.executemany("INSERT INTO p(text, file) VALUES (?, ?)", rows)
    con.commit()
    con.execute("INSERT INTO p(p) VALUES ('optimize')")
    con.commit()
    secs = time.perf_counter() - t
    con.close()
    return secs


FTS_QUERY = """SELECT rowid, bm25(p), snippet(p, 0, '[', ']', '…', 12) FROM p
WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10"""


def fts5_timed(db, match, runs):
    con = sqlite3.connect(db)
    con.execute(FTS_QUERY, (match,)).fetchall()  # warm
    samples = []
    for _ in range(runs):
        t = time.perf_counter()
        con.execute(FTS_QUERY, (match,)).fetchall()
        samples.append((time.perf_counter() - t) * 1000)
    count = con.execute("SELECT count(*) FROM p WHERE p MATCH ?", (match,)).fetchone()[0]
    con.close()
    samples.sort()
    return statistics.median(samples), count


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--passages", type=int, default=int(os.environ.get("PODIUM_BENCH_PASSAGES", 100_000)))
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--work", default=os.environ.get("PODIUM_BENCH_DIR", "/tmp/podium-compare"))
    ap.add_argument("--podium", default=os.path.join(ROOT, "target", "release", "podium"))
    args = ap.parse_args()

    podium = args.podium
    if not os.path.exists(podium):
        sys.exit(f"{podium} not found: run `cargo build --release` first")
    rg = shutil.which("rg")
    tantivy = shutil.which("tantivy")
    corpus = os.path.join(args.work, f"corpus-{args.passages}")
    index = os.path.join(args.work, f"index-{args.passages}")
    db = os.path.join(args.work, f"fts5-{args.passages}.db")
    os.makedirs(args.work, exist_ok=True)

    print(f"# generating {args.passages} passages (seed {args.seed})", file=sys.stderr)
    shutil.rmtree(corpus, ignore_errors=True)
    gen = json.loads(run([podium, "generate", corpus, "--passages", str(args.passages),
                          "--seed", str(args.seed), "--json"]).stdout)
    raw = gen["bytes"]

    print("# indexing with podium", file=sys.stderr)
    shutil.rmtree(index, ignore_errors=True)
    t = time.perf_counter()
    summary = json.loads(run([podium, "index", corpus, "--index", index, "--json"]).stdout)
    podium_build = time.perf_counter() - t
    if summary["passages"] != args.passages:
        # The generator writes one passage per paragraph; a difference is
        # the parser's (reported, not fatal: the timings still compare).
        print(f"# note: podium indexed {summary['passages']} passages of the {args.passages} generated",
              file=sys.stderr)

    print("# building SQLite FTS5", file=sys.stderr)
    fts_build = build_fts5(corpus, db)

    # The mix `podium generate` wrote: words and phrases known to be there.
    mix = {}
    with open(os.path.join(corpus, "queries.mix")) as fh:
        for line in fh:
            if line.strip() and not line.startswith("#"):
                name, rest = line.split(":", 1)
                mix[name.strip()] = rest.strip()
    words = lambda q: q.split(" --")[0].strip()
    queries = [
        # name, podium query, FTS5 MATCH, rg pipeline (shell)
        ("rare term", words(mix["term-rare"]), words(mix["term-rare"]), f"rg -i -w {words(mix['term-rare'])} {corpus}"),
        ("mid term", words(mix["term-mid"]), words(mix["term-mid"]), f"rg -i -w {words(mix['term-mid'])} {corpus}"),
        ("common term", "market", "market", f"rg -i -w market {corpus}"),
        ("phrase", '"capital market"', '"capital market"', f"rg -i -F 'capital market' {corpus}"),
        ("AND of 3", "trade policy reform", "trade AND policy AND reform",
         f"rg -i -w trade {corpus} | rg -i -w policy | rg -i -w reform"),
    ]

    results = []
    for name, pq, fq, rgq in queries:
        print(f"# timing {name}", file=sys.stderr)
        row = {"query": name}
        row["podium_cli_ms"], row["podium_cli_p95_ms"] = timed(
            [podium, "search", pq, "--index", index, "-n", "10", "--color", "never"], args.runs)
        hits = json.loads(run([podium, "bench", "--index", index, "--queries", "/dev/stdin",
                               "--runs", "50", "--cold", "3", "--json"],
                              input=f"q: {pq}\n".encode()).stdout)
        row["podium_inproc_p50_ms"] = hits["queries"][0]["warm"]["p50_us"] / 1000
        row["podium_inproc_p99_ms"] = hits["queries"][0]["warm"]["p99_us"] / 1000
        row["podium_hits"] = hits["queries"][0]["hits"]
        row["fts5_ms"], row["fts5_hits"] = fts5_timed(db, fq, args.runs)
        if rg:
            row["rg_ms"], _ = timed(rgq, max(3, args.runs // 3), shell=True)
        if tantivy:
            row["tantivy_cli_ms"], _ = timed([tantivy, "search", "-i", index, "-q", pq], args.runs)
        results.append(row)

    true_ms, _ = timed(["/bin/true"], args.runs)
    report = {
        "passages": args.passages, "raw_bytes": raw, "runs": args.runs,
        "podium_build_s": podium_build, "podium_index_bytes": du(index),
        "fts5_build_s": fts_build, "fts5_bytes": os.path.getsize(db),
        "process_start_ms": true_ms, "queries": results,
    }
    with open(os.path.join(args.work, f"compare-{args.passages}.json"), "w") as fh:
        json.dump(report, fh, indent=1)

    mb = raw / 1e6
    print(f"\nCorpus: {args.passages:,} passages, {mb:.0f} MB of raw text (podium generate --seed {args.seed}); "
          f"medians of {args.runs} runs; process start (/bin/true) {true_ms:.1f} ms.\n")
    cols = ["query", "hits", "podium CLI", "podium in-process p50 / p99", "SQLite FTS5 (top 10 + snippet)"]
    if rg:
        cols.append("rg -i")
    if tantivy:
        cols.append("tantivy-cli")
    print("| " + " | ".join(cols) + " |")
    print("|" + "---|" * len(cols))
    for r in results:
        base = r["podium_cli_ms"]
        cells = [r["query"], f"{r['podium_hits']:,}", f"{base:.1f} ms",
                 f"{r['podium_inproc_p50_ms']:.2f} / {r['podium_inproc_p99_ms']:.2f} ms",
                 f"{r['fts5_ms']:.1f} ms ({r['fts5_ms'] / base:.1f}×)"]
        if rg:
            cells.append(f"{r['rg_ms']:.0f} ms ({r['rg_ms'] / base:.0f}×)")
        if tantivy:
            cells.append(f"{r['tantivy_cli_ms']:.1f} ms ({r['tantivy_cli_ms'] / base:.1f}×)")
        print("| " + " | ".join(cells) + " |")
    print()
    print("| build | time | throughput | size on disk | size / raw text |")
    print("|---|---|---|---|---|")
    print(f"| podium index | {podium_build:.1f} s | {mb / podium_build:.1f} MB/s | "
          f"{du(index) / 1e6:.0f} MB | {du(index) / raw:.2f}× |")
    print(f"| SQLite FTS5 | {fts_build:.1f} s | {mb / fts_build:.1f} MB/s | "
          f"{os.path.getsize(db) / 1e6:.0f} MB | {os.path.getsize(db) / raw:.2f}× |")
    print("\nCLI times are process start to exit, top 10 with snippets, output to /dev/null; "
          "ratios are against podium's CLI time. FTS5 runs in this Python process (no process start).")


if __name__ == "__main__":
    main()
