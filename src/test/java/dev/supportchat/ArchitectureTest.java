package dev.supportchat;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The package rules of STYLE.md, checked on the server's compiled classes (not the tests, not the
 * tools).
 */
@AnalyzeClasses(packages = "dev.supportchat", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /**
   * Every package on its own (realtime and realtime.transport too): a cycle between any two fails.
   */
  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("dev.supportchat.(**)").should().beFreeOfCycles();

  /**
   * Services hold the rules; HTTP, Socket.IO and Jetty stay in the adapters (nested records
   * included).
   */
  @ArchTest
  static final ArchRule servicesImportNoWebOrSocketLibrary =
      noClasses()
          .that()
          .haveNameMatching(".*Service(\\$.*)?")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.javalin..", "io.socket..", "org.eclipse.jetty..");
}
