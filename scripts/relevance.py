#!/usr/bin/env python3
"""Relevance report: podium against a plain BM25 baseline on the gold queries.

For every query in the gold file (tests/gold/seeds.json) this script ranks
the seeds' passages three ways and scores each ranking against the gold's
relevant passages:

  podium            `podium search QUERY --json` (synonyms, proximity, roles)
  podium, no syn.   the same with --no-synonyms (what the synonyms add)
  FTS5 BM25 (AND)   SQLite FTS5 over the same passages, every word required,
                    ranked by bm25() -- a plain BM25 engine with the same
                    stemming (porter) and accent folding
  FTS5 BM25 (OR)    the same with any word enough

"The same passages" are podium's own: `podium parse --json` of the seeds,
with a passage republished word for word in several files kept once (from
the file with most passages), as `podium index` does.

Metrics (k = 5 by default):
  recall@k   share of a query's relevant passages in its top k, averaged
  MRR        1 / rank of the first relevant passage (0 if none in the top
             10), averaged
  all@k      queries with every relevant passage in the top k
  P@1        queries whose first hit is a relevant passage (precision of
             the first hit)

Usage: scripts/relevance.py [--podium PATH] [--seeds DIR] [--gold FILE] [-k K]
Needs Python 3.8+ with sqlite3 built with FTS5 (the python.org and Debian
builds are); the script checks and says so if not.
"""

import argparse
import json
import os
import re
import sqlite3
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
MIN_DEDUP_WORDS = 12  # podium's passage::MIN_DEDUP_WORDS
DEPTH = 10  # ranks looked at for MRR


def podium_binary(given):
    if given:
        return given
    subprocess.run(["cargo", "build", "--quiet"], cwd=ROOT, check=True)
    return os.path.join(ROOT, "target", "debug", "podium")


def run_json(cmd):
    out = subprocess.run(cmd, capture_output=True, text=True)
    if out.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({out.returncode}): {out.stderr.strip()}")
    return [json.loads(line) for line in out.stdout.splitlines() if line.strip()]


def base(path):
    return re.split(r"[/\\]", path)[-1]


def fold(text):
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w]+", " ", text.replace("'", "").replace("\u2019", "")).split())


def passages(podium, seeds):
    files = sorted(
        os.path.join(seeds, f) for f in os.listdir(seeds) if f.endswith(".txt")
    )
    docs = run_json([podium, "parse", *files, "--json"])
    size = {d["file"]: len(d["passages"]) for d in docs}
    groups = {}
    for d in docs:
        for p in d["passages"]:
            p = dict(p, file=d["file"])
            if len(p["text"].split()) >= MIN_DEDUP_WORDS:
                key = (fold(p["speaker"]), fold(p["text"]))
            else:
                key = (d["file"], p["id"], p["position"])
            groups.setdefault(key, []).append(p)
    kept = []
    for group in groups.values():
        owner = min(group, key=lambda p: (-size[p["file"]], p["file"]))
        also = sorted({p["file"] for p in group} - {owner["file"]})
        kept.append(dict(owner, also_in=also))
    return kept


def fts5_rankings(kept, queries):
    db = sqlite3.connect(":memory:")
    try:
        db.execute(
            "CREATE VIRTUAL TABLE p USING fts5(text, speaker UNINDEXED, file UNINDEXED,"
            " also_in UNINDEXED, tokenize = 'porter unicode61 remove_diacritics 2')"
        )
    except sqlite3.OperationalError as e:
        sys.exit(f"this Python's sqlite3 has no FTS5 ({e}); install one that does")
    db.executemany(
        "INSERT INTO p (text, speaker, file, also_in) VALUES (?, ?, ?, ?)",
        [(p["text"], p["speaker"], p["file"], json.dumps(p["also_in"])) for p in kept],
    )
    out = {"and": {}, "or": {}}
    for q in queries:
        words = ['"%s"' % w.replace('"', '""') for w in re.findall(r"\w+", q)]
        for mode, joiner in (("and", " "), ("or", " OR ")):
            rows = db.execute(
                "SELECT text, speaker, file, also_in FROM p WHERE p MATCH ?"
                " ORDER BY bm25(p) LIMIT ?",
                (joiner.join(words), DEPTH),
            ).fetchall()
            out[mode][q] = [
                {"text": t, "speaker": s, "file": f, "also_in": json.loads(a)}
                for t, s, f, a in rows
            ]
    return out


def relevant(hit, rel):
    files = [base(hit["file"])] + [base(f) for f in hit.get("also_in") or []]
    return (
        rel["file"] in files
        and rel["contains"] in hit["text"]
        and ("speaker" not in rel or hit["speaker"] == rel["speaker"])
    )


def score(ranking, rels, k):
    found = [
        next((i + 1 for i, h in enumerate(ranking) if relevant(h, r)), None)
        for r in rels
    ]
    recall = sum(1 for f in found if f is not None and f <= k) / len(rels)
    ranks = [f for f in found if f is not None]
    first = min(ranks) if ranks else None
    return recall, (1.0 / first if first else 0.0), found


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--podium", help="podium binary (default: cargo build, target/debug/podium)")
    ap.add_argument("--seeds", default=os.path.join(ROOT, "seeds"))
    ap.add_argument("--gold", default=os.path.join(ROOT, "tests", "gold", "seeds.json"))
    ap.add_argument("-k", type=int, default=5)
    args = ap.parse_args()
    podium = podium_binary(args.podium)
    gold = json.load(open(args.gold, encoding="utf-8"))["queries"]
    queries = [g["q"] for g in gold]

    with tempfile.TemporaryDirectory() as tmp:
        idx = os.path.join(tmp, "idx")
        subprocess.run(
            [podium, "index", args.seeds, "--index", idx], check=True, capture_output=True
        )
        systems = {}
        for name, extra in (("podium", []), ("podium, no synonyms", ["--no-synonyms"])):
            systems[name] = {
                q: run_json(
                    [podium, "search", q, "--json", "-n", str(DEPTH), "--index", idx, *extra]
                )
                for q in queries
            }
    fts = fts5_rankings(passages(podium, args.seeds), queries)
    systems["FTS5 BM25, all words"] = fts["and"]
    systems["FTS5 BM25, any word"] = fts["or"]

    k = args.k
    print(f"Relevance on the {len(gold)} gold queries of {os.path.relpath(args.gold, ROOT)} (k = {k})\n")
    print(f"| system | recall@{k} | MRR | P@1 | all relevant in top {k} |")
    print("|---|---:|---:|---:|---:|")
    per_query = {}
    for name, rankings in systems.items():
        recalls, rrs, alls, firsts = [], [], 0, 0
        for g in gold:
            r, rr, found = score(rankings[g["q"]], g["relevant"], k)
            recalls.append(r)
            rrs.append(rr)
            alls += r == 1.0
            firsts += rr == 1.0
            per_query.setdefault(g["q"], {})[name] = found
        print(
            f"| {name} | {sum(recalls) / len(recalls):.2f} | {sum(rrs) / len(rrs):.2f}"
            f" | {firsts}/{len(gold)} | {alls}/{len(gold)} |"
        )
    print(f"\nRank of each relevant passage (– = not in the top {DEPTH}):\n")
    names = list(systems)
    print("| query | relevant passage | " + " | ".join(names) + " |")
    print("|---|---|" + "---:|" * len(names))
    for g in gold:
        for i, rel in enumerate(g["relevant"]):
            who = rel.get("speaker", "narration")
            cells = [
                str(per_query[g["q"]][n][i]) if per_query[g["q"]][n][i] else "–"
                for n in names
            ]
            print(f"| {g['q']} | {who}: “{rel['contains']}” | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
