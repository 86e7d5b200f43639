package vn.ioc.warehouse.server;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;

import static java.util.Objects.requireNonNull;

/**
 * The certificate the warehouse serves HTTPS with: a PKCS#12 keystore (key and certificate chain), as
 * {@code keytool -genkeypair -storetype PKCS12} or {@code openssl pkcs12 -export} make it.
 */
public record TlsCertificate(Path keystore, String password) {
    public static final String PASSWORD_VARIABLE = "IOC_WAREHOUSE_TLS_PASSWORD";

    public TlsCertificate {
        requireNonNull(keystore, "keystore");
        requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "TlsCertificate[" + keystore + "]";
    }

    /** The TLS context serving this certificate, or a start error naming the file and what is wrong with it. */
    SSLContext context() {
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password.toCharArray());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, password.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            throw new WarehouseStartException("cannot use the TLS keystore " + keystore + " (PKCS#12, password from " + PASSWORD_VARIABLE
                    + "): " + e.getMessage(), e);
        }
    }
}
