import { useState } from 'react';
import { Alert, Anchor, Button, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { canAny, useMe } from '../../auth/index.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useScreenedClaim, useScreening } from '../api/screening.ts';
import { BestInterestsForm } from './BestInterestsForm.tsx';
import { GuaranteeItem } from './GuaranteeItem.tsx';
import { IndicatorForm } from './IndicatorForm.tsx';
import { IndicatorList } from './IndicatorList.tsx';
import { SpecialistReferrals } from './SpecialistReferrals.tsx';

function Section({ id, title, children }: { id: string; title: string; children: React.ReactNode }) {
  return (
    <Card withBorder component="section" aria-labelledby={id}>
      <Title order={2} size="h4" id={id} mb="sm">{title}</Title>
      {children}
    </Card>
  );
}

/**
 * A claim's screening (ADR 026): the guarantees its people's needs call for, the indicators
 * behind those needs, referrals to specialists and each child's best-interests assessment.
 */
export function ScreeningPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const claim = useScreenedClaim(id);
  const screening = useScreening(id);
  const [adding, setAdding] = useState(false);
  if (claim.isPending || screening.isPending) return <LoadingState />;
  if (!claim.data || !screening.data) return <ErrorAlert error={claim.error ?? screening.error} />;
  const c = claim.data;
  const s = screening.data;
  const mayUpdate = me.data ? canAny(me.data, 'update', 'claim') : false;
  const people = c.members.map((m) => ({
    id: m.person.id, name: [m.person.givenNames, m.person.firstSurname, m.person.secondSurname].filter(Boolean).join(' '), isChild: m.person.isChild,
  }));
  const nameOf = (personId: string) => people.find((p) => p.id === personId)?.name ?? '—';
  const children = people.filter((p) => p.isChild);
  return (
    <>
      <PageHeader title={t('screening.title', { claim: c.claimNumber })} description={t('screening.intro')}
        actions={<Anchor component={Link} to={`/claims/${c.id}`}>{t('screening.backToClaim')}</Anchor>} />
      {!s.canReadSensitive && <Alert color="gray" mb="md">{t('screening.sensitiveHidden')}</Alert>}
      <Stack>
        <Section id="guarantees-title" title={t('screening.guarantees.title')}>
          {s.pendingBeforeInterview > 0 && (
            <Alert color="red" mb="sm" role="status">{t('screening.guarantees.pendingBeforeInterview', { count: s.pendingBeforeInterview })}</Alert>
          )}
          {s.guarantees.length === 0 ? <Text size="sm" c="dimmed">{t('screening.guarantees.none')}</Text> : (
            <Stack gap="md">
              {s.guarantees.map((g, index) => (
                <div key={g.id}>
                  {index > 0 && <Divider mb="md" />}
                  <GuaranteeItem claimId={c.id} guarantee={g} personName={nameOf(g.personId)} mayUpdate={mayUpdate} />
                </div>
              ))}
            </Stack>
          )}
        </Section>
        <Section id="indicators-title" title={t('screening.indicators.title')}>
          <Stack gap="sm">
            {s.indicators.length === 0 ? <Text size="sm" c="dimmed">{t('screening.indicators.none')}</Text> : (
              people.filter((p) => s.indicators.some((i) => i.personId === p.id)).map((p) => (
                <div key={p.id}>
                  <Text size="sm" fw={700}>{p.name}</Text>
                  <IndicatorList claimId={c.id} indicators={s.indicators.filter((i) => i.personId === p.id)} mayUpdate={mayUpdate} />
                </div>
              ))
            )}
            {mayUpdate && (adding ? <IndicatorForm claimId={c.id} people={people} onDone={() => setAdding(false)} /> : (
              <Group><Button onClick={() => setAdding(true)}>{t('screening.indicators.add')}</Button></Group>
            ))}
          </Stack>
        </Section>
        <Section id="referrals-title" title={t('screening.referrals.title')}>
          <SpecialistReferrals claimId={c.id} referrals={s.specialistReferrals} people={people} mayUpdate={mayUpdate} />
        </Section>
        <Section id="best-interests-title" title={t('screening.bestInterests.title')}>
          {children.length === 0 ? <Text size="sm" c="dimmed">{t('screening.bestInterests.none')}</Text> : (
            <Stack gap="lg">
              {children.map((p) => (
                <BestInterestsForm key={p.id} claimId={c.id} person={p} mayUpdate={mayUpdate}
                  assessment={s.bestInterests.find((b) => b.personId === p.id)} />
              ))}
            </Stack>
          )}
        </Section>
      </Stack>
    </>
  );
}
