package dev.calsync.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class CoreDependenciesTest {
    private final JavaClasses core = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.calsync.core");

    @Test
    void coreDependsOnNothingButTheJdk() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.calsync.core..", "java..")
                .check(core);
    }

    @Test
    void coreNeverReachesIntoAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.calsync.store..", "dev.calsync.google..", "dev.calsync.emulator..", "dev.calsync.app..")
                .check(core);
    }
}
