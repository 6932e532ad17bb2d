/**
 * An `image` volume (ImageVolume: beta, on by default, in 1.35; GA 1.36) mounts an OCI image's
 * contents read-only. It needs a `reference`; its `pullPolicy` (defaulted like a container's: Always
 * for `:latest` or no tag, else IfNotPresent) must be Always, IfNotPresent or Never. Below 1.35 the
 * API server drops every image volume and every mount of one (dropImageVolumes).
 * Spec: pkg/apis/core/validation validateImageVolumeSource (1.35–1.36 require the reference only
 * when validating a Pod, so a workload is accepted and its controller's pods are rejected; 1.37 for
 * every object) and validatePullPolicy; pkg/apis/core/v1 SetDefaults_Volume.
 * https://kubernetes.io/docs/concepts/storage/volumes/#image
 */
import * as l10n from '@vscode/l10n';
import { isDropped } from '../../../model/droppedFields';
import { entry, isMap, isScalar } from '../../../model/tree';
import { atLeast, featureEnabled, formatKubeVersion } from '../../../model/version';
import type { Rule, RuleFinding } from '../rule';
import { q, specPathOf } from '../shared/fieldPaths';
import { volumes } from '../shared/podParts';
import { keySpan, valueSpan } from '../shared/spans';
import { isPresentNull } from '../shared/values';

export const invalidImageVolume: Rule = {
  code: 'invalid-image-volume',
  severity: 'error',
  summary: () => l10n.t('An image volume without a reference, or with an unsupported pullPolicy.'),
  docUrl: 'https://kubernetes.io/docs/concepts/storage/volumes/#image',
  check({ analysis: { pod }, version }) {
    // Below the gate's alpha the API has no such field; from it until the gate is on the API server drops the
    // field before validation (model/droppedFields.ts), so nothing here is validated.
    if (!featureEnabled(version, 'ImageVolume')) return [];
    const out: RuleFinding[] = [];
    for (const v of volumes(pod)) {
      const image = entry(v.node, 'image');
      if (!image || !isMap(image.value) || isDropped(pod.dropped, image)) continue;
      const path = `${specPathOf(pod)}.volumes[${v.index}].image`;
      const ref = entry(image.value, 'reference');
      const refValue = ref && isScalar(ref.value) ? ref.value.value : undefined;
      if (!isPresentNull(ref) && (ref === undefined || refValue === '')) {
        out.push({
          span: keySpan(ref, image.keySpan),
          message: pod.kind === 'Pod' || atLeast(version, 37)
            ? l10n.t('{0}.reference: Required value. Name the image (or artifact) whose contents this volume mounts.', path)
            : l10n.t('{0}.reference: Required value. Kubernetes {1} accepts the {2} but rejects every pod its controller creates from it; name the image (or artifact) whose contents this volume mounts.', path, formatKubeVersion(version), pod.kind),
        });
      }
      const pull = entry(image.value, 'pullPolicy');
      const pullValue = pull && isScalar(pull.value) ? pull.value.value : undefined;
      if (typeof pullValue === 'string' && pullValue !== '' && !['Always', 'IfNotPresent', 'Never'].includes(pullValue)) {
        out.push({
          span: valueSpan(pull, image.keySpan),
          message: l10n.t('{0}.pullPolicy: Unsupported value: {1}: supported values: "Always", "IfNotPresent", "Never".', path, q(pullValue)),
        });
      }
    }
    return out;
  },
};
