// The pure rules of the interview (ADR 025): an answer checked against its question's type, the
// questionnaire checked against the EUAA method, the shipped questionnaires valid as shipped.
import { describe, expect, it } from 'vitest';
import { answerProblems, INTERVIEW_STAGES, isAnswered, methodAllowed, requiredSignatures } from './interviews.rules.ts';
import { SHIPPED_TEMPLATES, shippedFor } from './shipped-templates.ts';
import { ZTemplateContent, type TTemplateContentInput } from './templates.schemas.ts';
import { countQuestions, questionIndex, templateProblems } from './templates.rules.ts';

describe('answers', () => {
  const choice = { id: 'estado', type: 'choice' as const, options: [{ id: 'soltera' }, { id: 'casada' }] };

  it('takes only the members of its type', () => {
    expect(answerProblems({ id: 'x', type: 'yes_no' }, { answer: 'yes', explanation: 'Porque sí' })).toEqual([]);
    expect(answerProblems({ id: 'x', type: 'yes_no' }, { answer: 'yes', text: 'no va' })).toEqual([{ field: 'value.text', code: 'validation.not_applicable' }]);
    expect(answerProblems({ id: 'x', type: 'text' }, { option: 'soltera' })).toEqual([{ field: 'value.option', code: 'validation.not_applicable' }]);
  });

  it('checks options, civil dates and country codes', () => {
    expect(answerProblems(choice, { option: 'casada' })).toEqual([]);
    expect(answerProblems(choice, { option: 'viuda' })).toEqual([{ field: 'value.option', code: 'validation.invalid_option' }]);
    expect(answerProblems({ id: 'd', type: 'date' }, { date: '2024-02-29' })).toEqual([]);
    expect(answerProblems({ id: 'd', type: 'date' }, { date: '2023-02-29' })).toEqual([{ field: 'value.date', code: 'validation.invalid_date' }]);
    expect(answerProblems({ id: 'c', type: 'country' }, { country: 'HTI' })).toEqual([]);
    expect(answerProblems({ id: 'c', type: 'country' }, { country: 'ht' })).toEqual([{ field: 'value.country', code: 'validation.country_code' }]);
  });

  it('lets the officer clear an answer', () => {
    expect(answerProblems(choice, {})).toEqual([]);
    expect(isAnswered({ text: '   ' })).toBe(false);
    expect(isAnswered({ answer: 'no' })).toBe(true);
  });
});

describe('signatures', () => {
  it('asks the interpreter\'s only when one took part, and each role signs its own way', () => {
    expect(requiredSignatures(false)).toEqual(['applicant', 'officer']);
    expect(requiredSignatures(true)).toEqual(['applicant', 'interpreter', 'officer']);
    expect(methodAllowed('applicant', 'declined')).toBe(true);
    expect(methodAllowed('interpreter', 'declined')).toBe(false);
    expect(methodAllowed('officer', 'attested')).toBe(true);
    expect(methodAllowed('applicant', 'attested')).toBe(false);
  });
});

describe('questionnaires', () => {
  type StageInput = TTemplateContentInput['stages'][number];
  const content = (stages: Array<Partial<StageInput> & { stage: StageInput['stage'] }>) =>
    ZTemplateContent.parse({ stages: stages.map((s) => ({ checklist: [], questions: [], ...s })) });

  it('keeps the EUAA stages once and in order', () => {
    expect(templateProblems(content([{ stage: 'opening' }, { stage: 'closing' }]))).toEqual([]);
    expect(templateProblems(content([{ stage: 'closing' }, { stage: 'opening' }])))
      .toEqual([{ field: 'content.stages.1.stage', code: 'interviews.validation.stageOrder' }]);
    expect(templateProblems(content([{ stage: 'opening' }, { stage: 'opening' }])))
      .toEqual([{ field: 'content.stages.1.stage', code: 'interviews.validation.stageOrder' }]);
  });

  it('refuses ids used twice (or taken by the narrative), and options outside choice questions', () => {
    const problems = templateProblems(content([
      { stage: 'opening', checklist: [{ id: 'narrative', text: 'Usa un nombre reservado' }] },
      { stage: 'substance', questions: [
        { id: 'nombre', text: 'Nombre', type: 'text', options: [{ id: 'aa', label: 'A' }] },
        { id: 'nombre', text: 'Otra vez', type: 'choice', options: [{ id: 'aa', label: 'A' }, { id: 'aa', label: 'B' }] },
      ] },
    ]));
    expect(problems).toEqual([
      { field: 'content.stages.0.checklist.0.id', code: 'interviews.validation.duplicateId' },
      { field: 'content.stages.1.questions.0.options', code: 'validation.not_applicable' },
      { field: 'content.stages.1.questions.1.id', code: 'interviews.validation.duplicateId' },
      { field: 'content.stages.1.questions.1.options.1.id', code: 'interviews.validation.duplicateId' },
    ]);
  });

  it('ships questionnaires that pass every check, with every stage of the method', () => {
    for (const shipped of SHIPPED_TEMPLATES) {
      const parsed = ZTemplateContent.parse(shipped.content);
      expect(templateProblems(parsed), shipped.code).toEqual([]);
      expect(parsed.stages.map((s) => s.stage), shipped.code).toEqual([...INTERVIEW_STAGES]);
      expect(countQuestions(parsed), shipped.code).toBe(questionIndex(parsed).size);
    }
    expect(shippedFor('migration_authority').map((t) => t.code)).toEqual(['inm_primer_contacto']);
    expect(shippedFor('asylum_authority').map((t) => t.audience)).toEqual(['eligibility', 'child']);
  });

  it('explores the substance the guide names in the eligibility interview', () => {
    const eligibility = ZTemplateContent.parse(SHIPPED_TEMPLATES.find((t) => t.audience === 'eligibility')!.content);
    const ids = [...questionIndex(eligibility).keys()].join(' ');
    for (const topic of ['id_', 'nacionalidad', 'ruta_', 'hechos_', 'temor_', 'proteccion_estado', 'reubicacion_interna', 'exclusion_']) expect(ids).toContain(topic);
  });
});
