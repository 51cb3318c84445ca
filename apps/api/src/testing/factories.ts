/**
 * Test data through the use cases, so what a test starts from was checked, numbered, clocked and
 * audited like real data: `buildClaim`, `buildPerson`, `buildOfficer({ competencies })`…
 * Each takes the test's database (a copy of the migrated, seeded template) and acts as a demo user.
 */
import type { Database } from '@refugio/db';
import {
  ZClaimInput, ZPersonInput, ZStartInterview, ZUserInput, todayIn, type TClaim, type TClaimInput, type TInterview, type TPersonInput,
  type TransitionAction, type TSubstantiveOutcome,
} from '@refugio/domain';
import {
  addFact, assignClaim, createClaim, createUser, demoContext, generateDecision, getClaimUnaudited, installShippedTemplates, readBackInterview,
  recordGrant, signInterview, startInterview, submitDecision, TRANSITION_USE_CASES, updateFact, type RequestContext,
} from '@refugio/domain/server';
import { TEST_PASSWORD } from './test-app.ts';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

/**
 * The path of steps from registration to each status (the main line, then side exits).
 * `interview` is a personal interview conducted and signed, which takes `record_interview`.
 */
type PathStep = TransitionAction | 'interview';
const PATH_TO: Partial<Record<TClaim['status'], PathStep[]>> = {
  registered: [],
  admitted: ['admit'],
  interview_scheduled: ['admit', 'schedule_interview'],
  interviewed: ['admit', 'schedule_interview', 'interview'],
  under_assessment: ['admit', 'schedule_interview', 'interview', 'start_assessment'],
  decision_drafted: ['admit', 'schedule_interview', 'interview', 'start_assessment', 'draft_decision'],
  in_review: ['admit', 'schedule_interview', 'interview', 'start_assessment', 'draft_decision', 'submit_for_review'],
  late_filing_review: ['open_late_filing_review'],
  withdrawn: ['withdraw'],
};

export async function actAs(db: Database, username: string): Promise<RequestContext> {
  return demoContext(db, username);
}

export async function officeIdOf(db: Database, code: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM offices WHERE code = $1', [code]);
  if (!rows[0]) throw new Error(`No office ${code}`);
  return rows[0].id;
}

/** A person as the registration form sends one: an adult Honduran woman who speaks Spanish, unless told otherwise. */
export function buildPerson(overrides: Partial<TPersonInput> = {}): TPersonInput {
  const year = Number(todayIn().slice(0, 4));
  return ZPersonInput.parse({
    givenNames: 'Rosa Elvira', firstSurname: 'Maldonado', sex: 'female', birthDate: `${year - 35}-06-02`,
    nationalities: ['HND'], languages: ['es'], ...overrides,
  });
}

export interface BuildClaimOptions {
  /** Who registers it (a registration clerk by default) and takes it along the path. */
  by?: string;
  office?: string;
  members?: TClaimInput['members'];
  flags?: TClaimInput['flags'];
  /** Moves the claim there through the lifecycle's steps. */
  status?: TClaim['status'];
  /** Assigns it (through the assign step, as the office's supervisor) to this user. */
  assignTo?: string;
  input?: Partial<TClaimInput>;
  /** The outcome of the draft decision when the path drafts one (refugee under the Convention by default). */
  outcome?: TSubstantiveOutcome;
  /** Who reviews the draft when the path submits it (another officer of the office, given the drafting competency). */
  reviewer?: string;
}

/** A claim registered, and moved or assigned, through the use cases. */
export async function buildClaim(db: Database, options: BuildClaimOptions = {}): Promise<TClaim> {
  const ctx = await actAs(db, options.by ?? 'registro');
  const input = ZClaimInput.parse({
    officeId: await officeIdOf(db, options.office ?? 'COMAR-TAP'), channel: 'comar_office',
    members: options.members ?? [{ relation: 'principal', person: buildPerson() }],
    flags: options.flags ?? [], ...options.input,
  });
  let claim = await createClaim(db, ctx, input);
  if (options.assignTo) {
    const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [options.assignTo]);
    claim = await assignClaim(db, await actAs(db, 'supervisor'), claim.id, { version: claim.version, officerId: rows[0]!.id, reason: null, overrideGating: false });
  }
  const path = PATH_TO[options.status ?? 'registered'];
  if (!path) throw new Error(`buildClaim cannot reach ${options.status} yet`);
  for (const action of path) {
    if (action === 'interview') {
      await conductInterview(db, claim.id, { by: options.by ?? 'registro' });
      claim = await getClaimUnaudited(db, ctx.actor!, claim.id);
      continue;
    }
    const reason = ['open_late_filing_review', 'withdraw', 'abandon', 'transfer', 'return_to_drafting'].includes(action) ? 'Motivo de prueba' : null;
    if (action === 'draft_decision') {
      // A decision is drafted only from an assessment whose facts are concluded with reasons (ADR 029),
      // and through the decision feature, which records it (ADR 030).
      await concludeAssessment(db, ctx, claim.id);
      await generateDecision(db, ctx, { claimId: claim.id, input: { version: claim.version, outcome: options.outcome ?? 'refugee_convention', personOutcomes: [] } });
    } else if (action === 'submit_for_review') {
      const by = options.by ?? 'registro';
      const reviewer = await userIdOf(db, options.reviewer ?? (by === 'supervisor' ? 'registro' : 'supervisor'));
      await ensureCompetency(db, reviewer, 'drafting_decisions');
      const { rows } = await db.query<{ version: number }>(`SELECT version FROM decisions WHERE claim_id = $1 AND status <> 'superseded'`, [claim.id]);
      await submitDecision(db, ctx, { claimId: claim.id, input: { version: rows[0]!.version, reviewerId: reviewer } });
    } else {
      claim = await TRANSITION_USE_CASES[action](db, ctx, claim.id, { version: claim.version, reason, toOfficeId: null });
      continue;
    }
    claim = await getClaimUnaudited(db, ctx.actor!, claim.id);
  }
  return claim;
}

/** One material fact, accepted with its reasons: the least an assessment needs before a draft decision. */
export async function concludeAssessment(db: Database, ctx: RequestContext, claimId: string) {
  const statement = 'Es de nacionalidad hondureña';
  const fact = await addFact(db, ctx, { claimId, input: { kind: 'nationality', statement, sensitive: false } });
  return updateFact(db, ctx, {
    claimId, factId: fact.id,
    input: {
      version: fact.version, kind: 'nationality', statement, sensitive: false, sufficiency: 'positive', sufficiencyNotes: '',
      internalConsistency: 'positive', internalConsistencyNotes: '', externalConsistency: 'positive', externalConsistencyNotes: '',
      plausibility: 'positive', plausibilityNotes: '', chanceToExplain: null, explanation: '', conclusion: 'accepted',
      reasons: 'Pasaporte hondureño vigente y declaración coherente', bodGenuineEffort: false, bodEvidenceSubmitted: false,
      bodCoherentPlausible: false, bodTimely: false, bodGenerallyCredible: false,
    },
  });
}

async function userIdOf(db: Database, username: string): Promise<string> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]);
  if (!rows[0]) throw new Error(`No user ${username}`);
  return rows[0].id;
}

/** The competency granted unless the user holds it today. */
export async function ensureCompetency(db: Database, userId: string, competencyCode: string): Promise<void> {
  const { rows } = await db.query<{ held: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM competency_grants WHERE user_id = $1 AND competency_code = $2
                     AND grant_valid_on(revoked_at, granted_on, expires_on, CURRENT_DATE)) AS held`, [userId, competencyCode]);
  if (!rows[0]!.held) await grantCompetency(db, userId, competencyCode);
}

/** A competency held by a user, recorded by the training coordinator (experience route). */
export async function grantCompetency(db: Database, userId: string, competencyCode: string, options: { grantedOn?: string; expiresOn?: string | null } = {}) {
  return recordGrant(db, await actAs(db, 'capacitacion'), {
    userId, competencyCode, source: 'experience', evidence: 'Datos de prueba', grantedOn: options.grantedOn ?? todayIn(),
    expiresOn: options.expiresOn ?? null,
  });
}

/**
 * An eligibility officer of an office (COMAR Tapachula by default) holding these competencies,
 * created by the administrator; signs in with the test password.
 */
export async function buildOfficer(db: Database, options: { username?: string; office?: string; competencies?: string[] } = {}) {
  const admin = await actAs(db, 'admin');
  const { rows } = await db.query<{ id: string }>("SELECT id FROM institutions WHERE code = 'COMAR'");
  const username = options.username ?? `oficial.${unique()}`;
  const { user } = await createUser(db, admin, ZUserInput.parse({
    username, fullName: `Oficial ${username}`, institutionId: rows[0]!.id, officeIds: [await officeIdOf(db, options.office ?? 'COMAR-TAP')],
    roleCodes: ['eligibility_officer'], password: TEST_PASSWORD,
  }));
  await db.query('UPDATE users SET must_change_password = false WHERE id = $1', [user.id]);
  for (const code of options.competencies ?? []) await grantCompetency(db, user.id, code);
  return user;
}

/** A drawn signature as the canvas sends it: a small valid PNG. */
export const SIGNATURE_PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';

/** The shipped questionnaires installed for an institution (by code) that has none yet. */
export async function installQuestionnaires(db: Database, institutionCode = 'COMAR'): Promise<void> {
  const { rows } = await db.query<{ id: string }>('SELECT id FROM institutions WHERE code = $1', [institutionCode]);
  await db.transaction((tx) => installShippedTemplates(tx, { institutionId: rows[0]!.id, createdBy: null }));
}

/** The published version of one of an institution's questionnaires. */
export async function publishedTemplateId(db: Database, code: string, institutionCode = 'COMAR'): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `SELECT t.id FROM interview_templates t JOIN institutions i ON i.id = t.institution_id
      WHERE i.code = $1 AND t.code = $2 AND t.status = 'published'`, [institutionCode, code]);
  if (!rows[0]) throw new Error(`No published questionnaire ${code}`);
  return rows[0].id;
}

export interface ConductInterviewOptions {
  /** Who conducts it (and signs as officer). */
  by: string;
  template?: string;
  /** Stop after starting it (no read-back, no signatures). */
  open?: boolean;
}

/**
 * A personal interview of the claim's principal applicant through the use cases: started on a
 * COMAR questionnaire, read back and signed by the applicant (drawn) and the officer (attested),
 * which locks it and records the claim as interviewed — unless `open`.
 */
export async function conductInterview(db: Database, claimId: string, options: ConductInterviewOptions): Promise<TInterview> {
  await installQuestionnaires(db);
  const ctx = await actAs(db, options.by);
  const { rows } = await db.query<{ person_id: string }>(`SELECT person_id FROM claim_members WHERE claim_id = $1 AND relation = 'principal'`, [claimId]);
  let interview = await startInterview(db, ctx, { claimId, input: ZStartInterview.parse({
    personId: rows[0]!.person_id, templateId: await publishedTemplateId(db, options.template ?? 'comar_elegibilidad'), language: 'es',
  }) });
  if (options.open) return interview;
  interview = await readBackInterview(db, ctx, { id: interview.id, version: interview.version });
  await signInterview(db, ctx, { id: interview.id, input: { role: 'applicant', method: 'drawn', signerName: interview.personName, image: SIGNATURE_PNG, declinedReason: null } });
  return signInterview(db, ctx, { id: interview.id, input: { role: 'officer', method: 'attested', signerName: interview.officerName, image: null, declinedReason: null } });
}
