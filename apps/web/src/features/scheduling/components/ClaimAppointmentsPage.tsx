import { useState } from 'react';
import { Anchor, Card, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TAppointment } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { useBookingOptions, useClaimAppointments } from '../api/scheduling.ts';
import { AppointmentsList } from './AppointmentsList.tsx';
import { BookingForm } from './BookingForm.tsx';
import { SignaturesSection } from './SignaturesSection.tsx';

/** A claim's personal interview appointments and weekly signatures. */
export function ClaimAppointmentsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const appointments = useClaimAppointments(id);
  // Readers who may not update the claim get a 403 here: they see the appointments, not the form.
  const options = useBookingOptions(id);
  const [rescheduling, setRescheduling] = useState<TAppointment | null>(null);
  if (appointments.isPending) return <LoadingState />;
  if (!appointments.data) return <ErrorAlert error={appointments.error} />;
  const mayUpdate = Boolean(options.data);
  const claimNumber = appointments.data[0]?.claimNumber;
  const bookable = options.data && ['admitted', 'interview_scheduled'].includes(options.data.status)
    && !appointments.data.some((a) => a.status === 'scheduled');
  return (
    <Stack>
      <PageHeader title={claimNumber ? t('scheduling.claimPage.titleNumbered', { claim: claimNumber }) : t('scheduling.claimPage.title')}
        description={t('scheduling.claimPage.description')} actions={<Anchor component={Link} to={`/claims/${id}`}>{t('scheduling.claimPage.back')}</Anchor>} />
      {bookable && options.data && (
        <Card withBorder component="section" aria-labelledby="book-heading">
          <Title order={2} size="h4" id="book-heading" mb="sm">{t('scheduling.claimPage.book')}</Title>
          <BookingForm claimId={id} options={options.data} from={null} onDone={() => undefined} />
        </Card>
      )}
      <Card withBorder component="section" aria-labelledby="appointments-heading">
        <Title order={2} size="h4" id="appointments-heading" mb="sm">{t('scheduling.claimPage.appointments')}</Title>
        <AppointmentsList appointments={appointments.data} mayUpdate={mayUpdate} onReschedule={setRescheduling} />
      </Card>
      <SignaturesSection claimId={id} mayUpdate={mayUpdate} />
      <FormModal opened={rescheduling !== null} title={t('scheduling.booking.reschedule')} onClose={() => setRescheduling(null)} size="xl">
        {rescheduling && options.data && <BookingForm claimId={id} options={options.data} from={rescheduling} onDone={() => setRescheduling(null)} />}
      </FormModal>
    </Stack>
  );
}
