// Where the Kubernetes credentials come from: a kubeconfig file (the --kubeconfig option, else $KUBECONFIG,
// else ~/.kube/config) with an optional context, or the in-cluster service account when reachbot runs as a pod.
import { KubeConfig } from '@kubernetes/client-node';
import { LocalizedError } from '../i18n/localized-error.js';
import { localized } from '../i18n/message.js';
import { importErrors as E } from '../i18n/messages/import-errors.js';
import { fileProblemOf } from '../runtime/file-problem.js';

export interface KubeConfigSource {
  /** A kubeconfig file; absent: the client's defaults ($KUBECONFIG, ~/.kube/config, in-cluster). */
  readonly kubeconfig?: string;
  /** A context of the kubeconfig; absent: its current context. */
  readonly context?: string;
  /** Use the pod's service account (KUBERNETES_SERVICE_HOST and the mounted token). */
  readonly inCluster?: boolean;
}

/** Build the client configuration; throws with a clear message for an unknown context. */
export function loadKubeConfig(source: KubeConfigSource): KubeConfig {
  const config = new KubeConfig();
  if (source.inCluster) {
    // Outside a pod the client would build "https://undefined:undefined": say what is missing instead.
    if (!process.env.KUBERNETES_SERVICE_HOST || !process.env.KUBERNETES_SERVICE_PORT)
      throw new Error(
        'in-cluster credentials need KUBERNETES_SERVICE_HOST and KUBERNETES_SERVICE_PORT: reachbot is not running in a pod',
      );
    config.loadFromCluster();
  } else if (source.kubeconfig) loadFile(config, source.kubeconfig);
  else config.loadFromDefault();
  if (source.context) {
    const known = config.getContexts().map((c) => c.name);
    if (!known.includes(source.context))
      throw new Error(`no context "${source.context}" in the kubeconfig (contexts: ${known.join(', ') || 'none'})`);
    config.setCurrentContext(source.context);
  }
  if (!config.getCurrentCluster()) throw new Error('the kubeconfig names no cluster for its current context');
  return config;
}

/**
 * Load `file` into `config`; a file that cannot be read is said as the CLI says its own files, in the reader's
 * language, not as the system's ENOENT text. Anything else (a file that is not a kubeconfig) is the client's words.
 */
function loadFile(config: KubeConfig, file: string): void {
  try {
    config.loadFromFile(file);
  } catch (error) {
    if (typeof (error as NodeJS.ErrnoException).code !== 'string') throw error;
    throw new LocalizedError(localized(E['import.kubeconfig-unreadable'], { file, why: fileProblemOf(error) }));
  }
}
