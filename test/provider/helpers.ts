/** Shared test plumbing: a simulator on 127.0.0.1:0, a client for it, and tiny raw HTTP servers. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createProviderClient, type ProviderClient, type ProviderClientOptions } from '../../src/provider/client.ts';
import { DEFAULT_NETWORK_CODES } from '../../src/networks.ts';
import { createSimulator, type Simulator, type SimulatorOptions } from '../../src/demo/simulator/index.ts';

export const USERNAME = 'shop-user-7731';
export const PASSWORD = 'pW-9xQ!secret%&';

export interface SimHarness {
  sim: Simulator;
  url: string;
  client: ProviderClient;
  close(): Promise<void>;
}

export async function startSim(
  simOptions: SimulatorOptions = {},
  clientOptions: Partial<ProviderClientOptions> = {},
): Promise<SimHarness> {
  const sim = createSimulator({ username: USERNAME, password: PASSWORD, settleAfterMs: 50, ...simOptions });
  const url = await sim.listen(0, '127.0.0.1');
  const client = makeClient(url, clientOptions);
  return { sim, url, client, close: () => sim.close() };
}

export function makeClient(url: string, options: Partial<ProviderClientOptions> = {}): ProviderClient {
  return createProviderClient({
    url,
    username: USERNAME,
    password: PASSWORD,
    networkCodes: { ...DEFAULT_NETWORK_CODES },
    connectTimeoutMs: 500,
    timeoutMs: 2000,
    ...options,
  });
}

/** A raw HTTP server whose every answer comes from `respond`. */
export async function startRawServer(
  respond: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void,
): Promise<{ url: string; close(): Promise<void>; bodies: string[] }> {
  const bodies: string[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      bodies.push(body);
      respond(req, body, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    bodies,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Resolves with the rejection (fails the test if the promise resolves). */
export async function caught(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

/** Password and username must appear nowhere in what an error exposes. */
export function exposedText(err: unknown): string {
  const e = err as Error & { snippet?: string; detail?: string; cause?: unknown };
  const cause = e.cause instanceof Error ? `${String(e.cause)} ${JSON.stringify(e.cause)}` : String(e.cause);
  return [String(err), JSON.stringify(err), e.message, e.stack ?? '', e.snippet ?? '', e.detail ?? '', cause].join('\n');
}
