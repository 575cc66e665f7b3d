// Sync settings that cannot be taken (a region, a URL, an interval, a cluster) are explained in the asker's language.
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { errorText } from '../../src/i18n/localized-error.js';
import { parseInterval } from '../../src/sync/interval.js';
import { kubernetesTarget } from '../../src/sync/kubernetes.js';
import { parseSyncSource } from '../../src/sync/source.js';
import { runIn, workspace } from '../cli/harness.js';
import { untranslatedWords } from './untranslated.js';

const ZH = i18n('zh');
const EN = i18n('en');

const thrown = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
};

describe('sync settings in Chinese', () => {
  it('says why a source, an interval or a cluster cannot be taken, in Chinese and unchanged in English', () => {
    const refusals = [
      thrown(() => parseSyncSource('huaweicloud:moon')),
      thrown(() => parseSyncSource('terraform:x', { projectId: 'p' })),
      thrown(() => parseSyncSource('http://state.example/x')),
      thrown(() => parseSyncSource('https://u:p@state.example/x')),
      thrown(() => parseSyncSource('ftp-ish')),
      thrown(() => parseInterval('soon')),
      thrown(() => parseInterval('10s')),
      thrown(() => kubernetesTarget('bad name', {})),
      thrown(() => kubernetesTarget('prod', { context: 'c', inCluster: true })),
    ];
    const zh = refusals.map((r) => errorText(r, ZH));
    expect(zh[0]).toBe('“moon”不是华为云区域 ID（例如 huaweicloud:cn-north-4）');
    expect(zh[6]).toBe('10秒钟 太频繁：最短为 1 分钟');
    expect(errorText(refusals[6], EN)).toBe('10s is too often: the minimum is 1 minute');
    for (const text of zh) {
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(untranslatedWords(text, ['moon', 'soon', 'bad', 'name', 'ftp-ish', 'in-cluster', 'kubeconfig'])).toEqual(
        [],
      );
    }
  });

  it('the terminal says it in Chinese with --lang zh', async () => {
    const { dir, store } = await workspace();
    const run = await runIn(dir, { REACHBOT_STORE: store }, [
      'topology',
      'sync',
      'prod',
      '--from',
      'huaweicloud:moon',
      '--lang',
      'zh',
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('“moon”不是华为云区域 ID');
  });
});
