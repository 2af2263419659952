package io.swarmdrop.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout rules of docs/ARCHITECTURE.md, checked on the compiled classes of every module (this
 * module comes last in the build and has them all on its test class path).
 */
class ArchitectureTest {

    private static final List<String> APPS = List.of("supernode", "daemon", "console", "cli");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.swarmdrop");
        assertThat(classes.stream().map(JavaClass::getPackageName).distinct())
                .as("every module's classes are here")
                .contains(
                        "io.swarmdrop.core.torrent",
                        "io.swarmdrop.engine",
                        "io.swarmdrop.daemon.route",
                        "io.swarmdrop.supernode.tracker",
                        "io.swarmdrop.console.groups",
                        "io.swarmdrop.cli");
    }

    /**
     * No circle between the packages below a module's root. The root package of an app is its
     * composition root (its config mapping, main class and life cycle): it wires every package, and
     * they read its config, so it is left out.
     */
    @Test
    void noImportCircleBetweenPackages() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String[] parts = javaClass.getPackageName().split("\\.");
                        return parts.length < 4 || !parts[0].equals("io") || !parts[1].equals("swarmdrop")
                                ? SliceIdentifier.ignore()
                                : SliceIdentifier.of(parts[2] + "." + parts[3]);
                    }

                    @Override
                    public String getDescription() {
                        return "the packages below each module's root";
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(classes);
    }

    @Test
    void noAppImportsAnother() {
        for (String app : APPS) {
            for (String other : APPS) {
                if (!app.equals(other)) {
                    noClasses()
                            .that()
                            .resideInAPackage("io.swarmdrop." + app + "..")
                            .should()
                            .dependOnClassesThat()
                            .resideInAPackage("io.swarmdrop." + other + "..")
                            .check(classes);
                }
            }
        }
    }

    @Test
    void onlyTheEngineTouchesLibtorrent() {
        noClasses()
                .that()
                .resideOutsideOfPackage("io.swarmdrop.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.libtorrent4j..")
                .check(classes);
    }

    @Test
    void coreAndPoliciesKnowNoQuarkus() {
        noClasses()
                .that()
                .resideInAnyPackage("io.swarmdrop.core..", "io.swarmdrop.policies..", "io.swarmdrop.engine..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.enterprise..", "jakarta.ws.rs..")
                .check(classes);
    }

    /** A third way of delivering is a new route, not another branch in the outbox and inbox. */
    @Test
    void outboxInboxAndConfigImportNothingOfTheLan() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "io.swarmdrop.daemon.outbox..", "io.swarmdrop.daemon.inbox..", "io.swarmdrop.daemon.config..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.swarmdrop.daemon.lan..")
                .check(classes);
    }

    @Test
    void configImportsNoCapability() {
        noClasses()
                .that()
                .resideInAPackage("io.swarmdrop.daemon.config..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.swarmdrop.daemon.lan..",
                        "io.swarmdrop.daemon.link..",
                        "io.swarmdrop.daemon.route..",
                        "io.swarmdrop.daemon.outbox..",
                        "io.swarmdrop.daemon.inbox..",
                        "io.swarmdrop.daemon.upnp..",
                        "io.swarmdrop.daemon.local..")
                .check(classes);
    }

    /** The console depends on core alone: its packaged class path holds no torrent engine. */
    @Test
    void theConsoleShipsNoLibtorrent() throws IOException {
        Path lib = Path.of(System.getProperty("swarmdrop.root", ".."), "admin-console/target/quarkus-app/lib/main");
        try (Stream<Path> jars = Files.list(lib)) {
            List<String> names =
                    jars.map(p -> p.getFileName().toString()).sorted().toList();
            assertThat(names).as("the console's libraries").anyMatch(n -> n.contains("swarmdrop-core"));
            assertThat(names).noneMatch(n -> n.contains("libtorrent") || n.contains("swarmdrop-engine"));
        }
    }
}
