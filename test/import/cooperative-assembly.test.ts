// A scheduled sync assembles the imported network beside the bot's answers: the cooperative assembly pauses on the
// event loop between chunks of rules and resources, so an answer asked meanwhile is served before the assembly ends,
// and what it assembles is exactly what the one-shot assembly (the CLI's) produces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diagnose } from '../../src/answer/diagnose.js';
import { assembleTopology, assembleTopologyCooperatively } from '../../src/import/assemble.js';
import { emptyInventory, type RawInventory } from '../../src/import/model.js';
import { compileTopology } from '../../src/topology/compile.js';

const VPC = 'vpc-1';

/** One VPC and subnet, a vpc-router cluster "prod", `groups` security groups of `rules` rules, `servers` ECSs. */
function inventoryOf(groups: number, rules: number, servers: number): RawInventory {
  const inv = emptyInventory();
  inv.vpcs.push({ id: VPC, cidr: '10.0.0.0/8', extendCidrs: [] });
  inv.subnets.push({ id: 'net-1', vpcId: VPC, cidr: '10.0.0.0/12', ipv4SubnetId: 'v4-1' });
  inv.clusters.push({
    name: 'prod',
    vpcId: VPC,
    nodeSubnetIds: ['net-1'],
    mode: 'vpc-router',
    containerCidrs: ['172.16.0.0/16'],
    eniSubnetIds: [],
    nodes: [],
  });
  for (let g = 0; g < groups; g++) {
    inv.securityGroups.push({
      id: `sg-${g}`,
      name: `group-${g}`,
      rules: Array.from({ length: rules }, (_, r) => ({
        id: `rule-${g}-${r}`,
        direction: r % 2 ? 'egress' : 'ingress',
        ethertype: 'IPv4',
        protocol: 'tcp',
        portRangeMin: 1000 + r,
        portRangeMax: 1000 + r,
        remoteIpPrefix: `10.${r % 250}.0.0/16`,
        action: 'allow',
        priority: 1 + (r % 3),
      })),
    });
  }
  for (let s = 0; s < servers; s++) {
    inv.instances.push({
      type: 'ecs',
      id: `ecs-${s}`,
      name: `server-${s}`,
      vpcId: VPC,
      subnetId: 'net-1',
      addresses: [`10.${Math.floor(s / 250) % 16}.${s % 250}.${1 + (s % 200)}`],
      securityGroupIds: groups ? [`sg-${s % groups}`] : [],
    });
  }
  return inv;
}

describe('cooperative assembly (what a scheduled sync runs)', () => {
  it('serves an answer asked while a large assembly runs before that assembly finishes', async () => {
    // The topology answers come from while the sync runs (the one stored before it).
    const previous = compileTopology(assembleTopology(inventoryOf(1, 2, 1)).topology);
    const order: string[] = [];
    const assembling = assembleTopologyCooperatively(inventoryOf(40, 100, 8000)).then(() => order.push('assembled'));
    // An answer arriving just after the sync began: queued on the event loop behind the assembly's first chunk.
    setImmediate(() => {
      const answer = diagnose(previous, { cluster: 'prod', workload: null, destination: 'server-0', port: 22 });
      order.push(`answered ${answer.verdict}`);
    });
    await assembling;
    expect(order).toHaveLength(2);
    expect(order[0]).toMatch(/^answered /);
    expect(order[1]).toBe('assembled');
  });

  it('pauses more often the more rules and resources there are (never one long block over the whole inventory)', async () => {
    const pausesFor = async (inventory: RawInventory) => {
      let pauses = 0;
      await assembleTopologyCooperatively(inventory, {}, async () => {
        pauses++;
      });
      return pauses;
    };
    const small = await pausesFor(inventoryOf(1, 2, 1));
    const large = await pausesFor(inventoryOf(40, 100, 8000));
    // 4,000 rules and 8,000 servers: a pause at least every 2,000 of them.
    expect(large).toBeGreaterThanOrEqual(small + 6);
    expect(small).toBeLessThanOrEqual(3);
  });

  it('assembles exactly what the one-shot assembly does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 120 }),
        fc.integer({ min: 0, max: 3000 }),
        async (groups, rules, servers) => {
          const inventory = inventoryOf(groups, rules, servers);
          expect(await assembleTopologyCooperatively(inventory)).toEqual(assembleTopology(inventory));
        },
      ),
      { numRuns: 15 },
    );
  });
});
