package io.queuegate.domain.service;

import static io.queuegate.domain.service.TestWaiters.EVENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.queuegate.domain.model.AdmissionAlreadyUsed;
import io.queuegate.domain.model.AdmissionClaims;
import io.queuegate.domain.model.InvalidAdmissionToken;
import io.queuegate.domain.port.out.AdmissionLedger;
import io.queuegate.domain.port.out.AdmissionTokenSigner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerifyAdmissionServiceTest {
  private final MutableClock clock = new MutableClock();
  private final AdmissionTokenSigner signer = mock(AdmissionTokenSigner.class);
  private final AdmissionLedger ledger = mock(AdmissionLedger.class);
  private final VerifyAdmissionService service = new VerifyAdmissionService(signer, ledger, clock);
  private final AdmissionClaims claims =
      new AdmissionClaims(
          EVENT,
          "anonymous",
          Optional.empty(),
          "adm-1",
          clock.instant(),
          clock.instant().plusSeconds(300));

  @Test
  void checkWithoutConsume_returnsTheClaimsAndLeavesTheLedgerAlone() {
    when(signer.verify("jwt", clock.instant())).thenReturn(claims);

    assertThat(service.verify("jwt", false)).isEqualTo(claims);
    verifyNoInteractions(ledger);
  }

  @Test
  void firstConsume_marksTheAdmissionUsed() {
    when(signer.verify("jwt", clock.instant())).thenReturn(claims);
    when(ledger.consume(EVENT, "adm-1", claims.expiresAt(), clock.instant())).thenReturn(true);

    assertThat(service.verify("jwt", true)).isEqualTo(claims);
    verify(ledger).consume(EVENT, "adm-1", claims.expiresAt(), clock.instant());
  }

  @Test
  void secondConsume_isAlreadyUsed() {
    when(signer.verify("jwt", clock.instant())).thenReturn(claims);
    when(ledger.consume(EVENT, "adm-1", claims.expiresAt(), clock.instant())).thenReturn(false);

    assertThatThrownBy(() -> service.verify("jwt", true)).isInstanceOf(AdmissionAlreadyUsed.class);
  }

  @Test
  void badToken_isRefusedBeforeTheLedgerIsAsked() {
    when(signer.verify("forged", clock.instant()))
        .thenThrow(new InvalidAdmissionToken("signature"));

    assertThatThrownBy(() -> service.verify("forged", true))
        .isInstanceOf(InvalidAdmissionToken.class);
    verifyNoInteractions(ledger);
  }

  @Test
  void publishedKeys_areTheSignersKeySet() {
    when(signer.jwksJson()).thenReturn("{\"keys\":[]}");

    assertThat(new PublishKeysService(signer).jwksJson()).isEqualTo("{\"keys\":[]}");
  }
}
