// DMS (Kafka, RabbitMQ) instances report their addresses as one `connect_address` string, in the API
// and in Terraform state alike.

/** "192.168.0.1,192.168.0.2" or "192.168.0.1:5672" -> the addresses. */
export function connectAddresses(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(part) ? part.slice(0, part.lastIndexOf(':')) : part));
}
