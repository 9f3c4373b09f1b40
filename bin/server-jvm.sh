# Sourced by the server launchers (mqnamesrv, mqbroker, standalone): what FerryMQ adds to the JVM.
# SERVER_JVM_DEFAULTS go before JAVA_OPTS on the command line, so an option in JAVA_OPTS wins.
#   -XX:NewSize=8m   a small minimum young generation: an idle server's heap stays a few MiB
#                    instead of the 5% of -Xmx G1 starts its young generation at; G1 still
#                    grows it as far as it needs under load (its maximum is unchanged).
#   MALLOC_ARENA_MAX=2  fewer glibc malloc arenas for RocksDB's and the JVM's native memory:
#                    less resident memory, no measurable cost with a handful of busy threads.
SERVER_JVM_DEFAULTS="-XX:NewSize=8m"
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}
