/**
 * A controller finds its pods by its selector, so the selector must select the pod template's labels.
 * Deployment, ReplicaSet and StatefulSet need a selector (a missing one selects nothing) and may not
 * have an empty one; a DaemonSet without a selector selects nothing; a ReplicationController without a
 * selector takes the template's labels (core/v1 SetDefaults_ReplicationController); a Job is checked
 * only with `manualSelector: true` (otherwise the API server generates the selector).
 * Spec: pkg/apis/apps/validation ValidateDeploymentSpec, ValidateReplicaSetSpec,
 * ValidatePodTemplateSpecForReplicaSet, ValidateStatefulSetSpec, ValidatePodTemplateSpecForStatefulSet,
 * ValidateDaemonSetSpec; pkg/apis/core/validation ValidateReplicationControllerSpec /
 * ValidatePodTemplateSpecForRC; pkg/apis/batch/validation validateJobSpec (metav1.LabelSelectorAsSelector,
 * labels.Selector.Matches).
 * https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector
 */
import * as l10n from '@vscode/l10n';
import { entry, getPath, isMap, isScalar } from '../../../model/tree';
import type { Span } from '../../../model/tree';
import { mapRequirements, matches, selectorRequirements, shownLabels as shown, stringMap } from '../../workspace/labelSelector';
import type { Rule, RuleFinding } from '../rule';

const APPS = new Set(['Deployment', 'ReplicaSet', 'StatefulSet']);

export const workloadSelector: Rule = {
  code: 'workload-selector',
  severity: 'error',
  summary: () => l10n.t('A workload\'s selector does not select its own pod template, or is missing or empty.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/controllers/deployment/#selector',
  quietOnTemplates: true,
  check({ analysis: { pod } }) {
    const kind = pod.kind;
    if (!APPS.has(kind) && kind !== 'DaemonSet' && kind !== 'ReplicationController' && kind !== 'Job') return [];
    if (pod.specPath.join('.') !== 'spec.template.spec') return [];
    const specEntry = entry(pod.root, 'spec');
    const spec = specEntry?.value;
    const templateEntry = entry(spec, 'template');
    const metadata = entry(templateEntry?.value, 'metadata');
    const labelsEntry = entry(metadata?.value, 'labels');
    const labels = stringMap(labelsEntry?.value);
    if (labels === 'invalid') return [];
    const selectorEntry = entry(spec, 'selector');
    const selector = selectorEntry && !(isScalar(selectorEntry.value) && selectorEntry.value.value === null) ? selectorEntry.value : undefined;
    const labelSpan: Span = labelsEntry?.keySpan ?? metadata?.keySpan ?? templateEntry?.keySpan ?? pod.anchorSpan;
    const out: RuleFinding[] = [];
    const mismatch = (): RuleFinding => ({
      span: labelSpan,
      message: l10n.t('spec.template.metadata.labels: Invalid value: {0}: `selector` does not match template `labels`. The {1} finds its pods by spec.selector, so the pod template\'s labels must be selected by it; make spec.selector and spec.template.metadata.labels agree.', shown(labels), kind),
    });

    if (kind === 'ReplicationController') {
      // A missing or empty selector is defaulted to the template's labels.
      const sel = stringMap(selector);
      if (sel === 'invalid' || !sel || sel.size === 0) return [];
      const reqs = mapRequirements(sel);
      return matches(reqs, labels ?? new Map()) ? [] : [mismatch()];
    }
    if (kind === 'Job') {
      const manual = getPath(spec, ['manualSelector']);
      if (!(isScalar(manual) && manual.value === true) || !selector) return [];
    }
    if (!selector) {
      // LabelSelectorAsSelector(nil) selects nothing.
      if (APPS.has(kind)) {
        out.push({
          span: specEntry?.keySpan ?? pod.anchorSpan,
          message: l10n.t('spec.selector: Required value. A {0} must say which pods it owns; add spec.selector.matchLabels with the pod template\'s labels.', kind),
        });
      }
      out.push(mismatch());
      return out;
    }
    if (!isMap(selector)) return [];
    const reqs = selectorRequirements(selector);
    if (!reqs) return [];
    if (reqs.length === 0) {
      // An empty selector selects everything: the match passes, but apps and DaemonSets refuse it.
      if (kind === 'Job') return [];
      const noun = kind === 'StatefulSet' ? 'statefulset' : kind === 'DaemonSet' ? 'daemonset' : 'deployment';
      return [{
        span: selectorEntry!.keySpan,
        message: l10n.t('spec.selector: Invalid value: {}: empty selector is invalid for {0}. An empty selector would select every pod in the namespace; select the pod template\'s labels.', noun),
      }];
    }
    return matches(reqs, labels ?? new Map()) ? [] : [mismatch()];
  },
};
