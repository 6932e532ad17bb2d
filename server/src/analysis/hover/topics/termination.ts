/**
 * Hover on lifecycle hooks and terminationGracePeriodSeconds: the termination sequence (preStop,
 * SIGTERM, wait, SIGKILL; sidecars after the app containers) with this pod's numbers from
 * timing.ts (the kubelet's grace of at least 1 s for a pod kill, pod_workers.go
 * calculateEffectiveGracePeriod; the API server deletes a pod with grace 0 at once), and the `sh -c`
 * PID 1 caveat (which shell the image's sh is decides it, commands.ts shellPid1).
 * https://kubernetes.io/docs/concepts/workloads/pods/pod-lifecycle/#pod-termination
 * https://kubernetes.io/docs/concepts/containers/container-lifecycle-hooks/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel } from '../../../model/pod';
import { knownDuration, pid1Reason, shellKeepsPid1 } from '../../rules/shared/commands';
import { kubeletPodGrace, MIN_STOP_GRACE_SECONDS, terminationTimeline, terminationTotal } from '../../timing';
import type { KubeVersion } from '../../../model/version';
import { bool, get } from '../../../model/tree';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link, secs, table } from '../md';

export function terminationHover(t: HoverTarget): string | undefined {
  const p = t.inSpec;
  if (!p) return undefined;
  const { pod, version } = t.analysis;
  if (p.length === 1 && p[0] === 'terminationGracePeriodSeconds') {
    return blocks(heading(l10n.t('terminationGracePeriodSeconds: {0} s', pod.terminationGracePeriodSeconds.value)), sequence(pod, version), link(DOCS.termination));
  }
  if (p.length < 3 || p[2] !== 'lifecycle') return undefined;
  const c = containerOf(pod, p);
  if (!c) return undefined;
  const hook = p[3];
  if (hook === 'postStart') return postStart(pod, c);
  if (c.role === 'init' || c.role === 'ephemeral') {
    return blocks(heading(l10n.t('lifecycle of {0}', code(label(c)))), l10n.t('Only app containers and sidecars may have lifecycle hooks: the API server rejects them here.'), link(DOCS.hooks));
  }
  const title = hook === 'preStop' ? l10n.t('preStop hook of {0}', code(label(c))) : l10n.t('lifecycle of {0}', code(label(c)));
  return blocks(heading(title), preStopText(c, version), sequence(pod, version, c), link(DOCS.termination));
}

function postStart(pod: PodSpecModel, c: ContainerModel): string {
  return blocks(
    heading(l10n.t('postStart hook of {0}', code(label(c)))),
    bullets([
      l10n.t('Runs right after the container is created, at the same time as its entrypoint: there is no guarantee it runs first.'),
      c.role === 'sidecar'
        ? l10n.t('The sidecar does not count as started, and the next init container waits, until this hook has finished.')
        : l10n.t('The container is not Running, and its probes do not start, until this hook has finished.'),
      pod.restartPolicy.value === 'Never' && c.role !== 'sidecar'
        ? l10n.t('If the hook fails, the container is killed (and, with restartPolicy Never, not restarted).')
        : l10n.t('If the hook fails, the container is killed and restarted.'),
    ]),
    link(DOCS.hooks),
  );
}

function preStopText(c: ContainerModel, version: KubeVersion): string {
  const h = c.lifecycle.preStop;
  if (!h) return l10n.t('No preStop hook: SIGTERM is sent as soon as termination starts.');
  const d = knownDuration(h, version);
  return bullets([
    d ? l10n.t('The preStop hook takes {0}{1}; it runs before SIGTERM, and its time comes out of the grace period.', d.exact ? '' : '≥ ', secs(d.seconds))
      : l10n.t('The preStop hook runs before SIGTERM; its time comes out of the grace period.'),
    l10n.t('It runs when the pod is deleted or evicted and when a liveness or startup probe kills the container, not when the container exits by itself.'),
  ]);
}

/** The sequence with this pod's numbers (preStop durations where the spec tells them). */
function sequence(pod: PodSpecModel, version: KubeVersion, focus?: ContainerModel): string {
  const specGrace = Math.max(0, pod.terminationGracePeriodSeconds.value);
  const grace = kubeletPodGrace(specGrace);
  const running = pod.containers.filter((c) => c.role === 'app' || c.role === 'sidecar');
  const known = running.map((c) => (c.lifecycle.preStop ? knownDuration(c.lifecycle.preStop, version) : undefined));
  const timeline = terminationTimeline(grace, running.map((c, i) => ({ name: label(c), role: c.role as 'app' | 'sidecar', preStopSeconds: known[i]?.seconds ?? 0 })));
  // In stop order: app containers, then sidecars from the last declared to the first.
  const order = [...running.keys()].sort((a, b) => rank(running, a) - rank(running, b));
  const rows = order.map((i) => {
    const x = timeline[i]!;
    const c = running[i]!;
    const pre = c.lifecycle.preStop ? (known[i] ? secs(x.preStopEnd) : l10n.t('unknown')) : '—';
    const name = c === focus ? `**${code(x.name)}**` : code(x.name);
    return [name, c.role === 'sidecar' ? l10n.t('sidecar') : l10n.t('app'), pre, c.lifecycle.preStop && !known[i] ? l10n.t('after preStop') : secs(x.sigterm), secs(x.sigkillDeadline)];
  });
  const shared = bool(get(pod.spec, 'shareProcessNamespace')) === true;
  const pid1 = running.flatMap((c) => {
    const found = shellKeepsPid1(c.command, c.args, shared);
    return found ? [{ name: label(c), found }] : [];
  });
  return blocks(
    bullets([
      specGrace === 0
        // CheckGracefulDelete (pkg/registry/core/pod/strategy.go) + BeforeDelete: grace 0 deletes at once.
        ? l10n.t('0 s: with a grace period of 0 the API server deletes the pod object at once: it is never seen Terminating, it leaves the Service endpoints, and a controller may create its replacement while these containers still run. The kubelet still gives the pod at least 1 s: every preStop hook starts.')
        : l10n.t('0 s: the pod is marked Terminating and removed from Service endpoints; every preStop hook starts.'),
      l10n.t('Each container gets SIGTERM when its preStop hook ends, and SIGKILL if it is still running when the {0} s grace period runs out (at least {1} s after SIGTERM).', grace, MIN_STOP_GRACE_SECONDS),
      running.some((c) => c.role === 'sidecar') ? l10n.t('Sidecars get SIGTERM only after every app container has exited, in reverse order of declaration; their wait comes out of the same grace period.') : undefined,
    ]),
    rows.length ? table([l10n.t('Container'), l10n.t('Type'), l10n.t('preStop ends'), l10n.t('SIGTERM'), l10n.t('SIGKILL at the latest')], rows, [false, false, true, true, true]) : undefined,
    l10n.t('SIGTERM columns assume every container exits at its SIGKILL deadline (the worst case).'),
    rows.length
      ? running.some((c, i) => c.lifecycle.preStop && !known[i])
        ? l10n.t('Worst case: the last container is gone at least {0} after termination starts (some preStop durations are unknown).', secs(terminationTotal(timeline)))
        : l10n.t('Worst case: the last container is gone {0} after termination starts.', secs(terminationTotal(timeline)))
      : undefined,
    pid1.length
      ? pid1.map(({ name, found }) => l10n.t('⚠ {0} runs `{1} -c` with a script whose last command is not started with exec, so the shell can stay PID 1. {2} A shell as PID 1 ignores SIGTERM: the app never hears it and is killed only at the deadline. Start the last command with `exec` (or use an init such as tini).', code(name), found.shell, pid1Reason(found.shell, found.pid1))).join('\n\n')
      : l10n.t('Caveat: with a command like `sh -c \'...\'` the shell can stay PID 1, where it ignores SIGTERM, and the app is then killed only at the deadline. Which shell the image\'s sh is decides it: dash (Debian, Ubuntu) stays PID 1 even for a single command, bash 5.1+ and busybox sh (Alpine) replace themselves with the last command. Start the last command with `exec`, or use an init such as tini; a trap on TERM does not help.'),
  );
}

/** Stop order: app containers in spec order, then sidecars from the last declared to the first. */
function rank(list: readonly ContainerModel[], i: number): number {
  return list[i]!.role === 'app' ? i : list.length * 2 - i;
}
