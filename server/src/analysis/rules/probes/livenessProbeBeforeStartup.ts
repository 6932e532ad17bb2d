/**
 * A liveness probe without a startupProbe starts counting failures while the app is still starting.
 * The kubelet runs the first probe after initialDelaySeconds and restarts the container after
 * failureThreshold consecutive failures; the window comes from timing.ts neverUpKill (the same
 * function as the probe hover and the panel), for an app that does not answer yet (connection
 * refused): between initialDelaySeconds + (failureThreshold - 1) x periodSeconds and
 * initialDelaySeconds + failureThreshold x periodSeconds after it starts, depending on where the
 * ticks fall. If the latest is short (< 30 s, that of a probe with all defaults: 0 + 3 x 10 s), a
 * slow start (cold JVM, cache warm-up, migrations) is killed and restarted over and over:
 * CrashLoopBackOff that never ends.
 * A startupProbe holds the liveness probe back until the app has started.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
import * as l10n from '@vscode/l10n';
import { entry, isMap } from '../../../model/tree';
import type { Rule, RuleFinding } from '../rule';
import { containerOf, field, fix } from '../../fixes/context';
import type { FixInput, QuickFix } from '../../fixes/context';
import { column, entryEnd, eol, insertEntry, isFlow, lineStart } from '../../fixes/text';
import { containerPath } from '../shared/fieldPaths';
import { longRunning, where } from '../shared/podParts';
import { neverUpKill, probeTiming } from '../../timing';

/** Seconds: the default liveness probe's budget (initialDelaySeconds 0 + failureThreshold 3 x periodSeconds 10). */
export const MIN_START_BUDGET = 30;
/** Seconds a suggested startupProbe allows for the start (failureThreshold x periodSeconds). */
export const STARTUP_ALLOWANCE = 300;

export const livenessProbeBeforeStartup: Rule = {
  code: 'liveness-probe-before-startup',
  severity: 'warning',
  docUrl: 'https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes',
  check({ analysis: { pod } }) {
    const out: RuleFinding[] = [];
    for (const c of longRunning(pod)) {
      const p = c.probes.liveness;
      if (!p || c.probes.startup || p.handlers.length === 0) continue;
      const t = probeTiming(p);
      const window = neverUpKill(t, 'refused');
      if (window.latest >= MIN_START_BUDGET) continue;
      out.push({
        span: p.keySpan,
        message: l10n.t('{0}.livenessProbe can restart the container between {1} s and {2} s after it starts, depending on where the probe ticks fall (initialDelaySeconds {3}, then failureThreshold {4} failed probes periodSeconds {5} apart), and there is no startupProbe. If the app ever takes longer than that to start, the kubelet kills it before it is up, again and again (CrashLoopBackOff). Add a startupProbe that allows the slowest start, or raise initialDelaySeconds/failureThreshold.', containerPath(pod, c), window.earliest, window.latest, t.initialDelaySeconds, t.failureThreshold, t.periodSeconds),
        data: {
          container: where(c),
          // A startup probe with the liveness handler and period that allows at least 5 minutes to start.
          periodSeconds: t.periodSeconds,
          failureThreshold: Math.ceil(STARTUP_ALLOWANCE / t.periodSeconds),
        },
      });
    }
    return out;
  },
  fixes: startupProbeFixes,
  summary: () => l10n.t('A liveness probe without a startupProbe can restart the container before a slow start has finished.'),
  quietOnTemplates: true,
};

function startupProbeFixes(input: FixInput): QuickFix[] {
  const { text } = input;
  const c = containerOf(input);
  const period = field(input.finding.data, 'periodSeconds');
  const failures = field(input.finding.data, 'failureThreshold');
  if (!c || c.probes.startup || typeof period !== 'number' || typeof failures !== 'number') return [];
  const live = c.probes.liveness;
  const liveEntry = entry(c.node, 'livenessProbe');
  const handler = live?.handlers[0];
  if (!live || !liveEntry || !handler || !handler.node) return [];
  const title = l10n.t('Add a startupProbe that allows {0} s to start', period * failures);
  const handlerText = text.slice(handler.node.span.start, handler.node.span.end);
  if (isFlow(text, c.node) || isFlow(text, live.node)) {
    // Flow style: the handler value is flow text too (a block cannot sit inside a flow collection).
    if (!isFlow(text, handler.node) && handler.node.type !== 'scalar') return [];
    const value = `{ ${handler.type}: ${handlerText}, periodSeconds: ${period}, failureThreshold: ${failures} }`;
    return fix(title, [insertEntry(text, c.node, 'startupProbe', value, { after: liveEntry })], true);
  }
  // Block style: copy the handler's lines; startupProbe sits at livenessProbe's column, so the
  // handler keeps its column.
  const handlerEntry = entry(live.node, handler.type);
  if (!handlerEntry || !isMap(live.node)) return [];
  const from = lineStart(text, handlerEntry.keySpan.start);
  if (text.slice(from, handlerEntry.keySpan.start).trim() !== '') return [];
  const childCol = column(text, handlerEntry.keySpan.start);
  const keyCol = column(text, liveEntry.keySpan.start);
  if (lineStart(text, liveEntry.keySpan.start) + keyCol !== liveEntry.keySpan.start && text.slice(lineStart(text, liveEntry.keySpan.start), liveEntry.keySpan.start).trim() !== '-') return [];
  const nl = eol(text);
  let copied = text.slice(from, entryEnd(text, handlerEntry));
  if (!copied.endsWith('\n')) copied += nl;
  const pad = ' '.repeat(childCol);
  const body = `${' '.repeat(keyCol)}startupProbe:${nl}${copied}${pad}periodSeconds: ${period}${nl}${pad}failureThreshold: ${failures}${nl}`;
  let at = entryEnd(text, liveEntry);
  const needsBreak = at === text.length && text.length > 0 && !text.endsWith('\n');
  return fix(title, [{ start: at, end: at, newText: needsBreak ? nl + body.slice(0, -nl.length) : body }], true);
}
