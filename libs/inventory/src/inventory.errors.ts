/** Every rule id the inventory context raises (`PolicyViolation.rule`). */
export const INVENTORY_RULES = {
  msisdnReserveStatusMustBeAvailable: 'msisdn.reserve.status_must_be_available',
  msisdnReserveNoAvailable: 'msisdn.reserve.no_available',
  msisdnAssignMustBeReserved: 'msisdn.assign.must_be_reserved',
  msisdnReleaseOnlyIfReservedOrAssigned: 'msisdn.release.only_if_reserved_or_assigned',
  msisdnReleaseTerminalStatus: 'msisdn.release.terminal_status',
  msisdnRetireOnlyIfReservedOrAssigned: 'msisdn.retire.only_if_reserved_or_assigned',
  msisdnPortOutNotPortedOut: 'msisdn.port_out.not_already_ported_out',
  msisdnAddRangeSanePrefix: 'msisdn.add_range.sane_prefix',
  esimReserveStatusMustBeAvailable: 'esim.reserve.status_must_be_available',
  esimReleaseOnlyIfReservedOrAssigned: 'esim.release.only_if_reserved_or_assigned',
  esimReleaseNeverIssued: 'esim.release.only_if_never_issued',
  esimRecycleOnlyIfIssued: 'esim.recycle.only_if_issued',
  esimAssignMsisdnEsimMustBeReserved: 'esim.assign_msisdn.esim_must_be_reserved',
  esimAssignMsisdnMsisdnMustBeReserved: 'esim.assign_msisdn.msisdn_must_be_reserved',
  esimTransitionInvalid: 'esim.transition.invalid',
} as const;
export type InventoryRule = (typeof INVENTORY_RULES)[keyof typeof INVENTORY_RULES];

/** Audit event types (also the domain events other contexts may react to). */
export const INVENTORY_EVENTS = {
  msisdnReserved: 'inventory.msisdn.reserved',
  msisdnAssigned: 'inventory.msisdn.assigned',
  msisdnReleased: 'inventory.msisdn.released',
  msisdnQuarantined: 'inventory.msisdn.quarantined',
  msisdnPortedOut: 'inventory.msisdn.ported_out',
  msisdnSeededFromPortIn: 'inventory.msisdn.seeded_from_port_in',
  msisdnRangeAdded: 'inventory.msisdn.range_added',
  msisdnPoolLow: 'inventory.msisdn.pool_low',
  esimReserved: 'inventory.esim.reserved',
  esimAssigned: 'inventory.esim.msisdn_assigned',
  esimReleased: 'inventory.esim.released',
  esimRecycled: 'inventory.esim.recycled',
} as const;
