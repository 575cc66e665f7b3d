// The diagnosis of "can pods of cluster X reach Y?": resolve the question, then walk the path check by
// check in the order of CCE FAQ "How Do I Locate a Workload Networking Fault?", cce_faq_00202, reporting every blocker (not only the first), the least-privilege
// fixes, and the assumptions. Fixes of an unreachable flow are verified by applying them and asking again.
// Pure: no I/O, no clock.
//
// Result shape: one flow (a port or ICMP was asked, or the resource declares one port) gives a Diagnosis;
// several flows (no port asked, several declared ports) give { verdict, flows }, the worst verdict first
// reached. Use `flowsOf(result)` to treat both alike.
import { type I18n, i18n, WORDLESS } from '../i18n/i18n.js';
import type { Lang } from '../i18n/lang.js';
import { engineSource as TEXTS } from '../i18n/messages/engine-source.js';
import { labelIds, namesById } from '../names/labels.js';
import type { ResolvedHost } from '../names/resolve-host.js';
import type { Question } from '../question/question.js';
import type { CompiledTopology } from '../topology/compile.js';
import { classifyDestination, destinationStep } from './checks/destination.js';
import { destinationAclCheck } from './checks/destination-acl.js';
import { destinationSgCheck } from './checks/destination-sg.js';
import { hostBridgeCheck } from './checks/host-bridge.js';
import { internetEgressCheck } from './checks/internet-egress.js';
import { hasKubernetesSide, networkPolicyCheck } from './checks/network-policy.js';
import { peeringCheck } from './checks/peering.js';
import { planningCheck } from './checks/planning.js';
import { routeForwardCheck } from './checks/route-forward.js';
import { routeReturnCheck } from './checks/route-return.js';
import { sourceAclCheck } from './checks/source-acl.js';
import { seeSource, sourceAddressStep } from './checks/source-address.js';
import { sourceEgressCheck } from './checks/source-egress.js';
import { transitCheck } from './checks/transit.js';
import { whitelistCheck } from './checks/whitelist.js';
import { type CheckResult, type Complete, type Flow, type FlowContext, type PlannedFix, result } from './context.js';
import {
  type AttachRender,
  CHECKS,
  type CheckName,
  type Diagnosis,
  type DiagnosisResult,
  type DnsResolution,
  type FixSpec,
  type Step,
  VERDICT_RANK,
  type Verdict,
} from './diagnosis.js';
import { patchCompiled } from './fixes/patch.js';
import { replanFix } from './fixes/replan.js';
import { type ResolvedQuestion, resolveQuestion } from './resolve.js';

/** How a host name resolved, for the contract's `destination.dns`. */
function dnsInfo(host: ResolvedHost): DnsResolution {
  return {
    name: host.name,
    chain: host.chain,
    addresses: host.addresses,
    ...(host.zone ? { zone: host.zone } : {}),
    ...(host.resource ? { domainNameOf: host.resource } : {}),
  };
}

/** How many rounds of "apply the fixes, ask again" a diagnosis may take to verify its fixes. */
const VERIFY_ROUNDS = 3;

const PATH_CHECKS: readonly ((ctx: FlowContext) => CheckResult)[] = [
  sourceEgressCheck,
  sourceAclCheck,
  routeForwardCheck,
  peeringCheck,
  transitCheck,
  destinationAclCheck,
  destinationSgCheck,
  whitelistCheck,
  routeReturnCheck,
  hostBridgeCheck,
  internetEgressCheck,
];

// The checks that follow the destination, planning and source steps, in the contract's order. `transit` is
// reported only on paths through an enterprise router, so answers without one keep their steps.
const LATER_CHECKS: readonly CheckName[] = CHECKS.slice(CHECKS.indexOf('source-egress')).filter(
  (check) => check !== 'transit',
);

function fixKey(spec: FixSpec): string {
  return JSON.stringify(spec);
}

function isPrimary(spec: FixSpec): boolean {
  return spec.kind !== 'replan' && !spec.alternative;
}

function purposeOf(resolved: ResolvedQuestion, destination: string, flow: Flow): string {
  const who = resolved.workload ? `workload ${resolved.workload.name}` : 'pods';
  return `CCE ${resolved.cluster.cluster.name} ${who} -> ${destination} ${flow.label}`;
}

interface FlowOutcome {
  readonly diagnosis: Omit<Diagnosis, 'fixes'>;
  readonly fixes: PlannedFix[];
}

function walk(
  compiled: CompiledTopology,
  resolved: ResolvedQuestion,
  flow: Flow,
  text: I18n,
  stopAtFailure = false,
): FlowOutcome {
  const { workload } = resolved;
  // A verified fix may have changed the cluster itself (a NetworkPolicy): read it from the compiled topology.
  const cluster = compiled.clusters.get(resolved.cluster.cluster.name.toLowerCase()) ?? resolved.cluster;
  const named = resolved.resourceName ? compiled.resources.get(resolved.resourceName.toLowerCase()) : undefined;
  const target = classifyDestination(compiled, cluster, resolved.address, named, text);
  const source = seeSource(compiled, cluster, workload, target, text);
  const destination = target.info.resource ?? target.address.text;
  const purpose = purposeOf(resolved, destination, flow);
  const ctx: FlowContext = {
    compiled,
    cluster,
    workload,
    flow,
    target,
    source,
    purpose,
    // Always present (undefined without a host name): one shape for every context the checks read.
    hostName: resolved.host?.name,
    i18n: text,
  };
  const results: CheckResult[] = [];
  // Clusters without Kubernetes objects get the answers they always had, without a network-policy step.
  const kubernetes = hasKubernetesSide(cluster.cluster);
  const head = result();
  head.steps.push(destinationStep(target));
  results.push(head);

  const skipRest = (why: string) => {
    const rest = result();
    if (kubernetes) rest.steps.push({ check: 'network-policy', status: 'skip', summary: why });
    for (const check of LATER_CHECKS) rest.steps.push({ check, status: 'skip', summary: why });
    results.push(rest);
  };

  if (target.special === 'own-pod' || target.special === 'own-service') {
    const reason =
      target.special === 'own-pod'
        ? text.t(TEXTS['diagnose.own-pod'], { cluster: cluster.cluster.name, eni: cluster.model === 'eni' })
        : text.t(TEXTS['diagnose.own-service'], { cluster: cluster.cluster.name });
    head.uncertain.push(reason);
    results.push(planningCheck(ctx));
    skipRest(text.t(TEXTS['diagnose.skip.in-cluster']));
  } else if (target.special === 'other-service' || target.special === 'overlay-pod' || target.special === 'no-subnet') {
    const address = target.address.text;
    const reason =
      target.special === 'other-service'
        ? text.t(TEXTS['diagnose.other-service'], { address })
        : target.special === 'overlay-pod'
          ? text.t(TEXTS['diagnose.overlay-pod'])
          : text.t(TEXTS['diagnose.no-subnet'], { address });
    head.fixes.push(replanFix(reason, purpose));
    skipRest(text.t(TEXTS['diagnose.skip.unreachable']));
  } else {
    results.push(planningCheck(ctx));
    const sourceStep = sourceAddressStep(source, text);
    const src = result();
    src.steps.push(sourceStep);
    src.assumptions.push(...source.assumptions);
    src.uncertain.push(...(source.uncertain ?? []));
    results.push(src);
    if (sourceStep.status === 'fail') {
      src.fixes.push(
        replanFix(
          text.t(TEXTS['diagnose.no-source'], { cluster: cluster.cluster.name, ipv6: target.family === 6 }),
          purpose,
        ),
      );
      skipRest(text.t(TEXTS['diagnose.skip.no-source']));
    } else {
      const checks = kubernetes ? [networkPolicyCheck, ...PATH_CHECKS] : PATH_CHECKS;
      // Once a step has failed (the verdict is settled) and a fix to apply is known (fixes to apply come first, in
      // check order, so it is the first fix of the full walk too), later checks only add blockers and fixes.
      let failed = false;
      let fixToApply = results.some((r) => r.fixes.some((f) => !f.spec.alternative));
      for (const check of checks) {
        const checked = check(ctx);
        results.push(checked);
        if (!stopAtFailure) continue;
        failed ||= checked.steps.some((s) => s.status === 'fail');
        fixToApply ||= checked.fixes.some((f) => !f.spec.alternative);
        if (failed && fixToApply) break;
      }
    }
  }

  const steps: Step[] = results.flatMap((r) => r.steps);
  const uncertain = results.flatMap((r) => r.uncertain);
  const verdict: Verdict = steps.some((s) => s.status === 'fail')
    ? 'unreachable'
    : uncertain.length
      ? 'uncertain'
      : 'reachable';
  const found = results.flatMap((r) => r.fixes);
  // Two checks may propose the same fix: keep it once (one fix, the common case, needs no comparing).
  const seenFix = new Set<string>();
  const fixes =
    found.length < 2
      ? found
      : found.filter((f) => {
          const key = fixKey(f.spec);
          if (seenFix.has(key)) return false;
          seenFix.add(key);
          return true;
        });
  const assumptions = [...new Set([...uncertain, ...results.flatMap((r) => r.assumptions)])];
  return {
    diagnosis: {
      verdict,
      question: {
        cluster: cluster.cluster.name,
        workload: workload?.name ?? null,
        // What was asked (a host name, a resource name or an address); the resolved resource is in `destination`.
        destination: resolved.host?.name ?? resolved.resourceName ?? resolved.address.text,
        protocol: flow.protocol === 'icmpv6' ? 'icmp' : flow.protocol,
        port: flow.protocol === 'tcp' || flow.protocol === 'udp' ? flow.port : null,
      },
      source: { seenAs: source.seenAs, why: source.why },
      destination: resolved.host ? { ...target.info, dns: dnsInfo(resolved.host) } : target.info,
      steps,
      assumptions,
    },
    fixes,
  };
}

const namesCache = new WeakMap<CompiledTopology, ReadonlyMap<string, string>>();

/** The names of a compiled topology's objects by id, computed once per topology. */
function topologyNames(compiled: CompiledTopology): ReadonlyMap<string, string> {
  let names = namesCache.get(compiled);
  if (!names) {
    names = namesById(compiled.topology);
    namesCache.set(compiled, names);
  }
  return names;
}

/** What diagnose does to every sentence it returns: each named object's bare id written as "name (id)". */
export function objectLabeller(compiled: CompiledTopology): (text: string) => string {
  const names = topologyNames(compiled);
  return (text) => labelIds(text, names);
}

/** How diagnoseWith walks each flow (its options, resolved). */
interface FlowOptions {
  readonly text: I18n;
  readonly verify: boolean;
  readonly stopAtFailure: boolean;
  readonly nameObjects: boolean;
}

/** Diagnose one flow; `verify` applies the proposed fixes and asks again (bounded rounds). */
function diagnoseFlow(
  attach: AttachRender,
  compiled: CompiledTopology,
  resolved: ResolvedQuestion,
  flow: Flow,
  { text, verify, stopAtFailure, nameObjects }: FlowOptions,
): Diagnosis {
  const first = walk(compiled, resolved, flow, text, stopAtFailure);
  const fixes = [...first.fixes];
  const assumptions = [...first.diagnosis.assumptions];
  if (verify && first.diagnosis.verdict === 'unreachable') {
    const keys = new Set(fixes.map((f) => fixKey(f.spec)));
    for (let round = 0; round < VERIFY_ROUNDS; round++) {
      const applied = fixes.filter((f) => isPrimary(f.spec)).map((f) => f.spec);
      if (applied.length === 0) break;
      const again = walk(patchCompiled(compiled, applied), resolved, flow, text);
      if (again.diagnosis.verdict !== 'unreachable') break;
      const extra = again.fixes.filter((f) => !keys.has(fixKey(f.spec)));
      for (const f of extra) keys.add(fixKey(f.spec));
      fixes.push(...extra);
      if (extra.some((f) => isPrimary(f.spec))) continue;
      if (!fixes.some((f) => f.spec.kind === 'replan')) {
        const failures = again.diagnosis.steps.filter((s) => s.status === 'fail');
        assumptions.push(text.t(TEXTS['diagnose.still-fails'], { failures }));
      }
      break;
    }
  }
  const place = { region: compiled.topology.region, project: compiled.topology.project };
  // Every fix to apply comes first, then the alternatives, so "apply fixes 1..n" never includes one of them.
  const ordered = [...fixes.filter((f) => !f.spec.alternative), ...fixes.filter((f) => f.spec.alternative)];
  const label = nameObjects ? objectLabeller(compiled) : (text: string) => text;
  const walked = first.diagnosis;
  // Written out field by field, in the order the JSON contract shows them: an object spread and then overridden
  // gets a slow shape in V8, and these are read thousands of times in a reverse answer.
  const diagnosis: Complete<Diagnosis> = {
    verdict: walked.verdict,
    question: walked.question,
    source: { seenAs: walked.source.seenAs, why: label(walked.source.why) },
    destination: walked.destination,
    steps: walked.steps.map(labelledStep(label)),
    assumptions: assumptions.map(label),
    fixes: ordered.map((f) => attach(f.spec, f.purpose, place, text)),
  };
  return diagnosis;
}

/** A step with its summary labelled (see above: no spread; an absent `evidence` stays undefined). */
function labelledStep(label: (text: string) => string): (step: Step) => Step {
  return ({ check, status, summary, evidence }) => {
    const labelled: Complete<Step> = { check, status, summary: label(summary), evidence };
    return labelled;
  };
}

/** How much work a diagnosis does beyond the verdict. */
export interface DiagnoseOptions {
  /**
   * Verify the fixes of an unreachable flow by applying them and asking again (default true: the answers people
   * read promise verified fixes). Callers that keep only verdicts may turn it off: the verdict, the steps and the
   * fixes found on the first walk are the same; fixes found only by verification and the "still fails"
   * assumption are not there.
   */
  readonly verifyFixes?: boolean;
  /**
   * Stop each flow's walk as soon as a step has failed and a fix to apply is known (default false). The verdict,
   * the first failing step and the first fix are the same as a full walk's; later steps, blockers and fixes are
   * absent. For callers that keep only those (reverse questions over thousands of destinations).
   */
  readonly stopAtFirstBlocker?: boolean;
  /** The language of every human text in the answer (default English); machine fields are the same in all. */
  readonly lang?: Lang;
  /**
   * Write each named object as "name (id)" in the step summaries, the source's `why` and the assumptions (default
   * true). Off, they keep bare ids: for callers that show one sentence of thousands of answers and label only that
   * one with objectLabeller() (labelling every sentence was about a tenth of a reverse answer).
   */
  readonly nameObjects?: boolean;
  /**
   * Write the human texts (default true). Off, every summary, assumption and fix text is a placeholder; the
   * verdict, each step's check and status and each fix's kind and data are as with words, except that replans whose
   * reasons differ only in words are kept once. For callers that keep only verdicts of thousands of paths and ask
   * again, with words, for the few they show (a digest's first pass).
   */
  readonly words?: boolean;
}

/**
 * Answer a question: one Diagnosis for one flow, { verdict, flows } for several, with each fix given its rendering
 * by `attach` (the engine does not render: src/answer/diagnose.ts supplies the renderers). Throws QuestionError.
 */
export function diagnoseWith(
  attach: AttachRender,
  compiled: CompiledTopology,
  question: Question,
  options: DiagnoseOptions = {},
): DiagnosisResult {
  const flowOptions: FlowOptions = {
    text: options.words === false ? WORDLESS : i18n(options.lang ?? 'en'),
    verify: options.verifyFixes ?? true,
    stopAtFailure: options.stopAtFirstBlocker ?? false,
    nameObjects: options.nameObjects ?? true,
  };
  const resolved = resolveQuestion(compiled, question);
  // A host name with several addresses is answered for each: every address's flows, in record order.
  const flows = resolved.targets.flatMap((target) => {
    const at: ResolvedQuestion = { ...resolved, ...target };
    return target.flows.map((flow) => diagnoseFlow(attach, compiled, at, flow, flowOptions));
  });
  if (flows.length === 1) return flows[0]!;
  const verdict = flows.reduce<Verdict>(
    (worst, d) => (VERDICT_RANK[d.verdict] > VERDICT_RANK[worst] ? d.verdict : worst),
    'reachable',
  );
  return { verdict, flows };
}
