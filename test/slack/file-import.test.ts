import { describe, expect, it } from 'vitest';
import { importName, topologyFiles } from '../../src/slack/file-import.js';

describe('topologyFiles', () => {
  it('keeps YAML and JSON files and drops everything else, validating Slack’s file objects', () => {
    const files = topologyFiles([
      { id: 'F1', name: 'prod.yaml' },
      { id: 'F2', name: 'diagram.png', filetype: 'png' },
      { id: 'F3', name: 'export', filetype: 'json' },
      { name: 'no-id.yaml' },
      'garbage',
    ]);
    expect(files.map((file) => file.id)).toEqual(['F1', 'F3']);
    expect(topologyFiles(undefined)).toEqual([]);
  });
});

describe('importName', () => {
  it('takes the name from `topology import NAME`, else from the file name', () => {
    expect(importName('topology import prod-net', { id: 'F1', name: 'x.yaml' })).toBe('prod-net');
    expect(importName('import staging', { id: 'F1', name: 'x.yaml' })).toBe('staging');
    expect(importName('', { id: 'F1', name: 'CN North 4 (prod).yml' })).toBe('CN-North-4-prod-');
    expect(importName('', { id: 'F1' })).toBe('F1');
  });
});
