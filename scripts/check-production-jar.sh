#!/usr/bin/env bash
# Checks a production jar (./mvnw -Pproduction -DskipTests package; the Dockerfile runs this after building):
# under its size budget, without the quick start's embedded PostgreSQL, the whole webjars or libraries only tests and
# builds need, and with every file the pages load from /webjars/.
# Usage: scripts/check-production-jar.sh [target/workplan-*.jar]
set -euo pipefail

budget=100000000
jar=${1:-$(ls target/workplan-*.jar 2>/dev/null | head -n 1)}
[[ -f $jar ]] || { echo "no jar: build it with ./mvnw -Pproduction -DskipTests package" >&2; exit 2; }

failed=0
size=$(stat -c %s "$jar")
if ((size >= budget)); then
    echo "FAIL: $jar is $size bytes, over the budget of $budget" >&2
    if command -v unzip >/dev/null; then
        echo "the largest libraries:" >&2
        unzip -lv "$jar" 'BOOT-INF/lib/*' | awk '$8 ~ /BOOT-INF\/lib\/./ {print $3, $8}' | sort -rn | head -n 10 >&2
    fi
    failed=1
fi

# jar (from the JDK) rather than unzip, which the build image may lack
entries=$(jar tf "$jar")
for unwanted in embedded-postgres archunit junit mockito assertj selenium testcontainers greenmail jsoup \
    datasource-proxy lombok aspectjweaver ognl- echarts- bootstrap-5 bootstrap-icons- htmx.org- sortablejs-; do
    if grep -q "^BOOT-INF/lib/$unwanted" <<<"$entries"; then
        echo "FAIL: $jar holds BOOT-INF/lib/$unwanted*" >&2
        failed=1
    fi
done

for file in bootstrap/*/css/bootstrap.min.css bootstrap/*/js/bootstrap.bundle.min.js \
    bootstrap-icons/*/font/bootstrap-icons.min.css bootstrap-icons/*/font/fonts/bootstrap-icons.woff2 \
    htmx.org/*/dist/htmx.min.js echarts/*/echarts.min.js sortablejs/*/Sortable.min.js; do
    pattern="^META-INF/resources/webjars/${file//\*/[^/]*}\$"
    if ! grep -q "$pattern" <<<"$entries"; then
        echo "FAIL: $jar lacks META-INF/resources/webjars/$file" >&2
        failed=1
    fi
done

if ((failed)); then
    exit 1
fi
echo "OK: $jar is $size bytes (budget $budget)"
