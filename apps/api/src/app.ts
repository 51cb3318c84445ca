import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '@refugio/domain';
import type { Database } from '@refugio/db';
import type { AppConfig } from './config.ts';
import { registerAccessControl } from './plugins/access.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { problemBody, registerProblemHandlers } from './plugins/problems.ts';
import type { App } from './types.ts';
import { healthRoutes } from './features/health/routes.ts';
import { authRoutes } from './features/auth/routes.ts';
import { organisationRoutes } from './features/organisations/routes.ts';
import { userRoutes } from './features/users/routes.ts';
import { roleRoutes } from './features/roles/routes.ts';
import { auditRoutes } from './features/audit/routes.ts';
import { calendarRoutes } from './features/calendars/routes.ts';
import { claimRoutes } from './features/claims/routes.ts';
import { referralRoutes } from './features/referrals/routes.ts';
import { personRoutes } from './features/persons/routes.ts';
import { trainingRecordRoutes } from './features/training-records/routes.ts';
import { trainingReportRoutes } from './features/training-reports/routes.ts';
import { trainingSessionRoutes } from './features/training-sessions/routes.ts';
import { competencyRoutes } from './features/competencies/routes.ts';
import { trainingCurriculumRoutes } from './features/training-curriculum/routes.ts';
import { trainingNeedsRoutes } from './features/training-needs/routes.ts';
import { procedureRoutes } from './features/procedure/routes.ts';
import { screeningRoutes } from './features/screening/routes.ts';
import { schedulingRoutes } from './features/scheduling/routes.ts';
import { coiRoutes } from './features/coi/routes.ts';
import { assessmentRoutes } from './features/assessment/routes.ts';

export interface BuildAppOptions {
  db: Database;
  config: AppConfig;
  logger?: boolean;
}

export async function buildApp({ db, config, logger = true }: BuildAppOptions): Promise<App> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization', 'res.headers["set-cookie"]'] } : false,
    bodyLimit: config.bodyLimitBytes,
    trustProxy: config.trustProxy,
    genReqId: () => randomUUID(),
    // Unknown body fields are rejected by strict schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  registerProblemHandlers(app);
  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: () => new AppError('RATE_LIMITED'),
  });
  registerAccessControl(app);
  await registerOpenApi(app);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(organisationRoutes);
  await app.register(userRoutes);
  await app.register(roleRoutes);
  await app.register(auditRoutes);
  await app.register(calendarRoutes);
  await app.register(claimRoutes);
  await app.register(referralRoutes);
  await app.register(personRoutes);
  await app.register(trainingSessionRoutes);
  await app.register(trainingReportRoutes);
  await app.register(trainingRecordRoutes);
  await app.register(competencyRoutes);
  await app.register(trainingCurriculumRoutes);
  await app.register(trainingNeedsRoutes);
  await app.register(procedureRoutes);
  await app.register(screeningRoutes);
  await app.register(schedulingRoutes);
  await app.register(coiRoutes);
  await app.register(assessmentRoutes);

  const webDist = config.webDist && existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : undefined;
  if (webDist) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    // Client-side routes of the web app all load the same page.
    if (webDist && request.method === 'GET' && !request.url.startsWith('/api')) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return reply.status(404).type('application/problem+json').send(problemBody(request, 'NOT_FOUND', 404));
  });
  return app;
}
