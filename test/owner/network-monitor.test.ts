import { describe, expect, it } from 'vitest';
import { diffNetworks } from '../../src/owner/network-monitor.ts';

const all = (open: boolean) => ({ AIS: open, DTAC: open, TRUE: open, TOT: open, MY: open, FEELS: open, PENGUIN: open });

describe('diffNetworks', () => {
  it('reports nothing when nothing changed', () => {
    expect(diffNetworks(all(true), all(true))).toEqual({ closed: [], reopened: [] });
  });

  it('reports a network that closed and one that reopened', () => {
    expect(diffNetworks({ ...all(true), TOT: false }, { ...all(true), DTAC: false })).toEqual({ closed: ['DTAC'], reopened: ['TOT'] });
  });

  it('counts a first look as coming from all open', () => {
    expect(diffNetworks(undefined, { ...all(true), PENGUIN: false })).toEqual({ closed: ['PENGUIN'], reopened: [] });
    expect(diffNetworks(undefined, all(true))).toEqual({ closed: [], reopened: [] });
  });

  it('counts a network missing from a look as open', () => {
    expect(diffNetworks({ AIS: false }, {})).toEqual({ closed: [], reopened: ['AIS'] });
  });
});
