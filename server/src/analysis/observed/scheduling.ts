/**
 * Pending because the scheduler found no node: the PodScheduled condition with reason Unschedulable and
 * the scheduler's message, FitError.Error (pkg/scheduler/framework/types.go): "0/3 nodes are available:
 * 3 Insufficient cpu, 1 node(s) had untolerated taint {...}. preemption: ...". Each "N reason" is read;
 * "Insufficient <resource>" (noderesources.Fit) is set against the pod's effective request.
 */
import type { ObservedStatus } from './status';

export interface SchedulingFailure {
  readonly nodes: number | undefined;
  /** Each reason with the number of nodes that gave it. */
  readonly reasons: readonly { readonly count: number; readonly text: string; readonly insufficient?: string }[];
  readonly message: string | undefined;
  readonly preemption: string | undefined;
}

export function schedulingFailure(status: ObservedStatus): SchedulingFailure | undefined {
  const c = status.conditions.find((x) => x.type === 'PodScheduled');
  if (!c || c.status !== 'False' || (c.reason !== 'Unschedulable' && c.reason !== 'SchedulerError')) return undefined;
  return { ...parseSchedulerMessage(c.message) };
}

export function parseSchedulerMessage(message: string | undefined): Omit<SchedulingFailure, never> {
  const text = (message ?? '').slice(0, 4000);
  const m = /^0\/(\d+) nodes are available:?\s*(.*)$/s.exec(text);
  if (!m) return { nodes: undefined, reasons: [], message, preemption: undefined };
  const rest = m[2]!;
  const cut = rest.search(/\s*preemption:/);
  const main = (cut < 0 ? rest : rest.slice(0, cut)).replace(/\.\s*$/, '');
  const preemption = cut < 0 ? undefined : rest.slice(cut).replace(/^\s*preemption:\s*/, '').trim();
  const reasons: { count: number; text: string; insufficient?: string }[] = [];
  // Reasons are joined with ", " and never contain ", " followed by a count (taint text uses braces).
  for (const part of main.split(/, (?=\d+ )/)) {
    const r = /^(\d+) (.+)$/s.exec(part.trim());
    if (!r) continue;
    const reason = r[2]!.trim();
    const ins = /^Insufficient (\S+)$/.exec(reason);
    reasons.push({ count: Number(r[1]), text: reason, ...(ins ? { insufficient: ins[1]! } : {}) });
  }
  return { nodes: Number(m[1]), reasons, message, preemption };
}
