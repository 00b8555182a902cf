/**
 * Result callbacks, as the provider sends them: a form POST of orderid, status_refill,
 * status_cancel, realamount (documented as the balance left), detail. Delivery is best effort:
 * failures are logged and dropped, as a real provider's would be.
 */
import type { SimulatorLogger } from './types.ts';

export interface CallbackFields {
  orderid: string;
  status_refill: string;
  status_cancel: string;
  realamount: string;
  detail: string;
}

export class CallbackSender {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly stopper = new AbortController();

  constructor(
    private readonly url: string | undefined,
    private readonly logger: SimulatorLogger | undefined,
    private readonly timeoutMs = 5000,
  ) {}

  send(fields: CallbackFields): void {
    if (!this.url || this.stopper.signal.aborted) return;
    const url = this.url;
    const delivery = (async () => {
      try {
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ ...fields }).toString(),
          signal: AbortSignal.any([this.stopper.signal, AbortSignal.timeout(this.timeoutMs)]),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (!res.ok) this.logger?.warn({ orderId: fields.orderid, status: res.status }, 'simulator callback got a non-2xx answer');
        else this.logger?.info({ orderId: fields.orderid }, 'simulator callback delivered');
      } catch (err) {
        if (this.stopper.signal.aborted) return;
        this.logger?.warn({ orderId: fields.orderid, err: String(err) }, 'simulator callback failed; dropped');
      }
    })();
    this.inFlight.add(delivery);
    void delivery.finally(() => this.inFlight.delete(delivery));
  }

  /** Resolves when every delivery started so far has finished. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  stop(): void {
    this.stopper.abort();
  }
}
