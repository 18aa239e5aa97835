#!/usr/bin/env bash
# Times `podium index` over one JSON lines file through the steps the
# README's JSON lines text reports: first index, nothing to change (with
# the file named, and with no PATH), one record edited, one appended, one
# deleted in the middle, one inserted at the top, and a --rebuild.
#
#   scripts/jsonl-timings.sh [PODIUM] [WORKDIR]
#
# PODIUM defaults to target/release/podium (build it with
# `cargo build --release`), WORKDIR to a new temporary folder. The corpus
# is `podium generate`'s default (100,000 passages in 1,667 briefings,
# seed 42), each briefing one record {"url", "text"} of one 38 MB file.
# Each step prints its wall time and the run's counts.
set -euo pipefail
podium=$(realpath "${1:-target/release/podium}")
work=${2:-$(mktemp -d)}
mkdir -p "$work"
cd "$work"
rm -rf gen feed idx
"$podium" generate gen --json >/dev/null
mkdir feed
python3 - <<'PY'
import glob, json
with open("feed/feed.jsonl", "w", encoding="utf-8") as out:
    for f in sorted(glob.glob("gen/**/*.txt", recursive=True)):
        text = open(f, encoding="utf-8").read()
        out.write(json.dumps({"url": f, "text": text}, ensure_ascii=False) + "\n")
PY
n=$(wc -l < feed/feed.jsonl)

step() {
    local what=$1
    shift
    local t0 t1 out
    t0=$(date +%s.%N)
    out=$("$podium" index "$@" --index idx --json)
    t1=$(date +%s.%N)
    printf '%-28s %6.2f s  %s\n' "$what" "$(echo "$t1 - $t0" | bc)" "$(
        echo "$out" | python3 -c 'import json, sys
s = json.load(sys.stdin)
print(" ".join(f"{k}={s[k]}" for k in ["added", "updated", "unchanged", "removed", "moved", "refreshed", "committed"]))'
    )"
}

# edit how index: one record changed in place ("edit"), a changed copy of
# a record appended ("append") or inserted at the top ("insert"), or one
# record deleted ("delete"); index is 0-based.
edit() {
    python3 - feed/feed.jsonl "$@" <<'PY'
import json, sys
path, how, at = sys.argv[1], sys.argv[2], int(sys.argv[3])
lines = open(path, encoding="utf-8").read().splitlines()
def changed(line, tag):
    r = json.loads(line)
    r["text"] = r["text"].replace(" the ", f" the {tag} ", 1)
    return json.dumps(r, ensure_ascii=False)
if how == "edit":
    lines[at] = changed(lines[at], "edited")
elif how == "append":
    lines.append(changed(lines[at], "appended"))
elif how == "delete":
    del lines[at]
elif how == "insert":
    lines.insert(0, changed(lines[at], "inserted"))
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
}

step "first index" feed
step "nothing to change" feed
step "nothing to change, no PATH"
edit edit $((n / 2)); step "one record edited" feed
edit append 7; step "one appended" feed
edit delete $((n / 2)); step "one deleted in the middle" feed
edit insert 11; step "one inserted at the top" feed
step "--rebuild" feed --rebuild
