// Files that ship with reachbot, located from this module so that they are found from src/cli/ (tsx), dist/cli/
// (compiled) and dist/bundle/ (the bundles of the CLI and the bot) alike: all are two levels below the package root.
// Every path to a shipped file is defined here, never relative to a module one level up.
import { fileURLToPath } from 'node:url';

/** The sample topology a new user asks their first question against. */
export const SAMPLE_TOPOLOGY_PATH = fileURLToPath(new URL('../../data/sample.yaml', import.meta.url));

/** reachbot's package.json, for `reachbot --version`. */
export const PACKAGE_JSON_PATH = fileURLToPath(new URL('../../package.json', import.meta.url));
