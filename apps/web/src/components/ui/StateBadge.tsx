import { Badge, type BadgeProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { BADGE_TONES, type BadgeTone } from './badge-tones.ts';

interface StateBadgeProps extends Pick<BadgeProps, 'size' | 'ml' | 'mb' | 'mt'> {
  tone: BadgeTone;
  /** Filled for the state that matters most on the row, outline for secondary facts. */
  look?: 'filled' | 'outline';
  children: ReactNode;
  role?: string;
  'aria-live'?: 'polite' | 'off';
}

/**
 * The one badge of the interface: readable colours for every state (see badge-tones.ts) and a
 * label that wraps instead of being cut ("En tie…" in a narrow column says nothing).
 */
export function StateBadge({ tone, look = 'filled', children, size, ...rest }: StateBadgeProps) {
  const colours = BADGE_TONES[tone];
  const filled = look === 'filled';
  return (
    <Badge
      size={size}
      variant={filled ? 'filled' : 'outline'}
      color={filled ? colours.fill : colours.ink}
      c={filled ? colours.onFill : colours.ink}
      bg={filled ? colours.fill : 'white'}
      tt="none"
      data-tone={tone}
      styles={{
        root: { height: 'auto', minHeight: 'var(--badge-height)', maxWidth: '100%', flexShrink: 0 },
        label: { whiteSpace: 'normal', overflow: 'visible', textOverflow: 'clip', lineHeight: 1.25, paddingBlock: 2 },
      }}
      {...rest}
    >
      {children}
    </Badge>
  );
}
