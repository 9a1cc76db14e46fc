package io.queuegate.adapter.http.admin;

import io.queuegate.domain.model.EventId;
import io.queuegate.domain.model.QueuePolicy;

/** Answer to a policy change (PUT, pause, resume): the event and the policy now in force. */
record EventPolicyResponse(String eventId, PolicyResponse policy) {

  static EventPolicyResponse from(EventId eventId, QueuePolicy policy) {
    return new EventPolicyResponse(eventId.value(), PolicyResponse.from(policy));
  }
}
