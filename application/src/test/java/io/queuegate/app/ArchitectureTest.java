package io.queuegate.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

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
          .resideInAnyPackage("io.queuegate.domain..", "java..");

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
      noClasses()
          .that()
          .resideInAnyPackage(
              "io.queuegate.domain..",
              "io.queuegate.adapter.memory..",
              "io.queuegate.adapter.redis..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.helidon..");

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
  static final ArchRule memoryAdaptersAreNamedInMemory =
      classes()
          .that()
          .resideInAPackage("io.queuegate.adapter.memory..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .and()
          .areNotInterfaces()
          .should()
          .haveSimpleNameStartingWith("InMemory");

  @ArchTest
  static final ArchRule redisAdaptersAreNamedRedis =
      classes()
          .that()
          .resideInAPackage("io.queuegate.adapter.redis..")
          .and()
          .arePublic()
          .and()
          .areTopLevelClasses()
          .and()
          .areNotInterfaces()
          .should()
          .haveSimpleNameStartingWith("Redis")
          .allowEmptyShould(true);

  @ArchTest
  static final ArchRule httpServicesAreNamedHttpService =
      classes()
          .that()
          .implement("io.helidon.webserver.http.HttpService")
          .should()
          .haveSimpleNameEndingWith("HttpService");

  @ArchTest
  static final ArchRule domainThrowsOnlyItsOwnFailures =
      classes()
          .that()
          .areAssignableTo(RuntimeException.class)
          .and()
          .resideInAPackage("io.queuegate.domain.model..")
          .should()
          .beAssignableTo(io.queuegate.domain.model.QueueException.class);
}
