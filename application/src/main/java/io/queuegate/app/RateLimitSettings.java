package io.queuegate.app;

import io.queuegate.adapter.http.filter.ClientSettings;
import io.queuegate.domain.service.RateLimits;

/**
 * The request limits of each rule, what to do when their store fails, and how clients are told
 * apart (trusted proxies, the IPv6 prefix, backend networks).
 */
public record RateLimitSettings(RateLimits limits, boolean failOpen, ClientSettings clients) {}
