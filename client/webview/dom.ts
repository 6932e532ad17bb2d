/**
 * DOM helpers for the webview. Everything that comes from the timeline (container names, reasons,
 * messages: user YAML) becomes text through `textContent` or attribute values through setAttribute;
 * nothing is ever parsed as HTML (no innerHTML/outerHTML/insertAdjacentHTML in this folder).
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

type Attrs = Readonly<Record<string, string | number | boolean | undefined>>;
type Child = Node | string | null | undefined | false;

function apply(el: Element, attrs: Attrs | undefined, children: readonly Child[]): void {
  for (const [k, v] of Object.entries(attrs ?? {})) {
    if (v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
  }
}

/** An HTML element; string children become text nodes. */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  apply(el, attrs, children);
  return el;
}

/** An SVG element; string children become text nodes. */
export function s<K extends keyof SVGElementTagNameMap>(tag: K, attrs?: Attrs, ...children: Child[]): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  apply(el, attrs, children);
  return el;
}

/** `{0}`, `{1}`... in a localized template (templates keep them: see client/src/preview/strings.ts). */
export function format(template: string, ...args: readonly (string | number)[]): string {
  return template.replace(/\{(\d+)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m));
}

/** Round to px/10 so the SVG stays small and crisp. */
export function px(v: number): number {
  return Math.round(v * 10) / 10;
}

/** Cut a label to about `max` characters (the full text stays in the tooltip and aria-label). */
export function ellipsis(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, Math.max(1, max - 1)).join('')}…`;
}
