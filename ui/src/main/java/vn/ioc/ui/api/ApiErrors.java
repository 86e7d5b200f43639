package vn.ioc.ui.api;

import vn.ioc.ui.alerts.AlertsApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import vn.ioc.ui.data.WarehouseUnavailableException;

import java.util.NoSuchElementException;

/** The API's errors as JSON naming what is wrong: 400 malformed, 403 outside the user's scope, 404 unknown, 503 warehouse down. */
@RestControllerAdvice(assignableTypes = {KpiApi.class, AlertsApi.class})
final class ApiErrors {
    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    /** The body of an error answer. */
    record ApiError(int status, String error) {
    }

    @ExceptionHandler(NoSuchElementException.class)
    ResponseEntity<ApiError> unknown(NoSuchElementException e) {
        return answer(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler({IllegalArgumentException.class, MissingServletRequestParameterException.class})
    ResponseEntity<ApiError> malformed(Exception e) {
        return answer(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ApiError> refused(AccessDeniedException e) {
        return answer(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(WarehouseUnavailableException.class)
    ResponseEntity<ApiError> down(WarehouseUnavailableException e) {
        LOG.warn("API: {}", e.getMessage());
        return answer(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    private static ResponseEntity<ApiError> answer(HttpStatus status, String message) {
        return ResponseEntity.status(status).body(new ApiError(status.value(), message));
    }
}
