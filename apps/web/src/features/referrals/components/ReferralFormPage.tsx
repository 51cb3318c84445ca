import { useState } from 'react';
import { Alert, Button, Card, Checkbox, Group, NativeSelect, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, MEMBER_RELATIONS, VULNERABILITY_CATEGORIES, type MemberRelation, type TReferral, type VulnerabilityCategory } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL, RELATION_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { MX_STATES } from '../../../lib/mx-states.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { useMe } from '../../auth/index.ts';
import { EMPTY_PERSON, PersonFields, personInput, type PersonDraft } from '../../persons/index.ts';
import { createReferral, REFERRALS_KEY, type ReferralDraft } from '../api/referrals.ts';

const nowLocal = () => {
  const d = new Date();
  d.setMinutes(d.getMinutes() - d.getTimezoneOffset());
  return d.toISOString().slice(0, 16);
};

/** First contact on a phone: one column, the person, where and when, the checklist, what was observed. */
export function ReferralFormPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const offices = me.data?.offices ?? [];
  const [form, setForm] = useState({
    sourceOfficeId: offices[0]?.id ?? '', expressedAt: nowLocal(), expressedPlace: '', expressedStateCode: 'MX-CHP',
    enteredMexicoOn: '', identified: true, informed: false, referred: true, notes: '',
  });
  const [members, setMembers] = useState<Array<{ relation: MemberRelation; unaccompanied: boolean; person: PersonDraft }>>([
    { relation: 'principal', unaccompanied: false, person: { ...EMPTY_PERSON } },
  ]);
  const [indicators, setIndicators] = useState<Array<{ memberIndex: number; category: VulnerabilityCategory | ''; indicator: string }>>([]);
  const [sent, setSent] = useState<TReferral | null>(null);

  const submit = useMutation({
    mutationFn: () => {
      const body: ReferralDraft = {
        sourceOfficeId: form.sourceOfficeId, expressedAt: form.expressedAt ? new Date(form.expressedAt).toISOString() : '',
        expressedPlace: form.expressedPlace.trim(), expressedStateCode: form.expressedStateCode, enteredMexicoOn: form.enteredMexicoOn || null,
        identified: form.identified, informed: form.informed, referred: form.referred, notes: form.notes.trim() || null,
        members: members.map((m) => ({ relation: m.relation, unaccompanied: m.unaccompanied, person: personInput(m.person, false) })),
        indicators: indicators.filter((i) => i.category && i.indicator.trim())
          .map((i) => ({ memberIndex: i.memberIndex, category: i.category as VulnerabilityCategory, indicator: i.indicator.trim() })),
      };
      return createReferral(body, keyFor(body));
    },
    onSuccess: (referral) => { setSent(referral); void queryClient.invalidateQueries({ queryKey: REFERRALS_KEY }); },
  });
  const errorOf = useFieldErrorMap(submit.error);
  const nameOf = (i: number) => [members[i]?.person.givenNames, members[i]?.person.firstSurname].filter(Boolean).join(' ') || t('intake.register.personN', { n: i + 1 });

  if (sent) {
    return (
      <Stack maw={560}>
        <PageHeader title={t('intake.referral.sentTitle')} />
        <Alert color="teal" title={t('intake.referral.sentTo', { office: sent.targetOffice.name })}>
          <Text size="sm">{t('intake.referral.noticeDue', { when: formatDateTime(sent.noticeDueAt, language) })}</Text>
        </Alert>
        <Button onClick={() => { setSent(null); setMembers([{ relation: 'principal', unaccompanied: false, person: { ...EMPTY_PERSON } }]); setIndicators([]); }}>
          {t('intake.referral.another')}
        </Button>
      </Stack>
    );
  }

  return (
    <form noValidate onSubmit={(e) => { e.preventDefault(); submit.mutate(); }}>
    <Stack maw={560}>
      <PageHeader title={t('intake.referral.newTitle')} description={t('intake.referral.newDescription')} />
      <ErrorAlert error={submit.error} fields={[]} />
      <Card withBorder>
        <Stack gap="sm">
          {offices.length > 1 && (
            <NativeSelect label={t('intake.referral.sourceOffice')} value={form.sourceOfficeId} error={errorOf('sourceOfficeId')}
              data={offices.map((o) => ({ value: o.id, label: o.name }))} onChange={(e) => setForm({ ...form, sourceOfficeId: e.currentTarget.value })} />
          )}
          <TextInput type="datetime-local" label={t('intake.referral.expressedAt')} required value={form.expressedAt} error={errorOf('expressedAt')}
            onChange={(e) => setForm({ ...form, expressedAt: e.currentTarget.value })} />
          <TextInput label={t('intake.referral.expressedPlace')} required maxLength={LIMITS.nameMax} value={form.expressedPlace}
            error={errorOf('expressedPlace')} onChange={(e) => setForm({ ...form, expressedPlace: e.currentTarget.value })} />
          <NativeSelect label={t('intake.referral.state')} description={t('intake.referral.stateHint')} value={form.expressedStateCode}
            error={errorOf('expressedStateCode')} data={MX_STATES.map((s) => ({ value: s.code, label: s.name }))}
            onChange={(e) => setForm({ ...form, expressedStateCode: e.currentTarget.value })} />
          <TextInput type="date" label={t('intake.claim.enteredMexicoOn')} value={form.enteredMexicoOn} error={errorOf('enteredMexicoOn')}
            onChange={(e) => setForm({ ...form, enteredMexicoOn: e.currentTarget.value })} />
        </Stack>
      </Card>
      {members.map((m, index) => (
        <Card withBorder key={index}>
          {index > 0 && (
            <Group justify="space-between" mb="xs" align="flex-end">
              <NativeSelect label={t('intake.person.relation')} value={m.relation}
                data={MEMBER_RELATIONS.filter((r) => r !== 'principal').map((r) => ({ value: r, label: t(labelKey(RELATION_LABEL, r)) }))}
                onChange={(e) => { const v = e.currentTarget.value; setMembers((all) => all.map((x, i) => (i === index ? { ...x, relation: v as MemberRelation } : x))); }} />
              <Button variant="subtle" color="red" onClick={() => setMembers((all) => all.filter((_, i) => i !== index))}>{t('intake.register.remove')}</Button>
            </Group>
          )}
          <PersonFields compact legend={index === 0 ? t('intake.register.principal') : t('intake.register.member', { n: index })} value={m.person}
            onChange={(person) => setMembers((all) => all.map((x, i) => (i === index ? { ...x, person } : x)))}
            errorOf={(f) => errorOf(`members.${index}.person.${f}`)} />
          <Checkbox mt="sm" label={t('intake.person.unaccompanied')} checked={m.unaccompanied}
            onChange={(e) => { const v = e.currentTarget.checked; setMembers((all) => all.map((x, i) => (i === index ? { ...x, unaccompanied: v } : x))); }} />
        </Card>
      ))}
      <Button variant="default" onClick={() => setMembers((all) => [...all, { relation: 'child', unaccompanied: false, person: { ...EMPTY_PERSON } }])}>
        {t('intake.register.addMember')}
      </Button>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">{t('intake.referral.checklist')}</Title>
        <Stack gap="xs">
          <Checkbox label={t('intake.referral.identified')} checked={form.identified} onChange={(e) => setForm({ ...form, identified: e.currentTarget.checked })} />
          <Checkbox label={t('intake.referral.informed')} checked={form.informed} onChange={(e) => setForm({ ...form, informed: e.currentTarget.checked })} />
          <Checkbox label={t('intake.referral.referred')} checked={form.referred} onChange={(e) => setForm({ ...form, referred: e.currentTarget.checked })} />
        </Stack>
      </Card>
      <Card withBorder>
        <Title order={2} size="h4" mb="xs">{t('intake.referral.indicators')}</Title>
        <Text size="sm" c="dimmed" mb="xs">{t('intake.flags.indicatorHint')}</Text>
        {indicators.map((ind, index) => (
          <Stack key={index} gap="xs" mb="sm">
            <NativeSelect label={t('intake.flags.person')} value={String(ind.memberIndex)} data={members.map((_, i) => ({ value: String(i), label: nameOf(i) }))}
              onChange={(e) => { const v = e.currentTarget.value; setIndicators((all) => all.map((x, i) => (i === index ? { ...x, memberIndex: Number(v) } : x))); }} />
            <NativeSelect label={t('intake.flags.category')} value={ind.category}
              data={[{ value: '', label: t('common.choose') }, ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
              onChange={(e) => { const v = e.currentTarget.value; setIndicators((all) => all.map((x, i) => (i === index ? { ...x, category: v as VulnerabilityCategory } : x))); }} />
            <Textarea label={t('intake.flags.indicator')} autosize maxLength={LIMITS.reasonMax} value={ind.indicator}
              onChange={(e) => { const v = e.currentTarget.value; setIndicators((all) => all.map((x, i) => (i === index ? { ...x, indicator: v } : x))); }} />
          </Stack>
        ))}
        <Button variant="default" onClick={() => setIndicators((all) => [...all, { memberIndex: 0, category: '', indicator: '' }])}>{t('intake.flags.add')}</Button>
      </Card>
      <Textarea label={t('intake.referral.notes')} autosize minRows={2} maxLength={LIMITS.reasonMax} value={form.notes}
        onChange={(e) => setForm({ ...form, notes: e.currentTarget.value })} />
      {isApiError(submit.error, 'VALIDATION_FAILED') && <Text size="sm" c="red.9">{t('intake.referral.fixErrors')}</Text>}
      <Button type="submit" size="md" loading={submit.isPending}>{t('intake.referral.send')}</Button>
    </Stack>
    </form>
  );
}
