package io.queuegate.domain.push;

/** Why a stream waiting on an event's departures woke up. */
public enum Wake {
  /** The departures reached the stream's target: its waiter may have moved into the window. */
  REACHED,
  /** The stream's longest wait passed first: time for a paced update. */
  TIMED_OUT,
  /** This instance stopped mirroring the event: the stream falls back to its timer. */
  DROPPED,
  /** This instance does not mirror the event: nothing to wait on, so the call did not wait. */
  UNKNOWN
}
