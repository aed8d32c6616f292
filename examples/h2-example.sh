#!/usr/bin/env bash
# Builds the jar and runs it standalone on an example: an IS home whose identity and shared databases were created
# by IS 5.8.0 in H2 1.4.199 (the engine IS 5.9.0 ships). Shows the dry run, migrates, migrates again (every step is
# then reported as already applied) and lists the ledger. Everything happens under target/example-is-home.
set -euo pipefail
cd "$(dirname "$0")/.."

mvn -q -B -DskipTests package dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/test-classpath.txt
jar=$(ls target/org.wso2.carbon.is.migration-*.jar | head -1)
home=target/example-is-home
rm -rf "$home"
java -cp "target/test-classes:target/classes:$(cat target/test-classpath.txt)" \
    -Dmigration.resources.dir=migration-resources -Dtest.drivers.dir=target/test-drivers \
    org.wso2.carbon.is.migration.testsupport.ExampleHome "$home"

run() {
  echo; echo "\$ java -jar $jar $* --is-home $home"
  set +e; java -jar "$jar" "$@" --is-home "$home"; code=$?; set -e
  echo "(exit code $code)"
}
run dry-run
run migrate
run migrate
run info
