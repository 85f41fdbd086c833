import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendApiNotFound } from './errors.plugin';

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>Etalon</title>
<p>The web app is not built. Run <code>npm run build</code> (npm ci does it) and restart. The API is at <a href="/api/docs">/api/docs</a>.</p>`;

/**
 * Serves the built web app (`dist/web`) and answers every other browser path with its
 * index.html, so client-side routes survive a reload. Unknown `/api` paths get a JSON 404.
 */
export const webPlugin = fp<{ root: string }>(async (app, { root }) => {
  const built = existsSync(join(root, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: false,
      setHeaders: (res, path) => {
        // Vite names assets by content hash: they never change, so they may be cached for a year.
        res.header(
          'cache-control',
          path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    // A missing file (`/favicon.ico`, an asset from an older build) is a 404, not the app's page.
    if (path.startsWith('/api') || request.method !== 'GET' || /\.[a-z0-9]+$/i.test(path)) {
      return sendApiNotFound(request, reply);
    }
    if (!built) return reply.code(503).type('text/html').send(NOT_BUILT);
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
});
