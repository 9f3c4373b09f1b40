package io.ferrymq.standalone.admin;

import io.ferrymq.client.Admin;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** An operator commits (delivers) or rolls back one half message. */
@Command(name = "resolveTransaction", description = "commit or roll back a half message an operator decides")
final class ResolveTransactionCommand implements Callable<Integer> {
    @Mixin
    AdminOptions options;

    @Option(
            names = {"-b", "--brokerAddr"},
            required = true,
            description = "the broker holding it (from unresolvedTransactions)")
    String brokerAddr;

    @Option(
            names = {"-o", "--halfOffset"},
            required = true)
    long halfOffset;

    @Option(
            names = {"-d", "--decision"},
            required = true,
            description = "COMMIT or ROLLBACK")
    String decision;

    @Override
    public Integer call() throws Exception {
        boolean commit = switch (decision.toUpperCase(java.util.Locale.ROOT)) {
            case "COMMIT" -> true;
            case "ROLLBACK" -> false;
            default -> throw new IllegalArgumentException("decision must be COMMIT or ROLLBACK, was " + decision);
        };
        try (Admin admin = options.connect()) {
            admin.resolveTransaction(brokerAddr, halfOffset, commit);
            System.out.printf(
                    "half message at %d on %s %s%n", halfOffset, brokerAddr, commit ? "committed" : "rolled back");
        }
        return 0;
    }
}
