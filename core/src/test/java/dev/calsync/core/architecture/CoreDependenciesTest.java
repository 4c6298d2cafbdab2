package dev.calsync.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

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
        // javax.crypto is the JDK's too (the HMAC of push channel tokens).
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("dev.calsync.core..", "java..",
                "javax.crypto..").check(core);
    }

    @Test
    void coreNeverReachesIntoAdapters() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "dev.calsync.store..", "dev.calsync.google..", "dev.calsync.emulator..", "dev.calsync.app..",
                "dev.calsync.caldav..", "dev.calsync.microsoft..", "dev.calsync.push..")
                .check(core);
    }

    @Test
    void corePackagesFormNoCycle() {
        slices().matching("dev.calsync.core.(*)..").should().beFreeOfCycles().check(core);
    }

    @Test
    void coreSpeaksNoProvidersVocabulary() {
        // Class names are where a provider's words would creep in first (GoogleIds, GraphEvent, CaldavHref, …).
        noClasses().should().haveSimpleNameContaining("Google").orShould().haveSimpleNameContaining("Caldav")
                .orShould().haveSimpleNameContaining("Graph").orShould().haveSimpleNameContaining("Microsoft")
                .check(core);
    }
}
