package dev.mqttdesk.ui;

import dev.mqttdesk.core.topic.TopicTree;
import dev.mqttdesk.settings.Language;
import dev.mqttdesk.subscribe.Subscription;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TitledPane;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.api.FxToolkitContext;
import org.testfx.service.support.FiredEvents;
import org.testfx.util.WaitForAsyncUtils;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A language chosen in #languageChoice shows at once, and nothing of the connection is lost: its session,
 * subscriptions, log and filter go on; the views it replaced are let go.
 */
class LanguageSwitchUiTest extends UiOnMosquitto {

    private static final ResourceBundle EN = ResourceBundle.getBundle("dev.mqttdesk.i18n.messages", Locale.ROOT);
    private static final ResourceBundle ZH = ResourceBundle.getBundle("dev.mqttdesk.i18n.messages", Locale.SIMPLIFIED_CHINESE);
    private static Locale startedWith;

    /** Before the first app starts (the base class starts one per test): the system here speaks English. */
    @BeforeAll
    static void speakEnglish() {
        startedWith = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    /** Before the next app starts: the app set the chosen language as the JVM's default. */
    @AfterEach
    void speakEnglishAgain() {
        Locale.setDefault(Locale.ENGLISH);
        Application.setUserAgentStylesheet(null);
    }

    @AfterAll
    static void speakAsBefore() {
        Locale.setDefault(startedWith);
    }

    /** Connected, subscribed to lang/#, and these topics published once each, in order, as "one", "two", …. */
    private void connectedWithMessagesOn(String... topics) throws Exception {
        connect();
        ui.subscribe("lang/#");
        String[] words = {"one", "two", "three"};
        for (int i = 0; i < topics.length; i++) {
            mosquitto.pub("-t", topics[i], "-m", words[i]);
        }
        ui.waitFor(() -> shown().size() == topics.length);
    }

    @SuppressWarnings("unchecked")
    private List<String> subscribed() {
        return ((ListView<Subscription>) ui.node("#subscriptionList")).getItems().stream().map(Subscription::filter).toList();
    }

    private void select(String tabPane, String tabId) throws Exception {
        onFx(() -> {
            TabPane tabs = ui.node(tabPane);
            tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow());
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void pickLanguage(String itemText) {
        ui.click("#languageChoice");
        ui.robot.clickOn(itemText);
    }

    /**
     * TestFX keeps every event the stage fired, and so their targets, the old views among them, for as long as
     * the JVM runs. Forgotten here: only the app's own references should count.
     */
    private static void forgetFiredEvents() throws Exception {
        Field kept = FxToolkitContext.class.getDeclaredField("firedEvents");
        kept.setAccessible(true);
        onFx(() -> {
            try {
                ((FiredEvents) kept.get(FxToolkit.toolkitContext())).clearEvents();
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static void onFx(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    @Test
    void the_window_speaks_the_new_language_at_once_and_the_connection_goes_on() throws Exception {
        connectedWithMessagesOn("lang/a", "lang/b", "lang/a");
        ui.type("#filterTopicField", "lang/a");
        ui.waitFor(() -> shown().size() == 2);
        select("#sideTabs", "topicsTab"); // the lazily made views too, with their own listeners
        select("#centerTabs", "chartsTab");
        ui.waitFor(() -> ui.robot.lookup("#topicTree").tryQuery().isPresent() && ui.robot.lookup("#rateChart").tryQuery().isPresent());
        WeakReference<Node> oldTree = new WeakReference<>(ui.node("#topicTree"));
        WeakReference<Node> oldChart = new WeakReference<>(ui.node("#rateChart"));
        select("#centerTabs", "messagesTab");
        select("#sideTabs", "connectionTab");
        WeakReference<Node> oldTable = new WeakReference<>(ui.node("#messageLog"));
        WeakReference<Node> oldSidebar = new WeakReference<>(ui.node("#profileList"));
        assertEquals(EN.getString("subscribe.subscribe"), ui.text("#subscribeButton"));
        String subscribedEn = new MessageFormat(EN.getString("toast.subscribed")).format(new Object[]{"lang/#", "0"});
        assertTrue(ui.text("#feedbackLabel").endsWith(subscribedEn), ui.text("#feedbackLabel"));
        assertTrue(ui.<TitledPane>node("#connAckPanel").getText().startsWith("CONNACK: "));

        pickLanguage(EN.getString("settings.language.zh"));
        ui.waitFor(() -> ZH.getString("subscribe.subscribe").equals(ui.text("#subscribeButton")));
        ui.robot.moveTo("#messageLog"); // the mouse now over the new views, not the replaced ones
        assertEquals(ZH.getString("app.check"), ui.text("#checkButton"));
        assertEquals(ZH.getString("publish.publish"), ui.text("#publishButton"));
        String subscribedZh = new MessageFormat(ZH.getString("toast.subscribed")).format(new Object[]{"lang/#", "0"});
        assertTrue(ui.text("#feedbackLabel").endsWith(subscribedZh), "the status bar says its last toast again: " + ui.text("#feedbackLabel"));
        assertTrue(ui.<TitledPane>node("#connAckPanel").getText().startsWith("CONNACK："), "and the CONNACK panel its title");
        assertEquals(Language.CHINESE, ui.<javafx.scene.control.ChoiceBox<Language>>node("#languageChoice").getValue());
        assertNotSame(oldTable.get(), ui.node("#messageLog"), "the page was made again");

        assertTrue(ui.hasStyle("#connectionStatus", "connected"), "the session stays connected");
        assertEquals(List.of("lang/#"), subscribed());
        assertEquals("lang/a", ui.text("#filterTopicField"), "the filter's fields show the filter that applies");
        assertEquals(List.of("one", "three"), shown().stream().map(m -> m.payloadPreview(100)).toList());
        mosquitto.pub("-t", "lang/a", "-m", "four");
        ui.waitFor(() -> shown().size() == 3);
        assertEquals("four", shown().get(2).payloadPreview(100), "new messages reach the new log");

        // The replaced views had listeners on the connection's models: gone with them, nothing keeps them.
        forgetFiredEvents();
        for (int i = 0; i < 50 && (oldTable.get() != null || oldSidebar.get() != null || oldTree.get() != null
                || oldChart.get() != null); i++) {
            System.gc();
            WaitForAsyncUtils.waitForFxEvents();
            Thread.sleep(100);
        }
        assertNull(oldTable.get(), "the replaced log table is let go");
        assertNull(oldSidebar.get(), "the replaced sidebar is let go");
        assertNull(oldTree.get(), "the replaced topic tree is let go");
        assertNull(oldChart.get(), "the replaced rate chart is let go");

        // And back to English, as the system here speaks.
        pickLanguage(ZH.getString("settings.language.system"));
        ui.waitFor(() -> EN.getString("subscribe.subscribe").equals(ui.text("#subscribeButton")));
        assertEquals(3, shown().size());
    }

    @SuppressWarnings("unchecked")
    private TreeItem<TopicTree.Node> treeItem(String... names) {
        TreeItem<TopicTree.Node> at = ((TreeView<TopicTree.Node>) ui.node("#topicTree")).getRoot();
        for (String name : names) {
            at = at == null ? null : at.getChildren().stream().filter(i -> i.getValue().name().equals(name)).findFirst().orElse(null);
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    private TreeItem<TopicTree.Node> selectedInTree() {
        return ((TreeView<TopicTree.Node>) ui.node("#topicTree")).getSelectionModel().getSelectedItem();
    }

    @Test
    void the_chosen_topic_node_and_a_filter_that_cannot_apply_are_there_again_after_the_switch() throws Exception {
        connectedWithMessagesOn("lang/a", "lang/b");
        select("#sideTabs", "topicsTab");
        ui.waitFor(() -> treeItem("lang", "b") != null);
        onFx(() -> ((TreeView<?>) ui.node("#topicTree")).getSelectionModel().select((TreeItem) treeItem("lang", "b")));
        ui.waitFor(() -> shown().size() == 1 && "lang/b/#".equals(ui.text("#filterTopicField")));
        onFx(() -> ((CheckBox) ui.node("#filterRegexCheck")).setSelected(true));
        ui.type("#filterTextField", "(");
        String badEn = EN.getString("log.filter.badRegex");
        ui.waitFor(() -> ui.text("#filterError").startsWith(badEn.substring(0, badEn.indexOf('{'))));

        pickLanguage(EN.getString("settings.language.zh"));
        ui.waitFor(() -> ZH.getString("subscribe.subscribe").equals(ui.text("#subscribeButton")));
        select("#sideTabs", "topicsTab");
        ui.waitFor(() -> selectedInTree() != null);
        assertEquals("lang/b/#", selectedInTree().getValue().subtreeFilter(), "the node chosen before is chosen again");
        assertEquals("lang/b/#", ui.text("#filterTopicField"));
        assertEquals(1, shown().size(), "the log still shows that subtree");
        assertEquals("(", ui.text("#filterTextField"));
        assertTrue(((CheckBox) ui.node("#filterRegexCheck")).isSelected());
        String badZh = ZH.getString("log.filter.badRegex");
        assertTrue(ui.text("#filterError").startsWith(badZh.substring(0, badZh.indexOf('{'))),
                "the filter that cannot apply says why, in the new language: " + ui.text("#filterError"));
    }
}
