package io.queuegate.domain.model;

/** The outcome of a join: the new place, or the person's existing one ({@code existing}). */
public record Joined(WaiterStanding standing, boolean existing) {}
