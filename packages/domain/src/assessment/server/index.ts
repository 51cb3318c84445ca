// Public server surface of the assessment feature (ADR 029): the COI library (search, sources, their
// PDFs, retirement, the age limit), the claim's assessment (opening it through start_assessment,
// facts, evidence, conclusions, risk and legal analysis, the exclusion review), what the decision
// feature reads of it, and what the assessment registers on the procedure.
export { searchCoiSources, type SearchCoiSourcesOptions } from './search-coi-sources.ts';
export { getCoiSource, type GetCoiSourceOptions } from './get-coi-source.ts';
export { createCoiSource, type CreateCoiSourceOptions } from './create-coi-source.ts';
export { attachCoiFile, type AttachCoiFileOptions } from './attach-coi-file.ts';
export { coiSourceFile, type CoiSourceFileOptions } from './coi-source-file.ts';
export { retireCoiSource, type RetireCoiSourceOptions } from './retire-coi-source.ts';
export { getCoiSettings } from './get-coi-settings.ts';
export { updateCoiSettings, type UpdateCoiSettingsOptions } from './update-coi-settings.ts';
export { coiMaxAgeYears } from './coi-settings.ts';
export { formatCoiCitation, type CitationOptions } from './coi-citation.ts';
export { openAssessment, type OpenAssessmentOptions } from './open-assessment.ts';
export { getAssessment, type GetAssessmentOptions } from './get-assessment.ts';
export { updateAnalysis, type UpdateAnalysisOptions } from './update-analysis.ts';
export { reviewExclusion, type ReviewExclusionOptions } from './review-exclusion.ts';
export { addFact, type AddFactOptions } from './add-fact.ts';
export { updateFact, type UpdateFactOptions } from './update-fact.ts';
export { removeFact, type RemoveFactOptions } from './remove-fact.ts';
export { reorderFacts, type ReorderFactsOptions } from './reorder-facts.ts';
export { addEvidence, type AddEvidenceOptions } from './add-evidence.ts';
export { uploadEvidenceDocument, type UploadEvidenceDocumentOptions } from './upload-evidence-document.ts';
export { removeEvidence, type RemoveEvidenceOptions } from './remove-evidence.ts';
export { evidenceFile, type EvidenceFileOptions } from './evidence-file.ts';
export {
  readAssessmentForDecision, type AssessmentForDecision, type DecisionCoiCitation, type DecisionEvidence, type DecisionFact,
  type ReadAssessmentForDecisionOptions,
} from './read-assessment-for-decision.ts';
export { assessmentCitesCoi, type CitedCoi } from './assessment-cites-coi.ts';
export { registerAssessment } from './register-assessment.ts';
