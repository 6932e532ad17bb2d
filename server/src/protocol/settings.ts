/**
 * The configuration section both sides read (`podLens.kubernetesVersion`, `podLens.rules`, ...; see
 * package.json). The client also uses it as the language client's id, so `podLens.trace.server` works.
 */
export const SETTINGS_SECTION = 'podLens';
