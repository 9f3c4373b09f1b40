package io.ferrymq.client;

/** How the consumers of one group share a topic. */
public enum MessageModel {
    /** Each message goes to one consumer of the group; offsets live on the broker. */
    CLUSTERING,
    /** Each consumer gets every message; offsets live in a local file. */
    BROADCASTING
}
