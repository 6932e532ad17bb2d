/** Hover test helpers: YAML with a caret marker (‸) where the cursor is, hovered through the real service. */
import { createPodService } from '../../../server/src/service/index';
import type { PodLensSettings } from '../../../server/src/service/settings';
import { LineIndex } from '../../../server/src/model/lineIndex';

export const CARET = '‸';
let n = 0;

/** The hover markdown at the caret (undefined when there is none). Faults fail the test. */
export function hoverAtCaret(marked: string, settings: Partial<PodLensSettings> = {}): { markdown: string; text: string; range: { start: { line: number; character: number }; end: { line: number; character: number } } } | undefined {
  const at = marked.indexOf(CARET);
  if (at < 0 || marked.indexOf(CARET, at + 1) >= 0) throw new Error('mark exactly one caret');
  const text = marked.slice(0, at) + marked.slice(at + CARET.length);
  const service = createPodService({ log: (m) => { throw new Error(`unexpected fault: ${m}`); } });
  const h = service.hover({ uri: `test://hover-${n++}.yaml`, version: 1, text }, settings, new LineIndex(text).position(at));
  return h ? { markdown: h.markdown, text, range: h.range } : undefined;
}

/** Like hoverAtCaret, but the hover must exist. */
export function md(marked: string, settings: Partial<PodLensSettings> = {}): string {
  const h = hoverAtCaret(marked, settings);
  if (!h) throw new Error(`no hover at the caret in:\n${marked}`);
  return h.markdown;
}

/** The text the hover range covers. */
export function covered(marked: string): string | undefined {
  const h = hoverAtCaret(marked);
  if (!h) return undefined;
  const lines = new LineIndex(h.text);
  return h.text.slice(lines.offset(h.range.start), lines.offset(h.range.end));
}
