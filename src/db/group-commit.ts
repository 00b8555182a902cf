/**
 * Group commit: requests that arrive while a write is in flight go together in the next one.
 * Under load one statement (and one WAL flush) serves many requests; an idle bot still writes
 * each request at once, with no timer in the way. Each request resolves once the write that
 * carried it is done (durable), with its own part of the result.
 *
 * A write that fails with several requests in it is retried one request at a time, so one bad
 * request fails alone.
 */
export interface GroupCommit<Request, Result> {
  (request: Request): Promise<Result>;
  /** Resolves once nothing is queued or being written. */
  idle(): Promise<void>;
}

export function groupCommit<Request, Result>(options: {
  /** Writes the requests in one go; returns one result per request, in order. */
  write: (requests: Request[]) => Promise<Result[]>;
  /** Writes in flight at once (connections given to this writer). */
  concurrency: number;
  /** Requests per write at most. */
  maxBatch: number;
  /** Wait this long for company before writing (for writes nobody waits on); default 0: at once. */
  lingerMs?: number;
}): GroupCommit<Request, Result> {
  interface Queued {
    request: Request;
    resolve: (result: Result) => void;
    reject: (error: unknown) => void;
  }
  let queue: Queued[] = [];
  let inFlight = 0;
  let scheduled = false;
  let idleWaiters: (() => void)[] = [];

  const writeAlone = (q: Queued) =>
    options.write([q.request]).then(
      (results) => q.resolve(results[0]!),
      (error: unknown) => q.reject(error),
    );

  async function writeBatch(batch: Queued[]): Promise<void> {
    try {
      const results = await options.write(batch.map((q) => q.request));
      batch.forEach((q, i) => q.resolve(results[i]!));
    } catch (error) {
      if (batch.length === 1) batch[0]!.reject(error);
      else for (const q of batch) await writeAlone(q);
    }
  }

  function flush(): void {
    scheduled = false;
    while (inFlight < options.concurrency && queue.length > 0) {
      const batch = queue.slice(0, options.maxBatch);
      queue = queue.slice(batch.length);
      inFlight++;
      void writeBatch(batch).finally(() => {
        inFlight--;
        if (queue.length > 0) flush();
        else if (inFlight === 0) for (const w of idleWaiters.splice(0)) w();
      });
    }
  }

  const commit = ((request: Request) =>
    new Promise<Result>((resolve, reject) => {
      queue.push({ request, resolve, reject });
      // Requests parsed in the same turn of the event loop go together; then at once.
      if (!scheduled && inFlight < options.concurrency) {
        scheduled = true;
        if (options.lingerMs) setTimeout(flush, options.lingerMs);
        else setImmediate(flush);
      }
    })) as GroupCommit<Request, Result>;
  commit.idle = () => (queue.length === 0 && inFlight === 0 ? Promise.resolve() : new Promise<void>((r) => idleWaiters.push(r)));
  return commit;
}
