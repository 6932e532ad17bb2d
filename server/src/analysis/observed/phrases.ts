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

/**
 * The kubelet waits this long for a pod's volumes to attach and mount before it gives up the sync and retries
 * (podAttachAndMountTimeout, pkg/kubelet/volumemanager/volume_manager.go: 2m3s). A container still
 * ContainerCreating longer than that after the pod was scheduled is stuck, not slow.
 */
export const VOLUME_MOUNT_WAIT_SECONDS = 123;

export interface SlowStart {
  readonly container: ContainerExplanation;
  /** Seconds since PodScheduled turned True. */
  readonly seconds: number;
  /** PodReadyToStartContainers is True: volumes are mounted and the sandbox runs, so the image or runtime holds it. */
  readonly sandboxReady: boolean;
}

/** A container still ContainerCreating more than VOLUME_MOUNT_WAIT_SECONDS after the pod was scheduled. */
export function slowStart(p: PodExplanation, now: number): SlowStart | undefined {
  const scheduled = p.conditions.find((c) => c.type === 'PodScheduled' && c.status === 'True')?.lastTransitionTime;
  if (scheduled === undefined || scheduled === null || p.deletion) return undefined;
  const seconds = Math.floor((now - scheduled) / 1000);
  if (seconds <= VOLUME_MOUNT_WAIT_SECONDS) return undefined;
  const container = p.containers.find((c) => c.state === 'waiting' && c.reason === 'ContainerCreating');
  if (!container) return undefined;
  const sandboxReady = p.conditions.some((c) => c.type === 'PodReadyToStartContainers' && c.status === 'True');
  return { container, seconds, sandboxReady };
}

/** Why a slow start is stuck, as a sentence: volumes/sandbox before PodReadyToStartContainers, the image after. */
export function slowStartPhrase(slow: SlowStart): string {
  return slow.sandboxReady
    ? l10n.t('{0} has been ContainerCreating for {1} since the pod was scheduled, with its sandbox ready: the image is still being pulled or the runtime cannot create the container (the pod\'s events say which).', slow.container.name, formatGoDuration(slow.seconds))
    : l10n.t('{0} has been ContainerCreating for {1} since the pod was scheduled, longer than the kubelet\'s {2} wait for volumes: a volume cannot be attached or mounted (a missing PersistentVolumeClaim, ConfigMap or Secret, or a volume still attached elsewhere), or the pod sandbox cannot be created (the pod\'s events say which).', slow.container.name, formatGoDuration(slow.seconds), formatGoDuration(VOLUME_MOUNT_WAIT_SECONDS));
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
    const slow = slowStart(p, now);
    if (slow && slow.container === c) line += l10n.t('; for {0} since the pod was scheduled', formatGoDuration(slow.seconds));
    parts.push(line);
  } else {
    parts.push(p.phase ?? l10n.t('no phase'));
    const ready = p.conditions.find((x) => x.type === 'Ready');
    if (ready?.status === 'True') parts.push(l10n.t('ready'));
  }
  if (p.deletion) parts.push(l10n.t('deleting: SIGKILL {0}', whenPhrase(p.deletion.killAt, now)));
  return parts.join(' · ');
}

/**
 * 0 for the CLI when nothing needs attention; a deletion past its kill time by a minute, and a container
 * ContainerCreating past the kubelet's wait for volumes (slowStart), count as stuck.
 */
export function needsAttention(p: PodExplanation, now: number): boolean {
  if (p.attention === 'failing' || p.attention === 'stuck') return true;
  if (slowStart(p, now)) return true;
  return p.deletion !== undefined && now > p.deletion.killAt + 60_000;
}
