// The question grammar: "can pod in prod reach 192.168.10.52?" and its many spellings, English and
// Chinese, into a Question. Words are classified (tokens.ts), the protocol and port are taken out
// wherever they appear, and what remains splits at the verb into a source and a destination.
import { noMeter, type WorkMeter } from '../bounds/meter.js';
import type { FixFormat } from '../engine/diagnosis.js';
import { EN } from '../i18n/i18n.js';
import type { Message } from '../i18n/message.js';
import { question as Q } from '../i18n/messages/question.js';
import { parseIp } from '../net/address.js';
import { QuestionError } from './errors.js';
import type { Question, QuestionProtocol } from './question.js';
import { portlessUrl, type Token, tokenize } from './tokens.js';

/** Every question form the spec names; shown (closest first) when a question is not understood. */
export const QUESTION_FORMS: readonly string[] = [
  'can pod in prod reach 192.168.10.52?',
  'can prod reach 192.168.10.52:3306',
  'prod -> db1 tcp/3306',
  'can payments/api in prod reach redis-main on 6379?',
  "why can't prod ping 10.1.1.20",
  'prod 192.168.10.52 udp/53',
  'prod 的容器能访问 192.168.10.52:3306 吗',
  'prod 集群的 pod 访问 10.1.1.20 不通',
];

/** The thread's topology names, so that "try staging" can tell a cluster from a resource. */
export interface KnownNames {
  readonly clusters: readonly string[];
  readonly resources: readonly string[];
}

/** What a message in a thread means relative to the thread's previous question. */
export type FollowUp = { kind: 'question'; question: Question } | { kind: 'format'; format: FixFormat } | null;

/**
 * The longest question read, in characters. A real question is a line; a longer text is refused before any
 * parsing, so one message can never hold the event loop (every other user's command waits behind it).
 */
export const MAX_QUESTION_LENGTH = 500;

/**
 * Parse one question; throws QuestionError (with the valid forms as suggestions) when it is not understood.
 * `meter` counts the tokens and characters visited (tests assert the work is linear in the text).
 */
export function parseQuestion(text: string, meter: WorkMeter = noMeter): Question {
  return guard(text, () => parseFull(text, meter).question);
}

/**
 * Parse a message in a thread about `previous`: a change of port, protocol, source or destination
 * ("and port 6379?", "what about from staging?"), a request for another fix format ("as terraform"),
 * or a whole new question. Returns null when the text is none of these; throws QuestionError when it
 * is recognizably a follow-up but invalid (a bad address or port).
 */
export function parseFollowUp(
  text: string,
  previous: Question,
  names?: KnownNames,
  meter: WorkMeter = noMeter,
): FollowUp {
  return guard(text, () => {
    const format = parseFormatRequest(text);
    if (format) return { kind: 'format', format };
    const led = FOLLOW_UP_LEAD.test(text.trim());
    if (led) {
      const change = parseChange(text, previous, true, names, meter);
      if (change) return change;
    }
    try {
      const full = parseFull(text, meter);
      // In a thread, two bare words ("hello there") are chat, not the terse question form.
      if (full.explicit) return { kind: 'question', question: full.question };
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
    }
    return led ? null : parseChange(text, previous, false, names, meter);
  });
}

/** The question, and whether it said so unmistakably (a verb, an address, a port or a protocol). */
function parseFull(text: string, meter: WorkMeter): { question: Question; explicit: boolean } {
  const tokens = tokenize(text, meter);
  if (tokens.length === 0) fail(text, Q['question.empty'], undefined);
  const flow = takeFlow(text, tokens, meter);
  const { source, destination, verb } = splitAtVerb(text, flow.rest);
  const who = resolveSource(text, source, meter);
  if (!who.cluster) fail(text, Q['question.no-cluster'], undefined);
  const target = resolveDestination(text, destination, flow);
  const question = finish(text, { cluster: who.cluster, workload: who.workload ?? null, ...target });
  const explicit = verb || question.protocol !== undefined || parseIp(question.destination) !== null;
  return { question, explicit };
}

// ---------------------------------------------------------------------------------------------
// Protocol and port, wherever they appear.

interface Flow {
  protocol?: QuestionProtocol;
  port?: number;
  ping: boolean;
  rest: Token[];
}

const PROTO_PORT = /^(tcp|udp|icmp)[/:](\d+)$/i;
const PORT_PROTO = /^(\d+)\/(tcp|udp)$/i;
const COLON_PORT = /^:(\d+)$/;
const ADDRESS_PORT_PROTO = /^(.+:\d+)\/(tcp|udp)$/i;
const DIGITS = /^\d+$/;

function takeFlow(text: string, tokens: readonly Token[], meter: WorkMeter): Flow {
  const flow: Flow = { ping: false, rest: [] };
  const setPort = (value: string) => {
    const port = toPort(text, value);
    if (flow.port !== undefined && flow.port !== port)
      fail(text, Q['question.two-ports'], { a: flow.port, b: port, oneAtATime: true });
    flow.port = port;
  };
  const setProtocol = (value: string) => {
    const protocol = value.toLowerCase() as QuestionProtocol;
    if (flow.protocol !== undefined && flow.protocol !== protocol)
      fail(text, Q['question.two-protocols'], { a: flow.protocol, b: protocol });
    flow.protocol = protocol;
  };
  for (let i = 0; i < tokens.length; i++) {
    meter.tick();
    const token = tokens[i]!;
    const next = tokens[i + 1];
    if (token.kind === 'filler') continue;
    if (token.kind === 'protocol') {
      setProtocol(token.lower);
      if (next?.kind === 'word' && DIGITS.test(next.text)) {
        setPort(next.text);
        i++;
      }
      continue;
    }
    if (token.kind === 'ping') {
      flow.ping = true;
      flow.rest.push(token);
      continue;
    }
    if (token.kind === 'port' || (token.kind === 'on' && next?.kind === 'word' && DIGITS.test(next.text))) {
      if (next?.kind === 'word' && DIGITS.test(next.text)) {
        setPort(next.text);
        i++;
        continue;
      }
      // "3306 端口": the number came first and is already taken; "on port 6379": the next token has it.
      if (token.kind === 'port') continue;
    }
    // "on port 3306", "on udp 53", "on tcp/3306": "on" only introduces the port.
    if (token.kind === 'on' && (next?.kind === 'port' || next?.kind === 'protocol' || isPortWord(next))) continue;
    if (token.kind === 'word') {
      const protoPort = PROTO_PORT.exec(token.text);
      const portProto = PORT_PROTO.exec(token.text);
      const colonPort = COLON_PORT.exec(token.text);
      if (protoPort) {
        setProtocol(protoPort[1]!);
        setPort(protoPort[2]!);
        continue;
      }
      if (portProto) {
        setPort(portProto[1]!);
        setProtocol(portProto[2]!);
        continue;
      }
      // "10.1.1.20:53/udp": the protocol rides on the address:port.
      const addressProto = ADDRESS_PORT_PROTO.exec(token.text);
      if (addressProto) {
        setProtocol(addressProto[2]!);
        flow.rest.push({ ...token, text: addressProto[1]!, lower: addressProto[1]!.toLowerCase() });
        continue;
      }
      if (colonPort) {
        setPort(colonPort[1]!);
        continue;
      }
      if (DIGITS.test(token.text) && next?.kind === 'port') {
        setPort(token.text);
        i++;
        continue;
      }
    }
    flow.rest.push(token);
  }
  return flow;
}

function isPortWord(token: Token | undefined): boolean {
  if (token?.kind !== 'word') return false;
  return PROTO_PORT.test(token.text) || PORT_PROTO.test(token.text) || COLON_PORT.test(token.text);
}

function toPort(text: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535 || value.length > 5)
    fail(text, Q['question.bad-port'], { value });
  return port;
}

// ---------------------------------------------------------------------------------------------
// Source and destination.

function splitAtVerb(text: string, all: readonly Token[]): { source: Token[]; destination: Token[]; verb: boolean } {
  const reversed = splitReachable(all);
  if (reversed) return reversed;
  // "reachable" without "from" after it ("is db1 reachable?") says nothing about who is who.
  const tokens = all.filter((t) => t.kind !== 'reachable');
  let verb = tokens.findIndex((t) => t.kind === 'verb' || t.kind === 'ping');
  if (verb < 0) verb = tokens.findIndex((t) => t.kind === 'to');
  const meaningful = (list: readonly Token[]) =>
    list.filter((t) => t.kind !== 'to' && t.kind !== 'verb' && t.kind !== 'ping');
  if (verb < 0) {
    // "db1 3306 from prod": the words after a "from" that does not lead are the source.
    const from = tokens.findIndex((t) => t.kind === 'from');
    if (from > 0 && tokens.slice(0, from).some((t) => t.kind === 'word')) {
      return { source: tokens.slice(from + 1), destination: tokens.slice(0, from), verb: true };
    }
    // The terse form: "prod 192.168.10.52 udp/53", "prod payments/api db1". The destination is the last word.
    const words = tokens.filter((t) => t.kind !== 'from');
    let last = -1;
    words.forEach((t, i) => {
      if (t.kind === 'word') last = i;
    });
    if (last < 0) fail(text, Q['question.nothing-found'], undefined);
    // A trailing bare number after the destination is its port: "prod db1 3306".
    if (DIGITS.test(words[last]!.text) && last > 0 && words[last - 1]!.kind === 'word' && last - 1 > 0) {
      return { source: words.slice(0, last - 1), destination: words.slice(last - 1), verb: false };
    }
    return { source: words.slice(0, last), destination: words.slice(last), verb: false };
  }
  const before = tokens.slice(0, verb);
  const after = tokens.slice(verb + 1);
  const from = after.findIndex((t) => t.kind === 'from');
  const destination = from < 0 ? after : after.slice(0, from);
  const trailing = from < 0 ? [] : after.slice(from + 1);
  let source = before.filter((t) => t.kind !== 'from');
  if (trailing.length) {
    // "can payments/api reach db1 from prod": the trailing name is the cluster of the leading workload.
    const hasWord = source.some((t) => t.kind === 'word');
    source = hasWord ? [...source, { text: 'in', lower: 'in', kind: 'in' }, ...trailing] : trailing;
  }
  return { source: meaningful(source), destination: meaningful(destination), verb: true };
}

/**
 * "is 192.168.10.52 reachable from prod", "db1:3306 unreachable from pods in prod": the destination
 * comes first. Only with "from" after "reachable" (and no other verb) is the order this clear.
 */
function splitReachable(tokens: readonly Token[]): { source: Token[]; destination: Token[]; verb: boolean } | null {
  const at = tokens.findIndex((t) => t.kind === 'reachable');
  if (at < 0 || tokens.some((t) => t.kind === 'verb' || t.kind === 'ping' || t.kind === 'to')) return null;
  const from = tokens.findIndex((t, i) => i > at && t.kind === 'from');
  if (from < 0) return null;
  const destination = tokens.slice(0, at).filter((t) => t.kind !== 'from');
  const source = [...tokens.slice(at + 1, from), ...tokens.slice(from + 1)].filter(
    (t) => t.kind !== 'from' && t.kind !== 'reachable',
  );
  return { source, destination, verb: true };
}

/** "prod/payments/api": cluster/namespace/name, the way dashboards and kubectl contexts write it. */
function workloadPath(word: string): { cluster: string; workload: string } | undefined {
  const parts = word.split('/');
  if (parts.length !== 3 || parts.some((part) => part === '') || parseIp(parts[0]!)) return undefined;
  return { cluster: parts[0]!, workload: `${parts[1]}/${parts[2]}` };
}

interface Source {
  cluster?: string;
  workload?: string;
}

/** Which words of the source are the cluster and which the workload. */
function resolveSource(text: string, tokens: readonly Token[], meter: WorkMeter): Source {
  const only = tokens.filter((t) => t.kind === 'word');
  const path =
    only.length === 1 && tokens.every((t) => t.kind === 'word' || t.kind === 'from')
      ? workloadPath(only[0]!.text)
      : undefined;
  if (path) return path;
  const marked = new Set<number>();
  const words: number[] = [];
  // The nearest word before and after each position, computed in two passes (not searched per token).
  const previousWords: (number | undefined)[] = [];
  const nextWords: (number | undefined)[] = new Array(tokens.length);
  let last: number | undefined;
  tokens.forEach((t, i) => {
    meter.tick();
    previousWords.push(last);
    if (t.kind === 'word') {
      words.push(i);
      last = i;
    }
  });
  let following: number | undefined;
  for (let i = tokens.length - 1; i >= 0; i--) {
    meter.tick();
    nextWords[i] = following;
    if (tokens[i]!.kind === 'word') following = i;
  }
  const nextWord = (i: number) => nextWords[i];
  const previousWord = (i: number) => previousWords[i];
  tokens.forEach((t, i) => {
    meter.tick();
    if (t.kind === 'in' || t.kind === 'on') {
      const w = nextWord(i);
      if (w === undefined) fail(text, Q['question.from-without-cluster'], { word: t.text });
      marked.add(w);
    } else if (t.kind === 'cluster-after') {
      const w = previousWord(i);
      if (w !== undefined) marked.add(w);
    } else if (t.kind === 'cluster-before') {
      const next = nextWord(i);
      const previous = previousWord(i);
      if (next !== undefined && !tokens[next]!.text.includes('/')) marked.add(next);
      else if (previous !== undefined) marked.add(previous);
      else if (next !== undefined) marked.add(next);
    } else if (t.kind !== 'word' && t.kind !== 'from') {
      fail(text, Q['question.bad-source'], { word: t.text });
    }
  });
  const clusters = words.filter((w) => marked.has(w)).map((w) => tokens[w]!.text);
  const others = words.filter((w) => !marked.has(w)).map((w) => tokens[w]!.text);
  if (new Set(clusters.map((c) => c.toLowerCase())).size > 1) fail(text, Q['question.two-clusters'], { clusters });
  if (clusters.length > 0) {
    if (others.length > 1) fail(text, Q['question.words'], { words: others });
    return { cluster: clusters[0], workload: others[0] };
  }
  if (others.length === 0) return {};
  if (others.length === 1) return { cluster: others[0] };
  const slashed = others.filter((o) => o.includes('/'));
  if (others.length === 2 && slashed.length === 1) {
    return { cluster: others.find((o) => !o.includes('/')), workload: slashed[0] };
  }
  return fail(text, Q['question.cluster-from'], { words: others });
}

interface Target {
  destination: string;
  protocol?: QuestionProtocol;
  port?: number;
}

function resolveDestination(text: string, tokens: readonly Token[], flow: Flow): Target & { ping: boolean } {
  const words = tokens.filter((t) => t.kind === 'word');
  const stray = tokens.find((t) => t.kind !== 'word');
  if (stray) fail(text, Q['question.after-destination'], { word: stray.text });
  if (words.length === 0) fail(text, Q['question.no-destination'], undefined);
  const [first, second, ...more] = words;
  if (more.length || (second && !DIGITS.test(second.text)))
    fail(text, Q['question.one-destination'], { words: words.map((w) => w.text) });
  const { destination, port } = parseDestination(text, first!.text);
  const secondPort = second ? toPort(text, second.text) : undefined;
  // "db 1 on 3306" is more likely the name db1 typed with a space than a second port ("redis 6379 on 6380" is two).
  const spaced = second !== undefined && second.text.length <= 2 && port === undefined && parseIp(destination) === null;
  if (spaced && flow.port !== undefined && secondPort !== flow.port)
    fail(text, Q['question.spaced-name'], { name: destination, digits: second.text, port: flow.port });
  let resultPort = flow.port;
  for (const candidate of [port, secondPort]) {
    if (candidate === undefined) continue;
    if (resultPort !== undefined && resultPort !== candidate)
      fail(text, Q['question.two-ports'], { a: resultPort, b: candidate, oneAtATime: true });
    resultPort = candidate;
  }
  return { destination, protocol: flow.protocol, port: resultPort, ping: flow.ping };
}

const LOOKS_IPV4 = /^\d{1,3}(\.\d{1,3}){1,4}$/;

/** One destination word: an address, [v6]:port, address:port, name or name:port. */
function parseDestination(text: string, word: string): { destination: string; port?: number } {
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(word);
  if (bracket) {
    const ip = parseIp(bracket[1]!);
    if (ip?.family !== 6) fail(text, Q['question.bad-ipv6'], { word: bracket[1] ?? '', portHint: false });
    return { destination: ip.text, port: bracket[2] === undefined ? undefined : toPort(text, bracket[2]) };
  }
  const ip = parseIp(word);
  if (ip) return { destination: ip.text };
  const url = portlessUrl(word);
  if (url) fail(text, Q['question.url-port'], url);
  const colons = word.split(':').length - 1;
  if (colons > 1) fail(text, Q['question.bad-ipv6'], { word, portHint: true });
  let host = word;
  let port: number | undefined;
  if (colons === 1) {
    const [h, p] = word.split(':') as [string, string];
    if (!DIGITS.test(p) || !h) fail(text, Q['question.bad-address-port'], { word });
    host = h;
    port = toPort(text, p);
  }
  const hostIp = parseIp(host);
  if (hostIp) return { destination: hostIp.text, port };
  if (LOOKS_IPV4.test(host)) fail(text, Q['question.bad-ipv4'], { word: host });
  if (host.includes('/')) {
    const prefix = host.split('/')[0]!;
    if (parseIp(prefix) || LOOKS_IPV4.test(prefix)) fail(text, Q['question.cidr'], { word: host, example: prefix });
  }
  return { destination: host, port };
}

function finish(
  text: string,
  draft: { cluster: string; workload: string | null } & Target & { ping: boolean },
): Question {
  const { cluster, workload, destination, ping } = draft;
  let { protocol, port } = draft;
  if (ping) {
    if (protocol && protocol !== 'icmp') fail(text, Q['question.ping-protocol'], { protocol });
    protocol = 'icmp';
  }
  if (protocol === 'icmp' && port !== undefined) fail(text, Q['question.icmp-port'], { port });
  if ((protocol === 'tcp' || protocol === 'udp') && port === undefined) needsPort(text, protocol);
  if (port !== undefined && protocol === undefined) protocol = 'tcp';
  return questionOf({ cluster, workload, destination }, protocol, port);
}

/** The question, with `protocol` and `port` present only when known (stored and compared as such). */
function questionOf(base: Question, protocol: QuestionProtocol | undefined, port: number | undefined): Question {
  return { ...base, ...(protocol ? { protocol } : {}), ...(port !== undefined ? { port } : {}) };
}

function needsPort(text: string, protocol: 'tcp' | 'udp'): never {
  return fail(text, Q['question.needs-port'], { protocol, example: protocol === 'udp' ? 53 : 3306 });
}

// ---------------------------------------------------------------------------------------------
// Follow-ups.

const FORMAT_WORDS: ReadonlyMap<string, FixFormat> = new Map([
  ['text', 'text'],
  ['words', 'text'],
  ['plain', 'text'],
  ['english', 'text'],
  ['hcloud', 'hcloud'],
  ['koocli', 'hcloud'],
  ['cli', 'hcloud'],
  ['terraform', 'terraform'],
  ['tf', 'terraform'],
  ['hcl', 'terraform'],
  ['api', 'api'],
  ['json', 'api'],
]);

const FORMAT_FILLER = new Set(
  'and then now ok okay please show give render print output write use it that this the fix fixes me as in with via format what about how would look like a an request body command commands code instead pls thanks'.split(
    ' ',
  ),
);

/** "show it as terraform", "as koocli/hcloud", "as api" -> the format; anything else -> null. */
export function parseFormatRequest(text: string): FixFormat | null {
  const words = text
    .normalize('NFKC')
    .toLowerCase()
    // Chinese framing words ("用 terraform 格式") carry no format of their own.
    .replace(/[\u3400-\u9fff]+/gu, ' ')
    .split(/[\s/,.!?;:]+/)
    .filter((w) => w && !FORMAT_FILLER.has(w));
  if (words.length === 0) return null;
  const formats = new Set(words.map((w) => FORMAT_WORDS.get(w)));
  if (formats.size !== 1 || formats.has(undefined)) return null;
  return [...formats][0] ?? null;
}

/** How a follow-up usually starts: "and ...", "what about ...", "how about ...", "那 ...". */
const FOLLOW_UP_LEAD =
  /^(and|what about|what's about|how about|what if|also|then|now|try|or|same|那|那么|换成|改成|如果是)(\s|[\u3400-\u9fff]|$)/iu;

const FOLLOW_UP_FILLER = new Set([
  'what',
  'whats',
  "what's",
  'about',
  'how',
  'also',
  'then',
  'now',
  'try',
  'same',
  'but',
  'ok',
  'okay',
  'instead',
  'and',
  'for',
  'if',
  'again',
  'question',
  'thing',
  'one',
  'check',
  '那',
  '那么',
  '换成',
  '改成',
  '如果是',
  '再',
  '试试',
]);

/**
 * A change to the previous question. `led`: the text began like a follow-up, so a bare name is a new
 * destination; without the lead, only unmistakable changes count (an address, a port, "from").
 */
function parseChange(
  text: string,
  previous: Question,
  led: boolean,
  names: KnownNames | undefined,
  meter: WorkMeter,
): FollowUp {
  const tokens = tokenize(text, meter).filter((t) => !FOLLOW_UP_FILLER.has(t.lower));
  if (tokens.length === 0) return null;
  const flow = takeFlow(text, tokens, meter);
  const rest = flow.rest.filter((t) => !['verb', 'ping', 'to', 'reachable'].includes(t.kind));
  const from = rest.findIndex((t) => t.kind === 'from');
  // "what about payments/api in staging": a source named with "in", without "from".
  const namesSource = from < 0 && rest.some((t) => t.kind === 'in' || t.kind.startsWith('cluster-'));
  const sourceTokens = namesSource ? rest : from < 0 ? [] : rest.slice(from + 1);
  const targetTokens = namesSource ? [] : from < 0 ? rest : rest.slice(0, from);
  if (targetTokens.some((t) => t.kind !== 'word')) return null;

  let { cluster, workload } = previous;
  if (sourceTokens.length) {
    const words = sourceTokens.filter((t) => t.kind === 'word');
    const sourcePath = words.length === 1 && sourceTokens.length === 1 ? workloadPath(words[0]!.text) : undefined;
    if (sourcePath) {
      cluster = sourcePath.cluster;
      workload = sourcePath.workload;
    } else if (words.length === 1 && sourceTokens.length === 1 && words[0]!.text.includes('/')) {
      workload = words[0]!.text;
    } else {
      const who = resolveSource(text, sourceTokens, meter);
      if (!who.cluster || (namesSource && who.workload !== undefined && !who.workload.includes('/'))) return null;
      cluster = who.cluster;
      workload = who.workload ?? null;
    }
  }

  let destination = previous.destination;
  let addressPort: number | undefined;
  // "what about redis-main 6379": a name and its port.
  const [first, second] = targetTokens;
  if (targetTokens.length > 2 || (second && !DIGITS.test(second.text))) return null;
  if (second) addressPort = toPort(text, second.text);
  let target = first;
  // "what about 6379?", "那 6379 呢", "6379?": a bare number in a thread is a port, never a resource name.
  // Unled, a single digit ("1") is more likely chat than a port.
  if (target && DIGITS.test(target.text)) {
    if (second || (!led && target.text.length < 2)) return null;
    addressPort = toPort(text, target.text);
    target = undefined;
  }
  const path = target && !sourceTokens.length ? workloadPath(target.text) : undefined;
  if (path) {
    // "what about prod/payments/api": cluster/namespace/name.
    cluster = path.cluster;
    workload = path.workload;
  } else if (target) {
    const isWorkload = target.text.includes('/') && !parseIp(target.text.split('/')[0]!) && !sourceTokens.length;
    const role = isWorkload ? 'workload' : nameRole(text, target.text, names);
    if (role === 'workload') workload = target.text;
    else if (role === 'cluster') {
      // "try staging", "same for staging", "换成 staging 呢": staging is a cluster, so the source changes.
      cluster = target.text;
      workload = null;
    } else {
      const isAddress = parseIp(target.text.replace(/^\[|\](:\d+)?$|:\d+$/g, '')) !== null;
      if (!led && !isAddress && !isKnown(target.text.replace(/:\d+$/, ''), names?.resources)) return null;
      const parsed = parseDestination(text, target.text);
      destination = parsed.destination;
      if (parsed.port !== undefined && addressPort !== undefined && parsed.port !== addressPort)
        fail(text, Q['question.two-ports'], { a: parsed.port, b: addressPort, oneAtATime: false });
      addressPort = parsed.port ?? addressPort;
    }
  }

  const changedFlow = flow.ping || flow.protocol !== undefined || flow.port !== undefined || addressPort !== undefined;
  if (!changedFlow && !sourceTokens.length && !target) return null;

  let port = flow.port ?? addressPort;
  if (flow.port !== undefined && addressPort !== undefined && flow.port !== addressPort)
    fail(text, Q['question.two-ports'], { a: flow.port, b: addressPort, oneAtATime: false });
  let protocol = flow.protocol;
  if (flow.ping || protocol === 'icmp') {
    protocol = 'icmp';
    if (port !== undefined) fail(text, Q['question.icmp-port'], {});
  } else if (port !== undefined) {
    // "and port 54" after a udp/53 question keeps udp; otherwise a port without a protocol is TCP.
    protocol ??= previous.protocol === 'udp' ? 'udp' : 'tcp';
  } else if (protocol !== undefined) {
    port = previous.port;
    if (port === undefined) needsPort(text, protocol);
  } else {
    protocol = previous.protocol;
    port = previous.port;
  }
  return { kind: 'question', question: questionOf({ cluster, workload, destination }, protocol, port) };
}

function isKnown(word: string, known: readonly string[] | undefined): boolean {
  return (known ?? []).some((name) => name.toLowerCase() === word.toLowerCase());
}

/** Whether a bare follow-up name is a cluster (the new source) or a destination; both at once is asked back. */
function nameRole(text: string, word: string, names: KnownNames | undefined): 'cluster' | 'destination' {
  if (!names || parseIp(word) || word.includes(':')) return 'destination';
  const lower = word.toLowerCase();
  const isCluster = isKnown(lower, names.clusters);
  const isResource = isKnown(lower, names.resources);
  if (isCluster && isResource) fail(text, Q['question.cluster-and-resource'], { word });
  return isCluster ? 'cluster' : 'destination';
}

// ---------------------------------------------------------------------------------------------
// Errors.

function fail<P>(text: string, what: Message<P>, params: P): never {
  const outer = Q['question.not-understood'];
  throw new QuestionError(EN.t(outer, { what: EN.t(what, params) }), formsFor(text), (language) =>
    language.t(outer, { what: language.t(what, params) }),
  );
}

/** The valid forms, the ones in the asker's language first. */
function formsFor(text: string): string[] {
  const chinese = /[\u3400-\u9fff]/u.test(text);
  const isChinese = (form: string) => /[\u3400-\u9fff]/u.test(form);
  return [...QUESTION_FORMS].sort((a, b) => Number(isChinese(b) === chinese) - Number(isChinese(a) === chinese));
}

/**
 * Run a parse step on text no longer than MAX_QUESTION_LENGTH. Only QuestionError means "not understood";
 * any other exception is a bug in the parser and propagates unchanged, so that callers log it as one and
 * property tests fail on it, instead of it being disguised as a question nobody could parse.
 */
function guard<T>(text: string, parse: () => T): T {
  refuseLongQuestion(text);
  return parse();
}

/**
 * Throw the clear QuestionError for text over MAX_QUESTION_LENGTH (before any parser, forward, reverse or what-if,
 * reads it). The parsers read the text with compatibility characters spelled out (NFKC: "㍿" is four characters),
 * so that form is held to the cap too: otherwise 500 such characters would cost four times the work of 500 others.
 */
export function refuseLongQuestion(text: string): void {
  const length = text.length > MAX_QUESTION_LENGTH ? text.length : text.normalize('NFKC').length;
  if (length > MAX_QUESTION_LENGTH) {
    throw QuestionError.of(
      Q['question.too-long'],
      { length, max: MAX_QUESTION_LENGTH },
      formsFor(text.slice(0, MAX_QUESTION_LENGTH)),
    );
  }
}
