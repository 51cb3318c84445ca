import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import Fastify, { LogController } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import fastifyStatic from '@fastify/static';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError, languageFromHeader } from '@refugio/domain';
import type { Database } from '@refugio/db';
import type { AppConfig } from './config.ts';
import { registerAccessControl } from './plugins/access.ts';
import { registerAddressLimits } from './plugins/address-limit.ts';
import { registerOpenApi } from './plugins/openapi.ts';
import { problemBody, registerProblemHandlers, sendProblem } from './plugins/problems.ts';
import { registerTextHygiene } from './plugins/text-hygiene.ts';
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
import { resultsRoutes } from './features/results/routes.ts';
import { trainingImpactRoutes } from './features/training-impact/routes.ts';
import { evaluationRoutes } from './features/evaluations/routes.ts';
import { trainingSessionRoutes } from './features/training-sessions/routes.ts';
import { competencyRoutes } from './features/competencies/routes.ts';
import { trainingCurriculumRoutes } from './features/training-curriculum/routes.ts';
import { trainingNeedsRoutes } from './features/training-needs/routes.ts';
import { procedureRoutes } from './features/procedure/routes.ts';
import { screeningRoutes } from './features/screening/routes.ts';
import { schedulingRoutes } from './features/scheduling/routes.ts';
import { coiRoutes } from './features/coi/routes.ts';
import { assessmentRoutes } from './features/assessment/routes.ts';
import { decisionRoutes } from './features/decisions/routes.ts';

/** Every feature the browser could grant, refused: Refugio uses none (the QR code is shown, not scanned). */
export const PERMISSIONS_POLICY = [
  'accelerometer=()', 'autoplay=()', 'camera=()', 'display-capture=()', 'encrypted-media=()', 'fullscreen=(self)',
  'geolocation=()', 'gyroscope=()', 'magnetometer=()', 'microphone=()', 'midi=()', 'payment=()', 'picture-in-picture=()',
  'publickey-credentials-get=()', 'screen-wake-lock=()', 'usb=()', 'xr-spatial-tracking=()',
].join(', ');
import { interviewTemplateRoutes } from './features/interview-templates/routes.ts';
import { interviewRoutes } from './features/interviews/routes.ts';

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
    // One line per request only at debug level (LOG_LEVEL=debug): the terminal stays readable.
    logController: new LogController({ disableRequestLogging: true }),
    // Unknown body fields are rejected by strict schemas, not silently dropped.
    ajv: { customOptions: { removeAdditional: false } },
    // A path that is not valid percent-encoded UTF-8 (`%ED%A0%80`, a lone surrogate) fails in the
    // router, before any hook: it still gets a problem+json answer.
    frameworkErrors: (error, request, reply) => {
      request.log.info({ err: error }, 'request refused by the router');
      // No hook has run yet: the language comes from the header alone.
      request.language = languageFromHeader(request.headers['accept-language']);
      void sendProblem(request, reply, new AppError('MALFORMED_REQUEST'));
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.addHook('onResponse', async (request, reply) => {
    request.log.debug({ method: request.method, url: request.url, statusCode: reply.statusCode, ms: Math.round(reply.elapsedTime) }, 'request');
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.decorate('db', db);
  app.decorate('config', config);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Powerful browser features the app never uses are off for it and anything it embeds
    // (OWASP ASVS 4.0.3 V14.4; W3C Permissions Policy).
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    // API answers carry personal data: never kept by the browser or a shared cache (ASVS V8.2.1).
    if (request.url.startsWith('/api') && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
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
  registerAccessControl(app);
  registerAddressLimits(app);
  registerTextHygiene(app);
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
  await app.register(resultsRoutes);
  await app.register(trainingImpactRoutes);
  await app.register(evaluationRoutes);
  await app.register(trainingRecordRoutes);
  await app.register(competencyRoutes);
  await app.register(trainingCurriculumRoutes);
  await app.register(trainingNeedsRoutes);
  await app.register(procedureRoutes);
  await app.register(screeningRoutes);
  await app.register(schedulingRoutes);
  await app.register(interviewTemplateRoutes);
  await app.register(interviewRoutes);
  await app.register(coiRoutes);
  await app.register(assessmentRoutes);
  await app.register(decisionRoutes);

  const webDist = config.webDist && existsSync(path.join(config.webDist, 'index.html')) ? config.webDist : undefined;
  if (webDist) {
    await app.register(fastifyStatic, {
      root: webDist, wildcard: false, index: false, cacheControl: false,
      // The build writes .br and .gz beside each text file (apps/web/vite.config.ts): sent as
      // asked for by Accept-Encoding, with Content-Encoding and Vary: Accept-Encoding.
      preCompressed: true,
      // Vite names each built asset after its content hash: a changed file is a new URL, so the
      // old one can be kept for a year. Anything else (index.html above all, which names the
      // current assets) is revalidated on every load, so a release reaches everyone at once.
      setHeaders: (reply, filePath) => {
        const hashed = filePath.startsWith(path.join(webDist, 'assets') + path.sep);
        reply.header('cache-control', hashed ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
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
