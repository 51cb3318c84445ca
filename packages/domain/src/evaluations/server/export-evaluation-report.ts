import type { Database } from '@refugio/db';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import type { Language } from '../../shared/limits.ts';
import { todayIn } from '../../shared/time.ts';
import { renderEvaluationPdf } from './evaluation-pdf.ts';
import { loadEvaluation } from './get-evaluation.ts';

export interface ExportEvaluationReportOptions {
  id: string;
  language?: Language;
}

/**
 * The evaluation report for outside readers (a donor, UNHCR): small numbers suppressed (ADR 046),
 * in the language asked for; the export is an audit event, as a document leaving the system.
 */
export async function exportEvaluationReport(db: Database, ctx: RequestContext, options: ExportEvaluationReportOptions): Promise<{ pdf: Uint8Array; title: string }> {
  const actor = actorOf(ctx);
  const language = options.language ?? actor.language;
  const { evaluation, impacts } = await loadEvaluation(db, ctx, { id: options.id, language, suppress: true });
  const pdf = await renderEvaluationPdf({ evaluation, impacts, language, generatedOn: todayIn() });
  await db.transaction((tx) => recordAudit(tx, ctx, { action: 'evaluation.report_exported', entityType: 'capacity_action', entityId: evaluation.id,
    details: { language, bytes: pdf.byteLength } }));
  return { pdf, title: evaluation.title };
}
