package io.ferrymq.standalone.admin;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mqadmin <command> [options]}: one picocli subcommand per operator task. */
@Command(
        name = "mqadmin",
        mixinStandardHelpOptions = true,
        description = "FerryMQ admin commands (RocketMQ's names).",
        subcommands = {
            ClusterListCommand.class,
            TopicRouteCommand.class,
            TopicStatusCommand.class,
            UpdateTopicCommand.class,
            DeleteTopicCommand.class,
            ConsumerProgressCommand.class,
            QueryMsgByKeyCommand.class,
            QueryMsgByIdCommand.class,
            DelayStatsCommand.class,
            CancelDelayedCommand.class,
            UnresolvedTransactionsCommand.class,
            ResolveTransactionCommand.class,
            DeadLettersCommand.class,
            ReplayDeadLettersCommand.class,
            CommandLine.HelpCommand.class
        })
public final class MqAdminMain implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs one command line; returns the exit code (0 ok, 1 failed, 2 usage). */
    public static int run(String... args) {
        return new CommandLine(new MqAdminMain())
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    line.getErr().println("mqadmin: " + e.getMessage());
                    return 1;
                })
                .execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
