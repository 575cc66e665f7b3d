// A small mutation test of the engine: each mutant breaks one documented rule of the semantics in a
// scratch copy of the repository, and the engine and fix tests must fail on it. A surviving mutant is a
// rule no test pins down. Run: `npm run mutation` (about a minute per 10 mutants on a quiet machine).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

interface Mutant {
  readonly file: string;
  readonly find: string;
  readonly replace: string;
  /** The rule the mutant breaks, as a reviewer would name it. */
  readonly breaks: string;
}

const MUTANTS: readonly Mutant[] = [
  {
    file: 'src/engine/security-group-eval.ts',
    find: "found > 1 && matching.some((rule) => rule.action === 'deny')",
    replace: 'false',
    breaks: 'several groups: the "all rules merged by priority" reading is also evaluated',
  },
  {
    file: 'src/engine/security-group-eval.ts',
    find: 'evaluateMatching(sortSgRules(matching), peer)',
    replace: 'evaluateMatching(matching, peer)',
    breaks: 'the merged reading orders the rules of all the groups by priority, deny first',
  },
  {
    file: 'src/engine/checks/route-forward.ts',
    find: '(!route && table.isDefault && nat)',
    replace: '(!route && nat)',
    breaks: 'only the default route table gets the implicit 0.0.0.0/0 -> NAT route',
  },
  {
    file: 'src/topology/compile.ts',
    find: "a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1)",
    replace: 'a.priority - b.priority',
    breaks: 'security-group rules: deny before allow at equal priority',
  },
  {
    file: 'src/topology/compile.ts',
    find: "a.priority - b.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1)",
    replace: "b.priority - a.priority || (a.action === b.action ? 0 : a.action === 'deny' ? -1 : 1)",
    breaks: 'security-group rules: a smaller priority number is evaluated first',
  },
  {
    file: 'src/engine/checks/peering.ts',
    find: "if (status === 'ACTIVE') {",
    replace: "if (status === 'ACTIVE' || status === 'PENDING_ACCEPTANCE') {",
    breaks: 'a peering carries traffic only when ACTIVE',
  },
  {
    file: 'src/engine/checks/whitelist.ts',
    find: 'if (missing.length === 0) {',
    replace: 'if (missing.length === 0 || allowed.length > 0) {',
    breaks: 'a whitelist must contain the whole seen source, not part of it',
  },
  {
    file: 'src/engine/checks/route-return.ts',
    find: "if (sameVpc) return d.by.origin === 'local' || d.by.type === 'cce';",
    replace: 'if (sameVpc) return true;',
    breaks: 'within a VPC the reply needs the local route or the CCE route',
  },
  {
    file: 'src/engine/checks/host-bridge.ts',
    find: 'if (hit.length === 0) continue;',
    replace: 'continue;',
    breaks: 'a peer bridge overlapping the seen source swallows the replies',
  },
  {
    file: 'src/engine/checks/destination-sg.ts',
    find: 'if (literal.denied.length === 0 && merged.denied.length === 0) {',
    replace: 'if (literal.denied.length === 0 || merged.denied.length === 0) {',
    breaks: 'destination group: both readings must allow for a certain pass',
  },
  {
    file: 'src/engine/acl-eval.ts',
    find: 'if (!portListIncludes(rule.destinationPorts, flow.port)) continue;',
    replace: '',
    breaks: 'network ACL rules match the destination port',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: "} else if (cluster.model === 'overlay_l2') {",
    replace: "} else if (cluster.model === 'eni') {",
    breaks: 'tunnel-network pods leave with the node IP',
  },
  {
    file: 'src/engine/security-group-eval.ts',
    find: 'if (rule.family !== family) return false;',
    replace: '',
    breaks: 'a rule matches only its own IP version',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: 'if (keep && !internet) {',
    replace: 'if (!internet) {',
    breaks: 'vpc-router keeps the pod IP only for destinations in nonMasqueradeCidrs',
  },
  {
    file: 'src/engine/checks/planning.ts',
    find: 'const inPods = cluster.containerCidrs.find((c) => overlaps(c, addr));',
    replace: 'const inPods = undefined;',
    breaks: 'a destination inside the container CIDR never leaves the cluster',
  },
  {
    file: 'src/engine/checks/planning.ts',
    find: "if (cluster.model === 'vpc-router' && ctx.source.kind === 'pod-cidr') {",
    replace: 'if (false) {',
    breaks: 'a vpc-router container CIDR overlapping the peer VPC cannot be routed back',
  },
  {
    file: 'src/engine/acl-eval.ts',
    find: 'if (subnet && contains(subnet, destination)) deciders.push',
    replace: 'if (subnet) deciders.push',
    breaks: 'the same-subnet ACL preset applies only inside the subnet',
  },
  {
    file: 'src/engine/checks/source-egress.ts',
    find: 'if (literalOk && mergedOk) {',
    replace: 'if (literalOk || mergedOk) {',
    breaks: 'source groups: both readings must allow for a certain pass',
  },
  {
    file: 'src/engine/checks/internet-egress.ts',
    find: 'if (egress.missing.length === 0) {',
    replace: 'if (egress.via.length > 0) {',
    breaks: 'every source leg needs its own way out to the internet',
  },
  {
    file: 'src/engine/checks/transit.ts',
    find: 'if (route && !route.blackhole && route.attachment === to.id)',
    replace: 'if (route && !route.blackhole)',
    breaks: 'ER forward: the deciding route must point at the destination VPC attachment',
  },
  {
    file: 'src/topology/compile-er.ts',
    find: 'blackhole: route.blackhole === true,',
    replace: 'blackhole: false,',
    breaks: 'ER tables: a blackhole route drops what it matches',
  },
  {
    file: 'src/engine/checks/transit.ts',
    find: 'const table = associatedTable(er, to.id);',
    replace: 'const table = associatedTable(er, from.id);',
    breaks: "ER return: replies use the table associated with the destination VPC's attachment",
  },
  {
    file: 'src/engine/checks/transit.ts',
    find: 'const good = coverage.decided.filter((d) => !d.by.blackhole && d.by.attachment === from.id);',
    replace: 'const good = coverage.decided.filter((d) => !d.by.blackhole);',
    breaks: "ER return: the route back must point at the cluster VPC's attachment",
  },
  {
    file: 'src/topology/compile-er.ts',
    find: '.sort((a, b) => propagationRank(a) - propagationRank(b));',
    replace: ';',
    breaks: 'ER tables: at the same prefix a VPC propagation beats a VPN one',
  },
  // The Kubernetes side: NetworkPolicy egress (networking.k8s.io/v1 as CCE enforces it, cce_10_0059), CCE Turbo
  // pod security groups (cce_10_0288) and hostNetwork pods.
  {
    file: 'src/engine/network-policy-eval.ts',
    find: 'return (policy.spec.egress ?? []).length > 0;',
    replace: 'return true;',
    breaks: 'NetworkPolicy: without policyTypes, only a policy with egress rules isolates for egress',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: 'return !(peer.ipBlock.except ?? []).some((e) => contains(mustCidr(e), destination.address));',
    replace: 'return true;',
    breaks: 'NetworkPolicy: ipBlock.except carves addresses out of the block',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: '} else if (destination.namespace !== policyNamespace) return false;',
    replace: '}',
    breaks: "NetworkPolicy: a peer without namespaceSelector selects pods of the policy's own namespace only",
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: "if ((port.protocol ?? 'TCP') !== flow.protocol.toUpperCase()) return false;",
    replace: 'if (port.protocol !== undefined && port.protocol !== flow.protocol.toUpperCase()) return false;',
    breaks: 'NetworkPolicy: a port without protocol means TCP',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: '    if (options.endPort) return true;',
    replace: '    return true;',
    breaks: 'NetworkPolicy: endPort is honoured only where CCE documents it (VPC network with DataPlane V2)',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: '? !has || !values.includes(labels[expression.key]!)',
    replace: '? has && !values.includes(labels[expression.key]!)',
    breaks: 'label selectors: NotIn also selects pods without the key',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: 'const peerOk = to.length === 0 || to.some((peer) => peerAdmits(peer, ns, destination));',
    replace: 'const peerOk = to.some((peer) => peerAdmits(peer, ns, destination));',
    breaks: 'NetworkPolicy: an egress rule without `to` admits every destination',
  },
  {
    file: 'src/engine/network-policy-eval.ts',
    find: 'const portOk = ports.length === 0 || ports.some((port) => portAdmits(port, flow, options, doubts, where));',
    replace: 'const portOk = ports.some((port) => portAdmits(port, flow, options, doubts, where));',
    breaks: 'NetworkPolicy: an egress rule without `ports` admits every port',
  },
  {
    file: 'src/engine/checks/network-policy.ts',
    find: 'if (c.dataPlaneV2 !== true)',
    replace: 'if (c.dataPlaneV2 === false)',
    breaks: 'NetworkPolicy: VPC-network and Turbo clusters enforce egress rules only with DataPlane V2',
  },
  {
    file: 'src/engine/checks/network-policy.ts',
    find: 'if (minor !== undefined && minor < 23)',
    replace: 'if (false)',
    breaks: 'NetworkPolicy: tunnel clusters before v1.23 do not enforce egress rules',
  },
  {
    file: 'src/engine/checks/network-policy.ts',
    find: "if (cluster.model === 'eni' && contains(TURBO_ALWAYS_ALLOWED, target.address)) {",
    replace: 'if (false) {',
    breaks: "NetworkPolicy: a Turbo cluster's policies cannot restrict the cloud-service range",
  },
  {
    file: 'src/engine/pod-security-groups.ts',
    find: 'if (annotated.length) return',
    replace: 'if (false) return',
    breaks: 'Turbo pod security groups: the security-group-ids annotation decides first',
  },
  {
    file: 'src/engine/pod-security-groups.ts',
    find: 'const withAdditional = (base: readonly string[]) => [...new Set([...base, ...additional])];',
    replace: 'const withAdditional = (base: readonly string[]) => [...base];',
    breaks: 'Turbo pod security groups: additional-security-group-ids adds to the base groups',
  },
  {
    file: 'src/engine/pod-security-groups.ts',
    find: "(r) => (r.metadata.namespace ?? 'default') === namespace && selectorMatches(r.spec.podSelector, labels),",
    replace: '(r) => selectorMatches(r.spec.podSelector, labels),',
    breaks: 'Turbo pod security groups: a SecurityGroup resource selects pods of its own namespace only',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: '  if (hostNetwork) {',
    replace: '  if (false) {',
    breaks: 'a hostNetwork pod leaves with its node IP, whatever the network model',
  },
  // Network ACLs (VPC "Network ACL Overview") and route tables.
  {
    file: 'src/engine/acl-eval.ts',
    find: '  for (const rule of rules) {',
    replace: '  for (const rule of [...rules].reverse()) {',
    breaks: 'network ACL: rules are evaluated in order and the first match decides',
  },
  {
    file: 'src/engine/acl-eval.ts',
    find: '    if (rule.protocol !== null && rule.protocol !== flow.number) continue;',
    replace: '',
    breaks: 'network ACL: a rule matches only its own protocol',
  },
  {
    file: 'src/engine/acl-eval.ts',
    find: "  if (cloud || metadata) deciders.push({ spans: 'all', by: 'preset' });",
    replace: "  if (metadata) deciders.push({ spans: 'all', by: 'preset' });",
    breaks: 'network ACL: the preset allows traffic to the cloud-service range',
  },
  {
    file: 'src/engine/acl-eval.ts',
    find: 'if (!portListIncludes(rule.destinationPorts, flow.port)) continue;',
    replace: '',
    breaks: 'network ACL: a TCP or UDP rule matches only its destination ports',
  },
  {
    file: 'src/engine/route-lookup.ts',
    find: '.sort((a, b) => b[1] - a[1])',
    replace: '.sort((a, b) => a[1] - b[1])',
    breaks: 'route tables: the longest prefix decides',
  },
  // Security-group rule matching, whitelists, and the way out to the internet.
  {
    file: 'src/engine/security-group-eval.ts',
    find: '  return portListIncludes(rule.ports, flow.port);',
    replace: '  return true;',
    breaks: 'security-group rules: a TCP or UDP rule matches only its ports',
  },
  {
    file: 'src/engine/security-group-eval.ts',
    find: "      return peer.memberOf.has(rule.remote.securityGroup) ? 'all' : [];",
    replace: "      return 'all';",
    breaks: 'security-group rules: a rule whose remote is a group admits only members of that group',
  },
  {
    file: 'src/engine/checks/whitelist.ts',
    find: 'if (whitelist.enabled === false || entries.length === 0) {',
    replace: 'if (entries.length === 0) {',
    breaks: 'a disabled whitelist admits every address that can reach the VPC',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: "const usesNodes = cluster.model !== 'eni' && ",
    replace: 'const usesNodes = ',
    breaks: 'Turbo (eni) pods leave with their own addresses: no answer about them assumes node addresses',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: '  if (viaNodes && cluster.nodes.length) {',
    replace: '  if (cluster.nodes.length) {',
    breaks: "Turbo (eni) pods reach the internet through their subnet's SNAT, not the node EIP",
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: '      if (node.node.eip) {',
    replace: '      if (false) {',
    breaks: 'a node with an EIP reaches the internet through it, without SNAT',
  },
  // Peerings, and names resolved from the imported private zones.
  {
    file: 'src/engine/checks/peering.ts',
    find: 'const middle = pair.length === 0 ? transitiveMiddle(ctx) : undefined;',
    replace: 'const middle = undefined;',
    breaks: 'peerings are not transitive, but a route over a middle VPC makes the answer uncertain, not "no peering"',
  },
  {
    file: 'src/engine/checks/peering.ts',
    find: "const status = peering.status ?? 'ACTIVE';",
    replace: "const status = peering.status ?? 'PENDING_ACCEPTANCE';",
    breaks: 'a peering without a status is an active one',
  },
  {
    file: 'src/names/resolve-host.ts',
    find: 'if (!best || zone.zone.name.length > best.zone.name.length) best = zone;',
    replace: 'if (!best) best = zone;',
    breaks: 'private zones: the most specific zone containing a name answers for it',
  },
  {
    file: 'src/names/resolve-host.ts',
    find: 'if (!zone.vpcs.has(vpc) || !isInZone(name, zone.zone.name)) continue;',
    replace: 'if (!isInZone(name, zone.zone.name)) continue;',
    breaks: 'private zones: a VPC sees only the zones associated with it',
  },
  {
    file: 'src/names/resolve-host.ts',
    find: '  for (let hop = 0; hop <= MAX_CNAME_HOPS; hop++) {',
    replace: '  for (let hop = 0; hop <= 1; hop++) {',
    breaks: 'private zones: a CNAME chain is followed for several hops',
  },
  // The forward route: system routes, routes beyond the VPC, the internet through a node EIP, custom tables.
  {
    file: 'src/engine/checks/route-forward.ts',
    find: "    if (route && route.origin === 'local' && CLOUD_ROUTES.has(route.destination.text))",
    replace: '    if (false)',
    breaks: 'every route table carries the system routes to the cloud-service range',
  },
  {
    file: 'src/engine/checks/route-forward.ts',
    find: "    if (route && route.origin === 'declared') {",
    replace: '    if (false) {',
    breaks: 'an address beyond a declared route (VPN, Direct Connect...) is uncertain, not unreachable',
  },
  {
    file: 'src/engine/checks/route-forward.ts',
    find: '    if (!route && viaEip > 0)',
    replace: '    if (false)',
    breaks: 'a node with an EIP needs no route to the internet in its table',
  },
  {
    file: 'src/engine/checks/route-forward.ts',
    find: "    if (target.info.kind === 'pod' && !table.isDefault && !route) {",
    replace: '    if (false) {',
    breaks: 'a custom route table may lack the CCE routes to pods: uncertain, not unreachable',
  },
  // The destination's groups, and the replies within the VPC.
  {
    file: 'src/engine/checks/destination-sg.ts',
    find: "    out.uncertain.push(text.t(TEXTS['destination-sg.unknown-declare'], { address }));",
    replace: '',
    breaks: 'an address whose security groups are unknown makes the answer uncertain',
  },
  {
    file: 'src/engine/checks/destination-sg.ts',
    find: '  if (source.maybeMemberOf.size > 0) {',
    replace: '  if (false) {',
    breaks: 'a rule admitting a group the source may belong to makes the answer uncertain, not unreachable',
  },
  {
    file: 'src/engine/checks/destination-sg.ts',
    find: '    if (nodeSource.spans.length && nodeEval.literal.denied.length === 0 && nodeEval.merged.denied.length === 0)',
    replace: '    if (nodeSource.spans.length)',
    breaks: "the nonMasqueradeCIDRs alternative is offered only when the destination's groups already allow the nodes",
  },
  {
    file: 'src/engine/checks/destination-sg.ts',
    find: "    if (!whitelisted) out.assumptions.push(text.t(TEXTS['destination-sg.none-assumed'], { what }));",
    replace: '',
    breaks: 'a destination declared without security groups is assumed open, and the answer says so',
  },
  {
    file: 'src/engine/checks/route-return.ts',
    find: "    if (sameVpc) return d.by.origin === 'local' || d.by.type === 'cce';",
    replace: "    if (sameVpc) return d.by.origin === 'local';",
    breaks: "within a VPC, CCE's routes to a node's pods carry the replies",
  },
  // SNAT rules and the internet fixes.
  {
    file: 'src/engine/checks/source-address.ts',
    find: '      if (cidr.ok && cidr.cidr.family === 4 && contains(cidr.cidr, inner)) return { nat, rule };',
    replace: '',
    breaks: 'an SNAT rule given as a CIDR covers the sources inside it',
  },
  {
    file: 'src/engine/checks/source-address.ts',
    find: '      const inner = ip ?? subnet.cidr;',
    replace: '      const inner = subnet.cidr;',
    breaks: "an SNAT rule's CIDR needs to cover the node, not the node's whole subnet",
  },
  {
    file: 'src/engine/checks/internet-egress.ts',
    find: '  if (egress.eniNodeEipOnly) {',
    replace: '  if (false) {',
    breaks: "Turbo pods with only their nodes' EIPs: uncertain whether they leave through them",
  },
  {
    file: 'src/engine/checks/internet-egress.ts',
    find: '  if (vpc && natWithEip(vpc))',
    replace: '  if (false)',
    breaks: 'least privilege: with a NAT gateway and an EIP in place, the fix is an SNAT rule, not a new gateway',
  },
];

const repo = resolve(import.meta.dirname, '..');
const TESTS = ['test/engine', 'test/render/fix.test.ts'];

/** A scratch copy of what the tests read, sharing node_modules. */
function scratchCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reachbot-mutation-'));
  for (const entry of ['src', 'test', 'bench', 'data', 'package.json', 'tsconfig.json', 'vitest.config.ts']) {
    cpSync(join(repo, entry), join(dir, entry), { recursive: true });
  }
  symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'), 'dir');
  return dir;
}

function testsPass(dir: string): boolean {
  try {
    execFileSync(join(dir, 'node_modules/.bin/vitest'), ['run', ...TESTS, '--bail=1'], { cwd: dir, stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const dir = scratchCopy();
try {
  if (!testsPass(dir)) throw new Error('the unmutated tests fail: fix them before measuring mutants');
  const survivors: Mutant[] = [];
  for (const m of MUTANTS) {
    const path = join(dir, m.file);
    const original = readFileSync(path, 'utf8');
    if (original.split(m.find).length !== 2)
      throw new Error(`${m.file}: the mutant's text is not found exactly once: ${m.find}`);
    writeFileSync(path, original.replace(m.find, m.replace));
    const killed = !testsPass(dir);
    writeFileSync(path, original);
    console.log(`${killed ? 'killed  ' : 'SURVIVED'}  ${m.breaks}`);
    if (!killed) survivors.push(m);
  }
  const killed = MUTANTS.length - survivors.length;
  console.log(`\nmutation score: ${killed}/${MUTANTS.length} killed`);
  process.exitCode = survivors.length ? 1 : 0;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
