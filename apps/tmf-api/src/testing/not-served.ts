// Spec helper: the official operations this app does not serve, kept by hand so the tests notice any change.

/**
 * Official operations answered with a TMF 501/405 error instead of being served (the reason of each
 * is in `not-served.controllers.ts`). A test fails when one starts being served (remove it here) and
 * when a served one stops (a regression).
 */
export const NOT_SERVED = new Set([
  // tmf620
  'tmf620 POST /importJob',
  'tmf620 GET /importJob',
  'tmf620 GET /importJob/{id}',
  'tmf620 DELETE /importJob/{id}',
  'tmf620 POST /exportJob',
  'tmf620 GET /exportJob',
  'tmf620 GET /exportJob/{id}',
  'tmf620 DELETE /exportJob/{id}',
]);
