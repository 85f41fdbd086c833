import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Services } from '../services/services';
import { VERSION } from '../services/version';
import { authPlugin } from './plugins/auth.plugin';
import { errorsPlugin } from './plugins/errors.plugin';
import { openapiPlugin } from './plugins/openapi.plugin';
import { securityPlugin } from './plugins/security.plugin';
import { webPlugin } from './plugins/web.plugin';
import { acknowledgementRoutes } from './routes/acknowledgements.routes';
import { auditRoutes } from './routes/audit.routes';
import { calendarIcsRoutes } from './routes/calendar-ics.routes';
import { calendarRoutes } from './routes/calendars.routes';
import { calibrationRoutes } from './routes/calibration.routes';
import { catalogCodeRoutes } from './routes/catalog-code.routes';
import { authRoutes } from './routes/auth.routes';
import { demoRoutes } from './routes/demo.routes';
import { employeeRoutes } from './routes/employees.routes';
import { exclusionRoutes } from './routes/exclusions.routes';
import { auditsRoutes } from './routes/audits.routes';
import { auditPhotoRoutes } from './routes/audit-photos.routes';
import { followUpRoutes } from './routes/follow-ups.routes';
import { auditScheduleRoutes } from './routes/audit-schedules.routes';
import { importRoutes } from './routes/imports.routes';
import { gridRoutes } from './routes/grid.routes';
import { gridTransferRoutes } from './routes/grid-transfer.routes';
import { handbookRoutes } from './routes/handbook.routes';
import { healthRoutes } from './routes/health.routes';
import { inviteRoutes } from './routes/invites.routes';
import { monitoringRoutes } from './routes/monitoring.routes';
import { notificationRoutes } from './routes/notifications.routes';
import { orgTransferRoutes } from './routes/org-transfer.routes';
import { proposalRoutes } from './routes/proposals.routes';
import { standardRoutes } from './routes/standards.routes';
import { supportTypeRoutes } from './routes/support-types.routes';
import { tokenRoutes } from './routes/tokens.routes';
import { unitRoutes } from './routes/units.routes';
import { userRoutes } from './routes/users.routes';

/** Largest JSON body accepted (413 above it). Import routes set their own, larger limits. */
export const BODY_LIMIT = 1024 * 1024;

export interface AppOptions {
  services: Services;
  /** Pino level, or false to log nothing (tests). */
  logLevel?: string | false;
  /** Which reverse proxies' X-Forwarded-* to honour (client address, https); see Config.trustProxy. */
  trustProxy?: boolean | number | string;
  /** The address people use (ETALON_PUBLIC_URL); its host is accepted as a same-site Origin. */
  publicUrl?: string | undefined;
  /** The built web app; defaults to `dist/web` in the checkout. */
  webRoot?: string;
}

/**
 * Builds the HTTP app without listening, so tests call it in-process with `app.inject`.
 * A new resource adds one `routes/<resource>.routes.ts` and one line below.
 */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logLevel === false ? false : { level: options.logLevel ?? 'info' },
    // Fastify accepts a hop count at run time; its types only list boolean | string.
    trustProxy: (options.trustProxy ?? false) as boolean | string,
    bodyLimit: BODY_LIMIT,
    genReqId: () => randomUUID(),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  // JSON only: the bodies a cross-site form can send (text/plain, form-encoded) get 415.
  app.removeContentTypeParser('text/plain');
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  const { services } = options;
  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(cookie);
  await app.register(openapiPlugin, { version: VERSION });
  await app.register(authPlugin, { services, publicUrl: options.publicUrl });

  await app.register(healthRoutes, { services });
  await app.register(
    async (api) => {
      await api.register(authRoutes, { services });
      await api.register(inviteRoutes, { services });
      await api.register(userRoutes, { services });
      await api.register(tokenRoutes, { services });
      await api.register(auditRoutes, { services });
      await api.register(unitRoutes, { services });
      await api.register(employeeRoutes, { services });
      await api.register(supportTypeRoutes, { services });
      await api.register(gridRoutes, { services });
      await api.register(demoRoutes, { services });
      await api.register(standardRoutes, { services });
      await api.register(calendarRoutes, { services });
      await api.register(monitoringRoutes, { services });
      await api.register(exclusionRoutes, { services });
      await api.register(auditsRoutes, { services });
      await api.register(auditPhotoRoutes, { services });
      await api.register(followUpRoutes, { services });
      await api.register(auditScheduleRoutes, { services });
      await api.register(calibrationRoutes, { services });
      await api.register(importRoutes, { services });
      await api.register(calendarIcsRoutes, { services });
      await api.register(proposalRoutes, { services });
      await api.register(notificationRoutes, { services });
      await api.register(acknowledgementRoutes, { services });
      await api.register(handbookRoutes, { services });
      await api.register(catalogCodeRoutes, { services });
      await api.register(orgTransferRoutes, { services });
      await api.register(gridTransferRoutes, { services });
    },
    { prefix: '/api/v1' },
  );

  await app.register(webPlugin, {
    root: options.webRoot ?? fileURLToPath(new URL('../../dist/web', import.meta.url)),
  });
  return app;
}
