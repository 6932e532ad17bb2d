/**
 * Hover on the workload `kind`: what the controller does with this pod (restart policy constraints,
 * replacement, ordering, Job completion and retries), with the values written in this object.
 * https://kubernetes.io/docs/concepts/workloads/
 */
import * as l10n from '@vscode/l10n';
import type { PodSpecModel } from '../../../model/pod';
import { isDropped } from '../../../model/droppedFields';
import { entry, get, getPath, int, isMap, str } from '../../../model/tree';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link } from '../md';

export function kindHover(t: HoverTarget): string | undefined {
  if (t.path.length !== 1 || t.path[0] !== 'kind') return undefined;
  const pod = t.analysis.pod;
  const policy = pod.restartPolicy.value;
  const name = pod.name ? ` ${code(pod.name)}` : '';
  return blocks(heading(`${pod.kind}${name}`), ...body(pod, policy));
}

function body(pod: PodSpecModel, policy: string): string[] {
  const spec = get(pod.root, 'spec');
  const replicas = int(get(spec, 'replicas')) ?? 1;
  const always = l10n.t('restartPolicy must be Always (it is {0} here).', policy);
  switch (pod.kind) {
    case 'Pod':
      return [bullets([
        l10n.t('A bare Pod: no controller recreates it if it is deleted, evicted, or its node fails.'),
        l10n.t('Its containers restart in place according to restartPolicy ({0}).', policy),
      ]), link(DOCS.pods)];
    case 'Deployment':
      return [bullets([
        l10n.t('Keeps {0} replica(s) of this pod through a ReplicaSet; a pod that is deleted or lost is replaced by a new one (new name, new IP).', replicas),
        l10n.t('A template change rolls out a new ReplicaSet (see strategy).'),
        always,
      ]), link(DOCS.deployment)];
    case 'ReplicaSet':
    case 'ReplicationController':
      return [bullets([
        l10n.t('Keeps {0} replica(s) of this pod running; a pod that is deleted or lost is replaced. A template change does not touch existing pods.', replicas),
        always,
      ]), link(pod.kind === 'ReplicaSet' ? DOCS.replicaSet : DOCS.replicationController)];
    case 'StatefulSet': {
      const parallel = str(get(spec, 'podManagementPolicy')) === 'Parallel';
      const base = pod.name ?? 'name';
      return [bullets([
        l10n.t('Creates {0} pod(s) with stable names {1} … and their own volumes; a replaced pod keeps its name and volumes.', replicas, code(`${base}-0`)),
        parallel
          ? l10n.t('podManagementPolicy Parallel: pods are created and deleted all at once.')
          : l10n.t('podManagementPolicy OrderedReady: each pod must be Running and Ready before the next is created; scale-down goes in reverse.'),
        always,
      ]), link(DOCS.statefulSet)];
    }
    case 'DaemonSet':
      return [bullets([
        l10n.t('Runs one copy of this pod on every eligible node, and adds one when a node joins.'),
        l10n.t('Its pods tolerate not-ready, unreachable and pressure taints automatically, so they are not evicted from a failing node.'),
        always,
      ]), link(DOCS.daemonSet)];
    case 'Job':
      return [job(spec, policy, pod), link(DOCS.job)];
    case 'CronJob':
      return [bullets([
        l10n.t('Creates a Job from jobTemplate on the schedule {0} (concurrencyPolicy {1}).', code(str(get(spec, 'schedule')) ?? '?'), str(get(spec, 'concurrencyPolicy')) ?? 'Allow'),
      ]), job(getPath(spec, ['jobTemplate', 'spec']), policy, pod), link(DOCS.cronJob)];
    case 'PodTemplate':
      return [l10n.t('A stored template: nothing runs it by itself.'), link(DOCS.podTemplate)];
  }
}

/**
 * The Job's completion and failure handling, with the API server's defaults (K: pkg/apis/batch/v1
 * defaults.go SetDefaults_Job: backoffLimit 6, or MaxInt32 with backoffLimitPerIndex; podReplacementPolicy
 * Failed with a podFailurePolicy, else TerminatingOrFailed) and the Job controller's pod-failure back-off
 * (K: pkg/controller/job/job_controller.go DefaultJobPodFailureBackOff 10 s, MaxJobPodFailureBackOff 10 min).
 * Fields the API server drops at the target version (model/droppedFields.ts, K: pkg/registry/batch/job/strategy.go
 * PrepareForCreate) are left out; defaulting runs before the drop, so backoffLimit still follows the written
 * backoffLimitPerIndex. Without podReplacementPolicy the controller replaces a pod once it is terminating, or once
 * it has failed when there is a podFailurePolicy (job_controller.go onlyReplaceFailedPods): the defaults below.
 */
function job(spec: ReturnType<typeof get>, policy: string, pod: PodSpecModel): string {
  const kept = (key: string) => { const e = entry(spec, key); return isDropped(pod.dropped, e) ? undefined : e?.value; };
  const completions = int(get(spec, 'completions'));
  const parallelism = int(get(spec, 'parallelism')) ?? 1;
  const perIndex = int(kept('backoffLimitPerIndex'));
  const maxFailedIndexes = int(kept('maxFailedIndexes'));
  const backoffLimit = int(get(spec, 'backoffLimit')) ?? (int(get(spec, 'backoffLimitPerIndex')) !== undefined ? 2147483647 : 6);
  const replacement = str(kept('podReplacementPolicy')) ?? (isMap(get(spec, 'podFailurePolicy')) ? 'Failed' : 'TerminatingOrFailed');
  return bullets([
    completions === undefined && parallelism > 1
      ? l10n.t('No completions, parallelism {0}: a work queue; the Job is complete once any pod succeeds and all have ended.', parallelism)
      : l10n.t('Complete when {0} pod(s) have succeeded (exit 0 of every app container); parallelism {1}.', completions ?? 1, parallelism),
    policy === 'Always'
      ? l10n.t('restartPolicy must be OnFailure or Never: Always (the default) is rejected.')
      : l10n.t('restartPolicy {0}: {1}', policy, policy === 'Never'
        ? l10n.t('a failed pod is replaced by a new pod.')
        : l10n.t('failed containers restart in the same pod.')),
    perIndex === undefined
      ? l10n.t('Fails after {0} retries (backoffLimit); failed pods are recreated with back-off 10 s, 20 s, 40 s … capped at 10 min.', backoffLimit)
      : l10n.t('Each index may fail {0} time(s) (backoffLimitPerIndex) before it is marked failed; failed pods are recreated with back-off 10 s, 20 s, 40 s … capped at 10 min. backoffLimit defaults to 2147483647 here, so it never ends the Job first.', perIndex),
    ...(perIndex === undefined ? [] : [maxFailedIndexes === undefined
      ? l10n.t('No maxFailedIndexes: the other indexes keep running, and the Job fails at the end if any index failed.')
      : l10n.t('The Job fails as soon as more than {0} index(es) have failed (maxFailedIndexes).', maxFailedIndexes)]),
    ...(isMap(kept('successPolicy'))
      ? [l10n.t('successPolicy: the Job succeeds as soon as one of its rules is met (succeededIndexes, succeededCount); its remaining pods are terminated.')]
      : []),
    replacement === 'Failed'
      ? l10n.t('podReplacementPolicy Failed: a replacement pod is created only once the old pod has fully terminated.')
      : l10n.t('podReplacementPolicy {0}: a replacement pod is created as soon as the old pod is terminating, so both can run for a while.', replacement),
    l10n.t('Sidecars do not keep a pod from completing: they are stopped once the app containers have exited.'),
  ]);
}
