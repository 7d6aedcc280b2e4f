package io.taskservice.task.graph;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * A task or subtask as the dependency rules see it, independent of persistence: Task Master's full id
 * ({@code "21"}, {@code "21.2"}, {@code "rust-data-models"}, {@code "parent-slug.child-slug"}), status and
 * priority in Task Master's spelling, dependencies and subtasks.
 *
 * <p>A subtask's {@code id} is its parent's id, a dot and its own id. Build nodes with {@link #task} and
 * {@link #subtask}, which resolve dependencies the way Task Master does (see {@link Dependency#of}).
 */
public record TaskNode(
        String id, String title, String status, String priority, List<Dependency> dependencies, List<TaskNode> subtasks) {

    public TaskNode {
        Objects.requireNonNull(id, "id");
        dependencies = List.copyOf(dependencies);
        subtasks = List.copyOf(subtasks);
    }

    /**
     * A top-level task. Each dependency is a value as written in {@code tasks.json}: a {@link Number} or a
     * {@link String} (a {@link Dependency} is taken as it is).
     */
    public static TaskNode task(
            String id, String title, String status, String priority, List<?> dependencies, List<TaskNode> subtasks) {
        return new TaskNode(id, title, status, priority, resolve(dependencies, null), subtasks);
    }

    /** A subtask of {@code parentId} with its own id {@code subtaskId} ({@code 2} for {@code "21.2"}). */
    public static TaskNode subtask(
            String parentId, Object subtaskId, String title, String status, String priority, List<?> dependencies) {
        return new TaskNode(
                parentId + "." + Dependency.text(subtaskId), title, status, priority, resolve(dependencies, parentId), List.of());
    }

    /** The resolved full ids of the dependencies, in their order. */
    public List<String> dependencyIds() {
        return dependencies.stream().map(Dependency::id).toList();
    }

    /** This subtask's own id within {@code parent} ({@code "2"} for {@code "21.2"}). */
    String localId(TaskNode parent) {
        return id.startsWith(parent.id + ".") ? id.substring(parent.id.length() + 1) : id;
    }

    private static List<Dependency> resolve(List<?> written, String parentId) {
        if (written == null) {
            return List.of();
        }
        return written.stream().map(value -> value instanceof Dependency d ? d : Dependency.of(value, parentId)).toList();
    }

    /**
     * One dependency: the full id it refers to ({@code id}) and how {@code tasks.json} wrote it ({@code written},
     * and whether as a JSON number). {@code task-master next} reads a dependency through {@code id};
     * {@code task-master validate-dependencies} reads the written form with rules of its own, so both are kept.
     */
    public record Dependency(String id, String written, boolean writtenAsNumber) {

        public Dependency {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(written, "written");
        }

        /**
         * Resolves a dependency as written in {@code tasks.json} the way {@code task-master next} does: on a task
         * ({@code parentId} null) the value as text ({@code 3} and {@code "3"} are task 3, {@code "3.1"} is
         * subtask 3.1, a slug is that task); on a subtask a string with a dot is a full id ({@code "3.1"}),
         * anything else is a sibling ({@code 1} or {@code "1"} on subtask 5.2 is {@code "5.1"}).
         */
        public static Dependency of(Object written, String parentId) {
            boolean number = written instanceof Number;
            String text = text(written);
            String id = parentId == null || !number && text.contains(".") ? text : parentId + "." + text;
            return new Dependency(id, text, number);
        }

        /** A dependency on the task or subtask with this full id, written as that id (a string). */
        public static Dependency on(String fullId) {
            return new Dependency(fullId, fullId, false);
        }

        /** A JSON value as JavaScript's {@code String(value)} writes it, for ids and dependencies. */
        static String text(Object value) {
            if (value instanceof Number n) {
                BigDecimal decimal = new BigDecimal(n.toString()).stripTrailingZeros();
                return decimal.scale() <= 0 && decimal.abs().compareTo(BigDecimal.TEN.pow(21)) < 0
                        ? decimal.toBigInteger().toString()
                        : decimal.toPlainString();
            }
            return String.valueOf(value);
        }
    }

    /**
     * JavaScript's view of ids, as Task Master's code compares them: {@code parseInt}, {@code Number},
     * {@code String} and {@code ===} over numbers (as doubles) and strings.
     */
    static final class JsValue {

        private static final java.util.regex.Pattern DECIMAL =
                java.util.regex.Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

        private JsValue() {
        }

        /** {@code parseInt(text, 10)}: leading white space, a sign and digits; NaN when there are none. */
        static double parseInt(String text) {
            String s = text.strip();
            int i = 0;
            boolean negative = false;
            if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                negative = s.charAt(i) == '-';
                i++;
            }
            int start = i;
            while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
            }
            if (i == start) {
                return Double.NaN;
            }
            double value = Double.parseDouble(s.substring(start, i));
            return negative ? -value : value;
        }

        /** {@code Number(text)}: the whole text as a number literal, 0 when blank, NaN otherwise. */
        static double number(String text) {
            String s = text.strip();
            if (s.isEmpty()) {
                return 0;
            }
            if (DECIMAL.matcher(s).matches()) {
                return Double.parseDouble(s);
            }
            String unsigned = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
            if (unsigned.equals("Infinity")) {
                return s.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
            }
            if (s.length() > 2 && s.charAt(0) == '0') {
                int radix = switch (Character.toLowerCase(s.charAt(1))) {
                    case 'x' -> 16;
                    case 'o' -> 8;
                    case 'b' -> 2;
                    default -> 0;
                };
                if (radix != 0) {
                    try {
                        return new java.math.BigInteger(s.substring(2), radix).doubleValue();
                    } catch (NumberFormatException e) {
                        return Double.NaN;
                    }
                }
            }
            return Double.NaN;
        }

        /** {@code String(value)} for a number (as a double) or a string. */
        static String string(Object value) {
            return value instanceof Double d ? numberToString(d) : String.valueOf(value);
        }

        /**
         * ECMAScript's Number::toString: the shortest digits that read back as {@code d} (Java's
         * {@link Double#toString} finds the same ones), plain below 1e21 ({@code 123456789012345680000}),
         * with an exponent from there on ({@code 1.2345678901234568e+21}) and below 1e-6.
         */
        private static String numberToString(double d) {
            if (Double.isNaN(d)) {
                return "NaN";
            }
            if (Double.isInfinite(d)) {
                return d > 0 ? "Infinity" : "-Infinity";
            }
            if (d == 0) {
                return "0";
            }
            BigDecimal shortest = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
            String digits = shortest.unscaledValue().toString();
            int k = digits.length();
            int n = k - shortest.scale(); // d = 0.digits x 10^n
            String text;
            if (k <= n && n <= 21) {
                text = digits + "0".repeat(n - k);
            } else if (0 < n && n <= 21) {
                text = digits.substring(0, n) + "." + digits.substring(n);
            } else if (-6 < n && n <= 0) {
                text = "0." + "0".repeat(-n) + digits;
            } else {
                int exponent = n - 1;
                text = (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1))
                        + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
            }
            return d < 0 ? "-" + text : text;
        }

        /** {@code a === b}: numbers by value (NaN equals nothing), strings by text, never a number and a string. */
        static boolean strictEquals(Object a, Object b) {
            if (a instanceof Double x && b instanceof Double y) {
                return x.doubleValue() == y.doubleValue();
            }
            return a instanceof String && a.equals(b);
        }
    }
}
