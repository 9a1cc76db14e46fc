package io.queuegate.it;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through {@code /usr/bin/chromedriver}. Both paths are given
 * explicitly, so Selenium Manager never runs and nothing is downloaded. Without the packages the
 * tests are skipped on a workstation but fail under {@code CI=true}: CI must run them.
 */
final class Browser implements AutoCloseable {
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Path CHROMIUM = Path.of("/usr/bin/chromium");

  final ChromeDriver driver;
  private final Path profile;

  private Browser(ChromeDriver driver, Path profile) {
    this.driver = driver;
    this.profile = profile;
  }

  /**
   * A fresh browser with its own profile, so no test sees another's localStorage; {@code extra}
   * command-line switches go last.
   */
  static Browser start(int width, int height, String... extra) {
    return startIn("en-US", width, height, extra);
  }

  /** A fresh browser that asks for pages in {@code language} (a BCP 47 tag). */
  static Browser startIn(String language, int width, int height, String... extra) {
    requireInstalled();
    System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
    Path profile;
    try {
      profile = Files.createTempDirectory("queuegate-chromium-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--user-data-dir=" + profile,
        "--window-size=" + width + "," + height,
        "--lang=" + language);
    options.setExperimentalOption("prefs", java.util.Map.of("intl.accept_languages", language));
    options.addArguments(extra);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
            .usingAnyFreePort()
            .build();
    return new Browser(new ChromeDriver(service, options), profile);
  }

  WebDriverWait waitUpTo(Duration timeout) {
    return new WebDriverWait(driver, timeout);
  }

  private static void requireInstalled() {
    boolean installed = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
    if (installed) {
      return;
    }
    String message =
        "chromium and chromium-driver are not installed (apt-get install chromium "
            + "chromium-driver; scripts/test does it)";
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      fail(message);
    }
    Assumptions.abort(message);
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      try (Stream<Path> files = Files.walk(profile)) {
        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
      } catch (IOException e) {
        // A leftover temporary profile is harmless.
      }
    }
  }
}
