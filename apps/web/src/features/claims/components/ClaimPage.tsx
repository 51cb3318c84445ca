import { useState } from 'react';
import { Alert, Button, Card, Grid, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isClosedFile } from '@refugio/domain';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { countryName } from '../../../lib/countries.ts';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { CHANNEL_LABEL, RELATION_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { languageName } from '../../../lib/language-name.ts';
import { canAny, useMe } from '../../auth/index.ts';
import { ClaimInterviewsCard } from '../../interviews/index.ts';
import { NextStepsCard } from '../../procedure/index.ts';
import { useClaim } from '../api/claims.ts';
import { ClaimActions } from './ClaimActions.tsx';
import { ClaimClocks } from './ClaimClocks.tsx';
import { ClaimFlags } from './ClaimFlags.tsx';
import { ClaimTimeline } from './ClaimTimeline.tsx';
import { EditPersonDialog } from './EditPersonDialog.tsx';
import { MODALITY_LABEL } from './labels.ts';
import { ClaimStatusBadge, RiskBadge } from './RiskBadge.tsx';

/** One claim file: who, where it stands, its clocks with their explanation, its needs and its history. */
export function ClaimPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const claim = useClaim(id);
  const me = useMe();
  const [editingPersonId, setEditingPersonId] = useState<string | null>(null);
  if (claim.isPending) return <LoadingState />;
  if (!claim.data) return <ErrorAlert error={claim.error} />;
  const c = claim.data;
  const principal = c.members.find((m) => m.relation === 'principal')?.person;
  // A closed file is read-only: what it says is how it ended.
  const mayCorrect = me.data ? canAny(me.data, 'update', 'claim') && !isClosedFile(c.status) : false;
  const editing = c.members.find((m) => m.person.id === editingPersonId)?.person;
  const nameOf = (p: (typeof c.members)[number]['person']) => [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
  const principalName = principal ? nameOf(principal) : '';

  return (
    <>
      <PageHeader title={`${c.claimNumber} · ${principalName}`}
        description={[c.officeName, t(labelKey(CHANNEL_LABEL, c.channel)), t(labelKey(MODALITY_LABEL, c.modality))].join(' · ')}
        actions={(
          <Group gap="xs">
            <Button component={Link} to={`/claims/${c.id}/screening`} variant="default">{t('screening.open')}</Button>
            <Button component={Link} to={`/claims/${c.id}/appointments`} variant="default">{t('scheduling.claimPage.link')}</Button>
            <Button component={Link} to={`/claims/${c.id}/assessment`} variant="default">{t('assessment.open')}</Button>
            <Button component={Link} to={`/claims/${c.id}/decision`} variant="default">{t('decisions.open')}</Button>
          </Group>
        )} />
      <Group gap="sm" mb="md">
        <ClaimStatusBadge status={c.status} />
        <RiskBadge band={c.riskBand} />
        <Text size="sm">{t('intake.claim.lodgedAt')}: {formatDateTime(c.lodgedAt, language)}</Text>
        {c.enteredMexicoOn && <Text size="sm">{t('intake.claim.enteredMexicoOn')}: {formatDate(c.enteredMexicoOn, language)}</Text>}
        {c.protectionExpressedAt && <Text size="sm">{t('intake.claim.protectionExpressedAt')}: {formatDateTime(c.protectionExpressedAt, language)}</Text>}
      </Group>
      {isClosedFile(c.status) && <Alert color="gray" mb="md" role="status">{t('intake.claim.closedReadOnly')}</Alert>}
      {!c.canReadSensitive && <Alert color="gray" mb="md">{t('intake.claim.sensitiveHidden')}</Alert>}
      <Grid>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack>
            <Card withBorder component="section" aria-labelledby="people-title">
              <Title order={2} size="h4" id="people-title" mb="sm">{t('intake.claim.people')}</Title>
              <Table.ScrollContainer minWidth={560}>
                <Table>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('intake.person.name')}</Table.Th>
                      <Table.Th scope="col">{t('intake.person.relation')}</Table.Th>
                      <Table.Th scope="col">{t('intake.person.birthDate')}</Table.Th>
                      <Table.Th scope="col">{t('intake.person.nationalities')}</Table.Th>
                      <Table.Th scope="col">{t('intake.person.languages')}</Table.Th>
                      {mayCorrect && <Table.Th scope="col">{t('intake.editPerson.column')}</Table.Th>}
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {c.members.map((m) => (
                      <Table.Tr key={m.person.id}>
                        <Table.Td>
                          <Text size="sm" fw={500}>{nameOf(m.person)}</Text>
                          {m.person.genderIdentity && <Text size="xs" c="dimmed">{t('intake.person.genderIdentity')}: {m.person.genderIdentity}</Text>}
                          {m.person.genderIdentityRedacted && <Text size="xs" c="dimmed">{t('intake.person.genderIdentityRedacted')}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {t(labelKey(RELATION_LABEL, m.relation))}
                          {m.unaccompanied && <Text size="xs" c="red.9">{t('intake.person.unaccompanied')}</Text>}
                        </Table.Td>
                        <Table.Td>
                          {m.person.birthDate ? formatDate(m.person.birthDate, language) : '—'}
                          {m.person.age !== null && (
                            <Text size="xs" c="dimmed">
                              {t('intake.person.age', { count: m.person.age })}
                              {m.person.birthDateEstimated && ` · ${t('intake.person.estimated')}`}
                              {m.person.isChild && ` · ${t('intake.person.child')}`}
                            </Text>
                          )}
                        </Table.Td>
                        <Table.Td>{m.person.nationalities.map((n) => countryName(n, language)).join(', ') || '—'}</Table.Td>
                        <Table.Td>
                          {m.person.languages.map((code) => languageName(t, code, language)).join(', ') || '—'}
                          {m.person.needsInterpreter && <Text size="xs">{t('intake.person.needsInterpreter')}</Text>}
                        </Table.Td>
                        {mayCorrect && (
                          <Table.Td>
                            <Button size="xs" variant="default" aria-label={t('intake.editPerson.openFor', { name: nameOf(m.person) })}
                              onClick={() => setEditingPersonId(m.person.id)}>
                              {t('intake.editPerson.open')}
                            </Button>
                          </Table.Td>
                        )}
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            </Card>
            <ClaimClocks claimId={c.id} />
            <ClaimInterviewsCard claim={c} mayUpdate={mayCorrect} />
            <ClaimFlags claim={c} />
            <ClaimTimeline claimId={c.id} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack>
            <NextStepsCard claimId={c.id} version={c.version} />
            <ClaimActions claim={c} />
          </Stack>
        </Grid.Col>
      </Grid>
      {editing && <EditPersonDialog claimId={c.id} person={editing} withGenderIdentity={c.canReadSensitive} onClose={() => setEditingPersonId(null)} />}
    </>
  );
}
