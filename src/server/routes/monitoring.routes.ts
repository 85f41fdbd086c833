import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError, ValidationError } from '../../core';
import { ErrorEnvelope, IdParams, errorResponses } from '../../contract/common.schema';
import {
  ComplianceQuery,
  ComplianceResponse,
  FindingsQuery,
  FindingsResponse,
  IngestQuery,
  IngestResult,
  InteractionDetail,
  InteractionParams,
  Job,
  MAX_RECORDS_PER_REQUEST,
  SummaryQuery,
  SummaryResponse,
  TrendQuery,
  TrendResponse,
} from '../../contract/monitoring.schema';
import { InteractionRecordInput } from '../../contract/interaction-record.schema';
import type { Services } from '../../services/services';
import { UnreadableRecord } from '../../services/monitoring.service';
import { callContext } from '../plugins/auth.plugin';

const tags = ['monitoring'];

/** 10,000 records of a few hundred bytes each, with room to spare. */
const INGEST_BODY_LIMIT = 64 * 1024 * 1024;

export const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/ndjson'];

/** Parses NDJSON text into values; a line that is not JSON becomes a marker the service rejects alone. */
function ndjsonValues(text: string): unknown[] {
  const out: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    try {
      out.push(JSON.parse(line));
    } catch (error) {
      out.push(new UnreadableRecord(`line ${i + 1} is not JSON: ${(error as Error).message}`));
    }
  }
  return out;
}

/** Interaction records in, compliance out (issue 6). */
export const monitoringRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.addContentTypeParser(
    NDJSON_TYPES,
    { parseAs: 'string', bodyLimit: INGEST_BODY_LIMIT },
    (_r, body, done) => done(null, { ndjson: body as string }),
  );

  app.post(
    '/interactions',
    {
      bodyLimit: INGEST_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Ingest interaction records (idempotent by id)',
        description:
          `NDJSON (\`application/x-ndjson\`, one record a line) or JSON \`{"interactions": […]}\`, up to ${MAX_RECORDS_PER_REQUEST} ` +
          'records in the format of docs/formats/interaction-records.md. A record whose id is stored already ' +
          'and is identical changes nothing (`unchanged`); a changed one replaces it and is judged again ' +
          '(`updated`). Every problem of every invalid record is listed in `rejected` with its index (0-based), ' +
          'id, field and reason; the valid records are kept. `atomic=true`: any invalid record refuses the ' +
          'whole batch with 422 `import_refused` (`details.rejected`). Unit and employee codes must exist. ' +
          'An API token with the `integration` role may call this and nothing else.',
        consumes: ['application/json', ...NDJSON_TYPES],
        querystring: IngestQuery,
        body: z.union([
          z.object({ interactions: z.array(InteractionRecordInput) }),
          z.object({ ndjson: z.string() }).meta({ description: 'NDJSON text (read from the raw body)' }),
        ]),
        response: { 200: IngestResult, ...errorResponses, 413: ErrorEnvelope, 422: ErrorEnvelope },
      },
      // The records are validated one by one by the service (millions pass through, and each
      // problem must name its record); the route only checks the envelope.
      validatorCompiler: () => (data) => ({ value: data }),
    },
    async (request) => {
      const body = request.body as { interactions?: unknown; ndjson?: string } | null;
      let records: unknown[];
      if (body && typeof body.ndjson === 'string') records = ndjsonValues(body.ndjson);
      else if (body && Array.isArray(body.interactions)) records = body.interactions;
      else
        throw new AppError('validation_failed', 'Send {"interactions": [...]} as JSON, or NDJSON records', {
          issues: [{ path: 'interactions', message: 'must be an array of records' }],
        });
      // The validator above passes everything through, the query too: read it here.
      const query = IngestQuery.safeParse(request.query);
      if (!query.success)
        throw new ValidationError(
          [{ in: 'query', path: 'atomic', message: 'must be true or false' }],
          'atomic: must be true or false',
        );
      return services.monitoring.ingest(callContext(request), records, query.data.atomic);
    },
  );

  app.get(
    '/interactions/:id',
    {
      schema: {
        tags,
        summary: 'One interaction record and every standard’s verdict on it, with reasons',
        params: InteractionParams,
        response: { 200: InteractionDetail, ...errorResponses },
      },
    },
    async (request) => services.monitoring.interaction(callContext(request), request.params.id),
  );

  app.get(
    '/compliance',
    {
      schema: {
        tags,
        summary: 'Compliance rows, exactly as `etalon evaluate --format json` writes them',
        description:
          'Rows per standard × unit (× employee with `by=employee`) × period, summed from the roll-ups. Periods ' +
          "are each standard's own unless `period` names one; every period overlapping [from, to] is taken " +
          'whole. `unit` takes that unit and every unit below it. A head sees the units they head, staff their ' +
          'own records.',
        querystring: ComplianceQuery,
        response: { 200: ComplianceResponse, ...errorResponses },
      },
    },
    async (request) => services.monitoring.compliance(callContext(request), request.query),
  );

  app.get(
    '/compliance/summary',
    {
      schema: {
        tags,
        summary: 'The dashboard heatmap: each unit (with everything below it) × each standard over a range',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse, ...errorResponses },
      },
    },
    async (request) => services.monitoring.summary(callContext(request), request.query),
  );

  app.get(
    '/compliance/trend',
    {
      schema: {
        tags,
        summary: 'One standard period by period, with its target',
        querystring: TrendQuery,
        response: { 200: TrendResponse, ...errorResponses },
      },
    },
    async (request) => services.monitoring.trend(callContext(request), request.query),
  );

  app.get(
    '/findings',
    {
      schema: {
        tags,
        summary: 'The records a standard failed (or still waits on), newest first',
        querystring: FindingsQuery,
        response: { 200: FindingsResponse, ...errorResponses },
      },
    },
    async (request) => services.monitoring.findings(callContext(request), request.query),
  );

  app.get(
    '/monitoring/jobs',
    {
      schema: {
        tags,
        summary: 'Imports and re-judging runs, newest first, with progress',
        querystring: z.object({
          active: z
            .enum(['true', 'false'])
            .optional()
            .transform((v) => v === 'true'),
          kind: z.enum(['import', 'rejudge']).optional(),
        }),
        response: { 200: z.object({ items: z.array(Job) }), ...errorResponses },
      },
    },
    async (request) => ({
      items: await services.monitoring.jobs(callContext(request), {
        active: request.query.active,
        kind: request.query.kind,
      }),
    }),
  );

  app.get(
    '/monitoring/jobs/:id',
    {
      schema: {
        tags,
        summary: 'One import or re-judging run',
        params: IdParams,
        response: { 200: Job, ...errorResponses },
      },
    },
    async (request) => services.monitoring.job(callContext(request), request.params.id),
  );
};
