package vn.ioc.warehouse.cli;

import picocli.CommandLine.Option;
import vn.ioc.warehouse.server.ServerOptions;
import vn.ioc.warehouse.server.TlsCertificate;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Command-line options for serving the warehouse, shared by {@code warehouse start} and {@code demo}. */
final class ServeOptions {
    @Option(names = "--data", description = "data folder (default: ${DEFAULT-VALUE})", defaultValue = "var/clickhouse")
    Path data;

    @Option(names = "--port", description = "HTTP port (default: ${DEFAULT-VALUE})", defaultValue = "8123")
    int port;

    @Option(names = "--host", description = "address to listen on (default: ${DEFAULT-VALUE}); other than loopback needs configured passwords "
            + "and --tls-keystore", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--tls-keystore", description = "PKCS#12 keystore with the certificate to serve HTTPS with (its password in "
            + TlsCertificate.PASSWORD_VARIABLE + ")")
    Path tlsKeystore;

    @Option(names = "--credentials", description = "properties file with ioc_writer=... and ioc_reader=... passwords")
    Path credentials;

    @Option(names = "--readers", description = "queries that run at once (default: ${DEFAULT-VALUE})", defaultValue = "8")
    int readers;

    @Option(names = "--writers", description = "writes that run at once (default: ${DEFAULT-VALUE})", defaultValue = "4")
    int writers;

    @Option(names = "--query-timeout", description = "the longest a query may run (the writer's limit), ISO-8601 or seconds (default: ${DEFAULT-VALUE})",
            defaultValue = "300")
    String queryTimeout;

    @Option(names = "--reader-query-timeout", description = "the longest a reader's query may run, ISO-8601 or seconds (default: ${DEFAULT-VALUE})",
            defaultValue = "120")
    String readerQueryTimeout;

    ServerOptions toServerOptions() {
        ServerOptions defaults = ServerOptions.defaults(data);
        Optional<TlsCertificate> tls = Optional.ofNullable(tlsKeystore)
                .map(keystore -> new TlsCertificate(keystore, Optional.ofNullable(System.getenv(TlsCertificate.PASSWORD_VARIABLE)).orElse("")));
        return new ServerOptions(host, port, data, Optional.ofNullable(credentials), readers, writers,
                duration(queryTimeout), duration(readerQueryTimeout), defaults.connectionWait(), defaults.maxQueryBytes(), defaults.maxInsertBytes(), tls);
    }

    private static Duration duration(String text) {
        return text.matches("\\d+") ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
    }
}
