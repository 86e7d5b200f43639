package vn.ioc.warehouse.progress;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.DelegatingProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.Console;
import java.text.DecimalFormat;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The progress of a long command on standard error, with how much is done and the rate: a bar redrawn in place on a
 * terminal, a plain line every ten seconds (and one at the end) when the output goes to a file or a pipe.
 */
public final class Progress implements AutoCloseable {
    /** A plain line's width: the bar, the counts, the rate and what is being done. */
    private static final int PLAIN_LINE = 140;
    private final ProgressBar bar;
    private final Optional<LongSupplier> watched;
    private final Optional<ScheduledExecutorService> watcher;

    private Progress(ProgressBar bar, Optional<LongSupplier> watched) {
        this.bar = bar;
        this.watched = watched;
        this.watcher = watched.map(done -> {
            ScheduledExecutorService every = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().factory());
            every.scheduleAtFixedRate(() -> bar.stepTo(done.getAsLong()), 500, 500, TimeUnit.MILLISECONDS);
            return every;
        });
    }

    /** A task of {@code total} {@code unit}s ({@code -1}: not known ahead), moved on with {@link #stepBy}/{@link #stepTo}. */
    public static Progress start(String task, String unit, long total) {
        return new Progress(bar(task, unit, total), Optional.empty());
    }

    /** A task whose count of done {@code unit}s is read from {@code done} (a counter other threads move) twice a second. */
    public static Progress watch(String task, String unit, long total, LongSupplier done) {
        return new Progress(bar(task, unit, total), Optional.of(done));
    }

    private static ProgressBar bar(String task, String unit, long total) {
        Console console = System.console();
        boolean terminal = console != null && console.isTerminal();
        ProgressBarBuilder builder = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
                .showSpeed(new DecimalFormat("#,##0.0")).setSpeedUnit(ChronoUnit.SECONDS);
        if (terminal) {
            builder.setConsumer(new ConsoleProgressBarConsumer(System.err)).setUpdateIntervalMillis(500);
        } else {
            builder.setStyle(ProgressBarStyle.ASCII).setConsumer(new DelegatingProgressBarConsumer(System.err::println, PLAIN_LINE))
                    .setUpdateIntervalMillis(10_000);
        }
        return builder.build();
    }

    public void stepBy(long done) {
        bar.stepBy(done);
    }

    public void stepTo(long done) {
        bar.stepTo(done);
    }

    /** A word after the bar: what is being done now. */
    public void say(String what) {
        bar.setExtraMessage(" " + what);
    }

    @Override
    public void close() {
        watcher.ifPresent(ScheduledExecutorService::shutdownNow);
        watched.ifPresent(done -> bar.stepTo(done.getAsLong()));
        bar.close();
    }
}
