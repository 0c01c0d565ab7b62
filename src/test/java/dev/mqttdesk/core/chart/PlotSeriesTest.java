package dev.mqttdesk.core.chart;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class PlotSeriesTest {

    @Test
    void a_series_keeps_its_latest_points_in_order_and_says_from_where() {
        PlotSeries s = new PlotSeries(PlotSource.of("t", ""));
        for (int i = 0; i < PlotSeries.MAX_POINTS + 5; i++) {
            s.add(i, i * 0.5);
        }
        PlotSeries.Points all = s.since(0);
        assertEquals(PlotSeries.MAX_POINTS, all.size());
        assertEquals(5, all.firstIndex(), "the five oldest went");
        assertEquals(5 * 0.5, all.values()[0]);
        PlotSeries.Points last = s.since(PlotSeries.MAX_POINTS + 3);
        assertArrayEquals(new long[]{PlotSeries.MAX_POINTS + 3, PlotSeries.MAX_POINTS + 4}, last.times());
    }

    @Test
    void the_plot_gives_each_matching_series_the_number_of_each_message_and_no_more_than_eight_series() {
        ValuePlot plot = new ValuePlot();
        PlotSeries plain = plot.add(PlotSource.of("s/+", ""));
        PlotSeries json = plot.add(PlotSource.of("s/j", "$.v"));
        assertSame(plain, plot.add(PlotSource.of("s/+", "")), "the same source is the same series");
        plot.accept("s/p", "1.5".getBytes(StandardCharsets.UTF_8), 10);
        plot.accept("s/j", "{\"v\": 2}".getBytes(StandardCharsets.UTF_8), 11); // not a number as a whole: no plain point
        plot.accept("other", "3".getBytes(StandardCharsets.UTF_8), 12);
        assertArrayEquals(new double[]{1.5}, plain.since(0).values());
        assertArrayEquals(new double[]{2}, json.since(0).values());
        for (int i = 0; i < 6; i++) {
            plot.add(PlotSource.of("x/" + i, ""));
        }
        assertNull(plot.add(PlotSource.of("one/too/many", "")));
    }

    @Test
    void the_png_reads_back_as_the_same_pixels() throws Exception {
        int[] pixels = {0xFFFF0000, 0xFF00FF00, 0x800000FF, 0x00000000, 0xFFFFFFFF, 0xFF123456};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Png.write(out, 3, 2, pixels);
        java.awt.image.BufferedImage back = javax.imageio.ImageIO.read(new ByteArrayInputStream(out.toByteArray()));
        assertEquals(3, back.getWidth());
        assertEquals(2, back.getHeight());
        for (int i = 0; i < pixels.length; i++) {
            assertEquals(pixels[i], back.getRGB(i % 3, i / 3), "pixel " + i);
        }
    }
}
