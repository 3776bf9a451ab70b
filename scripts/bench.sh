#!/usr/bin/env bash
# Benchmarks of Workplan's pages on a generated plan (see docs/performance.md).
#
#   scripts/bench.sh                 all benchmarks
#   scripts/bench.sh outline         only the named ones (unknown names are an error)
#   scripts/bench.sh --list          the names
#
# Builds the jar if it is missing or older than the sources, starts the application on a free loopback
# port with a fresh quick-start database in a temporary directory (the demo county plus a generated plan),
# logs in as the general office's `office`, warms up, then requests each page BENCH_REQUESTS times, one
# after the other, and prints one line per benchmark on standard output:
#
#   BENCH outline p50_ms=12.3 p95_ms=15.8 n=200 errors=0 mean_ms=... max_ms=... ...
#
# p50/p95/mean/max are the server's own time per request: Tomcat's access log (%D, microseconds from
# the request's arrival to the response's last byte). micrometer_mean_ms is the mean of Micrometer's
# http.server.requests timer over the same requests, read from /actuator/metrics as admin: a cross-check.
# client_p95_ms is curl's time_total over loopback; load1 the machine's load average when the benchmark
# ended (figures from a busy machine are not comparable with an idle one's). Progress goes to standard
# error. The application and its PostgreSQL are stopped on exit, whatever happens.
#
# Settings (environment): BENCH_REQUESTS (200), BENCH_WARMUP (100 per benchmark), BENCH_ITEMS (400),
# BENCH_EXPORT_REQUESTS (40) and BENCH_EXPORT_WARMUP (20) for the downloads (export-*), which take longer,
# BENCH_STATUS (PUBLISHED: the plan's status), BENCH_JAVA_OPTS (-Xmx1g), BENCH_APP_ARGS (more application
# arguments, e.g. --spring.thymeleaf.servlet.produce-partial-output-while-processing=false), BENCH_KEEP=1 keeps the
# temporary directory (logs, access log) for a look afterwards.
#
# A new benchmark is a function bench_<name> (dashes as underscores) added to BENCHMARKS. A plain GET is
# one line: `page NAME PATH URI_TEMPLATE [key=value...]`. Anything else reads Micrometer's figures first,
# sends its requests, and reports:
#
#   bench_import_parse() {
#       local before; before=$(micrometer /plans/import)
#       requests import-parse "$REQUESTS" "$BASE/plans/import" -F file=@plan.docx -H "X-CSRF-TOKEN: $(csrf_token)"
#       report import-parse /plans/import "$before" bytes_in=...
#   }

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
REQUESTS=${BENCH_REQUESTS:-200}
WARMUP=${BENCH_WARMUP:-600}
ITEMS=${BENCH_ITEMS:-400}
EXPORT_REQUESTS=${BENCH_EXPORT_REQUESTS:-40}
EXPORT_WARMUP=${BENCH_EXPORT_WARMUP:-20}
STATUS=${BENCH_STATUS:-PUBLISHED}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
USER_LOGIN=office
ADMIN=admin:workplan
PASSWORD=workplan

BENCHMARKS=(outline task-table document import-parse export-docx export-xlsx export-pdf report-submit)

# ---------------------------------------------------------------------------------------------- benchmarks

# The outline page (大纲) of the generated plan: what the general office arranges.
bench_outline() {
    page outline "/plans/$PLAN_ID" "/plans/{planId}" "items=$ITEMS"
}

# The task table (任务分解表): every item with its offices, schools, deadline and quarter milestones.
bench_task_table() {
    page task-table "/plans/$PLAN_ID/tasks" "/plans/{id}/tasks" "items=$ITEMS"
}

# The document view (文件): the plan as the official document reads.
bench_document() {
    page document "/plans/$PLAN_ID/document" "/plans/{id}/document" "items=$ITEMS"
}

# The import preview API reading the Jiyuan sample (8 chapters, 36 items, 12 KB of text) into its outline:
# parsing, suggestions, JSON. HTTP Basic as scripts call it, so no CSRF token is needed.
bench_import_parse() {
    local sample=$ROOT/src/test/resources/samples/jiyuan-2018-work-points.txt
    local url=$BASE/api/plans/import/preview
    local options=(-u "$USER_LOGIN:$PASSWORD" -H 'Content-Type: text/plain;charset=UTF-8' --data-binary "@$sample")
    requests import-parse-warmup "$WARMUP" "$url" "${options[@]}" >/dev/null
    local before
    before=$(micrometer /api/plans/import/preview)
    requests import-parse "$REQUESTS" "$url" "${options[@]}"
    report import-parse /api/plans/import/preview "$before" "bytes_in=$(wc -c <"$sample")"
}

# The Word export (导出 Word): the plan written as a GB/T 9704-2012 document with Apache POI, downloaded.
bench_export_docx() {
    page export-docx "/plans/$PLAN_ID/export.docx" "/plans/{id}/export.docx" "items=$ITEMS"
}

# The task table as an Excel workbook (任务分解表.xlsx), unfiltered: POI's streaming workbook.
bench_export_xlsx() {
    download export-xlsx "/plans/$PLAN_ID/tasks.xlsx" "/plans/{id}/tasks.xlsx" "items=$ITEMS"
}

# The document as a PDF: Thymeleaf's XHTML laid out by openhtmltopdf, the Chinese font subset and embedded.
bench_export_pdf() {
    download export-pdf "/plans/$PLAN_ID/export.pdf" "/plans/{id}/export.pdf" "items=$ITEMS"
}

# Principals reporting at the same time (进度填报): BENCH_PRINCIPALS (200) principals of a county of 240 schools,
# each in a session of its own, open a report form, fill it in and send it, line after line and month after
# month (scripts/ReportLoad.java): BENCH_LOAD_WARMUP (60) seconds unmeasured, then BENCH_LOAD_SECONDS (60)
# measured; filling a form and reading the answer take 0 to 2 × BENCH_THINK_MS (10000) ms each. Two lines: the
# form (GET) and the send (POST, answered 302 when stored). stored= counts the reports sent, in the database
# afterwards (with psql, when installed): it must equal acknowledged_with_warmup=, the sends answered 302. Starting the application for it adds the schools and the principals'
# accounts: run it on its own (scripts/bench.sh report-submit) when comparing the other benchmarks' figures.
bench_report_submit() {
    local principals=${BENCH_PRINCIPALS:-200} seconds=${BENCH_LOAD_SECONDS:-60} warmup=${BENCH_LOAD_WARMUP:-60}
    local think=${BENCH_THINK_MS:-10000}
    local logins
    logins=$(curl -sS -u "$ADMIN" "$BASE/api/schools" | grep -o '"id":[0-9]*' | cut -d: -f2 | sed 's/^/p/' | tr '\n' ' ')
    local before_form result
    before_form=$(micrometer "/lines/{line}/reports/{period}")
    # shellcheck disable=SC2086
    result=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" "$ROOT/scripts/ReportLoad.java" "$BASE" "$WORK" "$principals" "$seconds" \
        "$warmup" "$think" "$PASSWORD" $logins)
    log "report-submit: $result"
    local stored port
    port=$(sed -n 4p "$WORK/postgres/postmaster.pid" 2>/dev/null || true)
    stored=na
    if command -v psql >/dev/null && [[ -n $port ]]; then
        stored=$(psql -h 127.0.0.1 -p "$port" -U postgres -d workplan -tAc \
            "select count(*) from progress_report where state = 'SUBMITTED'" 2>/dev/null || echo na)
    fi
    OK_STATUS=200 report report-form "/lines/{line}/reports/{period}" "$before_form" \
        "principals=$principals seconds=$seconds think_ms=$think"
    OK_STATUS=302 report report-submit "/lines/{line}/reports/{period}" "$before_form" \
        "seconds=$seconds think_ms=$think $result stored=$stored"
}

# ------------------------------------------------------------------------------------------------- helpers

log() { printf '[bench] %s\n' "$*" >&2; }
die() { log "error: $*"; exit 2; }

# page NAME PATH URI_TEMPLATE [key=value...]: warm up, then GET the page BENCH_REQUESTS times and report.
page() {
    measure "$WARMUP" "$REQUESTS" "$@"
}

# download NAME PATH URI_TEMPLATE [key=value...]: like page, with fewer requests (BENCH_EXPORT_WARMUP and
# BENCH_EXPORT_REQUESTS): a download takes many times a page's time.
download() {
    measure "$EXPORT_WARMUP" "$EXPORT_REQUESTS" "$@"
}

# measure WARMUP COUNT NAME PATH URI_TEMPLATE [key=value...]: WARMUP requests, then COUNT measured and reported.
measure() {
    local warmup=$1 count=$2 name=$3 path=$4 uri=$5
    shift 5
    requests "$name-warmup" "$warmup" "$BASE$path" >/dev/null
    local before
    before=$(micrometer "$uri")
    requests "$name" "$count" "$BASE$path"
    report "$name" "$uri" "$before" "$@"
}

# requests TAG COUNT URL [curl options...]: COUNT requests on one keep-alive connection as the logged-in
# user, each tagged with the header X-Bench: TAG so that the access log tells them apart. Writes curl's
# "status bytes seconds" per request to $WORK/TAG.client. Options apply to every request (e.g. -X POST,
# -F file=@x.xlsx, -H "X-CSRF-TOKEN: $(csrf_token)").
requests() {
    local tag=$1 count=$2 url=$3
    shift 3
    local config=$WORK/$tag.curl i
    : >"$config"
    for ((i = 0; i < count; i++)); do
        printf 'url = "%s"\noutput = "/dev/null"\n' "$url" >>"$config"
    done
    curl -sS -b "$WORK/cookies" -H "X-Bench: $tag" -w '%{http_code} %{size_download} %{time_total}\n' \
        -K "$config" "$@" >"$WORK/$tag.client"
    log "$tag: $count requests sent"
}

# report NAME URI_TEMPLATE MICROMETER_BEFORE [key=value...]: prints the BENCH line of the requests tagged NAME.
report() {
    local name=$1 uri=$2 before=$3
    shift 3
    local count i
    count=$(wc -l <"$WORK/$name.client")
    # the access log line is written just after the response's last byte: wait for all of them
    for ((i = 0; i < 100; i++)); do
        [[ $(awk -v tag="$name" '$1 == tag' "$WORK/access.log" | wc -l) -ge $count ]] && break
        sleep 0.1
    done
    local server client micrometer_mean
    server=$(awk -v tag="$name" '$1 == tag { print $2, $3, $4 }' "$WORK/access.log" | stats "${OK_STATUS:-200}")
    client=$(awk '{ print $1, $2, int($3 * 1000000) }' "$WORK/$name.client" | stats "${OK_STATUS:-200}")
    micrometer_mean=$(awk -v a="$before" -v b="$(micrometer "$uri")" 'BEGIN {
        split(a, x, " "); split(b, y, " ");
        if (y[1] > x[1]) printf "%.1f", (y[2] - x[2]) / (y[1] - x[1]) * 1000; else printf "na" }')
    local n errors p50 p95 mean max bytes client_n client_errors client_p95
    read -r _ errors p50 p95 mean max bytes <<<"$server"
    read -r client_n client_errors _ client_p95 _ _ _ <<<"$client"
    # a request that failed before the server saw it is missing from the access log: count it too
    n=$client_n
    errors=$((errors > client_errors ? errors : client_errors))
    local load
    load=$(cut -d' ' -f1 /proc/loadavg 2>/dev/null || echo na)
    echo "BENCH $name p50_ms=$p50 p95_ms=$p95 n=$n errors=$errors mean_ms=$mean max_ms=$max" \
        "micrometer_mean_ms=$micrometer_mean client_p95_ms=$client_p95 bytes=$bytes load1=$load $*"
}

# stats [OK_STATUS]: reads "status bytes microseconds" lines; prints "n errors p50 p95 mean max bytes" (ms, one
# decimal; nearest-rank percentiles; errors are statuses other than OK_STATUS, 200 by default; bytes of the last
# response).
stats() {
    sort -k3,3n | awk -v ok="${1:-200}" '
        { n++; t[n] = $3 / 1000; sum += $3 / 1000; if ($1 != ok) errors++; bytes = $2 }
        function rank(p,   r) { r = int(p * n + 0.999999); return r < 1 ? 1 : r }
        END {
            if (n == 0) { print 0, 0, "na", "na", "na", "na", 0; exit }
            printf "%d %d %.1f %.1f %.1f %.1f %s\n", n, errors, t[rank(0.50)], t[rank(0.95)], sum / n, t[n], bytes
        }'
}

# micrometer URI_TEMPLATE: "count total_seconds" of http.server.requests for the URI so far ("0 0" if none).
micrometer() {
    local encoded=${1//\{/%7B}
    encoded=${encoded//\}/%7D}
    curl -sS -u "$ADMIN" "$BASE/actuator/metrics/http.server.requests?tag=uri:$encoded" 2>/dev/null | awk '
        { gsub(/[{}]/, "\n"); print }' | awk -F'[:,]' '
        /"statistic":"COUNT"/ { count = $4 } /"statistic":"TOTAL_TIME"/ { total = $4 }
        END { print (count == "" ? 0 : count), (total == "" ? 0 : total) }'
}

# csrf_token: the CSRF token of the logged-in session, for benchmarks that POST.
csrf_token() {
    curl -sS -b "$WORK/cookies" "$BASE/plans" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -1
}

# ------------------------------------------------------------------------------------------- the application

build() {
    JAR=$(ls "$ROOT"/target/workplan-*.jar 2>/dev/null | grep -v '\.original$' | head -1 || true)
    if [[ -z $JAR ]] || [[ -n $(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit) ]]; then
        log "building the jar (./mvnw -q -DskipTests package)"
        (cd "$ROOT" && ./mvnw -q -DskipTests package)
        JAR=$(ls "$ROOT"/target/workplan-*.jar | grep -v '\.original$' | head -1)
    fi
    log "jar: $JAR"
}

start() {
    log "starting the application with a fresh database in $WORK"
    : >"$WORK/app.log" # before the background start, which opens it a moment later
    # shellcheck disable=SC2086
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" $JAVA_OPTS -jar "$JAR" \
        --server.address=127.0.0.1 --server.port=0 \
        --workplan.embedded-database.data-directory="$WORK/postgres" \
        --workplan.generate.plans=1 --workplan.generate.items="$ITEMS" --workplan.generate.status="$STATUS" \
        ${COUNTY_ARGS:-} \
        --management.endpoint.health.probes.enabled=true \
        --server.tomcat.basedir="$WORK/tomcat" \
        --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK" \
        --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
        --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
        --server.tomcat.accesslog.buffered=false \
        '--server.tomcat.accesslog.pattern=%{X-Bench}i %s %b %D %m %U' \
        ${BENCH_APP_ARGS:-} \
        >>"$WORK/app.log" 2>&1 &
    APP_PID=$!
    local port="" i
    for ((i = 0; i < 600; i++)); do
        kill -0 "$APP_PID" 2>/dev/null || { tail -n 40 "$WORK/app.log" >&2; die "the application stopped"; }
        port=${port:-$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$WORK/app.log" | head -1)}
        # readiness: UP once the application runners, the plan generator among them, are done
        if [[ -n $port ]] && curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
            BASE=http://127.0.0.1:$port
            PLAN_ID=$(sed -n 's/.*Generated plan #\([0-9]*\).*/\1/p' "$WORK/app.log" | tail -1)
            [[ -n $PLAN_ID ]] || die "no plan was generated (see $WORK/app.log)"
            log "up at $BASE after ${i}s$(grep -o 'Generated plan #.*' "$WORK/app.log" | sed 's/^/: /')"
            return
        fi
        sleep 1
    done
    die "the application did not become ready in 600 s"
}

login() {
    local token
    token=$(curl -sS -c "$WORK/cookies" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    [[ -n $token ]] || die "no CSRF token on the login page"
    local location
    location=$(curl -sS -b "$WORK/cookies" -c "$WORK/cookies" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode "username=$USER_LOGIN" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
        "$BASE/login")
    [[ $location == "$BASE/" ]] || die "login as $USER_LOGIN failed (redirected to $location)"
    log "logged in as $USER_LOGIN"
}

# stop PID SIGNAL SECONDS: sends the signal, waits for the process to end, kills it after SECONDS.
stop() {
    local pid=$1 signal=$2 seconds=$3 i
    kill "-$signal" "$pid" 2>/dev/null || return 0
    for ((i = 0; i < seconds * 10; i++)); do
        kill -0 "$pid" 2>/dev/null || return 0
        sleep 0.1
    done
    log "pid $pid did not stop in ${seconds}s: killing it"
    kill -KILL "$pid" 2>/dev/null || true
}

# Stops the application gracefully (it stops its PostgreSQL), and the PostgreSQL itself if it outlived it.
cleanup() {
    local status=$?
    set +e
    if [[ -n ${APP_PID:-} ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the application (pid $APP_PID)"
        stop "$APP_PID" TERM 60
        wait "$APP_PID" 2>/dev/null
    fi
    local pidfile=${WORK:-/nonexistent}/postgres/postmaster.pid pg
    if [[ -f $pidfile ]]; then
        pg=$(head -1 "$pidfile")
        if [[ $pg =~ ^[0-9]+$ ]] && kill -0 "$pg" 2>/dev/null; then
            log "stopping the PostgreSQL the application left behind (pid $pg)"
            stop "$pg" INT 30
        fi
    fi
    if [[ -n ${WORK:-} && -d $WORK ]]; then
        if [[ ${BENCH_KEEP:-0} == 1 ]]; then log "kept $WORK"; else rm -rf "$WORK"; fi
    fi
    exit "$status"
}

# ---------------------------------------------------------------------------------------------------- main

main() {
    if [[ ${1:-} == --list ]]; then
        printf '%s\n' "${BENCHMARKS[@]}"
        return
    fi
    local selected=("$@")
    [[ ${#selected[@]} -gt 0 ]] || selected=("${BENCHMARKS[@]}")
    for name in "${selected[@]}"; do
        [[ " ${BENCHMARKS[*]} " == *" $name "* ]] || die "unknown benchmark '$name' (known: ${BENCHMARKS[*]})"
    done
    command -v curl >/dev/null || die "curl is needed"

    if [[ " ${selected[*]} " == *" report-submit "* ]]; then
        COUNTY_ARGS="--workplan.generate.schools=240 --workplan.generate.principals=true"
    fi
    build
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/workplan-bench.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    trap 'exit 129' HUP
    trap '' PIPE # a closed output pipe fails the next write (and so exits through cleanup) instead of killing us
    start
    login
    log "$(nproc 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
    for name in "${selected[@]}"; do
        "bench_${name//-/_}"
    done
}

main "$@"
