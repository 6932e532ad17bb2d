/** The normal start: nothing goes wrong (the default, and what unknown input becomes). */
import type { ScenarioDefinition } from './definition';

export interface HappyScenario { readonly kind: 'happy' }

export const happyScenario: ScenarioDefinition<HappyScenario> = {
  kind: 'happy',
  label: (l10n) => l10n.t('Normal start'),
  timed: false,
  cli: {
    syntax: 'happy',
    example: 'happy',
    parse: (head, at) => (at === undefined && (head === 'happy' || head === '') ? { kind: 'happy' } : undefined),
  },
  normalize: () => ({ kind: 'happy' }),
  validate: () => ({ kind: 'happy' }),
  fields: [],
  initial: () => ({ kind: 'happy' }),
};
