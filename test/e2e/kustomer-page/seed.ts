// The org every spec starts with: two agents, the default custom statuses (Email, Lunch,
// Meeting), Alice signed in to routing as Available, and a customer with two phone numbers.
import type { KustomerSeed } from '../../../emulators/kustomer/index.js';

export const ALICE = { id: '64b0000000000000000000a1', email: 'alice@acme.example' };
export const BOB = { id: '64b0000000000000000000b2', email: 'bob@acme.example' };
export const CAROL = '64c000000000000000000c01';
export const CONVERSATION = '64d000000000000000000d01';
export const API_KEY = 'e2e-kustomer-key';

export const SEED: KustomerSeed = {
  org: { name: 'Acme Support' },
  apiKeys: [API_KEY],
  users: [
    { id: ALICE.id, email: ALICE.email, name: 'Alice Agent' },
    { id: BOB.id, email: BOB.email, name: 'Bob Agent' },
  ],
  customers: [{ id: CAROL, name: 'Carol Caller', phones: ['+14155550100', '+1 (415) 555-0199'], emails: ['carol@example.com'] }],
  conversations: [{ id: CONVERSATION, customer: CAROL, name: 'Call about order 1042', status: 'open', direction: 'in' }],
  workSessions: [{ user: ALICE.id, status: 'Available' }],
};
