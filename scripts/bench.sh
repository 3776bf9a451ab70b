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
# dashboard, drilldown, report-draft and home run on the ten-year data set instead (issue #6: ten plans, 200 schools,
# their monthly progress reports), after the others and on an application of their own. Generating it takes
# about ten minutes, so it is kept in BENCH_TEN_YEAR_DIR ($HOME/.cache/workplan-bench/ten-year) and generated on
# the first run only; the line `BENCH ten-year-data generate_ms=... reused=...` gives the generator's run time
# (from the run that generated it). Delete the directory to generate it again. Needs psql for the drill-down's
# ids and the count of reports.
#
# Settings (environment): BENCH_REQUESTS (200), BENCH_WARMUP (600 per benchmark), BENCH_ITEMS (400), BENCH_UPPER_POINTS
# (100: the points of the upper-level document generated for the plan, for coverage),
# BENCH_EXPORT_REQUESTS (40) and BENCH_EXPORT_WARMUP (20) for the downloads (export-*), which take longer,
# BENCH_STATUS (PUBLISHED: the plan's status), BENCH_JAVA_OPTS (-Xmx1g), BENCH_APP_ARGS (more application
# arguments, e.g. --spring.thymeleaf.servlet.produce-partial-output-while-processing=false), BENCH_KEEP=1 keeps the
# temporary directory (logs, access log) for a look afterwards, BENCH_TEN_YEAR_DIR (see above).
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
UPPER_POINTS=${BENCH_UPPER_POINTS:-100}
EXPORT_REQUESTS=${BENCH_EXPORT_REQUESTS:-40}
EXPORT_WARMUP=${BENCH_EXPORT_WARMUP:-20}
STATUS=${BENCH_STATUS:-PUBLISHED}
JAVA_OPTS=${BENCH_JAVA_OPTS:--Xmx1g}
USER_LOGIN=office
ADMIN=admin:workplan
PASSWORD=workplan

BENCHMARKS=(outline task-table document import-parse import-parse-large export-docx export-xlsx export-pdf report-submit
    public-plan coverage dashboard drilldown report-draft home)
# these run on the ten-year data set, kept in TEN_YEAR_DIR (see start_ten_year); the others on the small setup
TEN_YEAR_BENCHMARKS=(dashboard drilldown report-draft home)
TEN_YEAR_DIR=${BENCH_TEN_YEAR_DIR:-$HOME/.cache/workplan-bench/ten-year}
TEN_YEAR_ARGS=(--workplan.generate.plans=10 --workplan.generate.schools=200 --workplan.generate.reports=true
    --workplan.generate.principals=true)
LEADER_LOGIN=director

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

# The import of a long damaged plan (issue #13): 60 KB of generated plan with mixed marks, run-in headings, PDF wraps and
# page numbers, pinyin and the GBK slip (src/test/resources/bench/damaged-plan-60k.txt, made by LargeDamagedPlan).
bench_import_parse_large() {
    local plan=$ROOT/src/test/resources/bench/damaged-plan-60k.txt
    local url=$BASE/api/plans/import/preview
    local options=(-u "$USER_LOGIN:$PASSWORD" -H 'Content-Type: text/plain;charset=UTF-8' --data-binary "@$plan")
    requests import-parse-large-warmup "$((WARMUP / 3))" "$url" "${options[@]}" >/dev/null
    local before
    before=$(micrometer /api/plans/import/preview)
    requests import-parse-large "$REQUESTS" "$url" "${options[@]}"
    report import-parse-large /api/plans/import/preview "$before" "bytes_in=$(wc -c <"$plan")"
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
    # the generated principals (p<school id>); without psql, one per school, and the demo county's schools' guesses
    # fail (failed logins from one address count against it: see the login throttle)
    logins=$(sql "select string_agg(username, ' ' order by id) from app_user where role = 'PRINCIPAL' and username ~ '^p[0-9]+$'")
    if [[ $logins == na || -z $logins ]]; then
        logins=$(curl -sS -u "$ADMIN" "$BASE/api/schools" | grep -o '"id":[0-9]*' | cut -d: -f2 | sed 's/^/p/' | tr '\n' ' ')
    fi
    local before_form result
    before_form=$(micrometer "/lines/{line}/reports/{period}")
    # shellcheck disable=SC2086
    result=$("${JAVA_HOME:+$JAVA_HOME/bin/}java" "$ROOT/scripts/ReportLoad.java" "$BASE" "$WORK" "$principals" "$seconds" \
        "$warmup" "$think" "$PASSWORD" $logins)
    log "report-submit: $result"
    local stored
    stored=$(sql "select count(*) from progress_report where state = 'SUBMITTED'")
    OK_STATUS=200 report report-form "/lines/{line}/reports/{period}" "$before_form" \
        "principals=$principals seconds=$seconds think_ms=$think"
    OK_STATUS=302 report report-submit "/lines/{line}/reports/{period}" "$before_form" \
        "seconds=$seconds think_ms=$think $result stored=$stored"
}

# The public page (政务公开) of the generated plan as anyone reads it, without a login and without a cookie: the metadata
# block, the text as published, the amendments since and the quarterly progress table by chapter (the plan's items'
# standing). The general office makes the plan public first (POST /plans/{id}/publication, with the table). Answers
# carry an ETag; curl does not send If-None-Match, so every request is made in full.
bench_public_plan() {
    local answer
    answer=$(curl -sS -b "$COOKIES" -o /dev/null -w '%{http_code}' -H "X-CSRF-TOKEN: $(csrf_token)" \
        --data-urlencode indexNumber=BENCH-001 --data-urlencode publisher=青山县教育局 --data-urlencode subject=教育 \
        --data-urlencode showProgress=true "$BASE/plans/$PLAN_ID/publication")
    log "public-plan: POST /plans/$PLAN_ID/publication answered $answer"
    local signed_in=$COOKIES
    COOKIES=$WORK/no-cookies
    : >"$COOKIES"
    page public-plan "/public/plans/$PLAN_ID" "/public/plans/{id}" "items=$ITEMS progress_table=true anonymous=true"
    COOKIES=$signed_in
}

# The coverage of an upper-level document (落实情况): the generated city document of BENCH_UPPER_POINTS (100) points
# against the generated plan, its items linked to the points (each item to one point, every fourth to two), as the
# general office reads it: every point with its items, their lead offices, progress and lights, the totals.
bench_coverage() {
    [[ -n ${UPPER_ID:-} ]] || { log "coverage skipped: no upper-level document was generated"; return; }
    page coverage "/upper-documents/$UPPER_ID/coverage?plan=$PLAN_ID" "/upper-documents/{id}/coverage" \
        "points=$UPPER_POINTS items=$ITEMS"
}

# ------------------------------------------------------------------- benchmarks on the ten-year data set

# The leader's dashboard (领导驾驶舱) of the current plan, as the bureau's director sees it.
bench_dashboard() {
    login "$LEADER_LOGIN"
    page dashboard "/dashboard?plan=$TEN_PLAN" /dashboard "plan=$TEN_PLAN"
}

# Drilling down from the dashboard, as the director does, one line per level: the items an office leads
# (`drilldown`: the office leading most items), the items a school answers for (`drilldown-school`: the school
# with most lines), one item's lines of responsibility (`drilldown-item`: the item with most lines) and one of
# its lines' report for this month (`drilldown-report`).
bench_drilldown() {
    [[ $TEN_ITEM != na ]] || { log "drilldown skipped: psql is needed to choose the office, school, item and line"; return; }
    login "$LEADER_LOGIN"
    page drilldown "/dashboard/items?plan=$TEN_PLAN&office=$TEN_OFFICE" /dashboard/items "plan=$TEN_PLAN office=$TEN_OFFICE"
    page drilldown-school "/dashboard/items?plan=$TEN_PLAN&school=$TEN_SCHOOL" /dashboard/items \
        "plan=$TEN_PLAN school=$TEN_SCHOOL"
    page drilldown-item "/items/$TEN_ITEM/lines" "/items/{id}/lines" "item=$TEN_ITEM lines=$TEN_ITEM_LINES"
    if [[ -n $TEN_LINE && $TEN_LINE != na ]]; then
        page drilldown-report "/lines/$TEN_LINE/reports/$TEN_PERIOD" "/lines/{line}/reports/{period}" \
            "line=$TEN_LINE period=$TEN_PERIOD"
    else
        log "drilldown-report skipped: no line of item #$TEN_ITEM with a report for $TEN_PERIOD"
    fi
}

# The general office drafts the quarterly report (季度工作总结) of the current plan for the last finished quarter (in
# January to March, the first quarter, under way): POST /plans/{id}/summaries with kind=QUARTERLY and quarter=1-4,
# answered with a redirect to the draft. Its server time is generate_ms=. Drafting the same quarter again only
# finds the draft made before (the kept data set keeps it): then the draft is regenerated (POST
# /summaries/{id}/regenerate) and that is generate_ms= (drafted=existed; create_ms= is the finding). Then the
# draft's page, GET /summaries/{id}, is measured like any page.
bench_report_draft() {
    login "$USER_LOGIN"
    local month=${TEN_PERIOD:-$(date +%Y-%m)}
    local quarter=$(((10#${month#*-} - 1) / 3))
    ((quarter >= 1)) || quarter=1
    local before
    before=" $(curl -sS -b "$COOKIES" "$BASE/plans/$TEN_PLAN/summaries" |
        { grep -o 'href="/summaries/[0-9]*"' | grep -o '[0-9][0-9]*' || true; } | tr '\n' ' ')"
    local token
    token=$(curl -sS -b "$COOKIES" "$BASE/plans/$TEN_PLAN/summaries/new" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    [[ -n $token ]] || token=$(csrf_token)
    local answer status location draft
    answer=$(curl -sS -b "$COOKIES" -H "X-Bench: report-draft-create" -o /dev/null -w '%{http_code} %{redirect_url}' \
        --data-urlencode "_csrf=$token" --data-urlencode kind=QUARTERLY --data-urlencode "quarter=$quarter" \
        "$BASE/plans/$TEN_PLAN/summaries")
    read -r status location <<<"$answer"
    draft=$(sed -n 's|.*/summaries/\([0-9][0-9]*\)$|\1|p' <<<"$location")
    local create_ms
    create_ms=$(server_ms report-draft-create)
    log "report-draft: POST /plans/$TEN_PLAN/summaries kind=QUARTERLY quarter=$quarter answered $status ${location:-} in $create_ms ms"
    if [[ -z $draft ]]; then
        echo "BENCH report-draft p50_ms=na p95_ms=na n=0 errors=1 generate_ms=na create_status=$status create_ms=$create_ms" \
            "plan=$TEN_PLAN quarter=$quarter"
        return
    fi
    local drafted=created generate_ms=$create_ms
    if [[ $before == *" $draft "* ]]; then
        drafted=existed
        local version
        version=$(curl -sS -b "$COOKIES" "$BASE/summaries/$draft" | sed -n '/regenerate/,$p' |
            sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' | head -1)
        answer=$(curl -sS -b "$COOKIES" -H "X-Bench: report-draft-regenerate" -o /dev/null -w '%{http_code} %{redirect_url}' \
            --data-urlencode "_csrf=$(csrf_token)" --data-urlencode "version=$version" "$BASE/summaries/$draft/regenerate")
        generate_ms=$(server_ms report-draft-regenerate)
        log "report-draft: #$draft existed; POST /summaries/$draft/regenerate (version $version) answered $answer in $generate_ms ms"
        [[ $answer == 302* ]] || generate_ms=na
    fi
    page report-draft "/summaries/$draft" "/summaries/{id}" \
        "generate_ms=$generate_ms drafted=$drafted create_ms=$create_ms plan=$TEN_PLAN quarter=$quarter draft=$draft"
}

# The home page (首页) with its to-do list (待办) first, as three people open it every morning, one line each:
# `home-principal`, the principal of the school with most lines (its reports due and returned, notices to sign);
# `home-office`, the head of the office leading most items (reports to review, lines lagging, extensions to decide,
# consolidated progress); `home-leader`, the director (plans to review, sign-offs, extensions, escalated notices,
# reports to read). The navbar's count, /todo/count, is fetched by htmx after the page: `home-count` is the office
# head's. Each line gives the person's number of to-dos (todos=, from the page).
bench_home() {
    local principal office_head
    principal=$(sql "select username from app_user where school_id = $TEN_SCHOOL and role = 'PRINCIPAL' and active
        order by id limit 1")
    office_head=$(sql "select u.username from office o join app_user u on u.id = o.head_user_id where o.id = $TEN_OFFICE")
    local who login
    for who in principal:$principal office:$office_head leader:$LEADER_LOGIN; do
        login=${who#*:}
        if [[ -z $login || $login == na ]]; then
            log "home-${who%%:*} skipped: psql is needed to choose the account"
            continue
        fi
        login "$login"
        page "home-${who%%:*}" / / "login=$login todos=$(todos)"
        if [[ ${who%%:*} == office ]]; then
            page home-count /todo/count /todo/count "login=$login"
        fi
    done
}

# todos: the number of to-dos on the logged-in person's home page (its badge), or "na".
todos() {
    local count
    count=$(curl -sS -b "$COOKIES" "$BASE/" | tr '\n' ' ' | { grep -o 'id="todo-total"[^>]*>[0-9]*<' || true; } | head -1 | tr -dc '0-9<>' |
        sed 's/.*>\([0-9]*\)<$/\1/')
    echo "${count:-na}"
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
    curl -sS -b "$COOKIES" -H "X-Bench: $tag" -w '%{http_code} %{size_download} %{time_total}\n' \
        -K "$config" "$@" >"$WORK/$tag.client"
    log "$tag: $count requests sent"
}

# server_ms TAG: the server time (ms) of the last request tagged TAG, from the access log; "na" if it is not there.
server_ms() {
    local i ms
    for ((i = 0; i < 50; i++)); do # the access log line is written just after the response
        ms=$(awk -v tag="$1" '$1 == tag { printf "%.1f\n", $4 / 1000 }' "$WORK/access.log" | tail -1)
        [[ -n $ms ]] && break
        sleep 0.1
    done
    echo "${ms:-na}"
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
    curl -sS -b "$COOKIES" "$BASE/plans" | sed -n 's/.*name="csrf-token" content="\([^"]*\)".*/\1/p' | head -1
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

# start DATA_DIRECTORY APP_LOG SECONDS [application arguments...]: starts the jar on a free loopback port with its
# quick-start PostgreSQL in DATA_DIRECTORY (kept if it holds a database), the access log in $WORK/access.log and
# the application's log in APP_LOG (emptied first); waits up to SECONDS for readiness. Sets APP_PID, PG_DIR and
# BASE; answers 1 (with the log's tail on standard error) if the application stopped before it was ready. Refuses
# a directory where a PostgreSQL runs already (someone else's application): that one is never stopped.
start() {
    local data=$1 app_log=$2 seconds=$3
    shift 3
    local running
    running=$(postmaster "$data")
    [[ -z $running ]] || die "a PostgreSQL (pid $running) runs on $data already: stop the application using it first"
    PG_DIR=$data
    : >"$app_log" # before the background start, which opens it a moment later
    # shellcheck disable=SC2086
    "${JAVA_HOME:+$JAVA_HOME/bin/}java" $JAVA_OPTS -jar "$JAR" \
        --server.address=127.0.0.1 --server.port=0 \
        --workplan.embedded-database.data-directory="$data" \
        "$@" \
        --management.endpoint.health.probes.enabled=true \
        --server.tomcat.basedir="$WORK/tomcat" \
        --server.tomcat.accesslog.enabled=true --server.tomcat.accesslog.directory="$WORK" \
        --server.tomcat.accesslog.prefix=access --server.tomcat.accesslog.suffix=.log \
        --server.tomcat.accesslog.file-date-format= --server.tomcat.accesslog.rotate=false \
        --server.tomcat.accesslog.buffered=false \
        '--server.tomcat.accesslog.pattern=%{X-Bench}i %s %b %D %m %U' \
        ${BENCH_APP_ARGS:-} \
        >>"$app_log" 2>&1 &
    APP_PID=$!
    local port="" i
    for ((i = 0; i < seconds; i++)); do
        if ! kill -0 "$APP_PID" 2>/dev/null; then
            tail -n 40 "$app_log" >&2
            log "the application stopped (see $app_log)"
            return 1
        fi
        port=${port:-$(sed -n 's/.*Tomcat started on port \([0-9]*\).*/\1/p' "$app_log" | head -1)}
        # readiness: UP once the application runners, the plan generator among them, are done
        if [[ -n $port ]] && curl -fsS "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"UP"'; then
            BASE=http://127.0.0.1:$port
            log "up at $BASE after ${i}s"
            return 0
        fi
        sleep 1
    done
    die "the application did not become ready in $seconds s"
}

# The small setup of most benchmarks: a fresh quick-start database in $WORK with the demo county and one
# generated plan of BENCH_ITEMS items. Sets PLAN_ID.
start_small() {
    log "starting the application with a fresh database in $WORK"
    # shellcheck disable=SC2086
    start "$WORK/postgres" "$WORK/app.log" 600 \
        --workplan.generate.plans=1 --workplan.generate.items="$ITEMS" --workplan.generate.status="$STATUS" \
        --workplan.generate.upper.points="$UPPER_POINTS" ${COUNTY_ARGS:-} || die "the application stopped"
    PLAN_ID=$(sed -n 's/.*Generated plan #\([0-9]*\).*/\1/p' "$WORK/app.log" | tail -1)
    [[ -n $PLAN_ID ]] || die "no plan was generated (see $WORK/app.log)"
    log "$(grep -o 'Generated plan #.*' "$WORK/app.log")"
    UPPER_ID=$(sed -n 's/.*Generated upper-level document #\([0-9]*\).*/\1/p' "$WORK/app.log" | tail -1)
    log "$(grep -o 'Generated upper-level document #.*' "$WORK/app.log" || echo 'no upper-level document generated')"
}

# The ten-year data set (issue #6), kept in TEN_YEAR_DIR from one run to the next: pg/ is the quick-start
# PostgreSQL's cluster, generate.log the log of the run that generated it, and `generated` the mark written once
# the generator had finished (generate_ms=, its run time from that log). Without the mark (first run, or a
# generation that was interrupted) the data is generated again from scratch: the generator adds plans whenever it
# is asked to, so its options are passed on that run only. A kept database is migrated by Flyway at start-up like
# any other; if its migration fails, it is generated again. Prints the line `BENCH ten-year-data ...`.
start_ten_year() {
    local mark=$TEN_YEAR_DIR/generated reused=true
    mkdir -p "$TEN_YEAR_DIR"
    # one run at a time on the kept data (the lock is held until this script and the application have ended)
    if command -v flock >/dev/null; then
        exec {TEN_YEAR_LOCK}>>"$TEN_YEAR_DIR/lock"
        if ! flock -n "$TEN_YEAR_LOCK"; then
            log "waiting for the other benchmark run on $TEN_YEAR_DIR to end"
            flock "$TEN_YEAR_LOCK"
        fi
    fi
    if [[ -f $mark ]]; then
        log "starting the application on the ten-year data set kept in $TEN_YEAR_DIR"
        if ! start "$TEN_YEAR_DIR/pg" "$WORK/ten-year-app.log" 1800; then
            grep -qE 'FlywayException|FlywayValidateException|Migration .* failed|Validate failed' "$WORK/ten-year-app.log" ||
                die "the application stopped on the ten-year data set (see $WORK/ten-year-app.log)"
            log "the kept database could not be migrated: generating the ten-year data set again"
            stop_app
            rm -f "$mark"
        fi
    fi
    if [[ ! -f $mark ]]; then
        reused=false
        stop_app
        rm -rf "${TEN_YEAR_DIR:?}/pg" "$TEN_YEAR_DIR/generate.log"
        log "generating the ten-year data set in $TEN_YEAR_DIR (about ten minutes on 2 CPUs; log: $TEN_YEAR_DIR/generate.log)"
        start "$TEN_YEAR_DIR/pg" "$TEN_YEAR_DIR/generate.log" 7200 "${TEN_YEAR_ARGS[@]}" ||
            die "the application stopped while generating (see $TEN_YEAR_DIR/generate.log)"
        local took
        took=$(sed -n 's/.*Volume data generated in \([0-9]*\) ms.*/\1/p' "$TEN_YEAR_DIR/generate.log" | tail -1)
        [[ -n $took ]] || die "the generator did not say how long it took (see $TEN_YEAR_DIR/generate.log)"
        printf 'generate_ms=%s\ndate=%s\n' "$took" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" >"$mark"
    fi
    local took reports
    took=$(sed -n 's/^generate_ms=//p' "$mark")
    reports=$(sql "select count(*) from progress_report")
    echo "BENCH ten-year-data generate_ms=$took plans=10 schools=200 reports=$reports reused=$reused"
}

# ten_year_ids: what the ten-year benchmarks request, read from the database (psql): TEN_PLAN, the newest
# published plan (the current year's); TEN_OFFICE, the office leading most of its items; TEN_SCHOOL, the school with
# most of its lines; TEN_ITEM, its item with most lines, and TEN_LINE, one of that item's lines with a report for
# this month (TEN_PERIOD). Without psql the plan is the newest one on /plans (as the director sees it) and the
# drill-down is skipped.
ten_year_ids() {
    TEN_PLAN=$(sql "select id from plan where status = 'PUBLISHED' order by year desc, id desc limit 1")
    if [[ $TEN_PLAN == na ]]; then
        login "$LEADER_LOGIN"
        TEN_PLAN=$(curl -sS -b "$COOKIES" "$BASE/plans" |
            { grep -o 'href="/plans/[0-9]*"' | grep -o '[0-9][0-9]*' || true; } | sort -n | tail -1)
    fi
    [[ -n $TEN_PLAN ]] || die "no published plan in the ten-year data set"
    TEN_OFFICE=$(sql "select lead_office_id from plan_node where plan_id = $TEN_PLAN and kind = 'ITEM'
        group by lead_office_id order by count(*) desc, lead_office_id limit 1")
    TEN_SCHOOL=$(sql "select school_id from assignment where plan_id = $TEN_PLAN and school_id is not null
        group by school_id order by count(*) desc, school_id limit 1")
    read -r TEN_ITEM TEN_ITEM_LINES < <(sql "select item_id || ' ' || count(*) from assignment where plan_id = $TEN_PLAN
        group by item_id order by count(*) desc, item_id limit 1") || true
    TEN_ITEM=${TEN_ITEM:-na}
    # the current month as the generator saw it (its clock's time zone)
    TEN_PERIOD=$(sql "select to_char(max(period_start), 'YYYY-MM') from progress_report where plan_id = $TEN_PLAN")
    TEN_LINE=na
    if [[ $TEN_ITEM != na && -n $TEN_PERIOD ]]; then
        TEN_LINE=$(sql "select a.id from assignment a join progress_report r on r.assignment_id = a.id
            where a.item_id = $TEN_ITEM and r.period_start = date '$TEN_PERIOD-01' order by a.id limit 1")
    fi
    log "ten-year data: plan #$TEN_PLAN, office #$TEN_OFFICE, school #$TEN_SCHOOL, item #$TEN_ITEM, line #$TEN_LINE ($TEN_PERIOD)"
}

# sql QUERY: the query's answer from the running application's database, with psql; "na" without psql.
sql() {
    local port
    port=$(sed -n 4p "$PG_DIR/postmaster.pid" 2>/dev/null || true)
    if command -v psql >/dev/null && [[ -n $port ]]; then
        # the quick start's superuser has a password, kept in its data directory (scram, owner-only)
        PGPASSWORD=$(cat "$PG_DIR/workplan-superuser.password" 2>/dev/null) \
            psql -h 127.0.0.1 -p "$port" -U postgres -d workplan -tAc "$1" 2>/dev/null || echo na
    else
        echo na
    fi
}

# login USER: logs in with the login form; the session's cookies go to $COOKIES ($WORK/cookies-USER).
login() {
    local user=$1 token
    COOKIES=$WORK/cookies-$user
    token=$(curl -sS -c "$COOKIES" "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
    [[ -n $token ]] || die "no CSRF token on the login page"
    local location
    location=$(curl -sS -b "$COOKIES" -c "$COOKIES" -o /dev/null -w '%{redirect_url}' \
        --data-urlencode "username=$user" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$token" \
        "$BASE/login")
    [[ $location == "$BASE/" ]] || die "login as $user failed (redirected to $location)"
    log "logged in as $user"
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

# postmaster DATA_DIRECTORY: the pid of the PostgreSQL running on the directory, if any.
postmaster() {
    local pid
    pid=$(head -1 "$1/postmaster.pid" 2>/dev/null || true)
    if [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null; then echo "$pid"; fi
}

# stop_app: stops the application gracefully (it stops its PostgreSQL), and the PostgreSQL itself if it outlived it
# (start made sure that none ran on the directory before, so a PostgreSQL there now is the application's).
stop_app() {
    if [[ -n ${APP_PID:-} ]] && kill -0 "$APP_PID" 2>/dev/null; then
        log "stopping the application (pid $APP_PID)"
        stop "$APP_PID" TERM 60
    fi
    if [[ -n ${APP_PID:-} ]]; then
        wait "$APP_PID" 2>/dev/null || true # its exit status: 143 after SIGTERM
    fi
    APP_PID=
    local pg
    pg=$(postmaster "${PG_DIR:-/nonexistent}")
    if [[ -n $pg ]]; then
        log "stopping the PostgreSQL the application left behind (pid $pg)"
        stop "$pg" INT 30
    fi
    PG_DIR=
}

cleanup() {
    local status=$?
    set +e
    stop_app
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
    local selected=("$@") small=() ten_year=() name
    [[ ${#selected[@]} -gt 0 ]] || selected=("${BENCHMARKS[@]}")
    for name in "${selected[@]}"; do
        [[ " ${BENCHMARKS[*]} " == *" $name "* ]] || die "unknown benchmark '$name' (known: ${BENCHMARKS[*]})"
        if [[ " ${TEN_YEAR_BENCHMARKS[*]} " == *" $name "* ]]; then ten_year+=("$name"); else small+=("$name"); fi
    done
    command -v curl >/dev/null || die "curl is needed"

    if [[ " ${small[*]} " == *" report-submit "* ]]; then
        COUNTY_ARGS="--workplan.generate.schools=240 --workplan.generate.principals=true"
    fi
    build
    WORK=$(mktemp -d "${TMPDIR:-/tmp}/workplan-bench.XXXXXX")
    trap cleanup EXIT
    trap 'exit 130' INT TERM
    trap 'exit 129' HUP
    trap '' PIPE # a closed output pipe fails the next write (and so exits through cleanup) instead of killing us
    if [[ ${#small[@]} -gt 0 ]]; then
        start_small
        login "$USER_LOGIN"
        log "$(nproc 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
        for name in "${small[@]}"; do
            "bench_${name//-/_}"
        done
        stop_app
    fi
    if [[ ${#ten_year[@]} -gt 0 ]]; then
        start_ten_year
        ten_year_ids
        log "$(nproc 2>/dev/null || echo '?') CPUs, load average $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')"
        for name in "${ten_year[@]}"; do
            "bench_${name//-/_}"
        done
    fi
}

main "$@"
