# Apache Kafka in KRaft mode, from Maven Central artifacts.

KAFKA_LIB="$ONESEAL_CACHE/kafka-$KAFKA_VERSION/lib"
KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
KAFKA_CONFIG="$ONESEAL_STATE/kafka/server.properties"

kafka_fetch() {
  [ -f "$KAFKA_LIB/.complete" ] && return 0
  log kafka "downloading Kafka $KAFKA_VERSION from Maven Central (once)"
  mkdir -p "$KAFKA_LIB" "$ONESEAL_CACHE"
  mvn -q -B -Dmaven.repo.local="$ONESEAL_CACHE/m2" -f "$ROOT/deploy/local/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -Dkafka.scala.version="$KAFKA_SCALA_VERSION" -Dslf4j.reload4j.version="$SLF4J_RELOAD4J_VERSION" \
    "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy-dependencies" \
    -DincludeScope=runtime -DoutputDirectory="$KAFKA_LIB" >"$ONESEAL_CACHE/kafka-maven.log" 2>&1 ||
    fail "kafka: maven download" "see the log" "$ONESEAL_CACHE/kafka-maven.log"
  [ -f "$KAFKA_LIB/kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar" ] || fail "kafka: maven download" "kafka_$KAFKA_SCALA_VERSION-$KAFKA_VERSION.jar missing"
  touch "$KAFKA_LIB/.complete"
}

kafka_java() { java -Dlog4j.configuration="file:$ROOT/deploy/local/kafka/log4j.properties" -cp "$KAFKA_LIB/*" "$@"; }

# A real client round trip, not an open port: the broker must answer an ApiVersions request as node 1.
kafka_ready() {
  port_open "$KAFKA_PORT" &&
    kafka_java -Xmx128m kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$KAFKA_BROKERS" 2>/dev/null | grep -q '(id: 1 '
}

kafka_up() {
  kafka_fetch
  if pid_alive kafka && kafka_ready; then log kafka "already up on $KAFKA_BROKERS"; return 0; fi
  stop_pid kafka
  require_free_port kafka "$KAFKA_PORT" KAFKA_PORT
  require_free_port kafka "$KAFKA_CONTROLLER_PORT" KAFKA_CONTROLLER_PORT
  mkdir -p "$ONESEAL_STATE/kafka/data" "$LOGS"
  sed -e "s#@STATE@#$ONESEAL_STATE#g" -e "s#@PORT@#$KAFKA_PORT#g" -e "s#@CONTROLLER_PORT@#$KAFKA_CONTROLLER_PORT#g" \
    "$ROOT/deploy/local/kafka/server.properties.template" >"$KAFKA_CONFIG"
  if [ ! -f "$ONESEAL_STATE/kafka/cluster-id" ]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$ONESEAL_STATE/kafka/cluster-id" 2>>"$LOGS/kafka.log" ||
      fail "kafka: cluster id" "StorageTool random-uuid failed" "$LOGS/kafka.log"
  fi
  kafka_java kafka.tools.StorageTool format -t "$(cat "$ONESEAL_STATE/kafka/cluster-id")" -c "$KAFKA_CONFIG" --ignore-formatted \
    >>"$LOGS/kafka.log" 2>&1 || fail "kafka: format storage" "StorageTool format failed" "$LOGS/kafka.log"
  start_detached kafka java -Xms256m -Xmx512m -XX:+UseG1GC -Djava.awt.headless=true \
    -Dlog4j.configuration="file:$ROOT/deploy/local/kafka/log4j.properties" -cp "$KAFKA_LIB/*" kafka.Kafka "$KAFKA_CONFIG"
  wait_ready kafka kafka_ready
  log kafka "up on $KAFKA_BROKERS"
}

kafka_down() {
  pid_alive kafka && log kafka "stopping"
  stop_pid kafka
}

kafka_status() {
  if pid_alive kafka && kafka_ready; then log kafka "up    $KAFKA_BROKERS"; else log kafka "DOWN  $KAFKA_BROKERS"; return 1; fi
}
