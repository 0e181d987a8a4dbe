/**
 * Claimdesk's own full export: everything in the view model (verdicts, sources, comments,
 * history), plus a format marker and a summary, as pretty-printed JSON. Values are copied
 * verbatim (URLs included) because this is a data export, not something rendered as links.
 * It is meant for the workspace's own archive, so people keep their e-mail addresses.
 */
import { summarizeVerdicts } from './summary';
import type { ReportViewModel } from './view-model';

export const JSON_REPORT_FORMAT = 'claimdesk-report';
export const JSON_REPORT_FORMAT_VERSION = 1;

export function buildJsonReport(vm: ReportViewModel) {
  const summary = summarizeVerdicts(vm);
  return {
    format: JSON_REPORT_FORMAT,
    formatVersion: JSON_REPORT_FORMAT_VERSION,
    generatedAt: vm.generatedAt,
    generator: { name: 'Claimdesk', url: vm.appUrl },
    workspace: vm.workspace,
    article: vm.article,
    scale: vm.scale,
    summary: {
      total: summary.total,
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
