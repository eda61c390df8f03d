package dispatch.common;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

/**
 * Starts the scheduled jobs (held by {@code quarkus.scheduler.start-mode=halted}) once every
 * application start-up observer has run: the demo content's bulk load holds its tables' locks
 * until it commits, and a job run meanwhile would wait for them and fail.
 */
@ApplicationScoped
class ScheduledJobsStart {

    private final Scheduler scheduler;

    ScheduledJobsStart(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** After the application's own observers, which have the default priority (APPLICATION + 500). */
    void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) StartupEvent event) {
        scheduler.resume();
    }
}
