import { notifications } from '@mantine/notifications';
import { i18n } from './i18n.ts';

/** A short confirmation toast whose close button has a name in the UI language. */
export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal.9', message, closeButtonProps: { 'aria-label': i18n.t('common.close') } });
}
