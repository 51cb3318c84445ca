import { describe, expect, it } from 'vitest';
import { proposeTrainingPlan, type PlanInput, type PlanModule, type PlanStaff } from './needs.rules.ts';

const module = (code: string, competencies: string[], extra: Partial<PlanModule> = {}): PlanModule => ({
  id: `m-${code}`, code, title: code, level: 'core', formats: ['blended', 'videoconference'], competencies, prerequisites: [],
  experienceRoute: null, ...extra,
});

const MODULES: PlanModule[] = [
  module('IT', ['interview_techniques']),
  module('EA', ['evidence_assessment']),
  module('ITC', ['interviewing_children'], { level: 'advanced', prerequisites: ['interview_techniques'],
    experienceRoute: { roles: ['eligibility_officer'], months: 6 } }),
  module('GEN', ['gender_sogi'], { level: 'specialised', formats: ['online'] }),
];

const officer = (id: string, extra: Partial<PlanStaff> = {}): PlanStaff => ({
  userId: id, fullName: id, officeId: 'tap', officeName: 'Tapachula', roles: ['eligibility_officer'], response: null,
  held: {}, lapsed: [], ...extra,
});

const input = (staff: PlanStaff[], extra: Partial<PlanInput> = {}): PlanInput => ({
  today: '2026-11-29', staff, modules: MODULES, claimRoles: ['eligibility_officer'],
  roleRequirements: { eligibility_officer: ['interview_techniques', 'evidence_assessment'] }, caseload: [], ...extra,
});

describe('proposeTrainingPlan', () => {
  it('proposes what a role requires and the person lacks, nothing for what they hold', () => {
    const plan = proposeTrainingPlan(input([officer('ana', { held: { interview_techniques: null } })]));
    expect(plan.items.map((i) => i.moduleCode)).toEqual(['EA']);
    expect(plan.items[0]!.reasons.map((r) => r.code)).toEqual(['role_required', 'no_response']);
    expect(plan.items[0]!.priority).toBe('medium');
  });

  it('puts lapsed competencies first and proposes refreshers for those expiring within six months', () => {
    const plan = proposeTrainingPlan(input([officer('ana', { held: { interview_techniques: '2027-03-01' }, lapsed: ['evidence_assessment'] })]));
    expect(plan.items.map((i) => [i.moduleCode, i.priority, i.reasons[0]!.code])).toEqual([['EA', 'high', 'expired'], ['IT', 'low', 'expiring']]);
    const later = proposeTrainingPlan(input([officer('ana', { held: { interview_techniques: '2027-09-01', evidence_assessment: null } })]));
    expect(later.items).toEqual([]);
  });

  it('asks for as many holders as the office has claims calling for a competency, the most experienced first', () => {
    const staff = [
      officer('ana', { held: { interview_techniques: null, evidence_assessment: null }, response: { yearsExperience: 1, selfLevels: {}, preferredFormat: 'online' } }),
      officer('beto', { held: { interview_techniques: null, evidence_assessment: null }, response: { yearsExperience: 4, selfLevels: {}, preferredFormat: 'videoconference' } }),
      officer('carla', { held: { interview_techniques: null, evidence_assessment: null } }),
      officer('dora', { held: { interview_techniques: null, evidence_assessment: null, interviewing_children: null }, officeId: 'cdmx' }),
    ];
    // 30 % of Tapachula's claims concern children: one of its three officers must hold the competency.
    const plan = proposeTrainingPlan(input(staff, { caseload: [{ officeId: 'tap', claims: 100, byCompetency: { interviewing_children: 30 } }] }));
    expect(plan.items).toHaveLength(1);
    expect(plan.items[0]).toMatchObject({ fullName: 'beto', moduleCode: 'ITC', level: 'advanced', format: 'videoconference', preferred: true,
      priority: 'high', step: 1, reasons: [{ code: 'caseload', share: 0.3 }] });
    expect(plan.summary).toEqual([{ moduleCode: 'ITC', level: 'advanced', format: 'videoconference', people: 1, suggestedSessions: 1 }]);
  });

  it('brings missing prerequisites in first unless the experience route admits the person', () => {
    const caseload = [{ officeId: 'tap', claims: 10, byCompetency: { interviewing_children: 10 } }];
    const novice = officer('eva', { response: { yearsExperience: 0.25, selfLevels: {}, preferredFormat: 'online' } });
    const plan = proposeTrainingPlan(input([novice], { caseload }));
    const itc = plan.items.find((i) => i.moduleCode === 'ITC')!;
    const core = plan.items.find((i) => i.moduleCode === 'IT')!;
    expect(itc.step).toBe(2);
    expect(core.step).toBe(1);
    expect(core.priority).toBe('high');
    expect(core.reasons.map((r) => r.code)).toEqual(['role_required', 'prerequisite']);
    // A module not offered in the preferred format is proposed in the programme's blended model.
    expect(core).toMatchObject({ format: 'blended', preferred: false });

    const veteran = officer('eva', { response: { yearsExperience: 1, selfLevels: {}, preferredFormat: 'online' }, held: { evidence_assessment: null } });
    const admitted = proposeTrainingPlan(input([veteran], { caseload, roleRequirements: {} }));
    expect(admitted.items.map((i) => [i.moduleCode, i.step])).toEqual([['ITC', 1]]);
  });

  it('suggests sessions by format capacity and rates a self-assessed "none" on a required competency high', () => {
    const staff = Array.from({ length: 30 }, (_, n) => officer(`p${String(n).padStart(2, '0')}`, {
      held: { evidence_assessment: null }, response: { yearsExperience: 3, selfLevels: { interview_techniques: 0 }, preferredFormat: 'blended' } }));
    const plan = proposeTrainingPlan(input(staff));
    expect(plan.summary).toEqual([{ moduleCode: 'IT', level: 'core', format: 'blended', people: 30, suggestedSessions: 2 }]);
    expect(new Set(plan.items.map((i) => i.priority))).toEqual(new Set(['high']));
  });

  it('names a competency no module confers instead of dropping it', () => {
    const plan = proposeTrainingPlan(input([officer('ana', { held: { interview_techniques: null, evidence_assessment: null } })],
      { roleRequirements: { eligibility_officer: ['interview_techniques', 'evidence_assessment', 'exclusion'] } }));
    expect(plan.items).toMatchObject([{ competencyCodes: ['exclusion'], moduleCode: null, format: null }]);
    expect(plan.summary).toEqual([]);
  });
});
