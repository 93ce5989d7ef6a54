# Apache Kafka in KRaft mode, from Maven Central artifacts: one node (broker and controller in one JVM) by default,
# three in the cluster profile (KAFKA_NODES=3), each with its own pid file (kafka-1…), data and log.

KAFKA_LIB="$ONESEAL_CACHE/kafka-$KAFKA_VERSION/lib"
kafka_port() { echo $((KAFKA_PORT + 2 * ($1 - 1))); }
kafka_controller_port() { echo $((KAFKA_CONTROLLER_PORT + 2 * ($1 - 1))); }
kafka_metrics_port() { echo $((KAFKA_METRICS_PORT + 2 * ($1 - 1))); }
# The single node keeps the names it always had; cluster nodes are kafka-1, kafka-2, kafka-3.
kafka_name() { if [ "$KAFKA_NODES" = 1 ]; then echo kafka; else echo "kafka-$1"; fi; }
kafka_nodes() { seq 1 "$KAFKA_NODES"; }
KAFKA_BROKERS=$(for n in $(kafka_nodes); do printf '127.0.0.1:%s,' "$(kafka_port "$n")"; done)
KAFKA_BROKERS=${KAFKA_BROKERS%,}
KAFKA_STATE="$ONESEAL_STATE/kafka"
KAFKA_CONFIG="$KAFKA_STATE/server.properties"
KAFKA_LOG4J="$LOCAL/kafka/log4j.properties"
KAFKA_JMX_AGENT_DIR="$ONESEAL_CACHE/kafka-jmx-exporter-$KAFKA_JMX_EXPORTER_VERSION"
KAFKA_JMX_AGENT="$KAFKA_JMX_AGENT_DIR/jmx_prometheus_javaagent-$KAFKA_JMX_EXPORTER_VERSION.jar"
KAFKA_JMX_RULES="$LOCAL/kafka/jmx-exporter.yml"

# Resolves into a temporary folder and renames it once complete and verified: a half download never looks cached.
kafka_fetch() {
  kafka_fetch_metrics_agent || true
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

# Strict checksums: Maven refuses an artifact whose published checksum does not match. Metrics are not worth a
# broker that does not start: without the agent the brokers run without their own metrics.
kafka_fetch_metrics_agent() {
  [ -f "$KAFKA_JMX_AGENT" ] && return 0
  local partial="$KAFKA_JMX_AGENT_DIR.partial" maven_log="$ONESEAL_CACHE/kafka-jmx-exporter-maven.log"
  log kafka "downloading the JMX exporter agent $KAFKA_JMX_EXPORTER_VERSION from Maven Central (once)"
  rm -rf "$partial" && mkdir -p "$partial"
  if ! mvn -q -B --strict-checksums -Dmaven.repo.local="$ONESEAL_CACHE/m2" \
    "org.apache.maven.plugins:maven-dependency-plugin:$MAVEN_DEPENDENCY_PLUGIN_VERSION:copy" \
    -Dartifact="io.prometheus.jmx:jmx_prometheus_javaagent:$KAFKA_JMX_EXPORTER_VERSION" \
    -DoutputDirectory="$partial" >"$maven_log" 2>&1 || [ ! -f "$partial/$(basename "$KAFKA_JMX_AGENT")" ]; then
    log kafka "could not download the JMX exporter agent (see $maven_log): the brokers run without their own metrics"
    return 1
  fi
  rm -rf "$KAFKA_JMX_AGENT_DIR" && mv "$partial" "$KAFKA_JMX_AGENT_DIR"
}

# The agent's option for node n, when the agent is there and its port free.
kafka_metrics_agent_option() {
  local port
  port=$(kafka_metrics_port "$1")
  [ -f "$KAFKA_JMX_AGENT" ] || return 0
  if port_open "$port"; then
    log kafka "port $port is taken (KAFKA_METRICS_PORT): $(kafka_name "$1") runs without its own metrics" >&2
    return 0
  fi
  echo "-javaagent:$KAFKA_JMX_AGENT=127.0.0.1:$port:$KAFKA_JMX_RULES"
}

# JVM options may follow -cp: java reads options up to the main class name.
kafka_java() { java -Dlog4j.configuration="file:$KAFKA_LOG4J" -cp "$KAFKA_LIB/*" "$@"; }

# A real client round trip, not an open port: the broker answers an ApiVersions request as node 1 and, when
# the project's own client library is installed, kafkajs can list, create and describe a topic (a broker whose
# controller has not settled answers ApiVersions but not CreateTopics).
kafka_ready() {
  local n versions
  for n in $(kafka_nodes); do port_open "$(kafka_port "$n")" || return 1; done
  versions=$(kafka_java -Xmx128m kafka.admin.BrokerApiVersionsCommand --bootstrap-server "$KAFKA_BROKERS" 2>&1) || true
  for n in $(kafka_nodes); do
    if ! grep -q "(id: $n " <<<"$versions"; then
      printf 'BrokerApiVersionsCommand (node %s missing):\n%s\n' "$n" "$versions" | tail -n 5 >"$LOGS/kafka-probe.log"
      return 1
    fi
  done
  if [ -d "$ROOT/node_modules/kafkajs" ]; then
    node "$LOCAL/probes/kafka-ready.js" "$KAFKA_BROKERS" >"$LOGS/kafka-probe.log" 2>&1 || return 1
  fi
}

# Where node n keeps its configuration and data (the single node keeps the folders it always had).
kafka_node_dir() { if [ "$KAFKA_NODES" = 1 ]; then echo "$KAFKA_STATE"; else echo "$KAFKA_STATE/cluster/node-$1"; fi; }

kafka_configure_node() {
  local n=$1 dir voters="" m
  dir=$(kafka_node_dir "$n")
  mkdir -p "$dir/data" "$LOGS"
  if [ "$KAFKA_NODES" = 1 ]; then
    sed -e "s|@STATE@|$ONESEAL_STATE|g" -e "s|@PORT@|$KAFKA_PORT|g" -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      "$LOCAL/kafka/server.properties.template" >"$dir/server.properties"
  else
    for m in $(kafka_nodes); do voters+="$m@127.0.0.1:$(kafka_controller_port "$m"),"; done
    sed -e "s|@NODE@|$n|g" -e "s|@VOTERS@|${voters%,}|g" -e "s|@PORT@|$(kafka_port "$n")|g" \
      -e "s|@CONTROLLER_PORT@|$(kafka_controller_port "$n")|g" -e "s|@DATA@|$dir/data|g" \
      "$LOCAL/kafka/server-cluster.properties.template" >"$dir/server.properties"
  fi
  # The cluster id is generated once and kept: the data folders are formatted for it and refuse any other.
  local id_file="$KAFKA_STATE/cluster-id"
  [ "$KAFKA_NODES" = 1 ] || id_file="$KAFKA_STATE/cluster/cluster-id"
  if [ ! -s "$id_file" ]; then
    kafka_java kafka.tools.StorageTool random-uuid >"$id_file.partial" 2>>"$LOGS/kafka.log" ||
      fail "kafka: cluster id" "StorageTool random-uuid failed" "$LOGS/kafka.log"
    mv "$id_file.partial" "$id_file"
  fi
  # Formatting is needed once per data folder; skipping the check saves a JVM start on every `up`.
  [ -f "$dir/data/meta.properties" ] && return 0
  kafka_java kafka.tools.StorageTool format -t "$(cat "$id_file")" -c "$dir/server.properties" \
    --ignore-formatted >>"$LOGS/kafka.log" 2>&1 ||
    fail "kafka: format storage" "StorageTool format failed" "$LOGS/kafka.log"
}

kafka_up() {
  kafka_fetch
  local n name heap=512m
  [ "$KAFKA_NODES" = 1 ] || heap=384m
  for n in $(kafka_nodes); do
    name=$(kafka_name "$n")
    # Ours and running, perhaps still starting (another `up` just launched it): leave it be.
    pid_alive "$name" && continue
    clean_stale_pid "$name"
    require_free_port "$name" "$(kafka_port "$n")" KAFKA_PORT
    require_free_port "$name" "$(kafka_controller_port "$n")" KAFKA_CONTROLLER_PORT
    kafka_configure_node "$n"
    local agent=()
    mapfile -t agent < <(kafka_metrics_agent_option "$n")
    start_detached "$name" java -Xms256m "-Xmx$heap" -XX:+UseG1GC -Djava.awt.headless=true "${agent[@]}" \
      -Dlog4j.configuration="file:$KAFKA_LOG4J" -cp "$KAFKA_LIB/*" kafka.Kafka "$(kafka_node_dir "$n")/server.properties"
  done
  # A cluster answers once its controllers have a quorum: every node is waited for together.
  wait_ready "$(kafka_name 1)" kafka_ready "$LOGS/$(kafka_name 1).log"
  log kafka "up on $KAFKA_BROKERS ($KAFKA_NODES node$([ "$KAFKA_NODES" = 1 ] || echo s))"
  kafka_metrics_status
}

# All nodes at once: stopped one after another, the last ones lose their controller quorum and hang in a
# controlled shutdown that can no longer complete.
kafka_down() {
  local n
  for n in $(kafka_nodes); do stop_pid "$(kafka_name "$n")" & done
  wait
}

kafka_status() {
  local n
  for n in $(kafka_nodes); do pid_alive "$(kafka_name "$n")" || { log kafka "down  $KAFKA_BROKERS"; return 1; }; done
  # A new topic's first metadata can race a KRaft broker's cache ("does not host this topic-partition"): a few tries.
  local try
  for try in 1 2 3; do
    if kafka_ready; then
      log kafka "up    $KAFKA_BROKERS"
      kafka_metrics_status
      return 0
    fi
    sleep 1
  done
  log kafka "down  $KAFKA_BROKERS"
  return 1
}

# A broker started before it had the agent (or without it) publishes nothing until it is restarted.
kafka_metrics_status() {
  local n port answering=() silent=()
  for n in $(kafka_nodes); do
    port=$(kafka_metrics_port "$n")
    if port_open "$port"; then answering+=("http://127.0.0.1:$port/metrics"); else silent+=("$(kafka_name "$n")"); fi
  done
  [ ${#answering[@]} -eq 0 ] || log kafka "metrics ${answering[*]}"
  [ ${#silent[@]} -eq 0 ] || log kafka "metrics down on ${silent[*]}: \`engines.sh down kafka && engines.sh up kafka\` starts them with the agent"
}
