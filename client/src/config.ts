/** Typed, read-only view of the extension's settings; setting ids live here only. */
import * as vscode from 'vscode';

export namespace SettingIds {
  export const section = 'podLens';
  export const kubernetesVersion = 'kubernetesVersion';
  export const traceServer = 'trace.server';
}

export class Config {
  constructor(private readonly scope?: vscode.ConfigurationScope) {}
  private get cfg() { return vscode.workspace.getConfiguration(SettingIds.section, this.scope); }
  get kubernetesVersion(): string { return this.cfg.get<string>(SettingIds.kubernetesVersion, '1.37'); }
}
