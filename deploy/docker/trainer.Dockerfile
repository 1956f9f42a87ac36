# syntax=docker/dockerfile:1
# The trainer image (fit, verify, export, eval, inspect, infer). Build from the repository root:
#   docker build -f deploy/docker/trainer.Dockerfile -t glostream/trainer:0.1.0 .
#   docker run --rm -v "$PWD/sample:/data:ro" -v "$PWD/target:/out" glostream/trainer:0.1.0 \
#     fit --data /data/ec_news --pretokenized --topics 10 --epochs 20 --out /out/bundle

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests -pl trainer -am package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --user-group --create-home --home-dir /home/glostream glostream \
 && mkdir -p /work /models \
 && chown glostream:glostream /work /models
COPY --from=build /src/trainer/target/glostream-trainer.jar /opt/glostream/glostream-trainer.jar
COPY --from=build /src/trainer/target/lib/ /opt/glostream/lib/
USER 10001:10001
WORKDIR /work
# The trainer runs DJL offline: PyTorch's CPU library comes from a jar in lib/ and is unpacked into
# DJL_CACHE_DIR on first use, so that directory must be writable (Kubernetes mounts an emptyDir there).
# PyTorch's tensors live outside the Java heap, hence the modest heap share.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=40 -XX:+ExitOnOutOfMemoryError" \
    DJL_CACHE_DIR=/home/glostream/djl-cache
ENTRYPOINT ["java", "-jar", "/opt/glostream/glostream-trainer.jar"]
CMD ["--help"]
