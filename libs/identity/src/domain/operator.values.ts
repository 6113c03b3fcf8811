/** `admin` may also change catalog prices and windows; `agent` works customers, cases and orders. */
export const OPERATOR_ROLES = ['admin', 'agent'] as const;
export type OperatorRole = (typeof OPERATOR_ROLES)[number];

export const OPERATOR_STATUSES = ['active', 'disabled'] as const;
export type OperatorStatus = (typeof OPERATOR_STATUSES)[number];

/**
 * Who a sign-in code or a session is for. Customers sign in to the portal, operators to the
 * cockpit; a code or session of one audience never opens the other.
 */
export const LOGIN_AUDIENCES = ['portal', 'cockpit'] as const;
export type LoginAudience = (typeof LOGIN_AUDIENCES)[number];

export const OPERATOR_ID_PATTERN = /^OPR-[0-9a-f]{8}$/;

export interface OperatorView {
  id: string;
  email: string;
  name: string;
  role: OperatorRole;
  status: OperatorStatus;
  createdAt: Date;
  disabledAt: Date | null;
}
