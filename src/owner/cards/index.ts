/** The owners' cards: pure builders, numbers in, Flex out. */
export * from './balance.ts';
export * from './deposits.ts';
export * from './groups.ts';
export * from './network.ts';
export * from './orders.ts';
export * from './provider-orders.ts';
export * from './style.ts';
export * from './summary.ts';
