/**
 * An image without a tag means `:latest`, and `:latest` is a moving target: nodes that pulled at
 * different times run different code, a rollback re-pulls the same moving tag, and imagePullPolicy
 * defaults to Always for it (pkg/apis/core/v1/defaults.go), so every start depends on the registry.
 * An image pinned by digest (`@sha256:...`) is immutable and fine with any tag.
 * https://kubernetes.io/docs/concepts/containers/images/#image-names
 */
import * as l10n from '@vscode/l10n';
import type { Rule, RuleFinding } from '../rule';
import { containerPath } from '../shared/fieldPaths';
import { where } from '../shared/podParts';
import { nodeSpan } from '../shared/spans';

/** 'untagged', 'latest' or undefined (pinned by tag or digest, or not an image reference). */
export function imageTagProblem(image: string): 'untagged' | 'latest' | undefined {
  const ref = image.trim();
  // Empty or templated (blanked `{{ }}` leaves spaces): unknown.
  if (ref === '' || /\s/.test(ref) || ref.includes('@')) return undefined;
  // The tag is after the last ':' of the last path component; `registry:5000/app` has no tag.
  const last = ref.slice(ref.lastIndexOf('/') + 1);
  const colon = last.lastIndexOf(':');
  if (colon < 0) return 'untagged';
  return last.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}

export const imageLatestTag: Rule = {
  code: 'image-latest-tag',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/concepts/containers/images/#image-names',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of pod.containers) {
      // Ephemeral debug containers are meant to pull the newest tools.
      if (c.role === 'ephemeral' || c.image === undefined) continue;
      const problem = imageTagProblem(c.image);
      if (!problem || !c.imageNode) continue;
      out.push({
        span: nodeSpan(c.imageNode, c.span),
        message: problem === 'untagged'
          ? l10n.t('{0}.image "{1}" has no tag, so it means :latest. The tag moves: nodes that pulled at different times run different code, rollbacks do not roll back, and imagePullPolicy defaults to Always. Pin a version tag or a digest (@sha256:...).', containerPath(pod, c), c.image)
          : l10n.t('{0}.image "{1}" uses the :latest tag. The tag moves: nodes that pulled at different times run different code, rollbacks do not roll back, and imagePullPolicy defaults to Always. Pin a version tag or a digest (@sha256:...).', containerPath(pod, c), c.image),
        data: { container: where(c) },
      });
    }
    return out;
  },
  summary: () => l10n.t('An image with the :latest tag or no tag is a moving target.'),
  quietOnTemplates: true,
};
