/** The base paths of the official swaggers in /work/shared/tmf (their versions, not ours). */
export const TMF_BASE = {
  productCatalog: '/tmf-api/productCatalogManagement/v2',
  productOrdering: '/tmf-api/productOrdering/v4',
  party: '/tmf-api/party/v4',
  serviceOrdering: '/tmf-api/serviceOrdering/v3',
  prepayBalance: '/tmf-api/prepayBalanceManagement/v2',
  usageConsumption: '/tmf-api/usageConsumption/v4',
} as const;
