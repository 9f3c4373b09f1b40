package io.ferrymq.nameserver.internal;

/**
 * The outcome of a registration. A rejected one is answered SYSTEM_ERROR "register broker failed";
 * an accepted slave gets its master's address and HA address. Immutable.
 */
public record RegisterResult(boolean accepted, String masterAddr, String haServerAddr) {
    public static final RegisterResult REJECTED = new RegisterResult(false, null, null);
    public static final RegisterResult ACCEPTED = new RegisterResult(true, null, null);
}
