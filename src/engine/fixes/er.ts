// Fix kinds `er-route`, `er-association` and `er-propagation`: the enterprise router side of a path.
import type { PlannedFix } from '../context.js';

/** A static route `destination -> attachment` in an ER route table. */
export function erRouteFix(
  enterpriseRouter: string,
  routeTable: string,
  destination: string,
  attachment: string,
  purpose: string,
  note?: string,
  replaces?: string,
): PlannedFix {
  return {
    spec: {
      kind: 'er-route',
      enterpriseRouter,
      routeTable,
      destination,
      attachment,
      ...(note ? { note } : {}),
      ...(replaces ? { replaces } : {}),
    },
    purpose,
  };
}

/** Associate `attachment` with an ER route table. */
export function erAssociationFix(
  enterpriseRouter: string,
  routeTable: string,
  attachment: string,
  purpose: string,
): PlannedFix {
  return { spec: { kind: 'er-association', enterpriseRouter, routeTable, attachment }, purpose };
}

/** Propagate `attachment` into an ER route table (offered as the alternative to a narrower static route). */
export function erPropagationFix(
  enterpriseRouter: string,
  routeTable: string,
  attachment: string,
  purpose: string,
  alternative = false,
  note?: string,
): PlannedFix {
  return {
    spec: {
      kind: 'er-propagation',
      enterpriseRouter,
      routeTable,
      attachment,
      ...(alternative ? { alternative: true } : {}),
      ...(note ? { note } : {}),
    },
    purpose,
  };
}
