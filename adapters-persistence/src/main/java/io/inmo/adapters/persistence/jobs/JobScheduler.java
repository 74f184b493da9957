package io.inmo.adapters.persistence.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Durable, cluster-safe background jobs with db-scheduler on the {@code scheduled_tasks} table
 * (0003): each job runs on one node at a time, wherever a node is up; a node that dies mid-run
 * leaves the job to another after its heartbeat goes stale. The jobs themselves are plain {@link
 * Runnable}s handed in by the composition root (use-case calls), so no application code depends on
 * the scheduler.
 */
public final class JobScheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobScheduler.class);

  /** A recurring job: its unique name, when it runs, and what it does. */
  public record Job(String name, Schedule schedule, Runnable work) {
    public Job {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(schedule, "schedule");
      Objects.requireNonNull(work, "work");
    }
  }

  private final Scheduler scheduler;

  private JobScheduler(Scheduler scheduler) {
    this.scheduler = scheduler;
  }

  /** Registers the jobs and starts polling for due executions. */
  public static JobScheduler start(
      DataSource dataSource, List<Job> jobs, Duration pollingInterval) {
    List<RecurringTask<Void>> tasks =
        jobs.stream()
            .map(
                job ->
                    Tasks.recurring(job.name(), job.schedule())
                        .execute(
                            (instance, context) -> {
                              try {
                                job.work().run();
                              } catch (RuntimeException e) {
                                // logged here; db-scheduler reschedules the recurring job
                                LOG.error("job {} failed", job.name(), e);
                                throw e;
                              }
                            }))
            .toList();
    Scheduler scheduler =
        Scheduler.create(dataSource)
            .startTasks(tasks)
            .threads(2)
            .pollingInterval(pollingInterval)
            .shutdownMaxWait(Duration.ofSeconds(5))
            .build();
    scheduler.start();
    return new JobScheduler(scheduler);
  }

  @Override
  public void close() {
    scheduler.stop();
  }
}
