// The demo data seeded into an empty database (README: demo accounts and journeys).
export * from './seed-demo.ts';
export * from './seed-demo-intake.ts';
export { seedDemoTrainingLibrary } from './seed-demo-training-library.ts';
export { seedDemoCoiLibrary } from './seed-demo-coi-library.ts';
export { seedDemoResults } from './seed-demo-results.ts';
export { seedDemoImpact } from './seed-demo-impact.ts';
