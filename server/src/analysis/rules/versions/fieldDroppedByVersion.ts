/**
 * A field whose feature gate is off at the target version is removed by the API server before
 * validation (K: pkg/api/pod/util.go dropDisabledFields, from PrepareForCreate; a Job's own fields:
 * pkg/registry/batch/job/strategy.go PrepareForCreate): no error, the pod is
 * simply stored without it. Pod Lens analyses the pod without it too and says so here, once per field.
 * Which fields go at which release: model/droppedFields.ts (one DropSpec per gate; add new gates there
 * and give a new DropEffect its sentence below).
 * https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/
 */
import * as l10n from '@vscode/l10n';
import type { DropEffect, DroppedField } from '../../../model/droppedFields';
import type { PodSpecModel } from '../../../model/pod';
import { get, int } from '../../../model/tree';
import { FEATURES, formatKubeVersion } from '../../../model/version';
import type { Rule } from '../rule';
import { specPathOf } from '../shared/fieldPaths';
import { jobSpecOf } from '../shared/podParts';
import { joinSentences } from '../../listWords';

function effectText(pod: PodSpecModel, d: DroppedField): string {
  const effect: DropEffect = d.effect;
  switch (effect) {
    case 'podRestartPolicy':
      return l10n.t('The container follows the pod\'s restartPolicy ({0}).', pod.restartPolicy.value);
    case 'regularInitContainer':
      return l10n.t('It runs as a regular init container: when it fails, the pod\'s restartPolicy ({0}) decides whether it is retried.', pod.restartPolicy.value);
    case 'noRestartRules':
      return l10n.t('Its exit-code rules do not apply.');
    case 'hookRemoved':
      return l10n.t('The hook has no other handler, so the whole hook is removed: nothing runs.');
    case 'handlerRemoved':
      return l10n.t('Only the hook\'s other handler runs.');
    case 'defaultStopSignal':
      return l10n.t('The container runtime stops the container with the image\'s STOPSIGNAL, or SIGTERM when the image sets none.');
    case 'noInPlaceResize':
      return l10n.t('In-place resize is not available at this release: the container\'s resources change only when the pod is recreated.');
    case 'hostUserNamespace':
      return l10n.t('The pod shares the host\'s user namespace, as if hostUsers were true.');
    case 'mergeGroups':
      return l10n.t('The container processes also get the groups the image\'s /etc/group gives the user (the Merge behaviour).');
    case 'imageVolumeRemoved':
      return l10n.t('It is an image volume: every volumeMount of it is removed too, so the containers start without it.');
    case 'noDeviceClaims':
      return l10n.t('No devices are allocated for these claims.');
    case 'jobBackoffLimit': {
      // SetDefaults_Job runs before PrepareForCreate drops the field, so a missing backoffLimit is already MaxInt32.
      const limit = int(get(jobSpecOf(pod)?.node, 'backoffLimit'));
      return limit === undefined
        ? l10n.t('backoffLimit was already defaulted to 2147483647 because of it (defaulting runs before the drop), so failed pods are retried without limit.')
        : l10n.t('backoffLimit ({0}) counts the failed pods of all indexes together.', limit);
    }
    case 'failIndexRuleRemoved':
      return l10n.t('The rule is removed: a matching failure is handled by the later rules, or counts toward backoffLimit.');
    case 'allCompletions':
      return l10n.t('The Job succeeds only once all its completions have succeeded.');
    case 'defaultReplacement':
      return l10n.t('A replacement pod starts as soon as the old one is terminating, or, with a podFailurePolicy, once it has fully terminated (the Job controller\'s behaviour without the field).');
    case 'none':
      return '';
  }
}

export const fieldDroppedByVersion: Rule = {
  code: 'field-dropped-by-version',
  severity: 'information',
  summary: () => l10n.t('A field the API server drops at the target Kubernetes version because its feature gate is off by default.'),
  docUrl: 'https://kubernetes.io/docs/reference/command-line-tools-reference/feature-gates/',
  check({ analysis: { pod }, version }) {
    return pod.dropped.map((d) => {
      const path = `${d.scope === 'job' ? jobSpecOf(pod)?.path ?? 'spec' : specPathOf(pod)}.${d.path}`;
      const on = FEATURES[d.gate];
      const head = on < 99
        ? l10n.t('{0} is dropped by the API server at Kubernetes {1}: the {2} feature gate is off by default (on from 1.{3}).', path, formatKubeVersion(version), d.gate, String(on))
        : l10n.t('{0} is dropped by the API server at Kubernetes {1}: the {2} feature gate is off by default.', path, formatKubeVersion(version), d.gate);
      return {
        span: d.entry.keySpan,
        message: joinSentences([head, effectText(pod, d)]),
        data: { field: d.path, gate: d.gate, ...(d.container ? { container: { list: d.container.listKey, index: d.container.index } } : {}) },
      };
    });
  },
};
