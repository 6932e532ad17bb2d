/**
 * A container's own restartPolicy and its restartPolicyRules (ContainerRestartRules, on from 1.35):
 * K: pkg/apis/core/validation validateContainerRestartPolicy (regular containers via validateContainers,
 * init containers via validateInitContainerRestartPolicy). The policy must be Always/Never/OnFailure
 * and is required when rules are used; at most 20 rules; each rule needs an action (Restart, and from
 * 1.36 RestartAllContainers) and exitCodes with operator In/NotIn and at most 255 values. A sidecar
 * (init container with Always) may not have rules at 1.35; from 1.36 (RestartAllContainersOnContainerExits)
 * it may. 1.35 words the two limits with field.TooLong ("may not be more than 20 bytes", no value),
 * 1.36+ with field.TooMany ("Too many: 21: must have at most 20 items").
 * An unsupported value on an init container is init-container-restart-policy's; ephemeral containers
 * are ephemeral-container-field's; before 1.35 the fields are dropped (1.34) or rejected (<= 1.33).
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restart-rules
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { entry, isMap, isSeq, items, str } from '../../../model/tree';
import type { YEntry } from '../../../model/tree';
import { atLeast, featureEnabled } from '../../../model/version';
import type { KubeVersion } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { keySpan, valueSpan } from '../shared/spans';
import { isPresentNull, setEntry } from '../shared/values';

const POLICIES = ['Always', 'Never', 'OnFailure'];
const MAX_RULES = 20;
const MAX_VALUES = 255;

/** `Too long` (1.35, field.TooLong: no value, "bytes") or `Too many` (1.36+, field.TooMany). */
function tooManyRules(version: KubeVersion, path: string, n: number): string {
  return atLeast(version, 36)
    ? l10n.t('{0}: Too many: {1}: must have at most {2} items. A container may have at most {2} restart rules.', path, String(n), String(MAX_RULES))
    : l10n.t('{0}: Too long: may not be more than {1} bytes. A container may have at most {1} restart rules.', path, String(MAX_RULES));
}

function tooManyValues(version: KubeVersion, path: string, n: number): string {
  return atLeast(version, 36)
    ? l10n.t('{0}: Too many: {1}: must have at most {2} items. A restart rule may list at most {2} exit codes; use NotIn for the complement.', path, String(n), String(MAX_VALUES))
    : l10n.t('{0}: Too long: may not be more than {1} bytes. A restart rule may list at most {1} exit codes; use NotIn for the complement.', path, String(MAX_VALUES));
}

function checkRules(pod: PodSpecModel, c: ContainerModel, rulesEntry: YEntry | undefined, version: KubeVersion, out: RuleFinding[]): void {
  if (!rulesEntry || !isSeq(rulesEntry.value)) return;
  const base = `${containerPath(pod, c)}.restartPolicyRules`;
  const where = { container: { list: c.listKey, index: c.index } };
  const rules = rulesEntry.value.items;
  if (rules.length > MAX_RULES) {
    out.push({ span: rulesEntry.keySpan, message: tooManyRules(version, base, rules.length), data: where });
  }
  const actions = featureEnabled(version, 'RestartAllContainersOnContainerExits') ? ['Restart', 'RestartAllContainers'] : ['Restart'];
  rules.forEach((rule, j) => {
    const path = `${base}[${j}]`;
    const action = entry(rule, 'action');
    if (!isPresentNull(action) || action === undefined) {
      const value = str(action?.value) ?? '';
      if (!actions.includes(value)) {
        out.push({
          span: action ? valueSpan(action, rule.span) : rule.span,
          message: l10n.t('{0}.action: Unsupported value: {1}: supported values: {2}. Restart restarts this container when the rule matches; RestartAllContainers (Kubernetes 1.36+) restarts the whole pod from its first init container.', path, q(value), actions.map(q).join(', ')),
          data: where,
        });
      }
    }
    const codes = setEntry(rule, 'exitCodes');
    if (!codes) {
      if (isPresentNull(entry(rule, 'exitCodes'))) return;
      out.push({
        // No exitCodes key to point at: the rule's first key.
        span: keySpan(entry(rule, 'exitCodes'), isMap(rule) && rule.entries[0] ? rule.entries[0].keySpan : rule.span),
        message: l10n.t('{0}.exitCodes: Required value: must be specified. A restart rule matches on the container\'s exit code: give exitCodes with an operator (In or NotIn) and values.', path),
        data: where,
      });
      return;
    }
    const op = entry(codes.value, 'operator');
    if (!isPresentNull(op) || op === undefined) {
      const value = str(op?.value) ?? '';
      if (value !== 'In' && value !== 'NotIn') {
        out.push({
          span: op ? valueSpan(op, codes.keySpan) : codes.keySpan,
          message: l10n.t('{0}.exitCodes.operator: Unsupported value: {1}: supported values: "In", "NotIn". In matches the listed exit codes; NotIn matches every other code.', path, q(value)),
          data: where,
        });
      }
    }
    const values = entry(codes.value, 'values');
    const n = items(values?.value).length;
    if (values && n > MAX_VALUES) {
      out.push({ span: values.keySpan, message: tooManyValues(version, `${path}.exitCodes.values`, n), data: where });
    }
  });
}

export const invalidContainerRestartPolicy: Rule = {
  code: 'invalid-container-restart-policy',
  severity: 'error',
  summary: () => l10n.t('A container\'s own restartPolicy or restartPolicyRules that the API server rejects.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#container-restart-rules',
  check({ analysis: { pod }, version }) {
    if (!featureEnabled(version, 'ContainerRestartRules')) return [];
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      if (c.role === 'ephemeral') continue;
      const path = containerPath(pod, c);
      const policyEntry = entry(c.node, 'restartPolicy');
      if (isPresentNull(policyEntry)) continue;
      const policy = policyEntry ? str(policyEntry.value) ?? '' : undefined;
      const rulesEntry = setEntry(c.node, 'restartPolicyRules');
      const hasRules = isSeq(rulesEntry?.value) && rulesEntry.value.items.length > 0;
      const where = { container: { list: c.listKey, index: c.index } };
      if (policy === undefined) {
        if (hasRules) {
          out.push({
            span: rulesEntry!.keySpan,
            message: l10n.t('{0}.restartPolicy: Required value: must specify restartPolicy when restart rules are used. restartPolicyRules only apply to a container with its own restartPolicy (Always, Never or OnFailure), which decides when no rule matches.', path),
            data: where,
          });
        }
        // validateInitContainerRestartPolicy returns here; validateContainerRestartPolicy goes on to the rules.
        if (c.listKey !== 'initContainers') checkRules(pod, c, rulesEntry, version, out);
        continue;
      }
      if (c.listKey === 'initContainers') {
        if (policy === 'Always' && !featureEnabled(version, 'RestartAllContainersOnContainerExits')) {
          if (hasRules) {
            out.push({
              span: rulesEntry!.keySpan,
              message: l10n.t('{0}.restartPolicyRules: Forbidden: restartPolicyRules are not allowed for init containers with restart policy Always. A sidecar is always restarted; restart rules on sidecars need Kubernetes 1.36 or later (RestartAllContainersOnContainerExits).', path),
              data: where,
            });
          }
          continue;
        }
        // An unsupported value here is init-container-restart-policy's finding.
      } else if (!POLICIES.includes(policy)) {
        out.push({
          span: valueSpan(policyEntry, c.span),
          message: l10n.t('{0}.restartPolicy: Unsupported value: {1}: supported values: "Always", "Never", "OnFailure". A container\'s own restartPolicy overrides the pod\'s for this container.', path, q(policy)),
          data: where,
        });
      }
      checkRules(pod, c, rulesEntry, version, out);
    }
    return out;
  },
};
