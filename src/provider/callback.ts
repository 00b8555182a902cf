/**
 * The provider's result callback: a form POST of orderid, status_refill, status_cancel,
 * realamount, detail. It is only a hint (DESIGN §5): the receiver should call update() for the
 * ORDERID and trust that answer. Note that the provider documents the callback's realamount as
 * the balance left, unlike update's REALAMOUNT (the amount charged), so it is kept raw here.
 */

export interface ProviderCallback {
  orderId: string;
  refill: boolean;
  cancel: boolean;
  /** Raw `realamount` text, meaning uncertain (see above). */
  realAmount: string;
  detail: string;
}

/** Returns undefined when the form carries no orderid; flags other than "1" read as false. */
export function parseProviderCallback(form: URLSearchParams | Record<string, unknown>): ProviderCallback | undefined {
  const get = (key: string): string => {
    const value = form instanceof URLSearchParams ? form.get(key) : form[key];
    return typeof value === 'string' ? value.trim() : '';
  };
  const orderId = get('orderid');
  if (orderId === '') return undefined;
  return {
    orderId,
    refill: get('status_refill') === '1',
    cancel: get('status_cancel') === '1',
    realAmount: get('realamount'),
    detail: get('detail'),
  };
}
