/**
 * A client that keeps sending a big body (chunked, or with a declared Content-Length) and
 * stops as soon as the server answers: what a flood looks like to the bot.
 */
import { request } from 'node:http';

export interface UploadResult {
  status: number;
  /** Bytes handed to the socket before the answer came. */
  sentBytes: number;
  /** Whether the whole body had been handed over when the answer came. */
  finished: boolean;
}

export function upload(
  url: string,
  options: { totalBytes: number; headers?: Record<string, string>; chunked?: boolean; chunkBytes?: number },
): Promise<UploadResult> {
  const chunk = Buffer.alloc(options.chunkBytes ?? 64 * 1024, 0x61);
  const headers = {
    ...(options.chunked === false ? { 'content-length': String(options.totalBytes) } : { 'transfer-encoding': 'chunked' }),
    ...options.headers,
  };
  return new Promise((resolve, reject) => {
    let sentBytes = 0;
    let finished = false;
    let answered = false;
    const req = request(url, { method: 'POST', headers });
    req.on('response', (res) => {
      answered = true;
      const status = res.statusCode ?? 0;
      res.resume();
      res.on('end', () => {
        req.destroy();
        resolve({ status, sentBytes, finished });
      });
    });
    // Once the answer is in, a reset from the server closing the connection is expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const write = () => {
      while (!answered && sentBytes < options.totalBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, options.totalBytes - sentBytes));
        sentBytes += part.length;
        if (!req.write(part)) return void req.once('drain', write);
      }
      if (!answered) {
        finished = true;
        req.end();
      }
    };
    write();
  });
}
