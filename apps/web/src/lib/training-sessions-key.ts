/**
 * The query-cache key under which the training pages keep sessions, enrolments, the modules
 * catalogue and the trainer roster. Invalidating it refreshes all of them: a session shows its
 * module's title and its trainers' names, so a change to either refreshes the sessions too.
 */
export const TRAINING_SESSIONS_KEY = ['training-sessions'] as const;
