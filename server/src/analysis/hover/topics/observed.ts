/**
 * Hover on the observed part of a pod (`status`, `metadata.deletionTimestamp`): what the phase, a
 * condition or a container's state means, why it is so, and what happens next (analysis/observed).
 * Times are absolute: the hover is cached with the document. The spec fields behind an observed effect
 * get their note from observedEffects.ts.
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerExplanation, PodExplanation } from '../../observed/index';
import { formatTime } from '../../observed/index';
import { phaseMeaning } from '../../observed/conditions';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link } from '../md';

const LISTS: Readonly<Record<string, string>> = { initContainerStatuses: 'initContainers', containerStatuses: 'containers', ephemeralContainerStatuses: 'ephemeralContainers' };

export function observedHover(t: HoverTarget): string | undefined {
  const o = t.observed;
  if (!o || !o.status) return undefined;
  const [first, second, third] = t.path;
  if (first === 'metadata' && (second === 'deletionTimestamp' || second === 'deletionGracePeriodSeconds')) return deletionHover(o);
  if (first !== 'status') return undefined;
  if (second === 'conditions' && typeof third === 'number') {
    const node = o.status.conditions.find((c) => c.span.start <= t.span.start && t.span.end <= c.span.end);
    const c = node ? o.conditions.find((x) => x.span === node.typeSpan) : undefined;
    if (!c) return undefined;
    return blocks(
      heading(l10n.t('Condition {0}: {1}', c.type, c.status ?? '?')),
      c.meaning,
      bullets([
        c.reason ? l10n.t('Reason: {0}', code(c.reason)) : undefined,
        c.message ? l10n.t('Message: {0}', code(c.message)) : undefined,
        c.lastTransitionTime !== null ? l10n.t('Since {0}', formatTime(c.lastTransitionTime)) : undefined,
      ]),
      link(DOCS.podLifecycle),
    );
  }
  if (typeof second === 'string' && second in LISTS && typeof third === 'number') {
    const list = LISTS[second]!;
    const c = o.containers.find((x) => x.status?.list === list && x.status.index === third);
    return c ? containerHover(c) : undefined;
  }
  return podHover(o);
}

function podHover(o: PodExplanation): string {
  return blocks(
    heading(l10n.t('Observed pod {0}', code(o.name ?? '?'))),
    phaseMeaning(o.phase ?? undefined),
    bullets([
      o.qosClass ? l10n.t('QoS class: {0}', o.qosClass) : undefined,
      ...o.points.filter((p) => p.severity === 'warning').map((p) => p.message),
    ]),
    link(DOCS.podLifecycle),
  );
}

function containerHover(c: ContainerExplanation): string {
  const facts = [
    c.state ? l10n.t('State: {0}{1}', c.state, c.reason ? ` (${c.reason})` : '') : undefined,
    c.restartCount ? l10n.t('Restarts: {0}', c.restartCount) : undefined,
    c.exitCode !== null ? l10n.t('Last exit code: {0}', c.exitCode) : undefined,
    c.cause ? l10n.t('Cause: {0}', code(c.cause)) : undefined,
    c.backoffSeconds !== null ? l10n.t('Back-off now: {0} s', c.backoffSeconds) : undefined,
    c.nextRestartAt !== null ? l10n.t('Next restart due at {0}', formatTime(c.nextRestartAt)) : undefined,
    c.memoryLimit ? (c.memoryLimitFrom === 'pod' ? l10n.t('Memory limit: {0} (pod-level)', c.memoryLimit) : l10n.t('Memory limit: {0}', c.memoryLimit)) : undefined,
  ];
  return blocks(
    heading(roleHeading(c)),
    bullets(facts),
    bullets(c.points.map((p) => p.message)),
    link(DOCS.podLifecycle),
  );
}

function roleHeading(c: ContainerExplanation): string {
  switch (c.role) {
    case 'init': return l10n.t('Observed init container {0}', code(c.name));
    case 'sidecar': return l10n.t('Observed sidecar container {0}', code(c.name));
    case 'ephemeral': return l10n.t('Observed ephemeral container {0}', code(c.name));
    default: return l10n.t('Observed app container {0}', code(c.name));
  }
}

function deletionHover(o: PodExplanation): string | undefined {
  const d = o.deletion;
  if (!d) return undefined;
  const point = o.points.find((p) => p.spec?.path === 'spec.terminationGracePeriodSeconds' || /SIGKILL/.test(p.message));
  return blocks(heading(l10n.t('Deletion in progress')), point?.message, link(DOCS.termination));
}
