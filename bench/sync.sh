#!/usr/bin/env bash
# Runs the sync tool's benchmark (issue 15): on PostgreSQL and MariaDB (embedded, started by the harness), a 5.7.0
# identity database with N access tokens and its copy migrated to 5.9.0; measures the write cost of an IS-like
# transaction without and with the sync triggers, the apply rate of `sync run` against the old tool's approach, the
# lag under a steady writer and the verify rate with injected differences. H2 is refused by the tool (printed).
# Prints the figures against the issue's targets to stdout; exit code 0 when every target was met, 1 otherwise.
#
#   bench/sync.sh [--tokens N] [--engines postgresql,mariadb] [--seconds S] [--transactions K] [--backlog B]
#                 [--write-rate W] [--round-trip-us R]
#
# Defaults: 1,000,000 tokens, both engines, 60 s of steady writes, 10,000 transactions, a backlog of N/20, 500 row
# writes/s, apply measured on the local socket and again with 500 us added to each round trip (the network between
# the new server and the databases; the apply target is judged there). Built and run as bench/run.sh is
# (BENCH_MVN_FLAGS=-o builds offline; data under target/bench-work).
set -euo pipefail
BENCH_MAIN=org.wso2.carbon.is.migration.bench.SyncBenchmark exec "$(dirname "$0")/run.sh" "$@"
