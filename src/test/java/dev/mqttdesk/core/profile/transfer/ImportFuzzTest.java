package dev.mqttdesk.core.profile.transfer;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Text;
import dev.mqttdesk.core.profile.SavedConnection;
import dev.mqttdesk.core.profile.store.Documents;
import dev.mqttdesk.core.url.BrokerUrl;
import dev.mqttdesk.testing.BundleKeys;
import dev.mqttdesk.testing.FuzzedJson;
import dev.mqttdesk.testing.Printable;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Whatever file the user picks to import, the import reads it or refuses it in words: no exception escapes, every
 * connection it skips and every thing it could not keep is a sentence of the bundles, and a connection it brings
 * from MQTTX has an address that reads.
 */
class ImportFuzzTest {

    @Property(tries = 10_000)
    void any_file_near_an_mqtt_desk_export_is_imported_or_refused_in_words(@ForAll("nearOurExport") byte[] file) {
        BundleKeys.assertFinishesOrRefusesInWords(file, () -> check(file, ProfileImport.parse(file, 1000)));
    }

    @Property(tries = 10_000)
    void any_file_near_an_mqttx_export_is_imported_or_refused_in_words(@ForAll("nearMqttxExport") byte[] file) {
        BundleKeys.assertFinishesOrRefusesInWords(file, () -> check(file, ProfileImport.parse(file, 1000)));
    }

    private static void check(byte[] file, ImportResult result) {
        Statistics.collect(result.connections().isEmpty() ? "none imported" : "some imported",
                result.skipped().isEmpty() ? "none skipped" : "some skipped");
        List<Text> said = new ArrayList<>(result.skipped());
        for (ImportedConnection c : result.connections()) {
            SavedConnection saved = c.connection();
            assertNotNull(saved.form(), () -> Printable.of(file));
            if (result.source() == ImportResult.Source.MQTTX) {
                try {
                    BrokerUrl.parse(saved.form().url());
                } catch (InvalidInputException e) { // not a refusal of the file: an address we made that does not read
                    fail("imported " + saved.form().url() + " from " + Printable.of(file) + ": " + e.text());
                }
            }
            said.addAll(c.notMapped());
        }
        for (Text text : said) {
            BundleKeys.assertInBoth(text);
            assertFalse(text.resolve().isBlank(), text::toString);
        }
    }

    @Provide
    Arbitrary<byte[]> nearOurExport() {
        return FuzzedJson.around(List.of(
                ProfileExport.toBytes(List.of(Documents.connection("a", "A", "pw"), Documents.connection("b", "办公室", null)), true),
                ProfileExport.toBytes(List.of(Documents.connection("a", "A", "pw")), false)));
    }

    @Provide
    Arbitrary<byte[]> nearMqttxExport() {
        return FuzzedJson.around(List.of(sample("mqttx-1.13-all-connections.json"), sample("mqttx-1.13-one-connection.json"),
                sample("mqttx-1.4-one-connection.json")));
    }

    private static byte[] sample(String name) {
        try (InputStream in = ImportFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
