// Public server surface of the calendars feature: calendars as data, the claim clocks, and the
// clock effects it registers on the procedure's steps (ADR 019).
export * from './calendars.ts';
export * from './claim-clocks.ts';
export { registerClockEffects } from './clock-effects.ts';
