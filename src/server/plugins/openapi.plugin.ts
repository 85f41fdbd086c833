import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from './auth.plugin';

/**
 * OpenAPI 3 generated from the zod schemas the routes validate with: `/api/openapi.json`, and
 * Swagger UI at `/api/docs`.
 */
export const openapiPlugin = fp<{ version: string }>(async (app, { version }) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Etalon API',
        version,
        description:
          'Agree, monitor and improve customer-service standards. Authenticate with `Authorization: Bearer <token>` ' +
          '(tokens: Administration → API tokens, or `npx etalon token create`). Errors always look like ' +
          '`{"error":{"code","message","details"}}`.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API token (etn_…)' },
          cookie: {
            type: 'apiKey',
            in: 'cookie',
            name: SESSION_COOKIE,
            description: 'Browser session; writes also need X-CSRF-Token',
          },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
