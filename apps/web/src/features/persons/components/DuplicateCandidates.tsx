import { useId, useState } from 'react';
import { Alert, Button, Card, Group, List, Loader, Stack, Text, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TDuplicateCandidate, TDuplicateCheckInput } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { recordNotDuplicate, useDuplicateCheck } from '../api/persons.ts';
import { formatPoints, reasonText } from './reason-text.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

export interface DuplicateCandidatesProps {
  /**
   * The person's fields as typed so far (null: nothing to check yet). With `personId` (an existing
   * record, e.g. from a referral), "not the same person" is recorded at once; otherwise it is only
   * reported through `onNotSame`, for the registration to record once the person exists.
   */
  person: TDuplicateCheckInput | null;
  /** The candidate the clerk linked, shown as chosen. */
  linkedPersonId?: string | null | undefined;
  /** "Same person": the registration should use this existing record. */
  onLink?: ((candidate: TDuplicateCandidate) => void) | undefined;
  onNotSame?: ((candidate: TDuplicateCandidate) => void) | undefined;
  /** Heading level of the section title (default 2). */
  headingOrder?: 2 | 3 | 4;
  /** Label of the `onLink` button, e.g. "Select" on the merge page (default "Same person (link)"). */
  linkLabel?: string | undefined;
}

/** Persons who may already be registered, each with why it matches, and the clerk's two answers. */
export function DuplicateCandidates({ person, linkedPersonId, onLink, onNotSame, headingOrder = 2, linkLabel }: DuplicateCandidatesProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const check = useDuplicateCheck(person);
  const [dismissed, setDismissed] = useState<ReadonlySet<string>>(new Set());
  const headingId = useId();
  const notSame = useMutation({
    mutationFn: async (candidate: TDuplicateCandidate) => {
      if (person?.personId) await recordNotDuplicate(person.personId, candidate.personId);
      return candidate;
    },
    onSuccess: (candidate) => {
      setDismissed((d) => new Set([...d, candidate.personId]));
      onNotSame?.(candidate);
    },
  });
  const candidates = (check.data?.candidates ?? []).filter((c) => !dismissed.has(c.personId));

  return (
    <section aria-labelledby={headingId}>
      <Group gap="xs" mb="xs">
        <Title order={headingOrder} size="h4" id={headingId}>{t('duplicates.candidates.title')}</Title>
        {check.isFetching && <Loader size="xs" aria-label={t('common.loading')} />}
      </Group>
      <ErrorAlert error={check.error ?? notSame.error} />
      <Text size="sm" c="dimmed" aria-live="polite" mb="sm">
        {person === null || !check.data ? t('duplicates.candidates.waiting')
          : candidates.length === 0 ? t('duplicates.candidates.none')
            : t('duplicates.candidates.count', { count: candidates.length })}
      </Text>
      <Stack gap="sm">
        {candidates.map((c) => {
          const name = [c.givenNames, c.firstSurname, c.secondSurname].filter(Boolean).join(' ');
          const linked = linkedPersonId === c.personId;
          const titleId = `${headingId}-${c.personId}`;
          return (
            <Card key={c.personId} withBorder component="article" aria-labelledby={titleId} bg={linked ? 'teal.0' : undefined}>
              <Group justify="space-between" align="flex-start" wrap="wrap">
                <div>
                  <Text fw={600} id={titleId}>{name}</Text>
                  <Text size="sm" c="dimmed">
                    {c.birthDate ? formatDate(c.birthDate, language) : t('duplicates.candidates.noBirthDate')}
                    {c.birthDateEstimated && ` (${t('duplicates.candidates.estimated')})`}
                    {c.nationalities.length > 0 && ` · ${c.nationalities.join(', ')}`}
                  </Text>
                </div>
                <StateBadge tone={c.level === 'high' ? 'negative' : 'neutral'} look={c.level === 'high' ? 'filled' : 'outline'} size="lg">
                  {c.level === 'high' ? t('duplicates.candidates.levelHigh') : t('duplicates.candidates.levelPossible')}
                  {' · '}{t('duplicates.candidates.score', { score: c.score })}
                </StateBadge>
              </Group>
              <Text size="sm" fw={600} mt="sm">{t('duplicates.candidates.why')}</Text>
              <List size="sm" spacing={2}>
                {c.reasons.map((r) => (
                  <List.Item key={r.field}>
                    <Text span size="sm" ff="monospace" c={r.points > 0 ? 'teal.9' : r.points < 0 ? 'red.9' : 'dimmed'}>
                      {formatPoints(r.points)}
                    </Text>{' '}
                    {reasonText(t, r, language)}
                  </List.Item>
                ))}
              </List>
              {c.matchedMergedPersonId && <Text size="xs" c="dimmed" mt={4}>{t('duplicates.candidates.viaMerged')}</Text>}
              <Text size="sm" mt="sm">
                {c.claims.length === 0 ? t('duplicates.candidates.noClaims')
                  : t('duplicates.candidates.claims', { list: c.claims.map((cl) => `${cl.claimNumber} (${cl.officeName})`).join('; ') })}
              </Text>
              {!c.inScope && (
                <Alert color="gray" variant="light" mt="xs" p="xs">
                  <Text size="xs">{t('duplicates.candidates.outOfScope')}</Text>
                </Alert>
              )}
              {(onLink || onNotSame || person?.personId) && (
                <Group mt="sm" gap="sm">
                  {onLink && (
                    <Button size="xs" variant={linked ? 'filled' : 'light'} aria-pressed={linked}
                      aria-label={`${linkLabel ?? t('duplicates.candidates.link')}: ${name}`} onClick={() => onLink(c)}>
                      {linked ? t('duplicates.candidates.linked') : (linkLabel ?? t('duplicates.candidates.link'))}
                    </Button>
                  )}
                  {(onNotSame || person?.personId) && (
                    <Button size="xs" variant="default" loading={notSame.isPending && notSame.variables?.personId === c.personId}
                      aria-label={t('duplicates.candidates.notSameNamed', { name })} onClick={() => notSame.mutate(c)}>
                      {t('duplicates.candidates.notSame')}
                    </Button>
                  )}
                </Group>
              )}
            </Card>
          );
        })}
      </Stack>
    </section>
  );
}
