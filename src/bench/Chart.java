import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws the benchmark's results.tsv as one PNG, with the JDK alone (Java 2D and ImageIO).
 *
 * <pre>java Chart.java results.tsv chart.png [NOTE]</pre>
 *
 * Four panels: requests per second; p50 and p99 latency (log scale); CPU per request of the service and of
 * PostgreSQL, stacked; and the import and export of a whole file (wall time and CPU seconds). Lines of the TSV
 * starting with '#' become the subtitle; NOTE (optional) is printed under it, in red.
 */
public class Chart {

    private static final Color SERVICE = new Color(0x3366cc);
    private static final Color DATABASE = new Color(0xee8833);
    private static final Color P50 = new Color(0x88aadd);
    private static final Color P99 = new Color(0x224488);
    private static final Color WALL = new Color(0x999999);
    private static final Color GRID = new Color(0xdddddd);
    private static final Color BAD = new Color(0xcc2222);
    private static final int WIDTH = 1600;
    private static final int ROW = 34;

    /** One line of results.tsv. */
    record Result(String name, double reqPerSec, double p50, double p99, long non2xx, long socketErrors,
                  double serviceCpuUs, double databaseCpuUs, double seconds, long requests) {

        boolean isFileOperation() {
            return name.startsWith("import") || name.startsWith("export");
        }
    }

    public static void main(String[] args) throws IOException {
        System.setProperty("java.awt.headless", "true");
        if (args.length < 2) {
            System.err.println("usage: java Chart.java results.tsv chart.png [NOTE]");
            System.exit(2);
        }
        List<String> comments = new ArrayList<>();
        List<Result> http = new ArrayList<>();
        List<Result> files = new ArrayList<>();
        List<String> header = null;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.startsWith("#")) {
                comments.add(line.substring(1).trim());
            } else if (header == null) {
                header = Arrays.asList(line.split("\t"));
            } else if (!line.isBlank()) {
                String[] f = line.split("\t", -1);
                List<String> h = header;
                java.util.function.Function<String, Double> num = column -> {
                    String v = f[h.indexOf(column)];
                    return v.isEmpty() ? 0 : Double.parseDouble(v);
                };
                Result r = new Result(f[0], num.apply("req_s"), num.apply("p50_ms"), num.apply("p99_ms"),
                        num.apply("non2xx").longValue(), num.apply("sock_errors").longValue(),
                        num.apply("svc_cpu_us_per_req"), num.apply("pg_cpu_us_per_req"), num.apply("seconds"),
                        num.apply("requests").longValue());
                (r.isFileOperation() ? files : http).add(r);
            }
        }
        String note = args.length > 2 ? args[2] : null;

        int top = 70 + comments.size() * 20 + (note == null ? 0 : 22);
        int panelHeight = 70 + Math.max(http.size(), 1) * ROW;
        int filesHeight = 70 + Math.max(files.size(), 1) * ROW * 2;
        int height = top + panelHeight + 40 + Math.max(panelHeight, filesHeight) + 30;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, WIDTH, height);

        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 24));
        g.drawString("task-service benchmark", 20, 36);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        int y = 62;
        for (String c : comments) {
            g.drawString(c, 20, y);
            y += 20;
        }
        if (note != null) {
            g.setColor(BAD);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
            g.drawString(note, 20, y);
        }

        int half = WIDTH / 2;
        List<String> names = http.stream().map(Result::name).toList();
        new Panel("Throughput: requests per second (higher is better)", names, false, false,
                List.of(new Series("req/s", SERVICE, http.stream().mapToDouble(Result::reqPerSec).toArray())))
                .badCounts(http.stream().mapToLong(r -> r.non2xx() + r.socketErrors()).toArray())
                .draw(g, 10, top, half - 20, panelHeight);
        new Panel("Latency in ms, log scale (lower is better)", names, false, true,
                List.of(new Series("p50", P50, http.stream().mapToDouble(Result::p50).toArray()),
                        new Series("p99", P99, http.stream().mapToDouble(Result::p99).toArray())))
                .draw(g, half + 10, top, half - 20, panelHeight);
        new Panel("CPU per request in µs (lower is better), stacked", names, true, false,
                List.of(new Series("service", SERVICE, http.stream().mapToDouble(Result::serviceCpuUs).toArray()),
                        new Series("PostgreSQL", DATABASE, http.stream().mapToDouble(Result::databaseCpuUs).toArray())))
                .draw(g, 10, top + panelHeight + 40, half - 20, panelHeight);
        List<String> fileNames = files.stream().map(Result::name).toList();
        new Panel("Import / export of a whole tasks.json: seconds per file (lower is better)", fileNames, false, false,
                List.of(new Series("wall time, median", WALL, files.stream().mapToDouble(r -> r.p50() / 1000).toArray()),
                        new Series("service CPU", SERVICE, files.stream().mapToDouble(r -> r.serviceCpuUs() / 1e6).toArray()),
                        new Series("PostgreSQL CPU", DATABASE, files.stream().mapToDouble(r -> r.databaseCpuUs() / 1e6).toArray())))
                .badCounts(files.stream().mapToLong(Result::non2xx).toArray())
                .draw(g, half + 10, top + panelHeight + 40, half - 20, filesHeight);
        g.dispose();
        ImageIO.write(image, "png", Path.of(args[1]).toFile());
    }

    /** One colour of bars: a value per row. */
    record Series(String label, Color color, double[] values) {
    }

    /** Horizontal bars, one row per scenario; several series side by side, or stacked. */
    static final class Panel {
        private final String title;
        private final List<String> rows;
        private final boolean stacked;
        private final boolean log;
        private final List<Series> series;
        private long[] bad;

        Panel(String title, List<String> rows, boolean stacked, boolean log, List<Series> series) {
            this.title = title;
            this.rows = rows;
            this.stacked = stacked;
            this.log = log;
            this.series = series;
        }

        Panel badCounts(long[] counts) {
            this.bad = counts;
            return this;
        }

        void draw(Graphics2D g, int x, int y, int w, int h) {
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(title, x, y + 18);
            Font small = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
            g.setFont(small);
            FontMetrics fm = g.getFontMetrics();
            // legend
            int lx = x;
            for (Series s : series) {
                g.setColor(s.color());
                g.fillRect(lx, y + 28, 12, 12);
                g.setColor(Color.BLACK);
                g.drawString(s.label(), lx + 16, y + 39);
                lx += 30 + fm.stringWidth(s.label());
            }
            int labelWidth = 130;
            int plotX = x + labelWidth;
            int plotW = w - labelWidth - 90;
            int plotY = y + 50;
            int plotH = h - 70;
            double max = 0;
            double min = Double.MAX_VALUE;
            for (int r = 0; r < rows.size(); r++) {
                double total = 0;
                for (Series s : series) {
                    double v = s.values()[r];
                    total = stacked ? total + v : Math.max(total, v);
                    if (v > 0) {
                        min = Math.min(min, v);
                    }
                }
                max = Math.max(max, total);
            }
            if (max <= 0) {
                max = 1;
            }
            Scale scale = log ? Scale.log(min == Double.MAX_VALUE ? 0.1 : min, max) : Scale.linear(max);
            // grid and ticks
            g.setStroke(new BasicStroke(1f));
            for (double tick : scale.ticks()) {
                int tx = plotX + (int) Math.round(scale.fraction(tick) * plotW);
                g.setColor(GRID);
                g.drawLine(tx, plotY, tx, plotY + plotH);
                g.setColor(Color.DARK_GRAY);
                String t = format(tick);
                g.drawString(t, tx - fm.stringWidth(t) / 2, plotY + plotH + 15);
            }
            int rowHeight = rows.isEmpty() ? ROW : plotH / rows.size();
            for (int r = 0; r < rows.size(); r++) {
                int ry = plotY + r * rowHeight;
                g.setColor(Color.BLACK);
                g.drawString(rows.get(r), x, ry + rowHeight / 2 + 5);
                int barArea = rowHeight - 8;
                if (stacked || series.size() == 1) {
                    double start = 0;
                    double total = 0;
                    for (Series s : series) {
                        double v = s.values()[r];
                        int x0 = plotX + (int) Math.round(scale.fraction(start) * plotW);
                        int x1 = plotX + (int) Math.round(scale.fraction(start + v) * plotW);
                        g.setColor(s.color());
                        g.fillRect(x0, ry + 4, Math.max(x1 - x0, v > 0 ? 1 : 0), barArea);
                        start += v;
                        total += v;
                    }
                    int end = plotX + (int) Math.round(scale.fraction(total) * plotW);
                    g.setColor(Color.BLACK);
                    String label = format(total);
                    if (bad != null && bad[r] > 0) {
                        g.drawString(label, end + 4, ry + rowHeight / 2 + 5);
                        g.setColor(BAD);
                        g.drawString(" " + bad[r] + " errors", end + 4 + fm.stringWidth(label), ry + rowHeight / 2 + 5);
                    } else {
                        g.drawString(label, end + 4, ry + rowHeight / 2 + 5);
                    }
                } else {
                    int each = barArea / series.size();
                    for (int i = 0; i < series.size(); i++) {
                        Series s = series.get(i);
                        double v = s.values()[r];
                        int x1 = plotX + (int) Math.round(scale.fraction(v) * plotW);
                        int by = ry + 4 + i * each;
                        g.setColor(s.color());
                        g.fillRect(plotX, by, Math.max(x1 - plotX, v > 0 ? 1 : 0), each - 1);
                        g.setColor(Color.BLACK);
                        String label = format(v);
                        if (i == 0 && bad != null && bad[r] > 0) {
                            label += "  (" + bad[r] + " failed)";
                            g.setColor(BAD);
                        }
                        g.drawString(label, x1 + 4, by + each / 2 + 5);
                    }
                }
            }
            g.setColor(Color.GRAY);
            g.drawLine(plotX, plotY, plotX, plotY + plotH);
        }
    }

    /** Maps a value to 0..1 of the plot's width. */
    record Scale(boolean log, double low, double high) {

        static Scale linear(double max) {
            return new Scale(false, 0, niceCeiling(max));
        }

        static Scale log(double min, double max) {
            double low = Math.pow(10, Math.floor(Math.log10(min)));
            double high = Math.pow(10, Math.ceil(Math.log10(max)));
            return new Scale(true, low, high <= low ? low * 10 : high);
        }

        double fraction(double v) {
            if (log) {
                return v <= low ? 0 : Math.log10(v / low) / Math.log10(high / low);
            }
            return v / high;
        }

        List<Double> ticks() {
            List<Double> t = new ArrayList<>();
            if (log) {
                for (double v = low; v <= high * 1.0001; v *= 10) {
                    t.add(v);
                }
            } else {
                double step = niceCeiling(high / 5);
                for (double v = 0; v <= high * 1.0001; v += step) {
                    t.add(v);
                }
            }
            return t;
        }

        private static double niceCeiling(double v) {
            double magnitude = Math.pow(10, Math.floor(Math.log10(v)));
            for (double m : new double[] {1, 2, 2.5, 5, 10}) {
                if (v <= m * magnitude) {
                    return m * magnitude;
                }
            }
            return 10 * magnitude;
        }
    }

    static String format(double v) {
        if (v == 0) {
            return "0";
        }
        if (Math.abs(v) >= 1000) {
            return String.format("%,.0f", v);
        }
        if (Math.abs(v) >= 10) {
            return String.format("%.0f", v);
        }
        if (Math.abs(v) >= 1) {
            return String.format("%.1f", v);
        }
        return String.format("%.2g", v);
    }
}
