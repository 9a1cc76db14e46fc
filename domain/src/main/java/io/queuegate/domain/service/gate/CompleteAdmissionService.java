package io.queuegate.domain.service.gate;

import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.port.in.CompleteAdmissionUseCase;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Ends an admission the backend is done with: it stops counting against the active limit, and its
 * gate session, if it has one, ends on every instance. Completing twice is no error.
 */
public final class CompleteAdmissionService implements CompleteAdmissionUseCase {
  private final AdmissionTokenSigner signer;
  private final SessionKeeper keeper;
  private final Clock clock;

  public CompleteAdmissionService(AdmissionTokenSigner signer, SessionKeeper keeper, Clock clock) {
    this.signer = Objects.requireNonNull(signer);
    this.keeper = Objects.requireNonNull(keeper);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public void complete(String admissionToken) {
    Instant now = clock.instant();
    AdmissionClaims claims = signer.verify(admissionToken, now);
    keeper.end(claims.audience(), claims.tokenId(), now);
  }
}
