// Conversation gaps: thanks, "why?", "and udp?" after a declared-port answer, misspelled subcommands, Chinese
// command words, `unwatch 1`, and questions recognised but not answerable yet.
import { describe, expect, it } from 'vitest';
import { type Conversation, converse } from '../../src/commands/converse.js';
import { createRegistry } from '../../src/commands/registry.js';
import type { CommandContext } from '../../src/commands/subcommand.js';
import { digestSubcommands } from '../../src/digest/index.js';
import { flowsOf } from '../../src/engine/diagnosis.js';
import { MemoryStore } from '../../src/store/memory-store.js';
import { FIXED_NOW, seedTopology } from '../slack/helpers.js';

async function setup() {
  const store = new MemoryStore();
  await seedTopology(store, 'prod-net');
  const context: CommandContext = { store, userId: 'U1', channelId: 'C1', isAdmin: true, now: () => FIXED_NOW };
  const registry = createRegistry(digestSubcommands);
  return { store, context, registry };
}

const textOf = (outcome: Awaited<ReturnType<typeof converse>>): string =>
  outcome.kind === 'reply' ? outcome.reply.text : outcome.kind === 'error' ? outcome.message : 'answer';

describe('conversation gaps', () => {
  it('"thanks!" and 谢谢 get a short reply in their own language, not "unknown cluster"', async () => {
    const { context, registry } = await setup();
    for (const text of ['thanks!', 'Thank you']) {
      const outcome = await converse(text, context, registry);
      expect(outcome.kind).toBe('reply');
      expect(textOf(outcome)).toMatch(/welcome/);
    }
    const chinese = await converse('谢谢', context, registry);
    expect(chinese.kind).toBe('reply');
    expect(textOf(chinese)).toMatch(/^不客气/);
  });

  it('"why?" after an answer names the steps behind the verdict', async () => {
    const { context, registry } = await setup();
    const first = await converse('can prod reach db1 on 3306', context, registry);
    if (first.kind !== 'answer') throw new Error('expected an answer');
    const previous: Conversation = { topology: first.answer.topology, question: first.answer.question };
    const why = await converse('why?', context, registry, previous);
    expect(why.kind).toBe('reply');
    expect(textOf(why)).toMatch(new RegExp(first.answer.result.verdict));
    if (first.answer.result.verdict !== 'reachable') expect(textOf(why)).toMatch(/•/);
  });

  it('"and udp?" after a declared-port answer asks the previous port over UDP', async () => {
    const { context, registry } = await setup();
    const first = await converse('can prod reach db1', context, registry);
    if (first.kind !== 'answer') throw new Error('expected an answer');
    const previous: Conversation = { topology: first.answer.topology, question: first.answer.question };
    const udp = await converse('and udp?', context, registry, previous);
    if (udp.kind !== 'answer') throw new Error(`expected an answer, got ${textOf(udp)}`);
    const flows = flowsOf(udp.answer.result);
    expect(flows.map((f) => `${f.question.protocol}/${f.question.port}`)).toEqual(['udp/3306']);
  });

  it.each([
    ['topolgy show prod-net', 'topology'],
    ['wach prod db1', 'watch'],
    ['clustres', 'clusters'],
  ])('"%s" gets "did you mean %s"', async (text, near) => {
    const { context, registry } = await setup();
    const outcome = await converse(text, context, registry);
    expect(outcome.kind).toBe('error');
    expect(textOf(outcome)).toContain(`did you mean \`${near}\``);
  });

  it('帮助 is help, and 集群 lists the clusters', async () => {
    const { context, registry } = await setup();
    const help = await converse('帮助', context, registry);
    expect(help.kind === 'reply' && help.subcommand).toBe('help');
    const clusters = await converse('集群', context, registry);
    expect(clusters.kind === 'reply' && clusters.subcommand).toBe('clusters');
  });

  it('`unwatch 1` accepts the bare number of w1', async () => {
    const { context, registry } = await setup();
    const watched = await converse('watch prod db1', context, registry);
    expect(textOf(watched)).toMatch(/w1/);
    const removed = await converse('unwatch 1', context, registry);
    expect(textOf(removed)).not.toMatch(/No watch/);
    expect(textOf(await converse('watches', context, registry))).not.toMatch(/w1\b/);
  });

  it('"who can reach db1?" is a reverse question (answered by reverse questions), never "unknown cluster"', async () => {
    const { context, registry } = await setup();
    const outcome = await converse('who can reach db1?', context, registry);
    expect(textOf(outcome)).not.toMatch(/unknown cluster|can't yet list/);
  });

  it.each([["what's wrong with prod?", /can't audit/]])(
    '"%s" is recognised and says what can be asked instead',
    async (text, words) => {
      const { context, registry } = await setup();
      const outcome = await converse(text, context, registry);
      expect(textOf(outcome)).toMatch(words);
      expect(textOf(outcome)).toContain('can pod in CLUSTER reach ADDRESS?');
      expect(textOf(outcome)).not.toMatch(/unknown cluster/);
    },
  );
});

describe("Object's member names as messages", () => {
  it('are read as words, alone and after an answer, never as a command or a format', async () => {
    const { context, registry } = await setup();
    const first = await converse('can prod reach db1 on 3306', context, registry);
    if (first.kind !== 'answer') throw new Error('expected an answer');
    const previous: Conversation = { topology: first.answer.topology, question: first.answer.question };
    for (const name of Object.getOwnPropertyNames(Object.prototype)) {
      for (const after of [undefined, previous]) {
        const outcome = await converse(name, context, registry, after);
        // Not a subcommand, not a fix format: the word is a question that names something unknown.
        expect(outcome.kind, name).toBe('error');
        expect(textOf(outcome), name).not.toMatch(/is not a function|Cannot read/);
      }
    }
  });
});
