package vn.ioc.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.ServiceLoader;

/** The {@code ioc} launcher. */
@Command(name = "ioc", mixinStandardHelpOptions = true, version = "ioc 0.1.0",
        description = "Intelligent operations centre for Vietnamese provinces.",
        subcommands = {DemoCommand.class, WarehouseCommand.class, DruidCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Ioc implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        CommandLine commandLine = new CommandLine(new Ioc());
        CommandLine bench = commandLine.getSubcommands().get("bench");
        for (LauncherModule module : ServiceLoader.load(LauncherModule.class)) {
            module.commands().forEach(commandLine::addSubcommand);
            module.benchmarks().forEach(bench::addSubcommand);
        }
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return 1;
        });
        System.exit(commandLine.execute(args));
    }
}
