package vn.ioc.warehouse.engine;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Receives a streamed result chunk by chunk. An IOException (the client went away) cancels the query. */
@FunctionalInterface
public interface ResultSink {
    /** The buffer is only valid during the call. */
    void accept(ByteBuffer chunk) throws IOException;
}
