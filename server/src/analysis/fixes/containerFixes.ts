/**
 * Fixes about where a container lives: a regular init container with probes or hooks (remove them,
 * or make it a sidecar), an init container restartPolicy, and a legacy sidecar in a Job moved to
 * initContainers with `restartPolicy: Always`.
 * https://kubernetes.io/docs/concepts/workloads/pods/sidecar-containers/
 */
import * as l10n from '@vscode/l10n';
import type { ContainerModel } from '../../model/pod';
import { entry, isMap, isSeq } from '../../model/tree';
import type { YEntry } from '../../model/tree';
import { featureEnabled } from '../../model/version';
import { containerOf, field, fix } from './context';
import type { FixInput, QuickFix } from './context';
import { column, entryEnd, insertEntry, isFlow, lineStart, nextLineStart, reindent, removeEntry, setValue } from './text';
import type { TextEdit } from './text';

/** Where `restartPolicy: Always` reads best: after image (or name). */
function anchorEntry(c: ContainerModel): YEntry | undefined {
  return entry(c.node, 'image') ?? entry(c.node, 'name');
}

/** `restartPolicy: Always` on the container: set the existing key, or insert one. */
export function makeSidecarEdit(text: string, c: ContainerModel): TextEdit | undefined {
  const rp = entry(c.node, 'restartPolicy');
  if (rp) return setValue(text, rp, 'Always');
  return insertEntry(text, c.node, 'restartPolicy', 'Always', { after: anchorEntry(c) });
}

export function initContainerFieldFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  const key = field(input.finding.data, 'field');
  if (!c || c.listKey !== 'initContainers' || typeof key !== 'string') return [];
  const e = entry(c.node, key);
  const out: QuickFix[] = [];
  if (e) out.push(...fix(l10n.t('Remove {0} from init container "{1}"', key, c.name), [removeEntry(input.text, c.node, e)]));
  if (featureEnabled(input.version, 'SidecarContainers')) {
    out.push(...fix(l10n.t('Make "{0}" a sidecar (restartPolicy: Always)', c.name), [makeSidecarEdit(input.text, c)]));
  }
  return out;
}

export function initRestartPolicyFixes(input: FixInput): QuickFix[] {
  const c = containerOf(input);
  if (!c || c.listKey !== 'initContainers') return [];
  const e = entry(c.node, 'restartPolicy');
  if (!e) return [];
  return [
    ...fix(l10n.t('Remove restartPolicy: "{0}" runs once as a regular init container', c.name), [removeEntry(input.text, c.node, e)], true),
    ...(featureEnabled(input.version, 'SidecarContainers') ? fix(l10n.t('Make "{0}" a sidecar (restartPolicy: Always)', c.name), [setValue(input.text, e, 'Always')]) : []),
  ];
}

/** A block-sequence item: the `- ` line start and the end of its last line. */
function itemRegion(text: string, c: ContainerModel): { start: number; end: number; dash: number } | undefined {
  const start = lineStart(text, c.span.start);
  const prefix = text.slice(start, c.span.start);
  const m = /^( *)- +$/.exec(prefix);
  if (!m) return undefined;
  const end = text[c.span.end - 1] === '\n' ? c.span.end : nextLineStart(text, c.span.end);
  return { start, end, dash: m[1]!.length };
}

/** Move a regular container of a Job into initContainers (first) as a sidecar. */
export function convertToSidecarFixes(input: FixInput): QuickFix[] {
  const { text, analysis: { pod } } = input;
  const c = containerOf(input);
  if (!c || c.role !== 'app' || !featureEnabled(input.version, 'SidecarContainers')) return [];
  const containersEntry = entry(pod.spec, 'containers');
  const containers = containersEntry?.value;
  if (!containersEntry || !isSeq(containers) || isFlow(text, containers) || containers.items.length < 2) return [];
  const item = itemRegion(text, c);
  if (!item) return [];
  // The item text with restartPolicy added, edited in place before it moves.
  const rp = makeSidecarEdit(text, c);
  if (!rp || rp.start < item.start || rp.end > item.end) return [];
  let moved = text.slice(item.start, rp.start) + rp.newText + text.slice(rp.end, item.end);
  if (!moved.endsWith('\n')) moved += text.includes('\r\n') ? '\r\n' : '\n';
  const nl = text.includes('\r\n') ? '\r\n' : '\n';
  const initEntry = entry(pod.spec, 'initContainers');
  const init = initEntry?.value;
  let insert: TextEdit;
  if (initEntry && isSeq(init) && init.items.length > 0 && !isFlow(text, init)) {
    const firstItem = init.items[0]!;
    if (!isMap(firstItem)) return [];
    const at = lineStart(text, firstItem.span.start);
    const dash = /^( *)- /.exec(text.slice(at, firstItem.span.start));
    if (!dash) return [];
    insert = { start: at, end: at, newText: reindent(moved, dash[1]!.length - item.dash) };
  } else if (!initEntry || (init && init.type === 'scalar' && init.value === null)) {
    const keyCol = column(text, containersEntry.keySpan.start);
    if (lineStart(text, containersEntry.keySpan.start) + keyCol !== containersEntry.keySpan.start) return [];
    const at = lineStart(text, containersEntry.keySpan.start);
    // Same indentation as `containers:`, so the item keeps its own. `initContainers:` with nothing
    // after it is replaced.
    insert = initEntry
      ? { start: lineStart(text, initEntry.keySpan.start), end: entryEnd(text, initEntry), newText: `${' '.repeat(column(text, initEntry.keySpan.start))}initContainers:${nl}${moved}` }
      : { start: at, end: at, newText: `${' '.repeat(keyCol)}initContainers:${nl}${moved}` };
  } else {
    return [];
  }
  return fix(l10n.t('Move "{0}" to initContainers as a sidecar (restartPolicy: Always)', c.name), [insert, { start: item.start, end: item.end, newText: '' }], true);
}
