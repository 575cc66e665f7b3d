// Splitting question text into classified tokens. English words are split on spaces; Chinese runs
// (which have no spaces) are split by longest match against the few words the grammar knows.
import { noMeter, type WorkMeter } from '../bounds/meter.js';
import { unescapeMrkdwn } from '../render/mrkdwn.js';

/** What a token means to the grammar. */
export type TokenKind =
  | 'word' // a name, an address, an address:port: content
  | 'filler' // words that carry no meaning here ("can", "the", "pod", "吗")
  | 'verb' // separates the source from the destination ("reach", "->", "访问")
  | 'ping' // a verb that also means ICMP
  | 'reachable' // "db1 is reachable from prod": the words before are the destination, after "from" the source
  | 'from' // introduces the source ("from", "从")
  | 'in' // "in prod": the next word is the cluster
  | 'cluster-after' // "prod 集群", "prod cluster": the previous word is the cluster
  | 'cluster-before' // "cluster prod": the next word is the cluster
  | 'on' // "on 6379" (a port) or "on prod" (a cluster)
  | 'port' // "port 3306", "3306 端口"
  | 'protocol' // tcp, udp, icmp
  | 'to'; // "to": a verb in "prod to db1", filler in "connect to"

export interface Token {
  readonly text: string;
  readonly lower: string;
  readonly kind: TokenKind;
}

// A Map: a word typed as "constructor" must not find Object's member.
const ENGLISH = new Map<string, TokenKind>(
  Object.entries({
    reach: 'verb',
    reaches: 'verb',
    reaching: 'verb',
    access: 'verb',
    accesses: 'verb',
    connect: 'verb',
    connects: 'verb',
    talk: 'verb',
    hit: 'verb',
    '->': 'verb',
    '-->': 'verb',
    '=>': 'verb',
    '→': 'verb',
    '>': 'verb',
    telnet: 'verb',
    nc: 'verb',
    curl: 'verb',
    reachable: 'reachable',
    unreachable: 'reachable',
    reached: 'reachable',
    accessible: 'reachable',
    inaccessible: 'reachable',
    ping: 'ping',
    from: 'from',
    in: 'in',
    of: 'in',
    inside: 'in',
    within: 'in',
    cluster: 'cluster-before',
    on: 'on',
    at: 'on',
    port: 'port',
    tcp: 'protocol',
    udp: 'protocol',
    icmp: 'protocol',
    to: 'to',
  }),
);

const ENGLISH_FILLER = [
  'can',
  'could',
  'cant',
  "can't",
  'cannot',
  'couldnt',
  "couldn't",
  'not',
  'does',
  'doesnt',
  "doesn't",
  'do',
  'dont',
  "don't",
  'did',
  'didnt',
  "didn't",
  'will',
  'wont',
  "won't",
  'would',
  'is',
  'isnt',
  "isn't",
  'are',
  'be',
  'able',
  'why',
  'how',
  'come',
  'i',
  'we',
  'my',
  'our',
  'a',
  'an',
  'the',
  'pod',
  'pods',
  'container',
  'containers',
  'workload',
  'deployment',
  'it',
  'please',
  'still',
  'get',
  'over',
  'via',
  'using',
  'with',
  'and',
  'address',
  'ip',
  'what',
  'about',
  // How people frame a question at 3 a.m.: "check prod to db1", "prod -> db1 3306 timing out".
  'check',
  'verify',
  'unable',
  'anymore',
  'suddenly',
  'timeout',
  'timeouts',
  'timing',
  'times',
  'timed',
  'out',
  'refused',
  'connection',
  'failing',
  'fails',
  'failed',
];
for (const word of ENGLISH_FILLER) ENGLISH.set(word, 'filler');

const CHINESE: Record<string, TokenKind> = {
  访问: 'verb',
  能访问: 'verb',
  可以访问: 'verb',
  连接: 'verb',
  连: 'verb',
  连不上: 'verb',
  连不通: 'verb',
  连通: 'verb',
  到: 'verb',
  从: 'from',
  在: 'in',
  集群: 'cluster-after',
  里: 'cluster-after',
  里的: 'cluster-after',
  中: 'cluster-after',
  中的: 'cluster-after',
  上: 'cluster-after',
  上的: 'cluster-after',
  内: 'cluster-after',
  内的: 'cluster-after',
  端口: 'port',
  协议: 'filler',
  的: 'filler',
  容器: 'filler',
  能: 'filler',
  能否: 'filler',
  能不能: 'filler',
  可以: 'filler',
  可不可以: 'filler',
  是否: 'filler',
  吗: 'filler',
  呢: 'filler',
  吧: 'filler',
  不通: 'filler',
  无法: 'filler',
  不能: 'filler',
  不了: 'filler',
  为什么: 'filler',
  为何: 'filler',
  请问: 'filler',
  工作负载: 'filler',
  地址: 'filler',
  通: 'filler',
  // Symptoms and framing: "访问 db1 超时", "帮我查一下 prod 到 db1", "一直连不上".
  超时: 'filler',
  连接超时: 'filler',
  失败: 'filler',
  报错: 'filler',
  拒绝: 'filler',
  被拒绝: 'filler',
  不行: 'filler',
  有问题: 'filler',
  一直: 'filler',
  总是: 'filler',
  老是: 'filler',
  突然: 'filler',
  了: 'filler',
  不可达: 'filler',
  可达: 'filler',
  怎么: 'filler',
  帮我: 'filler',
  查一下: 'filler',
  看一下: 'filler',
  看看: 'filler',
  检查: 'filler',
  一下: 'filler',
};
const CHINESE_WORDS = Object.keys(CHINESE).sort((a, b) => b.length - a.length);

const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/u;

/** Full-width punctuation people type with a Chinese input method, mapped to ASCII. */
const FULL_WIDTH: Record<string, string> = {
  '？': '?',
  '：': ':',
  '，': ',',
  '。': '.',
  '！': '!',
  '（': '(',
  '）': ')',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '、': ',',
  '；': ';',
  '　': ' ',
  '／': '/',
};

const ARROWS = new Set(['->', '-->', '=>', '→', '>']);

/** Arrows people type or their editor makes ("--" autocorrected to an em dash): all mean "->". */
const ARROW_SPELLINGS = /(—>|–>|-->|->|=>|⟶|➡️?|➜|➔|→|>)/gu;

/** Classify an English (non-CJK) word. */
function classify(text: string): Token {
  const lower = text.toLowerCase();
  return { text, lower, kind: ENGLISH.get(lower) ?? 'word' };
}

/** Split a run of CJK characters into known words (longest first) and unknown stretches. */
function splitChinese(run: string, meter: WorkMeter): Token[] {
  const tokens: Token[] = [];
  let unknown = '';
  let i = 0;
  while (i < run.length) {
    // Each position tries every known word: a constant number of comparisons per character.
    meter.tick(CHINESE_WORDS.length);
    const word = CHINESE_WORDS.find((candidate) => run.startsWith(candidate, i));
    if (word) {
      if (unknown) tokens.push({ text: unknown, lower: unknown, kind: 'word' });
      unknown = '';
      tokens.push({ text: word, lower: word, kind: CHINESE[word] ?? 'filler' });
      i += word.length;
    } else {
      unknown += run[i];
      i += 1;
    }
  }
  if (unknown) tokens.push({ text: unknown, lower: unknown, kind: 'word' });
  return tokens;
}

/** Strip sentence punctuation from the ends of a word, keeping what addresses and names need. */
function trimPunctuation(word: string): string {
  // Slack's *bold*, _italic_ and ~strike~ wrap words too.
  let out = word.replace(/^["'`(<*_~{]+/, '').replace(/["'`)>!?,;。.*_~}]+$/, '');
  // A trailing colon is punctuation ("reach 10.0.0.1:"), but not the end of an IPv6 address like "2407::".
  if (out.endsWith(':') && !out.endsWith('::')) out = out.slice(0, -1);
  return out;
}

/**
 * Slack's markup back to what was typed (the /reach command text arrives escaped, unlike mentions,
 * which the Slack layer cleans): links `<http://10.0.0.1:3306|10.0.0.1:3306>` to their label, mentions
 * and channel links dropped, `&gt;` `&lt;` `&amp;` decoded.
 */
function unSlack(text: string): string {
  const unwrapped = text
    .replace(/<[@#!][^<>]*>/g, ' ')
    .replace(/<[a-z][a-z0-9+.-]*:[^<>|]*\|([^<>]*)>/gi, '$1')
    .replace(/<([a-z][a-z0-9+.-]*:[^<>|]*)>/gi, '$1');
  // A line quoted with "> " is a blockquote, not an arrow.
  return unescapeMrkdwn(unwrapped).replace(/^[ \t]*>(?!>)/gm, ' ');
}

/**
 * Default ports of the URL schemes pasted from connection strings, configs and error messages
 * ("connect ETIMEDOUT redis://10.0.0.5", "jdbc:mysql://db1/orders").
 */
export const SCHEME_PORTS: ReadonlyMap<string, number> = new Map([
  ['http', 80],
  ['https', 443],
  ['ws', 80],
  ['wss', 443],
  ['ftp', 21],
  ['ssh', 22],
  ['sftp', 22],
  ['smtp', 25],
  ['ldap', 389],
  ['ldaps', 636],
  ['mysql', 3306],
  ['postgres', 5432],
  ['postgresql', 5432],
  ['redis', 6379],
  ['rediss', 6379],
  ['mongodb', 27017],
  ['amqp', 5672],
  ['amqps', 5671],
  ['mqtt', 1883],
  ['mqtts', 8883],
  ['nats', 4222],
  ['memcached', 11211],
]);

/**
 * A URL to its host and port: "http://10.0.0.1:8080/health" -> "10.0.0.1:8080", "redis://:secret@cache" ->
 * "cache:6379" (credentials never reach an answer or an error). Without a port and with a scheme whose default is
 * not known, "scheme://host", for the parser to ask for one.
 */
function fromUrl(word: string): string {
  const url = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\/(?:[^/?#@]*@)?([^/?#@]+)/i.exec(word);
  if (!url) return word;
  const scheme = url[1]!.toLowerCase();
  const host = url[2]!;
  const hasPort = /\]:\d+$/.test(host) || (!host.startsWith('[') && /:\d+$/.test(host));
  if (hasPort) return host;
  const port = SCHEME_PORTS.get(scheme);
  return port === undefined ? `${scheme}://${host}` : `${host}:${port}`;
}

/** The scheme and host of a word `fromUrl` left as "scheme://host" (no port, no known default), else undefined. */
export function portlessUrl(word: string): { scheme: string; host: string } | undefined {
  const url = /^([a-z][a-z0-9+.-]*):\/\/(.+)$/.exec(word);
  return url ? { scheme: url[1]!, host: url[2]! } : undefined;
}

/** Turn question text into classified tokens; `meter` gets one tick per character and per token. */
export function tokenize(text: string, meter: WorkMeter = noMeter): Token[] {
  meter.tick(text.length);
  const normalized = [...unSlack(text).normalize('NFKC')]
    .map((ch) => FULL_WIDTH[ch] ?? ch)
    .join('')
    // Arrows are separators even without spaces: "prod->db1".
    .replace(ARROW_SPELLINGS, (arrow) => ` ${ARROWS.has(arrow) ? arrow : '->'} `);
  const tokens: Token[] = [];
  for (const chunk of normalized.split(/\s+/)) {
    meter.tick();
    if (!chunk) continue;
    // Split a chunk into CJK and non-CJK runs: "prod的容器能访问192.168.10.52:3306吗".
    let run = '';
    let runIsCjk = false;
    const flush = () => {
      if (!run) return;
      if (ARROWS.has(run)) tokens.push(classify(run));
      else if (runIsCjk) tokens.push(...splitChinese(run, meter));
      else {
        const word = fromUrl(trimPunctuation(run));
        // "@reachbot can prod reach db1" typed in the shell: the bot's own name is not a word of the question.
        if (word.startsWith('@')) tokens.push({ text: word, lower: word.toLowerCase(), kind: 'filler' });
        else if (word) tokens.push(classify(word));
      }
      run = '';
    };
    for (const ch of chunk) {
      meter.tick();
      const isCjk = CJK.test(ch);
      if (run && isCjk !== runIsCjk) flush();
      runIsCjk = isCjk;
      run += ch;
    }
    flush();
  }
  return tokens;
}

/** Words with a meaning in the grammar; a cluster or resource named like one must be quoted differently. */
export function isReservedWord(word: string): boolean {
  return ENGLISH.has(word.toLowerCase());
}
