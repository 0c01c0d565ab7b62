package dev.mqttdesk;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import javafx.application.Platform;

import static com.tngtech.archunit.core.domain.JavaAccess.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The layers of design.md, kept by rules over the compiled main classes. */
@AnalyzeClasses(packages = "dev.mqttdesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String ROOT = "dev.mqttdesk";
    private static final String CORE = "dev.mqttdesk.core..";
    private static final String UI = "dev.mqttdesk.ui..";
    private static final String[] FEATURES = {"connection", "subscribe", "publish", "log", "check", "settings"};
    /** Above the features: they compose them (the workspace, the built-in broker, the app itself). */
    private static final String[] COMPOSERS = {"dev.mqttdesk.workspace..", "dev.mqttdesk.broker..", ROOT};

    private static String pkg(String feature) {
        return ROOT + "." + feature + "..";
    }

    @ArchTest
    static final ArchRule the_core_imports_no_javafx =
            noClasses().that().resideInAPackage(CORE)
                    .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule the_core_knows_no_feature_the_kit_or_the_app =
            noClasses().that().resideInAPackage(CORE)
                    .should().dependOnClassesThat().resideInAnyPackage(pkg("connection"), pkg("subscribe"),
                            pkg("publish"), pkg("log"), pkg("check"), pkg("workspace"), pkg("broker"), UI, ROOT);

    @ArchTest
    static final ArchRule the_kit_knows_no_feature_and_not_the_app =
            noClasses().that().resideInAPackage(UI)
                    .should().dependOnClassesThat().resideInAnyPackage(pkg("connection"), pkg("subscribe"),
                            pkg("publish"), pkg("log"), pkg("check"), pkg("workspace"), pkg("broker"), ROOT);

    @ArchTest
    static final ArchRule connection_knows_no_other_feature = featureAlone("connection");
    @ArchTest
    static final ArchRule subscribe_knows_no_other_feature = featureAlone("subscribe");
    @ArchTest
    static final ArchRule publish_knows_no_other_feature = featureAlone("publish");
    @ArchTest
    static final ArchRule log_knows_no_other_feature = featureAlone("log");
    @ArchTest
    static final ArchRule check_knows_no_other_feature = featureAlone("check");
    @ArchTest
    static final ArchRule settings_knows_no_other_feature = featureAlone("settings");

    /** A screen part may use the core and the kit; what it shares with another part belongs in one of them. */
    private static ArchRule featureAlone(String feature) {
        java.util.List<String> others = new java.util.ArrayList<>(java.util.List.of(COMPOSERS));
        for (String f : FEATURES) {
            if (!f.equals(feature)) {
                others.add(pkg(f));
            }
        }
        return noClasses().that().resideInAPackage(pkg(feature))
                .should().dependOnClassesThat().resideInAnyPackage(others.toArray(String[]::new));
    }

    @ArchTest
    static final ArchRule view_models_touch_no_node =
            noClasses().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                    .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..");

    /**
     * One way back to the FX thread: background work through the task executor, rare events through
     * {@code Fx.run}, and the ingest road (the message log's one coalesced drain per batch).
     */
    @ArchTest
    static final ArchRule only_the_kit_and_the_ingest_road_call_run_later =
            noClasses().that().doNotHaveFullyQualifiedName("dev.mqttdesk.ui.Fx")
                    .and().doNotHaveFullyQualifiedName("dev.mqttdesk.ui.FxTaskExecutor")
                    .and().doNotHaveFullyQualifiedName("dev.mqttdesk.log.MessageLogModel")
                    .should().accessTargetWhere(target(name("runLater")).and(target(owner(equivalentTo(Platform.class)))));
}
