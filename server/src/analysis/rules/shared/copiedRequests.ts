/**
 * Requests the API server copies from limits before it validates a Pod, so that a bad limit is
 * reported twice: at `resources.limits[x]` and at `resources.requests[x]`.
 *  - containers: core/v1 SetDefaults_Pod (pkg/apis/core/v1/defaults.go) copies each limit into a
 *    missing request, for a Pod only (not for a PodTemplateSpec: templates keep the request unset);
 *  - pod level: the pod-level request defaulting (SetDefaults_Pod at 1.34, podutil.DefaultPodLevelResources
 *    in the pod Strategy.PrepareForCreate at 1.37), also for a Pod only.
 * Pod Lens reports one diagnostic on the limit, whose message also states the API server's error at the
 * request path (alsoAtRequest): one mistake, one squiggle, both API-server errors in words.
 * https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/#requests-and-limits
 */
import * as l10n from '@vscode/l10n';
import type { ResourceEntry } from '../../../model/pod';
import { compareQuantities } from '../../../model/quantity';
import type { PodAnalysis } from '../../podAnalysis';
import type { ResourceSite } from './resourceSites';
import { joinSentences } from '../../listWords';

/** The request path the API server also validates with this limit's value, or undefined. */
export function copiedRequestPath(analysis: PodAnalysis, s: ResourceSite, limit: ResourceEntry): string | undefined {
  if (analysis.pod.kind !== 'Pod') return undefined;
  const path = `${s.path}.requests[${limit.name}]`;
  if (s.owner === 'container') return s.requests.some((r) => r.name === limit.name) ? undefined : path;
  if (s.owner !== 'pod') return undefined;
  const lvl = analysis.podLevel;
  if (!lvl || !lvl.defaultedFromLimits.includes(limit.name)) return undefined;
  const req = lvl.requests.get(limit.name);
  const lim = lvl.limits.get(limit.name);
  // The pod-level request comes from the pod-level limit only when it has the same value (cpu and
  // memory are taken from the containers' requests first).
  return req && lim && compareQuantities(req, lim) === 0 ? path : undefined;
}

/** `message`, followed by the sentence that states the API server's second error at the copied request. */
export function alsoAtRequest(message: string, requestPath: string | undefined, shownValue: string, detail: string): string {
  if (requestPath === undefined) return message;
  return joinSentences([message, l10n.t('The API server also reports {0}: Invalid value: {1}: {2}, because it copies this limit to the missing request.', requestPath, shownValue, detail)]);
}
