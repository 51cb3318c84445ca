// Public server surface of the procedure feature: the step registry (features register their
// safeguards, input checks and effects here), taking a step, and reading steps (ADR 019).
export {
  allEffects, allSafeguards, registerEffect, registerInputCheck, registerSafeguard,
  type EffectDefinition, type InputCheckDefinition, type SafeguardDefinition, type SafeguardVerdict, type StepClaim,
  type StepInput, type StepRun,
} from './registry.ts';
export { enforceStepSafeguards, performStep, runRegistrationEffects, STEP_AUDIT, targetStatus, type PerformStepOptions } from './perform-step.ts';
export { listNextSteps } from './list-next-steps.ts';
export { listProcedureSteps } from './list-steps.ts';
export { setSafeguardSetting, type SafeguardSetting } from './set-safeguard-setting.ts';
export { registerFourEyes } from './four-eyes.ts';
export { registerReopening } from './reopening.ts';
export { OPEN_STATUS_SQL } from './open-status-sql.ts';
export { loadCorrectableClaim } from './correctable-claim.ts';
