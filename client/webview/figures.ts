/**
 * The key figures above the chart: time to Ready (best/worst), hang to restart per liveness probe,
 * hang to NotReady per readiness probe, the startup budget, the worst-case termination, QoS and the
 * node-unreachable toleration. All values come computed from the server (LifecycleFigures).
 */
import type { Range } from 'vscode-languageserver-protocol';
import type { Bounds, LifecycleFigures, ProbeFigure } from '../../server/src/protocol/lifecycle';
import { formatSeconds } from '../../server/src/lifecycleView/layout';
import type { PreviewStrings } from '../src/preview/strings';
import { format, h } from './dom';

function bounds(b: Bounds): string {
  return b.best === b.worst ? formatSeconds(b.best) : `${formatSeconds(b.best)} – ${formatSeconds(b.worst)}`;
}

interface Card {
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly details: readonly string[];
  readonly range?: Range;
  /** Long text: clamped to a few lines, the whole text in the tooltip. */
  readonly clamp?: boolean;
}

function probeCard(id: string, label: string, figs: readonly ProbeFigure[], strings: PreviewStrings, none?: string): Card | undefined {
  if (!figs.length) return none ? { id, label, value: '—', details: [none] } : undefined;
  const lines = figs.map((f) => `${format(strings.probeOf, strings[`probe.${f.probe}`] ?? f.probe, f.container)}: ${bounds(f.hangToAction)}`);
  const first = figs[0]!;
  return { id, label, value: bounds(first.hangToAction), details: figs.length > 1 ? lines : [format(strings.probeOf, strings[`probe.${first.probe}`] ?? first.probe, first.container)], ...(first.range ? { range: first.range } : {}) };
}

export function renderFigures(f: LifecycleFigures, strings: PreviewStrings, reveal: (r: Range) => void, podRange: Range | undefined): HTMLElement {
  const cards: Card[] = [];
  cards.push(f.timeToReady
    ? { id: 'timeToReady', label: strings.timeToReady, value: bounds(f.timeToReady), details: [format(strings.bestWorst, formatSeconds(f.timeToReady.best), formatSeconds(f.timeToReady.worst))] }
    : { id: 'timeToReady', label: strings.timeToReady, value: '—', details: [strings.neverReady] });
  const live = f.hangToRestart.filter((p) => p.probe !== 'readiness');
  const ready = f.hangToRestart.filter((p) => p.probe === 'readiness');
  const liveCard = probeCard('hangToRestart', strings.hangToRestart, live, strings, strings.noLiveness);
  if (liveCard) cards.push(liveCard);
  const readyCard = probeCard('hangToNotReady', strings.hangToNotReady, ready, strings);
  if (readyCard) cards.push(readyCard);
  if (f.startupBudget.length) {
    const first = f.startupBudget[0]!;
    cards.push({
      id: 'startupBudget', label: strings.startupBudget, value: formatSeconds(first.seconds),
      details: f.startupBudget.length > 1 ? f.startupBudget.map((b) => `${format(strings.startupOf, b.container)}: ${formatSeconds(b.seconds)}`) : [format(strings.startupOf, first.container)],
      ...(first.range ? { range: first.range } : {}),
    });
  }
  cards.push({ id: 'worstTermination', label: strings.worstTermination, value: formatSeconds(f.worstCaseTermination), details: [format(strings.gracePeriod, formatSeconds(f.terminationGracePeriodSeconds))], ...(podRange ? { range: podRange } : {}) });
  cards.push({ id: 'qos', label: strings.qos, value: f.qosClass, details: f.evictionRank ? [f.evictionRank] : [], clamp: true });
  cards.push({ id: 'unreachable', label: strings.unreachable, value: f.unreachableTolerationSeconds === null ? strings.forever : formatSeconds(f.unreachableTolerationSeconds), details: [] });

  const root = h('section', { class: 'figures', 'aria-label': strings.figures });
  for (const c of cards) {
    const el = h('div', { class: 'figure', 'data-figure': c.id },
      h('div', { class: 'label' }, c.label),
      h('div', { class: 'value' }, c.value),
      ...c.details.map((d) => h('div', { class: c.clamp ? 'detail clamp' : 'detail', title: c.clamp ? d : undefined }, d)));
    if (c.range) {
      const range = c.range;
      el.classList.add('link');
      el.setAttribute('tabindex', '0');
      el.setAttribute('role', 'button');
      el.title = strings.revealHint;
      el.addEventListener('click', () => reveal(range));
      el.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); reveal(range); }
      });
    }
    root.appendChild(el);
  }
  return root;
}
