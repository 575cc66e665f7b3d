#!/usr/bin/env bash
# The bot's start as a pod restart sees it: from starting `node <entry>` to its log line "listening for Slack (HTTP)"
# (the store opened, checked and compiled before it), for the compiled modules (dist/main.js) and the bundle the
# image runs (dist/bundle/main.js), alternately. Needs `npm run build` and a store file:
#   bench/bot-start.sh <store.json> [runs]
# Everything is on loopback; the bot makes no Slack call at start (its ids are given; SLACK_API_URL is a closed port).
set -euo pipefail
store=${1:?usage: bench/bot-start.sh <store.json> [runs]}
runs=${2:-5}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
export SLACK_BOT_TOKEN=xoxb-1-2-bench SLACK_SIGNING_SECRET=bench SLACK_BOT_ID=B0BENCH SLACK_BOT_USER_ID=U0BENCH \
  SLACK_API_URL=http://127.0.0.1:9/api/ REACHBOT_STORE="$store" PORT=38111 METRICS_PORT=38112 LISTEN_HOST=127.0.0.1
for ((run = 0; run <= runs; run++)); do
  for entry in dist/main.js dist/bundle/main.js; do
    started=$(date +%s%N)
    node "$entry" >"$log" 2>&1 &
    pid=$!
    until grep -q 'listening for Slack' "$log"; do
      kill -0 "$pid" 2>/dev/null || { cat "$log"; exit 1; }
      sleep 0.01
    done
    listening=$(date +%s%N)
    kill -TERM "$pid"
    wait "$pid"
    # The first round fills the OS file cache: not printed.
    ((run > 0)) && echo "$entry $(((listening - started) / 1000000)) ms"
  done
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
