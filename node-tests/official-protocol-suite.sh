#!/usr/bin/env bash
# Runs the official Engine.IO protocol test suite (test-suite/ of github.com/socketio/engine.io-protocol) against our
# engine.io stack (src/test/java/.../EngineIoConformanceServer), on 127.0.0.1:3000 as the suite expects.
#
#   bash node-tests/official-protocol-suite.sh <copy of socketio/engine.io-protocol: a clone, or its bare git dir>
#
# The suite is not part of this repository and CI cannot download it (no access to GitHub), so this is run by hand on
# a machine that has a copy; docs/RELIABILITY.md ("The official Engine.IO protocol suite") has the latest result.
set -euo pipefail
source="${1:?usage: $0 <copy of socketio/engine.io-protocol>}"
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
(cd "$work/test-suite" && npm ci --no-audit --no-fund --silent)

cd "$repo"
mvn -B -q -DskipWeb=true test-compile dependency:build-classpath -Dmdep.outputFile="$work/classpath"
java -cp "target/test-classes:target/classes:$(cat "$work/classpath")" \
  dev.supportchat.realtime.transport.EngineIoConformanceServer 3000 > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 100); do
  if curl -s -o /dev/null "http://127.0.0.1:3000/engine.io/?EIO=4&transport=polling"; then break; fi
  sleep 0.2
done
(cd "$work/test-suite" && npx mocha test-suite.js)
