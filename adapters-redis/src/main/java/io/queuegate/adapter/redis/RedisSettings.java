package io.queuegate.adapter.redis;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach Redis and how the store behaves there. The mode is always explicit, never guessed
 * from an address. {@code toString} never shows the password.
 *
 * @param mode standalone or cluster
 * @param nodes the server URI in standalone mode (exactly one), the seed nodes in cluster mode;
 *     each {@code host:port} or {@code redis://host:port}
 * @param password the AUTH password, when the server needs one
 * @param tls whether to connect with TLS
 * @param commandTimeout how long one command may take before it fails
 * @param readFrom where status reads go
 * @param legacyZset whether to maintain the legacy ZSET {@code queue:event:{E}} (tier 3)
 * @param joinDurability whether a join waits for a replica acknowledgement
 * @param scanMaxKeys the most per-waiter keys one SCAN fallback may read
 * @param scanBudget the longest one SCAN fallback may run
 * @param positionTier the tier status reads start at: {@code INDEX} in production; {@code SCAN} or
 *     {@code LEGACY} force a lower tier on every status, for benchmarks and diagnosis
 */
public record RedisSettings(
    Mode mode,
    List<String> nodes,
    Optional<String> password,
    boolean tls,
    Duration commandTimeout,
    ReadFrom readFrom,
    boolean legacyZset,
    JoinDurability joinDurability,
    int scanMaxKeys,
    Duration scanBudget,
    PositionTier positionTier) {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
  public static final int DEFAULT_SCAN_MAX_KEYS = 100_000;
  public static final Duration DEFAULT_SCAN_BUDGET = Duration.ofMillis(250);

  /** Standalone or Redis Cluster. */
  public enum Mode {
    STANDALONE,
    CLUSTER
  }

  /** Where status reads go: the primary, or replicas when there are any. */
  public enum ReadFrom {
    UPSTREAM,
    REPLICA_PREFERRED
  }

  /**
   * The tier status reads start at. {@code SCAN} skips the index (and does not rebuild it); {@code
   * LEGACY} reads only the legacy ZSET. Both exist to measure the lower tiers.
   */
  public enum PositionTier {
    INDEX,
    SCAN,
    LEGACY
  }

  /** Whether a join waits for one replica to acknowledge it. */
  public enum JoinDurability {
    NONE,
    REPLICA
  }

  /** Settings whose status reads start at the position index, as in production. */
  public RedisSettings(
      Mode mode,
      List<String> nodes,
      Optional<String> password,
      boolean tls,
      Duration commandTimeout,
      ReadFrom readFrom,
      boolean legacyZset,
      JoinDurability joinDurability,
      int scanMaxKeys,
      Duration scanBudget) {
    this(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        readFrom,
        legacyZset,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        PositionTier.INDEX);
  }

  public RedisSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(positionTier, "positionTier");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(readFrom, "readFrom");
    Objects.requireNonNull(joinDurability, "joinDurability");
    Objects.requireNonNull(scanBudget, "scanBudget");
    nodes = List.copyOf(nodes);
    if (nodes.isEmpty()) {
      throw new IllegalArgumentException("at least one Redis node is needed");
    }
    if (mode == Mode.STANDALONE && nodes.size() != 1) {
      throw new IllegalArgumentException("standalone mode takes exactly one Redis URI");
    }
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("command timeout must be positive");
    }
    if (scanMaxKeys < 1 || scanBudget.isNegative() || scanBudget.isZero()) {
      throw new IllegalArgumentException("SCAN fallback bounds must be positive");
    }
    if (positionTier == PositionTier.LEGACY && !legacyZset) {
      throw new IllegalArgumentException("the legacy position tier needs the legacy ZSET");
    }
  }

  /** Standalone settings with the specification's defaults. */
  public static RedisSettings standalone(String uri) {
    return new RedisSettings(
        Mode.STANDALONE,
        List.of(uri),
        Optional.empty(),
        false,
        DEFAULT_COMMAND_TIMEOUT,
        ReadFrom.UPSTREAM,
        true,
        JoinDurability.NONE,
        DEFAULT_SCAN_MAX_KEYS,
        DEFAULT_SCAN_BUDGET);
  }

  /** Cluster settings with the specification's defaults. */
  public static RedisSettings cluster(List<String> seeds) {
    return new RedisSettings(
        Mode.CLUSTER,
        seeds,
        Optional.empty(),
        false,
        DEFAULT_COMMAND_TIMEOUT,
        ReadFrom.UPSTREAM,
        true,
        JoinDurability.NONE,
        DEFAULT_SCAN_MAX_KEYS,
        DEFAULT_SCAN_BUDGET);
  }

  public RedisSettings withPassword(String secret) {
    return new RedisSettings(
        mode,
        nodes,
        Optional.of(secret),
        tls,
        commandTimeout,
        readFrom,
        legacyZset,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        positionTier);
  }

  public RedisSettings withReadFrom(ReadFrom value) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        value,
        legacyZset,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        positionTier);
  }

  public RedisSettings withLegacyZset(boolean on) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        readFrom,
        on,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        positionTier);
  }

  public RedisSettings withJoinDurability(JoinDurability value) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        readFrom,
        legacyZset,
        value,
        scanMaxKeys,
        scanBudget,
        positionTier);
  }

  public RedisSettings withCommandTimeout(Duration value) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        value,
        readFrom,
        legacyZset,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        positionTier);
  }

  public RedisSettings withScanBounds(int maxKeys, Duration budget) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        readFrom,
        legacyZset,
        joinDurability,
        maxKeys,
        budget,
        positionTier);
  }

  public RedisSettings withPositionTier(PositionTier value) {
    return new RedisSettings(
        mode,
        nodes,
        password,
        tls,
        commandTimeout,
        readFrom,
        legacyZset,
        joinDurability,
        scanMaxKeys,
        scanBudget,
        value);
  }

  @Override
  public String toString() {
    return "RedisSettings[mode="
        + mode
        + ", nodes="
        + nodes.stream().map(n -> n.replaceAll("//[^@/]*@", "//****@")).toList()
        + ", password="
        + (password.isPresent() ? "****" : "none")
        + ", tls="
        + tls
        + ", commandTimeout="
        + commandTimeout
        + ", readFrom="
        + readFrom
        + ", legacyZset="
        + legacyZset
        + ", joinDurability="
        + joinDurability
        + ", scanMaxKeys="
        + scanMaxKeys
        + ", scanBudget="
        + scanBudget
        + ", positionTier="
        + positionTier
        + "]";
  }
}
