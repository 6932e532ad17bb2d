/**
 * Container names must be unique across app, init and ephemeral containers of a pod.
 * Spec: pkg/apis/core/validation validateContainers, validateInitContainers, validateEphemeralContainers.
 * https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../../model/pod';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { containerAnchor, nodeSpan } from '../shared/spans';

export const duplicateContainerName: Rule = {
  code: 'duplicate-container-name',
  severity: 'error',
  summary: () => l10n.t('Two containers of a pod share a name.'),
  docUrl: 'https://kubernetes.io/docs/concepts/workloads/pods/init-containers/#detailed-behavior',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    const apps = pod.containers.filter((c) => c.listKey === 'containers');
    const inits = pod.containers.filter((c) => c.listKey === 'initContainers');
    const ephemeral = pod.containers.filter((c) => c.listKey === 'ephemeralContainers');
    // The API server checks app containers first, then init containers against app + earlier init
    // containers, then ephemeral containers against everything; the later one is reported.
    const seen = new Map<string, ContainerModel>();
    for (const c of [...apps, ...inits, ...ephemeral]) {
      if (c.name === '') continue;
      const first = seen.get(c.name);
      if (!first) { seen.set(c.name, c); continue; }
      out.push({
        span: nodeSpan(c.nameNode, containerAnchor(c)),
        message: l10n.t('{0}.name: Duplicate value: {1}. The name is already used by {2}; container names must be unique across containers, initContainers and ephemeralContainers.', containerPath(pod, c), q(c.name), containerPath(pod, first)),
        data: { container: { list: c.listKey, index: c.index }, suggestion: uniqueName(c.name, seen) },
      });
    }
    return out;
  },
};

function uniqueName(name: string, taken: ReadonlyMap<string, unknown>): string {
  for (let i = 2; ; i++) {
    const candidate = `${name.slice(0, 60)}-${i}`;
    if (!taken.has(candidate)) return candidate;
  }
}
