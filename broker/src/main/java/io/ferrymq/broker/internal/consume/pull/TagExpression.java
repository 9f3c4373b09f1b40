package io.ferrymq.broker.internal.consume.pull;

import io.ferrymq.consumequeue.MessageFilter;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A parsed TAG subscription ({@code *}, or tags joined by {@code ||}): a consume-queue filter by the
 * tags' {@code String.hashCode()} and the exact check on a stored message's TAGS that a hash match
 * must pass (two tags may share a hash, G25). Immutable and thread-safe.
 */
public final class TagExpression {
    private static final TagExpression ALL = new TagExpression(Set.of(), MessageFilter.all());

    private final Set<String> tags;
    private final MessageFilter filter;

    private TagExpression(Set<String> tags, MessageFilter filter) {
        this.tags = tags;
        this.filter = filter;
    }

    /** Parses a subscription expression; null, blank and {@code *} match everything. */
    public static TagExpression parse(String expression) {
        if (expression == null || expression.isBlank() || expression.trim().equals("*")) {
            return ALL;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : expression.split("\\|\\|")) {
            String trimmed = tag.trim();
            if (!trimmed.isEmpty()) {
                tags.add(trimmed);
            }
        }
        if (tags.isEmpty()) {
            return ALL;
        }
        return new TagExpression(Set.copyOf(tags), MessageFilter.tags(tags.toArray(String[]::new)));
    }

    public boolean matchesAll() {
        return tags.isEmpty();
    }

    /** The consume-queue filter: a candidate by tags hash. */
    public MessageFilter filter() {
        return filter;
    }

    /** Whether a message with stored TAGS {@code storedTags} (null when absent) matches exactly. */
    public boolean accepts(String storedTags) {
        return matchesAll() || (storedTags != null && tags.contains(storedTags));
    }

    public Set<String> tags() {
        return tags;
    }
}
