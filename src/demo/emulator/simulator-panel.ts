/**
 * The page's provider panel: the simulator's state in baht for display, and the panel's
 * changes (balance in baht, networks, next outcomes, faults, settling an order) applied through
 * the simulator's control API.
 */
import { applyControl, ControlError } from '../simulator/control.ts';
import type { Simulator } from '../simulator/index.ts';

/**
 * `{ online?: { AIS: false }, balanceBaht?, outcome?, times?, fault?: mode | null,
 * settle?: { orderId, result } }`; a change it refuses throws ControlError.
 */
export function applyPanelChange(simulator: Simulator, body: Record<string, unknown>): void {
  const payload: Record<string, unknown> = { ...body };
  delete payload['balanceBaht'];
  if (body['balanceBaht'] !== undefined) {
    const baht = Number(body['balanceBaht']);
    if (!Number.isFinite(baht) || baht < 0 || baht > 100_000_000) throw new ControlError(400, 'balanceBaht must be a number of baht ≥ 0');
    payload['balanceSatang'] = Math.round(baht * 100);
  }
  applyControl({ ...simulator, hasOrder: (id) => simulator.state.orders.has(id) }, payload);
}

/** What the panel shows: balance, networks, fault, queued outcomes and the last ten orders. */
export function simulatorView(simulator: Simulator): Record<string, unknown> {
  const snap = simulator.snapshot();
  const orders = [...simulator.state.orders.values()].slice(-10).reverse();
  return {
    balanceSatang: simulator.state.balanceSatang,
    balanceBaht: simulator.state.balanceSatang / 100,
    online: { ...simulator.state.online },
    fault: snap['fault'] ?? null,
    outcomes: snap['outcomes'] ?? [],
    refillCount: snap['refillCount'],
    orders: orders.map((o) => ({
      orderId: o.orderId,
      network: o.network,
      number: o.number,
      cash: o.cash,
      status: o.status,
      outcome: o.outcome,
      createdAt: o.createdAt,
    })),
  };
}
