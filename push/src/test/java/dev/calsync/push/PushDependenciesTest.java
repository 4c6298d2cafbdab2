package dev.calsync.push;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class PushDependenciesTest {
    private final JavaClasses push = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.calsync.push");

    @Test
    void pushRulesDependOnCoreAndTheJdkOnly() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.calsync.core..", "dev.calsync.push..",
                "java..").check(push);
    }
}
