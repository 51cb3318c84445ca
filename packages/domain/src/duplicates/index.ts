// Public surface of the duplicates feature (client-safe): scoring rules and schemas.
export * from './duplicates.rules.ts';
export * from './duplicates.schemas.ts';
