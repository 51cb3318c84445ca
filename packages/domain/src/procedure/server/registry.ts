import type { Queryable } from '@refugio/db';
import type { Actor, RequestContext } from '../../shared/context.ts';
import type { ErrorCode } from '../../shared/errors.ts';
import type { Permission } from '../../shared/permissions.ts';
import type { ClaimStatus, SafeguardSourceKind, StepCode } from '../procedure.rules.ts';

/** The claim as a step sees it: enough to check scope, state and the version the caller read. */
export interface StepClaim {
  id: string;
  office_id: string;
  institution_id: string;
  assigned_officer_id: string | null;
  status: ClaimStatus;
  version: number;
  /** The office's IANA zone. */
  time_zone: string;
}

/** What a caller sends with a step; each step reads the members it needs. */
export interface StepInput {
  version?: number;
  reason?: string | null;
  /** transfer: the receiving office. */
  toOfficeId?: string | null;
  /** assign: the officer, or null to unassign. */
  officerId?: string | null;
  /** Safeguards the caller overrides with `reason` (each needs its override permission). */
  overrides?: readonly string[];
  /** register: the new claim's facts the effects need (clock start dates, channel). */
  facts?: Record<string, unknown>;
}

/** One step being checked or taken, in the caller's transaction. */
export interface StepRun {
  tx: Queryable;
  ctx: RequestContext;
  actor: Actor;
  step: StepCode;
  claim: StepClaim;
  from: ClaimStatus;
  to: ClaimStatus | null;
  input: StepInput;
  /** Today's civil day where the claim's office is. */
  today: string;
  /** The actor may read the claim's sensitive fields: a safeguard's sentence must not reveal them otherwise. */
  mayReadSensitive: boolean;
  /** What each safeguard found, by its code (e.g. the competencies required and missing). */
  findings: Map<string, Record<string, unknown>>;
  /** Safeguards overridden on this run, with the caller's reason. */
  overridden: string[];
  /** Added to the timeline entry's details. */
  eventDetails: Record<string, unknown>;
  /** Added to the audit event's details. */
  auditDetails: Record<string, unknown>;
}

/** A safeguard's verdict: met, unmet (with the facts the sentence names), or not decidable yet. */
export type SafeguardVerdict =
  | { met: true; findings?: Record<string, unknown> }
  | {
    met: false;
    /** Parameters of the localized sentence (`procedure.safeguards.<code>.unmet`). */
    params?: Record<string, string | number>;
    /** The input field the refusal points at, when one does (the chosen officer), with its catalog key. */
    field?: { name: string; code: string };
    /** Facts for the refusal body and for the step's effects. */
    findings?: Record<string, unknown>;
  }
  /** Depends on input the caller has not given yet (which officer): shown as "checked when you choose". */
  | { met: 'on_input' };

export interface SafeguardSource {
  kind: SafeguardSourceKind;
  /** A catalog key whose text is the citation in each language. */
  citationKey: string;
}

/**
 * A procedural safeguard guarding one or more steps. Its texts are catalog entries
 * `procedure.safeguards.<code>.{title,requirement,unmet,remedy}`.
 */
export interface SafeguardDefinition {
  code: string;
  /** The feature that owns the facts it checks (shown to the administrator). */
  feature: string;
  steps: readonly StepCode[];
  source: SafeguardSource;
  /** The law lets an authority switch it off, with a written reason (audited). */
  switchable: boolean;
  /** A step may be taken without it, case by case, by a holder of this permission with a written reason. */
  override?: { permission: Permission; reasonMin: number };
  /** The closed error code when this safeguard alone refuses the step (default SAFEGUARD_UNMET). */
  refusal?: ErrorCode;
  check(run: StepRun): Promise<SafeguardVerdict>;
}

/**
 * What a step sets off in its transaction (clocks started or stopped, the assignment written,
 * notices created). Effects run in `order` (lower first) after the status has changed.
 */
export interface EffectDefinition {
  code: string;
  feature: string;
  steps: readonly StepCode[];
  /** Catalog entries `procedure.effects.<code>.{title,description}`; source as for safeguards. */
  source: SafeguardSource;
  order: number;
  apply(run: StepRun): Promise<void>;
}

/**
 * Checks of the caller's input that no safeguard is about (the receiving office of a transfer,
 * an officer of the claim's office): field errors, raised before safeguards are weighed.
 */
export interface InputCheckDefinition {
  steps: readonly StepCode[];
  check(run: StepRun): Promise<void>;
}

const safeguards = new Map<string, SafeguardDefinition>();
const effects = new Map<string, EffectDefinition>();
const inputChecks: InputCheckDefinition[] = [];

/** Registers a safeguard; registering the same code twice is a programming error. */
export function registerSafeguard(definition: SafeguardDefinition): void {
  if (safeguards.has(definition.code)) {
    if (safeguards.get(definition.code) === definition) return;
    throw new Error(`Safeguard ${definition.code} is registered twice`);
  }
  safeguards.set(definition.code, definition);
}

export function registerEffect(definition: EffectDefinition): void {
  if (effects.has(definition.code)) {
    if (effects.get(definition.code) === definition) return;
    throw new Error(`Effect ${definition.code} is registered twice`);
  }
  effects.set(definition.code, definition);
}

export function registerInputCheck(definition: InputCheckDefinition): void {
  if (!inputChecks.includes(definition)) inputChecks.push(definition);
}

export function safeguardsOf(step: StepCode): SafeguardDefinition[] {
  return [...safeguards.values()].filter((s) => s.steps.includes(step));
}

export function effectsOf(step: StepCode): EffectDefinition[] {
  return [...effects.values()].filter((e) => e.steps.includes(step)).toSorted((a, b) => a.order - b.order);
}

export function inputChecksOf(step: StepCode): InputCheckDefinition[] {
  return inputChecks.filter((c) => c.steps.includes(step));
}

export function allSafeguards(): SafeguardDefinition[] {
  return [...safeguards.values()];
}

export function allEffects(): EffectDefinition[] {
  return [...effects.values()];
}

export function findSafeguard(code: string): SafeguardDefinition | undefined {
  return safeguards.get(code);
}
