package io.ferrymq.client.internal.consumer;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A TAG subscription expression: {@code "*"} (or empty) for everything, else tags separated by
 * {@code ||} ({@code "A || B"}). The broker filters by the tags' hash codes; the client filters again
 * by the exact tag string (gotcha G25), and a message without a tag matches only {@code "*"}.
 * Immutable.
 */
public final class TagExpression {
    public static final String ALL = "*";

    private final String text;
    private final Set<String> tags;

    private TagExpression(String text, Set<String> tags) {
        this.text = text;
        this.tags = tags;
    }

    /** Parses {@code expression}; null, blank and {@code "*"} mean all. */
    public static TagExpression parse(String expression) {
        if (expression == null || expression.isBlank() || expression.trim().equals(ALL)) {
            return new TagExpression(ALL, Set.of());
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String part : expression.split("\\|\\|")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        if (tags.isEmpty() || tags.contains(ALL)) {
            return new TagExpression(ALL, Set.of());
        }
        return new TagExpression(expression.trim(), Collections.unmodifiableSet(tags));
    }

    /** The expression as sent ({@code subString}). */
    public String text() {
        return text;
    }

    public boolean matchesAll() {
        return tags.isEmpty();
    }

    /** The tags ({@code tagsSet}); empty for all. */
    public Set<String> tags() {
        return tags;
    }

    /** The tags' {@code String.hashCode()}s ({@code codeSet}). */
    public Set<Integer> codes() {
        Set<Integer> codes = new LinkedHashSet<>();
        tags.forEach(tag -> codes.add(tag.hashCode()));
        return codes;
    }

    /** Whether a message with tag {@code messageTags} (null: none) is wanted. */
    public boolean matches(String messageTags) {
        return matchesAll() || (messageTags != null && tags.contains(messageTags));
    }

    @Override
    public String toString() {
        return text;
    }
}
