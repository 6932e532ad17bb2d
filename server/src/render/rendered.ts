/**
 * A rendered document (one object of `helm template` or `kustomize build` output) and where its values
 * came from. Both renderers produce these; service/rendered.ts analyses them with the ordinary engine
 * and moves each finding to the source line that `origin` names.
 */
import type { Span, YNode } from '../model/tree';
import type { YamlPath } from './yamlPath';

/** A place in a source file: a span of its text, or a whole line when only the line is known. */
export type SourcePlace =
  | { readonly file: string; readonly span: Span }
  | { readonly file: string; readonly line: number };

export interface SourceOrigin {
  readonly place: SourcePlace;
  /** The value's own line (values key, template key, patch line); false when only the template's first line is known. */
  readonly exact: boolean;
}

export interface RenderedDocument {
  /** The rendered YAML of this document. */
  readonly text: string;
  /** The template or resource file that produced it, and its first line there (`renderedFrom`). */
  readonly from: SourcePlace;
  /** How the source is named in messages, e.g. `templates/deployment.yaml`. */
  readonly label: string;
  /**
   * Where the value at `path` of the rendered tree `root` came from; `value` is the part of a scalar the
   * question is about, when one line writes it from several values (findingValue).
   */
  origin(path: YamlPath, root: YNode | undefined, value?: string): SourceOrigin;
  /**
   * The template line that writes the key at `path` even when its value comes from a values file (the
   * `resources:` above `{{- toYaml .Values.resources | nindent 12 }}`); absent when only `origin` is known.
   */
  writer?(path: YamlPath, root: YNode | undefined): SourceOrigin;
}

export interface RenderedSet {
  readonly documents: readonly RenderedDocument[];
  /** Every source file (template, helper, values, patch, resource), by the name reported to the user, with its text. */
  readonly sources: ReadonlyMap<string, string>;
}
