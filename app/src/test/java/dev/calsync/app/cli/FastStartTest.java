package dev.calsync.app.cli;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * CLI verbs must start in a second, so only {@code serve} and {@code demo} may touch Spring:
 * the launcher, the other verbs and the configuration are plain Java.
 */
class FastStartTest {

    private final JavaClasses appClasses = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.calsync.app");

    @Test
    void onlyServeAndDemoDependOnSpring() {
        noClasses()
                .that().resideInAnyPackage("dev.calsync.app", "dev.calsync.app.cli..", "dev.calsync.app.config..")
                .and().doNotHaveSimpleName("ServeCommand")
                .and().doNotHaveSimpleName("DemoCommand")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
                .check(appClasses);
    }
}
