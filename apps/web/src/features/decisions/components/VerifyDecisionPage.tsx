import { Alert, Card, Container, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { usePageTitle } from '../../../lib/use-page-title.ts';
import { usePublicDecision } from '../api/decisions.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The public page a decision's verification address opens: no login, no personal data (ADR 030). */
export function VerifyDecisionPage() {
  const { code } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  usePageTitle(t('decisions.verify.title'));
  const decision = usePublicDecision(code);
  const d = decision.data;
  return (
    <Container size="sm" py="xl" component="main">
      <Stack>
        <Title order={1} size="h2">{t('decisions.verify.title')}</Title>
        <Text c="dimmed">{t('decisions.verify.code', { code: code ?? '' })}</Text>
        {decision.isPending && <LoadingState />}
        {decision.isError && <Alert color="red" role="alert">{t('decisions.verify.notFound')}</Alert>}
        {d && (
          <Card withBorder>
            <StateBadge tone={d.superseded ? 'warning' : 'positive'} size="lg" mb="sm">{t(d.superseded ? 'decisions.verify.superseded' : 'decisions.verify.authentic')}</StateBadge>
            <Table>
              <Table.Tbody>
                <Table.Tr><Table.Th scope="row">{t('decisions.verify.signedOn')}</Table.Th><Table.Td>{formatDate(d.signedOn, language)}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('decisions.verify.office')}</Table.Th><Table.Td>{d.issuingOffice}</Table.Td></Table.Tr>
                <Table.Tr><Table.Th scope="row">{t('decisions.verify.institution')}</Table.Th><Table.Td>{d.issuingInstitution}</Table.Td></Table.Tr>
              </Table.Tbody>
            </Table>
            <Text size="sm" c="dimmed" mt="sm">{t('decisions.verify.privacy')}</Text>
          </Card>
        )}
      </Stack>
    </Container>
  );
}
