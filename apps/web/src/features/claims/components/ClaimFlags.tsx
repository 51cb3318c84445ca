import { useState } from 'react';
import { Button, Card, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isClosedFile, LIMITS, VULNERABILITY_CATEGORIES, type TClaim } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { addFlag, CLAIMS_KEY, withdrawFlag } from '../api/claims.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** Specific needs: recorded ones (sensitive ones hidden unless the field policy allows), suggestions to confirm, a form to add one. */
export function ClaimFlags({ claim }: { claim: TClaim }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [draft, setDraft] = useState({ personId: '', category: '', indicator: '' });
  const nameOf = (personId: string | null) => {
    const p = claim.members.find((m) => m.person.id === personId)?.person;
    return p ? [p.givenNames, p.firstSurname].filter(Boolean).join(' ') : t('intake.flags.wholeClaim');
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
  const add = useMutation({
    mutationFn: (body: { personId: string | null; category: string; indicator: string }) => addFlag(claim.id, body, keyFor(body)),
    onSuccess: () => { setDraft({ personId: '', category: '', indicator: '' }); void refresh(); },
  });
  const withdraw = useMutation({
    mutationFn: ({ flagId, version, reason }: { flagId: string; version: number; reason: string }) => withdrawFlag(claim.id, flagId, { version, reason }),
    onSettled: () => void refresh(),
  });
  const errorOf = useFieldErrorMap(add.error);
  const active = claim.flags.filter((f) => f.withdrawnAt === null);
  // A closed file is read as it ended: its needs are no longer recorded or withdrawn.
  const closed = isClosedFile(claim.status);

  return (
    <Card withBorder component="section" aria-labelledby="flags-title">
      <Title order={2} size="h4" id="flags-title" mb="sm">{t('intake.flags.title')}</Title>
      <ErrorAlert error={withdraw.error} />
      <Stack gap="xs">
        {active.length === 0 && <Text size="sm" c="dimmed">{t('intake.flags.none')}</Text>}
        {active.map((f) => (
          <Group key={f.id} justify="space-between" wrap="nowrap" align="flex-start">
            <div>
              <Group gap={6}>
                <StateBadge tone={f.sensitive ? 'sensitive' : 'info'} look="outline">
                  {f.category ? t(labelKey(CATEGORY_LABEL, f.category)) : t('intake.flags.sensitive')}
                </StateBadge>
                <Text size="sm">{nameOf(f.personId)}</Text>
              </Group>
              {f.indicator && <Text size="sm">{f.indicator}</Text>}
              <Text size="xs" c="dimmed">{formatDateTime(f.recordedAt, language)}{f.recordedBy ? ` · ${f.recordedBy}` : ''}</Text>
            </div>
            {!f.redacted && !closed && (
              <Button size="xs" variant="subtle" color="red" loading={withdraw.isPending}
                onClick={() => {
                  const reason = window.prompt(t('intake.flags.withdrawReason'));
                  if (reason?.trim()) withdraw.mutate({ flagId: f.id, version: f.version, reason: reason.trim() });
                }}>
                {t('intake.flags.withdraw')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {claim.suggestedFlags.length > 0 && !closed && (
        <Stack gap="xs" mt="md">
          <Title order={3} size="h5">{t('intake.flags.suggested')}</Title>
          {claim.suggestedFlags.map((s) => {
            const indicator = t(s.indicatorKey, { ...s.params, estimated: s.params.estimated === 'estimated' ? t('intake.person.estimated') : '' });
            return (
              <Group key={`${s.memberIndex}-${s.category}`} justify="space-between">
                <Text size="sm"><strong>{t(labelKey(CATEGORY_LABEL, s.category))}</strong> · {nameOf(s.personId)} — {indicator}</Text>
                <Button size="xs" variant="light" loading={add.isPending}
                  onClick={() => add.mutate({ personId: s.personId, category: s.category, indicator })}>
                  {t('intake.flags.confirm')}
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
      {closed ? <Text size="sm" c="dimmed" mt="md">{t('intake.claim.closedReadOnly')}</Text> : (
      <Stack gap="xs" mt="md" component="form" onSubmit={(e) => {
        e.preventDefault();
        add.mutate({ personId: draft.personId || null, category: draft.category, indicator: draft.indicator.trim() });
      }}>
        <Title order={3} size="h5">{t('intake.flags.add')}</Title>
        <ErrorAlert error={add.error} fields={['category', 'indicator', 'personId']} />
        <Group grow align="flex-start">
          <NativeSelect label={t('intake.flags.person')} value={draft.personId} error={errorOf('personId')}
            data={[{ value: '', label: t('intake.flags.wholeClaim') }, ...claim.members.map((m) => ({ value: m.person.id, label: nameOf(m.person.id) }))]}
            onChange={(e) => setDraft({ ...draft, personId: e.currentTarget.value })} />
          <NativeSelect label={t('intake.flags.category')} required value={draft.category} error={errorOf('category')}
            data={[{ value: '', label: t('common.choose') }, ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
            onChange={(e) => setDraft({ ...draft, category: e.currentTarget.value })} />
        </Group>
        <Textarea label={t('intake.flags.indicator')} description={t('intake.flags.indicatorHint')} required autosize minRows={2}
          maxLength={LIMITS.reasonMax} value={draft.indicator} error={errorOf('indicator')}
          onChange={(e) => setDraft({ ...draft, indicator: e.currentTarget.value })} />
        <Group><Button type="submit" loading={add.isPending}>{t('intake.flags.record')}</Button></Group>
      </Stack>
      )}
    </Card>
  );
}
