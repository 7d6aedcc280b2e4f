package io.taskservice.task.graph;

import io.taskservice.task.graph.TaskNode.Dependency;
import io.taskservice.task.graph.TaskNode.JsValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task to work on next, chosen exactly as {@code task-master next} 0.43.1 chooses it.
 *
 * <ol>
 *   <li>Only top-level tasks whose status is exactly {@code pending}, {@code in-progress} or {@code done} take
 *       part; any other status ({@code review}, {@code deferred}, {@code blocked}, {@code cancelled}) removes the
 *       task and its subtasks from the choice and from the completed set.</li>
 *   <li>Completed means status exactly {@code done}: such a task counts as {@code "id"}, a {@code done} subtask of
 *       a taking-part task as {@code "parent.sub"}. {@code cancelled} or {@code completed} do not satisfy a
 *       dependency.</li>
 *   <li>First, subtasks of tasks with status {@code in-progress}: a subtask whose status (lower-cased, missing
 *       means {@code pending}) is {@code pending} or {@code in-progress} and whose dependencies (resolved by
 *       {@link Dependency#of}: {@code 1} is the sibling {@code "parent.1"}) are all completed. If there is one,
 *       the best of them is the answer.</li>
 *   <li>Otherwise, tasks with status {@code pending} or {@code in-progress} whose dependencies are all
 *       completed.</li>
 *   <li>Best means: higher priority first ({@code critical} 4, {@code high} 3, {@code medium} 2, {@code low} 1,
 *       anything else 2; a subtask without priority takes its parent's, else {@code medium}); then fewer
 *       dependencies (all of them, completed ones included); then lower id, compared as numbers (for subtasks
 *       the parent number, then the subtask number).</li>
 *   <li>Ids that are not numbers (slugs) compare as equal to everything ({@code NaN} in JavaScript), which makes
 *       the order depend on the sorting algorithm; the candidates are therefore sorted with a Java re-implementation of V8's
 *       TimSort, as Node.js sorts them, and the first is taken.</li>
 * </ol>
 *
 * <p>Task Master refuses to answer (an error) when any top-level task lacks a title or description or has an
 * unknown status or priority; this rule answers anyway, treating an unknown priority as {@code medium}.
 */
public final class NextTaskRule {

    private static final Map<String, Integer> PRIORITY = Map.of("critical", 4, "high", 3, "medium", 2, "low", 1);

    /** The next task or subtask of this task list, or empty when none is ready. */
    public Optional<TaskNode> next(List<TaskNode> tasks) {
        List<TaskNode> considered = tasks.stream()
                .filter(t -> "pending".equals(t.status()) || "in-progress".equals(t.status()) || "done".equals(t.status()))
                .toList();
        Set<String> completed = new HashSet<>();
        for (TaskNode task : considered) {
            if ("done".equals(task.status())) {
                completed.add(task.id());
            }
            for (TaskNode subtask : task.subtasks()) {
                if ("done".equals(subtask.status())) {
                    completed.add(task.id() + "." + subtask.localId(task));
                }
            }
        }

        List<Candidate> subtasks = new ArrayList<>();
        for (TaskNode task : considered) {
            if (!"in-progress".equals(task.status())) {
                continue;
            }
            for (TaskNode subtask : task.subtasks()) {
                if (isOpen(subtask.status()) && completed.containsAll(subtask.dependencyIds())) {
                    String priority = firstPresent(subtask.priority(), task.priority(), "medium");
                    subtasks.add(new Candidate(subtask, task.id() + "." + subtask.localId(task), priority));
                }
            }
        }
        if (!subtasks.isEmpty()) {
            return Optional.of(first(subtasks, NextTaskRule::compareSubtasks));
        }

        List<Candidate> ready = new ArrayList<>();
        for (TaskNode task : considered) {
            if (isOpen(task.status()) && completed.containsAll(task.dependencyIds())) {
                ready.add(new Candidate(task, task.id(), task.priority()));
            }
        }
        return ready.isEmpty() ? Optional.empty() : Optional.of(first(ready, NextTaskRule::compareTasks));
    }

    private static boolean isOpen(String status) {
        String s = status == null || status.isEmpty() ? "pending" : status.toLowerCase(java.util.Locale.ROOT);
        return s.equals("pending") || s.equals("in-progress");
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isEmpty()) {
                return value;
            }
        }
        return null;
    }

    private static TaskNode first(List<Candidate> candidates, Comparator<Candidate> order) {
        Candidate[] sorted = candidates.toArray(Candidate[]::new);
        V8Sort.sort(sorted, order);
        return sorted[0].node();
    }

    private static int byPriorityThenDependencies(Candidate a, Candidate b) {
        int byPriority = rank(b.priority()) - rank(a.priority());
        if (byPriority != 0) {
            return byPriority;
        }
        return a.node().dependencies().size() - b.node().dependencies().size();
    }

    private static int compareSubtasks(Candidate a, Candidate b) {
        int order = byPriorityThenDependencies(a, b);
        if (order != 0) {
            return order;
        }
        String[] x = a.id().split("\\.", -1);
        String[] y = b.id().split("\\.", -1);
        double parentA = JsValue.number(x[0]);
        double parentB = JsValue.number(y[0]);
        return parentA == parentB
                ? sign(JsValue.number(x[1]) - JsValue.number(y[1]))
                : sign(parentA - parentB);
    }

    private static int compareTasks(Candidate a, Candidate b) {
        int order = byPriorityThenDependencies(a, b);
        return order != 0 ? order : sign(JsValue.number(a.id()) - JsValue.number(b.id()));
    }

    private static int rank(String priority) {
        return priority == null ? 2 : PRIORITY.getOrDefault(priority, 2);
    }

    /** A comparator's result as Array.prototype.sort reads it: NaN counts as 0. */
    private static int sign(double difference) {
        return Double.isNaN(difference) || difference == 0 ? 0 : difference < 0 ? -1 : 1;
    }

    private record Candidate(TaskNode node, String id, String priority) {
    }

    /**
     * V8's Array.prototype.sort (a TimSort, written after V8's array-sort.tq): with a comparator that is not a
     * total order (slug ids compare as equal to everything) only the same algorithm gives the same first element.
     */
    static final class V8Sort<T> {
        private static final int MIN_GALLOP = 7;

        private final T[] a;
        private final Comparator<? super T> cmp;
        private int minGallop = MIN_GALLOP;
        private final int[] runBase = new int[85];
        private final int[] runLength = new int[85];
        private int runs;

        private V8Sort(T[] a, Comparator<? super T> cmp) {
            this.a = a;
            this.cmp = cmp;
        }

        static <T> void sort(T[] a, Comparator<? super T> cmp) {
            if (a.length < 2) {
                return;
            }
            new V8Sort<>(a, cmp).sort();
        }

        private void sort() {
            int remaining = a.length;
            int low = 0;
            int minRun = minRunLength(remaining);
            while (remaining != 0) {
                int run = countAndMakeRun(low, low + remaining);
                if (run < minRun) {
                    int forced = Math.min(minRun, remaining);
                    binaryInsertionSort(low, low + run, low + forced);
                    run = forced;
                }
                runBase[runs] = low;
                runLength[runs] = run;
                runs++;
                mergeCollapse();
                low += run;
                remaining -= run;
            }
            while (runs > 1) {
                int n = runs - 2;
                if (n > 0 && runLength[n - 1] < runLength[n + 1]) {
                    n--;
                }
                mergeAt(n);
            }
        }

        private static int minRunLength(int n) {
            int r = 0;
            while (n >= 64) {
                r |= n & 1;
                n >>= 1;
            }
            return n + r;
        }

        private void binaryInsertionSort(int low, int start, int high) {
            if (start == low) {
                start++;
            }
            for (; start < high; start++) {
                T pivot = a[start];
                int left = low;
                int right = start;
                while (left < right) {
                    int mid = left + ((right - left) >> 1);
                    if (cmp.compare(pivot, a[mid]) < 0) {
                        right = mid;
                    } else {
                        left = mid + 1;
                    }
                }
                System.arraycopy(a, left, a, left + 1, start - left);
                a[left] = pivot;
            }
        }

        private int countAndMakeRun(int lowArg, int high) {
            int low = lowArg + 1;
            if (low == high) {
                return 1;
            }
            int length = 2;
            boolean descending = cmp.compare(a[low], a[low - 1]) < 0;
            T previous = a[low];
            for (int i = low + 1; i < high; i++) {
                T current = a[i];
                int order = cmp.compare(current, previous);
                if (descending ? order >= 0 : order < 0) {
                    break;
                }
                previous = current;
                length++;
            }
            if (descending) {
                for (int i = lowArg, j = lowArg + length - 1; i < j; i++, j--) {
                    T t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                }
            }
            return length;
        }

        private boolean invariantHolds(int n) {
            return n < 2 || runLength[n - 2] > runLength[n - 1] + runLength[n];
        }

        private void mergeCollapse() {
            while (runs > 1) {
                int n = runs - 2;
                if (!invariantHolds(n + 1) || !invariantHolds(n)) {
                    if (runLength[n - 1] < runLength[n + 1]) {
                        n--;
                    }
                    mergeAt(n);
                } else if (runLength[n] <= runLength[n + 1]) {
                    mergeAt(n);
                } else {
                    break;
                }
            }
        }

        private void mergeAt(int i) {
            int baseA = runBase[i];
            int lengthA = runLength[i];
            int baseB = runBase[i + 1];
            int lengthB = runLength[i + 1];
            runLength[i] = lengthA + lengthB;
            if (i == runs - 3) {
                runBase[i + 1] = runBase[i + 2];
                runLength[i + 1] = runLength[i + 2];
            }
            runs--;
            int k = gallopRight(a, a[baseB], baseA, lengthA, 0);
            baseA += k;
            lengthA -= k;
            if (lengthA == 0) {
                return;
            }
            lengthB = gallopLeft(a, a[baseA + lengthA - 1], baseB, lengthB, lengthB - 1);
            if (lengthB == 0) {
                return;
            }
            if (lengthA <= lengthB) {
                mergeLow(baseA, lengthA, baseB, lengthB);
            } else {
                mergeHigh(baseA, lengthA, baseB, lengthB);
            }
        }

        private int gallopLeft(T[] array, T key, int base, int length, int hint) {
            int lastOffset = 0;
            int offset = 1;
            if (cmp.compare(array[base + hint], key) < 0) {
                int maxOffset = length - hint;
                while (offset < maxOffset) {
                    if (cmp.compare(array[base + hint + offset], key) >= 0) {
                        break;
                    }
                    lastOffset = offset;
                    offset = (offset << 1) + 1;
                    if (offset <= 0) {
                        offset = maxOffset;
                    }
                }
                offset = Math.min(offset, maxOffset);
                lastOffset += hint;
                offset += hint;
            } else {
                int maxOffset = hint + 1;
                while (offset < maxOffset) {
                    if (cmp.compare(array[base + hint - offset], key) < 0) {
                        break;
                    }
                    lastOffset = offset;
                    offset = (offset << 1) + 1;
                    if (offset <= 0) {
                        offset = maxOffset;
                    }
                }
                offset = Math.min(offset, maxOffset);
                int t = lastOffset;
                lastOffset = hint - offset;
                offset = hint - t;
            }
            lastOffset++;
            while (lastOffset < offset) {
                int m = lastOffset + ((offset - lastOffset) >> 1);
                if (cmp.compare(array[base + m], key) < 0) {
                    lastOffset = m + 1;
                } else {
                    offset = m;
                }
            }
            return offset;
        }

        private int gallopRight(T[] array, T key, int base, int length, int hint) {
            int lastOffset = 0;
            int offset = 1;
            if (cmp.compare(key, array[base + hint]) < 0) {
                int maxOffset = hint + 1;
                while (offset < maxOffset) {
                    if (cmp.compare(key, array[base + hint - offset]) >= 0) {
                        break;
                    }
                    lastOffset = offset;
                    offset = (offset << 1) + 1;
                    if (offset <= 0) {
                        offset = maxOffset;
                    }
                }
                offset = Math.min(offset, maxOffset);
                int t = lastOffset;
                lastOffset = hint - offset;
                offset = hint - t;
            } else {
                int maxOffset = length - hint;
                while (offset < maxOffset) {
                    if (cmp.compare(key, array[base + hint + offset]) < 0) {
                        break;
                    }
                    lastOffset = offset;
                    offset = (offset << 1) + 1;
                    if (offset <= 0) {
                        offset = maxOffset;
                    }
                }
                offset = Math.min(offset, maxOffset);
                lastOffset += hint;
                offset += hint;
            }
            lastOffset++;
            while (lastOffset < offset) {
                int m = lastOffset + ((offset - lastOffset) >> 1);
                if (cmp.compare(key, array[base + m]) < 0) {
                    offset = m;
                } else {
                    lastOffset = m + 1;
                }
            }
            return offset;
        }

        private void mergeLow(int baseA, int lengthA, int baseB, int lengthB) {
            T[] temp = java.util.Arrays.copyOfRange(a, baseA, baseA + lengthA);
            int dest = baseA;
            int cursorTemp = 0;
            int cursorB = baseB;
            a[dest++] = a[cursorB++];
            outer:
            {
                if (--lengthB == 0) {
                    break outer;
                }
                if (lengthA == 1) {
                    copyB(temp, cursorTemp, cursorB, lengthB, dest);
                    return;
                }
                int gallop = minGallop;
                while (true) {
                    int winsA = 0;
                    int winsB = 0;
                    while (true) {
                        if (cmp.compare(a[cursorB], temp[cursorTemp]) < 0) {
                            a[dest++] = a[cursorB++];
                            winsB++;
                            winsA = 0;
                            if (--lengthB == 0) {
                                break outer;
                            }
                            if (winsB >= gallop) {
                                break;
                            }
                        } else {
                            a[dest++] = temp[cursorTemp++];
                            winsA++;
                            winsB = 0;
                            if (--lengthA == 1) {
                                copyB(temp, cursorTemp, cursorB, lengthB, dest);
                                return;
                            }
                            if (winsA >= gallop) {
                                break;
                            }
                        }
                    }
                    gallop++;
                    boolean first = true;
                    while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
                        first = false;
                        gallop = Math.max(1, gallop - 1);
                        minGallop = gallop;
                        winsA = gallopRight(temp, a[cursorB], cursorTemp, lengthA, 0);
                        if (winsA > 0) {
                            System.arraycopy(temp, cursorTemp, a, dest, winsA);
                            dest += winsA;
                            cursorTemp += winsA;
                            lengthA -= winsA;
                            if (lengthA == 1) {
                                copyB(temp, cursorTemp, cursorB, lengthB, dest);
                                return;
                            }
                            if (lengthA == 0) {
                                break outer;
                            }
                        }
                        a[dest++] = a[cursorB++];
                        if (--lengthB == 0) {
                            break outer;
                        }
                        winsB = gallopLeft(a, temp[cursorTemp], cursorB, lengthB, 0);
                        if (winsB > 0) {
                            System.arraycopy(a, cursorB, a, dest, winsB);
                            dest += winsB;
                            cursorB += winsB;
                            lengthB -= winsB;
                            if (lengthB == 0) {
                                break outer;
                            }
                        }
                        a[dest++] = temp[cursorTemp++];
                        if (--lengthA == 1) {
                            copyB(temp, cursorTemp, cursorB, lengthB, dest);
                            return;
                        }
                    }
                    gallop++;
                    minGallop = gallop;
                }
            }
            if (lengthA > 0) {
                System.arraycopy(temp, cursorTemp, a, dest, lengthA);
            }
        }

        private void copyB(T[] temp, int cursorTemp, int cursorB, int lengthB, int dest) {
            System.arraycopy(a, cursorB, a, dest, lengthB);
            a[dest + lengthB] = temp[cursorTemp];
        }

        private void mergeHigh(int baseA, int lengthA, int baseB, int lengthB) {
            T[] temp = java.util.Arrays.copyOfRange(a, baseB, baseB + lengthB);
            int dest = baseB + lengthB - 1;
            int cursorTemp = lengthB - 1;
            int cursorA = baseA + lengthA - 1;
            a[dest--] = a[cursorA--];
            outer:
            {
                if (--lengthA == 0) {
                    break outer;
                }
                if (lengthB == 1) {
                    copyA(temp, cursorTemp, cursorA, lengthA, dest);
                    return;
                }
                int gallop = minGallop;
                while (true) {
                    int winsA = 0;
                    int winsB = 0;
                    while (true) {
                        if (cmp.compare(temp[cursorTemp], a[cursorA]) < 0) {
                            a[dest--] = a[cursorA--];
                            winsA++;
                            winsB = 0;
                            if (--lengthA == 0) {
                                break outer;
                            }
                            if (winsA >= gallop) {
                                break;
                            }
                        } else {
                            a[dest--] = temp[cursorTemp--];
                            winsB++;
                            winsA = 0;
                            if (--lengthB == 1) {
                                copyA(temp, cursorTemp, cursorA, lengthA, dest);
                                return;
                            }
                            if (winsB >= gallop) {
                                break;
                            }
                        }
                    }
                    gallop++;
                    boolean first = true;
                    while (winsA >= MIN_GALLOP || winsB >= MIN_GALLOP || first) {
                        first = false;
                        gallop = Math.max(1, gallop - 1);
                        minGallop = gallop;
                        int k = gallopRight(a, temp[cursorTemp], baseA, lengthA, lengthA - 1);
                        winsA = lengthA - k;
                        if (winsA > 0) {
                            dest -= winsA;
                            cursorA -= winsA;
                            System.arraycopy(a, cursorA + 1, a, dest + 1, winsA);
                            lengthA -= winsA;
                            if (lengthA == 0) {
                                break outer;
                            }
                        }
                        a[dest--] = temp[cursorTemp--];
                        if (--lengthB == 1) {
                            copyA(temp, cursorTemp, cursorA, lengthA, dest);
                            return;
                        }
                        k = gallopLeft(temp, a[cursorA], 0, lengthB, lengthB - 1);
                        winsB = lengthB - k;
                        if (winsB > 0) {
                            dest -= winsB;
                            cursorTemp -= winsB;
                            System.arraycopy(temp, cursorTemp + 1, a, dest + 1, winsB);
                            lengthB -= winsB;
                            if (lengthB == 1) {
                                copyA(temp, cursorTemp, cursorA, lengthA, dest);
                                return;
                            }
                            if (lengthB == 0) {
                                break outer;
                            }
                        }
                        a[dest--] = a[cursorA--];
                        if (--lengthA == 0) {
                            break outer;
                        }
                    }
                    gallop++;
                    minGallop = gallop;
                }
            }
            if (lengthB > 0) {
                System.arraycopy(temp, 0, a, dest - (lengthB - 1), lengthB);
            }
        }

        private void copyA(T[] temp, int cursorTemp, int cursorA, int lengthA, int dest) {
            dest -= lengthA;
            cursorA -= lengthA;
            System.arraycopy(a, cursorA + 1, a, dest + 1, lengthA);
            a[dest] = temp[cursorTemp];
        }
    }
}
