package vn.ioc.ui.data;

import java.util.NoSuchElementException;
import vn.ioc.analytics.service.AnalyticsService;
import vn.ioc.warehouse.WarehouseConnection;

import java.sql.SQLException;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * A few {@link AnalyticsService}s (each one warehouse connection, used by one request at a time), opened on demand so
 * that the dashboard starts while the warehouse is down. One that failed is closed, and the next request opens a new one.
 */
final class AnalyticsPool implements AutoCloseable {
    private final WarehouseConnection warehouse;
    private final int k;
    private final Semaphore permits;
    private final BlockingQueue<AnalyticsService> idle = new LinkedBlockingQueue<>();

    AnalyticsPool(WarehouseConnection warehouse, int size, int k) {
        this.warehouse = Objects.requireNonNull(warehouse, "warehouse");
        this.permits = new Semaphore(size, true);
        this.k = k;
    }

    <T> T apply(Function<AnalyticsService, T> work) {
        permits.acquireUninterruptibly();
        try {
            AnalyticsService service = idle.poll();
            if (service == null) {
                service = open();
            }
            boolean healthy = false;
            try {
                T result = work.apply(service);
                healthy = true;
                return result;
            } catch (IllegalArgumentException | NoSuchElementException e) {
                healthy = true;
                throw e;
            } finally {
                if (healthy) {
                    idle.add(service);
                } else {
                    closeQuietly(service);
                }
            }
        } finally {
            permits.release();
        }
    }

    private AnalyticsService open() {
        try {
            return AnalyticsService.open(warehouse, k);
        } catch (SQLException e) {
            throw new WarehouseUnavailableException("the warehouse at " + warehouse.url() + " cannot be reached: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(AnalyticsService service) {
        try {
            service.close();
        } catch (SQLException ignored) {
            // The connection is being dropped because it failed; a failure to close it adds nothing.
        }
    }

    @Override
    public void close() {
        AnalyticsService service;
        while ((service = idle.poll()) != null) {
            closeQuietly(service);
        }
    }
}
