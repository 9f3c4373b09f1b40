package io.ferrymq.commitlog.internal;

import java.util.BitSet;

/**
 * The {@code deleteWhen} setting: hours of the day, separated by ";" (e.g. {@code "04"} or
 * {@code "04;16"}), during which expired segments are deleted. Immutable.
 */
public final class DeleteWhen {
    private final BitSet hours;
    private final String text;

    private DeleteWhen(BitSet hours, String text) {
        this.hours = hours;
        this.text = text;
    }

    /**
     * @throws IllegalArgumentException naming the bad part when an hour is not 0..23
     */
    public static DeleteWhen parse(String text) {
        BitSet hours = new BitSet(24);
        for (String part : text.split(";")) {
            String hour = part.trim();
            if (hour.isEmpty()) {
                continue;
            }
            int value;
            try {
                value = Integer.parseInt(hour);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("deleteWhen \"" + text + "\": \"" + hour + "\" is not an hour");
            }
            if (value < 0 || value > 23) {
                throw new IllegalArgumentException("deleteWhen \"" + text + "\": hour " + value + " is not 0..23");
            }
            hours.set(value);
        }
        return new DeleteWhen(hours, text);
    }

    public boolean includes(int hourOfDay) {
        return hours.get(hourOfDay);
    }

    @Override
    public String toString() {
        return text;
    }
}
