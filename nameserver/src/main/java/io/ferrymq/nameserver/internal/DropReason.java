package io.ferrymq.nameserver.internal;

/** Why a broker left the registry; logged with the broker. */
public enum DropReason {
    UNREGISTERED("unregistered itself"),
    EXPIRED("no registration or heartbeat within its timeout"),
    CHANNEL_CLOSED("its connection closed"),
    CHANNEL_IDLE("its connection went idle"),
    CHANNEL_EXCEPTION("its connection failed");

    private final String text;

    DropReason(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
