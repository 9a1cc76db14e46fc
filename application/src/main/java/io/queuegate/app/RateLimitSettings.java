package io.queuegate.app;

import io.queuegate.domain.model.Gcra;
import java.util.List;

/** The per-client-IP limit, what to do when its store fails, and which proxies to trust. */
public record RateLimitSettings(Gcra limit, boolean failOpen, List<String> trustedProxies) {}
