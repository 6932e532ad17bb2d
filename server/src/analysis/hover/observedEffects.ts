/**
 * The observed effect of a spec field, appended to its hover: in an observed pod, a hover on the memory
 * limit an OOM kill hit, the probe that probably killed, the image that cannot be pulled... says so.
 */
import type { PodExplanation } from '../observed/index';
import type { Span } from '../../model/tree';

export function observedEffects(o: PodExplanation | undefined, at: Span): string[] {
  if (!o) return [];
  const out: string[] = [];
  for (const p of o.points) {
    if (!p.spec || !p.specMessage) continue;
    if (p.spec.span.start <= at.start && at.end <= p.spec.span.end && !out.includes(p.specMessage)) out.push(p.specMessage);
  }
  return out.map((m) => `**${m}**`);
}
