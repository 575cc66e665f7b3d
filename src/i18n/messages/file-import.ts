// What the bot says when a topology file shared in Slack cannot be downloaded. The file's name, hosts and the
// CLI command stay as written.
import { fixed, message } from '../message.js';

/** The file-import catalog, keyed by id. */
export const fileImport = {
  'file.download-failed': message<{ file: string; reason: string }>({
    en: (p) => `:x: I could not download \`${p.file}\`: ${p.reason}`,
    zh: (p) => `:x: 无法下载 \`${p.file}\`：${p.reason}`,
  }),
  'file.too-large': message<{ size: string; limit: string; over: boolean }>({
    en: (p) =>
      `it is ${p.over ? 'over ' : ''}${p.size}; files shared in Slack are limited to ${p.limit}; import a larger topology with the CLI (reachbot topology import)`,
    zh: (p) =>
      `文件${p.over ? '超过' : '大小为'} ${p.size}；在 Slack 中分享的文件不能超过 ${p.limit}，更大的拓扑请用命令行导入（\`reachbot topology import\`）`,
  }),
  'file.no-url': fixed('Slack gave no download URL for it', 'Slack 没有提供它的下载地址'),
  'file.not-slack-host': message<{ host: string }>({
    en: (p) => `its download address is not on Slack's file host (${p.host}), so I did not fetch it`,
    zh: (p) => `它的下载地址不在 Slack 的文件服务器上（${p.host}），因此没有下载`,
  }),
  'file.too-many-redirects': fixed('Slack redirected the download too many times', 'Slack 对下载做了过多次重定向'),
  'file.http-status': message<{ status: number }>({
    en: (p) => `Slack answered HTTP ${p.status}`,
    zh: (p) => `Slack 返回了 HTTP ${p.status}`,
  }),
  'file.sign-in-page': fixed(
    'Slack returned a sign-in page instead of the file (does the app have the files:read scope?)',
    'Slack 返回的是登录页面而不是文件（应用是否有 files:read 权限？）',
  ),
} as const;
