// Reverse questions: "who can reach db1:3306?", "which clusters can reach redis-main?", "what can pods in prod
// reach?", and their Chinese forms. Only the outer phrase is read here; the destination, port and source
// inside it go through the forward grammar (parseQuestion), so every spelling it accepts works here too.

import { question as Q } from '../i18n/messages/question.js';
import type { DestinationsQuestion, ReverseQuestion, SourcesQuestion } from '../reverse/reverse.js';
import { QuestionError } from './errors.js';
import { parseQuestion } from './parse.js';

/** The reverse forms, shown when one is recognized but its inside is not valid. */
export const REVERSE_FORMS: readonly string[] = [
  'who can reach db1:3306?',
  'which clusters can reach redis-main?',
  'what can pods in prod reach?',
  'what can payments/api in prod reach on 443?',
  '谁能访问 db1:3306',
  '哪些集群能访问 redis-main',
  'prod 的 pod 能访问哪些资源',
];

// A name no topology is asked about: it stands in for the side of the forward question a reverse one leaves open.
const PLACEHOLDER = 'reachbot-reverse-placeholder';

const VERB = String.raw`(reach|access|connect\s+to|talk\s+to|hit|ping)`;
const SOURCES_EN = new RegExp(
  String.raw`^(?:(who|what)|which\s+(clusters?|pods?|workloads?|sources?))\s+(?:can|could|is\s+able\s+to|are\s+able\s+to)\s+${VERB}\s+(.+)$`,
  'i',
);
const DESTINATIONS_EN = new RegExp(
  String.raw`^(?:what|which\s+(?:resources?|destinations?|services?|addresses|databases?))\s+(?:can|could|does|do)\s+(.+?)\s+${VERB}(?:\s+(.+))?$`,
  'i',
);
const SOURCES_ZH =
  /^(谁|哪些\s*(集群|pod|pods|容器|工作负载|负载|应用)?)\s*(?:能够|能|可以)?\s*(?:访问到|访问|连接|连得上|连到|连)\s*(.+?)$/i;
const SOURCES_ZH_PASSIVE =
  /^(.+?)\s*(?:能够|能|可以)?\s*被\s*(谁|哪些\s*(集群|pod|pods|容器|工作负载|负载|应用)?)\s*(?:访问|连接)$/i;
const DESTINATIONS_ZH =
  /^(.+?)\s*(?:能够|能|可以)?\s*(?:访问|连接|连|到)\s*(?:哪些|什么|哪里)(?:资源|服务|地址|东西|目标)?\s*(.*)$/i;

/** Light cleanup of chat formatting before the outer phrase is matched (the forward grammar does the rest). */
function clean(text: string): string {
  return text
    .replace(/<@[A-Z0-9]+(?:\|[^>]*)?>/g, ' ')
    .replace(/@reachbot\b/gi, ' ')
    .replace(/&gt;/g, '>')
    .replace(/&lt;/g, '<')
    .replace(/&amp;/g, '&')
    .replace(/[*_`~]/g, '')
    .replace(/[?？!！。.]+\s*$/u, '')
    .replace(/\s*(?:吗|呢)\s*$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the words mean clusters only ("which clusters") rather than clusters and their workloads. */
function clustersOnly(word: string | undefined): boolean {
  return word !== undefined && /^(clusters?|集群)$/i.test(word);
}

/** Parse a reverse question, or return null when the text is not one (then it may be a forward question). */
export function parseReverseQuestion(text: string): ReverseQuestion | null {
  const line = clean(text);
  let match = SOURCES_EN.exec(line);
  if (match) return sources(text, withPing(match[3]!, match[4]!), !clustersOnly(match[2]));
  match = DESTINATIONS_EN.exec(line);
  if (match) return destinations(text, match[1]!, withPing(match[2]!, match[3] ?? ''));
  match = SOURCES_ZH_PASSIVE.exec(line);
  if (match) return sources(text, match[1]!, !clustersOnly(match[3]));
  match = DESTINATIONS_ZH.exec(line);
  if (match) return destinations(text, match[1]!, match[2] ?? '');
  match = SOURCES_ZH.exec(line);
  if (match) return sources(text, match[3]!, !clustersOnly(match[2]));
  return null;
}

/** "who can ping db1" asks about ICMP echo: keep the verb's meaning for the forward grammar. */
function withPing(verb: string, rest: string): string {
  return /^ping$/i.test(verb) ? `${rest} ping` : rest;
}

function reparse(text: string, forward: string) {
  try {
    return parseQuestion(forward);
  } catch (error) {
    if (error instanceof QuestionError) throw error.rephrased(forward, text, REVERSE_FORMS);
    throw error;
  }
}

function sources(text: string, rest: string, workloads: boolean): SourcesQuestion {
  const forward = reparse(text, `${PLACEHOLDER} -> ${rest}`);
  if (forward.destination === PLACEHOLDER)
    throw QuestionError.of(Q['question.which-destination'], { text }, REVERSE_FORMS);
  return {
    kind: 'sources',
    destination: forward.destination,
    workloads,
    ...(forward.protocol ? { protocol: forward.protocol } : {}),
    ...(forward.port !== undefined ? { port: forward.port } : {}),
  };
}

function destinations(text: string, source: string, rest: string): DestinationsQuestion {
  const forward = reparse(text, `${source} -> ${PLACEHOLDER} ${rest}`.trim());
  if (forward.destination !== PLACEHOLDER || forward.cluster === PLACEHOLDER)
    throw QuestionError.of(Q['question.which-cluster'], { text }, REVERSE_FORMS);
  return {
    kind: 'destinations',
    cluster: forward.cluster,
    workload: forward.workload,
    ...(forward.protocol ? { protocol: forward.protocol } : {}),
    ...(forward.port !== undefined ? { port: forward.port } : {}),
  };
}
