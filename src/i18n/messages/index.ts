// Every message reachbot writes, by area. Each area's module exports one catalog object keyed by message id;
// this index lists them so that the catalog test can enumerate every message in every language.
import type { Catalog } from '../message.js';
import { answer } from './answer.js';
import { cli, cliUsage } from './cli.js';
import { cliCommands, cliImport } from './cli-commands.js';
import { cliHelp } from './cli-help.js';
import { commands } from './commands.js';
import { common } from './common.js';
import { digest } from './digest.js';
import { engineEdges, enginePath, enginePeering, enginePolicy, engineTransit } from './engine-path.js';
import { engineSource } from './engine-source.js';
import { fileImport } from './file-import.js';
import { fixes } from './fixes.js';
import { importErrors } from './import-errors.js';
import { planNotes } from './plan-notes.js';
import { question } from './question.js';
import { scenarios } from './scenarios.js';
import { schedule } from './schedule.js';
import { slack } from './slack.js';
import { sync } from './sync.js';
import { syncSettings } from './sync-settings.js';
import { topologyDiff } from './topology-diff.js';
import { topologyIssues } from './topology-issues.js';
import { topologySummary } from './topology-summary.js';

/** The catalogs by area; an area's ids are unique within it. */
export const CATALOGS: Readonly<Record<string, Catalog>> = {
  common,
  commands,
  answer,
  cli,
  cliUsage,
  cliHelp,
  cliCommands,
  cliImport,
  digest,
  engineSource,
  enginePath,
  enginePeering,
  engineEdges,
  enginePolicy,
  engineTransit,
  fileImport,
  fixes,
  importErrors,
  planNotes,
  question,
  schedule,
  scenarios,
  slack,
  sync,
  syncSettings,
  topologyDiff,
  topologySummary,
  topologyIssues,
};
