// The words both surfaces (terminal and Slack) use for a diagnosis, so that they always agree.
import type {
  ApiRequest,
  Diagnosis,
  DiagnosisQuestion,
  DiagnosisResult,
  Fix,
  StepStatus,
  Verdict,
} from '../engine/diagnosis.js';
import { flowsOf } from '../engine/diagnosis.js';
import { EN, type I18n } from '../i18n/i18n.js';
import { answer } from '../i18n/messages/answer.js';
import { singleLine } from './syntax/shell.js';

/** The verdict as the headline says it, in a language. */
export function verdictLabel(verdict: Verdict, text: I18n = EN): string {
  return text.t(answer['answer.headline'], { verdict });
}

/** The verdict mark, the same as a step's. */
export const VERDICT_SYMBOL: Record<Verdict, string> = { reachable: '✓', unreachable: '✗', uncertain: '⚠' };

/** A step's mark: ✓ pass, ✗ fail, ⚠ warn, · skip. */
export const STEP_SYMBOL: Record<StepStatus, string> = { pass: '✓', fail: '✗', warn: '⚠', skip: '·' };

/** "tcp/3306", "udp/53", "ping (ICMP echo)". */
export function flowWords(question: DiagnosisQuestion, text: I18n = EN): string {
  return text.t(answer['answer.flow'], { protocol: question.protocol, port: question.port });
}

/** Whether the flows go to more than one address (a host name with several addresses). */
function severalAddresses(flows: readonly Diagnosis[]): boolean {
  return new Set(flows.map((flow) => flow.destination.address)).size > 1;
}

/** A flow's heading among several: "tcp/3306", or "10.0.0.5 tcp/3306" when the flows go to several addresses. */
export function flowTitle(result: DiagnosisResult, flow: Diagnosis, text: I18n = EN): string {
  const words = flowWords(flow.question, text);
  if (!severalAddresses(flowsOf(result))) return words;
  const resource = flow.destination.resource;
  return `${flow.destination.address ?? ''}${resource ? ` (${resource})` : ''} ${words}`.trim();
}

/** "pod in prod", "payments/api in prod". */
export function sourceWords(question: DiagnosisQuestion, text: I18n = EN): string {
  return text.t(answer['answer.source'], { workload: question.workload, cluster: question.cluster });
}

/** "192.168.10.52 (db1)" when the destination is a named resource at a different address. */
export function destinationWords(diagnosis: Diagnosis): string {
  const asked = diagnosis.question.destination;
  const resource = diagnosis.destination.resource;
  const address = diagnosis.destination.address;
  if (resource !== undefined && resource !== asked) return `${asked} (${resource})`;
  if (address !== undefined && address !== asked) return `${asked} (${address})`;
  return asked;
}

/** The question in words, without the verdict: "can pod in prod reach 192.168.10.52 (db1) on tcp/3306?" */
export function questionWords(result: DiagnosisResult, text: I18n = EN): string {
  const flows = flowsOf(result);
  const first = flows[0];
  if (first === undefined) return text.t(answer['answer.no-flow']);
  const on =
    text.lang === 'zh'
      ? [...new Set(flows.map((flow) => flowWords(flow.question, text)))].join('、')
      : [...new Set(flows.map((flow) => flowWords(flow.question, text)))].join(', ');
  const source = sourceWords(first.question, text);
  if (severalAddresses(flows)) {
    const addresses = [...new Set(flows.map((flow) => flow.destination.address))].join(', ');
    return singleLine(
      text.t(answer['answer.question'], { source, destination: `${first.question.destination} (${addresses})`, on }),
    );
  }
  return singleLine(text.t(answer['answer.question'], { source, destination: destinationWords(first), on }));
}

/** Every fix of a result with the flow it belongs to, numbered in one sequence. */
export function numberedFixes(result: DiagnosisResult): { number: number; fix: Fix; flow: Diagnosis }[] {
  const out: { number: number; fix: Fix; flow: Diagnosis }[] = [];
  for (const flow of flowsOf(result)) for (const fix of flow.fixes) out.push({ number: out.length + 1, fix, flow });
  return out;
}

/** The assumptions of every flow, each once, in first-seen order. */
export function allAssumptions(result: DiagnosisResult): string[] {
  return [...new Set(flowsOf(result).flatMap((flow) => flow.assumptions.map(singleLine)))];
}

/** How an API request reads: `POST /v3/...` and the body as indented JSON (nothing for a bodiless request). */
export function apiWords(api: NonNullable<Fix['render']['api']>): string {
  const one = (request: ApiRequest): string => {
    const head = `${request.method} ${request.path}`;
    return request.body === null || request.body === undefined
      ? head
      : `${head}\n${JSON.stringify(request.body, null, 2)}`;
  };
  return [api, ...(api.next ?? [])].map(one).join('\n\n');
}
