// The domain's composition root for the procedure (ADR 019): each feature registers, through its
// own public surface, the safeguards, input checks and effects it owns on the claim's steps.
// Called by server.ts when it is first imported.
import { registerAssessment } from './assessment/server/index.ts';
import { registerClockEffects } from './calendars/server/index.ts';
import { registerDecisions } from './decisions/server/index.ts';
import { registerAssignment, registerTransfer } from './intake/server/index.ts';
import { registerInterviewRecordOpening, registerInterviewStartSafeguards, registerSignedRecordSafeguard } from './interviews/server/index.ts';
import { registerFourEyes, registerReopening } from './procedure/server/index.ts';
import { registerScreening } from './screening/server/index.ts';
import { registerCompetencyGate } from './training/server/index.ts';

let composed = false;

export function composeProcedure(): void {
  if (composed) return;
  composed = true;
  registerClockEffects();
  registerAssignment();
  registerTransfer();
  registerCompetencyGate();
  registerFourEyes();
  registerReopening();
  registerScreening();
  registerInterviewRecordOpening();
  registerInterviewStartSafeguards();
  registerSignedRecordSafeguard();
  registerAssessment();
  registerDecisions();
}
