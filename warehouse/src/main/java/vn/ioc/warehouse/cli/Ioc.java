package vn.ioc.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code ioc} launcher. */
@Command(name = "ioc", mixinStandardHelpOptions = true, version = "ioc 0.1.0",
        description = "Intelligent operations centre for Vietnamese provinces.",
        subcommands = {DemoCommand.class, WarehouseCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Ioc implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Ioc());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }
}
