#!/bin/sh
# Kamailio in the foreground (never the system service), with its own runtime directory per
# port, so several instances (the demo on 8088, each test on a free port) never share a pid
# file and kill each other. SIGTERM or Ctrl-C stops it.
# Usage: scripts/kamailio/run-kamailio.sh [port]      (KAMAILIO_RUN_DIR overrides the runtime root)
set -e
HERE=$(cd "$(dirname "$0")" && pwd)
PORT=${1:-8088}
case "$PORT" in
  ''|*[!0-9]*) echo "run-kamailio.sh: port must be a number, got '$PORT'" >&2; exit 2 ;;
esac
if [ -n "${KAMAILIO_BIN:-}" ]; then
  KAMAILIO=$KAMAILIO_BIN
else
  KAMAILIO=$(command -v kamailio || echo /usr/sbin/kamailio)
fi
if [ ! -x "$KAMAILIO" ]; then
  echo "run-kamailio.sh: Kamailio is not installed. On Debian/Ubuntu run:" >&2
  echo "  sudo apt-get install -y kamailio kamailio-websocket-modules" >&2
  exit 127
fi
MODULES=""
for d in ${KAMAILIO_MODULES:-} /usr/lib/*/kamailio/modules /usr/lib/kamailio/modules /usr/lib64/kamailio/modules; do
  if [ -f "$d/websocket.so" ]; then MODULES="$d"; break; fi
done
if [ -z "$MODULES" ]; then
  echo "run-kamailio.sh: the Kamailio WebSocket module is missing. Run:" >&2
  echo "  sudo apt-get install -y kamailio-websocket-modules" >&2
  exit 127
fi
RUN="${KAMAILIO_RUN_DIR:-${TMPDIR:-/tmp}/agentdesk-kamailio}/$PORT"
mkdir -p "$RUN"
exec "$KAMAILIO" -f "$HERE/kamailio.cfg" -L "$MODULES" -A "WS_PORT=$PORT" -DD -E \
  -Y "$RUN" -P "$RUN/kamailio.pid" -w "$RUN" -m 64 -M 8
