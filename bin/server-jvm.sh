# Sourced by the server launchers (mqnamesrv, mqbroker, standalone): what FerryMQ adds to the JVM.
# SERVER_JVM_DEFAULTS go before JAVA_OPTS on the command line, so an option in JAVA_OPTS wins.
#   -XX:NewSize=8m   a small minimum young generation: an idle server's heap stays a few MiB
#                    instead of the 5% of -Xmx G1 starts its young generation at; G1 still
#                    grows it as far as it needs under load (its maximum is unchanged).
#   -XX:TrimNativeHeapInterval=5000   every 5 s, hand native memory that was freed (start-up,
#                    the JIT compiler, RocksDB) back to the OS; only where the JVM has the option
#                    (Java 17.0.9 and later), tested with a quick java -version.
#   --add-opens=java.base/java.nio=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true
#                    lets Netty allocate its pooled direct memory without zero-filling it and
#                    without a Cleaner per chunk: an idle server keeps ~4 MiB less resident, and
#                    buffers are cheaper to create.
#   MALLOC_ARENA_MAX=2  fewer glibc malloc arenas for RocksDB's and the JVM's native memory:
#                    less resident memory, no measurable cost with a handful of busy threads.
SERVER_JVM_DEFAULTS="-XX:NewSize=8m --add-opens=java.base/java.nio=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true"
if java -XX:TrimNativeHeapInterval=5000 -version >/dev/null 2>&1; then
  SERVER_JVM_DEFAULTS="$SERVER_JVM_DEFAULTS -XX:TrimNativeHeapInterval=5000"
fi
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# class_data_option MODULE: maps the class-data archive mvn package left in MODULE/target (classes
# pre-parsed from one file instead of read from jars: faster start, less memory; see
# io.ferrymq.remoting.ClassDataTraining). None without an archive; the JVM itself ignores one that no
# longer matches the jars or the JVM (then silently, hence the -Xlog options).
class_data_option() {
  local archive="$home/$1/target/$1.jsa"
  if [ -f "$archive" ]; then
    echo "-XX:SharedArchiveFile=$archive -Xlog:cds=off -Xlog:cds+dynamic=off"
  fi
}
