/**
 * batch/v1 tables (printers.go printJob, printCronJob): jobs NAME STATUS COMPLETIONS DURATION AGE,
 * cronjobs NAME SCHEDULE TIMEZONE SUSPEND ACTIVE LAST SCHEDULE AGE, each with CONTAINERS IMAGES SELECTOR
 * under -o wide.
 */
import type { KubeObject } from '../../api/types.ts';
import { parseTime } from '../../sim/clock.ts';
import { ageCol, col, CONTAINERS_DESCRIPTION, IMAGES_DESCRIPTION, nameCol, type Printer } from './table.ts';
import { humanDuration, translateTimestampSince } from './human-duration.ts';
import { arr, field, formatLabelSelector, int, layoutContainerCells, str } from './format.ts';
import type { LabelSelectorLike } from '../../api/labels/selector.ts';

export const jobPrinter: Printer = {
  columns: [
    nameCol(),
    col('Status', 'string', 'Status of the job.'),
    col('Completions', 'string', 'The number of pods that have run to completion and the number that should.'),
    col('Duration', 'string', 'Time required to complete the job.'),
    ageCol(),
    col('Containers', 'string', CONTAINERS_DESCRIPTION, 1),
    col('Images', 'string', IMAGES_DESCRIPTION, 1),
    col('Selector', 'string', 'A label query over pods that should match the pod count.', 1),
  ],
  row: (job, nowMs) => {
    const spec = (job.spec ?? {}) as Record<string, unknown>;
    const status = (job.status ?? {}) as Record<string, unknown>;
    const succeeded = int(status.succeeded);
    let completions: string;
    if (typeof spec.completions === 'number') completions = `${succeeded}/${spec.completions}`;
    else {
      const parallelism = int(spec.parallelism);
      completions = parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
    }
    const start = str(status.startTime);
    const done = str(status.completionTime);
    let duration = '';
    if (start && !done) duration = humanDuration(nowMs - parseTime(start));
    else if (start && done) duration = humanDuration(parseTime(done) - parseTime(start));
    const [names, images] = layoutContainerCells(arr(field(spec, 'template', 'spec', 'containers')));
    return {
      cells: [
        job.metadata.name ?? '',
        jobStatus(job),
        completions,
        duration,
        translateTimestampSince(job.metadata.creationTimestamp, nowMs),
        names,
        images,
        formatLabelSelector(spec.selector as LabelSelectorLike | undefined),
      ],
    };
  },
};

function jobStatus(job: KubeObject): string {
  const conditions = arr<{ type: string; status: string }>(field(job, 'status', 'conditions'));
  const has = (type: string) => conditions.some((c) => c.type === type && c.status === 'True');
  if (has('Complete')) return 'Complete';
  if (has('Failed')) return 'Failed';
  if (job.metadata.deletionTimestamp) return 'Terminating';
  if (has('Suspended')) return 'Suspended';
  if (has('FailureTarget')) return 'FailureTarget';
  if (has('SuccessCriteriaMet')) return 'SuccessCriteriaMet';
  return 'Running';
}

export const cronJobPrinter: Printer = {
  columns: [
    nameCol(),
    col('Schedule', 'string', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
    col('Timezone', 'string', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones.'),
    col('Suspend', 'boolean', 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.'),
    col('Active', 'integer', 'A list of pointers to currently running jobs.'),
    col('Last Schedule', 'string', 'Information when was the last time the job was successfully scheduled.'),
    ageCol(),
    col('Containers', 'string', CONTAINERS_DESCRIPTION, 1),
    col('Images', 'string', IMAGES_DESCRIPTION, 1),
    col('Selector', 'string', 'A label query over pods that should match the pod count.', 1),
  ],
  row: (cj, nowMs) => {
    const spec = (cj.spec ?? {}) as Record<string, unknown>;
    const status = (cj.status ?? {}) as Record<string, unknown>;
    const last = str(status.lastScheduleTime);
    const [names, images] = layoutContainerCells(arr(field(spec, 'jobTemplate', 'spec', 'template', 'spec', 'containers')));
    const suspend = spec.suspend;
    return {
      cells: [
        cj.metadata.name ?? '',
        str(spec.schedule),
        typeof spec.timeZone === 'string' ? spec.timeZone : '<none>',
        typeof suspend === 'boolean' ? (suspend ? 'True' : 'False') : '<unset>',
        arr(status.active).length,
        last ? translateTimestampSince(last, nowMs) : '<none>',
        translateTimestampSince(cj.metadata.creationTimestamp, nowMs),
        names,
        images,
        formatLabelSelector(field(spec, 'jobTemplate', 'spec', 'selector') as LabelSelectorLike | undefined),
      ],
    };
  },
};
