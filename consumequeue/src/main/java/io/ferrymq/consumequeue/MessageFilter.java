package io.ferrymq.consumequeue;

import java.util.Arrays;
import java.util.Collection;

/**
 * Decides from a consume-queue entry's tags code whether a message may match a subscription (the TAG
 * filter of wire-protocol §4.4). A hash match is only a candidate: the broker or client confirms on
 * the stored TAGS string.
 *
 * <p>Implementations must be thread-safe and allocation-free; the ones here are immutable.
 */
@FunctionalInterface
public interface MessageFilter {
    MessageFilter ALL = tagsHash -> true;

    boolean matches(long tagsHash);

    /** Every message ({@code *} or an empty subscription). */
    static MessageFilter all() {
        return ALL;
    }

    /** Messages whose tags code is one of {@code codes} (the subscription's code set). */
    static MessageFilter tagsHashCodes(Collection<Integer> codes) {
        int[] sorted =
                codes.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
        return tagsHash -> tagsHash == (int) tagsHash && Arrays.binarySearch(sorted, (int) tagsHash) >= 0;
    }

    /** Messages whose TAGS is one of {@code tags}. */
    static MessageFilter tags(String... tags) {
        return tagsHashCodes(Arrays.stream(tags).map(String::hashCode).toList());
    }
}
