# Apache Kafka in KRaft mode (single node, broker and controller in one JVM), from Maven Central artifacts.

KAFKA_LIB="$ONESEAL_CACHE/kafka-$KAFKA_VERSION/lib"
KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
KAFKA_STATE="$ONESEAL_STATE/kafka"
KAFKA_CONFIG="$KAFKA_STATE/server.properties"
KAFKA_LOG4J="$LOCAL/kafka/log4j.properties"

# Resolves into a temporary folder and renames it once complete and verified: a half download never looks cached.
kafka_fetch() {
  [ -f "$KAFKA_LIB/.complete" ] && return 0
  local partial="$KAFKA_LIB.partial" maven_log="$ONESEAL_CACHE/kafka-$KAFKA_VERSION-maven.log"
  log kafka "downloading Kafka $KAFKA_VERSION from Maven Central (once)"
  rm -rf "$partial" && mkdir -p "$partial"
  mvn -q -B -Dmaven.repo.local="$ONESEAL_CACHE/m2" -f "$LOCAL/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -Dkafka.scala.version="$KAFKA_SCALA_VERSION" -Dslf4j.reload4j.version="$SLF4J_RELOAD4J_VERSION" \
    "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$partial" >"$maven_log" 2>&1 ||
    fail "kafka: maven download" "mvn copy-dependencies failed" "$maven_log"
  local jar count
  for jar in "kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar" "kafka-clients-$KAFKA_VERSION.jar" "slf4j-reload4j-$SLF4J_RELOAD4J_VERSION.jar"; do
    [ -f "$partial/$jar" ] || fail "kafka: maven download" "$jar missing from the resolved classpath" "$maven_log"
  done
  count=$(find "$partial" -maxdepth 1 -name '*.jar' | wc -l)
  [ "$count" = "$KAFKA_LIB_JAR_COUNT" ] ||
    fail "kafka: maven download" "resolved $count jars, expected $KAFKA_LIB_JAR_COUNT (versions.env KAFKA_LIB_JAR_COUNT)" "$maven_log"
  echo "$count jars" >"$partial/.complete"
  rm -rf "$KAFKA_LIB" && mv "$partial" "$KAFKA_LIB"
}

# JVM options may follow -cp: java reads options up to the main class name.
kafka_java() { java -Dlog4j.configuration="file:$KAFKA_LOG4J" -cp "$KAFKA_LIB/*" "$@"; }

# A real client round trip, not an open port: the broker answers an ApiVersions request as node 1 and, when
# the project's own client library is installed, kafkajs can list, create and describe a topic (a broker whose
# controller has not settled answers ApiVersions but not CreateTopics).
kafka_ready() {
  port_open "$KAFKA_PORT" || return 1
  local versions
  versions=$(kafka_java -Xmx128m kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$KAFKA_BROKERS" 2>&1) || true
  if ! grep -q '(id: 1 ' <<<"$versions"; then
    printf 'BrokerApiVersionsCommand:\n%s\n' "$versions" | tail -n 5 >"$LOGS/kafka-probe.log"
    return 1
  fi
  if [ -d "$ROOT/node_modules/kafkajs" ]; then
    node "$LOCAL/probes/kafka-ready.js" "$KAFKA_BROKERS" >"$LOGS/kafka-probe.log" 2>&1 || return 1
  fi
}

kafka_configure() {
  mkdir -p "$KAFKA_STATE/data" "$LOGS"
  sed -e "s|@STATE@|$ONESEAL_STATE|g" -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
    "$LOCAL/kafka/server.properties.template" >"$KAFKA_CONFIG"
  # The cluster id is generated once and kept: the data folder is formatted for it and refuses any other.
  if [ ! -s "$KAFKA_STATE/cluster-id" ]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$KAFKA_STATE/cluster-id.partial" 2>>"$LOGS/kafka.log" ||
      fail "kafka: cluster id" "StorageTool random-uuid failed" "$LOGS/kafka.log"
    mv "$KAFKA_STATE/cluster-id.partial" "$KAFKA_STATE/cluster-id"
  fi
  # Formatting is needed once per data folder; skipping the check saves a JVM start on every `up`.
  [ -f "$KAFKA_STATE/data/meta.properties" ] && return 0
  kafka_java kafka.tools.StorageTool format -t "$(cat "$KAFKA_STATE/cluster-id")" -c "$KAFKA_CONFIG" --ignore-formatted \
    >>"$LOGS/kafka.log" 2>&1 ||
    fail "kafka: format storage" "StorageTool format failed" "$LOGS/kafka.log"
}

kafka_up() {
  kafka_fetch
  if pid_alive kafka; then
    # Ours and running, perhaps still starting (another `up` just launched it): wait rather than restart.
    wait_ready kafka kafka_ready "$LOGS/kafka.log"
    log kafka "already up on $KAFKA_BROKERS"
    return 0
  fi
  clean_stale_pid kafka
  require_free_port kafka "$KAFKA_PORT" KAFKA_PORT
  require_free_port kafka "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT
  kafka_configure
  start_detached kafka java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$KAFKA_LOG4J" -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
  wait_ready kafka kafka_ready "$LOGS/kafka.log"
  log kafka "up on $KAFKA_BROKERS"
}

kafka_down() { stop_pid kafka; }

kafka_status() {
  if pid_alive kafka && kafka_ready; then log kafka "up    $KAFKA_BROKERS"; else log kafka "down  $KAFKA_BROKERS"; return 1; fi
}
