// Slack (and the chat shell) answer host-name questions through the same conversation: one message for a
// name with several addresses, each address's verdict in it; an unknown name lists the closest names.
import { describe, expect, it } from 'vitest';
import { converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import { outcomeMessage } from '../../src/slack/messages.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { putTopology } from '../../src/store/topologies.js';
import { validateTopology } from '../../src/topology/load.js';
import { withNames } from '../fixtures/engine/host-names.js';
import { FIXED_NOW } from './helpers.js';

async function context() {
  const store = new MemoryStore();
  const valid = validateTopology(withNames());
  if (!valid.ok) throw new Error('fixture is invalid');
  await putTopology(store, {
    name: 'names',
    topology: valid.topology,
    importedAt: FIXED_NOW.toISOString(),
    source: 'fixture',
  });
  return { store, userId: 'U1', channelId: 'C1', isAdmin: false, now: () => FIXED_NOW };
}

describe('Slack answers by host name', () => {
  it('a name with two addresses: one message, each address with its verdict, the worst in the header', async () => {
    const outcome = await converse(
      'can prod reach orders.internal.example.com:3306?',
      await context(),
      createRegistry(),
    );
    if (outcome.kind !== 'answer') throw new Error(`expected an answer, got ${JSON.stringify(outcome)}`);
    const message = outcomeMessage(outcome, { ephemeral: false });
    const blocks = JSON.stringify(message.blocks);
    expect(message.text).toContain(
      'UNREACHABLE: can pod in prod reach orders.internal.example.com (192.168.20.10, 192.168.20.11)',
    );
    expect(blocks).toContain('192.168.20.10 (orders-db) tcp/3306*: ✓ reachable');
    expect(blocks).toContain('192.168.20.11 (orders-db-replica) tcp/3306*: ✗ unreachable');
  });

  it('an unknown name: the error names the closest known names', async () => {
    const outcome = await converse(
      'can prod reach orders-bd.internal.example.com:3306?',
      await context(),
      createRegistry(),
    );
    expect(outcome.kind).toBe('error');
    if (outcome.kind !== 'error') return;
    expect(outcome.message).toContain('unknown name "orders-bd.internal.example.com"');
    expect(outcome.suggestions[0]).toBe('orders-db.internal.example.com');
  });
});
