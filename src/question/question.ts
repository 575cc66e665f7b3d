// A parsed question: who asks (a cluster, maybe one workload), what they want to reach, and how.

export type QuestionProtocol = 'tcp' | 'udp' | 'icmp';

/** What a user asked, before the engine resolves names against a topology. */
export interface Question {
  /** The cluster name as typed (resolved case-insensitively by the engine). */
  readonly cluster: string;
  /** "namespace/name" of a workload, or null for the cluster's default pod. */
  readonly workload: string | null;
  /** An IP address or a resource name, as typed. */
  readonly destination: string;
  /** Absent: check the resource's declared ports, else ICMP echo. */
  readonly protocol?: QuestionProtocol;
  readonly port?: number;
}
