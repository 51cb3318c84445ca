// Public server surface of the organisations feature: institutions, offices, roles, users.
export * from './institutions.ts';
export * from './offices.ts';
export * from './roles.ts';
export * from './users.ts';
