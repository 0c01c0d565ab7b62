package dev.mqttdesk;

/** How JavaFX draws the app: set before the toolkit starts (by {@link Main}, and by the benchmarks that start it). */
public final class Rendering {

    private Rendering() {
    }

    /**
     * Region backgrounds drawn directly, not stretched from a cached image. On the software pipeline
     * (no GPU: Xvfb, virtual machines, remote desktops) every row and cell of a scrolling table was a
     * scaled image copy, and during a 1,000,000-message flood the renderer took 4.1 s of processor time
     * (as much as the network thread); drawn directly, 0.6-0.7 s, and the FX thread's worst delay fell from
     * 91-123 ms to 61-93 ms (README, flood benchmark). The GPU pipelines draw rounded rectangles in their
     * shaders, so the cache should save them little (not measured: no GPU here). A value the user gives on the
     * command line wins.
     */
    public static void configure() {
        if (System.getProperty("prism.disableRegionCaching") == null) {
            System.setProperty("prism.disableRegionCaching", "true");
        }
    }
}
