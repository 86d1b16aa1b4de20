/**
 * A tiny HTTPS client for the server's tests: trusts the sandbox CA, sends the token unless told not
 * to, and can lie about the Host header.
 */
import { request } from 'node:https';

export interface TestResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  json: () => unknown;
}

export interface TestRequest {
  method?: string;
  path: string;
  token?: string;
  host?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
}

export function call(port: number, ca: string, r: TestRequest): Promise<TestResponse> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Host: r.host ?? `127.0.0.1:${port}`, ...(r.headers ?? {}) };
    if (r.token) headers.Authorization = `Bearer ${r.token}`;
    if (r.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(r.body));
    const req = request({ host: '127.0.0.1', port, path: r.path, method: r.method ?? 'GET', ca, headers, servername: 'localhost' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: () => JSON.parse(text) as unknown });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    if (r.body !== undefined) req.write(r.body);
    req.end();
  });
}
