/**
 * The service's admission hook (ServiceOptions.admission) over a workspace index: a document's pods are
 * admitted with the LimitRanges of their namespace from every indexed file, and with those written in the
 * document's current text. Used by the language server and by `pod-lens check` over several files.
 */
import type { AdmissionContext } from '../analysis/admission/context';
import { limitRangesInText } from '../analysis/admission/fileLimitRanges';
import type { LimitRangeModel } from '../analysis/admission/limitRangeModel';
import { workspaceAdmission } from '../analysis/admission/workspaceLimitRanges';
import type { LimitRangeIndex } from '../analysis/admission/workspaceLimitRanges';
import type { TextSnapshot } from './index';
import { fingerprint } from './index';
import { normalizePath } from '../analysis/workspace/paths';

export interface WorkspaceAdmissionOptions {
  /** The index key (file path) of a document, or undefined for a document outside the workspace (untitled). */
  readonly fileOf: (uri: string) => string | undefined;
  /** How messages show an indexed file, and its URI for links. */
  readonly display: (file: string) => { readonly file: string; readonly uri?: string };
}

/** `(doc) => AdmissionContext`; a document's own LimitRanges are read once per version. */
export function workspaceAdmissionHook(index: LimitRangeIndex, options: WorkspaceAdmissionOptions): {
  admission: (doc: TextSnapshot) => AdmissionContext | undefined;
  forget: (uri: string) => void;
} {
  const own = new Map<string, { version: number; text: string; ranges: LimitRangeModel[]; key: string }>();
  const ownOf = (doc: TextSnapshot, file: string) => {
    const hit = own.get(doc.uri);
    if (hit && hit.version === doc.version && hit.text === doc.text) return hit;
    const ranges = limitRangesInText(doc.text, options.display(file).file);
    const key = ranges.length ? fingerprint(ranges.map((r) => doc.text.slice(r.root.span.start, r.root.span.end)).join('\u0000')) : '';
    const next = { version: doc.version, text: doc.text, ranges, key };
    own.set(doc.uri, next);
    return next;
  };
  return {
    admission(doc) {
      const path = options.fileOf(doc.uri);
      if (path === undefined) return undefined;
      const file = normalizePath(path);
      const mine = ownOf(doc, file);
      return workspaceAdmission({ index, file, own: mine.ranges, ownKey: mine.key, display: options.display });
    },
    forget: (uri) => { own.delete(uri); },
  };
}
