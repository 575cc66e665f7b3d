// manifest.yml against the code: every command, event and action the listeners register is declared,
// and nothing declared (commands, events, scopes) is unused.
import { readFileSync } from 'node:fs';
import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { createRegistry } from '../../src/commands/registry.js';
import { createLogger } from '../../src/log/logger.js';
import { registerListeners } from '../../src/slack/listeners/index.js';
import { BOT_SCOPES, EVENT_SCOPES } from '../../src/slack/scopes.js';
import { MemoryStore } from '../../src/store/memory-store.js';

interface Manifest {
  features: {
    app_home: { home_tab_enabled: boolean; messages_tab_enabled: boolean; messages_tab_read_only_enabled: boolean };
    slash_commands: { command: string; description: string; usage_hint?: string; url?: string }[];
  };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { bot_events: string[]; request_url?: string };
    interactivity: { is_enabled: boolean; request_url?: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync('manifest.yml', 'utf8')) as Manifest;

/** Register the real listeners on a recorder that notes what each registration matches. */
function registered() {
  const seen = { commands: [] as string[], events: [] as string[], actions: [] as string[], other: [] as string[] };
  const recorder = {
    command: (name: string) => seen.commands.push(name),
    event: (name: string) => seen.events.push(name),
    action: (id: string) => seen.actions.push(id),
    message: () => seen.other.push('message'),
    view: () => seen.other.push('view'),
    shortcut: () => seen.other.push('shortcut'),
    options: () => seen.other.push('options'),
  };
  registerListeners(recorder as unknown as App, {
    store: new MemoryStore(),
    logger: createLogger({ level: 'silent' }),
    now: () => new Date(),
    admins: new Set(),
    registry: createRegistry(),
    botToken: 'xoxb-test',
  });
  return seen;
}

// A `message` listener serves DMs only (it returns unless channel_type is im), so it needs message.im.
const EVENT_SUBSCRIPTION: Record<string, string> = { message: 'message.im' };

describe('manifest.yml', () => {
  const seen = registered();

  it('declares exactly the slash commands the code handles, each with a usage hint and no URL (Socket Mode)', () => {
    expect(manifest.features.slash_commands.map((c) => c.command).sort()).toEqual([...seen.commands].sort());
    for (const command of manifest.features.slash_commands) {
      expect(command.usage_hint?.length).toBeGreaterThan(0);
      expect(command.url).toBeUndefined();
    }
  });

  it('subscribes to exactly the events the code listens to', () => {
    const handled = seen.events.map((name) => EVENT_SUBSCRIPTION[name] ?? name).sort();
    expect([...manifest.settings.event_subscriptions.bot_events].sort()).toEqual(handled);
    expect(manifest.settings.event_subscriptions.request_url).toBeUndefined();
  });

  it('enables interactivity because buttons are handled, and every button of an answer has a listener', async () => {
    const { ACTION_IDS } = await import('../../src/render/actions.js');
    expect(seen.actions.length).toBeGreaterThan(0);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect([...seen.actions].sort()).toEqual(Object.values(ACTION_IDS).sort());
    expect(seen.other).toEqual([]);
  });

  it('asks for exactly the justified bot scopes, including the one each subscribed event needs', () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(Object.keys(BOT_SCOPES).sort());
    for (const event of manifest.settings.event_subscriptions.bot_events) {
      expect(Object.keys(EVENT_SCOPES)).toContain(event);
      const scope = EVENT_SCOPES[event];
      if (scope) expect(manifest.oauth_config.scopes.bot).toContain(scope);
    }
    if (manifest.features.slash_commands.length) expect(manifest.oauth_config.scopes.bot).toContain('commands');
  });

  it('documents every scope in docs/SLACK.md', () => {
    const doc = readFileSync('docs/SLACK.md', 'utf8');
    for (const scope of manifest.oauth_config.scopes.bot) expect(doc).toContain(`\`${scope}\``);
  });

  it('is a Socket Mode app with the App Home tab and a DM tab users can write in', () => {
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_enabled).toBe(true);
    expect(manifest.features.app_home.messages_tab_read_only_enabled).toBe(false);
  });
});
