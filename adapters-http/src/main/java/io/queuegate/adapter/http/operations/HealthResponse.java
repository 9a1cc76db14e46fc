package io.queuegate.adapter.http.operations;

/** 200 body of {@code /healthz}. */
record HealthResponse(String status, String service, String version) {

  static HealthResponse from(VersionInfo version) {
    return new HealthResponse("healthy", version.service(), version.version());
  }
}
