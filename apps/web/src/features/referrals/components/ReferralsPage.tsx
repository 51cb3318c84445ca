import { useState } from 'react';
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LIMITS, type TDuplicateCandidate, type TReferralListItem } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL, CHANNEL_LABEL, RELATION_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { can, useMe } from '../../auth/index.ts';
import { CLAIMS_KEY } from '../../claims/index.ts';
import { EMPTY_PERSON, MemberDuplicates } from '../../persons/index.ts';
import { acceptReferral, REFERRALS_KEY, returnReferral, useReferral, useReferrals } from '../api/referrals.ts';
import { NOTICE_STATE_LABEL, REFERRAL_STATUS_LABEL } from './labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import type { BadgeTone } from '../../../components/ui/badge-tones.ts';

const NOTICE_TONE: Record<string, BadgeTone> = { pending: 'info', overdue: 'negative', met: 'positive', missed: 'negative' };

function ReferralDetail({ id, mayDecide }: { id: string; mayDecide: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const referral = useReferral(id);
  const [reason, setReason] = useState('');
  // Members the clerk matched to a registered person in the duplicate check: linked on acceptance.
  const [links, setLinks] = useState<Record<number, TDuplicateCandidate>>({});
  const refresh = () => Promise.all([queryClient.invalidateQueries({ queryKey: REFERRALS_KEY }), queryClient.invalidateQueries({ queryKey: CLAIMS_KEY })]);
  const accept = useMutation({
    mutationFn: () => {
      const body = { version: referral.data!.version,
        links: Object.entries(links).map(([memberIndex, c]) => ({ memberIndex: Number(memberIndex), existingPersonId: c.personId })) };
      return acceptReferral(id, body, keyFor({ id, ...body }));
    },
    onSuccess: async (result) => { await refresh(); void navigate(`/claims/${result.claimId}`); },
  });
  const giveBack = useMutation({
    mutationFn: () => returnReferral(id, { version: referral.data!.version, reason: reason.trim() }),
    onSuccess: () => void refresh(),
  });
  if (referral.isPending) return <LoadingState />;
  if (!referral.data) return <ErrorAlert error={referral.error} />;
  const r = referral.data;
  return (
    <Stack gap="xs" mt="sm">
      {r.members.map((m) => (
        <Text key={m.person.id} size="sm">
          <strong>{[m.person.givenNames, m.person.firstSurname, m.person.secondSurname].filter(Boolean).join(' ')}</strong>
          {' — '}{t(labelKey(RELATION_LABEL, m.relation))}
          {m.person.age !== null && ` · ${t('intake.person.age', { count: m.person.age })}`}
          {m.person.nationalities.length > 0 && ` · ${m.person.nationalities.join(', ')}`}
          {m.unaccompanied && ` · ${t('intake.person.unaccompanied')}`}
        </Text>
      ))}
      <Text size="sm">{t('intake.referral.where', { place: r.expressedPlace, state: r.expressedStateCode })}</Text>
      <Text size="sm">
        {[r.identified && t('intake.referral.identified'), r.informed && t('intake.referral.informed'), r.referred && t('intake.referral.referred')]
          .filter(Boolean).join(' · ')}
      </Text>
      {r.indicators.map((i, index) => (
        <Text key={index} size="sm">• {i.category ? `${t(labelKey(CATEGORY_LABEL, i.category))}: ${i.indicator}` : t('intake.flags.sensitive')}</Text>
      ))}
      {r.notes && <Text size="sm">{r.notes}</Text>}
      {r.returnReason && <Alert color="orange">{t('intake.referral.returnedBecause', { reason: r.returnReason })}</Alert>}
      {r.claimId && <Button component={Link} to={`/claims/${r.claimId}`} variant="light">{r.claimNumber}</Button>}
      {mayDecide && r.status === 'pending' && (
        <Stack gap="xs">
          {r.members.map((m, index) => (
            <MemberDuplicates key={m.person.id} linkedPersonId={links[index]?.personId ?? null}
              person={{ ...EMPTY_PERSON, givenNames: m.person.givenNames, firstSurname: m.person.firstSurname ?? '',
                secondSurname: m.person.secondSurname ?? '', birthDate: m.person.birthDate ?? '', birthDateEstimated: m.person.birthDateEstimated,
                nationalities: m.person.nationalities, documentType: m.person.documents[0]?.type ?? '', documentNumber: m.person.documents[0]?.number ?? '' }}
              onLink={(candidate) => setLinks((all) => ({ ...all, [index]: candidate }))}
              onNotSame={() => undefined} />
          ))}
          <ErrorAlert error={accept.error ?? giveBack.error} />
          <Button loading={accept.isPending} onClick={() => accept.mutate()}>{t('intake.referral.accept')}</Button>
          <Textarea label={t('intake.referral.returnReason')} autosize maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Button variant="default" color="red" disabled={!reason.trim()} loading={giveBack.isPending} onClick={() => giveBack.mutate()}>
            {t('intake.referral.return')}
          </Button>
        </Stack>
      )}
      <Text size="xs" c="dimmed">{formatDateTime(r.createdAt, language)}{r.createdBy ? ` · ${r.createdBy}` : ''}</Text>
    </Stack>
  );
}

function ReferralCard({ r, open, onToggle, mayDecide }: { r: TReferralListItem; open: boolean; onToggle: () => void; mayDecide: boolean }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Card withBorder component="article" aria-label={r.principalName}>
      <Group justify="space-between" align="flex-start">
        <div>
          <Text fw={600}>{r.principalName}{r.memberCount > 1 ? ` (+${r.memberCount - 1})` : ''}</Text>
          <Text size="sm" c="dimmed">{r.sourceOffice.name} → {r.targetOffice.name} · {t(labelKey(CHANNEL_LABEL, r.channel))}</Text>
          <Text size="sm">{t('intake.referral.expressedOn', { when: formatDateTime(r.expressedAt, language) })}</Text>
        </div>
        <Stack gap={4} align="flex-end">
          <StateBadge tone="neutral" look="outline">{t(labelKey(REFERRAL_STATUS_LABEL, r.status))}</StateBadge>
          <StateBadge tone={NOTICE_TONE[r.noticeState] ?? 'neutral'}>
            {t(labelKey(NOTICE_STATE_LABEL, r.noticeState))} · {formatDateTime(r.noticeDueAt, language)}
          </StateBadge>
        </Stack>
      </Group>
      <Button variant="subtle" size="xs" mt="xs" onClick={onToggle} aria-expanded={open}>{open ? t('intake.referral.hide') : t('intake.referral.open')}</Button>
      {open && <ReferralDetail id={r.id} mayDecide={mayDecide} />}
    </Card>
  );
}

/** COMAR's inbox of referrals (and INM's sent box), the 72-hour notice first. */
export function ReferralsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const mayDecide = me.data ? can(me.data, 'decide:referral:office') : false;
  const mayCreate = me.data ? can(me.data, 'create:referral:office') : false;
  const [box, setBox] = useState<'inbox' | 'sent'>(mayCreate && !mayDecide ? 'sent' : 'inbox');
  const [status, setStatus] = useState('pending');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = useReferrals(box, status);
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <>
      <PageHeader title={t('intake.referral.listTitle')} description={t('intake.referral.listDescription')}
        actions={mayCreate && <Button onClick={() => void navigate('/referrals/new')}>{t('intake.referral.newTitle')}</Button>} />
      <Group mb="md">
        <SegmentedControl value={box} onChange={(v) => setBox(v as 'inbox' | 'sent')}
          data={[{ value: 'inbox', label: t('intake.referral.inbox') }, { value: 'sent', label: t('intake.referral.sent') }]} />
        <SegmentedControl value={status} onChange={setStatus}
          data={[{ value: 'pending', label: t('intake.referralStatuses.pending') }, { value: 'accepted', label: t('intake.referralStatuses.accepted') },
            { value: 'returned', label: t('intake.referralStatuses.returned') }, { value: '', label: t('common.all') }]} />
      </Group>
      <ErrorAlert error={list.error} />
      {list.isPending ? <LoadingState /> : (
        <Stack>
          {items.length === 0 && <Text c="dimmed">{t('common.noResults')}</Text>}
          {items.map((r) => (
            <ReferralCard key={r.id} r={r} open={openId === r.id} onToggle={() => setOpenId(openId === r.id ? null : r.id)} mayDecide={mayDecide} />
          ))}
          {list.hasNextPage && <Button variant="default" onClick={() => void list.fetchNextPage()}>{t('intake.list.more')}</Button>}
        </Stack>
      )}
      <Title order={2} size="h5" mt="xl" c="dimmed">{t('intake.referral.noticeExplained')}</Title>
    </>
  );
}
