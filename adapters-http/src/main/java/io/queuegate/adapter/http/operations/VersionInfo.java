package io.queuegate.adapter.http.operations;

/** The build's identity, as served by {@code /version} and {@code /healthz}. */
public record VersionInfo(String service, String version, String commit, String built) {}
