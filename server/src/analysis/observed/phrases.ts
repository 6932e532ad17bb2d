/**
 * The one-line diagnosis of an observed pod (code lens, CLI) against a clock, e.g.
 * "CrashLoopBackOff: app exited 137 (OOMKilled at 256Mi) 5 times; next restart in 2m40s".
 */
import * as l10n from '@vscode/l10n';
import { joinList } from '../listWords';
import type { ContainerExplanation } from './container';
import type { PodExplanation } from './explain';
import { formatGoDuration, formatTime } from './time';

/** The container that explains the pod best: failing first, then stuck, then anything with a reason. */
export function headlineContainer(p: PodExplanation): ContainerExplanation | undefined {
  const by = (a: string) => p.containers.find((c) => c.attention === a);
  return by('failing') ?? by('stuck') ?? by('progressing');
}

function exitPhrase(c: ContainerExplanation): string | undefined {
  if (c.exitCode === null) return undefined;
  const why = c.cause === 'oom-killed'
    ? c.memoryLimit ? l10n.t('OOMKilled at {0}', c.memoryLimit) : l10n.t('OOMKilled')
    : c.cause === 'liveness-failed' ? l10n.t('probably a failed liveness probe')
      : c.cause === 'grace-period-expired' ? l10n.t('killed after the grace period')
        : c.cause === 'evicted' ? l10n.t('evicted')
          : c.signal !== null ? `SIG${c.signal === 9 ? 'KILL' : c.signal === 15 ? 'TERM' : c.signal}` : undefined;
  const times = c.restartCount ?? 0;
  if (times > 0) {
    return why ? l10n.t('{0} exited {1} ({2}) {3} times', c.name, c.exitCode, why, times) : l10n.t('{0} exited {1} {2} times', c.name, c.exitCode, times);
  }
  return why ? l10n.t('{0} exited {1} ({2})', c.name, c.exitCode, why) : l10n.t('{0} exited {1}', c.name, c.exitCode);
}

/** "in 2m40s", or "was due at ... (x ago)" when the clock is past it. */
export function whenPhrase(at: number, now: number): string {
  const d = (at - now) / 1000;
  return d >= 0 ? l10n.t('in {0}', formatGoDuration(Math.ceil(d))) : l10n.t('was due at {0}, {1} ago', formatTime(at), formatGoDuration(Math.floor(-d)));
}

export function diagnosisLine(p: PodExplanation, now: number): string {
  if (!p.status) return p.notes.length ? l10n.t('status could not be read') : l10n.t('no status');
  if (p.scheduling) {
    return l10n.t('Unschedulable: {0}', joinList(p.scheduling.reasons.map((r) => `${r.count} ${r.text}`)) || (p.scheduling.message ?? ''));
  }
  if (p.evicted) return l10n.t('Evicted: {0}', (p.message ?? '').trim() || p.phase || '');
  const c = headlineContainer(p);
  const parts: string[] = [];
  if (c) {
    const label = c.reason ?? (c.state === 'running' && c.ready === false ? l10n.t('not ready') : c.state ?? '');
    const exit = exitPhrase(c);
    let line = exit ? `${label}: ${exit}` : label ? `${label}: ${c.name}` : c.name;
    if (c.nextRestartAt !== null) line += l10n.t('; next restart {0}', whenPhrase(c.nextRestartAt, now));
    parts.push(line);
  } else {
    parts.push(p.phase ?? l10n.t('no phase'));
    const ready = p.conditions.find((x) => x.type === 'Ready');
    if (ready?.status === 'True') parts.push(l10n.t('ready'));
  }
  if (p.deletion) parts.push(l10n.t('deleting: SIGKILL {0}', whenPhrase(p.deletion.killAt, now)));
  return parts.join(' · ');
}

/** 0 for the CLI when nothing needs attention; a deletion past its kill time by a minute counts as stuck. */
export function needsAttention(p: PodExplanation, now: number): boolean {
  if (p.attention === 'failing' || p.attention === 'stuck') return true;
  return p.deletion !== undefined && now > p.deletion.killAt + 60_000;
}
