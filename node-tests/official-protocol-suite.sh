#!/usr/bin/env bash
# Runs an official protocol test suite against our stack on 127.0.0.1:3000, where the suite expects its server:
#   - socketio/engine.io-protocol's test-suite/ against EngineIoConformanceServer (our engine.io stack, echoing);
#   - socketio/socket.io-protocol's test-suite/ against SocketIoConformanceServer (our Socket.IO stack).
#
#   bash node-tests/official-protocol-suite.sh <copy of socketio/engine.io-protocol or socketio/socket.io-protocol>
#
# (a clone, or its bare git dir). The suites are not part of this repository and CI cannot download them (no access to
# GitHub), so this is run by hand on a machine that has a copy; docs/RELIABILITY.md ("The official protocol suites")
# has the latest results.
set -euo pipefail
source="${1:?usage: $0 <copy of socketio/engine.io-protocol or socketio/socket.io-protocol>}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -d "$source/test-suite" ]; then
  cp -r "$source/test-suite" "$work/"
else
  git --git-dir="$source" archive HEAD test-suite | tar -x -C "$work"
fi
case "$(node -p "require('$work/test-suite/package.json').name")" in
  engine.io-protocol-test-suite) server=EngineIoConformanceServer probe="/engine.io/?EIO=4&transport=polling" ;;
  socket.io-protocol-test-suite) server=SocketIoConformanceServer probe="/socket.io/?EIO=4&transport=polling" ;;
  *) echo "not a test suite this script knows: $source" >&2; exit 2 ;;
esac
(cd "$work/test-suite" && npm ci --no-audit --no-fund --silent)

cd "$repo"
mvn -B -q -DskipWeb=true test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath"
java -cp "target/test-classes:target/classes:$(cat "$work/classpath")" \
  "dev.supportchat.realtime.transport.$server" 3000 > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:3000$probe"; then break; fi
  sleep 0.2
done
(cd "$work/test-suite" && npx mocha test-suite.js)
