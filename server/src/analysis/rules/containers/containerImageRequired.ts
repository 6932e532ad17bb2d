/**
 * Every container needs an image. Spec: pkg/apis/core/validation validateContainerCommon
 * (`image: Required value`) and, for Pods only, validateContainerOnlyForPod (no surrounding whitespace).
 * https://kubernetes.io/docs/concepts/containers/images/
 */
import * as l10n from '@vscode/l10n';
import { entry, isScalar } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerPath, q } from '../shared/fieldPaths';
import { containerAnchor, keySpan, nodeSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const containerImageRequired: Rule = {
  code: 'container-image-required',
  severity: 'error',
  summary: () => l10n.t('A container has no image, or an image with surrounding spaces.'),
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      const e = entry(c.node, 'image');
      const image = c.image ?? '';
      if (image === '' && !isPresentNull(e)) {
        out.push({
          span: keySpan(e, containerAnchor(c)),
          message: l10n.t('{0}.image: Required value. Without an image the kubelet has nothing to run for this container.', containerPath(pod, c)),
          data: { container: { list: c.listKey, index: c.index } },
        });
      } else if ((pod.kind === 'Pod' || c.listKey === 'ephemeralContainers') && isScalar(c.imageNode) && image.trim() !== image) {
        out.push({
          span: nodeSpan(c.imageNode, containerAnchor(c)),
          message: l10n.t('{0}.image: Invalid value: {1}: must not have leading or trailing whitespace. Remove the spaces around the image reference.', containerPath(pod, c), q(image)),
          data: { container: { list: c.listKey, index: c.index }, value: image.trim() },
        });
      }
    }
    return out;
  },
};
