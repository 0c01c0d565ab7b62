package dev.mqttdesk.miniprogram;

import dev.mqttdesk.core.i18n.InvalidInputException;
import dev.mqttdesk.core.i18n.Messages;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code mqtt-desk miniprogram URL --out DIR [--flavor native|uniapp] [--topic T] [--username U]
 * [--password P] [--force]}: writes the demo page for a broker. Exit 0 ok, 1 failed (the folder holds
 * something, or it cannot be written), 2 bad usage (nothing is written).
 */
public final class MiniProgramCommand {

    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private MiniProgramCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, String appVersion) {
        MiniProgramArguments parsed;
        try {
            parsed = MiniProgramArguments.parse(args);
        } catch (InvalidInputException e) {
            err.println(e.text().resolve());
            err.println(Messages.get("miniprogram.cli.usage"));
            return USAGE;
        }
        if (parsed.help()) {
            out.println(Messages.get("miniprogram.cli.usage"));
            return OK;
        }
        PageRequest request = parsed.request();
        Path dir = parsed.out();
        List<PageFile> files = new PageGenerator(appVersion).generate(request);
        try {
            PageWriter.write(dir, files, parsed.force());
        } catch (InvalidInputException e) {
            err.println(e.text().resolve());
            return FAILED;
        } catch (IOException e) {
            err.println(Messages.format("miniprogram.cli.writeFailed", dir, String.valueOf(e.getMessage())));
            return FAILED;
        }
        out.println(Messages.format("miniprogram.cli.wrote", request.flavor().id(), request.target().pageUrl(), dir));
        files.forEach(f -> out.println(Messages.format("miniprogram.cli.file", f.path())));
        boolean bundled = files.stream().anyMatch(f -> f.path().equals(MqttJs.PAGE_PATH));
        if (bundled) {
            out.println(Messages.format("miniprogram.cli.library", MqttJs.VERSION, MqttJs.PAGE_PATH));
        } else {
            out.println(Messages.format("miniprogram.cli.noLibrary", MqttJs.VERSION, dir.resolve(MqttJs.PAGE_PATH)));
        }
        if (request.password().isPresent()) {
            out.println(Messages.get("miniprogram.cli.passwordWritten"));
        }
        out.println(Messages.get(request.flavor() == Flavor.NATIVE ? "miniprogram.cli.nextNative" : "miniprogram.cli.nextUniapp"));
        out.flush();
        return OK;
    }
}
