#!/usr/bin/env python3
"""Known-item search: podium against SQLite FTS5 on passages people remember.

A reader remembers a passage by a few of its rarer words, one of them in
another form (a plural for a singular). This script picks passages of a
corpus at random (seeded, so runs compare), forms such a query from each,
and asks podium and SQLite FTS5 (porter unicode61, bm25, every word
required, any word when none has all) for the top 10. The score is MRR@10:
1 / the rank of the remembered passage, 0 when it is not in the top 10.

Both engines see the same passages: podium's own (`podium parse --json`),
a republished one kept once, as `podium index` keeps it.

Query words: letters only, 4+ long, not a stop word, in 3 to 300 passages
("moderately rare"); one of the three, a noun by its ending whose other
number the corpus also uses, is inflected: `tariffs` for `tariff`, `tariff`
for `tariffs`. Words are taken as a reader
types them: `couldn't` is `couldnt`, and a possessive is its noun
(`Yellen's` is `yellen`); `y` plurals are spelt `ies`.

Usage: scripts/knownitem.py [--podium PATH] [--corpus DIR] [--queries N] [--seed S]
The corpus defaults to ../shared/corpora/whitehouse-2021.
"""

import argparse
import os
import random
import re
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from relevance import ROOT, fold, passages, run_json  # noqa: E402

DEPTH = 10
MIN_DF, MAX_DF = 3, 300
STOP = set(
    """about above after again against also among another around because been before being
below between both could does doing down during each even every from further have having here
into just itself more most much must never only other over same should since some such than
that their them then there these they this those through under until very were what when where
which while whom will with within without would your yours just like well know going think
really said says told want make made people thing things time year years today right okay""".split()
)


POSSESSIVE = re.compile(r"(?<=\w)['\u2019]s\b", re.IGNORECASE)


def words_of(text):
    """The words a reader would type: a possessive is its noun (`Yellen's`
    is `yellen`, not `yellens`); a contraction stays one word (`couldnt`)."""
    text = POSSESSIVE.sub("", text)
    return [w for w in re.findall(r"[a-z]+", fold(text)) if len(w) >= 4 and w not in STOP]


def inflectable(word):
    """Whether the word reads as a noun that has a plural: not a verb form,
    an adverb or a word whose final s is not a plural's."""
    return not word.endswith(("ed", "ing", "ly", "ous", "ss", "us", "is", "ful", "al"))


def inflect(word):
    """The word's other number, spelt as English spells it: `century` and
    `centuries`, not `centurys`."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and len(word) > 4:
        return word[:-1]
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "i", "o", "u"):
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def make_queries(kept, n, seed):
    df = {}
    for p in kept:
        for w in set(words_of(p["text"])):
            df[w] = df.get(w, 0) + 1
    rng = random.Random(seed)
    candidates = [p for p in kept if len(p["text"].split()) >= 25]
    rng.shuffle(candidates)
    queries = []
    for p in candidates:
        ws = sorted({w for w in words_of(p["text"]) if MIN_DF <= df.get(w, 0) <= MAX_DF})
        if len(ws) < 3:
            continue
        # Only a form the corpus itself uses is one people type: `tariffs`
        # for `tariff`, never `novembers` or `largests`.
        nouns = [w for w in ws if inflectable(w) and inflect(w) in df]
        if not nouns:
            continue
        first = rng.choice(nouns)
        # Three different words, not forms of one (`implements implementation`):
        # no two share their first five letters.
        others = [w for w in ws if w[:5] != first[:5]]
        others = [w for i, w in enumerate(others) if all(o[:5] != w[:5] for o in others[:i])]
        if len(others) < 2:
            continue
        pick = [inflect(first)] + rng.sample(others, 2)
        rng.shuffle(pick)
        queries.append((" ".join(pick), p))
        if len(queries) == n:
            break
    return queries


def same(hit, target):
    return hit.get("id") == target["id"] or (
        fold(hit.get("speaker", "")) == fold(target["speaker"])
        and fold(hit.get("text", "")) == fold(target["text"])
    )


def reciprocal_rank(ranking, target):
    for i, h in enumerate(ranking[:DEPTH]):
        if same(h, target):
            return 1.0 / (i + 1)
    return 0.0


def fts5(kept, queries):
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE p USING fts5(text, id UNINDEXED, speaker UNINDEXED,"
        " tokenize = 'porter unicode61 remove_diacritics 2')"
    )
    db.executemany(
        "INSERT INTO p (text, id, speaker) VALUES (?, ?, ?)",
        [(p["text"], p["id"], p["speaker"]) for p in kept],
    )
    out = []
    for q, _ in queries:
        words = ['"%s"' % w for w in q.split()]
        rows = []
        for joiner in (" ", " OR "):
            rows = db.execute(
                "SELECT id, speaker, text FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT ?",
                (joiner.join(words), DEPTH),
            ).fetchall()
            if rows:
                break
        out.append([{"id": i, "speaker": s, "text": t} for i, s, t in rows])
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--podium", help="podium binary (default: cargo build --release)")
    ap.add_argument(
        "--corpus",
        default=os.path.join(ROOT, "..", "shared", "corpora", "whitehouse-2021"),
    )
    ap.add_argument("--queries", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--show", type=int, default=0, help="print the N worst podium queries")
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"no corpus at {args.corpus}: pass --corpus DIR")
    podium = args.podium
    if not podium:
        subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)
        podium = os.path.join(ROOT, "target", "release", "podium")

    kept = passages(podium, args.corpus)
    queries = make_queries(kept, args.queries, args.seed)
    with tempfile.TemporaryDirectory() as tmp:
        idx = os.path.join(tmp, "idx")
        subprocess.run(
            [podium, "-q", "index", args.corpus, "--index", idx], check=True, capture_output=True
        )
        t = time.time()
        ours = [
            run_json([podium, "search", q, "--json", "-n", str(DEPTH), "--index", idx])
            for q, _ in queries
        ]
        took = time.time() - t
    theirs = fts5(kept, queries)

    rr_ours = [reciprocal_rank(r, p) for r, (_, p) in zip(ours, queries)]
    rr_theirs = [reciprocal_rank(r, p) for r, (_, p) in zip(theirs, queries)]
    n = len(queries)
    print(f"known-item search on {os.path.basename(os.path.normpath(args.corpus))}: "
          f"{len(kept)} passages, {n} queries (seed {args.seed})\n")
    print("| system | MRR@10 | found in top 10 | first |")
    print("|---|---:|---:|---:|")
    for name, rr in (("podium", rr_ours), ("SQLite FTS5 (porter, bm25)", rr_theirs)):
        print(f"| {name} | {sum(rr) / n:.3f} | {sum(1 for r in rr if r > 0)}/{n}"
              f" | {sum(1 for r in rr if r == 1.0)}/{n} |")
    print(f"\npodium − FTS5: {(sum(rr_ours) - sum(rr_theirs)) / n:+.3f}"
          f"  (podium searches: {took / n * 1000:.1f} ms each, end to end)")
    if args.show:
        worst = sorted(range(n), key=lambda i: rr_ours[i] - rr_theirs[i])[: args.show]
        for i in worst:
            q, p = queries[i]
            print(f"\n{q!r}: podium {rr_ours[i]:.2f}, FTS5 {rr_theirs[i]:.2f}\n  {p['text'][:160]}")


if __name__ == "__main__":
    main()
