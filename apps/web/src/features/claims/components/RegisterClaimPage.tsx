import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Stepper, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  arrivalDateIssues, CLAIM_CHANNELS, CLAIM_MODALITIES, DEFAULT_TIME_ZONE, LIMITS, MEMBER_RELATIONS, suggestFlags, VULNERABILITY_CATEGORIES,
  type MemberRelation, type TClaimInput, type TDuplicateCandidate, type VulnerabilityCategory,
} from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL, CHANNEL_LABEL, RELATION_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { useMe } from '../../auth/index.ts';
import { EMPTY_PERSON, MemberDuplicates, PersonFields, personInput, recordNotDuplicate, type PersonDraft } from '../../persons/index.ts';
import { CLAIMS_KEY, registerClaim, type ClaimDraft } from '../api/claims.ts';
import { MODALITY_LABEL } from './labels.ts';

interface MemberDraft {
  relation: MemberRelation;
  unaccompanied: boolean;
  person: PersonDraft;
  /** Chosen in the duplicate check: the existing person is linked, not created. */
  linked: TDuplicateCandidate | null;
  notSame: string[];
}

interface FlagDraft { memberIndex: number | null; category: VulnerabilityCategory | ''; indicator: string }

const today = () => new Date().toISOString().slice(0, 10);
const newMember = (relation: MemberRelation): MemberDraft => ({ relation, unaccompanied: false, person: { ...EMPTY_PERSON }, linked: null, notSame: [] });

/** Which step shows a field, so an error sends the clerk back to it. */
function stepOfField(field: string): number {
  if (field.startsWith('members')) return 1;
  if (field.startsWith('flags')) return 2;
  return 0;
}

/** The value at a dotted path (`members.0.person.givenNames`), to tell whether a field changed since it was sent. */
function valueAt(value: unknown, path: string): string {
  const found = path.split('.').reduce<unknown>((v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined), value);
  return JSON.stringify(found ?? null);
}

/** Registration in four steps: the claim, the family (with the duplicate check), specific needs, review. */
export function RegisterClaimPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [active, setActive] = useState(0);
  const offices = me.data?.offices ?? [];
  const [claim, setClaim] = useState({
    officeId: offices[0]?.id ?? '', channel: 'comar_office' as TClaimInput['channel'], modality: 'regular' as TClaimInput['modality'],
    enteredMexicoOn: '', protectionExpressedAt: '',
  });
  const [members, setMembers] = useState<MemberDraft[]>([newMember('principal')]);
  const [confirmed, setConfirmed] = useState<Record<string, boolean>>({});
  const [extraFlags, setExtraFlags] = useState<FlagDraft[]>([]);
  /** The first step's own checks, shown as the clerk leaves a field or asks for the next step. */
  const [claimIssues, setClaimIssues] = useState<Record<string, string>>({});
  const [submitted, setSubmitted] = useState<ClaimDraft | null>(null);

  const suggestions = suggestFlags(members.map((m) => ({
    relation: m.relation, unaccompanied: m.unaccompanied,
    birthDate: m.linked?.birthDate ?? (m.person.birthDate || null), birthDateEstimated: m.linked?.birthDateEstimated ?? m.person.birthDateEstimated,
  })), today());
  const suggestionText = (s: (typeof suggestions)[number]) =>
    t(s.indicatorKey, { ...s.params, estimated: s.params.estimated === 'estimated' ? t('intake.person.estimated') : '' });

  function body(): ClaimDraft {
    const flags = [
      ...suggestions.filter((s) => confirmed[`${s.memberIndex}:${s.category}`] !== false)
        .map((s) => ({ memberIndex: s.memberIndex, category: s.category, indicator: suggestionText(s) })),
      ...extraFlags.filter((f) => f.category && f.indicator.trim())
        .map((f) => ({ memberIndex: f.memberIndex, category: f.category as VulnerabilityCategory, indicator: f.indicator.trim() })),
    ];
    return {
      officeId: claim.officeId, channel: claim.channel, modality: claim.modality,
      enteredMexicoOn: claim.enteredMexicoOn || null,
      protectionExpressedAt: claim.protectionExpressedAt ? new Date(claim.protectionExpressedAt).toISOString() : null,
      members: members.map((m) => ({
        relation: m.relation, unaccompanied: m.unaccompanied, existingPersonId: m.linked?.personId ?? null,
        person: m.linked ? null : personInput(m.person, true),
      })),
      flags,
    };
  }

  const submit = useMutation({
    mutationFn: async () => {
      const input = body();
      setSubmitted(input);
      const created = await registerClaim(input, keyFor(input));
      // "Not the same person" answers are recorded now that the new persons exist.
      await Promise.all(members.flatMap((m, index) => {
        const personId = created.members.find((cm) => cm.relation === m.relation && !m.linked
          && cm.person.givenNames === input.members[index]?.person?.givenNames)?.person.id;
        return personId ? m.notSame.map((other) => recordNotDuplicate(personId, other).catch(() => undefined)) : [];
      }));
      return created;
    },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
      void navigate(`/claims/${created.id}`);
    },
    onError: (error) => {
      if (isApiError(error) && error.errors[0]) setActive(stepOfField(error.errors[0].field));
    },
  });
  const serverErrorOf = useFieldErrorMap(submit.error);
  // The server's word on a field holds until the clerk changes that field; then it goes.
  const errorOf = (path: string) => claimIssues[path] ?? (submitted && valueAt(body(), path) === valueAt(submitted, path) ? serverErrorOf(path) : undefined);
  const checkClaimStep = (draft = claim) => {
    const issues: Record<string, string> = {};
    if (!draft.officeId) issues.officeId = t('validation.required');
    const dates = arrivalDateIssues({
      enteredMexicoOn: draft.enteredMexicoOn || null,
      protectionExpressedAt: draft.protectionExpressedAt ? new Date(draft.protectionExpressedAt).toISOString() : null,
    }, DEFAULT_TIME_ZONE);
    for (const issue of dates) issues[issue.field] ??= t(issue.message);
    return issues;
  };
  // Once a field has shown an error, it is checked again on every keystroke so the error leaves as soon as it is fixed.
  const changeClaim = (patch: Partial<typeof claim>) => {
    const next = { ...claim, ...patch };
    setClaim(next);
    if (Object.keys(claimIssues).length > 0) setClaimIssues(checkClaimStep(next));
  };
  const goTo = (step: number) => {
    if (active === 0 && step > 0) {
      const issues = checkClaimStep();
      setClaimIssues(issues);
      if (Object.keys(issues).length > 0) return;
    }
    setActive(step);
  };
  const setMember = (index: number, patch: Partial<MemberDraft>) => setMembers((all) => all.map((m, i) => (i === index ? { ...m, ...patch } : m)));
  const memberName = (index: number) => {
    const m = members[index];
    if (!m) return '';
    const p = m.linked ?? m.person;
    return [p.givenNames, p.firstSurname].filter(Boolean).join(' ') || t('intake.register.personN', { n: index + 1 });
  };

  return (
    <>
      <PageHeader title={t('intake.register.title')} description={t('intake.register.description')} />
      <ErrorAlert error={submit.error} fields={[]} />
      <Stepper active={active} onStepClick={goTo} mt="md">
        <Stepper.Step label={t('intake.register.stepClaim')}>
          <Card withBorder maw={900}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect label={t('intake.claim.office')} required value={claim.officeId} error={errorOf('officeId')}
                data={offices.map((o) => ({ value: o.id, label: o.name }))} onChange={(e) => changeClaim({ officeId: e.currentTarget.value })} />
              <NativeSelect label={t('intake.claim.channel')} required value={claim.channel} error={errorOf('channel')}
                data={CLAIM_CHANNELS.map((c) => ({ value: c, label: t(labelKey(CHANNEL_LABEL, c)) }))}
                onChange={(e) => setClaim({ ...claim, channel: e.currentTarget.value as TClaimInput['channel'] })} />
              <NativeSelect label={t('intake.claim.modality')} value={claim.modality} error={errorOf('modality')}
                data={CLAIM_MODALITIES.map((m) => ({ value: m, label: t(labelKey(MODALITY_LABEL, m)) }))}
                onChange={(e) => setClaim({ ...claim, modality: e.currentTarget.value as TClaimInput['modality'] })} />
              <TextInput type="date" label={t('intake.claim.enteredMexicoOn')} description={t('intake.register.enteredHint')}
                value={claim.enteredMexicoOn} error={errorOf('enteredMexicoOn')} max={today()}
                onBlur={() => setClaimIssues(checkClaimStep())} onChange={(e) => changeClaim({ enteredMexicoOn: e.currentTarget.value })} />
              <TextInput type="datetime-local" label={t('intake.claim.protectionExpressedAt')} description={t('intake.register.expressedHint')}
                value={claim.protectionExpressedAt} error={errorOf('protectionExpressedAt')}
                onBlur={() => setClaimIssues(checkClaimStep())} onChange={(e) => changeClaim({ protectionExpressedAt: e.currentTarget.value })} />
            </SimpleGrid>
            {claim.channel === 'third_party' && <Alert mt="md" color="blue">{t('intake.register.thirdPartyNote')}</Alert>}
          </Card>
        </Stepper.Step>
        <Stepper.Step label={t('intake.register.stepPeople')}>
          <Stack maw={1100}>
            {members.map((m, index) => (
              <Card withBorder key={index}>
                <Group justify="space-between" mb="sm">
                  <Title order={2} size="h4">{index === 0 ? t('intake.register.principal') : t('intake.register.member', { n: index })}</Title>
                  {index > 0 && <Button variant="subtle" color="red" onClick={() => setMembers((all) => all.filter((_, i) => i !== index))}>{t('intake.register.remove')}</Button>}
                </Group>
                {index > 0 && (
                  <Group mb="sm" align="flex-end">
                    <NativeSelect label={t('intake.person.relation')} value={m.relation} error={errorOf(`members.${index}.relation`)}
                      data={MEMBER_RELATIONS.filter((r) => r !== 'principal').map((r) => ({ value: r, label: t(labelKey(RELATION_LABEL, r)) }))}
                      onChange={(e) => setMember(index, { relation: e.currentTarget.value as MemberRelation })} />
                  </Group>
                )}
                <Checkbox mb="sm" label={t('intake.person.unaccompanied')} description={t('intake.register.unaccompaniedHint')}
                  checked={m.unaccompanied} error={errorOf(`members.${index}.unaccompanied`)}
                  onChange={(e) => setMember(index, { unaccompanied: e.currentTarget.checked })} />
                {m.linked ? (
                  <Alert color="teal" title={t('intake.register.linkedTitle')}>
                    <Text size="sm">{[m.linked.givenNames, m.linked.firstSurname, m.linked.secondSurname].filter(Boolean).join(' ')}</Text>
                    <Button mt="xs" size="xs" variant="default" onClick={() => setMember(index, { linked: null })}>{t('intake.register.unlink')}</Button>
                  </Alert>
                ) : (
                  <PersonFields legend={t('intake.register.identity')} value={m.person} withGenderIdentity
                    onChange={(person) => setMember(index, { person })} errorOf={(f) => errorOf(`members.${index}.person.${f}`) ?? (f === 'givenNames' ? errorOf(`members.${index}.person`) : undefined)} />
                )}
                <div style={{ marginTop: 12 }}>
                  <MemberDuplicates person={m.person} linkedPersonId={m.linked?.personId ?? null}
                    onLink={(candidate) => setMember(index, { linked: candidate })}
                    onNotSame={(candidate) => setMember(index, { notSame: [...m.notSame, candidate.personId] })} />
                </div>
              </Card>
            ))}
            <Group><Button variant="default" onClick={() => setMembers((all) => [...all, newMember('child')])}>{t('intake.register.addMember')}</Button></Group>
          </Stack>
        </Stepper.Step>
        <Stepper.Step label={t('intake.register.stepNeeds')}>
          <Card withBorder maw={900}>
            <Title order={2} size="h4" mb="xs">{t('intake.flags.suggested')}</Title>
            {suggestions.length === 0 && <Text size="sm" c="dimmed">{t('intake.register.noSuggestions')}</Text>}
            {suggestions.map((s) => {
              const key = `${s.memberIndex}:${s.category}`;
              return (
                <Checkbox key={key} mb="xs" checked={confirmed[key] !== false} onChange={(e) => setConfirmed({ ...confirmed, [key]: e.currentTarget.checked })}
                  label={`${t(labelKey(CATEGORY_LABEL, s.category))} · ${memberName(s.memberIndex)}`} description={suggestionText(s)} />
              );
            })}
            <Title order={2} size="h4" mt="md" mb="xs">{t('intake.register.otherNeeds')}</Title>
            <Text size="sm" c="dimmed" mb="sm">{t('intake.flags.indicatorHint')}</Text>
            {extraFlags.map((f, index) => (
              <Group key={index} align="flex-start" grow mb="sm">
                <NativeSelect label={t('intake.flags.person')} value={f.memberIndex === null ? '' : String(f.memberIndex)}
                  data={[{ value: '', label: t('intake.flags.wholeClaim') }, ...members.map((_, i) => ({ value: String(i), label: memberName(i) }))]}
                  onChange={(e) => { const v = e.currentTarget.value; setExtraFlags((all) => all.map((x, i) => (i === index ? { ...x, memberIndex: v === '' ? null : Number(v) } : x))); }} />
                <NativeSelect label={t('intake.flags.category')} value={f.category}
                  data={[{ value: '', label: t('common.choose') }, ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
                  onChange={(e) => { const v = e.currentTarget.value; setExtraFlags((all) => all.map((x, i) => (i === index ? { ...x, category: v as VulnerabilityCategory } : x))); }} />
                <Textarea label={t('intake.flags.indicator')} autosize maxLength={LIMITS.reasonMax} value={f.indicator}
                  onChange={(e) => { const v = e.currentTarget.value; setExtraFlags((all) => all.map((x, i) => (i === index ? { ...x, indicator: v } : x))); }} />
              </Group>
            ))}
            <Button variant="default" onClick={() => setExtraFlags((all) => [...all, { memberIndex: 0, category: '', indicator: '' }])}>{t('intake.flags.add')}</Button>
          </Card>
        </Stepper.Step>
        <Stepper.Step label={t('intake.register.stepReview')}>
          <Card withBorder maw={900}>
            <Text>{t('intake.register.reviewSummary', { count: members.length, flags: body().flags.length })}</Text>
            <Stack gap={4} mt="sm">
              {members.map((m, index) => (
                <Text key={index} size="sm">• {memberName(index)} — {t(labelKey(RELATION_LABEL, m.relation))}{m.linked ? ` (${t('intake.register.linked')})` : ''}</Text>
              ))}
            </Stack>
            <Text size="sm" c="dimmed" mt="sm">{t('intake.register.wholeOrNothing')}</Text>
          </Card>
        </Stepper.Step>
      </Stepper>
      <Group mt="lg">
        {active > 0 && <Button variant="default" onClick={() => setActive(active - 1)}>{t('common.previous')}</Button>}
        {active < 3 ? <Button onClick={() => goTo(active + 1)}>{t('common.next')}</Button>
          : <Button loading={submit.isPending} onClick={() => submit.mutate()}>{t('intake.register.submit')}</Button>}
      </Group>
    </>
  );
}
