/**
 * reply/push over a keep-alive http.Agent: the SDK's fetch path costs about twice the CPU per
 * call. Failures are shaped like the SDK's (HTTPFetchError for a non-2xx answer, TypeError
 * 'fetch failed' with the socket error as `cause`), so failures.ts maps both paths alike.
 */
import http from 'node:http';
import https from 'node:https';
import { HTTPFetchError } from '@line/bot-sdk';

const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/** POSTs `body` as JSON to `origin` + `path` with the channel access token; resolves to the parsed answer. */
export function postJson<T>(origin: URL, path: string, token: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const payload = Buffer.from(JSON.stringify(body));
  const secure = origin.protocol === 'https:';
  return new Promise<T>((resolve, reject) => {
    const req = (secure ? https : http).request(
      {
        host: origin.hostname,
        port: origin.port || (secure ? 443 : 80),
        path,
        method: 'POST',
        agent: agents[secure ? 'https:' : 'http:'],
        headers: { 'content-type': 'application/json', 'content-length': payload.length, authorization: `Bearer ${token}`, ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          const status = res.statusCode ?? 0;
          if (status < 200 || status >= 300) {
            const h = new Headers();
            for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h.set(k, v);
            reject(new HTTPFetchError(`${status} - ${res.statusMessage}`, { status, statusText: res.statusMessage ?? '', headers: h, body: text }));
            return;
          }
          try {
            resolve((text ? JSON.parse(text) : {}) as T);
          } catch (e) {
            reject(e);
          }
        });
      },
    );
    req.on('error', (err) => reject(Object.assign(new TypeError('fetch failed'), { cause: err })));
    req.end(payload);
  });
}
