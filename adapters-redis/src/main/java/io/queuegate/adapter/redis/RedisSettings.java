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
 * @param feedMaxLength about how many entries each event's line feed keeps (XADD MAXLEN ~,
 *     docs/design.md#feed)
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
    PositionTier positionTier,
    int feedMaxLength) {

  public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(500);
  public static final int DEFAULT_SCAN_MAX_KEYS = 100_000;
  public static final Duration DEFAULT_SCAN_BUDGET = Duration.ofMillis(250);

  /**
   * Entries a line feed keeps: about 4 MB an event at 40 bytes an entry, and at 1,000 joins and 100
   * admissions a second about a minute and a half for a reader to fall behind before it must take a
   * new snapshot (docs/design.md#feed).
   */
  public static final int DEFAULT_FEED_MAX_LENGTH = 100_000;

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

  public RedisSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(positionTier, "positionTier");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(commandTimeout, "commandTimeout");
    Objects.requireNonNull(readFrom, "readFrom");
    Objects.requireNonNull(joinDurability, "joinDurability");
    Objects.requireNonNull(scanBudget, "scanBudget");
    nodes = List.copyOf(Objects.requireNonNull(nodes, "nodes"));
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
    if (feedMaxLength < 1) {
      throw new IllegalArgumentException("a line feed keeps at least one entry");
    }
    if (positionTier == PositionTier.LEGACY && !legacyZset) {
      throw new IllegalArgumentException("the legacy position tier needs the legacy ZSET");
    }
  }

  /** Standalone settings with the defaults. */
  public static RedisSettings standalone(String uri) {
    return builder().mode(Mode.STANDALONE).nodes(List.of(uri)).build();
  }

  /** Cluster settings with the defaults. */
  public static RedisSettings cluster(List<String> seeds) {
    return builder().mode(Mode.CLUSTER).nodes(seeds).build();
  }

  /** A builder holding the defaults for everything but the mode and the nodes. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding these settings, to change some of them. */
  public Builder toBuilder() {
    return new Builder()
        .mode(mode)
        .nodes(nodes)
        .password(password)
        .tls(tls)
        .commandTimeout(commandTimeout)
        .readFrom(readFrom)
        .legacyZset(legacyZset)
        .joinDurability(joinDurability)
        .scanMaxKeys(scanMaxKeys)
        .scanBudget(scanBudget)
        .positionTier(positionTier)
        .feedMaxLength(feedMaxLength);
  }

  /** Builds {@link RedisSettings}; {@link #build} validates them as the constructor does. */
  public static final class Builder {
    private Mode mode;
    private List<String> nodes;
    private Optional<String> password = Optional.empty();
    private boolean tls;
    private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;
    private ReadFrom readFrom = ReadFrom.UPSTREAM;
    private boolean legacyZset = true;
    private JoinDurability joinDurability = JoinDurability.NONE;
    private int scanMaxKeys = DEFAULT_SCAN_MAX_KEYS;
    private Duration scanBudget = DEFAULT_SCAN_BUDGET;
    private PositionTier positionTier = PositionTier.INDEX;
    private int feedMaxLength = DEFAULT_FEED_MAX_LENGTH;

    private Builder() {}

    public Builder mode(Mode value) {
      this.mode = value;
      return this;
    }

    public Builder nodes(List<String> value) {
      this.nodes = value;
      return this;
    }

    public Builder password(Optional<String> value) {
      this.password = value;
      return this;
    }

    public Builder password(String value) {
      return password(Optional.of(value));
    }

    public Builder tls(boolean value) {
      this.tls = value;
      return this;
    }

    public Builder commandTimeout(Duration value) {
      this.commandTimeout = value;
      return this;
    }

    public Builder readFrom(ReadFrom value) {
      this.readFrom = value;
      return this;
    }

    public Builder legacyZset(boolean value) {
      this.legacyZset = value;
      return this;
    }

    public Builder joinDurability(JoinDurability value) {
      this.joinDurability = value;
      return this;
    }

    public Builder scanMaxKeys(int value) {
      this.scanMaxKeys = value;
      return this;
    }

    public Builder scanBudget(Duration value) {
      this.scanBudget = value;
      return this;
    }

    public Builder positionTier(PositionTier value) {
      this.positionTier = value;
      return this;
    }

    public Builder feedMaxLength(int value) {
      this.feedMaxLength = value;
      return this;
    }

    public RedisSettings build() {
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
          positionTier,
          feedMaxLength);
    }
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
        + ", feedMaxLength="
        + feedMaxLength
        + "]";
  }
}
