/**
 * The HTTP server, listening from the first moment of start-up: it answers 503 until the app is
 * ready (`serve`), so the port is known early (the demo's simulator calls back on it).
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StartingServer {
  port: number;
  /** From now on, requests go to `app`. */
  serve(app: RequestListener): void;
  /** Stops accepting; resolves once open connections are done. */
  close(): Promise<void>;
}

export async function listenStarting(port: number): Promise<StartingServer> {
  let handler: RequestListener = (_req, res) => {
    res.statusCode = 503;
    res.end('starting');
  };
  const server = createServer((req, res) => handler(req, res));
  const bound = await new Promise<number>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
  return {
    port: bound,
    serve(app) {
      handler = app;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
