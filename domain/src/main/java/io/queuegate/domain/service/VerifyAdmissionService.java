package io.queuegate.domain.service;

import io.queuegate.domain.model.AdmissionAlreadyUsed;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.port.in.VerifyAdmissionUseCase;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Checks an admission token for the booking backend and, when asked, uses it up. */
public final class VerifyAdmissionService implements VerifyAdmissionUseCase {
  private final AdmissionTokenSigner signer;
  private final AdmissionLedger ledger;
  private final Clock clock;

  public VerifyAdmissionService(AdmissionTokenSigner signer, AdmissionLedger ledger, Clock clock) {
    this.signer = Objects.requireNonNull(signer);
    this.ledger = Objects.requireNonNull(ledger);
    this.clock = Objects.requireNonNull(clock);
  }

  @Override
  public AdmissionClaims verify(String admissionToken, boolean consume) {
    Instant now = clock.instant();
    AdmissionClaims claims = signer.verify(admissionToken, now);
    if (consume && !ledger.consume(claims.audience(), claims.tokenId(), claims.expiresAt(), now)) {
      throw new AdmissionAlreadyUsed();
    }
    return claims;
  }
}
