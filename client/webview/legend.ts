/** The legend: one swatch per bar state (colour and pattern) and one per marker severity (shape). */
import type { PreviewStrings } from '../src/preview/strings';
import { markerShape } from './chart';
import type { Severity } from './chart';
import { h, s } from './dom';
import { STATES, stateRect } from './patterns';

export function renderLegend(strings: PreviewStrings, present: ReadonlySet<string>): HTMLElement {
  const root = h('div', { class: 'legend', role: 'list', 'aria-label': strings.legend });
  // Only the states this timeline uses (a legend of ten entries for a three-state chart is noise).
  for (const state of STATES) {
    if (!present.has(state)) continue;
    const sw = s('svg', { width: 22, height: 12, 'aria-hidden': 'true' }, stateRect(state, 0.5, 0.5, 21, 11));
    root.appendChild(h('span', { class: 'legend-item', role: 'listitem', 'data-state': state }, sw, strings[`state.${state}`]));
  }
  const sev: readonly [Severity, string][] = [['info', strings.marker], ['warning', strings.markerWarning], ['error', strings.markerError]];
  for (const [v, label] of sev) {
    const mark = s('svg', { width: 12, height: 12, 'aria-hidden': 'true' }, markerShape(v, 6, 6, 4));
    root.appendChild(h('span', { class: 'legend-item', role: 'listitem' }, mark, label));
  }
  return root;
}
