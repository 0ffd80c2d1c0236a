#!/usr/bin/env bash
# Screenshots of the rendered Allure report, taken by headless Chromium: the overview page and
# one failing criterion with its evidence.
#
# usage: scripts/report-screenshots.sh [--provider DIR] [--out DIR] [--criterion US-0NN.k]
#                                      [--window WxH] [--budget MS] [AUDIT OPTION...]
#
#   --provider DIR   the provider checkout to audit (default: the embedded sample provider)
#   --out DIR        where the PNGs go (default: docs/): report-overview.png and
#                    report-failing-criterion.png
#   --criterion ID   which failing criterion to show (default: the most severe failing
#                    result whose evidence names a .go file:line, else the most severe one);
#                    when nothing failed (the embedded sample passes), only the overview is taken
#   --window WxH     Chromium's window size (default 1600x1000)
#   --budget MS      Chromium's virtual time budget, the time the page's scripts get to load
#                    the report's data and draw it before the picture is taken (default 20000;
#                    virtual time runs ahead while the page waits, so this costs ~2 s of wall
#                    time; 500 already gave the same picture of the real provider's report)
#   any other option goes to `tfaudit audit` as it is, e.g. --baseline-path DIR, --backend DIR
#
# What it does: builds target/tfaudit.jar when it is missing, runs the audit into
# allure-results/ (the gate is off: a failing audit is what the pictures are for), builds
# allure-report/ with `./mvnw -q -Preport validate`, serves it on 127.0.0.1 with python3's
# http.server (the report reads its data with XHR, which file:// pages may not), and calls
# Debian's chromium (`apt-get install chromium`) headless. The server is stopped on exit.
# Not part of `./mvnw test`: CI does not install Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

out=docs
criterion=
window=1600,1000
budget=20000
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

# 1. The audit (exit 1 only says that criteria failed).
set +e
java -jar target/tfaudit.jar audit --results allure-results --fail-on none "${audit_args[@]}" > target/screenshots-audit.log 2>&1
code=$?
set -e
tail -1 target/screenshots-audit.log
if [ $code -gt 1 ]; then
  cat target/screenshots-audit.log >&2
  exit $code
fi

# 2. The report.
./mvnw -q -Preport validate
[ -f allure-report/index.html ] || { echo "report-screenshots: no allure-report/index.html" >&2; exit 1; }

# 3. The failing criterion to show: its place in the report's Behaviors tree
#    (epic = phase, feature = user story, story = criterion), as #behaviors/<parentUid>/<uid>/.
fragment=$(python3 - "$criterion" <<'PY' || true
import json, sys
wanted = sys.argv[1]
rank = {"blocker": 0, "critical": 1, "normal": 2, "minor": 3, "trivial": 4}
leaves = []
def walk(node):
    for child in node.get("children", []):
        if "children" in child:
            walk(child)
        else:
            leaves.append(child)
walk(json.load(open("allure-report/data/behaviors.json")))
best = None
for leaf in leaves:
    if leaf.get("status") not in ("failed", "broken"):
        continue
    case = json.load(open("allure-report/data/test-cases/%s.json" % leaf["uid"]))
    labels = {l["name"]: l["value"] for l in case.get("labels", [])}
    message = case.get("statusMessage") or ""
    if wanted:
        if labels.get("criterion") != wanted:
            continue
        key = (0,)
    else:
        located = any(":" in line and ".go:" in line for line in message.splitlines())
        key = (not located, rank.get(labels.get("severity"), 5), labels.get("criterion", ""), labels.get("resource", ""))
    if best is None or key < best[0]:
        best = (key, leaf, labels)
if best is None:
    sys.exit("report-screenshots: no failing criterion" + (" " + wanted if wanted else "") + " in the report to show")
_, leaf, labels = best
print("#behaviors/%s/%s/" % (leaf["parentUid"], leaf["uid"]))
print("%s %s" % (labels.get("criterion", "?"), labels.get("resource", "")), file=sys.stderr)
PY
)

# 4. Serve the report on a free loopback port, stopped when the script ends.
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
python3 -m http.server "$port" --bind 127.0.0.1 --directory allure-report > /dev/null 2>&1 &
server=$!
profile=$(mktemp -d)
trap 'kill $server 2>/dev/null; rm -rf "$profile"' EXIT
for _ in $(seq 50); do
  python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/index.html')" 2>/dev/null && break
  sleep 0.2
done

# 5. The screenshots. The flags keep Chromium off the network (this machine reaches none but
#    loopback) and out of the user's profile.
shoot() {
  local png
  png=$(realpath -m "$1")
  # A page that never settles would keep Chromium waiting: 2 minutes at most per picture.
  timeout 120 chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$profile" --hide-scrollbars --window-size="$window" \
    --virtual-time-budget="$budget" --screenshot="$png" "$2" > /dev/null 2>&1
  [ -s "$png" ] || { echo "report-screenshots: chromium wrote no $1" >&2; exit 1; }
  echo "$1 <- $2"
}
mkdir -p "$out"
shoot "$out/report-overview.png" "http://127.0.0.1:$port/index.html#"
if [ -n "$fragment" ]; then
  shoot "$out/report-failing-criterion.png" "http://127.0.0.1:$port/index.html$fragment"
fi
