#!/bin/sh
# Kamailio in the foreground (never the system service), with its own runtime directory per
# port, so several instances (the demo on 8088, each test on a free port) never share a pid
# file and kill each other. SIGTERM or Ctrl-C stops it.
# Usage: scripts/kamailio/run-kamailio.sh [port]      (KAMAILIO_RUN_DIR overrides the runtime root)
# Optional environment:
#   KAMAILIO_WSS_PORT, KAMAILIO_TLS_CERT, KAMAILIO_TLS_KEY   also SIP over WSS on that port with
#                                 that PEM certificate and key (needs kamailio-tls-modules)
#   KAMAILIO_AUTH_PASSWORD        REGISTER needs digest authentication with this password
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
set -- -A "WS_PORT=$PORT"
if [ -n "${KAMAILIO_WSS_PORT:-}" ]; then
  case "$KAMAILIO_WSS_PORT" in
    *[!0-9]*) echo "run-kamailio.sh: KAMAILIO_WSS_PORT must be a number, got '$KAMAILIO_WSS_PORT'" >&2; exit 2 ;;
  esac
  if [ ! -f "$MODULES/tls.so" ]; then
    echo "run-kamailio.sh: WSS needs the Kamailio TLS module. Run:" >&2
    echo "  sudo apt-get install -y kamailio-tls-modules" >&2
    exit 127
  fi
  for f in "${KAMAILIO_TLS_CERT:-}" "${KAMAILIO_TLS_KEY:-}"; do
    if [ ! -r "$f" ]; then echo "run-kamailio.sh: WSS needs KAMAILIO_TLS_CERT and KAMAILIO_TLS_KEY (readable PEM files), got '$f'" >&2; exit 2; fi
    case "$f" in *'"'*) echo "run-kamailio.sh: a path with a double quote is not supported: $f" >&2; exit 2 ;; esac
  done
  set -- "$@" -A WITH_TLS -A "WSS_PORT=$KAMAILIO_WSS_PORT" -A "TLS_CERT=\"$KAMAILIO_TLS_CERT\"" -A "TLS_KEY=\"$KAMAILIO_TLS_KEY\""
fi
if [ -n "${KAMAILIO_AUTH_PASSWORD:-}" ]; then
  case "$KAMAILIO_AUTH_PASSWORD" in
    *'"'*|*'\'*) echo "run-kamailio.sh: KAMAILIO_AUTH_PASSWORD may not contain quotes or backslashes" >&2; exit 2 ;;
  esac
  set -- "$@" -A WITH_AUTH -A "AUTH_PASSWORD=\"$KAMAILIO_AUTH_PASSWORD\""
fi
RUN="${KAMAILIO_RUN_DIR:-${TMPDIR:-/tmp}/agentdesk-kamailio}/$PORT"
mkdir -p "$RUN"
exec "$KAMAILIO" -f "$HERE/kamailio.cfg" -L "$MODULES" "$@" -DD -E \
  -Y "$RUN" -P "$RUN/kamailio.pid" -w "$RUN" -m 64 -M 8
