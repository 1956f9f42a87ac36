# syntax=docker/dockerfile:1
# The stream app image. Build from the repository root:
#   docker build -f deploy/docker/stream-app.Dockerfile -t glostream/stream-app:0.1.0 .
# Run alone (embedded broker, the sample model): docker run --rm -p 8080:8080 glostream/stream-app:0.1.0
# Against a cluster, replace the command, e.g. ["run", "--config", "/etc/glostream/glostream.properties"].

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
# The cache mount keeps ~/.m2 between builds; the wrapper fetches Maven itself.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl stream-app -am package

FROM eclipse-temurin:17-jre
# curl is for the health check; the app itself needs nothing beyond the JRE (ONNX Runtime and RocksDB
# unpack their native libraries, built for glibc, into java.io.tmpdir: hence no Alpine base).
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --create-home --home-dir /home/glostream glostream \
 && mkdir -p /var/lib/glostream/state /models \
 && chown -R glostream:glostream /var/lib/glostream /models
# A thin jar: its manifest's class path names lib/*.jar beside it.
COPY --from=build /src/stream-app/target/glostream-stream.jar /opt/glostream/glostream-stream.jar
COPY --from=build /src/stream-app/target/lib/ /opt/glostream/lib/
COPY --from=build /src/sample/bundle/ /opt/glostream/models/sample/
USER 10001:10001
WORKDIR /opt/glostream
# No GLOSTREAM_* variables here: the environment overrides the --config file, so an image default would
# silently beat a ConfigMap. The heap leaves room for ONNX Runtime's and RocksDB's native memory.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:+ExitOnOutOfMemoryError"
# http.port's default.
EXPOSE 8080
HEALTHCHECK --interval=15s --timeout=3s --start-period=60s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health || exit 1
ENTRYPOINT ["java", "-jar", "/opt/glostream/glostream-stream.jar"]
CMD ["run", "--model", "/opt/glostream/models/sample"]
