package vn.ioc.datasets.generator;

/** The file formats source systems deliver. */
public enum ExtractFormat {
    CSV("csv"),
    PARQUET("parquet");

    private final String extension;

    ExtractFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
