package io.queuegate.domain.service;

import io.queuegate.domain.port.in.PublishKeysUseCase;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import java.util.Objects;

/** Publishes the keys that verify admission tokens. */
public final class PublishKeysService implements PublishKeysUseCase {
  private final AdmissionTokenSigner signer;

  public PublishKeysService(AdmissionTokenSigner signer) {
    this.signer = Objects.requireNonNull(signer);
  }

  @Override
  public String jwksJson() {
    return signer.jwksJson();
  }
}
