// Questions by host name: private zone records and service domain names resolve statically to the
// address and resource; unknown names get the closest known ones; several addresses are each answered.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { diagnose } from '../../src/answer/diagnose.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { QuestionError } from '../../src/question/errors.js';
import { renderBlocks } from '../../src/render/blocks.js';
import { renderTerminal } from '../../src/render/terminal.js';
import { ask, build } from '../fixtures/engine/builder.js';
import { RDS_DOMAIN, withNames } from '../fixtures/engine/host-names.js';

const { compiled } = build(withNames());

function questionError(destination: string, port = 3306): QuestionError {
  try {
    diagnose(compiled, { cluster: 'prod', workload: null, destination, port, protocol: 'tcp' });
  } catch (error) {
    if (error instanceof QuestionError) return error;
    throw error;
  }
  throw new Error(`${destination} resolved`);
}

describe('host names', () => {
  it('a CNAME to an RDS domain name resolves to the RDS instance', () => {
    const d = ask(compiled, { destination: 'orders-db.internal.example.com', port: 3306, protocol: 'tcp' });
    expect(d.verdict).toBe('reachable');
    expect(d.destination.resource).toBe('orders-db');
    expect(d.destination.address).toBe('192.168.20.10');
    expect(d.question.destination).toBe('orders-db.internal.example.com');
    expect(d.destination.dns).toEqual({
      name: 'orders-db.internal.example.com',
      chain: [RDS_DOMAIN],
      addresses: ['192.168.20.10'],
      domainNameOf: 'orders-db',
    });
    expect(renderTerminal(d)).toContain('reach orders-db.internal.example.com (orders-db) on tcp/3306');
  });

  it("a resource's own domain name resolves, whatever the case or a trailing dot", () => {
    const d = ask(compiled, { destination: `${RDS_DOMAIN.toUpperCase()}.`, port: 3306, protocol: 'tcp' });
    expect(d.destination.resource).toBe('orders-db');
    expect(d.destination.dns?.chain).toEqual([]);
  });

  it('a name without a port takes the declared ports of the resource at its address', () => {
    const result = diagnose(compiled, { cluster: 'prod', workload: null, destination: RDS_DOMAIN });
    expect(flowsOf(result).map((f) => f.question.port)).toEqual([3306]);
  });

  it('an A record reached over a CNAME in the same zone names the zone and the chain', () => {
    const d = ask(compiled, { destination: 'web.internal.example.com', port: 443, protocol: 'tcp' });
    expect(d.destination.address).toBe('192.168.10.52');
    expect(d.destination.resource).toBe('ecs1');
    expect(d.destination.dns).toMatchObject({ chain: ['ecs.internal.example.com'], zone: 'internal.example.com' });
  });

  it('a wildcard record answers for names under it', () => {
    const d = ask(compiled, { destination: 'billing.apps.internal.example.com', port: 80, protocol: 'tcp' });
    expect(d.destination.address).toBe('192.168.10.52');
  });

  it('a name with several addresses is answered for each, the worst verdict overall', () => {
    const result = diagnose(compiled, {
      cluster: 'prod',
      workload: null,
      destination: 'orders.internal.example.com',
      protocol: 'tcp',
      port: 3306,
    });
    expect('flows' in result).toBe(true);
    const flows = flowsOf(result);
    expect(flows.map((f) => [f.destination.address, f.destination.resource, f.verdict])).toEqual([
      ['192.168.20.10', 'orders-db', 'reachable'],
      ['192.168.20.11', 'orders-db-replica', 'unreachable'],
    ]);
    expect(result.verdict).toBe('unreachable');
    expect(flows.every((f) => f.destination.dns?.addresses.length === 2)).toBe(true);
    const text = renderTerminal(result);
    expect(text).toContain('reach orders.internal.example.com (192.168.20.10, 192.168.20.11) on tcp/3306?');
    expect(text).toContain('192.168.20.10 (orders-db) tcp/3306: ✓ REACHABLE');
    expect(text).toContain('192.168.20.11 (orders-db-replica) tcp/3306: ✗ UNREACHABLE');
    const blocks = JSON.stringify(renderBlocks(result, { actionValue: 'x' }).blocks);
    expect(blocks).toContain('192.168.20.11 (orders-db-replica) tcp/3306');
  });

  it('an unknown name is a QuestionError with the closest known names', () => {
    const error = questionError('order-db.internal.example.com');
    expect(error.message).toContain('unknown name "order-db.internal.example.com"');
    expect(error.suggestions[0]).toBe('orders-db.internal.example.com');
  });

  it('the most specific zone holding a name answers for it, even when a wider zone lists the name too', () => {
    const input = withNames();
    // Both zones are associated with prod's VPC; the wider one comes first and disagrees.
    input.dnsZones = [
      {
        name: 'example.com',
        vpcs: ['vpc-prod'],
        records: [
          { name: 'ecs.internal', type: 'A', values: ['192.168.20.10'] },
          { name: 'only-wide.internal', type: 'A', values: ['192.168.20.10'] },
        ],
      },
      ...(input.dnsZones ?? []),
    ];
    const { compiled: both } = build(input);
    const d = ask(both, { destination: 'ecs.internal.example.com', port: 443, protocol: 'tcp' });
    expect(d.destination.address).toBe('192.168.10.52');
    expect(d.destination.dns).toMatchObject({ zone: 'internal.example.com' });
    // A name only the wider zone lists is not found: the specific zone answers for its whole subtree.
    expect(() =>
      diagnose(both, { cluster: 'prod', workload: null, destination: 'only-wide.internal.example.com', port: 443 }),
    ).toThrow(QuestionError);
  });

  it("a zone not associated with the cluster's VPC does not resolve, and says why", () => {
    const error = questionError('secret.hidden.example.com');
    expect(error.message).toContain('not associated with VPC vpc-prod');
  });

  it('a dangling CNAME, a loop and an overlong chain stop with what happened', () => {
    expect(questionError('dangling.internal.example.com').message).toContain(
      'is a CNAME for gone.internal.example.com, but private zone internal.example.com has no',
    );
    expect(questionError('loop-a.internal.example.com').message).toContain('loops');
    expect(questionError('hop0.internal.example.com').message).toContain('longer than 8 hops');
    // Within the bound the chain resolves.
    expect(ask(compiled, { destination: 'hop3.internal.example.com', port: 22 }).destination.address).toBe(
      '192.168.10.52',
    );
  });

  it('a bare word that is no resource keeps its old error', () => {
    expect(questionError('nosuchthing').message).toContain('unknown destination "nosuchthing"');
  });
});

describe('host names, any input', () => {
  it('any dotted name either resolves or throws QuestionError', () => {
    const label = fc.constantFrom(
      'orders',
      'orders-db',
      'web',
      'apps',
      'internal',
      'example',
      'com',
      'x',
      '*',
      'hop1',
      'Loop-A',
      '',
    );
    fc.assert(
      fc.property(fc.array(label, { minLength: 1, maxLength: 6 }), fc.constantFrom('', '.'), (labels, dot) => {
        const destination = `${labels.join('.')}${dot}`;
        try {
          diagnose(compiled, { cluster: 'prod', workload: null, destination, protocol: 'tcp', port: 3306 });
        } catch (error) {
          expect(error).toBeInstanceOf(QuestionError);
        }
      }),
      { numRuns: 1500 },
    );
  });
});

describe('a name typed without its zone', () => {
  it('is not resolved (no search domains), but the full name is suggested', () => {
    const error = questionError('orders-dbx');
    expect(error.message).toContain('unknown destination "orders-dbx"');
    expect(error.suggestions).toContain('orders-db.internal.example.com');
  });
});

describe('host names and the Kubernetes side', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the sample is edited as plain YAML data before validation
  function sample(withDnsPolicy: boolean): any {
    const doc = parse(readFileSync(new URL('../../data/kubernetes.yaml', import.meta.url), 'utf8'));
    const address = doc.resources.find((r: { name: string }) => r.name === 'mysql-main').addresses[0];
    doc.dnsZones = [
      { name: 'db.internal', vpcs: ['vpc-k8s'], records: [{ name: 'mysql', type: 'A', values: [address] }] },
    ];
    if (!withDnsPolicy) {
      const prod = doc.clusters.find((c: { name: string }) => c.name === 'prod');
      prod.networkPolicies = prod.networkPolicies.filter(
        (p: { metadata: { name: string } }) => p.metadata.name !== 'allow-dns',
      );
    }
    return doc;
  }
  const dnsStep = (d: ReturnType<typeof ask>) =>
    d.steps.find((s) => s.check === 'network-policy' && (s.evidence as { dns?: boolean } | undefined)?.dns === true);

  it('a host-name question also checks that the pods may reach DNS to resolve the name', () => {
    const question = {
      cluster: 'prod',
      workload: 'payments/api',
      destination: 'mysql.db.internal',
      protocol: 'tcp' as const,
      port: 3306,
    };
    const allowed = ask(build(sample(true)).compiled, question);
    expect(dnsStep(allowed)?.status).toBe('pass');
    const denied = ask(build(sample(false)).compiled, question);
    expect(dnsStep(denied)?.status).toBe('fail');
    expect(dnsStep(denied)?.summary).toContain('mysql.db.internal');
    // An address question has no DNS step.
    const byAddress = ask(build(sample(false)).compiled, { ...question, destination: allowed.destination.address! });
    expect(dnsStep(byAddress)).toBeUndefined();
  });
});
