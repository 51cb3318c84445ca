/**
 * The gap analysis of a needs assessment (ADR 018), as a pure function so every proposal can
 * be explained and tested: what each role must hold, what the office's caseload calls for, what
 * each person answered and already holds → which module, for whom, at which level, in which
 * format, and why.
 */

export const PLAN_FORMATS = ['in_person', 'videoconference', 'online', 'blended'] as const;
export type PlanFormat = (typeof PLAN_FORMATS)[number];
export const PLAN_PRIORITIES = ['high', 'medium', 'low'] as const;
export type PlanPriority = (typeof PLAN_PRIORITIES)[number];
export const PLAN_REASONS = ['role_required', 'expired', 'expiring', 'caseload', 'prerequisite', 'no_response'] as const;
export type PlanReasonCode = (typeof PLAN_REASONS)[number];

/** Self-assessed level per competency: none, basic, confident, expert. */
export const SELF_LEVELS = [0, 1, 2, 3] as const;

/** Places per session when the plan suggests how many sessions a module needs. */
export const SESSION_CAPACITY: Record<PlanFormat, number> = { in_person: 25, blended: 25, videoconference: 150, online: 500 };
/** The format proposed when a person has no preference the module offers: the programme's blended model first. */
const FORMAT_ORDER: PlanFormat[] = ['blended', 'in_person', 'videoconference', 'online'];
/** Years of experience from which a person is proposed the advanced module of a competency rather than the core one. */
export const ADVANCED_FROM_YEARS = 2;
/** A competency expiring within this many months is proposed as a refresher. */
export const REFRESHER_MONTHS = 6;

export interface PlanResponse {
  yearsExperience: number;
  selfLevels: Record<string, number>;
  preferredFormat: PlanFormat;
}

export interface PlanStaff {
  userId: string;
  fullName: string;
  officeId: string;
  officeName: string;
  roles: string[];
  response: PlanResponse | null;
  /** Competencies held validly today, with their expiry (null: no expiry). */
  held: Record<string, string | null>;
  /** Competencies once held and now expired or revoked, none valid today. */
  lapsed: string[];
}

export interface PlanModule {
  id: string;
  code: string;
  title: string;
  level: string;
  formats: PlanFormat[];
  competencies: string[];
  prerequisites: string[];
  experienceRoute: { roles: string[]; months: number } | null;
}

/** Claims lodged at an office in the caseload window, and how many of them call for each competency. */
export interface OfficeCaseload {
  officeId: string;
  claims: number;
  byCompetency: Record<string, number>;
}

export interface PlanInput {
  today: string;
  staff: PlanStaff[];
  modules: PlanModule[];
  roleRequirements: Record<string, string[]>;
  /** Roles that take claims, whose officers the caseload concerns. */
  claimRoles: string[];
  caseload: OfficeCaseload[];
}

export interface PlanReason {
  code: PlanReasonCode;
  /** caseload: the office's share of claims calling for the competency (0–1). */
  share?: number;
  /** prerequisite: the module that needs it. */
  moduleCode?: string;
}

export interface PlanItem {
  userId: string;
  fullName: string;
  officeId: string;
  officeName: string;
  /** The competencies the module gives this person (a module may confer several). */
  competencyCodes: string[];
  moduleId: string | null;
  moduleCode: string | null;
  level: string | null;
  format: PlanFormat | null;
  /** Whether the format is the person's stated preference. */
  preferred: boolean;
  priority: PlanPriority;
  /** 1: can start now; 2: after the prerequisite proposed in the same plan. */
  step: 1 | 2;
  reasons: PlanReason[];
}

export interface PlanSummaryRow {
  moduleCode: string;
  level: string;
  format: PlanFormat;
  people: number;
  suggestedSessions: number;
}

export interface TrainingPlanResult {
  items: PlanItem[];
  summary: PlanSummaryRow[];
}

interface Need { reasons: PlanReason[]; priority: PlanPriority; step: 1 | 2 }

const PRIORITY_RANK: Record<PlanPriority, number> = { high: 0, medium: 1, low: 2 };
const higher = (a: PlanPriority, b: PlanPriority): PlanPriority => (PRIORITY_RANK[a] <= PRIORITY_RANK[b] ? a : b);

function addMonths(isoDate: string, months: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date.toISOString().slice(0, 10);
}

function selfLevel(person: PlanStaff, competency: string): number {
  return person.response?.selfLevels[competency] ?? -1;
}

/** Experience in years, self-reported; non-respondents count as having none. */
function years(person: PlanStaff): number {
  return person.response?.yearsExperience ?? 0;
}

function addNeed(needs: Map<string, Need>, competency: string, reason: PlanReason, priority: PlanPriority): void {
  const need = needs.get(competency);
  if (!need) {
    needs.set(competency, { reasons: [reason], priority, step: 1 });
    return;
  }
  if (!need.reasons.some((r) => r.code === reason.code)) need.reasons.push(reason);
  need.priority = higher(need.priority, priority);
}

/** The module that confers a competency at the person's level: advanced for the experienced, core for the others. */
function moduleFor(modules: PlanModule[], competency: string, person: PlanStaff): PlanModule | null {
  const candidates = modules.filter((m) => m.competencies.includes(competency));
  if (candidates.length <= 1) return candidates[0] ?? null;
  const basic = (m: PlanModule) => m.level === 'first_line' || m.level === 'core';
  const wantBasic = years(person) < ADVANCED_FROM_YEARS;
  return candidates.find((m) => basic(m) === wantBasic) ?? candidates[0]!;
}

function formatFor(module: PlanModule, person: PlanStaff): { format: PlanFormat; preferred: boolean } {
  const wanted = person.response?.preferredFormat;
  if (wanted && module.formats.includes(wanted)) return { format: wanted, preferred: true };
  return { format: FORMAT_ORDER.find((f) => module.formats.includes(f)) ?? module.formats[0]!, preferred: false };
}

/** The module's experience route admits the person without its prerequisites (self-reported years, one of its roles). */
function experienceAdmits(module: PlanModule, person: PlanStaff): boolean {
  const route = module.experienceRoute;
  return !!route && person.roles.some((r) => route.roles.includes(r)) && years(person) * 12 >= route.months;
}

/** What each role requires, with refreshers for what expires soon and lapsed competencies first. */
function roleNeeds(person: PlanStaff, input: PlanInput, needs: Map<string, Need>): void {
  const horizon = addMonths(input.today, REFRESHER_MONTHS);
  const required = new Set(person.roles.flatMap((role) => input.roleRequirements[role] ?? []));
  for (const competency of required) {
    if (competency in person.held) {
      const expiresOn = person.held[competency];
      if (expiresOn && expiresOn <= horizon) addNeed(needs, competency, { code: 'expiring' }, 'low');
    } else if (person.lapsed.includes(competency)) {
      addNeed(needs, competency, { code: 'expired' }, 'high');
    } else {
      addNeed(needs, competency, { code: 'role_required' }, selfLevel(person, competency) === 0 ? 'high' : 'medium');
    }
  }
}

/**
 * What the caseload calls for: an office whose claims need a competency (children, LGBTIQ,
 * trauma …) needs as many officers holding it as its share of such claims, at least one. The
 * missing ones are proposed among the officers without it, the most experienced and most
 * confident first (advanced modules build on experience).
 */
function caseloadNeeds(input: PlanInput, needsOf: Map<string, Map<string, Need>>): void {
  for (const office of input.caseload) {
    if (office.claims === 0) continue;
    const officers = input.staff.filter((p) => p.officeId === office.officeId && p.roles.some((r) => input.claimRoles.includes(r)));
    for (const [competency, count] of Object.entries(office.byCompetency)) {
      if (count === 0 || officers.length === 0) continue;
      const share = count / office.claims;
      const needed = Math.min(officers.length, Math.max(1, Math.ceil(share * officers.length)));
      const holders = officers.filter((p) => competency in p.held).length;
      const candidates = officers.filter((p) => !(competency in p.held))
        .toSorted((a, b) => years(b) - years(a) || selfLevel(b, competency) - selfLevel(a, competency) || a.fullName.localeCompare(b.fullName));
      for (const person of candidates.slice(0, Math.max(0, needed - holders))) {
        addNeed(needsOf.get(person.userId)!, competency, { code: 'caseload', share: Math.round(share * 1000) / 1000 }, 'high');
      }
    }
  }
}

/** A module whose prerequisites the person lacks brings them into the plan first (step 1), the module itself after (step 2). */
function prerequisiteNeeds(person: PlanStaff, modules: PlanModule[], needs: Map<string, Need>): void {
  const seen = new Set<string>();
  let pending = [...needs.keys()];
  while (pending.length > 0) {
    const next: string[] = [];
    for (const competency of pending) {
      if (seen.has(competency)) continue;
      seen.add(competency);
      const module = moduleFor(modules, competency, person);
      if (!module || experienceAdmits(module, person)) continue;
      const missing = module.prerequisites.filter((p) => !(p in person.held));
      if (missing.length === 0) continue;
      const need = needs.get(competency)!;
      need.step = 2;
      for (const prerequisite of missing) {
        addNeed(needs, prerequisite, { code: 'prerequisite', moduleCode: module.code }, need.priority);
        next.push(prerequisite);
      }
    }
    pending = next;
  }
}

export function proposeTrainingPlan(input: PlanInput): TrainingPlanResult {
  const needsOf = new Map(input.staff.map((p) => [p.userId, new Map<string, Need>()]));
  for (const person of input.staff) roleNeeds(person, input, needsOf.get(person.userId)!);
  caseloadNeeds(input, needsOf);

  const items: PlanItem[] = [];
  for (const person of input.staff) {
    const needs = needsOf.get(person.userId)!;
    prerequisiteNeeds(person, input.modules, needs);
    const byModule = new Map<string, PlanItem>();
    for (const [competency, need] of needs) {
      const module = moduleFor(input.modules, competency, person);
      const key = module?.id ?? `competency:${competency}`;
      const existing = byModule.get(key);
      if (existing) {
        existing.competencyCodes.push(competency);
        existing.priority = higher(existing.priority, need.priority);
        existing.step = existing.step === 2 || need.step === 2 ? 2 : 1;
        for (const reason of need.reasons) if (!existing.reasons.some((r) => r.code === reason.code)) existing.reasons.push(reason);
        continue;
      }
      const format = module ? formatFor(module, person) : null;
      byModule.set(key, {
        userId: person.userId, fullName: person.fullName, officeId: person.officeId, officeName: person.officeName,
        competencyCodes: [competency], moduleId: module?.id ?? null, moduleCode: module?.code ?? null, level: module?.level ?? null,
        format: format?.format ?? null, preferred: format?.preferred ?? false, priority: need.priority, step: need.step,
        reasons: [...need.reasons],
      });
    }
    for (const item of byModule.values()) {
      if (!person.response) item.reasons.push({ code: 'no_response' });
      items.push(item);
    }
  }
  items.sort((a, b) => PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.officeName.localeCompare(b.officeName)
    || a.fullName.localeCompare(b.fullName) || a.step - b.step || (a.moduleCode ?? '').localeCompare(b.moduleCode ?? ''));
  return { items, summary: summarize(items) };
}

function summarize(items: PlanItem[]): PlanSummaryRow[] {
  const rows = new Map<string, PlanSummaryRow & { people: number }>();
  for (const item of items) {
    if (!item.moduleCode || !item.format || !item.level) continue;
    const key = `${item.moduleCode}|${item.format}`;
    const row = rows.get(key) ?? { moduleCode: item.moduleCode, level: item.level, format: item.format, people: 0, suggestedSessions: 0 };
    row.people += 1;
    row.suggestedSessions = Math.ceil(row.people / SESSION_CAPACITY[item.format]);
    rows.set(key, row);
  }
  return [...rows.values()].toSorted((a, b) => b.people - a.people || a.moduleCode.localeCompare(b.moduleCode) || a.format.localeCompare(b.format));
}
