package io.queuegate.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The module boundaries of the house style, checked on the compiled main classes. */
@AnalyzeClasses(
    packages = "io.queuegate",
    importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {

  /** Leaves out the contract suites that travel in sibling test-jars. */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule domainDependsOnTheJdkOnly =
      classes()
          .that()
          .resideInAPackage("io.queuegate.domain..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              // javax.crypto: the JDK's MAC and HMAC; the domain signs challenges with it and
              // draws the opening shuffle with it (docs/fairness.md).
              "io.queuegate.domain..", "java..", "javax.crypto..");

  @ArchTest
  static final ArchRule modelDependsOnNothingElseInTheDomain =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.domain.model..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.queuegate.domain.port..", "io.queuegate.domain.service..");

  @ArchTest
  static final ArchRule adaptersNeverDependOnEachOther =
      slices().matching("io.queuegate.adapter.(*)..").should().notDependOnEachOther();

  @ArchTest
  static final ArchRule adaptersUsePortsNotServices =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.adapter..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.queuegate.domain.service..");

  @ArchTest
  static final ArchRule nothingDependsOnTheApplication =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.queuegate.app..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.queuegate.app..");

  @ArchTest
  static final ArchRule lettuceOnlyInTheRedisAdapter =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.queuegate.adapter.redis..")
          .and()
          .resideInAPackage("io.queuegate..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.lettuce..");

  @ArchTest
  static final ArchRule helidonOnlyInHttpAndApplication =
      onlyIn("io.helidon..", "io.queuegate.adapter.http..", "io.queuegate.app..");

  @ArchTest
  static final ArchRule helidonConfigOnlyInTheApplication =
      onlyIn("io.helidon.config..", "io.queuegate.app..");

  @ArchTest
  static final ArchRule micrometerOnlyInTheMetricsAdapter =
      onlyIn("io.micrometer..", "io.queuegate.adapter.metrics..");

  /** The verifier checks receipts with the same library, outside the service. */
  @ArchTest
  static final ArchRule jwtLibraryOnlyInTheJwtAdapter =
      onlyIn("com.nimbusds..", "io.queuegate.adapter.jwt..", "io.queuegate.verifier..");

  /** The log's rules are pure: the stores, the service and the verifier all use the same. */
  @ArchTest
  static final ArchRule logRulesDependOnTheModelOnly =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.domain.log..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.queuegate.domain.port..", "io.queuegate.domain.service..");

  /**
   * The line mirror is pure: the JDK, its own package and the model's values only; its follower and
   * registry, which read the store's feed, are services.
   */
  @ArchTest
  static final ArchRule lineMirrorDependsOnTheJdkAndTheModelOnly =
      classes()
          .that()
          .resideInAPackage("io.queuegate.domain.mirror..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.queuegate.domain.mirror..", "io.queuegate.domain.model..", "java..");

  /**
   * What event streams wait on is domain logic over the mirror's events: the model, the mirror and
   * the JDK, no ports or services, so any adapter may hold it.
   */
  @ArchTest
  static final ArchRule departuresDependOnTheMirrorAndTheModelOnly =
      classes()
          .that()
          .resideInAPackage("io.queuegate.domain.push..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "io.queuegate.domain.push..",
              "io.queuegate.domain.mirror..",
              "io.queuegate.domain.model..",
              "java..");

  /**
   * The verifier is a buyer's client of the service: it uses the domain's log rules and model,
   * never the service's adapters, services or composition root; and nothing of the service uses it.
   */
  @ArchTest
  static final ArchRule verifierUsesTheLogRulesOnly =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.verifier..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.queuegate.adapter..",
              "io.queuegate.app..",
              "io.queuegate.domain.service..",
              "io.queuegate.domain.port..");

  @ArchTest
  static final ArchRule nothingOfTheServiceUsesTheVerifier =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.queuegate.verifier..")
          .and()
          .resideInAPackage("io.queuegate..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.queuegate.verifier..");

  /** The verifier reads the log's JSON too, outside the service. */
  @ArchTest
  static final ArchRule jacksonOnlyInHttpCaptchaAndVerifier =
      onlyIn(
          "com.fasterxml.jackson..",
          "io.queuegate.adapter.http..",
          "io.queuegate.adapter.captcha..",
          "io.queuegate.verifier..");

  /**
   * Outbound HTTP is the CAPTCHA adapter's alone: no other part of the service calls out. The
   * verifier, a buyer's client outside the service, fetches the public log.
   */
  @ArchTest
  static final ArchRule outboundHttpOnlyInTheCaptchaAdapter =
      onlyIn("java.net.http..", "io.queuegate.adapter.captcha..", "io.queuegate.verifier..");

  @ArchTest
  static final ArchRule inPortsDoNotDependOnOutPorts =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.domain.port.in..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.queuegate.domain.port.out..");

  @ArchTest
  static final ArchRule outPortsDoNotDependOnInPorts =
      noClasses()
          .that()
          .resideInAPackage("io.queuegate.domain.port.out..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.queuegate.domain.port.in..");

  /** Time is injected as a {@link java.time.Clock}, so tests control it; only Main picks one. */
  @ArchTest
  static final ArchRule noWallClockOutsideTheApplication =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.queuegate.app..")
          .should()
          .callMethodWhere(readsTheWallClock())
          .as("no class outside the application reads the wall clock; clocks are injected");

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.queuegate.(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule useCaseImplementationsAreDomainServices =
      classes()
          .that()
          .implement(
              DescribedPredicate.describe(
                  "a use case", (JavaClass c) -> c.getSimpleName().endsWith("UseCase")))
          .should()
          .haveSimpleNameEndingWith("Service")
          .andShould()
          .resideInAPackage("io.queuegate.domain.service..");

  @ArchTest
  static final ArchRule inPortsAreUseCases =
      classes()
          .that()
          .resideInAPackage("io.queuegate.domain.port.in..")
          .and()
          .areInterfaces()
          .and()
          .doNotHaveSimpleName("package-info")
          .should()
          .haveSimpleNameEndingWith("UseCase");

  @ArchTest
  static final ArchRule memoryAdaptersAreNamedInMemory = portAdaptersNamed("memory", "InMemory");

  @ArchTest static final ArchRule redisAdaptersAreNamedRedis = portAdaptersNamed("redis", "Redis");

  @ArchTest static final ArchRule jwtAdaptersAreNamedJwt = portAdaptersNamed("jwt", "Jwt");

  @ArchTest
  static final ArchRule captchaAdaptersAreNamedSiteverify =
      portAdaptersNamed("captcha", "Siteverify");

  @ArchTest
  static final ArchRule metricsAdaptersAreNamedMicrometer =
      portAdaptersNamed("metrics", "Micrometer");

  @ArchTest
  static final ArchRule httpServicesAreNamedHttpService =
      classes()
          .that()
          .implement("io.helidon.webserver.http.HttpService")
          .should()
          .haveSimpleNameEndingWith("HttpService");

  @ArchTest
  static final ArchRule domainModelExceptionsAreQueueExceptions =
      classes()
          .that()
          .areAssignableTo(RuntimeException.class)
          .and()
          .resideInAPackage("io.queuegate.domain.model..")
          .should()
          .beAssignableTo(io.queuegate.domain.model.QueueException.class);

  /** Classes of queuegate outside {@code allowed} never use the library in {@code library}. */
  private static ArchRule onlyIn(String library, String... allowed) {
    return noClasses()
        .that()
        .resideInAPackage("io.queuegate..")
        .and()
        .resideOutsideOfPackages(allowed)
        .should()
        .dependOnClassesThat()
        .resideInAPackage(library);
  }

  /**
   * Every class of {@code io.queuegate.adapter.<adapter>} that implements an outbound port, public
   * or not, is named {@code <prefix><Port>}, so the port it serves shows in its name.
   */
  private static ArchRule portAdaptersNamed(String adapter, String prefix) {
    return classes()
        .that()
        .resideInAPackage("io.queuegate.adapter." + adapter + "..")
        .and()
        .areNotInterfaces()
        .should(namedAfterTheirOutPort(prefix))
        .allowEmptyShould(true);
  }

  private static ArchCondition<JavaClass> namedAfterTheirOutPort(String prefix) {
    return new ArchCondition<>("be named " + prefix + "<Port> after the outbound port they serve") {
      @Override
      public void check(JavaClass item, ConditionEvents events) {
        for (JavaClass port : item.getAllRawInterfaces()) {
          if (port.getPackageName().equals("io.queuegate.domain.port.out")
              && !item.getSimpleName().equals(prefix + port.getSimpleName())) {
            events.add(
                SimpleConditionEvent.violated(
                    item,
                    item.getName()
                        + " implements "
                        + port.getSimpleName()
                        + " but is not named "
                        + prefix
                        + port.getSimpleName()));
          }
        }
      }
    };
  }

  private static DescribedPredicate<JavaCall<?>> readsTheWallClock() {
    return DescribedPredicate.describe(
        "a call that reads the wall clock",
        call -> {
          String owner = call.getTargetOwner().getName();
          String name = call.getName();
          return (owner.equals("java.time.Clock")
                  && (name.equals("systemUTC") || name.equals("systemDefaultZone")))
              || (owner.equals("java.lang.System") && name.equals("currentTimeMillis"))
              || (owner.startsWith("java.time.") && name.equals("now"))
              || (owner.equals("java.util.Date")
                  && name.equals("<init>")
                  && call.getTarget().getRawParameterTypes().isEmpty());
        });
  }
}
