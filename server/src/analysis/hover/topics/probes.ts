/**
 * Hover on livenessProbe / readinessProbe / startupProbe and their timing fields: what a failure
 * does for this kind of container, the timing with defaults shown, and the numbers that follow
 * (timing.ts: the same functions the lifecycle simulator uses).
 * https://kubernetes.io/docs/concepts/configuration/liveness-readiness-startup-probes/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel, PodSpecModel, ProbeModel } from '../../../model/pod';
import type { KubeVersion } from '../../../model/version';
import { get, str } from '../../../model/tree';
import { ownRestartPolicy } from '../../containerRestart';
import { knownDuration } from '../../rules/shared/commands';
import { hangToAction, hangToNotReady, neverUpKill, PROBE_FIELDS, probeKillDeadline, probeTiming, startupBudget, timeToReady, timeToStarted } from '../../timing';
import { containerOf, label } from '../context';
import type { HoverTarget } from '../context';
import { blocks, bullets, code, DOCS, heading, link, range, secs, table } from '../md';

const KEYS = { livenessProbe: 'liveness', readinessProbe: 'readiness', startupProbe: 'startup' } as const;

export function probeHover(t: HoverTarget): string | undefined {
  const pod = t.analysis.pod;
  const c = containerOf(pod, t.inSpec);
  const key = t.inSpec?.[2];
  if (!c || typeof key !== 'string' || !(key in KEYS)) return undefined;
  const probe = c.probes[KEYS[key as keyof typeof KEYS]];
  const title = heading(l10n.t('{0} of {1}', key, code(label(c))));
  if (c.role === 'init' || c.role === 'ephemeral') {
    return blocks(title, c.role === 'init'
      ? l10n.t('Regular init containers cannot have probes: the API server rejects this field. Make the container a sidecar (restartPolicy: Always) if it must keep running and be probed.')
      : l10n.t('Ephemeral containers cannot have probes: the API server rejects this field.'), link(DOCS.probes));
  }
  if (!probe) return undefined;
  return blocks(title, handlerText(probe), onFailure(probe, c, pod, t.analysis.version), timingTable(probe), computed(probe, c, pod, t.analysis.version), link(DOCS.probes));
}

/** What the kubelet does for each probe and what counts as success (pkg/probe/{exec,http,tcp,grpc}). */
function handlerText(p: ProbeModel): string | undefined {
  if (p.handlers.length !== 1) return undefined; // none or several: a validation rule reports it
  const h = p.handlers[0]!;
  const port = p.port === undefined ? '?' : code(p.port);
  switch (h.type) {
    case 'exec':
      return l10n.t('exec: runs {0} inside the container; exit code 0 is success. A command still running after timeoutSeconds counts as a failure.', p.command ? code(p.command.join(' ')) : l10n.t('its command'));
    case 'httpGet':
      return l10n.t('httpGet: the kubelet sends GET {0} to port {1} of the pod IP (unless host is set); a status from 200 to 399 is success, any other status or no answer within timeoutSeconds is a failure.', code(p.httpPath ?? '/'), port);
    case 'tcpSocket':
      return l10n.t('tcpSocket: success if the kubelet can open a TCP connection to port {0} within timeoutSeconds; nothing is sent, so an app that hangs but still accepts connections passes.', port);
    case 'grpc': {
      const service = str(get(h.node, 'service'));
      return l10n.t('grpc: the kubelet calls the gRPC health checking protocol (grpc.health.v1.Health/Check) on port {0}{1}; the status SERVING is success. The app must implement that service; there are no TLS or authentication options.', port, service ? ` ${l10n.t('(service {0})', code(service))}` : '');
    }
  }
}

function onFailure(p: ProbeModel, c: ContainerModel, pod: PodSpecModel, version: KubeVersion): string {
  const sidecar = c.role === 'sidecar';
  const own = ownRestartPolicy(c, version);
  const tm = probeTiming(p);
  switch (p.kind) {
    case 'liveness':
      return bullets([
        sidecar
          ? l10n.t('On failure ({0} in a row): the kubelet kills this sidecar and restarts it, whatever the pod\'s restartPolicy.', tm.failureThreshold)
          : own !== undefined
            // The kill is an exit with a code (137, or the app's): ContainerShouldRestart applies the container's rules and policy.
            ? l10n.t('On failure ({0} in a row): the kubelet kills the container; its own restartPolicy ({1}) and restart rules decide, from the exit code, whether it is restarted.', tm.failureThreshold, own)
          : pod.restartPolicy.value === 'Never'
            ? l10n.t('On failure ({0} in a row): the kubelet kills the container and, with restartPolicy Never, does not restart it.', tm.failureThreshold)
            : l10n.t('On failure ({0} in a row): the kubelet kills the container and restarts it (restartPolicy {1}), with back-off if it keeps failing.', tm.failureThreshold, pod.restartPolicy.value),
        c.probes.startup ? l10n.t('It only starts probing once the startupProbe has succeeded.') : undefined,
      ]);
    case 'readiness':
      return bullets([
        l10n.t('On failure ({0} in a row): the container is marked not ready and the pod is removed from Service endpoints. It is not restarted; probing goes on and it returns after {1} success(es).', tm.failureThreshold, tm.successThreshold),
        sidecar ? l10n.t('A sidecar\'s readiness counts toward the pod\'s Ready condition, but does not hold back the next init container.') : undefined,
        c.probes.startup ? l10n.t('It only starts probing once the startupProbe has succeeded.') : undefined,
      ]);
    case 'startup':
      return bullets([
        l10n.t('Until it succeeds, liveness and readiness probes are not run.'),
        sidecar ? l10n.t('The next init container starts only after this startupProbe succeeds.') : undefined,
        own !== undefined
          ? l10n.t('On failure ({0} in a row): the kubelet kills the container; its own restartPolicy ({1}) and restart rules decide, from the exit code, whether it is restarted.', tm.failureThreshold, own)
          : sidecar || pod.restartPolicy.value !== 'Never'
          ? l10n.t('On failure ({0} in a row): the kubelet kills the container and restarts it.', tm.failureThreshold)
          : l10n.t('On failure ({0} in a row): the kubelet kills the container and, with restartPolicy Never, does not restart it.', tm.failureThreshold),
      ]);
  }
}

function timingTable(p: ProbeModel): string {
  const tm = probeTiming(p);
  const rows = PROBE_FIELDS.map((f) => {
    const written = p[f].node !== undefined;
    const v = tm[f];
    const note = !written ? l10n.t('default') : v !== p[f].value ? l10n.t('{0} means the default', p[f].value) : '';
    return [f, String(v), note];
  });
  if (p.kind !== 'readiness') {
    rows.push(['terminationGracePeriodSeconds', p.terminationGracePeriodSeconds ? String(p.terminationGracePeriodSeconds.value) : '—', p.terminationGracePeriodSeconds ? '' : l10n.t('pod value applies')]);
  }
  return table([l10n.t('Field'), l10n.t('Value'), l10n.t('Note')], rows, [false, true, false]);
}

function computed(p: ProbeModel, c: ContainerModel, pod: PodSpecModel, version: KubeVersion): string {
  const tm = probeTiming(p);
  // A probe kill runs the preStop hook too; an unknown duration counts as 0 here.
  const preStop = c.lifecycle.preStop ? knownDuration(c.lifecycle.preStop, version)?.seconds ?? 0 : 0;
  const deadline = probeKillDeadline(tm, pod.terminationGracePeriodSeconds.value, preStop);
  const startup = probeTiming(c.probes.startup);
  const readiness = probeTiming(c.probes.readiness);
  const rows: string[][] = [];
  const probeStart = startup && p.kind !== 'startup' ? timeToStarted(startup) : undefined;
  if (p.kind === 'startup') {
    rows.push([l10n.t('Started (startup probe passes)'), range(timeToStarted(tm).earliest, timeToStarted(tm).latest)]);
    rows.push([l10n.t('Startup budget (initialDelaySeconds + failureThreshold × periodSeconds)'), secs(startupBudget(tm))]);
  }
  if (p.kind === 'readiness' || (p.kind === 'startup' && !readiness)) {
    const r = timeToReady({ startup, readiness });
    rows.push([l10n.t('Ready (earliest – latest after the container starts)'), range(r.earliest, r.latest)]);
  }
  if (p.kind === 'liveness' && probeStart) {
    rows.push([l10n.t('Liveness probing begins'), range(Math.max(probeStart.earliest, tm.initialDelaySeconds), Math.max(probeStart.latest, tm.initialDelaySeconds))]);
  }
  // Never up: nothing answers (refused at once, as the simulator's app that is not up yet), or the
  // app accepts but never answers (each attempt takes timeoutSeconds); failureWindow in timing.ts.
  const neverUp = neverUpKill(tm, 'refused');
  const neverUpHang = neverUpKill(tm, 'hang');
  if (p.kind === 'startup' || (p.kind === 'liveness' && !startup)) {
    rows.push([l10n.t('An app that never comes up (nothing answers) is killed after'), range(neverUp.earliest, neverUp.latest)]);
    rows.push([l10n.t('An app that never answers (each probe times out) is killed after'), range(neverUpHang.earliest, neverUpHang.latest)]);
  }
  if (p.kind === 'readiness') {
    const w = hangToNotReady(tm);
    rows.push([l10n.t('Hang → removed from endpoints'), range(w.earliest, w.latest)]);
  } else {
    const w = hangToAction(tm);
    if (p.kind === 'liveness') rows.push([l10n.t('Hang → kill ((failureThreshold − 1) × max(periodSeconds, timeoutSeconds) + timeoutSeconds, + up to one period)'), range(w.earliest, w.latest)]);
    rows.push([l10n.t('Then grace period before SIGKILL'), secs(deadline)]);
    // The same worst case as the lifecycle panel's figures: the app ignores SIGTERM too.
    rows.push(p.kind === 'liveness'
      ? [l10n.t('Hang → SIGKILL at the latest'), secs(w.latest + deadline)]
      : [l10n.t('Never up → SIGKILL at the latest'), secs(neverUpHang.latest + deadline)]);
  }
  return blocks(
    table([l10n.t('Computed for this container'), l10n.t('Seconds')], rows, [false, true]),
    l10n.t('Assumes the app answers as soon as probing starts; ranges come from where the probe ticks fall.'),
    // worker.run (pkg/kubelet/prober/worker.go) starts the next attempt only after doProbe returned.
    tm.timeoutSeconds > tm.periodSeconds
      ? l10n.t('timeoutSeconds ({0} s) is longer than periodSeconds ({1} s): the kubelet starts the next probe only when the previous one has returned, so attempts that time out are {0} s apart.', tm.timeoutSeconds, tm.periodSeconds)
      : undefined,
  );
}
