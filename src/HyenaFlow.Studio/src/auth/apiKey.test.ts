import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EventStream, ServerEvent } from '../eventStream';
import { apiKey, apiKeyHeader, clearApiKey, fetchWithKey, onUnauthorized, setApiKey, setKeyStorage } from './apiKey';

// A real HTTP server that, like hyenaflow serve on a non-loopback address, answers 401 without the right key.
const key = 'correct horse battery staple';
let server: Server;
let base = '';

function handle(request: IncomingMessage, response: ServerResponse) {
  if (request.headers[apiKeyHeader.toLowerCase()] !== key) {
    response.writeHead(401).end();
    return;
  }
  if (request.url === '/api/runs/r1/events') {
    response.writeHead(200, { 'Content-Type': 'text/event-stream' });
    response.end('retry: 2000\n\nid: 1\nevent: run\ndata: {"id":"r1"}\n\n');
    return;
  }
  response.writeHead(200, { 'Content-Type': 'application/json' }).end('[]');
}

beforeAll(async () => {
  server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(() => {
  const values = new Map<string, string>();
  setKeyStorage({ getItem: (k) => values.get(k) ?? null, setItem: (k, v) => void values.set(k, v), removeItem: (k) => void values.delete(k) });
});

describe('API key', () => {
  it('tells the listeners when the server answers 401, and sends the stored key once entered', async () => {
    let refused = 0;
    const stop = onUnauthorized(() => refused++);
    expect((await fetchWithKey(`${base}/api/workflows`)).status).toBe(401);
    expect(refused).toBe(1);

    setApiKey(`  ${key} `);
    expect(apiKey()).toBe(key);
    const response = await fetchWithKey(`${base}/api/workflows`, { headers: { Accept: 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(refused).toBe(1);
    stop();
  });

  it('reports a wrong key as refused too', async () => {
    let refused = 0;
    const stop = onUnauthorized(() => refused++);
    setApiKey('wrong');
    expect((await fetchWithKey(`${base}/api/workflows`)).status).toBe(401);
    expect(refused).toBe(1);
    stop();
  });

  it('forgets the key when cleared or set blank', () => {
    setApiKey(key);
    clearApiKey();
    expect(apiKey()).toBeNull();
    setApiKey(key);
    setApiKey('   ');
    expect(apiKey()).toBeNull();
  });

  it('sends the key on the live event stream, which EventSource could not', async () => {
    setApiKey(key);
    const received = await new Promise<ServerEvent>((resolve, reject) => {
      const stream = new EventStream(`${base}/api/runs/r1/events`);
      stream.addEventListener('run', (e) => {
        stream.close();
        resolve(e);
      });
      stream.onerror = () => {
        stream.close();
        reject(new Error('stream refused'));
      };
    });
    expect(received).toEqual({ event: 'run', data: '{"id":"r1"}', id: '1' });
  });
});
