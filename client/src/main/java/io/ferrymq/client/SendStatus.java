package io.ferrymq.client;

/** How a broker stored a sent message; anything but {@link #SEND_OK} is stored yet less durable than asked. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE
}
