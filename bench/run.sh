#!/usr/bin/env bash
# Runs the migration benchmark (issue 4): on H2 2.x, PostgreSQL and MariaDB (embedded, started by the harness), a
# 5.7.0 identity database with N access tokens is migrated to 5.9.0 by the floor (the same DDL and one UPDATE per
# table through JDBC), the old client's OFFSET paging (data step only) and this tool (in a child JVM), each on a
# fresh copy of the same data. Prints the figures to stdout; exit code 0 when every target was met, 1 otherwise.
#
#   bench/run.sh [--tokens N] [--engines h2,postgresql,mariadb] [--batch-target-ms M] [--tool-xmx SIZE]
#                [--skip-baseline]
#
# BENCH_MVN_FLAGS=-o builds offline. Defaults: 1,000,000 tokens, all three engines. Data lives under target/bench-work (several GB at 10M tokens;
# each copy is dropped after use). The first run unpacks the PostgreSQL and MariaDB binaries there.
# BENCH_MAIN names another harness's main class (bench/sync.sh runs the sync benchmark this way).
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B ${BENCH_MVN_FLAGS:-} -DskipTests test-compile dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
work=target/bench-work
mkdir -p "$work"
exec java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    -Djava.io.tmpdir="$work" -Dmigration.resources.dir=migration-resources -Dtest.drivers.dir=target/test-drivers \
    "${BENCH_MAIN:-org.wso2.carbon.is.migration.bench.MigrationBenchmark}" "$@"
