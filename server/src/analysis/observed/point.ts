/** One explanation about an observed pod: where in the status, what it says, and the spec field behind it. */
import type { Span } from '../../model/tree';
import type { SpecLink } from './specLinks';

export interface Point {
  readonly severity: 'warning' | 'information';
  /** Localised; no relative times (it is cached with the document). */
  readonly message: string;
  /** The status field it is about. */
  readonly span: Span;
  /** The spec field that causes it, when there is one. */
  readonly spec?: SpecLink | undefined;
  /** What a hover or a diagnostic on that spec field says about the observed effect. */
  readonly specMessage?: string;
}
