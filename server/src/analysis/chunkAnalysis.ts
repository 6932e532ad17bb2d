/**
 * Analysis of one YAML document chunk, in chunk-local offsets: parse, find pods, analyse them, run
 * the rules. Pure and total: a rule that throws is reported through `onFault` and skipped.
 * The service caches these by chunk text, so unchanged documents are never re-analysed.
 */
import * as l10n from '@vscode/l10n';
import { parseFile } from '../model/parse';
import type { ParsedDocument, ParseLimits } from '../model/parse';
import { DEFAULT_LIMITS } from '../model/parse';
import { findPods } from '../model/podModel';
import type { KubeVersion } from '../model/version';
import type { Finding } from './finding';
import { analyzePod } from './podAnalysis';
import type { PodAnalysis } from './podAnalysis';
import { explainDocuments } from './observed/index';
import type { PodExplanation } from './observed/index';
import { RULES } from './rules/index';
import type { Rule } from './rules/rule';
import type { AdmissionContext } from './admission/context';

export interface ChunkAnalysis {
  readonly documents: readonly ParsedDocument[];
  /** Local pod indexes (0-based within the chunk). */
  readonly pods: readonly PodAnalysis[];
  /** Syntax and rule findings, chunk-local spans, `pod` = local pod index. */
  readonly findings: readonly Finding[];
  /** Observed pods (a Pod with `status`, also inside a List), explained (analysis/observed). */
  readonly observed: readonly PodExplanation[];
}

export type FaultHandler = (where: string, error: unknown) => void;

export function analyzeChunk(
  text: string,
  version: KubeVersion,
  onFault: FaultHandler = () => undefined,
  rules: readonly Rule[] = RULES,
  limits: ParseLimits = DEFAULT_LIMITS,
  admission?: AdmissionContext,
): ChunkAnalysis {
  const parsed = parseFile(text, limits);
  const findings: Finding[] = parsed.problems.map((p) => ({
    code: p.code, severity: p.severity, span: p.span,
    message: l10n.t(p.message, ...(p.args ?? [])),
  }));
  let pods: PodAnalysis[] = [];
  try {
    pods = findPods(parsed.documents, { version }).map((pod) => analyzePod(pod, version, admission?.limitRangesFor(pod)));
  } catch (e) {
    onFault('pod model', e);
  }
  let observed: PodExplanation[] = [];
  try {
    observed = explainDocuments(parsed.documents, pods, version);
  } catch (e) {
    onFault('observed status', e);
  }
  const observedOf = new Map(observed.flatMap((o) => (o.object.analysis ? [[o.object.analysis, o] as const] : [])));
  for (const analysis of pods) {
    const templated = parsed.documents[analysis.pod.document]?.templated === true;
    for (const rule of rules) {
      if (templated && rule.quietOnTemplates) continue;
      try {
        for (const f of rule.check({ analysis, version, siblings: pods, templated, observed: observedOf.get(analysis) })) {
          findings.push({ code: rule.code, severity: f.severity ?? rule.severity, span: f.span, message: f.message, pod: analysis.pod.index, data: f.data });
        }
      } catch (e) {
        onFault(`rule ${rule.code}`, e);
      }
    }
  }
  return { documents: parsed.documents, pods, findings, observed };
}
