// What the importers say when they cannot start or are refused: our words around the source's own (an API's
// error code and message, quoted as they came). Variable names, flags, regions and URLs stay as written.
import type { FileProblem } from '../../runtime/file-problem.js';
import { enUnreadable, zhUnreadable } from '../file-problem-words.js';
import { message } from '../message.js';

/** The import-error catalog, keyed by id. */
export const importErrors = {
  'import.kubeconfig-unreadable': message<{ file: string; why: FileProblem }>({
    en: (p) => `cannot read the kubeconfig ${p.file}: ${enUnreadable(p.why)}`,
    zh: (p) => `无法读取 kubeconfig 文件 ${p.file}：${zhUnreadable(p.why)}`,
  }),
  'import.no-credentials': message<{ doc: string }>({
    en: (p) =>
      `no Huawei Cloud credentials: set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK (or HUAWEICLOUD_ACCESS_KEY and HUAWEICLOUD_SECRET_KEY) to an access key with read-only permissions (see ${p.doc})`,
    zh: (p) =>
      `没有华为云访问凭证：请将 HUAWEICLOUD_SDK_AK 和 HUAWEICLOUD_SDK_SK（或 HUAWEICLOUD_ACCESS_KEY 和 HUAWEICLOUD_SECRET_KEY）设置为只读权限的访问密钥（见 ${p.doc}）`,
  }),
  'import.bad-region': message<{ region: string }>({
    en: (p) => `"${p.region}" is not a Huawei Cloud region id (e.g. cn-north-4, ap-southeast-1)`,
    zh: (p) => `“${p.region}”不是华为云区域 ID（例如 cn-north-4、ap-southeast-1）`,
  }),
  'import.unknown-service': message<{ service: string; services: readonly string[] }>({
    en: (p) => `no service "${p.service}" to override: the importer calls ${p.services.join(', ')}`,
    zh: (p) => `没有可覆盖的服务“${p.service}”：导入时调用的服务为 ${p.services.join('、')}`,
  }),
  'import.bad-endpoint': message<{ service: string; value: string }>({
    en: (p) =>
      `the ${p.service} endpoint "${p.value}" is not an http(s) base URL (e.g. https://${p.service}.cn-north-4.example.com)`,
    zh: (p) =>
      `${p.service} 的终端节点“${p.value}”不是 http 或 https 基础 URL（例如 https://${p.service}.cn-north-4.example.com）`,
  }),
  'import.bad-domain': message<{ domain: string }>({
    en: (p) => `"${p.domain}" is not a domain name (e.g. myhuaweicloud.eu)`,
    zh: (p) => `“${p.domain}”不是域名（例如 myhuaweicloud.eu）`,
  }),
  'import.no-project': message<{ region: string }>({
    en: (p) => `could not find the project of region ${p.region}; pass --project-id or set HUAWEICLOUD_PROJECT_ID`,
    zh: (p) => `找不到区域 ${p.region} 的项目；请使用 --project-id 或设置 HUAWEICLOUD_PROJECT_ID`,
  }),
  'import.refused-credentials': message<{ detail: string }>({
    en: (p) =>
      `Huawei Cloud refused the credentials (${p.detail}). Check HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK: the access key may be expired, disabled, deleted or mistyped, the secret key may not belong to it, or this computer's clock may be off by more than 15 minutes.`,
    zh: (p) =>
      `华为云拒绝了访问凭证（\`${p.detail.replace(/`/g, "'")}\`）。请检查 HUAWEICLOUD_SDK_AK / HUAWEICLOUD_SDK_SK：访问密钥可能已过期、停用、删除或输错，私有访问密钥可能与之不匹配，或者本机时钟偏差超过 15 分钟。`,
  }),
  'import.terraform-not-state': message<{ source: string; path: string; detail: string }>({
    en: (p) => `${p.source} is not a Terraform state v4: ${p.path || '(top level)'}: ${p.detail}`,
    zh: (p) => `${p.source} 不是 Terraform 状态文件 v4：${p.path || '（顶层）'}：\`${p.detail.replace(/`/g, "'")}\``,
  }),
  'import.terraform-not-json': message<{ source: string; detail: string }>({
    en: (p) => `${p.source} is not JSON: ${p.detail}`,
    zh: (p) => `${p.source} 不是 JSON：\`${p.detail.replace(/`/g, "'")}\``,
  }),
} as const;
