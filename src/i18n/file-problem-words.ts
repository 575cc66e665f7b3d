// Why a file could not be read, in words, for every catalog that names a file (the CLI's own files, a kubeconfig).
import type { FileProblem } from '../runtime/file-problem.js';

/** "no such file", "it is a directory", or the system's code. */
export const enUnreadable = (why: FileProblem): string =>
  why === 'missing' ? 'no such file' : why === 'directory' ? 'it is a directory' : why.code;

/** 文件不存在、这是一个目录，或系统的错误码。 */
export const zhUnreadable = (why: FileProblem): string =>
  why === 'missing' ? '文件不存在' : why === 'directory' ? '这是一个目录' : why.code;
