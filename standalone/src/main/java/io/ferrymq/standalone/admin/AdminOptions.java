package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import picocli.CommandLine.Option;

/** The options every command shares: where the nameserver is. */
final class AdminOptions {
    @Option(
            names = {"-n", "--namesrvAddr"},
            description = "nameserver address(es), ';'-separated (default: $NAMESRV_ADDR or 127.0.0.1:9876)")
    String namesrvAddr;

    Admin connect() {
        String address =
                namesrvAddr != null ? namesrvAddr : System.getenv().getOrDefault("NAMESRV_ADDR", "127.0.0.1:9876");
        return Admin.builder().namesrvAddr(address).build();
    }
}
