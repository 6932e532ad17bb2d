/**
 * Fill patterns drawn over the state colours, so that states differ by texture as well as colour
 * (high-contrast themes, colour-blind users, grey-scale prints). Defined once in a hidden <svg>;
 * the chart and the legend both refer to them with fill="url(#id)".
 */
import type { SegmentState } from '../../server/src/protocol/lifecycle';
import { s } from './dom';

/** Every state the simulator emits, in legend order (the order a container goes through them). */
export const STATES: readonly SegmentState[] = ['waiting', 'pulling', 'starting', 'running', 'probing', 'ready', 'terminating', 'backoff', 'completed', 'failed', 'unknown'];

type Stroke = readonly [x1: number, y1: number, x2: number, y2: number];

/** Tile of 6x6 px; strokes in tile coordinates; undefined = solid. */
const PATTERNS: Partial<Record<SegmentState, { readonly lines?: readonly Stroke[]; readonly dots?: boolean }>> = {
  waiting: { lines: [[0, 6, 6, 0], [-1, 1, 1, -1], [5, 7, 7, 5]] },
  pulling: { dots: true },
  starting: { lines: [[0, 0, 6, 6], [-1, 5, 1, 7], [5, -1, 7, 1]] },
  running: { lines: [[0, 3, 6, 3]] },
  probing: { lines: [[3, 0, 3, 6]] },
  terminating: { lines: [[0, 3, 6, 3], [3, 0, 3, 6]] },
  backoff: { lines: [[0, 6, 6, 0], [0, 0, 6, 6]] },
  failed: { lines: [[0, 6, 6, 0], [-1, 1, 1, -1], [5, 7, 7, 5], [0, 0, 6, 6]] },
  unknown: { dots: true, lines: [[0, 0, 6, 0]] },
};

export function patternId(state: SegmentState): string | undefined {
  return PATTERNS[state] ? `pl-pattern-${state}` : undefined;
}

/** The hidden <svg> holding the <pattern>s; insert it once. */
export function patternDefs(): SVGSVGElement {
  const defs = s('defs');
  for (const state of STATES) {
    const p = PATTERNS[state];
    const id = patternId(state);
    if (!p || !id) continue;
    const pat = s('pattern', { id, width: 6, height: 6, patternUnits: 'userSpaceOnUse' });
    for (const [x1, y1, x2, y2] of p.lines ?? []) pat.appendChild(s('line', { x1, y1, x2, y2, class: 'pattern-stroke' }));
    if (p.dots) pat.appendChild(s('circle', { cx: 3, cy: 3, r: 1.2, class: 'pattern-dot' }));
    defs.appendChild(pat);
  }
  return s('svg', { width: 0, height: 0, class: 'defs', 'aria-hidden': 'true', focusable: 'false' }, defs);
}

/** A bar: the state colour, then its pattern on top (no pointer events, so the hit target is the bar). */
export function stateRect(state: SegmentState, x: number, y: number, w: number, height: number, extra: Record<string, string | number> = {}): SVGGElement {
  const id = patternId(state);
  return s('g', {},
    s('rect', { x, y, width: w, height, rx: 2, class: `seg state-${state}`, ...extra }),
    id ? s('rect', { x, y, width: w, height, rx: 2, fill: `url(#${id})`, class: 'seg-pattern' }) : null,
  );
}
