import type { Database } from '@refugio/db';
import { longDate } from '../../assessment/index.ts';
import { recordAudit } from '../../audit/server/index.ts';
import { actorOf, type RequestContext } from '../../shared/context.ts';
import { AppError } from '../../shared/errors.ts';
import { loadClaimFor } from '../../shared/policies/claim.policy.ts';
import { localDay } from '../../shared/time.ts';
import { isPositive, type Outcome } from '../decisions.rules.ts';
import { countryName, legalBasisText, OUTCOME_PHRASE } from './compose-draft.ts';
import { requireDecision } from './decision-view.ts';
import { MUTED, PdfWriter } from './pdf-writer.ts';

export interface InmNoticeOptions {
  claimId: string;
}

/**
 * The notice to the migration institute (INM) after a positive decision is notified, so that it
 * issues each protected person's migration document (Ley de Migración art. 54; LRPCPAP art. 48).
 * Rendered on demand from the signed decision and its notification (ADR 016's approach: no
 * stored blob, nothing to fall out of step); printing it is audited, which records when it was
 * sent. It names the persons and the decision's verification code, never the reasons.
 */
export async function inmNotice(db: Database, ctx: RequestContext, options: InmNoticeOptions): Promise<{ fileName: string; pdf: Uint8Array }> {
  const actor = actorOf(ctx);
  return db.transaction(async (tx) => {
    const claim = await loadClaimFor(tx, actor, options.claimId, 'read');
    const row = await requireDecision(tx, claim.id, false);
    const notified = await tx.query<{ notified_at: Date }>('SELECT notified_at FROM decision_notifications WHERE decision_id = $1', [row.id]);
    if (row.status !== 'signed' || !isPositive(row.outcome) || !notified.rows[0]) throw new AppError('INVALID_STATE', { extra: { reason: 'no_positive_notified_decision' } });
    const [heading, persons] = await Promise.all([
      tx.query<{ claim_number: string; office: string; institution: string; signed_at: Date }>(
        `SELECT c.claim_number, o.name AS office, i.name AS institution, d.signed_at FROM decisions d JOIN claims c ON c.id = d.claim_id
           JOIN offices o ON o.id = coalesce(d.issued_office_id, c.office_id) JOIN institutions i ON i.id = o.institution_id WHERE d.id = $1`, [row.id]),
      tx.query<{ full_name: string; birth_date: string | null; nationalities: string[]; outcome: Outcome }>(
        `SELECT concat_ws(' ', p.given_names, p.first_surname, p.second_surname) AS full_name, p.birth_date::text AS birth_date, p.nationalities, o.outcome
           FROM decision_person_outcomes o JOIN persons p ON p.id = o.person_id WHERE o.decision_id = $1 ORDER BY p.birth_date NULLS LAST`, [row.id]),
    ]);
    const h = heading.rows[0]!;
    const w = await PdfWriter.create(`Aviso al INM ${h.claim_number}`);
    w.text(h.institution, { size: 11, bold: true, gap: 0 });
    w.text(h.office, { color: MUTED });
    w.text('Instituto Nacional de Migración', { size: 11, bold: true, gap: 0 });
    w.text('Presente', { gap: 10 });
    w.text(`Asunto: expedición del documento migratorio — expediente ${h.claim_number}`, { bold: true, gap: 8 });
    w.text(`Se le informa que por resolución firmada el ${longDate(localDay(h.signed_at, claim.time_zone), 'es-MX')}, notificada el `
      + `${longDate(localDay(notified.rows[0].notified_at, claim.time_zone), 'es-MX')}, con fundamento en ${legalBasisText(row.outcome)}, esta Comisión `
      + `resolvió ${OUTCOME_PHRASE[row.outcome]} a las personas siguientes, para que se les expida el documento migratorio que corresponda `
      + '(Ley de Migración, art. 54):', { gap: 8 });
    for (const p of persons.rows.filter((x) => isPositive(x.outcome))) {
      w.text(`– ${p.full_name}${p.birth_date ? `, nacida(o) el ${longDate(p.birth_date, 'es-MX')}` : ''}${p.nationalities.length > 0 ? `, ${p.nationalities.map(countryName).join(', ')}` : ''}: ${OUTCOME_PHRASE[p.outcome]}.`, { indent: 10 });
    }
    w.text(`La autenticidad de la resolución puede comprobarse con el código ${row.verification_code}.`, { gap: 8 });
    w.text('Los motivos de la resolución son confidenciales y no se comunican en este aviso.', { size: 9, color: MUTED });
    const pdf = await w.finish(`Aviso al INM · ${h.claim_number}`, null);
    await recordAudit(tx, ctx, {
      action: 'decision.inm_notice_printed', entityType: 'claim', entityId: claim.id, officeId: claim.office_id, details: { decisionId: row.id },
    });
    return { fileName: `aviso-inm-${h.claim_number}.pdf`, pdf };
  });
}
