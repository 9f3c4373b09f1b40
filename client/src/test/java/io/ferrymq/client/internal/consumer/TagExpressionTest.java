package io.ferrymq.client.internal.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TagExpressionTest {
    @Test
    void starNullAndBlankMatchEverythingIncludingUntagged() {
        for (String text : new String[] {"*", null, " ", " * "}) {
            TagExpression all = TagExpression.parse(text);
            assertThat(all.matchesAll()).isTrue();
            assertThat(all.text()).isEqualTo("*");
            assertThat(all.matches(null)).isTrue();
            assertThat(all.matches("X")).isTrue();
        }
    }

    @Test
    void orListIsTrimmedAndCodesAreStringHashCodes() {
        TagExpression tags = TagExpression.parse("TagA ||TagB||  ");
        assertThat(tags.tags()).containsExactly("TagA", "TagB");
        assertThat(tags.codes()).containsExactly(2598919, 2598920);
        assertThat(tags.matches("TagA")).isTrue();
        assertThat(tags.matches("TagC")).isFalse();
        assertThat(tags.matches(null)).isFalse();
    }

    @Test
    void exactStringDecidesEvenWhenHashesCollide() {
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(TagExpression.parse("Aa").matches("BB")).isFalse();
    }
}
