package vn.ioc.ingest.input;

/**
 * One extract file to ingest.
 *
 * @param encoding the text encoding detected for a CSV file ({@code UTF-8} or {@code windows-1258}); empty for Parquet
 */
public record InputFile(String path, String province, String format, String encoding, String sha256, long bytes) {
}
