import { expect, request as playwrightRequest } from '@playwright/test';

/**
 * The API as someone signed in through it (cookie and CSRF token), for putting people and data in
 * place before a journey: `post`/`patch` send JSON, `send` any body with its content type.
 */
export async function apiAs(baseURL: string, person: { email: string; password: string }) {
  const api = await playwrightRequest.newContext({ baseURL });
  const login = await api.post('/api/v1/auth/login', {
    data: { email: person.email, password: person.password },
  });
  expect(login.ok(), `sign in ${person.email}: ${await login.text()}`).toBe(true);
  const session = (await (await api.get('/api/v1/auth/session')).json()) as { csrf_token: string };
  const send = async <T>(
    method: 'post' | 'patch',
    path: string,
    data: unknown,
    contentType?: string,
  ): Promise<T> => {
    const response = await api[method](`/api/v1${path}`, {
      data,
      headers: {
        'x-csrf-token': session.csrf_token,
        ...(contentType === undefined ? {} : { 'content-type': contentType }),
      },
    });
    expect(response.ok(), `${method.toUpperCase()} ${path}: ${await response.text()}`).toBe(true);
    return (await response.json()) as T;
  };
  return {
    api,
    post: <T>(path: string, data: unknown) => send<T>('post', path, data),
    patch: <T>(path: string, data: unknown) => send<T>('patch', path, data),
    send,
  };
}
