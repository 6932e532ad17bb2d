/**
 * The hover box: a positioned <div> filled with textContent only. Shown on pointer hover and on
 * keyboard focus, so every detail a mouse user sees is reachable from the keyboard too.
 */
import { h } from './dom';

export interface HoverContent {
  readonly title: string;
  readonly lines: readonly string[];
}

export class Tooltip {
  readonly element: HTMLDivElement;

  constructor(parent: HTMLElement) {
    this.element = h('div', { class: 'hover', role: 'tooltip', id: 'pl-hover', hidden: true });
    parent.appendChild(this.element);
  }

  show(content: HoverContent, at: { readonly x: number; readonly y: number }): void {
    const el = this.element;
    el.replaceChildren(h('div', { class: 'hover-title' }, content.title), ...content.lines.map((l) => h('div', {}, l)));
    el.hidden = false;
    // CSSOM writes are allowed under our CSP (style-src without 'unsafe-inline' only blocks style attributes/elements).
    const margin = 12;
    const { width, height } = el.getBoundingClientRect();
    const x = Math.min(Math.max(4, at.x + margin), Math.max(4, window.innerWidth - width - 4));
    const below = at.y + margin + height <= window.innerHeight - 4;
    const y = below ? at.y + margin : Math.max(4, at.y - margin - height);
    el.style.left = `${Math.round(x)}px`;
    el.style.top = `${Math.round(y)}px`;
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** Hover and focus handlers for one chart element. */
  attach(target: Element, content: () => HoverContent): void {
    target.addEventListener('pointerenter', (e) => this.show(content(), { x: (e as PointerEvent).clientX, y: (e as PointerEvent).clientY }));
    target.addEventListener('pointermove', (e) => this.show(content(), { x: (e as PointerEvent).clientX, y: (e as PointerEvent).clientY }));
    target.addEventListener('pointerleave', () => this.hide());
    target.addEventListener('focus', () => {
      const r = target.getBoundingClientRect();
      this.show(content(), { x: r.left, y: r.bottom });
    });
    target.addEventListener('blur', () => this.hide());
  }
}
