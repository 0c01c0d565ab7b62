package dev.mqttdesk;

/** How JavaFX draws the app: set before the toolkit starts (by {@link Main}, and by the benchmarks that start it). */
public final class Rendering {

    private Rendering() {
    }

    /**
     * Region backgrounds drawn directly, not stretched from a cached image. On the software pipeline
     * (no GPU: Xvfb, virtual machines, remote desktops) every row and cell of a scrolling table was a
     * scaled image copy, and during a 1,000,000-message flood the renderer took 4.1 s of processor time
     * (as much as the network thread) and the FX thread waited up to 155 ms for it; drawn directly, 0.7 s
     * and 61 ms. The GPU pipelines draw rounded rectangles in their shaders, so the cache saves them little.
     * A value the user gives on the command line wins.
     */
    public static void configure() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }
}
