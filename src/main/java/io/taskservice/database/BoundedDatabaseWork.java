package io.taskservice.database;

import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Bounds every {@code Uni} a service method returns by {@code task-service.database.request-timeout}: a
 * database that stops answering (a frozen process, a stalled disk) costs a request at most that long,
 * then a 503, instead of holding it as long as the stall lasts. See {@link BoundedDatabaseWorkInterceptor}.
 */
@InterceptorBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface BoundedDatabaseWork {
}
