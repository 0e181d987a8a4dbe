/**
 * Claimdesk's own full export: everything in the view model (verdicts, sources with their
 * public/internal flag, right of reply, comments, history, the publication record), plus a format
 * marker and a summary (excluded claims counted apart), as pretty-printed JSON. Values are copied
 * verbatim (URLs included) because this is a data export, not something rendered as links.
 * It is meant for the workspace's own archive, so people keep their e-mail addresses.
 */
import { summarizeVerdicts } from './summary';
import type { ReportViewModel } from './view-model';

export const JSON_REPORT_FORMAT = 'claimdesk-report';
/**
 * 2: stable claim numbers, exclusion, public flags, right of reply, audience and publication.
 * 3: multi-part claims (`parts` on claims with several spans; `quote`/`position` are the first
 * part's) and passage context on sources (`excerptPrefix`/`excerptSuffix`).
 * 4: `article.blocks`, the article's structure over its text (lib/editor/doc-blocks.ts: headings,
 * lists, quotes, bold/italic/strike and links, by offset), when the report was built from the database.
 */
export const JSON_REPORT_FORMAT_VERSION = 4;

export function buildJsonReport(vm: ReportViewModel) {
  const summary = summarizeVerdicts(vm);
  return {
    format: JSON_REPORT_FORMAT,
    formatVersion: JSON_REPORT_FORMAT_VERSION,
    generatedAt: vm.generatedAt,
    generator: { name: 'Claimdesk', url: vm.appUrl },
    audience: vm.audience,
    workspace: vm.workspace,
    article: vm.article,
    publication: vm.publication,
    scale: vm.scale,
    summary: {
      total: summary.total,
      excluded: summary.excluded,
      pending: summary.pending,
      byVerdict: summary.rows.map((row) => ({ key: row.verdict?.key ?? null, label: row.label, count: row.count })),
    },
    claims: vm.claims,
  } as const;
}

export type JsonReport = ReturnType<typeof buildJsonReport>;

export function renderJsonReport(vm: ReportViewModel): string {
  return `${JSON.stringify(buildJsonReport(vm), null, 2)}\n`;
}
