import type { Child } from "hono/jsx";
import { retention } from "../../../platform/jobs/jobs.js";
import { EmptyState, PageHeader } from "../../../ui/components/common.js";
import { formatDate, RelativeTime } from "../../../ui/components/time.js";
import type { FailedJob, JobsOverview, QueueSummary, ScheduleSummary } from "../queries.js";

const number = (n: number) => n.toLocaleString("en-GB");

export function JobsPage({ overview, timeZone }: { overview: JobsOverview; timeZone: string }) {
  return (
    <>
      <PageHeader
        title="Background jobs"
        lead={`Work Convene does away from page requests, such as tidying expired sign-ins. Finished jobs are counted for ${retention.archiveAfterHours} hours; failures are listed for ${retention.deleteAfterDays} days.`}
      />
      {overview.installed ? (
        <>
          <Queues queues={overview.queues} />
          <Schedules schedules={overview.schedules} />
          <Failures failures={overview.failures} timeZone={timeZone} />
        </>
      ) : (
        <EmptyState title="The job queue has not started yet">
          <p>
            It sets itself up the first time <code>convene serve</code> starts on this database. Queues,
            schedules and failures will show here after that.
          </p>
        </EmptyState>
      )}
    </>
  );
}

function Section({ id, title, children }: { id: string; title: string; children: Child }) {
  return (
    <section aria-labelledby={id} style="margin-bottom:2rem">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** The section's empty state; the section heading already names it. */
function Nothing({ children }: { children: string }) {
  return (
    <div class="empty-state">
      <p>{children}</p>
    </div>
  );
}

function Queues({ queues }: { queues: QueueSummary[] }) {
  return (
    <Section id="queues-title" title="Queues">
      {queues.length === 0 ? (
        <Nothing>No queues yet: features create theirs when the server starts.</Nothing>
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile">
            <caption class="visually-hidden">Jobs in each queue, by state</caption>
            <thead>
              <tr>
                <th scope="col">Queue</th>
                <th scope="col">Queued</th>
                <th scope="col">Running</th>
                <th scope="col">Completed</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {queues.map((queue) => (
                <tr>
                  <td>
                    <code>{queue.name}</code>
                  </td>
                  <td data-label="Queued">{number(queue.queued)}</td>
                  <td data-label="Running">{number(queue.active)}</td>
                  <td data-label="Completed">{number(queue.completed)}</td>
                  <td data-label="Failed">{number(queue.failed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Schedules({ schedules }: { schedules: ScheduleSummary[] }) {
  return (
    <Section id="schedules-title" title="Schedules">
      {schedules.length === 0 ? (
        <Nothing>Nothing runs on a schedule yet.</Nothing>
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile">
            <caption class="visually-hidden">Jobs sent on a schedule, with their next run</caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Cron</th>
                <th scope="col">Time zone</th>
                <th scope="col">Next run</th>
              </tr>
            </thead>
            <tbody>
              {schedules.map((schedule) => (
                <tr>
                  <td>
                    <code>{schedule.name}</code>
                  </td>
                  <td data-label="Cron">
                    <code>{schedule.cron}</code>
                  </td>
                  <td data-label="Time zone">{schedule.timeZone}</td>
                  <td data-label="Next run">
                    {schedule.nextRun ? (
                      <time datetime={schedule.nextRun.toISOString()}>
                        {formatDate(schedule.nextRun, schedule.timeZone, true)}
                      </time>
                    ) : (
                      "Not a valid schedule"
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

function Failures({ failures, timeZone }: { failures: FailedJob[]; timeZone: string }) {
  return (
    <Section id="failures-title" title="Recent failures">
      {failures.length === 0 ? (
        <Nothing>{`No job has failed in the last ${retention.deleteAfterDays} days.`}</Nothing>
      ) : (
        <div class="table-wrap">
          <table class="stack-on-mobile">
            <caption class="visually-hidden">
              The {failures.length} most recent jobs that failed after all their retries
            </caption>
            <thead>
              <tr>
                <th scope="col">Job</th>
                <th scope="col">Error</th>
                <th scope="col">Attempts</th>
                <th scope="col">Failed</th>
              </tr>
            </thead>
            <tbody>
              {failures.map((failure) => (
                <tr>
                  <td>
                    <code>{failure.queue}</code>
                  </td>
                  <td data-label="Error">{failure.error || "No message recorded"}</td>
                  <td data-label="Attempts">{failure.attempts}</td>
                  <td data-label="Failed">
                    <RelativeTime date={failure.failedAt} timeZone={timeZone} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}
