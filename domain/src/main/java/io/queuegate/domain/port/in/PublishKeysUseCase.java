package io.queuegate.domain.port.in;

/** Publishes the admission-token verification keys (the JWKS). */
public interface PublishKeysUseCase {

  String jwksJson();
}
