/**
 * Probe fixes: `successThreshold: 1` on liveness/startup probes, and a startupProbe sized from the
 * liveness probe (same check and period, failureThreshold allowing a slow start), so the liveness
 * probe only starts once the app is up.
 * https://kubernetes.io/docs/tasks/configure-pod-container/configure-liveness-readiness-startup-probes/#define-startup-probes
 */
import * as l10n from '@vscode/l10n';
import { entry, isMap } from '../../model/tree';
import { containerOf, field, fix } from './context';
import type { FixInput, QuickFix } from './context';
import { column, entryEnd, eol, isFlow, lineStart, setValue, insertEntry } from './text';

export function successThresholdFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  const probeKey = field(field(input.finding.data, 'container'), 'field');
  if (!c || typeof probeKey !== 'string') return [];
  const probe = entry(c.node, probeKey)?.value;
  const e = entry(probe, 'successThreshold');
  if (!e) return [];
  return fix(l10n.t('Set successThreshold to 1'), [setValue(input.text, e, '1')], true);
}

export function startupProbeFixes(input: FixInput): QuickFix[] {
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
