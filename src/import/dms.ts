// DMS (Kafka, RabbitMQ) instances report their addresses as one `connect_address` string, in the API
// and in Terraform state alike.

import { canonicalHostName } from '../names/host-name.js';

function parts(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A connect_address part that is a host name ("broker-0.example.com:9092"), without its port. */
function hostPart(part: string): string | null {
  const host = part.replace(/:\d+$/, '');
  return /[a-z]/i.test(host) && !host.includes(':') ? canonicalHostName(host) : null;
}

/** "192.168.0.1,192.168.0.2" or "192.168.0.1:5672" -> the addresses (host names are left to connectDomainNames). */
export function connectAddresses(text: string | null | undefined): string[] {
  return parts(text)
    .filter((part) => hostPart(part) === null)
    .map((part) => (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(part) ? part.slice(0, part.lastIndexOf(':')) : part));
}

/** The host names among a connect_address's parts, and the instance's domain_name, each once; undefined when none. */
export function connectDomainNames(text: string | null | undefined, domainName?: string | null): string[] | undefined {
  const names = [...parts(text).map(hostPart), domainName ? canonicalHostName(domainName) : null].filter(
    (name): name is string => name !== null,
  );
  return names.length ? [...new Set(names)] : undefined;
}
