package vn.ioc.warehouse.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ServiceLoader;

/** The {@code ioc} launcher. */
@Command(name = "ioc", mixinStandardHelpOptions = true, versionProvider = Ioc.Version.class,
        description = "Intelligent operations centre for Vietnamese provinces.",
        subcommands = {DemoCommand.class, WarehouseCommand.class, DruidCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Ioc implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The version the build wrote beside the launcher. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            try (InputStream text = Ioc.class.getResourceAsStream("version.txt")) {
                return new String[]{"ioc " + new String(text.readAllBytes(), StandardCharsets.UTF_8).strip()};
            }
        }
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
