# syntax=docker/dockerfile:1
# queuegate's container image, for machines with Docker (BuildKit):
#   docker build -t queuegate:0.1.0 .
#   docker run --rm -p 8000:8000 queuegate:0.1.0
# Stage 1 builds the jar with the Maven wrapper on a JDK and trims a runtime with jlink from the
# module list in scripts/container/jlink-modules. Stage 2 is distroless: glibc and CA certificates,
# no shell, no package manager, a "nonroot" user (65532). scripts/container-smoke builds the same
# runtime stage FROM scratch with the host's glibc (scripts/container/Containerfile), runs it and
# checks it; keep the two in step.

# The JDK that builds the jar also provides the jlink runtime, so its version is the runtime's.
ARG JDK_IMAGE=eclipse-temurin:25-jdk-noble
ARG RUNTIME_IMAGE=gcr.io/distroless/base-debian12:nonroot

FROM ${JDK_IMAGE} AS build
WORKDIR /src
COPY . .
# The Maven repository is a build cache, so a source edit does not download the world again.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -DskipTests -pl application -am package
# --strip-java-debug-attributes rather than --strip-debug, which also runs objcopy (binutils) on the
# native libraries; Temurin ships those stripped already, so the runtime is the same size.
RUN jlink --add-modules "$(grep -v '^#' scripts/container/jlink-modules | paste -sd, -)" \
      --strip-java-debug-attributes --no-man-pages --no-header-files --compress zip-6 \
      --output /out/jre \
 && javac --release 21 -d /out/healthcheck scripts/container/HealthCheck.java \
 && cp application/target/queuegate.jar /out/ \
 && cp -r application/target/libs /out/libs

FROM ${RUNTIME_IMAGE}
ARG VERSION=0.1.0-SNAPSHOT
ARG REVISION=unknown
LABEL org.opencontainers.image.title="queuegate" \
      org.opencontainers.image.description="A virtual waiting room for flash-crowd sales." \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}"
COPY --from=build /out/ /opt/queuegate/

# JDK_JAVA_OPTIONS is read by the java launcher itself, so JVM flags need no shell entrypoint; set
# it at run time to replace these. No perf data file: the root filesystem may be read-only.
ENV LANG=C.UTF-8 \
    JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -XX:-UsePerfData"
USER 65532:65532
WORKDIR /opt/queuegate
EXPOSE 8000
# No curl in distroless: a one-class check on the image's own JVM (java.base only). It reads
# SERVER_PORT, like the service.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["/opt/queuegate/jre/bin/java", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xmx16m", "-cp", "/opt/queuegate/healthcheck", "HealthCheck"]
ENTRYPOINT ["/opt/queuegate/jre/bin/java", "-jar", "/opt/queuegate/queuegate.jar"]
