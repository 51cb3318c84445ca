import { Alert, createTheme, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 keeps white text on primary buttons above WCAG AA contrast; the default 6 does not.
  primaryShade: 8,
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Ubuntu, sans-serif',
  defaultRadius: 'sm',
  focusRing: 'auto',
  components: {
    // Light alert titles take the alert colour, which on yellow is unreadable; body text colour is.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
  },
});

/**
 * Contrast fixes for the light scheme (WCAG AA, 4.5:1 on white or the tinted background):
 * "dimmed" grey (#868e96) → gray.7; the error red (red.6) → red.9; the hover tint of light blue
 * buttons (blue.2) left their blue.9 text at 4.0:1, this lighter one keeps 4.6:1.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-blue-light-hover': '#c5e4fc',
  },
  dark: {},
});
