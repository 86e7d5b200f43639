package vn.ioc.ingest.cli;

import vn.ioc.warehouse.cli.LauncherModule;

import java.util.List;

/** The ingest module's part of the launcher: {@code ioc ingest}. */
public final class IngestLauncher implements LauncherModule {
    @Override
    public List<Object> commands() {
        return List.of(new IngestCommand());
    }
}
