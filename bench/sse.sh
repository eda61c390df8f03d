#!/usr/bin/env bash
# Idle SSE connections on one instance, and how long one entry takes to reach all of them.
# Usage: bench/sse.sh [connections=1000 5000]   (loopback only; needs node, curl)
set -euo pipefail
cd "$(dirname "$0")/.."
COUNTS=${*:-1000 5000}
PORT=18580
WORK=$(mktemp -d /tmp/dispatch-sse.XXXX)
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests
QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$((PORT + 5)) NEWS_RATE_LIMIT_ENABLED=false NEWS_EMBEDDED_DB_DIR="$WORK/pgdata" NEWS_DEMO_ARTICLES=100 NEWS_ADMIN_USERNAME=bench \
  NEWS_ADMIN_PASSWORD=bench-password-123 QUARKUS_LOG_LEVEL=WARN java ${JAVA_OPTS:--Xmx256m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m} -jar target/quarkus-app/quarkus-run.jar > "$WORK/app.log" 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null; wait $APP 2>/dev/null || true; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break; sleep 0.2; done
API="http://127.0.0.1:$PORT"
TOKEN=$(curl -fsS -X POST "$API/api/v1/auth/token" -H 'Content-Type: application/json' \
  -d '{"username":"bench","password":"bench-password-123"}' | sed 's/.*"access_token":"\([^"]*\)".*/\1/')
CREATED=$(curl -fsS -X POST "$API/api/v1/admin/articles" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
  -d '{"type":"live","headline":"Live benchmark","section":"news","body":[{"type":"paragraph","text":"Live."}]}')
ID=$(echo "$CREATED" | sed 's/^{"id":"\([^"]*\)".*/\1/')
SLUG=$(echo "$CREATED" | grep -o '"slug":"[^"]*"' | head -1 | cut -d'"' -f4)
curl -fsS -X POST "$API/api/v1/admin/articles/$ID/publish" -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{}' >/dev/null
for n in $COUNTS; do
  node bench/sse.mjs "$API" "$SLUG" "$ID" "$TOKEN" "$n"
  echo "app RSS: $(ps -o rss= -p $APP | awk '{printf "%d MB", $1/1024}'), threads: $(ls /proc/$APP/task | wc -l)"
  sleep 3
done
