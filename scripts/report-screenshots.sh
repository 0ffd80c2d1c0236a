#!/usr/bin/env bash
# Screenshots of the Allure report as a maintainer opens it from disk (the single-file report,
# allure-report/single-file/index.html, no server), taken by headless Chromium: the overview,
# the categories, the group of the finding that affects the most results, and one failing
# criterion with its evidence.
#
# usage: scripts/report-screenshots.sh [--provider DIR] [--out DIR] [--criterion US-0NN.k]
#                                      [--window WxH] [--budget MS] [AUDIT OPTION...]
#
#   --provider DIR   the provider checkout to audit (default: the embedded sample provider)
#   --out DIR        where the PNGs go (default: docs/): report-overview.png,
#                    report-categories.png, report-finding-group.png, report-failing-criterion.png
#   --criterion ID   which failing criterion to show (default: the most severe failing
#                    result whose evidence names a .go file:line, else the most severe one);
#                    when nothing failed (the embedded sample passes), only the overview and the
#                    categories are taken
#   --window WxH     Chromium's window size (default 1600x1000)
#   --budget MS      Chromium's virtual time budget, the time the page's scripts get to draw the
#                    report before the picture is taken (default 30000 of virtual time)
#   any other option goes to `tfaudit audit` as it is, e.g. --baseline-path DIR, --backend DIR
#
# What it does: builds target/tfaudit.jar when it is missing, runs the audit into
# allure-results/ (the gate is off: a failing audit is what the pictures are for), builds
# allure-report/ with `./mvnw -q -Preport validate`, and opens the single-file report with
# Debian's chromium (`apt-get install chromium`) headless, by file://. Not part of
# `./mvnw test`: CI does not install Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs
criterion=
window=1600,1000
budget=30000
audit_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --out) out=$2; shift 2 ;;
    --criterion) criterion=$2; shift 2 ;;
    --window) window=${2/x/,}; shift 2 ;;
    --budget) budget=$2; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) audit_args+=("$1"); shift ;;
  esac
done

command -v chromium >/dev/null || { echo "report-screenshots: needs Debian's chromium (apt-get install chromium)" >&2; exit 2; }
command -v python3 >/dev/null || { echo "report-screenshots: needs python3" >&2; exit 2; }
[ -f target/tfaudit.jar ] || ./mvnw -q package -DskipTests

set +e
java -jar target/tfaudit.jar audit --results allure-results --fail-on none "${audit_args[@]}" > target/screenshots-audit.log 2>&1
code=$?
set -e
tail -1 target/screenshots-audit.log
if [ $code -gt 1 ]; then
  cat target/screenshots-audit.log >&2
  exit $code
fi

./mvnw -q -Preport validate
report=allure-report/single-file/index.html
[ -f "$report" ] || { echo "report-screenshots: no $report" >&2; exit 1; }

# The report's own data, embedded in the single file: where the pictures' nodes are.
fragments=$(python3 - "$report" "$criterion" <<'PY' || true
import base64, json, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
wanted = sys.argv[2]
def data(name):
    m = re.search(r"d\('data/%s','([^']*)'\)" % re.escape(name), html)
    return json.loads(base64.b64decode(m.group(1))) if m else {"children": []}
def case(uid):
    m = re.search(r"d\('data/test-cases/%s.json','([^']*)'\)" % re.escape(uid), html)
    return json.loads(base64.b64decode(m.group(1))) if m else {}
# The group of one finding that fails the most results (not a restatement, not a skip).
best = None
for category in data("categories.json").get("children", []):
    if category["name"].startswith(("Skipped", "Restatement")):
        continue
    for group in category.get("children", []):
        leaves = [c for c in group.get("children", []) if "children" not in c]
        if leaves and (best is None or len(leaves) > best[0]):
            best = (len(leaves), group["uid"], leaves[0]["uid"])
print("#categories/%s/%s/" % (best[1], best[2]) if best else "")
rank = {"blocker": 0, "critical": 1, "normal": 2, "minor": 3, "trivial": 4}
leaves = []
def walk(node):
    for child in node.get("children", []):
        (walk if "children" in child else leaves.append)(child)
walk(data("behaviors.json"))
chosen = None
for leaf in leaves:
    if leaf.get("status") not in ("failed", "broken"):
        continue
    labels = {l["name"]: l["value"] for l in case(leaf["uid"]).get("labels", [])}
    if wanted:
        if labels.get("criterion") != wanted:
            continue
        key = (0,)
    else:
        # A finding of its own at a .go file:line first (not a restatement), then by severity.
        message = case(leaf["uid"]).get("statusMessage") or ""
        own = "Restatement of a user story" not in message
        located = ".go:" in message
        key = (not own, not located, rank.get(labels.get("severity"), 5), labels.get("criterion", ""), labels.get("resource", ""))
    if chosen is None or key < chosen[0]:
        chosen = (key, leaf)
print("#behaviors/%s/%s/" % (chosen[1]["parentUid"], chosen[1]["uid"]) if chosen else "")
PY
)
group=$(sed -n 1p <<<"$fragments")
failing=$(sed -n 2p <<<"$fragments")

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
url="file://$(realpath "$report")"
shoot() {
  local png
  png=$(realpath -m "$1")
  # A page that never settles would keep Chromium waiting: 2 minutes at most per picture.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$window" \
    --virtual-time-budget="$budget" --screenshot="$png" "$2" > /dev/null 2>&1
  [ -s "$png" ] || { echo "report-screenshots: chromium wrote no $1" >&2; exit 1; }
  echo "$1 <- ${2#file://$PWD/}"
}
mkdir -p "$out"
shoot "$out/report-overview.png" "$url#"
shoot "$out/report-categories.png" "$url#categories"
[ -n "$group" ] && shoot "$out/report-finding-group.png" "$url$group"
[ -n "$failing" ] && shoot "$out/report-failing-criterion.png" "$url$failing"
exit 0
