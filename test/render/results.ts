// Results of one run with every outcome, shared by the renderer and the live reporter tests.
import type { ChangeResult, ClientStats } from '../../src/model/index.js';

export const results: ChangeResult[] = [
  { key: 'update:12', action: 'update', name: 'Retail', id: 12, outcome: 'applied' },
  {
    key: 'create:VIP',
    action: 'create',
    name: 'VIP',
    outcome: 'failed',
    status: 409,
    error: 'The group name is already in use',
  },
  {
    key: 'update:14',
    action: 'update',
    name: 'Gold',
    id: 14,
    outcome: 'skipped',
    error: 'depends on create:VIP which failed',
  },
  {
    key: 'update:15',
    action: 'update',
    name: 'Silver',
    id: 15,
    outcome: 'not_converged',
    error: 'the store does not hold what was planned: name differs',
  },
];

export const stats: ClientStats = {
  requests: { GET: 2, POST: 1, PUT: 7, DELETE: 3 },
  retries: 4,
  rateLimited: 1,
  waitedMs: 250,
  waitingUntil: 0,
  bytesSent: 900,
};
