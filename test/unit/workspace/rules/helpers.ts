/** Builds a WorkspaceIndex from fixture texts and runs one workspace rule over a file. */
import { WorkspaceIndex } from '../../../../server/src/analysis/workspace/index';
import { checkWorkspaceFile, workspaceQuickFixes } from '../../../../server/src/analysis/workspace/rules/index';
import type { Finding } from '../../../../server/src/analysis/finding';
import { applyEdits } from '../../../../server/src/analysis/fixes/index';

export type Files = Readonly<Record<string, string>>;

export function indexOf(files: Files, defaultNamespace?: string): WorkspaceIndex {
  const index = new WorkspaceIndex({ defaultNamespace });
  for (const [file, text] of Object.entries(files)) index.setFileText(file, text);
  return index;
}

/** The findings of `code` in `file`, with the text each points at. */
export function findings(files: Files, file: string, code: string, kubernetesVersion = '1.37'): (Finding & { at: string })[] {
  const index = indexOf(files);
  return checkWorkspaceFile({ view: index, file, kubernetesVersion }, (c) => (c === code ? 'warning' : 'off'))
    .map((f) => ({ ...f, at: files[file]!.slice(f.span.start, f.span.end) }));
}

/** The file's text after the finding's one quick fix, or undefined when none is offered. */
export function fixed(files: Files, file: string, finding: Finding): { title: string; text: string } | undefined {
  const text = files[file]!;
  const fixes = workspaceQuickFixes({ text, finding });
  if (fixes.length === 0) return undefined;
  return { title: fixes[0]!.title, text: applyEdits(text, fixes[0]!.edits) };
}

export function deployment(name: string, opts: { ns?: string; labels?: string; replicas?: number | null; kind?: string; containers?: string; extra?: string } = {}): string {
  const kind = opts.kind ?? 'Deployment';
  return `apiVersion: apps/v1
kind: ${kind}
metadata:
  name: ${name}
${opts.ns ? `  namespace: ${opts.ns}\n` : ''}spec:
${opts.replicas === null || kind === 'DaemonSet' ? '' : `  replicas: ${opts.replicas ?? 2}\n`}  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        ${opts.labels ?? `app: ${name}`}
    spec:
${opts.extra ?? ''}      containers:
${opts.containers ?? `        - name: app
          image: nginx
          ports:
            - name: http
              containerPort: 8080
          resources:
            requests:
              cpu: 100m
              memory: 64Mi
`}`;
}
