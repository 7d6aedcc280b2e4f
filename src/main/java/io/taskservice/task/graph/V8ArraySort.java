package io.taskservice.task.graph;

import java.util.Arrays;
import java.util.Comparator;

/**
 * Node.js's {@code Array.prototype.sort}: V8's stable TimSort (binary insertion below 64 elements and for short
 * runs, run merges with galloping), written after V8's {@code third_party/v8/builtins/array-sort.tq}.
 *
 * <p>Why a copy of an algorithm instead of {@link java.util.Arrays#sort}: Task Master's comparator treats slug ids
 * ({@code NaN}) as equal to everything, which is no total order; then only the very same sequence of comparisons
 * gives the same first element as {@code task-master next}. {@code V8ArraySortTest} compares it with {@code node}.
 */
final class V8ArraySort<T> {
    private static final int MIN_GALLOP = 7;

    private final T[] a;
    private final Comparator<? super T> cmp;
    private int minGallop = MIN_GALLOP;
    private final int[] runBase = new int[85];
    private final int[] runLength = new int[85];
    private int runs;

    private V8ArraySort(T[] a, Comparator<? super T> cmp) {
        this.a = a;
        this.cmp = cmp;
    }

    static <T> void sort(T[] a, Comparator<? super T> cmp) {
        if (a.length < 2) {
            return;
        }
        new V8ArraySort<>(a, cmp).sort();
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
        T[] temp = Arrays.copyOfRange(a, baseA, baseA + lengthA);
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
        T[] temp = Arrays.copyOfRange(a, baseB, baseB + lengthB);
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
