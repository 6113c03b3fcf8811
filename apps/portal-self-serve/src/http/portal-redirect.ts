/** A write refused before any command ran (confirm gate, missing choice): flash on the form page. */
export class PortalRefusal extends Error {
  constructor(
    readonly backUrl: string,
    readonly rule: string,
    readonly copy: string,
    readonly status = 303,
  ) {
    super(copy);
  }
}
