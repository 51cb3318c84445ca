// Public surface of the screening feature (client-safe): indicators, specialists, guarantees.
export * from './screening.rules.ts';
export * from './screening.schemas.ts';
