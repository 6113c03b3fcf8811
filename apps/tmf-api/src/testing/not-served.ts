// Spec helper: the official operations this app does not serve, kept by hand so the tests notice any change.

/**
 * Official operations answered with a TMF 501/405 error instead of being served (the reason of each
 * is in `not-served.controllers.ts`). A test fails when one starts being served (remove it here) and
 * when a served one stops (a regression).
 */
export const NOT_SERVED = new Set<string>([]);
