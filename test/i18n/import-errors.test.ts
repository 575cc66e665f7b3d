// An import that cannot start (no credentials, a bad region, a file that is not a state) is explained in the
// asker's language; a cloud API's own words stay as they came.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { i18n } from '../../src/i18n/i18n.js';
import { errorText, LocalizedError } from '../../src/i18n/localized-error.js';
import { HuaweiCloudAuthError, ImportSetupError, importHuaweiCloud } from '../../src/import/huaweicloud/index.js';
import { importTerraformState, TerraformStateError } from '../../src/import/terraform/index.js';
import { runIn, workspace } from '../cli/harness.js';
import { untranslatedWords } from './untranslated.js';

const ZH = i18n('zh');
const EN = i18n('en');

describe('import errors in the asker language', () => {
  it('the terminal says why an import could not start, in Chinese with --lang zh and in English without', async () => {
    const { dir, store } = await workspace();
    const zh = await runIn(dir, { REACHBOT_STORE: store }, [
      'import',
      'huaweicloud',
      '--region',
      'cn-north-4',
      '--lang',
      'zh',
    ]);
    expect(zh.code).toBe(2);
    expect(zh.stderr).toContain('导入失败：没有华为云访问凭证：请将 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK');
    const en = await runIn(dir, { REACHBOT_STORE: store }, ['import', 'huaweicloud', '--region', 'cn-north-4']);
    expect(en.stderr).toContain('import failed: no Huawei Cloud credentials: set HUAWEICLOUD_SDK_AK');

    const state = join(dir, 'broken.tfstate');
    await writeFile(state, '{ not json');
    const tf = await runIn(dir, { REACHBOT_STORE: store }, ['import', 'terraform', state, '--lang', 'zh']);
    expect(tf.code).toBe(2);
    expect(tf.stderr).toMatch(/导入失败：.*broken\.tfstate 不是 JSON：`/);
  });

  it('every setup error of the importers has a Chinese text without English words', async () => {
    const errors: LocalizedError[] = [];
    const keep = (error: unknown) => {
      if (!(error instanceof LocalizedError)) throw error;
      errors.push(error);
    };
    const env = { HUAWEICLOUD_SDK_AK: 'ak', HUAWEICLOUD_SDK_SK: 'sk' };
    await importHuaweiCloud({ region: 'moon', env }).catch(keep);
    await importHuaweiCloud({ region: 'cn-north-4', env: {} }).catch(keep);
    await importHuaweiCloud({ region: 'cn-north-4', env, endpoints: { ftp: 'https://x.example' } }).catch(keep);
    await importHuaweiCloud({ region: 'cn-north-4', env, endpoints: { vpc: 'ftp://x' } }).catch(keep);
    await importHuaweiCloud({ region: 'cn-north-4', env, domain: 'not a domain' }).catch(keep);
    for (const input of ['{', '{"version":3}']) {
      try {
        importTerraformState(input, 'x.tfstate');
      } catch (error) {
        keep(error);
      }
    }
    errors.push(new HuaweiCloudAuthError('APIGW.0301: Incorrect IAM authentication information'));
    expect(errors.map((e) => e.constructor)).toEqual([
      ImportSetupError,
      ImportSetupError,
      ImportSetupError,
      ImportSetupError,
      ImportSetupError,
      TerraformStateError,
      TerraformStateError,
      HuaweiCloudAuthError,
    ]);
    for (const error of errors) {
      expect(errorText(error, EN)).toBe(error.message);
      const zh = errorText(error, ZH);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      // Flags, variables, URLs and the source's own words (in backticks) are allowed.
      expect(
        untranslatedWords(zh.replace(/`[^`]*`/g, ''), ['moon', 'ftp', 'x.tfstate', 'not', 'a', 'domain', 'version']),
      ).toEqual([]);
    }
  });

  it('an error from elsewhere is shown as it came', () => {
    expect(errorText(new Error('socket hang up'), ZH)).toBe('socket hang up');
    expect(errorText('plain', ZH)).toBe('plain');
  });
});
