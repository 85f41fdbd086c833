import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  GridAskQuery,
  GridAskResult,
  GridCell,
  GridCellCreate,
  GridCellList,
  GridCellListQuery,
  GridCellUpdate,
  GridHistoryPage,
  GridHistoryQuery,
  GridMatrix,
  GridMatrixQuery,
} from '../../contract/grid.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['grid'];

/** The service grid: the matrix, "whom do I ask?", its history, and the cells themselves. */
export const gridRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/grid',
    {
      schema: {
        tags,
        summary: 'The whole grid: active units as rows, units then providing employees as columns, the cells',
        querystring: GridMatrixQuery,
        response: { 200: GridMatrix, ...errorResponses },
      },
    },
    async (request) => services.grid.matrix(callContext(request), request.query),
  );

  app.get(
    '/grid/ask',
    {
      schema: {
        tags,
        summary: 'Whom do I ask? Cells for a unit, then for its parent, grandparent…',
        querystring: GridAskQuery,
        response: { 200: GridAskResult, ...errorResponses },
      },
    },
    async (request) => services.grid.ask(callContext(request), request.query),
  );

  app.get(
    '/grid/history',
    {
      schema: {
        tags,
        summary: 'Changes to cells and support types, newest first (from the audit log)',
        querystring: GridHistoryQuery,
        response: { 200: GridHistoryPage, ...errorResponses },
      },
    },
    async (request) => services.grid.history(callContext(request), request.query),
  );

  app.get(
    '/grid/cells',
    {
      schema: {
        tags,
        summary: 'List cells (by recipient, provider, support type)',
        querystring: GridCellListQuery,
        response: { 200: GridCellList, ...errorResponses },
      },
    },
    async (request) => services.grid.listCells(callContext(request), request.query),
  );

  app.post(
    '/grid/cells',
    {
      schema: {
        tags,
        summary: 'Create a cell (one per provider and recipient: a second is 409)',
        body: GridCellCreate,
        response: { 201: GridCell, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.grid.createCell(callContext(request), request.body)),
  );

  app.get(
    '/grid/cells/:id',
    {
      schema: { tags, summary: 'One cell', params: IdParams, response: { 200: GridCell, ...errorResponses } },
    },
    async (request) => services.grid.getCell(callContext(request), request.params.id),
  );

  app.patch(
    '/grid/cells/:id',
    {
      schema: {
        tags,
        summary: 'Change a cell’s support types, instructions, expected response or contact',
        params: IdParams,
        body: GridCellUpdate,
        response: { 200: GridCell, ...errorResponses },
      },
    },
    async (request) => services.grid.updateCell(callContext(request), request.params.id, request.body),
  );

  app.delete(
    '/grid/cells/:id',
    {
      schema: {
        tags,
        summary: 'Delete a cell (its history stays in the audit log)',
        params: IdParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await services.grid.deleteCell(callContext(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
