#!/usr/bin/env bash
# Dispatch benchmark: generates an archive, starts the app, and measures it with wrk against the
# machine's own ceilings in the same run: nginx serving the identical bytes from a file, and pgbench
# running the app's own SQL. Loopback only, bounded in time. Usage:
#   bench/run.sh [articles=100000] [seconds per scenario=15] [connections=32]
# Every scenario (app, nginx and pgbench alike) first runs WARM seconds (default 10) unmeasured, so the
# figures are the JIT-compiled steady state, not the first seconds after a start. BENCH_DB_DIR=<dir>
# keeps the generated archive there and reuses it on the next run (a million articles take a while).
# Writes bench/results/<timestamp>.md (and prints it). Needs: java 17, maven, wrk, nginx, pgbench, curl
# (apt-get install wrk nginx-light postgresql-client); for the start-up with an AOT cache, a Java 25 or newer
# under /usr/lib/jvm or named by BENCH_AOT_JAVA (measured only when there is one).
set -euo pipefail
cd "$(dirname "$0")/.."
ARTICLES=${1:-100000}
SECONDS_PER=${2:-15}
CONN=${3:-32}
WARM=${WARM:-10}
# The JVM settings we recommend for a 2-core instance (docs/operations.md): a small heap (a small young
# generation, so that the 64 MiB response cache fits the old one), the serial collector (on 2 cores it serves
# more than G1 does), and the native heap trimmed every 5 s (freed compiler and zlib memory goes back to the
# system). Override with JAVA_OPTS.
JAVA_OPTS=${JAVA_OPTS:--Xmx160m -Xmn32m -Xss512k -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:TrimNativeHeapInterval=5000}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
PORT=18480
NGINX_PORT=18481
MANAGEMENT_PORT=18485 # metrics (the management interface)
WORK=$(mktemp -d /tmp/dispatch-bench.XXXX)
chmod 755 "$WORK"
DB_DIR=${BENCH_DB_DIR:-$WORK/pgdata}
OUT=bench/results/$(date -u +%Y%m%dT%H%M%SZ).md
mkdir -p bench/results

for tool in wrk nginx pgbench curl; do command -v $tool >/dev/null || { echo "missing $tool (apt-get install wrk nginx-light postgresql-client)"; exit 1; }; done
[ -f target/quarkus-app/quarkus-run.jar ] || mvn -B -q package -DskipTests

APP=""; NGINX=""; SECOND=""
cleanup() {
  [ -n "$APP" ] && kill "$APP" 2>/dev/null && wait "$APP" 2>/dev/null || true
  [ -n "$SECOND" ] && kill "$SECOND" 2>/dev/null && wait "$SECOND" 2>/dev/null || true
  [ -n "$NGINX" ] && kill "$NGINX" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

JAVA_BIN=java
APP_DIR=target/quarkus-app
start_app() { # $1 = cache bytes; JAVA_BIN, APP_DIR and JAVA_OPTS say which JVM runs which build
  QUARKUS_HTTP_PORT=$PORT QUARKUS_MANAGEMENT_PORT=$MANAGEMENT_PORT NEWS_RATE_LIMIT_ENABLED=false NEWS_EMBEDDED_DB_DIR="$DB_DIR" NEWS_DEMO_ARTICLES=$ARTICLES NEWS_HTTP_CACHE_BYTES=$1 \
    NEWS_API_URL="http://127.0.0.1:$PORT" QUARKUS_LOG_LEVEL=WARN QUARKUS_LOG_CATEGORY__DISPATCH__LEVEL=INFO \
    $JAVA_BIN $JAVA_OPTS -jar $APP_DIR/quarkus-run.jar > "$WORK/app.log" 2>&1 &
  APP=$!
  wait_ready "$APP" $PORT "$WORK/app.log" 3600 # generating a large archive takes a while
  PGPORT=$(grep -o 'started on port [0-9]*' "$WORK/app.log" | head -1 | awk '{print $4}')
  PG_START_MS=$(grep -o 'started on port .* ([0-9]* ms)' "$WORK/app.log" | head -1 | grep -o '([0-9]*' | tr -d '(')
}
wait_ready() { # pid port log seconds -> READY_MS, from now
  local t0=$(date +%s%N) deadline=$(( $(date +%s) + $4 ))
  until curl -fsS "http://127.0.0.1:$2/q/health/ready" >/dev/null 2>&1; do
    kill -0 "$1" 2>/dev/null || { echo "the app exited:"; tail -30 "$3"; exit 1; }
    [ "$(date +%s)" -lt "$deadline" ] || { echo "the app was not ready within $4 s"; exit 1; }
    sleep 0.1
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_app() { kill "$APP"; wait "$APP" 2>/dev/null || true; APP=""; }

echo "# Dispatch benchmark, $(date -u +%Y-%m-%dT%H:%MZ)" > "$OUT"
echo "" >> "$OUT"
echo "Machine: $(nproc) cores, $(free -g | awk '/Mem/{print $2}') GiB; $ARTICLES articles; wrk -t2 -c$CONN -d${SECONDS_PER}s after ${WARM}s of warm-up; loopback; JVM: $JAVA_OPTS, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; PostgreSQL shared_buffers ${BENCH_SHARED_BUFFERS:-1GB}." >> "$OUT"

# ---- first start: generate the archive (timed), then a restart on the migrated database (timed)
t0=$(date +%s)
start_app 67108864
GEN_S=$(( $(date +%s) - t0 ))
LOAD_TIMES=$(grep -o 'Demo content: .*' "$WORK/app.log" | head -1 | sed 's/^Demo content: //' || true) # where the load's time went, as it logs it
# PostgreSQL's default 128 MB of shared buffers would measure which rows happen to be cached (the newest
# page hot, page 1000 read from the OS) rather than the plans; a database server of its own is given a
# good part of its memory. The setting is stored in the data directory and applies from the restart.
psql -h localhost -p "$PGPORT" -U postgres -d postgres -qAt -c "alter system set shared_buffers = '${BENCH_SHARED_BUFFERS:-1GB}'"
stop_app
start_app 67108864
echo "" >> "$OUT"
echo "Generated and loaded $ARTICLES articles in ${GEN_S} s (first start${BENCH_DB_DIR:+; 0-few s means the archive in $BENCH_DB_DIR was reused}${LOAD_TIMES:+; the load: $LOAD_TIMES}); ready in ${READY_MS} ms on the migrated database, of which the embedded PostgreSQL's own start took ${PG_START_MS:-?} ms (curl poll granularity 100 ms)." >> "$OUT"
# The same start with a class-data-sharing archive of this build and JVM (docs/operations.md): a start with
# -XX:ArchiveClassesAtExit writes it when the process stops, the next start maps it. The rest of the run uses
# the plain settings again.
PLAIN_OPTS=$JAVA_OPTS
stop_app
JAVA_OPTS="$PLAIN_OPTS -XX:ArchiveClassesAtExit=$WORK/dispatch.jsa"; start_app 67108864; stop_app
JAVA_OPTS="$PLAIN_OPTS -Xshare:on -XX:SharedArchiveFile=$WORK/dispatch.jsa"; start_app 67108864
echo "" >> "$OUT"
echo "With a class-data-sharing archive of this build (\`-XX:SharedArchiveFile\`, written at exit by a start with \`-XX:ArchiveClassesAtExit\`): ready in ${READY_MS} ms." >> "$OUT"
JAVA_OPTS=$PLAIN_OPTS
stop_app
start_app 67108864
PSQL="psql -h localhost -p $PGPORT -U postgres -d postgres -qAt"
VISIBLE="a.status in ('published', 'scheduled') and a.published_at <= now() and (a.expire_at is null or a.expire_at > now())"
# per published article, what the app learns from its first statement: the slugs its body links to
$PSQL -c "drop table if exists bench_slugs"
$PSQL -c "create table bench_slugs as select row_number() over () n, a.slug, a.id,
  (select '{' || string_agg(distinct x->>'slug', ',') || '}' from jsonb_array_elements(a.body) x where x->>'type' = 'related') links
  from articles a where status = 'published' and published_at <= now()"
$PSQL -c "create unique index bench_slugs_n on bench_slugs (n)"
NSLUGS=$($PSQL -c "select count(*) from bench_slugs")
# the values the app binds for the list scenarios (the section subtree as SectionTree resolves it, the cursor)
SECTIONS=$($PSQL -c "with recursive t as (select id from sections where slug = 'news' union all select s.id from sections s join t on s.parent_id = t.id) select '{' || string_agg(id::text, ',') || '}' from t")
CURSOR_ROW=$($PSQL -F' ' -c "select to_char(published_at at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id from articles a where $VISIBLE order by published_at desc, id desc offset least(19979, $NSLUGS - 21) limit 1")
CURSOR_AT=${CURSOR_ROW% *}; CURSOR_ID=${CURSOR_ROW#* }
Q="election OR vaccine"
$PSQL -c "select slug from bench_slugs order by n" > "$WORK/slugs.txt"
HOT=$(head -1 "$WORK/slugs.txt")
API="http://127.0.0.1:$PORT"

# deep cursor: walk to page 1000 of the newest list once (20 per page)
CURSOR=""
DEPTH=1
for _ in $(seq 1 999); do
  NEXT=$(curl -fsS "$API/api/v1/articles?fields=id&limit=20${CURSOR:+&cursor=$CURSOR}" | grep -o '"next":"[^"]*"' | cut -d'"' -f4 || true)
  [ -z "$NEXT" ] && break
  CURSOR=$NEXT
  DEPTH=$((DEPTH + 1))
done

# wrk's threads each start Lua's generator from the same seed: unseeded, both threads (and every run)
# would ask for the same slugs in the same order, and the warm-up would fill the cache with the very
# slugs the measured run asks for
SEED='local threads = 0
function setup(thread) threads = threads + 1; thread:set("seed", threads) end
function init(args) math.randomseed(os.time() * 100 + seed) end'
cat > "$WORK/random.lua" <<LUA
$SEED
local slugs = {}
for line in io.lines("$WORK/slugs.txt") do slugs[#slugs + 1] = line end
request = function()
  local i = math.random(#slugs)
  if ZIPF then i = math.floor(#slugs * (math.random() ^ 8)) + 1 end
  return wrk.format("GET", "/api/v1/articles/" .. slugs[i])
end
LUA
sed 's/^local slugs/ZIPF = true\nlocal slugs/' "$WORK/random.lua" > "$WORK/zipf.lua"
# a front end's mix: mostly articles (Zipf), then fronts, tag pages, feeds, comments and search
cat > "$WORK/mixed.lua" <<LUA
$SEED
local slugs = {}
for line in io.lines("$WORK/slugs.txt") do slugs[#slugs + 1] = line end
local lists = {"/api/v1/articles?section=news&limit=20", "/api/v1/articles?section=europe&limit=20",
  "/api/v1/articles?tag=libya&limit=20", "/api/v1/articles?limit=20", "/feeds/latest.rss",
  "/api/v1/articles?q=election&sort=relevance&limit=20"}
request = function()
  local r = math.random()
  local article = slugs[math.floor(#slugs * (math.random() ^ 8)) + 1]
  if r < 0.6 then return wrk.format("GET", "/api/v1/articles/" .. article) end
  if r < 0.7 then return wrk.format("GET", "/api/v1/articles/" .. article .. "/comments") end
  return wrk.format("GET", lists[math.random(#lists)])
end
LUA
ETAG=$(curl -fsSI "$API/api/v1/articles/$HOT" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')

run() { # name url [script] [header]
  local name=$1 url=$2 script=${3:-} header=${4:-}
  # wrk gives up on a request after 2 s by default and leaves it out of the latencies: an uncached search
  # at 32 connections takes longer than that on 2 cores, so wait as long as the statement timeout (15 s)
  local args=(-t2 -c"$CONN" -d"${SECONDS_PER}s" --latency --timeout 20s)
  [ -n "$script" ] && args+=(-s "$script")
  [ -n "$header" ] && args+=(-H "$header")
  [ "$WARM" -gt 0 ] && { wrk -t2 -c"$CONN" -d"${WARM}s" ${script:+-s "$script"} ${header:+-H "$header"} "$url" >/dev/null 2>&1 || true; }
  local result; result=$(wrk "${args[@]}" "$url" 2>&1)
  local rps p50 p99 rss
  rps=$(echo "$result" | awk '/Requests\/sec/{print $2}')
  p50=$(echo "$result" | awk '$1=="50%"{print $2}')
  p99=$(echo "$result" | awk '$1=="99%"{print $2}')
  rss=$( [ -n "$APP" ] && ps -o rss= -p "$APP" | awk '{printf "%d", $1/1024}' || echo "-")
  local non2xx; non2xx=$(echo "$result" | awk '/Non-2xx/{print $5}')
  echo "| $name | $rps | $p50 | $p99 | $rss | ${non2xx:-0} |" >> "$OUT"
  echo "$name: $rps req/s, p50 $p50, p99 $p99"
}

# after a start the JIT compiles the render paths for a while: exercise them all (unmeasured) first
warm_start() { # $1 = seconds of uniform article reads, $2 = seconds of the mixed load
  [ "$WARM" -gt 0 ] || return 0
  wrk -t2 -c"$CONN" -d"${1}s" -s "$WORK/random.lua" "$API" >/dev/null 2>&1 || true
  wrk -t2 -c"$CONN" -d"${2}s" -s "$WORK/mixed.lua" "$API" >/dev/null 2>&1 || true
}

warm_start $((WARM * 3)) $((WARM * 3))
echo "" >> "$OUT"
echo "## The app, response cache on" >> "$OUT"
echo "" >> "$OUT"
echo "| scenario | req/s | p50 | p99 | RSS MB | non-2xx |" >> "$OUT"
echo "| --- | --- | --- | --- | --- | --- |" >> "$OUT"
run "hot article (one slug)" "$API/api/v1/articles/$HOT"
run "hot article, gzip (what browsers, apps and CDNs ask for)" "$API/api/v1/articles/$HOT" "" "Accept-Encoding: gzip"
run "article, Zipf-skewed over $NSLUGS slugs" "$API" "$WORK/zipf.lua"
run "article, uniform over $NSLUGS slugs" "$API" "$WORK/random.lua"
run "304 revalidation" "$API/api/v1/articles/$HOT" "" "If-None-Match: $ETAG"
run "section front (news, 20)" "$API/api/v1/articles?section=news&limit=20"
run "tag list (libya, 20)" "$API/api/v1/articles?tag=libya&limit=20"
run "cursor page 1" "$API/api/v1/articles?fields=id&limit=20"
run "cursor page $DEPTH" "$API/api/v1/articles?fields=id&limit=20&cursor=$CURSOR"
run "search (q=election OR vaccine)" "$API/api/v1/articles?q=election%20OR%20vaccine&sort=relevance&limit=20"
run "RSS feed (latest 50)" "$API/feeds/latest.rss"
run "comments (top level)" "$API/api/v1/articles/$HOT/comments"
run "mixed reads (60% articles Zipf, 10% comments, 30% lists, feed, search)" "$API" "$WORK/mixed.lua"
run "mixed reads, gzip" "$API" "$WORK/mixed.lua" "Accept-Encoding: gzip"
CACHE_BYTES=$(curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^dispatch_cache_bytes /{printf "%d", $2 / 1048576}')
CACHE_ENTRIES=$(curl -fsS "http://127.0.0.1:$MANAGEMENT_PORT/q/metrics" | awk '/^dispatch_cache_entries /{printf "%d", $2}')
echo "" >> "$OUT"
echo "Response cache after the cached runs: $CACHE_ENTRIES responses, ${CACHE_BYTES} MiB as weighed (dispatch_cache_bytes; gzip bodies, inflated copies, headers, index)." >> "$OUT"
stop_app

echo "" >> "$OUT"
echo "## The app, response cache off (every request renders from PostgreSQL)" >> "$OUT"
echo "" >> "$OUT"
echo "| scenario | req/s | p50 | p99 | RSS MB | non-2xx |" >> "$OUT"
echo "| --- | --- | --- | --- | --- | --- |" >> "$OUT"
start_app 0
# With every request rendered, C2 takes far longer to settle: on one process the uniform article went 814,
# 1,644, 2,059, 2,690, 3,184 req/s in its first five 20 s steps and then stayed at 3,160-3,430 (docs/benchmarks.md).
warm_start $((WARM * 12)) $((WARM * 6))
run "article, uniform" "$API" "$WORK/random.lua"
run "section front (news, 20)" "$API/api/v1/articles?section=news&limit=20"
run "cursor page 1" "$API/api/v1/articles?fields=id&limit=20"
run "cursor page $DEPTH" "$API/api/v1/articles?fields=id&limit=20&cursor=$CURSOR"
run "search" "$API/api/v1/articles?q=election%20OR%20vaccine&sort=relevance&limit=20"

# ---- ceilings: nginx serving the identical bytes, pgbench running the app's SQL
curl -fsS --retry 10 --retry-delay 3 --retry-all-errors "$API/api/v1/articles/$HOT" > "$WORK/article.json"
# the gzip coding exactly as the app sends it (curl does not decode without --compressed), for gzip_static
curl -fsS --retry 10 --retry-delay 3 --retry-all-errors -H "Accept-Encoding: gzip" "$API/api/v1/articles/$HOT" > "$WORK/article.json.gz"
mkdir -p "$WORK/nginx"
cat > "$WORK/nginx/nginx.conf" <<NGX
worker_processes 2;
pid $WORK/nginx/nginx.pid;
error_log $WORK/nginx/error.log;
events { worker_connections 4096; }
http {
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    etag on;
    gzip_static on;
    gzip_vary on;
    location / { root $WORK; default_type application/json; }
  }
}
NGX
nginx -c "$WORK/nginx/nginx.conf" -g 'daemon off;' &
NGINX=$!
sleep 1
NETAG=$(curl -fsSI "http://127.0.0.1:$NGINX_PORT/article.json" | awk -F': ' 'tolower($1)=="etag"{print $2}' | tr -d '\r')
echo "" >> "$OUT"
echo "## Ceilings" >> "$OUT"
echo "" >> "$OUT"
echo "| ceiling | req/s or tps | p50 | p99 | - | - |" >> "$OUT"
echo "| --- | --- | --- | --- | --- | --- |" >> "$OUT"
SAVED_APP=$APP; APP=""
run "nginx, the same article bytes ($(wc -c < "$WORK/article.json") B)" "http://127.0.0.1:$NGINX_PORT/article.json"
run "nginx 304" "http://127.0.0.1:$NGINX_PORT/article.json" "" "If-None-Match: $NETAG"
run "nginx, the same gzip bytes ($(wc -c < "$WORK/article.json.gz") B)" "http://127.0.0.1:$NGINX_PORT/article.json" "" "Accept-Encoding: gzip"
APP=$SAVED_APP

PSQL="psql -h localhost -p $PGPORT -U postgres -d postgres -qAt"
BINDS=(-D nslugs="$NSLUGS" -D sections="$SECTIONS" -D cursor_at="$CURSOR_AT" -D cursor_id="$CURSOR_ID" -D q="$Q")
pgb() { # name sql-file [plan_cache_mode]
  # the session settings the app's connections have (application.properties: one generic plan per statement;
  # a text search is planned for its words, SqlReads.listPlannedForValues)
  export PGOPTIONS="-c plan_cache_mode=${3:-force_generic_plan}"
  local common=(-h localhost -p "$PGPORT" -U postgres -n -M prepared -c "$CONN" -j 2 "${BINDS[@]}" -f "$2" postgres)
  [ "$WARM" -gt 0 ] && { pgbench "${common[@]}" -T "$WARM" >/dev/null 2>&1 || true; }
  local result; result=$(pgbench "${common[@]}" -T "$SECONDS_PER" 2>&1) || true
  local tps lat; tps=$(echo "$result" | awk '/^tps/{print $3}'); lat=$(echo "$result" | awk '/latency average/{print $4}')
  [ -z "$tps" ] && { echo "pgbench $1 failed: $(echo "$result" | grep -m1 -i error)"; tps="failed"; }
  echo "| pgbench: $1 | $tps | avg $lat ms | | | |" >> "$OUT"
  echo "pgbench $1: $tps tps"
}
pgb "article detail SQL (1 statement, 2 when the body links; + 1 lookup of the random slug)" bench/sql/article.sql
pgb "section front SQL (1 statement)" bench/sql/section.sql
pgb "cursor page $DEPTH SQL (1 statement)" bench/sql/deep-page.sql
pgb "search SQL (1 statement, planned for its words)" bench/sql/search.sql force_custom_plan

# the plans of the same SQL, for docs/benchmarks.md
PLANS="${OUT%.md}-plans.txt"
: > "$PLANS"
IFS='|' read -r SLUG LINKS <<< "$($PSQL -c "select slug, coalesce(links, '{}') from bench_slugs where links is not null order by n limit 1")"
for f in bench/sql/*.sql; do
  grep -v -e '^--' -e '^\\' -e '\\gset' "$f" | sed "s/:slug\b/'$SLUG'/g; s/:links\b/'$LINKS'/g;
      s/:sections\b/'$SECTIONS'/g; s/:cursor_at\b/'$CURSOR_AT'/g; s/:cursor_id\b/'$CURSOR_ID'/g; s/:q\b/'$Q'/g" | tr '\n' ' ' | tr ';' '\n' | while IFS= read -r statement; do
    [ -z "${statement// }" ] && continue
    { echo "== $f"; echo "${statement:0:160}..."; $PSQL -c "explain (analyze, buffers) $statement" || true; echo; } >> "$PLANS" 2>&1
  done
done
stop_app

# ---- start-up: an instance joining the running, migrated database (as production instances start: the
# database is already up), plain and, on Java 25+, with an AOT cache (JEP 483/514/515; docs/operations.md)
AOT_JAVA=${BENCH_AOT_JAVA:-}
if [ -z "$AOT_JAVA" ]; then
  for j in /usr/lib/jvm/*/bin/java; do
    [ "$("$j" -version 2>&1 | head -1 | sed -E 's/[^"]*"([0-9]+).*/\1/')" -ge 25 ] 2>/dev/null && { AOT_JAVA=$j; break; }
  done
fi
echo "" >> "$OUT"
echo "## Start-up" >> "$OUT"
echo "" >> "$OUT"
if [ -n "$AOT_JAVA" ]; then
  # the same code packaged for the JDK's own class loaders (aot-jar), beside the fast-jar the run used
  mvn -B -q package -DskipTests -Dquarkus.package.jar.type=aot-jar -Dquarkus.package.output-directory="$WORK/aot"
  JAVA_BIN=$AOT_JAVA; APP_DIR=$WORK/aot
  # the same flags for training and runs (a cache made with others is refused): native access for the brotli
  # library Vert.x loads (Java 24+ warns otherwise), and the cache's warnings kept off stdout (JSON log lines)
  AOT_OPTS="$PLAIN_OPTS --enable-native-access=ALL-UNNAMED -Xlog:aot*=error"
  # training: a start and a short load over every scenario; the JVM writes the cache when the process stops
  JAVA_OPTS="$AOT_OPTS -XX:AOTCacheOutput=$WORK/aot/app.aot"; start_app 67108864
  for script in random mixed; do wrk -t2 -c"$CONN" -d10s -s "$WORK/$script.lua" "$API" >/dev/null 2>&1 || true; done
  wrk -t2 -c"$CONN" -d3s -H "If-None-Match: $ETAG" "$API/api/v1/articles/$HOT" >/dev/null 2>&1 || true
  wrk -t2 -c"$CONN" -d3s -H "Accept-Encoding: gzip" -s "$WORK/mixed.lua" "$API" >/dev/null 2>&1 || true
  stop_app
  JAVA_OPTS="$AOT_OPTS -XX:AOTMode=on -XX:AOTCache=$WORK/aot/app.aot"; start_app 67108864
  echo "On $("$AOT_JAVA" -version 2>&1 | head -1) with an AOT cache of the aot-jar packaging ($(du -m "$WORK/aot/app.aot" | cut -f1) MB, trained by a start and 26 s of load): ready in ${READY_MS} ms on the migrated database, of which the embedded PostgreSQL's own start took ${PG_START_MS:-?} ms." >> "$OUT"
else
  JAVA_OPTS=$PLAIN_OPTS; start_app 67108864
  echo "No Java 25 or newer under /usr/lib/jvm (or BENCH_AOT_JAVA): the AOT cache was not measured." >> "$OUT"
fi
second_ready() { # java app-dir [jvm options]: READY_MS of another instance started on the running database
  local java=$1 dir=$2; shift 2
  QUARKUS_HTTP_PORT=$((PORT + 2)) QUARKUS_MANAGEMENT_PORT=$((MANAGEMENT_PORT + 1)) NEWS_RATE_LIMIT_ENABLED=false QUARKUS_SHUTDOWN_DELAY_ENABLED=false \
    QUARKUS_DATASOURCE_JDBC_URL="jdbc:postgresql://localhost:$PGPORT/postgres" QUARKUS_DATASOURCE_USERNAME=postgres \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="file://$PWD/.dispatch/secrets/jwt-public.pem" \
    SMALLRYE_JWT_SIGN_KEY_LOCATION="file://$PWD/.dispatch/secrets/jwt-private.pem" \
    NEWS_PREVIEW_SECRET="$(cat .dispatch/secrets/preview-secret)" QUARKUS_LOG_LEVEL=WARN \
    "$java" $PLAIN_OPTS "$@" -jar "$dir/quarkus-run.jar" > "$WORK/second.log" 2>&1 &
  SECOND=$!
  wait_ready "$SECOND" $((PORT + 2)) "$WORK/second.log" 120
  kill "$SECOND"; wait "$SECOND" 2>/dev/null || true; SECOND=""
}
# the first instance keeps both cores busy compiling for a while after it is ready; on a noisy machine
# single starts vary by seconds, so five rounds, and the median
sleep 20
PLAIN_SECOND=(); CDS_SECOND=(); AOT_SECOND=()
median() { printf '%s\n' "$@" | sort -n | awk '{v[NR] = $1} END {print v[int((NR + 1) / 2)]}'; }
for _ in 1 2 3 4 5; do
  second_ready java target/quarkus-app; PLAIN_SECOND+=("$READY_MS")
  second_ready java target/quarkus-app -Xshare:on -XX:SharedArchiveFile="$WORK/dispatch.jsa"; CDS_SECOND+=("$READY_MS")
  if [ -n "$AOT_JAVA" ]; then second_ready "$AOT_JAVA" "$WORK/aot" --enable-native-access=ALL-UNNAMED -Xlog:aot*=error -XX:AOTMode=on -XX:AOTCache="$WORK/aot/app.aot"; AOT_SECOND+=("$READY_MS"); fi
done
echo "" >> "$OUT"
echo "A second instance started on the running, migrated database (no embedded PostgreSQL to start), five starts each, interleaved: ready in ${PLAIN_SECOND[*]} ms (median $(median "${PLAIN_SECOND[@]}")) as shipped; ${CDS_SECOND[*]} ms (median $(median "${CDS_SECOND[@]}")) with the class-data-sharing archive${AOT_JAVA:+; ${AOT_SECOND[*]} ms (median $(median "${AOT_SECOND[@]}")) on Java 25 with the AOT cache}." >> "$OUT"
if [ -n "$AOT_JAVA" ]; then
  echo "" >> "$OUT"
  echo "The instance on Java 25 with the AOT cache, response cache on, after the same warm-up as above:" >> "$OUT"
  echo "" >> "$OUT"
  echo "| scenario | req/s | p50 | p99 | RSS MB | non-2xx |" >> "$OUT"
  echo "| --- | --- | --- | --- | --- | --- |" >> "$OUT"
  warm_start $((WARM * 3)) $((WARM * 3))
  run "hot article (one slug)" "$API/api/v1/articles/$HOT"
  run "article, Zipf-skewed over $NSLUGS slugs" "$API" "$WORK/zipf.lua"
  run "mixed reads (60% articles Zipf, 10% comments, 30% lists, feed, search)" "$API" "$WORK/mixed.lua"
fi
JAVA_BIN=java; APP_DIR=target/quarkus-app; JAVA_OPTS=$PLAIN_OPTS
stop_app

echo "" >> "$OUT"
echo "Raw: bench/run.sh $ARTICLES $SECONDS_PER $CONN" >> "$OUT"
cat "$OUT"
