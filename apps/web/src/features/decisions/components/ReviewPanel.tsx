import { useState } from 'react';
import { Button, Card, Group, List, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { REVIEW_HEADINGS, REVIEW_RATINGS, type ReviewHeading, type ReviewRating, type TDecision } from '@refugio/domain';
import { formatDateTime } from '../../../lib/format-date.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { addComment, approveDecision, resolveComment, returnDecision, signDecision, submitDecision, useReviewers } from '../api/decisions.ts';
import { HEADING_LABEL, RATING_LABEL } from './labels.ts';
import { StepError } from './UnmetSafeguards.tsx';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/**
 * Four eyes (ADR 030): the drafter submits to a named reviewer; the reviewer comments under the
 * EUAA Quality Assurance Tool's headings, returns the draft with reasons or approves it; the
 * authority's signatory signs it.
 */
export function ReviewPanel({ decision }: { decision: TDecision }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['claims', decision.claimId] });
  const reviewers = useReviewers(decision.claimId, decision.can.submit);
  const [reviewerId, setReviewerId] = useState('');
  const [heading, setHeading] = useState<ReviewHeading>('legal_analysis');
  const [rating, setRating] = useState<ReviewRating>('minor_error');
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const [confirmSign, setConfirmSign] = useState(false);
  const submit = useMutation({ mutationFn: () => submitDecision(decision.claimId, { version: decision.version, reviewerId }), onSuccess: refresh });
  const add = useMutation({
    mutationFn: () => { const body = { section: heading, rating, comment }; return addComment(decision.claimId, body, keyFor(body)); },
    onSuccess: () => { setComment(''); return refresh(); },
  });
  const resolve = useMutation({ mutationFn: (id: string) => resolveComment(decision.claimId, id), onSuccess: refresh });
  const back = useMutation({ mutationFn: () => returnDecision(decision.claimId, { version: decision.version, reason }), onSuccess: refresh });
  const approve = useMutation({ mutationFn: () => approveDecision(decision.claimId, decision.version), onSuccess: refresh });
  const sign = useMutation({ mutationFn: () => signDecision(decision.claimId, decision.version), onSuccess: () => { setConfirmSign(false); return refresh(); } });
  const commentErrors = useFieldErrors(add.error);
  const submitErrors = useFieldErrors(submit.error);
  const returnErrors = useFieldErrors(back.error);
  return (
    <Card withBorder component="section" aria-labelledby="review-title">
      <Title order={2} size="h4" id="review-title" mb="xs">{t('decisions.review.title')}</Title>
      <Stack>
        {decision.reviewer && <Text size="sm">{t('decisions.review.reviewer', { name: decision.reviewer.fullName, round: decision.reviewRound })}</Text>}
        {decision.comments.length > 0 && (
          <List spacing="xs" aria-label={t('decisions.review.comments')}>
            {decision.comments.map((c) => (
              <List.Item key={c.id}>
                <Group gap="xs">
                  <Text fw={600} size="sm">{t(HEADING_LABEL[c.section])}</Text>
                  <StateBadge tone={c.rating === 'significant_error' ? 'negative' : c.rating === 'minor_error' ? 'warning' : 'neutral'} look="outline">{t(RATING_LABEL[c.rating])}</StateBadge>
                  {c.resolvedAt ? <StateBadge tone="positive" look="outline">{t('decisions.review.resolved')}</StateBadge> : null}
                </Group>
                <Text size="sm">{c.comment}</Text>
                <Text size="xs" c="dimmed">{c.author?.fullName} · {formatDateTime(c.createdAt, language)} · {t('decisions.review.round', { round: c.round })}</Text>
                {decision.can.edit && !c.resolvedAt && (
                  <Button size="xs" variant="subtle" onClick={() => resolve.mutate(c.id)}>{t('decisions.review.markResolved')}</Button>
                )}
              </List.Item>
            ))}
          </List>
        )}
        {decision.can.submit && (
          <form onSubmit={(e) => { e.preventDefault(); submit.mutate(); }}>
            <Stack gap="xs">
              <StepError error={submit.error} fields={['reviewerId']} />
              <NativeSelect label={t('decisions.review.chooseReviewer')} required value={reviewerId} error={submitErrors.reviewerId}
                data={[{ value: '', label: t('common.choose') }, ...(reviewers.data ?? []).map((r) => ({ value: r.id, label: r.fullName }))]}
                onChange={(e) => setReviewerId(e.currentTarget.value)} />
              {reviewers.data?.length === 0 && <Text size="sm" c="red.9">{t('decisions.review.noReviewers')}</Text>}
              <Group><Button type="submit" disabled={!reviewerId} loading={submit.isPending}>{t('decisions.review.submit')}</Button></Group>
            </Stack>
          </form>
        )}
        {decision.can.review && (
          <>
            <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }}>
              <Stack gap="xs">
                <StepError error={add.error} fields={['section', 'rating', 'comment']} />
                <Group grow>
                  <NativeSelect label={t('decisions.review.heading')} value={heading} error={commentErrors.section}
                    data={REVIEW_HEADINGS.map((h) => ({ value: h, label: t(HEADING_LABEL[h]) }))} onChange={(e) => setHeading(e.currentTarget.value as ReviewHeading)} />
                  <NativeSelect label={t('decisions.review.rating')} value={rating} error={commentErrors.rating}
                    data={REVIEW_RATINGS.map((r) => ({ value: r, label: t(RATING_LABEL[r]) }))} onChange={(e) => setRating(e.currentTarget.value as ReviewRating)} />
                </Group>
                <Textarea label={t('decisions.review.comment')} required autosize minRows={2} value={comment} error={commentErrors.comment}
                  onChange={(e) => setComment(e.currentTarget.value)} />
                <Group><Button type="submit" variant="default" loading={add.isPending}>{t('decisions.review.addComment')}</Button></Group>
              </Stack>
            </form>
            <Stack gap="xs">
              <StepError error={back.error ?? approve.error} fields={['reason']} />
              <Textarea label={t('decisions.review.returnReason')} autosize minRows={2} value={reason} error={returnErrors.reason}
                onChange={(e) => setReason(e.currentTarget.value)} />
              <Group>
                <Button variant="default" color="orange" disabled={!reason.trim()} loading={back.isPending} onClick={() => back.mutate()}>{t('decisions.review.return')}</Button>
                <Button loading={approve.isPending} onClick={() => approve.mutate()}>{t('decisions.review.approve')}</Button>
              </Group>
            </Stack>
          </>
        )}
        {decision.can.sign && (
          <Stack gap="xs">
            <StepError error={sign.error} />
            <Text size="sm">{t('decisions.sign.intro')}</Text>
            <Group><Button onClick={() => { sign.reset(); setConfirmSign(true); }}>{t('decisions.sign.submit')}</Button></Group>
            <ConfirmDialog opened={confirmSign} title={t('decisions.sign.confirmTitle')} message={t('decisions.sign.confirmMessage')}
              confirmLabel={t('decisions.sign.submit')} pending={sign.isPending} error={sign.error}
              onConfirm={() => sign.mutate()} onClose={() => setConfirmSign(false)} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
