package dev.mqttdesk;

import dev.mqttdesk.check.CheckCommand;
import dev.mqttdesk.core.desktop.SystemColorScheme;
import dev.mqttdesk.core.i18n.Messages;
import dev.mqttdesk.core.profile.cli.ProfilesCommand;
import dev.mqttdesk.core.profile.AppHome;
import dev.mqttdesk.core.profile.store.ProfileStore;
import dev.mqttdesk.miniprogram.MiniProgramCommand;
import javafx.application.Application;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Properties;

/**
 * The launcher of the shaded jar and the installers: the command-line side first, the window otherwise.
 * (A plain class, because a main class that extends Application needs JavaFX on the module path.)
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (args.length > 0) {
            switch (args[0]) {
                case "--version", "-v" -> {
                    System.out.println(Messages.format("app.version", version()));
                    return;
                }
                case "check" -> {
                    System.exit(CheckCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
                    return;
                }
                case "profiles" -> {
                    System.exit(ProfilesCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err));
                    return;
                }
                case "miniprogram" -> {
                    System.exit(MiniProgramCommand.run(Arrays.copyOfRange(args, 1, args.length), System.out, System.err,
                            version()));
                    return;
                }
                case "--help", "-h" -> {
                    System.out.println(Messages.format("cli.help", version()));
                    return;
                }
                default -> {
                    // anything else is for the application (JavaFX's own -- options, for instance)
                }
            }
        }
        ProfileStore.readAhead(AppHome.resolve()); // read while JavaFX starts: the window needs them
        SystemColorScheme.readAhead(); // asks the desktop while JavaFX starts: the first window opens in its theme
        Rendering.configure();
        Application.launch(MqttDeskApp.class, args);
    }

    /** The project version, written into the build by Maven. */
    public static String version() {
        try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "dev");
        } catch (IOException e) {
            return "dev";
        }
    }
}
