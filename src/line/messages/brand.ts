/**
 * How each network is shown: its customer-facing name and brand colour (the confirm and
 * result cards paint the network's name in it).
 */
import type { Network } from '../../networks.ts';

export const NETWORK_BRANDS: Record<Network, { name: string; color: string }> = {
  AIS: { name: 'AIS', color: '#5BA00F' },
  DTAC: { name: 'dtac', color: '#0099DA' },
  TRUE: { name: 'TrueMove H', color: '#E3001B' },
  TOT: { name: 'TOT 3G', color: '#F08A00' },
  MY: { name: 'my by NT', color: '#D6006E' },
  FEELS: { name: 'Feels', color: '#6E3CBE' },
  PENGUIN: { name: 'Penguin', color: '#1F2A44' },
};

export function networkName(network: Network | string): string {
  return NETWORK_BRANDS[network as Network]?.name ?? network;
}

export function networkColor(network: Network | string): string {
  return NETWORK_BRANDS[network as Network]?.color ?? '#333333';
}
