#!/usr/bin/env bash
# Runs the README's `npm start` in a fresh data directory, checks what a newcomer opens first,
# then stops it with SIGTERM as Ctrl-C would and expects a clean exit.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-3979}
data=$(mktemp -d)
log=test-artifacts/npm-start.log
mkdir -p test-artifacts
# Its own process group, so the stop below reaches npm and node alike, as Ctrl-C in a terminal does.
PORT=$port DATA_DIR=$data PLAYGROUND_PORT=0 setsid npm start >"$log" 2>&1 &
pid=$!
get() { node -e "fetch(process.argv[1]).then(r=>{if(!r.ok)process.exit(1);return r.text()}).then(t=>process.stdout.write(t.slice(0,200)+'\n')).catch(()=>process.exit(1))" "$1"; }
for _ in $(seq 1 120); do grep -q "Press Ctrl-C to stop" "$log" && break; sleep 1; done
status=0
get "http://127.0.0.1:$port/healthz" || status=1
get "http://127.0.0.1:$port/readyz" || status=1
get "http://127.0.0.1:$port/sandbox/mail" >/dev/null || status=1
grep -q "Chat with the bot: http" "$log" || { echo "npm start did not print the Playground URL"; status=1; }
devhost=$(grep -o "Tab in a browser: http[^ ]*" "$log" | sed 's/Tab in a browser: //')
if [ -z "$devhost" ]; then echo "npm start did not print the tab's development host"; status=1; else get "$devhost" >/dev/null || status=1; get "http://127.0.0.1:$port/tab/" >/dev/null || status=1; fi
kill -TERM -- "-$pid"
wait "$pid" || true
sleep 1
if pgrep -f "node scripts/start.js" >/dev/null || pgrep -f "m365agentsplayground" >/dev/null; then echo "npm start left processes behind"; status=1; fi
grep -q "SIGTERM received" "$log" || { echo "npm start did not shut down gracefully"; status=1; }
rm -rf "$data"
if [ "$status" -ne 0 ]; then echo "--- npm start output"; cat "$log"; fi
exit "$status"
