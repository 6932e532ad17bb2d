/**
 * Container names are required and must be DNS-1123 labels (lower case letters, digits and '-',
 * at most 63 characters). Spec: pkg/apis/core/validation validateContainerCommon, ValidateDNS1123Label.
 * https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names
 */
import * as l10n from '@vscode/l10n';
import { entry } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { dns1123LabelErrors } from '../shared/names';
import { containerAnchor, nodeSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const invalidContainerName: Rule = {
  code: 'invalid-container-name',
  severity: 'error',
  summary: () => l10n.t('A container name is missing or is not a DNS-1123 label.'),
  docUrl: 'https://kubernetes.io/docs/concepts/overview/working-with-objects/names/#dns-label-names',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      const path = `${containerPath(pod, c)}.name`;
      if (c.name === '') {
        if (isPresentNull(entry(c.node, 'name'))) continue;
        out.push({
          span: entry(c.node, 'name')?.keySpan ?? containerAnchor(c),
          message: l10n.t('{0}: Required value. Every container needs a name; it identifies the container in logs, status and kubectl commands.', path),
          data: { container: { list: c.listKey, index: c.index } },
        });
        continue;
      }
      for (const detail of dns1123LabelErrors(c.name)) {
        out.push({
          span: nodeSpan(c.nameNode, containerAnchor(c)),
          message: l10n.t('{0}: Invalid value: {1}: {2}. Container names must be DNS-1123 labels: lower case letters, digits and \'-\', starting and ending with a letter or digit, at most 63 characters.', path, q(c.name), detail),
          data: { container: { list: c.listKey, index: c.index }, suggestion: suggestName(c.name) },
        });
      }
    }
    return out;
  },
};

/** A valid label close to the given name (lower case, invalid characters to '-'). */
export function suggestName(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
  return s === '' ? 'container' : s;
}
