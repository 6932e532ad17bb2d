/**
 * Hover on activeDeadlineSeconds, pod level (the kubelet fails the pod) and Job level (the Job
 * controller fails the Job and terminates its pods).
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-phase
 * https://kubernetes.io/docs/concepts/workloads/controllers/job/#job-termination-and-cleanup
 */
import * as l10n from '@vscode/l10n';
import { get, getPath, int } from '../../../model/tree';
import type { HoverTarget } from '../context';
import { blocks, bullets, DOCS, heading, link, secs } from '../md';

const FORBIDDEN = new Set(['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet', 'StatefulSet']);

/** Path from the workload root to the Job spec, for Jobs and CronJobs. */
export function jobSpecPath(kind: string): readonly string[] | undefined {
  return kind === 'Job' ? ['spec'] : kind === 'CronJob' ? ['spec', 'jobTemplate', 'spec'] : undefined;
}

export function activeDeadlineHover(t: HoverTarget): string | undefined {
  const { pod } = t.analysis;
  const jobPath = jobSpecPath(pod.kind);
  if (jobPath && t.path.length === jobPath.length + 1 && jobPath.every((k, i) => t.path[i] === k) && t.path[jobPath.length] === 'activeDeadlineSeconds') {
    const v = int(get(getPath(pod.root, jobPath), 'activeDeadlineSeconds'));
    return blocks(
      heading(l10n.t('Job activeDeadlineSeconds: {0}', v === undefined ? '—' : secs(v))),
      bullets([
        l10n.t('Counts from the start of the Job, across every pod and retry.'),
        l10n.t('When it passes, the Job controller terminates all running pods (with their grace period) and the Job fails with reason DeadlineExceeded; it wins over backoffLimit.'),
      ]),
      link(DOCS.jobDeadline),
    );
  }
  const p = t.inSpec;
  if (!p || p.length !== 1 || p[0] !== 'activeDeadlineSeconds') return undefined;
  const d = pod.activeDeadlineSeconds?.value;
  return blocks(
    heading(l10n.t('activeDeadlineSeconds: {0}', d === undefined ? '—' : secs(d))),
    FORBIDDEN.has(pod.kind)
      ? l10n.t('A {0} rejects it: its pods are meant to run forever, and a deadline would kill them again and again.', pod.kind)
      : bullets([
        l10n.t('Counts from when the kubelet accepted the pod (status.startTime): image pulls and init containers use it up too.'),
        l10n.t('When it passes, the kubelet kills every container (with the grace period) and the pod ends Failed with reason DeadlineExceeded; it is not restarted, whatever the restartPolicy.'),
        jobPath ? l10n.t('This limits each pod; the Job may then create a new one (counted against backoffLimit). The Job\'s own spec.activeDeadlineSeconds limits the whole Job.') : undefined,
      ]),
    link(DOCS.activeDeadline),
  );
}
