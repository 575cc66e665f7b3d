// The help of every command in the terminal's language: commands register their options in English, and
// this pass puts the catalog's words (src/i18n/messages/cli-help.ts) on them, with commander's own words
// ("[options]", "default:", "choices:") in the same language.
import type { Command, Help, Option } from 'commander';
import type { I18n } from '../i18n/i18n.js';
import type { Message } from '../i18n/message.js';
import { cliHelp } from '../i18n/messages/cli-help.js';

const CATALOG: Readonly<Record<string, Message<undefined>>> = cliHelp;

/** The catalog id of an option or argument of the command at `path` ("topology sync"). */
export function helpId(path: string, term: string): string {
  return `cli.help.${path}.${term}`;
}

/** The command's path below the program: "topology sync". */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at?.parent; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/** The catalog's "after" text of a command (examples, exit statuses), in `text`'s language. */
export function helpAfter(path: string, text: I18n): string {
  const message = CATALOG[helpId(path, 'after')];
  if (!message) throw new Error(`no help text after ${path}`);
  return text.t(message, undefined);
}

/** Put the catalog's descriptions on every option and argument of `program` and its subcommands. */
export function localizeHelp(program: Command, text: I18n): void {
  if (text.lang === 'en') return;
  const walk = (command: Command): void => {
    const path = commandPath(command);
    for (const argument of command.registeredArguments) {
      const message = CATALOG[helpId(path, `<${argument.name()}>`)];
      if (message) argument.description = text.t(message, undefined);
    }
    for (const option of command.options) {
      const message = CATALOG[helpId(path, option.long ?? option.short ?? '')];
      if (message) option.description = text.t(message, undefined);
    }
    for (const sub of command.commands) walk(sub);
  };
  walk(program);
}

/** Commander's own words in the help, in Chinese (its headings are styled apart, in main.ts). */
export const HELP_WORDS_ZH: Partial<Help> = {
  styleUsage: (usage: string) => usage.replace('[options]', '[选项]').replace('[command]', '[命令]'),
  styleSubcommandTerm: (term: string) => term.replace('[options]', '[选项]'),
  optionDescription(option: Option): string {
    const extra: string[] = [];
    if (option.argChoices) extra.push(`可选值：${option.argChoices.map((c) => JSON.stringify(c)).join('、')}`);
    // Shown when commander shows it: for options taking a value, and booleans given a boolean default.
    const shown =
      option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && shown)
      extra.push(`默认值：${option.defaultValueDescription || JSON.stringify(option.defaultValue)}`);
    if (option.envVar !== undefined) extra.push(`环境变量：${option.envVar}`);
    return extra.length ? `${option.description}（${extra.join('；')}）` : option.description;
  },
};
