/** A finding in our own terms: offsets, not LSP ranges. The service maps it to a Diagnostic. */
import type { Span } from '../model/tree';

export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  /** Stable rule code, e.g. `invalid-quantity` (docs/rules/<code>.md). */
  readonly code: string;
  readonly severity: Severity;
  readonly span: Span;
  /** Final, localised message. */
  readonly message: string;
  /** Index of the pod spec it is about, when it is about one. */
  readonly pod?: number;
  /** Data a quick fix needs (plain JSON). */
  readonly data?: unknown;
  readonly tags?: readonly ('unnecessary' | 'deprecated')[];
}
