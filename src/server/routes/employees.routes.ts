import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { errorResponses, IdParams } from '../../contract/common.schema';
import {
  Employee,
  EmployeeCreate,
  EmployeeList,
  EmployeeListQuery,
  EmployeeUpdate,
} from '../../contract/employee.schema';
import type { Services } from '../../services/services';
import { callContext } from '../plugins/auth.plugin';

const tags = ['organization'];

/** Employees: list (by unit or unit subtree), one employee, create, update (leaving included). */
export const employeeRoutes: FastifyPluginAsyncZod<{ services: Services }> = async (app, { services }) => {
  app.get(
    '/employees',
    {
      schema: {
        tags,
        summary: 'List employees (by text, unit or unit subtree, status)',
        querystring: EmployeeListQuery,
        response: { 200: EmployeeList, ...errorResponses },
      },
    },
    async (request) => services.employees.list(callContext(request), request.query),
  );

  app.post(
    '/employees',
    {
      schema: {
        tags,
        summary: 'Create an employee',
        body: EmployeeCreate,
        response: { 201: Employee, ...errorResponses },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await services.employees.create(callContext(request), request.body)),
  );

  app.get(
    '/employees/:id',
    {
      schema: {
        tags,
        summary: 'One employee',
        params: IdParams,
        response: { 200: Employee, ...errorResponses },
      },
    },
    async (request) => services.employees.get(callContext(request), request.params.id),
  );

  app.patch(
    '/employees/:id',
    {
      schema: {
        tags,
        summary:
          'Edit, move to another unit, link an account, or record leaving (status: left; never deleted)',
        params: IdParams,
        body: EmployeeUpdate,
        response: { 200: Employee, ...errorResponses },
      },
    },
    async (request) => services.employees.update(callContext(request), request.params.id, request.body),
  );
};
