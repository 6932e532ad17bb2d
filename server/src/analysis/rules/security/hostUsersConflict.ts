/**
 * `hostUsers: false` runs the pod in its own user namespace (UserNamespacesSupport: beta, on by default,
 * in 1.33; GA 1.36). The API server then forbids the host's network, PID and IPC namespaces and raw
 * block devices (`volumeDevices`), and a Windows pod may not set hostUsers at all. Below 1.33 the field
 * is dropped (dropDisabledFields) and the pod shares the host's user namespace.
 * Spec: pkg/apis/core/validation validateHostUsers (paths verbatim, including `spec.HostPID` and
 * `spec.HostIPC`; hostNetwork is allowed only with the alpha UserNamespacesHostNetworkSupport) and validateWindows.
 * https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { bool, entry, getPath, isSeq, str } from '../../../model/tree';
import { featureEnabled } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, specPathOf } from '../shared/fieldPaths';
import { keySpan } from '../shared/spans';

export const hostUsersConflict: Rule = {
  code: 'host-users-conflict',
  severity: 'error',
  summary: () => l10n.t('hostUsers: false together with a host namespace or volumeDevices, or hostUsers on a Windows pod.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/user-namespaces/',
  check({ analysis: { pod }, version }) {
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!featureEnabled(version, 'UserNamespacesSupport')) return [];
    const hostUsers = entry(pod.spec, 'hostUsers');
    const value = bool(hostUsers?.value);
    if (!hostUsers || value === undefined || isDropped(pod.dropped, hostUsers)) return [];
    const spec = specPathOf(pod);
    const out: RuleFinding[] = [];
    if (str(getPath(pod.spec, ['os', 'name'])) === 'windows') {
      out.push({ span: hostUsers.keySpan, message: l10n.t('{0}.hostUsers: Forbidden: cannot be set for a windows pod. User namespaces are a Linux feature; remove hostUsers.', spec) });
    }
    if (value) return out;
    // validateHostUsers names these fields with Go's field names: spec.HostPID, spec.HostIPC.
    const hosts: [string, string, string][] = [['hostNetwork', 'hostNetwork', l10n.t('network')], ['hostPID', 'HostPID', 'PID'], ['hostIPC', 'HostIPC', 'IPC']];
    for (const [key, printed, namespace] of hosts) {
      const e = entry(pod.spec, key);
      if (bool(e?.value) !== true) continue;
      out.push({
        span: keySpan(e, hostUsers.keySpan),
        message: l10n.t('{0}.{1}: Forbidden: when `hostUsers` is false. A pod in its own user namespace cannot share the host\'s {2} namespace; remove {3} or hostUsers: false.', spec, printed, namespace, key),
      });
    }
    for (const c of [...pod.containers].sort((a, b) => ORDER[a.listKey] - ORDER[b.listKey])) {
      const e = entry(c.node, 'volumeDevices');
      if (!e || !isSeq(e.value) || e.value.items.length === 0) continue;
      out.push({
        span: e.keySpan,
        message: l10n.t('{0}.volumeDevices: Forbidden: when `hostUsers` is false. Raw block devices cannot be ID-mapped into a user namespace; use volumeMounts or run the pod with host users.', containerPath(pod, c)),
      });
    }
    return out;
  },
};

/** podshelper.VisitContainersWithPath order: init containers, containers, ephemeral containers. */
const ORDER = { initContainers: 0, containers: 1, ephemeralContainers: 2 } as const;
