import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Each route names itself in the tab and for screen readers: "Usuarios · Refugio". */
export function usePageTitle(title: string): void {
  const { t } = useTranslation();
  const appName = t('common.appName');
  useEffect(() => {
    document.title = title ? `${title} · ${appName}` : appName;
  }, [title, appName]);
}
